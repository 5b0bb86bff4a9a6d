"""Backups while the app is closed: the OS timer files, installed and run for real where we can.

Linux is implemented and tested end to end: the cron and systemd paths run
through stand-in ``crontab``/``systemctl`` executables on PATH (this machine
has no user systemd bus), and the command the timer would run is executed
and must write a backup.  launchd and Task Scheduler files are generated and
checked for well-formedness and content.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from solocrm.backup import os_timer
from solocrm.backup.store import Schedule
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    ROOT,
    add_customers,
    backup_dir,
    configured,
    key_template,
    memory_keyring,
)

STUB_CRONTAB = """#!/bin/sh
store="$STUB_DIR/crontab.txt"
if [ "$1" = "-l" ]; then [ -f "$store" ] && cat "$store" && exit 0; echo "no crontab for $USER" >&2; exit 1; fi
if [ "$1" = "-" ]; then cat > "$store"; exit 0; fi
exit 2
"""
STUB_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "$STUB_DIR/systemctl.log"
exit 0
"""


@pytest.fixture
def stubs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "stubs"
    folder.mkdir()
    for name, text in (("crontab", STUB_CRONTAB), ("systemctl", STUB_SYSTEMCTL)):
        (folder / name).write_text(text)
        (folder / name).chmod(0o755)
    monkeypatch.setenv("STUB_DIR", str(folder))
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return folder


def test_cron_install_status_remove_keeps_other_lines(stubs: Path, tmp_path: Path) -> None:
    (stubs / "crontab.txt").write_text("0 3 * * * /usr/bin/other-job\n")
    db = tmp_path / "我的店.sqlite3"
    status = os_timer.install(db, Schedule("daily", "21:05"), method="cron")
    assert status.installed and status.method == "cron"
    lines = (stubs / "crontab.txt").read_text().splitlines()
    assert lines[0] == "0 3 * * * /usr/bin/other-job"
    assert lines[1].startswith("5 21 * * * ") and lines[1].endswith("# " + os_timer.timer_name(db))
    os_timer.install(db, Schedule("weekly", "08:00", weekday=6), method="cron")  # replaces, not duplicates
    lines = (stubs / "crontab.txt").read_text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("0 8 * * 0 ")
    assert os_timer.status(db).installed
    assert not os_timer.remove(db).installed
    assert (stubs / "crontab.txt").read_text().splitlines() == ["0 3 * * * /usr/bin/other-job"]


def test_systemd_units_are_written_enabled_and_removed(stubs: Path, tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite3"
    status = os_timer.install(db, Schedule("daily", "12:30"), method="systemd")
    name = os_timer.timer_name(db)
    unit_dir = tmp_path / "config" / "systemd" / "user"
    timer = (unit_dir / f"{name}.timer").read_text()
    assert "OnCalendar=*-*-* 12:30:00" in timer and "Persistent=true" in timer
    assert f"ExecStart=\"{sys.executable}\"" in (unit_dir / f"{name}.service").read_text()
    log = (stubs / "systemctl.log").read_text().splitlines()
    assert log == ["--user daemon-reload", f"--user enable --now {name}.timer"]
    assert status.installed
    os_timer.remove(db)
    assert not (unit_dir / f"{name}.timer").exists()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_generated_systemd_units_pass_systemd_analyze(tmp_path: Path) -> None:
    service, timer = os_timer.systemd_units(tmp_path / "shop.sqlite3", Schedule("weekly", "18:00", weekday=4))
    (tmp_path / "solocrm-backup-x.service").write_text(service)
    (tmp_path / "solocrm-backup-x.timer").write_text(timer.replace("[Install]\nWantedBy=timers.target\n", ""))
    result = subprocess.run(["systemd-analyze", "calendar", "Fri *-*-* 18:00:00"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    verify = subprocess.run(["systemd-analyze", "verify", "--man=no", str(tmp_path / "solocrm-backup-x.service")],
                            capture_output=True, text=True, check=False)
    assert "Failed to" not in verify.stderr and "bad-setting" not in verify.stderr, verify.stderr


def test_the_timer_command_really_makes_a_backup(configured, db, backup_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    """Run the exact command line the timer holds, as the OS would, and get a new backup."""
    db.close()
    line = os_timer.cron_line(db.path, Schedule("hourly"))
    command = shlex.split(line.split(" # ")[0].split(" ", 5)[5].replace(" >/dev/null 2>&1", ""))
    assert command == os_timer.command(db.path)
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert "NOT yet verified" in result.stdout  # no secret needed: the timer has no keyring here
    assert len(list(backup_dir.glob("*.crmbak"))) == 1


def test_launchd_plist_is_valid_and_runs_the_backup(tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite3"
    plist = plistlib.loads(os_timer.launchd_plist(db, Schedule("weekly", "18:15", weekday=6)))
    assert plist["ProgramArguments"] == os_timer.command(db)
    assert plist["StartCalendarInterval"] == {"Hour": 18, "Minute": 15, "Weekday": 0}
    assert plist["Label"].startswith("org.solocrm.solocrm-backup-")


@pytest.mark.parametrize("kind", ["hourly", "daily", "weekly"])
def test_task_scheduler_xml_is_valid_and_catches_up(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "客户 & 订单.sqlite3"
    text = os_timer.task_scheduler_xml(db, Schedule(kind, "07:45", weekday=0))
    root = ET.fromstring(text.split("\n", 1)[1])
    ns = {"t": "http://schemas.microsoft.com/windows/2004/02/mit/task"}
    assert root.find("t:Settings/t:StartWhenAvailable", ns).text == "true"
    assert root.find("t:Actions/t:Exec/t:Command", ns).text == os_timer.command(db)[0]
    assert "--scheduled" in root.find("t:Actions/t:Exec/t:Arguments", ns).text
    if kind == "weekly":
        assert root.find("t:Triggers/t:CalendarTrigger/t:ScheduleByWeek/t:DaysOfWeek/t:Monday", ns) is not None


def test_an_off_schedule_cannot_be_installed(tmp_path: Path) -> None:
    with pytest.raises(os_timer.TimerError):
        os_timer.cron_line(tmp_path / "x.sqlite3", Schedule("off"))
