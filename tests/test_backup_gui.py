"""The Backup page driven like a user: set up, back up now, verify, restore; the banner and the scheduler."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from solocrm.backup import jobs, store
from solocrm.backup.errors import WriteFailed
from solocrm.db.database import Database
from solocrm.ui.backup_dialogs import (
    RecoveryCodeDialog,
    SetupDialog,
    Unlock,
    UnlockDialog,
)
from solocrm.ui.backup_page import BackupPage
from solocrm.ui.backup_scheduler import BackupBanner, BackupScheduler
from solocrm.ui.welcome import WelcomePage
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    add_customers,
    count,
    fail_keyring,
    memory_keyring,
)
from tests.conftest import FIXED_NOW, type_text


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answered Yes and recorded as (title, text)."""
    shown: list[tuple[str, str]] = []

    def record(_parent, title, text, *args, **kwargs):
        shown.append((title, text))
        return QMessageBox.StandardButton.Yes

    for name in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(record))
    return shown


def _drive_setup(monkeypatch: pytest.MonkeyPatch, qtbot, folder: Path, codes: list[str]) -> None:
    """Fill the real setup and recovery-code dialogs as a user would."""

    def setup_exec(dialog: SetupDialog) -> int:
        dialog.folder.clear()
        type_text(qtbot, dialog.folder, str(folder))
        dialog.schedule.kind.setCurrentIndex(dialog.schedule.kind.findData("daily"))
        qtbot.keyClicks(dialog.passphrase.first, "short")
        assert "weak" in dialog.passphrase.verdict.text()
        dialog.passphrase.first.clear()
        qtbot.keyClicks(dialog.passphrase.first, PASSPHRASE)
        qtbot.keyClicks(dialog.passphrase.second, PASSPHRASE)
        assert "strong" in dialog.passphrase.verdict.text()
        dialog._accept()
        return 1

    def code_exec(dialog: RecoveryCodeDialog) -> int:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        codes.append(dialog.code)
        qtbot.keyClicks(dialog.confirm, dialog.code.split()[-1].lower())
        assert ok.isEnabled()
        ok.click()
        return 1

    monkeypatch.setattr(SetupDialog, "exec", setup_exec)
    monkeypatch.setattr(RecoveryCodeDialog, "exec", code_exec)


def test_setup_back_up_now_verify_and_restore(qtbot, ctx, tmp_path: Path, memory_keyring,  # noqa: F811
                                              monkeypatch: pytest.MonkeyPatch, answers) -> None:
    add_customers(ctx.db.path, 4, prefix="王记烘焙")
    page = BackupPage(ctx)
    qtbot.addWidget(page)
    page.resize(900, 800)
    assert page.stack.currentIndex() == 0  # the empty state invites setting up

    codes: list[str] = []
    _drive_setup(monkeypatch, qtbot, tmp_path / "U盘备份", codes)
    qtbot.mouseClick(page.findChild(QPushButton, "setupBackups"), Qt.MouseButton.LeftButton)
    assert codes and codes[0].startswith("AGE-SECRET-KEY-1")
    assert page.stack.currentIndex() == 1
    assert "keyring" in page.key_state.text()
    assert page.last_good.text() == "none yet"

    qtbot.mouseClick(page.now_button, Qt.MouseButton.LeftButton)
    assert "verified" in page.last_message
    assert page.files.rowCount() == 1 and page.files.item(0, 3).text() == "Verified"
    assert page.history.item(0, 2).text() == "Succeeded" and page.history.item(0, 1).text() == "You"
    assert page.last_good.text().endswith("(just now)")

    page.files.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "verifySelected"), Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "All backups verified" and "✔" in answers[-1][1]

    add_customers(ctx.db.path, 3)
    replaced: list[Path] = []
    page.database_replaced.connect(replaced.append)
    db_path = ctx.db.path
    page.files.selectRow(0)
    qtbot.mouseClick(page.findChild(QPushButton, "restoreSelected"), Qt.MouseButton.LeftButton)
    title, text = answers[-2]
    assert title == "Restore this backup?" and "4 customers" in text  # the preview before anything happens
    assert answers[-1][0] == "Restore complete"
    assert replaced == [db_path]
    assert count(db_path) == 4


def test_without_a_keyring_backups_wait_for_the_passphrase(qtbot, ctx, tmp_path: Path, fail_keyring,  # noqa: F811
                                                           monkeypatch: pytest.MonkeyPatch, answers) -> None:
    add_customers(ctx.db.path, 2)
    jobs.set_up(ctx.db, tmp_path / "bk", PASSPHRASE, clock=ctx.clock)
    page = BackupPage(ctx)
    qtbot.addWidget(page)
    assert "no secure keyring" in page.key_state.text()
    qtbot.mouseClick(page.now_button, Qt.MouseButton.LeftButton)
    assert "not yet verified" in page.last_message
    assert page.files.item(0, 3).text() == "Not yet verified"

    asked: list[str] = []
    monkeypatch.setattr(UnlockDialog, "ask", classmethod(lambda cls, reason, parent=None: (
        asked.append(reason) or Unlock(passphrase="wrong wrong wrong"))))
    qtbot.mouseClick(page.findChild(QPushButton, "verifyAll"), Qt.MouseButton.LeftButton)
    assert asked and answers[-1][1].startswith("Wrong passphrase")
    assert page.files.item(0, 3).text() == "Not yet verified"

    monkeypatch.setattr(UnlockDialog, "ask", classmethod(lambda cls, reason, parent=None: Unlock(PASSPHRASE)))
    qtbot.mouseClick(page.findChild(QPushButton, "verifyAll"), Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "All backups verified"
    assert page.files.item(0, 3).text() == "Verified"


def test_restore_any_file_with_the_recovery_code(qtbot, ctx, tmp_path: Path, fail_keyring,  # noqa: F811
                                                 monkeypatch: pytest.MonkeyPatch, answers) -> None:
    """From the empty page of a fresh install: a .crmbak from elsewhere and the code on paper."""
    other = Database.open(tmp_path / "old.sqlite3")
    add_customers(other.path, 6, prefix="老顾客")
    setup = jobs.set_up(other, tmp_path / "old-backups", PASSPHRASE)
    made = jobs.create(other)
    other.close()
    lone = tmp_path / "downloads" / made.path.name
    lone.parent.mkdir()
    lone.write_bytes(made.path.read_bytes())

    page = BackupPage(ctx)
    qtbot.addWidget(page)
    monkeypatch.setattr("solocrm.ui.backup_page.QFileDialog.getOpenFileName",
                        staticmethod(lambda *a, **k: (str(lone), "")))
    monkeypatch.setattr(UnlockDialog, "ask", classmethod(
        lambda cls, reason, parent=None: Unlock(recovery_code=setup.recovery_code.lower())))
    replaced: list[Path] = []
    page.database_replaced.connect(replaced.append)
    db_path = ctx.db.path
    qtbot.mouseClick(page.findChild(QPushButton, "restoreFromFileEmpty"), Qt.MouseButton.LeftButton)
    assert "6 customers" in answers[0][1]
    assert replaced == [db_path] and count(db_path) == 6


def test_failed_restore_reopens_the_untouched_database(qtbot, ctx, tmp_path: Path, memory_keyring,  # noqa: F811
                                                       answers) -> None:
    add_customers(ctx.db.path, 3)
    jobs.set_up(ctx.db, tmp_path / "bk", PASSPHRASE, clock=ctx.clock)
    made = jobs.create(ctx.db)
    page = BackupPage(ctx)
    qtbot.addWidget(page)
    replaced: list[Path] = []
    page.database_replaced.connect(replaced.append)
    before = ctx.db.path.read_bytes()
    made.path.write_bytes(made.path.read_bytes()[:-100])  # cut short after it was listed
    page.restore_file(made.path)
    assert "damaged or tampered" in answers[-1][1]
    assert replaced == []  # refused at the preview: the database was never closed
    assert ctx.db.path.read_bytes() == before


def test_banner_warns_when_the_last_run_failed_or_is_overdue(qtbot, ctx, tmp_path: Path, memory_keyring) -> None:  # noqa: F811
    banner = BackupBanner(ctx)
    qtbot.addWidget(banner)
    assert banner.isHidden()  # not set up: nothing to warn about yet
    add_customers(ctx.db.path, 1)
    folder = tmp_path / "usb"
    jobs.set_up(ctx.db, folder, PASSPHRASE, clock=lambda: FIXED_NOW - timedelta(days=5))
    jobs.create(ctx.db, trigger="scheduled", clock=lambda: FIXED_NOW - timedelta(days=4))
    banner.refresh()
    assert not banner.isHidden() and "too old" in banner.text.text()  # daily schedule, 4 days ago

    folder.rename(tmp_path / "unplugged")
    with pytest.raises(WriteFailed):
        jobs.create(ctx.db, trigger="scheduled", clock=lambda: FIXED_NOW - timedelta(hours=1))
    banner.refresh()
    assert not banner.isHidden() and "The last backup failed" in banner.text.text()
    assert "not available" in banner.text.text()

    (tmp_path / "unplugged").rename(folder)
    add_customers(ctx.db.path, 1)
    jobs.create(ctx.db, trigger="scheduled", clock=ctx.clock)
    banner.refresh()
    assert banner.isHidden()


def test_scheduler_catches_up_and_records_why(qtbot, ctx, tmp_path: Path, memory_keyring) -> None:  # noqa: F811
    add_customers(ctx.db.path, 2)
    jobs.set_up(ctx.db, tmp_path / "bk", PASSPHRASE, clock=ctx.clock)
    scheduler = BackupScheduler(ctx)
    outcomes: list[tuple[str, str]] = []
    scheduler.finished.connect(lambda outcome, reason: outcomes.append((outcome, reason)))
    scheduler.check()
    assert outcomes == [("succeeded", "written and verified")]
    assert store.history(ctx.db)[0].trigger == "scheduled"
    scheduler.check()  # same moment: not due again
    assert len(outcomes) == 1 and scheduler.timer.isActive()
    scheduler.stop()


def test_welcome_offers_restore(qtbot) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.restore_backup, timeout=1000):
        qtbot.mouseClick(page.findChild(QPushButton, "welcomeRestore"), Qt.MouseButton.LeftButton)


def test_chinese_folder_names_and_data_show(qtbot, ctx, tmp_path: Path, memory_keyring) -> None:  # noqa: F811
    add_customers(ctx.db.path, 2, prefix="张三")
    jobs.set_up(ctx.db, tmp_path / "云盘同步" / "客户备份", PASSPHRASE, clock=ctx.clock)
    jobs.create(ctx.db, clock=ctx.clock)
    page = BackupPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 800)
    assert "云盘同步" in page.destination.text()
