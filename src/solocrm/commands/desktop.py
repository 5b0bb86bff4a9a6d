"""Desktop integration: a launcher in the applications menu, and the bundle's self-check.

``solocrm install-desktop-entry`` writes ``solocrm.desktop`` and the app icon
in every size into the user's XDG data folder (``~/.local/share`` unless
``XDG_DATA_HOME`` says otherwise), so SoloCRM appears in the menu of GNOME,
KDE, Xfce, Deepin and the rest; ``remove-desktop-entry`` takes them out again.
The frozen Linux bundle adds its own entry the first time it starts
(``ensure_bundle_entry``), as a portable app should.

``solocrm self-check`` (hidden) is for packagers and the bundle test: it opens
a database, runs the migrations, loads translations and icons and builds the
main window offscreen, then prints OK.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from solocrm.commands import add_db_option
from solocrm.locations import shipped_dir

APP_ID = "solocrm"  # the desktop file id and the icon name; Qt's desktopFileName matches it
ICON_FILES = {16: "solocrm-16.png", 32: "solocrm-32.png", 48: "solocrm-48.png", 64: "solocrm-64.png",
              128: "solocrm-128.png", 256: "solocrm.png"}
BUNDLE_KEY = "X-SoloCRM-Bundle"  # marks an entry the bundle wrote for itself
# Characters the Desktop Entry Specification says must be quoted in an Exec argument.
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` as the XDG Base Directory Specification says."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def entry_path(home: Path | None = None) -> Path:
    return (home or data_home()) / "applications" / f"{APP_ID}.desktop"


def icon_paths(home: Path | None = None) -> dict[int, Path]:
    base = (home or data_home()) / "icons" / "hicolor"
    return {size: base / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_FILES}


def launcher_command() -> list[str]:
    """How the menu should start this copy of SoloCRM: the bundle, the console script, or ``python -m``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    beside = Path(sys.executable).with_name("solocrm.exe" if os.name == "nt" else "solocrm")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("solocrm")
    return [found] if found else [sys.executable, "-m", "solocrm"]


def _quote_exec_argument(arg: str) -> str:
    if arg and not (set(arg) & _EXEC_RESERVED):
        return arg
    escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return f'"{escaped}"'


def exec_line(command: list[str]) -> str:
    """The Exec value for ``command``: quoted per the spec, then escaped as a desktop-file string."""
    quoted = " ".join(_quote_exec_argument(arg) for arg in command).replace("%", "%%")
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: list[str], bundle: bool = False) -> str:
    """The text of ``solocrm.desktop`` for a launcher that runs ``command``."""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=SoloCRM",
        "GenericName=Customer Manager",
        "GenericName[zh_CN]=客户管理",
        "Comment=Your customers, follow-ups and sales in one place, on your own computer",
        "Comment[zh_CN]=客户档案、跟进提醒和经营分析，数据只保存在您自己的电脑上",
        f"Exec={exec_line(command)}",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;ContactManagement;",
        "Keywords=CRM;customers;orders;follow-up;客户;订单;跟进;会员;",
        "StartupNotify=true",
        "StartupWMClass=SoloCRM",
    ]
    if bundle:
        lines.append(f"{BUNDLE_KEY}=true")
    return "\n".join(lines) + "\n"


def install_entry(command: list[str] | None = None, home: Path | None = None, bundle: bool = False) -> list[Path]:
    """Write the desktop entry and the icons; returns the files written."""
    command = command or launcher_command()
    icons = shipped_dir("resources") / "icons"
    written = []
    for size, target in icon_paths(home).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icons / ICON_FILES[size], target)
        written.append(target)
    entry = entry_path(home)
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_suffix(".desktop.tmp")
    tmp.write_text(desktop_entry(command, bundle=bundle), encoding="utf-8")
    tmp.chmod(0o755)  # some desktops only trust executable launchers
    tmp.replace(entry)
    written.append(entry)
    return written


def remove_entry(home: Path | None = None) -> list[Path]:
    """Delete what ``install_entry`` wrote; returns the files removed."""
    removed = []
    for path in [entry_path(home), *icon_paths(home).values()]:
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def _split_exec(value: str) -> list[str]:
    """Undo ``exec_line``: the spec's quoting (backslash escapes only ``"`$\\`` inside quotes)."""
    args: list[str] = []
    current: list[str] = []
    started = quoted = False
    chars = iter(value)
    for ch in chars:
        if quoted and ch == "\\":
            current.append(next(chars, ""))
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
            started = True
    if started:
        args.append("".join(current))
    return args


def _entry_command(entry: Path) -> list[str]:
    """The command a desktop entry runs (the first Exec line)."""
    for line in entry.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            return _split_exec(line[len("Exec="):].replace("\\\\", "\\").replace("%%", "%"))
    return []


def ensure_bundle_entry(home: Path | None = None) -> bool:
    """In the frozen Linux app: add the menu entry on first start, or repoint it after the folder moved.

    An entry the user installed from pip, or one that still starts an existing
    SoloCRM, is left alone.  Returns True when the entry was (re)written.
    """
    if not (getattr(sys, "frozen", False) and sys.platform.startswith("linux")):
        return False
    entry = entry_path(home)
    if entry.exists():
        command = _entry_command(entry)
        if command and Path(command[0]).exists():
            return False
        if BUNDLE_KEY not in entry.read_text(encoding="utf-8"):
            return False
    try:
        install_entry([sys.executable], home, bundle=True)
    except OSError:
        return False  # a read-only home must not keep the app from starting
    return True


def register(sub: argparse._SubParsersAction) -> None:
    install = sub.add_parser("install-desktop-entry", help="add SoloCRM to the applications menu (Linux)")
    install.set_defaults(func=_install)
    remove = sub.add_parser("remove-desktop-entry", help="remove SoloCRM from the applications menu (Linux)")
    remove.set_defaults(func=_remove)
    # No help=: argparse then leaves it out of the command list; packagers and tests know it.
    check = sub.add_parser("self-check", description="Check that this SoloCRM (a bundle too) works, headless.")
    add_db_option(check, help="database to open (default: a new one in a temporary folder)")
    check.set_defaults(func=_self_check)


def _install(_args: argparse.Namespace) -> int:
    for path in install_entry():
        print(path)
    return 0


def _remove(_args: argparse.Namespace) -> int:
    removed = remove_entry()
    for path in removed:
        print(path)
    if not removed:
        print(f"No SoloCRM menu entry in {data_home()}.")
    return 0


def _self_check(args: argparse.Namespace) -> int:
    from solocrm.ui.self_check import run

    return run(Path(args.db) if args.db else None)
