"""Shared fixtures: a fresh database per test, and a GUI context whose work runs inline."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from solocrm.db.database import Database  # noqa: E402

FIXED_NOW = datetime(2026, 6, 15, 9, 0, 0)


@pytest.fixture(autouse=True)
def own_window_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Window sizes and column choices (QSettings) start empty in every test, and never touch the user's."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A dialog nobody answers would stall the whole run: opening one fails the test instead.

    Tests that expect a dialog replace these with their own answers.  After
    each test every window is closed, so its timers cannot fire in the next one.
    """
    from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

    def refuse(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        raise AssertionError(f"a modal dialog would wait for an answer: {texts}")

    for owner, names in ((QMessageBox, ("warning", "critical", "information", "question", "about", "exec")),
                         (QDialog, ("exec",)),
                         (QFileDialog, ("getOpenFileName", "getSaveFileName", "getExistingDirectory")),
                         (QInputDialog, ("getText", "getInt", "getItem"))):
        for name in names:
            monkeypatch.setattr(owner, name, refuse)
    yield
    app = QApplication.instance()
    if app is not None:
        for widget in app.topLevelWidgets():
            widget.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def ctx(qtbot, db: Database):  # noqa: ANN001, ANN201 - qtbot comes from pytest-qt
    from solocrm.ui.bus import ChangeBus
    from solocrm.ui.context import AppContext
    from solocrm.ui.operations import OperationRunner

    runner = OperationRunner()
    runner.inline = True
    return AppContext(db=db, bus=ChangeBus(), runner=runner, clock=lambda: FIXED_NOW)


def type_text(qtbot, widget, text: str) -> None:  # noqa: ANN001
    """Type like a user: ASCII as key presses, Chinese as an input method commits it.

    QTest cannot press keys for non-ASCII characters, and a real user types
    Chinese through an IME, which delivers a committed string.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    run = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QCoreApplication.sendEvent(widget, event)
                run = ""
            qtbot.keyClicks(widget, char)
        elif char != "\0":
            run += char
        elif run:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QCoreApplication.sendEvent(widget, event)
