"""Keeps the stored lifecycle stages true while the app runs: on open and at every local midnight.

A customer churns with no write in between, just because a day passed; the
list, its filters and exports read the stored stage, so it must follow time.
``lifecycle.update_stages`` runs off the GUI thread on the write runner.  One
single-shot timer is armed for the next local midnight; a periodic look at
the date catches what that timer misses (the machine slept through midnight,
the clock was changed).  When stages moved, the views hear it on the bus.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QObject, QTimer

from solocrm.errors import UserError
from solocrm.services import lifecycle
from solocrm.services.changes import Changes
from solocrm.ui.context import AppContext

DATE_CHECK_MS = 60 * 1000
MAX_TIMER = timedelta(hours=6)  # never trust one long timer across a sleep


def local_now(utc_naive: datetime) -> datetime:
    return utc_naive.replace(tzinfo=UTC).astimezone()


class StageKeeper(QObject):
    """Restages every customer of ``ctx.db`` when started and whenever the local date changes."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self.check)
        self.date_check = QTimer(self)
        self.date_check.timeout.connect(self.check)
        self._day: date | None = None  # the local date the stored stages were last brought up to
        self._running = False

    def start(self) -> None:
        self.date_check.start(DATE_CHECK_MS)
        self.check()

    def stop(self) -> None:
        self.midnight.stop()
        self.date_check.stop()

    def check(self) -> None:
        """Restage when the local date is not the one last staged for; arm the timer for the next midnight."""
        at = self.ctx.clock()
        now = local_now(at)
        self._arm(now)
        if now.date() == self._day or self._running:
            return
        self._running = True
        self.ctx.runner.run(lambda _progress: lifecycle.update_stages(self.ctx.db, at), write=True,
                            background=True, on_success=lambda moved: self._done(now.date(), moved),
                            on_failure=self._failed)

    def _arm(self, now: datetime) -> None:
        next_midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), now.tzinfo)
        delay = min(next_midnight - now, MAX_TIMER) + timedelta(seconds=1)
        self.midnight.start(int(delay.total_seconds() * 1000))

    def _done(self, day: date, moved: int) -> None:
        self._running = False
        self._day = day
        if moved:
            self.ctx.bus.publish(Changes(customers=True), self)

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        if not isinstance(exc, UserError):
            raise exc
        # Another program held the database (or the disk was full): the date check tries again in a minute,
        # and nobody asked for this work, so no dialog interrupts them.
