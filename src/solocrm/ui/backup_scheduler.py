"""Scheduled backups while the app is open, and the main window's warning banner.

``BackupScheduler`` asks ``solocrm.backup.scheduler.decide`` what to do and
arms one single-shot timer for the next check.  A periodic re-sync compares
the wall clock with the monotonic clock: a jump means the machine slept or
the clock was changed, and the decision is taken again at once (catch-up).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from solocrm.backup import jobs, scheduler, store
from solocrm.backup.errors import BackupError
from solocrm.errors import DatabaseBusy, DatabaseOpenError
from solocrm.services.changes import Changes
from solocrm.ui.context import AppContext
from solocrm.ui.messages import user_text

RESYNC_MS = 5 * 60 * 1000
JUMP_TOLERANCE = timedelta(minutes=2)
MAX_TIMER = timedelta(hours=6)  # never trust one long timer across a sleep


def _local_zone():
    return datetime.now(UTC).astimezone().tzinfo


class BackupScheduler(QObject):
    """Runs scheduled backups of ``ctx.db`` through the runner; ``finished(outcome, reason)`` after each."""

    finished = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.resync = QTimer(self)
        self.resync.timeout.connect(self._resync)
        self._wall = ctx.clock()
        self._mono = time.monotonic()

    def start(self) -> None:
        self.resync.start(RESYNC_MS)
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        self.resync.stop()

    def _resync(self) -> None:
        wall, mono = self.ctx.clock(), time.monotonic()
        drift = (wall - self._wall) - timedelta(seconds=mono - self._mono)
        self._wall, self._mono = wall, mono
        if abs(drift) > JUMP_TOLERANCE:  # slept, or the clock was changed
            self.check()

    def check(self) -> None:
        """Decide now: start a backup when due, then arm the timer for the next look."""
        config = store.load_config(self.ctx.db)
        if config is None or self.running:
            return
        now = self.ctx.clock().replace(tzinfo=UTC)
        runs = store.history(self.ctx.db, limit=50)
        decision = scheduler.decide(config.schedule, now, _local_zone(),
                                    last_attempt=_aware(scheduler.last_attempt(runs)),
                                    consecutive_failures=scheduler.consecutive_failures(runs))
        if decision.run_now:
            self._run("catch-up" if decision.reason.startswith("catch-up") else "scheduled")
        elif decision.next_check is not None:
            self._arm(decision.next_check - now)

    def _arm(self, delay: timedelta) -> None:
        delay = max(min(delay, MAX_TIMER), timedelta(seconds=1))
        self.timer.start(int(delay.total_seconds() * 1000))

    def _run(self, trigger: str) -> None:
        self.running = True

        def work(_progress) -> jobs.CreateResult:
            return jobs.create(self.ctx.db, trigger=trigger, clock=self.ctx.clock)

        def done(result: jobs.CreateResult) -> None:
            self._after(result.outcome, user_text(result.reason))

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, (BackupError, DatabaseBusy)):
                self._after("failed", str(exc))
                raise exc
            # recorded in the history, and the banner tells the user; a busy database (nothing recorded, as
            # nothing could be written) is simply tried again at the next check
            self._after("failed", user_text(exc))

        self.ctx.runner.run(work, write=True, on_success=done, on_failure=failed)

    def _after(self, outcome: str, reason: str) -> None:
        self.running = False
        self.ctx.bus.publish(Changes(settings=True), self)
        self.finished.emit(outcome, reason)
        self._arm(timedelta(seconds=30))  # decide again soon (back-off or the next slot)


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None else None


class BackupBanner(QWidget):
    """A warning strip: the last good backup is older than two intervals, or the last run failed."""

    open_backups = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupBanner")
        self.setStyleSheet("#backupBanner { background: #fdecea; } #backupBanner QLabel { color: #7b1f16; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        button = QPushButton(self.tr("Open backups"))
        button.clicked.connect(self.open_backups)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(button)
        ctx.bus.changed.connect(lambda changes, _source: changes.settings and self.refresh())
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start(10 * 60 * 1000)
        self.refresh()

    def refresh(self) -> None:
        try:
            config = store.load_config(self.ctx.db)
        except DatabaseOpenError:
            return  # the database is closed for a restore; the window reopens on the result
        if config is None:
            self.hide()
            return
        runs = store.history(self.ctx.db, limit=50)
        good = scheduler.last_good(runs)
        reason = scheduler.needs_attention(self.ctx.clock(), config.schedule,
                                           last_good=good.started_at if good else None,
                                           last_failed=scheduler.last_run_failed(runs),
                                           set_up_at=runs[-1].started_at if runs else None)
        if reason is None:
            self.hide()
            return
        if reason == "failed":
            failed = next(r for r in runs if r.outcome == "failed")
            self.text.setText(self.tr("The last backup failed: %1").replace("%1", user_text(failed.reason)))
        else:
            self.text.setText(self.tr("Your last good backup is too old. Connect the backup drive or back up now."))
        self.show()
