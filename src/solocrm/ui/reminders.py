"""Reminders that surface by themselves: due tasks pop up, cadences make their tasks.

Each due task is announced once: the check reads and marks due tasks in one job
on the single write thread, so two overlapping checks can never announce the
same task twice.  Several tasks due together
become one summary, because a tray shows one balloon at a time and a burst of
them is noise.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from solocrm.services import tasks
from solocrm.services.changes import Changes
from solocrm.services.tasks import TaskItem
from solocrm.ui.context import AppContext
from solocrm.ui.formatting import due_text
from solocrm.ui.task_dialog import task_title, to_local

log = logging.getLogger(__name__)

CHECK_INTERVAL_MS = 30_000
CADENCE_INTERVAL_MS = 3_600_000
MESSAGE_SHOWN_MS = 10_000
SUMMARY_LINES = 3


class ReminderService(QObject):
    """Checks for due tasks every ``check_interval_ms`` and applies cadences every ``cadence_interval_ms``.

    Call ``start()`` once the window is up.  Without a usable tray (no system
    tray, as in offscreen tests, or a tray that cannot show messages) the
    message goes out as ``notify(title, message)`` for the window's status bar.
    """

    notify = Signal(str, str)

    def __init__(
        self,
        ctx: AppContext,
        tray: QSystemTrayIcon | None = None,
        parent: QObject | None = None,
        *,
        check_interval_ms: int = CHECK_INTERVAL_MS,
        cadence_interval_ms: int = CADENCE_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tray = tray
        self._checking = False
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(check_interval_ms)
        self._check_timer.timeout.connect(self.check_now)
        self._cadence_timer = QTimer(self)
        self._cadence_timer.setInterval(cadence_interval_ms)
        self._cadence_timer.timeout.connect(self.apply_cadences_now)

    def start(self) -> None:
        """Apply cadences first, so tasks they create are due-checked in the same start-up pass."""
        self.apply_cadences_now()
        self.check_now()
        self._check_timer.start()
        self._cadence_timer.start()

    def stop(self) -> None:
        self._check_timer.stop()
        self._cadence_timer.stop()

    def check_now(self) -> None:
        if self._checking:
            return  # the previous check is still queued behind a long write
        self._checking = True
        db = self._ctx.db
        now = self._ctx.clock()

        def work(_p: object) -> list[TaskItem]:
            due = tasks.due_for_notification(db, now)
            if due:
                tasks.mark_notified(db, [t.id for t in due], now)
            return due

        self._ctx.runner.run(work, write=True, on_success=lambda due: self._announce(due, now),
                             on_failure=self._check_failed)

    def apply_cadences_now(self) -> None:
        db = self._ctx.db
        now = self._ctx.clock()
        self._ctx.runner.run(lambda _p: tasks.apply_cadences(db, now), write=True,
                             on_success=self._cadences_applied, on_failure=self._background_failed)

    def _cadences_applied(self, changes: Changes) -> None:
        if changes.tasks:
            self._ctx.bus.publish(changes, self)

    def _check_failed(self, exc: BaseException) -> None:
        self._checking = False
        self._background_failed(exc)

    @staticmethod
    def _background_failed(exc: BaseException) -> None:
        # A timer job must not open an error dialog every 30 seconds; it retries on the next tick.
        log.error("reminder job failed", exc_info=exc)

    def _announce(self, due: list[TaskItem], now: datetime) -> None:
        self._checking = False
        if not due:
            return
        today = to_local(now).date()
        if len(due) == 1:
            title = self.tr("Follow-up due")
            message = self._line(due[0], today)
        else:
            title = self.tr("Follow-ups due: {count}").format(count=len(due))
            lines = [self._line(t, today) for t in due[:SUMMARY_LINES]]
            if len(due) > SUMMARY_LINES:
                lines.append(self.tr("and {count} more").format(count=len(due) - SUMMARY_LINES))
            message = "\n".join(lines)
        if self._tray is not None and self._tray.isVisible() and QSystemTrayIcon.isSystemTrayAvailable() \
                and QSystemTrayIcon.supportsMessages():
            self._tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Information, MESSAGE_SHOWN_MS)
        else:
            self.notify.emit(title, message)

    @staticmethod
    def _line(item: TaskItem, today: date) -> str:
        local = to_local(item.due_at)
        when = due_text(local, "time" if local.date() == today else "date", item.is_stay_in_touch)
        text = f"{when}  {task_title(item)}".strip()
        return f"{text} · {item.customer_name}" if item.customer_name else text
