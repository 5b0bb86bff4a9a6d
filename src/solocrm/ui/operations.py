"""The one way the GUI runs work: an operation off the GUI thread, with progress.

Writes go to a single-thread pool (SQLite has one writer); reads to a shared
pool.  A progress dialog appears only when work takes longer than 600 ms and a
busy cursor after 300 ms, so quick work never flashes anything.  A UserError
from the work is shown as a message; anything else goes to the crash handler.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from shiboken6 import isValid

from solocrm.errors import UserError
from solocrm.ui.messages import user_text


class Cancelled(Exception):
    """Raised inside work when the user pressed Cancel."""


@dataclass
class Progress:
    """Handed to the work function: report progress, check for cancel."""

    _signals: "_Signals"
    _cancel: threading.Event

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._signals.progress.emit(done, total, label)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancel = cancel

    def run(self) -> None:
        # The work is let go of before the answer goes out: the GUI thread holds it too, so whatever its
        # closures hold (a dialog Python owns, say) is freed there, never in this thread.
        work, self.work = self.work, None
        try:
            result = work(Progress(self.signals, self.cancel))
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            del work
            self.signals.failed.emit(exc)
        else:
            del work
            self.signals.finished.emit(result)


class OperationRunner(QObject):
    """Runs operations; tests may set ``inline = True`` to run them synchronously."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reads = QThreadPool(self)
        self.writes = QThreadPool(self)
        self.writes.setMaxThreadCount(1)
        self.inline = False
        self.closed = False
        # each operation's work, kept on this thread until its answer is handled, and its Cancel if it has one
        self._running: dict[_Signals, tuple[Callable[[Progress], Any], threading.Event | None]] = {}

    def run(
        self,
        work: Callable[[Progress], Any],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        write: bool = False,
        parent: QWidget | None = None,
        label: str = "",
        cancellable: bool = False,
        background: bool = False,
    ) -> None:
        """``background`` marks work the user did not ask for and need not wait on (a side panel
        filling in, a cache warming): it never shows a busy cursor or a progress dialog."""
        # Neither these nor the timers are the runner's children: their connections hold callbacks that may hold
        # the last reference to the runner, which would then delete them again from inside their own destructor.
        signals = _Signals()
        cancel = threading.Event()
        dialog: QProgressDialog | None = None
        timers: list[QTimer] = []

        def listening() -> bool:
            """Whether the answer still has somewhere to go: not once the runner is closed, nor when the widget
            that asked (a dialog closed meanwhile, a customer page replaced) is deleted."""
            return not self.closed and (parent is None or isValid(parent))

        def show_dialog() -> None:
            nonlocal dialog
            if signals not in self._running or not listening():
                return
            dialog = QProgressDialog(label or self.tr("Working…"), self.tr("Cancel") if cancellable else "",
                                     0, 0, parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            if cancellable:
                dialog.canceled.connect(cancel.set)
            else:
                dialog.setCancelButton(None)
            dialog.show()

        def on_progress(done: int, total: int, text: str) -> None:
            if dialog is not None and isValid(dialog):  # deleted with its parent, if that went first
                dialog.setMaximum(total)
                dialog.setValue(done)
                if text:
                    dialog.setLabelText(text)

        def cleanup() -> None:
            self._running.pop(signals, None)
            # On this thread, with the connections that hold it and the callbacks (a cycle Python cannot free):
            # a worker letting go of it never deletes it.
            signals.deleteLater()
            for timer in timers:
                timer.stop()
                timer.deleteLater()
            if QApplication.overrideCursor() is not None and busy_started[0]:
                QApplication.restoreOverrideCursor()
            if dialog is not None and isValid(dialog):
                dialog.reset()
                dialog.deleteLater()

        busy_started = [False]

        def start_busy() -> None:
            if signals in self._running:
                busy_started[0] = True
                QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

        def done(result: Any) -> None:
            cleanup()
            if on_success is not None and listening():
                on_success(result)

        def failed(exc: BaseException) -> None:
            cleanup()
            if isinstance(exc, Cancelled) or (not listening() and isinstance(exc, UserError)):
                return
            if on_failure is not None and listening():
                on_failure(exc)
            elif isinstance(exc, UserError):
                show_user_error(parent, exc)
            else:
                raise exc

        signals.progress.connect(on_progress)
        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._running[signals] = (work, cancel if cancellable else None)
        if self.inline:
            runnable = _Runnable(work, signals, cancel)
            runnable.run()
            return
        for delay, slot in () if background else ((300, start_busy), (600, show_dialog)):
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(slot)
            timer.start(delay)
            timers.append(timer)
        (self.writes if write else self.reads).start(_Runnable(work, signals, cancel))

    def wait(self) -> None:
        """Block until queued work is done."""
        self.writes.waitForDone()
        self.reads.waitForDone()

    def close(self) -> None:
        """Cancel what can be cancelled (it rolls back), wait for the rest, and drop the answers still on their
        way: the window they were for is going.  Quitting during an import then takes a moment, not the import."""
        for _work, cancel in list(self._running.values()):
            if cancel is not None:
                cancel.set()
        self.wait()
        self.closed = True


def show_user_error(parent: QWidget | None, exc: UserError) -> None:
    """The one place a UserError becomes a dialog."""
    QMessageBox.warning(parent, QApplication.translate("errors", "SoloCRM"), user_text(exc))
