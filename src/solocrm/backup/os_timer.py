"""Backups while the app is closed: an OS timer that runs ``solocrm backup create --scheduled``.

Linux: a systemd user timer (``Persistent=true`` catches up runs missed while
the machine was off) or, without a user systemd, a crontab line.  macOS: a
launchd agent plist; Windows: a Task Scheduler XML (``StartWhenAvailable``
catches up).  Every platform's file is generated here; installing runs the
platform's own tool.  Each database gets its own timer, named from its path.
"""

from __future__ import annotations

import hashlib
import os
import plistlib
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from solocrm.backup.errors import BackupError
from solocrm.backup.store import Schedule
from solocrm.translatable import QT_TRANSLATE_NOOP

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class TimerError(BackupError):
    kind = "scheduling failed"


def timer_name(db_path: Path) -> str:
    return "solocrm-backup-" + hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:10]


def command(db_path: Path) -> list[str]:
    """The command the timer runs; a frozen build is its own interpreter."""
    base = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "solocrm"]
    return [*base, "backup", "create", "--db", str(Path(db_path).resolve()), "--scheduled"]


def _hm(schedule: Schedule) -> tuple[int, int]:
    hours, minutes = schedule.at.split(":")
    return int(hours), int(minutes)


def _check(schedule: Schedule) -> None:
    if schedule.kind not in ("hourly", "daily", "weekly"):
        raise TimerError(QT_TRANSLATE_NOOP(
            "errors", "Choose an hourly, daily or weekly schedule before turning on backups while the app is "
                      "closed."))


# ---------------------------------------------------------------- generated files

def systemd_units(db_path: Path, schedule: Schedule) -> tuple[str, str]:
    _check(schedule)
    h, m = _hm(schedule)
    calendar = {"hourly": "*-*-* *:00:00", "daily": f"*-*-* {h:02d}:{m:02d}:00",
                "weekly": f"{WEEKDAYS[schedule.weekday]} *-*-* {h:02d}:{m:02d}:00"}[schedule.kind]
    service = ("[Unit]\nDescription=SoloCRM backup of " + str(db_path) + "\n\n[Service]\nType=oneshot\n"
               "ExecStart=" + " ".join(_systemd_quote(a) for a in command(db_path)) + "\nNice=10\n"
               "IOSchedulingClass=idle\n")
    timer = ("[Unit]\nDescription=SoloCRM scheduled backup\n\n[Timer]\nOnCalendar=" + calendar + "\n"
             "Persistent=true\nRandomizedDelaySec=60\n\n[Install]\nWantedBy=timers.target\n")
    return service, timer


def _systemd_quote(arg: str) -> str:
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%") + '"'


def cron_line(db_path: Path, schedule: Schedule) -> str:
    _check(schedule)
    h, m = _hm(schedule)
    when = {"hourly": "0 * * * *", "daily": f"{m} {h} * * *",
            "weekly": f"{m} {h} * * {(schedule.weekday + 1) % 7}"}[schedule.kind]
    return f"{when} {shlex.join(command(db_path))} >/dev/null 2>&1 # {timer_name(db_path)}"


def launchd_plist(db_path: Path, schedule: Schedule) -> bytes:
    _check(schedule)
    h, m = _hm(schedule)
    interval: dict[str, int] = {"Minute": 0} if schedule.kind == "hourly" else {"Hour": h, "Minute": m}
    if schedule.kind == "weekly":
        interval["Weekday"] = (schedule.weekday + 1) % 7  # launchd: 0 is Sunday
    return plistlib.dumps({
        "Label": "org.solocrm." + timer_name(db_path),
        "ProgramArguments": command(db_path),
        "StartCalendarInterval": interval,  # launchd runs a missed interval when the Mac wakes
        "ProcessType": "Background",
        "LowPriorityIO": True,
    })


def task_scheduler_xml(db_path: Path, schedule: Schedule) -> str:
    _check(schedule)
    h, m = _hm(schedule)
    start = f"2026-01-05T{h:02d}:{m:02d}:00"  # a Monday
    if schedule.kind == "hourly":
        trigger = ("<TimeTrigger><StartBoundary>2026-01-05T00:00:00</StartBoundary><Repetition>"
                   "<Interval>PT1H</Interval></Repetition><Enabled>true</Enabled></TimeTrigger>")
    elif schedule.kind == "daily":
        trigger = (f"<CalendarTrigger><StartBoundary>{start}</StartBoundary><ScheduleByDay><DaysInterval>1"
                   "</DaysInterval></ScheduleByDay></CalendarTrigger>")
    else:
        day = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[schedule.weekday]
        trigger = (f"<CalendarTrigger><StartBoundary>{start}</StartBoundary><ScheduleByWeek><WeeksInterval>1"
                   f"</WeeksInterval><DaysOfWeek><{day} /></DaysOfWeek></ScheduleByWeek></CalendarTrigger>")
    program, *args = command(db_path)
    arguments = subprocess.list2cmdline(args)
    return ('<?xml version="1.0" encoding="UTF-16"?>\n'
            '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">\n'
            f"  <RegistrationInfo><Description>SoloCRM backup of {escape(str(db_path))}</Description>"
            "</RegistrationInfo>\n"
            f"  <Triggers>{trigger}</Triggers>\n"
            "  <Settings><StartWhenAvailable>true</StartWhenAvailable><MultipleInstancesPolicy>IgnoreNew"
            "</MultipleInstancesPolicy><DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>"
            "<ExecutionTimeLimit>PT2H</ExecutionTimeLimit></Settings>\n"
            f"  <Actions><Exec><Command>{escape(program)}</Command><Arguments>{escape(arguments)}</Arguments>"
            "</Exec></Actions>\n</Task>\n")


# ---------------------------------------------------------------- installing (Linux implemented and tested)

@dataclass(frozen=True)
class TimerStatus:
    installed: bool
    method: str  # systemd | cron | launchd | schtasks | none
    detail: str


def _systemd_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "systemd" / "user"


def _systemctl(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["systemctl", "--user", *args], capture_output=True, text=True, timeout=30, check=False)


def systemd_available() -> bool:
    if shutil.which("systemctl") is None:
        return False
    try:
        return _systemctl("show-environment").returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _crontab() -> str:
    result = subprocess.run(["crontab", "-l"], capture_output=True, text=True, timeout=30, check=False)
    return result.stdout if result.returncode == 0 else ""


def _write_crontab(text: str) -> None:
    result = subprocess.run(["crontab", "-"], input=text, capture_output=True, text=True, timeout=30, check=False)
    if result.returncode != 0:
        raise TimerError(QT_TRANSLATE_NOOP(
            "errors", "crontab refused the new schedule: {detail}"), detail=result.stderr.strip())


def linux_method() -> str:
    if systemd_available():
        return "systemd"
    if shutil.which("crontab"):
        return "cron"
    raise TimerError(QT_TRANSLATE_NOOP(
        "errors", "This system has neither a user systemd nor cron, so backups can only run while SoloCRM is "
                  "open."))


def install(db_path: Path, schedule: Schedule, method: str | None = None) -> TimerStatus:
    """Install (or replace) the timer for ``db_path``."""
    if sys.platform == "darwin":
        return _install_launchd(db_path, schedule)
    if sys.platform == "win32":
        return _install_schtasks(db_path, schedule)
    method = method or linux_method()
    name = timer_name(db_path)
    if method == "systemd":
        service, timer = systemd_units(db_path, schedule)
        folder = _systemd_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.service").write_text(service, encoding="utf-8")
        (folder / f"{name}.timer").write_text(timer, encoding="utf-8")
        for args in (("daemon-reload",), ("enable", "--now", f"{name}.timer")):
            result = _systemctl(*args)
            if result.returncode != 0:
                raise TimerError(QT_TRANSLATE_NOOP(
                    "errors", "systemctl {detail} failed: {detail2}"),
                    detail=' '.join(args), detail2=result.stderr.strip())
        return TimerStatus(True, "systemd", f"{folder / name}.timer")
    lines = [line for line in _crontab().splitlines() if not line.endswith("# " + name)]
    lines.append(cron_line(db_path, schedule))
    _write_crontab("\n".join(lines) + "\n")
    return TimerStatus(True, "cron", "crontab: " + lines[-1])


def remove(db_path: Path) -> TimerStatus:
    name = timer_name(db_path)
    if sys.platform == "darwin":
        plist = Path.home() / "Library" / "LaunchAgents" / f"org.solocrm.{name}.plist"
        subprocess.run(["launchctl", "unload", str(plist)], capture_output=True, check=False)
        plist.unlink(missing_ok=True)
        return TimerStatus(False, "launchd", "removed")
    if sys.platform == "win32":
        subprocess.run(["schtasks", "/Delete", "/F", "/TN", f"SoloCRM\\{name}"], capture_output=True, check=False)
        return TimerStatus(False, "schtasks", "removed")
    folder = _systemd_dir()
    if (folder / f"{name}.timer").exists():
        if systemd_available():
            _systemctl("disable", "--now", f"{name}.timer")
        for suffix in (".timer", ".service"):
            (folder / f"{name}{suffix}").unlink(missing_ok=True)
        if systemd_available():
            _systemctl("daemon-reload")
    if shutil.which("crontab"):
        current = _crontab()
        kept = [line for line in current.splitlines() if not line.endswith("# " + name)]
        if kept != current.splitlines():
            _write_crontab("\n".join(kept) + ("\n" if kept else ""))
    return status(db_path)


def status(db_path: Path) -> TimerStatus:
    name = timer_name(db_path)
    if sys.platform == "darwin":
        plist = Path.home() / "Library" / "LaunchAgents" / f"org.solocrm.{name}.plist"
        return TimerStatus(plist.exists(), "launchd", str(plist))
    if sys.platform == "win32":
        result = subprocess.run(["schtasks", "/Query", "/TN", f"SoloCRM\\{name}"], capture_output=True, text=True, check=False)
        return TimerStatus(result.returncode == 0, "schtasks", f"SoloCRM\\{name}")
    timer = _systemd_dir() / f"{name}.timer"
    if timer.exists():
        detail = str(timer)
        if systemd_available():
            detail = _systemctl("list-timers", f"{name}.timer", "--no-pager").stdout.strip() or detail
        return TimerStatus(True, "systemd", detail)
    if shutil.which("crontab"):
        for line in _crontab().splitlines():
            if line.endswith("# " + name):
                return TimerStatus(True, "cron", line)
    return TimerStatus(False, "none", "no timer: backups run only while SoloCRM is open")


def _install_launchd(db_path: Path, schedule: Schedule) -> TimerStatus:
    name = timer_name(db_path)
    plist = Path.home() / "Library" / "LaunchAgents" / f"org.solocrm.{name}.plist"
    plist.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["launchctl", "unload", str(plist)], capture_output=True, check=False)
    plist.write_bytes(launchd_plist(db_path, schedule))
    result = subprocess.run(["launchctl", "load", str(plist)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise TimerError(QT_TRANSLATE_NOOP(
            "errors", "launchctl load failed: {detail}"), detail=result.stderr.strip())
    return TimerStatus(True, "launchd", str(plist))


def _install_schtasks(db_path: Path, schedule: Schedule) -> TimerStatus:
    import tempfile

    name = timer_name(db_path)
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "task.xml"
        xml.write_text(task_scheduler_xml(db_path, schedule), encoding="utf-16")
        result = subprocess.run(["schtasks", "/Create", "/F", "/TN", f"SoloCRM\\{name}", "/XML", str(xml)],
                                capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise TimerError(QT_TRANSLATE_NOOP(
            "errors", "schtasks failed: {detail}"), detail=result.stderr.strip())
    return TimerStatus(True, "schtasks", f"SoloCRM\\{name}")
