"""Another program writing to the database: the command or page waits, says so, then stops cleanly or goes on.

Real processes on both sides: one holds SQLite's write lock (``BEGIN
IMMEDIATE``) while a real ``solocrm`` runs.  A command that cannot get the
lock must end with exit 1 and a message, no traceback, and nothing half-made:
no backup file the catalogue does not know, no safety backup, no change to
the database.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from solocrm.backup import jobs
from solocrm.db.database import Database
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    ROOT,
    backup_dir,
    configured,
    key_template,
    memory_keyring,
)

HOLD = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""
WAITING = "Waiting for another program to finish writing to this database"
BUSY = "Another program is writing to this database ("


@contextmanager
def write_lock_held(db_path: Path) -> Iterator[subprocess.Popen]:
    """Another process holds the write lock until a line is written to its stdin (or the block ends)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db_path)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        yield holder
    finally:
        if holder.stdin and not holder.stdin.closed:
            holder.stdin.close()
        holder.wait(timeout=60)


def release(holder: subprocess.Popen) -> None:
    holder.stdin.write("\n")
    holder.stdin.close()


def solocrm(tmp_path: Path, *args: str, wait_seconds: float) -> subprocess.Popen:
    env = {**os.environ, "SOLOCRM_DATA_DIR": str(tmp_path / "data"), "SOLOCRM_BUSY_WAIT_SECONDS": str(wait_seconds),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.Popen([sys.executable, "-m", "solocrm", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)


def dump(db_path: Path) -> list[str]:
    """Everything the database holds, catalogue and history of backups included."""
    conn = sqlite3.connect(db_path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def files(*folders: Path) -> list[str]:
    """What a job could leave behind; SQLite's -wal and -shm and the lock files come and go with any use."""
    return sorted(str(p.relative_to(folder)) for folder in folders for p in folder.rglob("*")
                  if not p.name.endswith(("-wal", "-shm", ".lock")))


@pytest.fixture
def shop(configured, db: Database, tmp_path: Path) -> tuple[Path, Path]:  # noqa: F811
    """(database with five customers, one verified backup in the catalogue, closed; a backup file of it)."""
    made = jobs.create(db)
    db.close()
    (tmp_path / "code.txt").write_text(configured.recovery_code + "\n")
    (tmp_path / "pass.txt").write_text(PASSPHRASE + "\n")
    (tmp_path / "c.csv").write_text("name,phone\n张三丰,13800138000\n", encoding="utf-8")
    return db.path, made.path


def command(kind: str, db_path: Path, backup: Path) -> tuple[str, ...]:
    return {
        "import": ("import", "customers", "c.csv", "--db", str(db_path)),
        "backup create": ("backup", "create", "--db", str(db_path), "--force"),
        "backup restore": ("backup", "restore", str(backup), "--db", str(db_path), "--yes",
                           "--recovery-code-file", "code.txt"),
        "backup init": ("backup", "init", "--db", str(db_path), "--to", "new backups", "--passphrase-file", "pass.txt"),
    }[kind]


KINDS = ["import", "backup create", "backup restore"]


@pytest.mark.parametrize("kind", [*KINDS, "backup init"])
def test_a_busy_database_stops_the_command_with_nothing_half_made(shop, backup_dir: Path, tmp_path: Path,  # noqa: F811
                                                                  kind: str) -> None:
    db_path, backup = shop
    before, kept = dump(db_path), files(backup_dir, db_path.parent)
    with write_lock_held(db_path):
        run = solocrm(tmp_path, *command(kind, db_path, backup), wait_seconds=2)
        _out, err = run.communicate(timeout=180)
        after_files = files(backup_dir, db_path.parent)
    assert run.returncode == 1, err
    assert WAITING in err
    assert f"{BUSY}{db_path}); try again when it has finished" in err
    assert "Traceback" not in err
    assert after_files == kept  # no new backup, no safety backup, no prepared restore
    assert dump(db_path) == before  # the catalogue and history too


@pytest.mark.parametrize("kind", KINDS)
def test_the_command_waits_for_the_other_program_then_does_its_job(shop, backup_dir: Path, tmp_path: Path,  # noqa: F811
                                                                   kind: str) -> None:
    db_path, backup = shop
    backups = files(backup_dir)
    with write_lock_held(db_path) as holder:
        run = solocrm(tmp_path, *command(kind, db_path, backup), wait_seconds=120)
        said = ""
        while WAITING not in said and (line := run.stderr.readline()):
            said += line
        assert WAITING in said, said  # it waits, and says so
        release(holder)
        out, err = run.communicate(timeout=180)
    assert run.returncode == 0, said + err
    assert "Traceback" not in err
    if kind == "import":
        assert "1 imported" in out
    else:
        assert len(files(backup_dir)) == len(backups) + 1  # the new backup, or the safety backup before restoring


def test_a_writer_that_starts_while_a_backup_is_written_leaves_no_file_the_catalogue_does_not_know(
        configured, db: Database, backup_dir: Path) -> None:  # noqa: F811
    from solocrm.backup.files import FileLayer
    from solocrm.errors import DatabaseBusy

    jobs.create(db)
    before, catalogued = files(backup_dir), dump(db.path)
    locks: list = []

    class AnotherProgramStartsWriting(FileLayer):
        """Once the new backup is in place, another program takes the write lock (before it is catalogued)."""

        def rename(self, src: Path, dst: Path) -> None:
            super().rename(src, dst)
            locks.append(write_lock_held(db.path))
            locks[-1].__enter__()

    try:
        with pytest.raises(DatabaseBusy, match="try again when it has finished"):
            jobs.create(db, force=True, layer=AnotherProgramStartsWriting())
        assert files(backup_dir) == before
        assert dump(db.path) == catalogued
    finally:
        for lock in locks:
            lock.__exit__(None, None, None)


def test_the_backup_page_says_another_program_is_writing(qtbot, ctx, configured, backup_dir: Path,  # noqa: F811
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from solocrm.ui.backup_page import BackupPage

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text, *a: shown.append(text)))
    monkeypatch.setenv("SOLOCRM_BUSY_WAIT_SECONDS", "1")
    page = BackupPage(ctx)
    qtbot.addWidget(page)
    before = files(backup_dir)
    with write_lock_held(ctx.db.path):
        qtbot.mouseClick(page.now_button, Qt.MouseButton.LeftButton)
    assert len(shown) == 1 and shown[0].startswith(BUSY)
    assert page.now_button.isEnabled()  # the user can try again
    assert files(backup_dir) == before


def test_a_scheduled_backup_on_a_busy_database_fails_quietly_and_is_tried_again(
        qtbot, ctx, configured, backup_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    from solocrm.ui.backup_scheduler import BackupScheduler

    monkeypatch.setenv("SOLOCRM_BUSY_WAIT_SECONDS", "1")
    scheduler = BackupScheduler(ctx)
    outcomes: list[tuple[str, str]] = []
    scheduler.finished.connect(lambda outcome, reason: outcomes.append((outcome, reason)))
    with write_lock_held(ctx.db.path):
        scheduler.check()  # no crash dialog: the exception is a user's, not a bug
    assert outcomes[0][0] == "failed" and outcomes[0][1].startswith(BUSY)
    assert scheduler.timer.isActive()  # the next check comes
    scheduler.stop()


def test_the_import_wizard_shows_that_it_waits_then_imports(qtbot, ctx, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from tests.import_support import checked_wizard

    monkeypatch.setenv("SOLOCRM_BUSY_WAIT_SECONDS", "120")
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机\n张三丰,13800138000\n", encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    ctx.runner.inline = False  # the import runs on its worker, as in the app, so its progress dialog shows

    def label() -> str:
        return " ".join(d.labelText() for d in wizard.findChildren(QProgressDialog) if d.isVisible())

    with write_lock_held(ctx.db.path) as holder:
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: WAITING in label(), timeout=60_000)
        release(holder)
        qtbot.waitUntil(lambda: wizard.stack.currentIndex() == 3, timeout=60_000)
    ctx.runner.wait()
    assert wizard.done_summary.text().startswith("Imported c.csv in ")
