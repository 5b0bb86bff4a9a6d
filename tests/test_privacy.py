"""Customer data stays with the user: files only they can read, no field values in the log (issue #15)."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from solocrm.backup import jobs, restore, snapshot, swap
from solocrm.db import migrate
from solocrm.db.database import Database, make_engine
from solocrm.errors import ValidationError
from solocrm.services import customers
from solocrm.services.customers import CustomerInput
from solocrm.ui.crash import CrashDialog, install_excepthook
from tests.backup_support import (  # noqa: F401
    ROOT,
    add_customers,
    backup_dir,
    configured,
    count,
    integrity,
    key_template,
    memory_keyring,
)
from tests.conftest import type_text


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems ship (022): whatever is not made private is readable by every account."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# ---------------------------------------------------------------- files only the user can read

def test_a_new_database_its_wal_shm_and_folder_are_for_the_user_alone(tmp_path: Path) -> None:
    folder = tmp_path / "SoloCRM"
    db = Database.open(folder / "solocrm.sqlite3")
    try:
        customers.create(db, CustomerInput(name="王芳", phones=["13912345678"]))
        wal, shm = Path(f"{db.path}-wal"), Path(f"{db.path}-shm")
        assert wal.stat().st_size > 0  # the new customer is in the write-ahead log
        assert (mode(folder), mode(db.path), mode(wal), mode(shm)) == (0o700, 0o600, 0o600, 0o600)
    finally:
        db.close()


def test_the_log_and_its_folder_are_for_the_user_alone(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    data = tmp_path / "SoloCRM"  # with SOLOCRM_DATA_DIR the app makes the log folder inside it, first
    log_dir = data / "logs"
    handler = install_excepthook(log_dir, lambda: None)
    try:
        log = log_dir / "solocrm.log"
        assert (mode(data), mode(log_dir), mode(log)) == (0o700, 0o700, 0o600)
        handler.log_handler.doRollover()  # what a full log does: the old one moves to .1, a fresh one starts
        assert (mode(log), mode(log_dir / "solocrm.log.1")) == (0o600, 0o600)
    finally:
        handler.uninstall()


def test_the_copy_taken_before_an_upgrade_is_for_the_user_alone(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)  # a database an older SoloCRM made, readable by all as files then were
    command.upgrade(migrate.alembic_config(engine), "0001")
    engine.dispose()
    add_customers(path, 3)

    Database.open(path).close()

    [copy] = tmp_path.glob("old.sqlite3.before-0001.bak")
    assert mode(copy) == 0o600
    assert count(copy) == 3  # still the user's safety copy, kept


def test_the_plaintext_snapshot_a_backup_takes_is_for_the_user_alone(configured, db: Database) -> None:  # noqa: F811
    seen: list[int] = []
    image = snapshot.snapshot_path(db.path)

    def watch(done: int, total: int) -> None:
        if image.exists() and not seen:
            seen.append(mode(image))

    jobs.create(db, force=True, progress=watch)

    assert seen == [0o600]
    assert not image.exists()


@pytest.mark.parametrize("kept", [0o600, 0o640])
def test_a_restore_keeps_the_mode_the_database_had(configured, db: Database, kept: int) -> None:  # noqa: F811
    made = jobs.create(db)
    db.close()
    db.path.chmod(kept)
    restoring = swap.restoring_path(db.path)
    seen: list[int] = []

    def watch(done: int, total: int) -> None:
        if restoring.exists() and not seen:
            seen.append(mode(restoring))

    restore.restore(made.path, db.path, [configured.identity], progress=watch)

    assert seen == [0o600]  # the decrypted copy, while it is checked
    assert mode(db.path) == kept
    assert count(db.path) == 5


KILLED_MID_SNAPSHOT = """
import os, signal, sys
from pathlib import Path
from solocrm.backup import snapshot

db = Path(sys.argv[1])
with snapshot.backup_lock(db):
    snapshot.take(db, snapshot.snapshot_path(db), progress=lambda done, total: os.kill(os.getpid(), signal.SIGKILL))
"""


def test_a_snapshot_left_by_a_killed_backup_is_removed_at_the_next_open(db: Database) -> None:
    add_customers(db.path, 50)
    db.close()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    killed = subprocess.run([sys.executable, "-c", KILLED_MID_SNAPSHOT, str(db.path)], env=env, cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert killed.returncode == -9, killed.stderr
    leftover = snapshot.snapshot_path(db.path)
    assert leftover.exists() and mode(leftover) == 0o600

    with snapshot.backup_lock(db.path):  # a backup running in another window: its snapshot is not a leftover
        Database.open(db.path, lock=False).close()
        assert leftover.exists()
    Database.open(db.path).close()

    assert not list(db.path.parent.glob("*.backup-snapshot*"))
    assert count(db.path) == 50 and integrity(db.path) == "ok"


def test_a_restore_killed_while_preparing_leaves_no_plaintext_copy_after_the_next_open(db: Database) -> None:
    add_customers(db.path, 5)
    db.close()
    # killed while carrying the backup settings over: the decrypted copy and its rollback journal
    prepared = swap.restoring_path(db.path)
    snapshot.take(db.path, prepared)
    Path(f"{prepared}-journal").write_bytes(prepared.read_bytes()[:8192])

    Database.open(db.path).close()

    assert not list(db.path.parent.glob("*.restoring*"))
    assert count(db.path) == 5 and integrity(db.path) == "ok"


# ---------------------------------------------------------------- no personal data in the log

NAME = "Quxin Privatename"
PHONE_DIGITS = "13987654321"
EMAIL = "quxin.secret@example.org"
ID_NUMBER = "110101199003078515"
NOTE = "prefers calls after nine, owes 3000"


@pytest.mark.qt_no_exception_capture  # the crash handler, not pytest-qt, must see the failed save
def test_a_failed_save_logs_the_error_and_statement_but_no_field_values(
        qtbot, ctx, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from solocrm.ui.customer_dialog import CustomerDialog

    conn = sqlite3.connect(ctx.db.path)
    conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON customer BEGIN SELECT RAISE(ABORT, 'refused'); END")
    conn.close()
    shown: list[CrashDialog] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    log_dir = tmp_path / "logs"
    handler = install_excepthook(log_dir, lambda: None)
    try:
        dialog = CustomerDialog(ctx)
        qtbot.addWidget(dialog)
        type_text(qtbot, dialog.name, NAME)
        type_text(qtbot, dialog.phones, "139-8765-4321")
        type_text(qtbot, dialog.emails, EMAIL)
        dialog.personal.setPlainText(f"ID number {ID_NUMBER}")
        dialog.notes.setPlainText(NOTE)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    finally:
        handler.uninstall()

    log = (log_dir / "solocrm.log").read_text(encoding="utf-8")
    assert len(shown) == 1
    copied = shown[0].details + shown[0].text()
    for text in (log, copied):
        assert "IntegrityError" in text and "INSERT INTO customer" in text
        for value in (NAME, "Privatename", PHONE_DIGITS, "98765", EMAIL, "quxin", ID_NUMBER, NOTE, "owes"):
            assert value.lower() not in text.lower()


@pytest.mark.qt_no_exception_capture
def test_a_user_error_reaching_the_log_keeps_its_wording_not_the_value_typed(
        qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QPushButton

    from solocrm.ui import crash

    monkeypatch.setattr(crash, "show_user_error", lambda parent, exc: None)
    log_dir = tmp_path / "logs"
    handler = install_excepthook(log_dir, lambda: None)
    try:
        def save() -> None:
            raise ValidationError("“{value}” is not a phone number.", field="phones", value=PHONE_DIGITS + "x")

        button = QPushButton("Save")
        qtbot.addWidget(button)
        button.clicked.connect(save)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        handler.uninstall()

    log = (log_dir / "solocrm.log").read_text(encoding="utf-8")
    assert "ValidationError: “{value}” is not a phone number." in log
    assert PHONE_DIGITS not in log
