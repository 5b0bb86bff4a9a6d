"""Nothing in the app's process can take the database away from it (solocrm.db.locks).

On Linux a file dialog that sniffs the database's files, or any open() and
close() of them, used to drop every SQLite lock the app held: the next
SoloCRM command then found itself alone, checkpointed and deleted the app's
write-ahead log, and the saves that followed went into a deleted file.
"""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sqlalchemy import select

from solocrm.db import locks
from solocrm.db.database import Database
from solocrm.db.models import Customer
from solocrm.services import customers
from solocrm.services.customers import CustomerInput

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="OFD locks are Linux's")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}", "QT_QPA_PLATFORM": "offscreen",
            "SOLOCRM_DATA_DIR": str(tmp_path / "data"), "HOME": str(tmp_path / "home")}


def _names_seen_by_another_solocrm(db_path: Path, tmp_path: Path) -> set[str]:
    """What ``solocrm export customers`` (a second process, as a scheduled job is) finds in the file."""
    out = tmp_path / "seen.csv"
    done = subprocess.run([sys.executable, "-m", "solocrm", "export", "customers", "--format", "csv",
                           "--out", str(out), "--db", str(db_path)],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return {row["Name"] for row in csv.DictReader(handle)}


def test_the_locks_are_open_file_description_locks() -> None:
    assert locks.installed()


def test_opening_and_closing_the_files_in_the_process_keeps_the_write_ahead_log(tmp_path: Path) -> None:
    db_path = tmp_path / "shop.db"
    db = Database.open(db_path)
    try:
        customers.create(db, CustomerInput(name="张三"))
        for name in (db_path, db_path.with_name("shop.db-shm")):  # what a file dialog's type sniffing does
            with open(name, "rb") as handle:
                handle.read(16)

        assert _names_seen_by_another_solocrm(db_path, tmp_path) == {"张三"}
        assert db_path.with_name("shop.db-wal").exists(), "the other process deleted the app's write-ahead log"

        customers.create(db, CustomerInput(name="李四"))
        assert _names_seen_by_another_solocrm(db_path, tmp_path) == {"张三", "李四"}
    finally:
        db.close()


def test_another_process_still_has_to_wait_for_the_apps_write(tmp_path: Path) -> None:
    db_path = tmp_path / "shop.db"
    db = Database.open(db_path)
    try:
        with db.session() as session:
            session.connection().exec_driver_sql("INSERT INTO backup_config (key, value) VALUES ('x', '1')")
            for name in (db_path, db_path.with_name("shop.db-shm")):
                with open(name, "rb"):
                    pass
            other = subprocess.run([sys.executable, "-c", (
                "import sqlite3, sys\n"
                f"c = sqlite3.connect(sys.argv[1], timeout=0.2)\n"
                "try:\n"
                "    c.execute(\"INSERT INTO backup_config (key, value) VALUES ('y', '2')\")\n"
                "except sqlite3.OperationalError as e:\n"
                "    print(e)\n"), str(db_path)], capture_output=True, text=True, timeout=60)
        assert other.stdout.strip() == "database is locked"
    finally:
        db.close()
    assert sqlite3.connect(db_path).execute("SELECT key FROM backup_config WHERE key IN ('x', 'y')").fetchall() == [("x",)]


class RunningApp:
    """The desktop app in a process of its own (tests/app_under_test.py)."""

    def __init__(self, db_path: Path, tmp_path: Path) -> None:
        self.process = subprocess.Popen([sys.executable, str(ROOT / "tests" / "app_under_test.py"), str(db_path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                        env=_env(tmp_path))
        assert self.answer() == "ready"

    def answer(self) -> str:
        line = self.process.stdout.readline().strip()
        assert line, f"the app stopped (exit status {self.process.poll()})"
        return line

    def do(self, line: str) -> str:
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self.answer()

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)


@pytest.fixture
def running_app(tmp_path: Path) -> Iterator[tuple[RunningApp, Path]]:
    db_path = tmp_path / "shop.db"
    Database.open(db_path).close()
    app = RunningApp(db_path, tmp_path)
    yield app, db_path
    if app.process.poll() is None:
        app.kill()


@pytest.mark.parametrize("situation", ["look-in-folder", "touch-files"])
def test_a_save_in_the_window_survives_a_kill_after_another_solocrm_opened_the_file(
        situation: str, running_app: tuple[RunningApp, Path], tmp_path: Path) -> None:
    app, db_path = running_app
    assert app.do("save 张三").startswith("saved ")
    app.do(situation)
    assert _names_seen_by_another_solocrm(db_path, tmp_path) == {"张三"}
    assert app.do("save 李四").startswith("saved ")

    app.kill()

    db = Database.open(db_path)
    try:
        with db.session() as session:
            names = set(session.scalars(select(Customer.name)))
    finally:
        db.close()
    assert names == {"张三", "李四"}



def test_after_the_app_quits_the_database_file_alone_holds_everything(tmp_path: Path) -> None:
    """A user copies the database file alone (to a USB stick) after quitting: nothing may be left in the -wal."""
    db_path = tmp_path / "shop.sqlite3"
    done = subprocess.run([sys.executable, "-m", "solocrm", "--db", str(db_path)], capture_output=True, text=True,
                          timeout=120, env={**_env(tmp_path), "SOLOCRM_QUIT_WHEN_READY": "1"})
    assert done.returncode == 0, done.stderr

    copy = tmp_path / "copy" / "shop.sqlite3"
    copy.parent.mkdir()
    copy.write_bytes(db_path.read_bytes())
    tables = {name for (name,) in sqlite3.connect(copy).execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"customer", "order", "setting"} <= tables
