"""Start-up to a usable window: the frozen bundle against the pip-installed app, same run, same database.

    python bench/startup.py [--bundle DIR] [--db PATH] [--runs N]
    python bench/run.py --only startup

Both apps are started offscreen with SOLOCRM_QUIT_WHEN_READY, which prints
"ready" once the main window is shown and the event loop has run (the
customer list filled), then quits; the time is from launch to that line.
The first start of each is reported apart (cold-ish: the OS has not cached
the bundle yet after a fresh build); then runs alternate, and medians are
compared.  Target: frozen <= 1.5 x pip.  The bundle's unpacked size is
reported too (target: under 250 MiB).

Without ``--bundle`` the bundle in dist/ is used, or built into a temporary
folder (about three minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and a source checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Context, Result, log, median  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402

RUNS = 7
TARGET_RATIO = 1.5
TARGET_SIZE_MIB = 250


def _pip_command() -> list[str]:
    from solocrm.commands.desktop import launcher_command

    return launcher_command()


def time_to_ready_ms(command: list[str], db: Path, home: Path) -> float:
    # Bytecode is cached as on a user's machine (pip compiles it at install; Python writes it on the first start).
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
           "QT_QPA_PLATFORM": "offscreen", "SOLOCRM_QUIT_WHEN_READY": "1",
           "SOLOCRM_DATA_DIR": str(home / "data"), "XDG_DATA_HOME": str(home / "share"),
           "XDG_CONFIG_HOME": str(home / "config")}
    start = time.perf_counter()
    process = subprocess.Popen([*command, "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == "ready":
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        raise RuntimeError(f"{command[0]} exited ({process.wait()}) without a usable window")
    process.wait(timeout=60)
    return elapsed


def measure(bundle_dist: Path, db: Path, runs: int = RUNS) -> list[Result]:
    frozen = [str(build.command_line_executable(bundle_dist))]
    pip = _pip_command()
    with tempfile.TemporaryDirectory(prefix="solocrm-startup-") as tmp:
        home = Path(tmp)
        first_frozen = time_to_ready_ms(frozen, db, home)
        first_pip = time_to_ready_ms(pip, db, home)
        frozen_ms, pip_ms = [], []
        for i in range(runs):
            log(f"startup run {i + 1}/{runs}")
            pip_ms.append(time_to_ready_ms(pip, db, home))
            frozen_ms.append(time_to_ready_ms(frozen, db, home))
    pip_median = median(pip_ms)
    size = build.size_bytes(build.app_path(bundle_dist)) / 2**20
    return [
        Result("startup_pip_first", first_pip, "ms"),
        Result("startup_frozen_first", first_frozen, "ms", baseline=first_pip),
        Result("startup_pip_median", pip_median, "ms"),
        Result("startup_frozen_median", median(frozen_ms), "ms", target=round(TARGET_RATIO * pip_median, 1),
               baseline=pip_median),
        Result("bundle_size", size, "MiB", target=TARGET_SIZE_MIB),
    ]


def _bundle(dist: Path | None, workdir: Path) -> Path:
    if dist is not None:
        return dist
    if build.command_line_executable(ROOT / "dist").exists():
        return ROOT / "dist"
    log("building the bundle (about three minutes)")
    build.build(workdir / "dist", workdir / "work")
    return workdir / "dist"


def run(ctx: Context) -> list[Result]:
    """bench/run.py's entry: start-up over the run's demo database."""
    with tempfile.TemporaryDirectory(prefix="solocrm-bundle-") as tmp:
        return measure(_bundle(None, Path(tmp)), ctx.db_path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="dist folder of a built bundle (default: dist/ or build one)")
    parser.add_argument("--db", type=Path, help="database to open (default: a new 2,000-customer demo)")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="solocrm-startup-bench-") as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.sqlite3"
            subprocess.run([*_pip_command(), "demo", "--db", str(db), "--customers", "2000"], check=True,
                           stdout=subprocess.DEVNULL)
        results = measure(_bundle(args.bundle, Path(tmp)), db, args.runs)
    print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
