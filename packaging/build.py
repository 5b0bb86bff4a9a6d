"""Build the SoloCRM desktop app with PyInstaller, then prove it starts.

    python packaging/build.py [--dist DIR] [--work DIR] [--archive] [--no-check]

Run it with the Python that has SoloCRM installed with its test extra
(``pip install -e ".[test]"`` brings PyInstaller); build on each platform for
that platform:

    Linux    dist/SoloCRM/SoloCRM          (folder; --archive adds dist/SoloCRM-<version>-linux-x86_64.tar.gz)
    Windows  dist/SoloCRM/SoloCRM.exe      (and solocrm-cli.exe for the command line)
    macOS    dist/SoloCRM.app

Steps: compile the translations, run PyInstaller on packaging/solocrm.spec,
run the result with ``--version`` and ``self-check`` (headless: database,
migrations, translations, icons, main window), print the bundle's size.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "solocrm.spec"
NAME = "SoloCRM"

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
import translations  # noqa: E402

from solocrm import __version__  # noqa: E402


def app_path(dist: Path) -> Path:
    """What a user gets: the folder (Linux, Windows) or the .app (macOS)."""
    return dist / f"{NAME}.app" if sys.platform == "darwin" else dist / NAME


def command_line_executable(dist: Path) -> Path:
    """The bundled executable that prints to a terminal (the windowed .exe on Windows cannot)."""
    if sys.platform == "win32":
        return dist / NAME / "solocrm-cli.exe"
    if sys.platform == "darwin":
        return dist / f"{NAME}.app" / "Contents" / "MacOS" / NAME
    return dist / NAME / NAME


def size_bytes(path: Path) -> int:
    """Unpacked size on disk, symlinks counted once (as the user's disk sees it)."""
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path, release_translations: bool = True) -> Path:
    """PyInstaller on the spec; compiles the .ts first unless the caller knows the .qm are current."""
    if release_translations:
        translations.release()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
        check=True, cwd=ROOT,
    )
    return app_path(dist)


def check(dist: Path) -> list[str]:
    """Run the frozen app headless; returns its output, raises when it fails."""
    exe = command_line_executable(dist)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    outputs = []
    for args in (["--version"], ["self-check"]):
        result = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=300)
        if result.returncode != 0:
            raise SystemExit(f"{exe.name} {' '.join(args)} failed ({result.returncode}):\n"
                             f"{result.stdout}{result.stderr}")
        outputs.append(result.stdout.strip())
    return outputs


def archive(dist: Path) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = dist / f"{NAME}-{__version__}-{system}-{platform.machine().lower()}"
    if sys.platform.startswith("linux"):
        return Path(shutil.make_archive(str(base), "gztar", dist, NAME))
    return Path(shutil.make_archive(str(base), "zip", dist, app_path(dist).name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the SoloCRM desktop app.")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    parser.add_argument("--archive", action="store_true", help="also pack the app into a .tar.gz / .zip")
    parser.add_argument("--no-check", action="store_true", help="do not run the built app")
    args = parser.parse_args(argv)

    app = build(args.dist.resolve(), args.work.resolve())
    if not args.no_check:
        for line in check(args.dist.resolve()):
            print(line)
    print(f"{app}: {size_bytes(app) / 2**20:.0f} MiB unpacked")
    if args.archive:
        packed = archive(args.dist.resolve())
        print(f"{packed}: {packed.stat().st_size / 2**20:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
