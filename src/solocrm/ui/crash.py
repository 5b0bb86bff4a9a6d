"""The safety net for bugs: log the traceback, tell the user calmly, keep running.

Errors a user can cause (UserError) still reach them as a plain message, with
no traceback.  Anything else is a bug: it goes to a rotating log file and to a
dialog that can copy the details for a bug report.  Exceptions raised on other
threads are handed to the GUI thread, the only one allowed to show a window.

The log and its folder are readable by the user alone, and the log holds no
customer's field values: statement errors carry no parameters (the engine
hides them, ``db.database.make_engine``) and a user error is logged as its
template, without the values filled into it.
"""

from __future__ import annotations

import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from solocrm import __version__
from solocrm.errors import UserError
from solocrm.locations import private_dir, private_file
from solocrm.ui.modal import run_dialog
from solocrm.ui.operations import show_user_error

LOG_FILENAME = "solocrm.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 5

log = logging.getLogger("solocrm.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def _details(exc_info: ExcInfo) -> str:
    """What a bug report needs: versions first, then the traceback."""
    header = (
        f"SoloCRM {__version__}, Python {platform.python_version()}, PySide6 {pyside_version}, "
        f"{platform.platform()}\n\n"
    )
    return header + "".join(traceback.format_exception(*exc_info))


class _PrivateLog(logging.handlers.RotatingFileHandler):
    """Creates the log, and each fresh one after a rotation, readable by the user alone."""

    def _open(self) -> TextIO:
        private_file(Path(self.baseFilename))
        return super()._open()


class CrashDialog(QDialog):
    """Says something went wrong without alarming, and offers the details for a bug report."""

    def __init__(self, exc: BaseException, details: str, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self._log_dir = log_dir
        self.setWindowTitle(self.tr("SoloCRM"))

        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(size, size))
        self.message = QLabel(self.tr("Something went wrong. SoloCRM keeps running; your data is saved."))
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.explanation = QLabel(
            self.tr("If it happens again, copy the details and send them with a note of what you were doing.")
            + "\n\n"
            + f"{type(exc).__name__}: {exc}"
        )
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.log_button = QPushButton(self.tr("Show log folder"))
        # ActionRole buttons keep the dialog open, so the user can copy and then look.
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.log_button.clicked.connect(self.show_log_folder)

        text = QVBoxLayout()
        text.addWidget(self.message)
        text.addWidget(self.explanation)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def text(self) -> str:
        """Everything the dialog says, as the user reads it."""
        return f"{self.message.text()}\n{self.explanation.text()}"

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))

    def show_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._log_dir)))


class _ToGuiThread(QObject):
    """Carries an exception from any thread to the GUI thread (queued when crossing threads)."""

    raised = Signal(object)


class CrashHandler:
    """Installed hooks and log handler; ``uninstall`` puts the previous ones back (tests, shutdown)."""

    def __init__(self, log_dir: Path, parent_getter: Callable[[], QWidget | None]) -> None:
        self.log_dir = log_dir
        self._parent_getter = parent_getter
        self._showing = False
        private_dir(log_dir)
        self.log_handler = _PrivateLog(
            log_dir / LOG_FILENAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
        self.log_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        self._to_gui = _ToGuiThread()
        self._to_gui.raised.connect(self._report)
        self._previous_excepthook = sys.excepthook
        self._previous_threading_hook = threading.excepthook

    def install(self) -> None:
        root = logging.getLogger()
        root.addHandler(self.log_handler)
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_excepthook
        threading.excepthook = self._previous_threading_hook
        logging.getLogger().removeHandler(self.log_handler)
        self.log_handler.close()

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_excepthook(exc_type, exc, tb)
            return
        self._to_gui.raised.emit((exc_type, exc, tb))

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self._to_gui.raised.emit((args.exc_type, args.exc_value, args.exc_traceback))

    def _report(self, exc_info: ExcInfo) -> None:
        exc = exc_info[1]
        if isinstance(exc, UserError):
            log.warning("%s: %s", type(exc).__name__, exc.template or exc.message)  # not the values filled in
            if not self._showing:
                show_user_error(self._parent_getter(), exc)
            return
        log.error("Unexpected error", exc_info=exc_info)
        self.log_handler.flush()
        if QApplication.instance() is None:
            self._previous_excepthook(*exc_info)
            return
        # A bug in a timer or paint handler can repeat while the dialog is up: log those, show one.
        if self._showing:
            return
        self._showing = True
        try:
            run_dialog(CrashDialog(exc, _details(exc_info), self.log_dir, self._parent_getter()))
        finally:
            self._showing = False


def install_excepthook(log_dir: Path, parent_getter: Callable[[], QWidget | None]) -> CrashHandler:
    """Log to ``log_dir/solocrm.log`` (1 MB x 5) and turn uncaught exceptions into a dialog.

    ``parent_getter`` is asked at the moment of the error, because the main
    window may be replaced (e.g. when switching to demo data) after install.
    """
    handler = CrashHandler(log_dir, parent_getter)
    handler.install()
    return handler
