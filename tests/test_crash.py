"""The crash safety net: a bug in a slot is logged with its traceback and shown calmly."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QPushButton

from solocrm.errors import ValidationError
from solocrm.ui import crash
from solocrm.ui.crash import CrashDialog, CrashHandler, install_excepthook

# These tests raise in Qt callbacks on purpose; our hook, not pytest-qt's, must see the exceptions.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[CrashDialog, threading.Thread]]:
    """Dialogs that would have been shown (exec would block the test), with the thread showing them."""
    dialogs: list[tuple[CrashDialog, threading.Thread]] = []

    def fake_exec(dialog: CrashDialog) -> int:
        dialogs.append((dialog, threading.current_thread()))
        return 0

    monkeypatch.setattr(CrashDialog, "exec", fake_exec)
    return dialogs


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path / "logs"


@pytest.fixture
def handler(qtbot, log_dir: Path, shown) -> Iterator[CrashHandler]:  # noqa: ANN001
    installed = install_excepthook(log_dir, lambda: None)
    yield installed
    installed.uninstall()


def _log_text(log_dir: Path) -> str:
    return (log_dir / "solocrm.log").read_text(encoding="utf-8")


def _click_broken_button(qtbot, error: BaseException) -> None:  # noqa: ANN001
    def save_customer() -> None:
        raise error

    button = QPushButton("Save")
    qtbot.addWidget(button)
    button.clicked.connect(save_customer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_exception_in_slot_is_logged_and_shown(qtbot, handler, shown, log_dir: Path) -> None:  # noqa: ANN001
    _click_broken_button(qtbot, ZeroDivisionError("rate per order"))

    assert len(shown) == 1
    dialog, _thread = shown[0]
    assert "Something went wrong. SoloCRM keeps running; your data is saved." in dialog.text()
    assert "ZeroDivisionError: rate per order" in dialog.text()
    assert "Traceback" not in dialog.text()
    log = _log_text(log_dir)
    assert "Traceback (most recent call last)" in log
    assert "in save_customer" in log
    assert "ZeroDivisionError: rate per order" in log


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot, handler, shown) -> None:  # noqa: ANN001
    _click_broken_button(qtbot, KeyError("missing"))
    dialog, _thread = shown[0]
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)

    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("SoloCRM ")
    assert "in save_customer" in copied and "KeyError: 'missing'" in copied
    assert dialog.copy_button.text() == "Copied"


def test_show_log_folder_opens_it(qtbot, handler, shown, log_dir: Path, monkeypatch) -> None:  # noqa: ANN001
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _click_broken_button(qtbot, RuntimeError("boom"))
    dialog, _thread = shown[0]
    qtbot.addWidget(dialog)

    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)

    assert [url.toLocalFile() for url in opened] == [str(log_dir)]


def test_user_error_is_shown_plainly_without_traceback(
    qtbot, handler, shown, log_dir: Path, monkeypatch  # noqa: ANN001
) -> None:
    messages: list[str] = []
    monkeypatch.setattr(crash, "show_user_error", lambda parent, exc: messages.append(exc.message))

    _click_broken_button(qtbot, ValidationError("Name is required."))

    assert messages == ["Name is required."]
    assert shown == []
    log = _log_text(log_dir)
    assert "Name is required." in log
    assert "Traceback" not in log


def test_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, handler, shown, log_dir: Path) -> None:  # noqa: ANN001
    def nightly_job() -> None:
        raise OSError("disk full")

    worker = threading.Thread(target=nightly_job)
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: len(shown) == 1)
    _dialog, thread = shown[0]
    assert thread is threading.main_thread()
    assert "in nightly_job" in _log_text(log_dir)


def test_errors_while_the_dialog_is_open_are_logged_not_stacked(
    qtbot, handler, log_dir: Path, monkeypatch  # noqa: ANN001
) -> None:
    dialogs: list[CrashDialog] = []

    def exec_while_a_timer_keeps_failing(dialog: CrashDialog) -> int:
        dialogs.append(dialog)
        try:
            raise ValueError("second")
        except ValueError as exc:
            handler.excepthook(type(exc), exc, exc.__traceback__)
        return 0

    monkeypatch.setattr(CrashDialog, "exec", exec_while_a_timer_keeps_failing)
    _click_broken_button(qtbot, ValueError("first"))

    assert len(dialogs) == 1
    log = _log_text(log_dir)
    assert "ValueError: first" in log and "ValueError: second" in log


def test_log_rotates_at_one_megabyte_keeping_five(handler: CrashHandler) -> None:
    assert handler.log_handler.maxBytes == 1_000_000
    assert handler.log_handler.backupCount == 5


def test_uninstall_restores_previous_hooks(qtbot, log_dir: Path) -> None:  # noqa: ANN001
    before = (sys.excepthook, threading.excepthook)
    installed = install_excepthook(log_dir, lambda: None)
    assert sys.excepthook == installed.excepthook
    installed.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
