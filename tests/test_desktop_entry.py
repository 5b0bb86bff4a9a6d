"""SoloCRM in the applications menu: installed on request, removed on request, never broken.

Everything runs against a temporary XDG_DATA_HOME, as the real desktop reads it.
"""

from __future__ import annotations

import configparser
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from solocrm.cli import main
from solocrm.commands import desktop

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def test_install_puts_a_launcher_and_every_icon_size_where_the_desktop_looks(data_home: Path, capsys) -> None:  # noqa: ANN001
    assert main(["install-desktop-entry"]) == 0

    entry_file = data_home / "applications" / "solocrm.desktop"
    entry = _entry(entry_file)
    assert entry["Type"] == "Application" and entry["Name"] == "SoloCRM" and entry["Terminal"] == "false"
    assert entry["GenericName[zh_CN]"] == "客户管理"
    assert entry["Icon"] == "solocrm"
    command = desktop._entry_command(entry_file)
    assert Path(command[0]).exists(), f"the launcher starts {command}, which does not exist"
    for size in (16, 32, 48, 64, 128, 256):
        icon = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "solocrm.png"
        assert _png_size(icon) == (size, size)
    assert str(entry_file) in capsys.readouterr().out


def test_the_menu_entry_starts_the_app_it_was_installed_from(data_home: Path) -> None:
    desktop.install_entry()
    command = desktop._entry_command(data_home / "applications" / "solocrm.desktop")
    result = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("SoloCRM ")


def test_remove_takes_out_only_what_install_put_in(data_home: Path, capsys) -> None:  # noqa: ANN001
    other = data_home / "applications" / "other-app.desktop"
    other_icon = data_home / "icons" / "hicolor" / "48x48" / "apps" / "other-app.png"
    for path in (other, other_icon):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not ours")
    main(["install-desktop-entry"])

    assert main(["remove-desktop-entry"]) == 0

    assert not (data_home / "applications" / "solocrm.desktop").exists()
    assert not list((data_home / "icons").rglob("solocrm.png"))
    assert other.read_text() == "not ours" and other_icon.read_text() == "not ours"
    capsys.readouterr()
    assert main(["remove-desktop-entry"]) == 0  # nothing left: says so, still succeeds
    assert "No SoloCRM menu entry" in capsys.readouterr().out


@pytest.mark.parametrize("command", [
    ["/opt/SoloCRM/SoloCRM"],
    ["/home/王芳/My Apps/SoloCRM/SoloCRM"],
    ['/tmp/we"ird $dir\\x/solocrm', "--db", "/home/a b/100%.sqlite3"],
])
def test_paths_with_spaces_quotes_and_percent_survive_the_exec_line(tmp_path: Path, command: list[str]) -> None:
    entry = tmp_path / "solocrm.desktop"
    entry.write_text(desktop.desktop_entry(command), encoding="utf-8")
    assert desktop._entry_command(entry) == command


def test_the_packaged_desktop_file_is_the_one_the_command_writes() -> None:
    packaged = (ROOT / "packaging" / "linux" / "solocrm.desktop").read_text(encoding="utf-8")
    assert packaged == desktop.desktop_entry(["solocrm"]), "regenerate packaging/linux/solocrm.desktop"


def test_xdg_data_home_must_be_absolute_to_count(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    assert desktop.data_home() == Path.home() / ".local" / "share"


# --- the frozen bundle registers itself ------------------------------------------------------


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    exe = tmp_path / "bundle" / "SoloCRM"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return exe


def test_the_bundle_adds_itself_to_the_menu_on_first_start(data_home: Path, frozen: Path) -> None:
    assert desktop.ensure_bundle_entry() is True
    entry = data_home / "applications" / "solocrm.desktop"
    assert desktop._entry_command(entry) == [str(frozen)]
    assert desktop.ensure_bundle_entry() is False  # already there: left alone


def test_a_moved_bundle_repoints_its_own_entry(data_home: Path, frozen: Path, tmp_path: Path) -> None:
    desktop.install_entry([str(tmp_path / "old-place" / "SoloCRM")], bundle=True)
    assert desktop.ensure_bundle_entry() is True
    assert desktop._entry_command(data_home / "applications" / "solocrm.desktop") == [str(frozen)]


def test_the_bundle_leaves_an_entry_the_user_installed_alone(data_home: Path, frozen: Path, tmp_path: Path) -> None:
    desktop.install_entry([str(tmp_path / "uninstalled-venv" / "solocrm")])  # pip's entry, now broken
    assert desktop.ensure_bundle_entry() is False
    assert desktop._entry_command(data_home / "applications" / "solocrm.desktop")[0].endswith("venv/solocrm")


def test_an_unfrozen_app_never_writes_an_entry_by_itself(data_home: Path) -> None:
    assert desktop.ensure_bundle_entry() is False
    assert not (data_home / "applications").exists()


# --- self-check -------------------------------------------------------------------------------


def _self_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "solocrm", "self-check", *args], capture_output=True, text=True,
                          timeout=180)


def test_self_check_opens_and_migrates_a_database_and_builds_the_window(tmp_path: Path) -> None:
    db = tmp_path / "check.sqlite3"
    result = _self_check("--db", str(db))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "OK"
    assert any(line.startswith(f"database {db}") for line in lines)
    assert any("solocrm_zh_CN.qm" in line and "qtbase_zh_CN.qm" in line for line in lines)
    assert db.exists()


def test_self_check_fails_loudly_on_a_file_it_cannot_open(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_text("hello")
    result = _self_check("--db", str(bad))
    assert result.returncode == 1
    assert "self-check FAILED" in result.stderr and "OK" not in result.stdout.splitlines()
    assert bad.read_text() == "hello"


def test_self_check_is_not_advertised_in_help(capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "install-desktop-entry" in out and "self-check" not in out
