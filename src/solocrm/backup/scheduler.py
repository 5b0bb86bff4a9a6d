"""When to back up: pure policy, driven by the in-app timer and checked by tests with a fake clock.

Times are aware datetimes.  A slot is a scheduled moment (every hour, daily at
HH:MM, weekly on a weekday at HH:MM, in local time).  A run is due when a
slot has passed since the last attempt, which gives catch-up for free after
sleep or a closed app: one run, not one per missed slot.  Failures back off
(5 min, 15 min, 1 h, then the interval), so a missing USB drive is not
hammered every minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo

from solocrm.backup.store import RunRecord, Schedule

SCHEDULED_TRIGGERS = ("scheduled", "catch-up", "timer")
BACKOFF = (timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))


def _parse_at(at: str) -> time:
    hours, minutes = at.split(":")
    return time(int(hours), int(minutes))


def previous_slot(schedule: Schedule, now: datetime, tz: tzinfo) -> datetime | None:
    """The latest scheduled moment at or before ``now`` (None when the schedule is off)."""
    local = now.astimezone(tz)
    if schedule.kind == "hourly":
        return local.replace(minute=0, second=0, microsecond=0)
    if schedule.kind not in ("daily", "weekly"):
        return None
    at = _parse_at(schedule.at)
    day = local.date()
    for back in range(8):
        candidate_day = day - timedelta(days=back)
        if schedule.kind == "weekly" and candidate_day.weekday() != schedule.weekday:
            continue
        slot = datetime.combine(candidate_day, at, tzinfo=tz)
        if slot <= local:
            return slot
    return None


def next_slot(schedule: Schedule, now: datetime, tz: tzinfo) -> datetime | None:
    """The first scheduled moment strictly after ``now``."""
    local = now.astimezone(tz)
    if schedule.kind == "hourly":
        return local.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if schedule.kind not in ("daily", "weekly"):
        return None
    at = _parse_at(schedule.at)
    for ahead in range(9):
        day = local.date() + timedelta(days=ahead)
        if schedule.kind == "weekly" and day.weekday() != schedule.weekday:
            continue
        slot = datetime.combine(day, at, tzinfo=tz)
        if slot > local:
            return slot
    return None


@dataclass(frozen=True)
class Decision:
    run_now: bool
    next_check: datetime | None  # when to look again (None: schedule off)
    reason: str


def decide(schedule: Schedule, now: datetime, tz: tzinfo, *, last_attempt: datetime | None,
           consecutive_failures: int = 0) -> Decision:
    """Should a backup start now, and if not, when should the timer look again?

    ``last_attempt`` is the start of the last run or skip (any outcome).
    """
    if schedule.kind == "off":
        return Decision(False, None, "scheduled backups are off")
    following = next_slot(schedule, now, tz)
    if consecutive_failures and last_attempt is not None:
        interval = timedelta(hours=schedule.interval_hours)
        wait = min(BACKOFF[min(consecutive_failures, len(BACKOFF)) - 1], interval)
        retry_at = last_attempt + wait
        if now < retry_at:
            return Decision(False, min(retry_at, following) if following else retry_at,
                            f"waiting after {consecutive_failures} failed run(s)")
        return Decision(True, following, "retry after a failed run")
    slot = previous_slot(schedule, now, tz)
    if last_attempt is None:
        return Decision(True, following, "first scheduled backup")
    if slot is not None and last_attempt < slot:
        late = now - slot
        reason = "scheduled" if late < timedelta(minutes=2) else "catch-up of a missed run"
        return Decision(True, following, reason)
    return Decision(False, following, "not due")


def needs_attention(now: datetime, schedule: Schedule, *, last_good: datetime | None,
                    last_failed: bool, set_up_at: datetime | None = None) -> str | None:
    """Why the main window should warn, or None: last good backup older than two intervals, or a failure."""
    if last_failed:
        return "failed"
    if schedule.kind == "off":
        return None
    limit = timedelta(hours=2 * schedule.interval_hours)
    reference = last_good or set_up_at
    if reference is None or now - reference > limit:
        return "overdue"
    return None


# ---------------------------------------------------------------- reading the history

def last_attempt(history: list[RunRecord]) -> datetime | None:
    """Start of the newest backup run or skip (naive UTC); a manual backup also satisfies the slot before it."""
    return next((r.started_at for r in history if r.trigger not in ("setup", "restore")), None)


def consecutive_failures(history: list[RunRecord]) -> int:
    n = 0
    for r in history:
        if r.trigger not in SCHEDULED_TRIGGERS:
            continue
        if r.outcome != "failed":
            break
        n += 1
    return n


def last_good(history: list[RunRecord]) -> RunRecord | None:
    return next((r for r in history if r.outcome in ("succeeded", "unverified")), None)


def last_run_failed(history: list[RunRecord]) -> bool:
    return next((r.outcome == "failed" for r in history if r.outcome != "skipped"), False)
