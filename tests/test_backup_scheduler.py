"""The schedule policy with a fake clock: slots, catch-up, back-off, the warning banner rule."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from solocrm.backup.scheduler import decide, needs_attention, next_slot, previous_slot
from solocrm.backup.store import Schedule

TZ = ZoneInfo("Asia/Shanghai")
DAILY = Schedule("daily", "12:30")
WEEKLY = Schedule("weekly", "18:00", weekday=4)  # Fridays
HOURLY = Schedule("hourly")


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=TZ)


def test_slots() -> None:
    assert next_slot(DAILY, at(2026, 6, 15, 9), TZ) == at(2026, 6, 15, 12, 30)
    assert next_slot(DAILY, at(2026, 6, 15, 12, 30), TZ) == at(2026, 6, 16, 12, 30)
    assert previous_slot(DAILY, at(2026, 6, 15, 9), TZ) == at(2026, 6, 14, 12, 30)
    assert next_slot(WEEKLY, at(2026, 6, 15, 9), TZ) == at(2026, 6, 19, 18)  # Monday -> Friday
    assert previous_slot(WEEKLY, at(2026, 6, 15, 9), TZ) == at(2026, 6, 12, 18)
    assert next_slot(HOURLY, at(2026, 6, 15, 9, 10), TZ) == at(2026, 6, 15, 10)
    assert next_slot(Schedule("off"), at(2026, 6, 15, 9), TZ) is None


def test_due_at_the_slot_and_not_again_until_the_next() -> None:
    last = at(2026, 6, 14, 12, 30, 5)
    assert not decide(DAILY, at(2026, 6, 15, 12, 29), TZ, last_attempt=last).run_now
    due = decide(DAILY, at(2026, 6, 15, 12, 30, 1), TZ, last_attempt=last)
    assert due.run_now and due.reason == "scheduled" and due.next_check == at(2026, 6, 16, 12, 30)
    ran = at(2026, 6, 15, 12, 30, 2)
    assert not decide(DAILY, at(2026, 6, 15, 18), TZ, last_attempt=ran).run_now


def test_catch_up_after_sleep_or_a_closed_app_runs_once() -> None:
    last = at(2026, 6, 10, 12, 30)
    wake = at(2026, 6, 15, 8, 0)  # missed five slots while the laptop slept
    decision = decide(DAILY, wake, TZ, last_attempt=last)
    assert decision.run_now and decision.reason == "catch-up of a missed run"
    assert not decide(DAILY, wake + timedelta(minutes=1), TZ, last_attempt=wake).run_now


def test_first_run_is_due_at_once() -> None:
    assert decide(WEEKLY, at(2026, 6, 15, 9), TZ, last_attempt=None).run_now


def test_back_off_after_failures() -> None:
    failed_at = at(2026, 6, 15, 12, 30)
    first = decide(DAILY, failed_at + timedelta(minutes=1), TZ, last_attempt=failed_at, consecutive_failures=1)
    assert not first.run_now and first.next_check == failed_at + timedelta(minutes=5)
    assert decide(DAILY, failed_at + timedelta(minutes=6), TZ, last_attempt=failed_at, consecutive_failures=1).run_now
    third = decide(DAILY, failed_at + timedelta(minutes=30), TZ, last_attempt=failed_at, consecutive_failures=3)
    assert not third.run_now and third.next_check == failed_at + timedelta(hours=1)
    hourly = decide(HOURLY, failed_at + timedelta(minutes=30), TZ, last_attempt=failed_at, consecutive_failures=9)
    assert not hourly.run_now and hourly.next_check <= failed_at + timedelta(hours=1)


def test_clock_jumping_back_does_not_repeat_or_stop() -> None:
    last = at(2026, 6, 15, 12, 30, 5)
    jumped = at(2026, 6, 15, 11, 0)  # the user fixed a clock that ran ahead
    decision = decide(DAILY, jumped, TZ, last_attempt=last)
    assert not decision.run_now and decision.next_check == at(2026, 6, 15, 12, 30)


def test_banner_when_overdue_or_failed() -> None:
    now = at(2026, 6, 15, 12)
    assert needs_attention(now, DAILY, last_good=now - timedelta(hours=47), last_failed=False) is None
    assert needs_attention(now, DAILY, last_good=now - timedelta(hours=49), last_failed=False) == "overdue"
    assert needs_attention(now, DAILY, last_good=now - timedelta(hours=1), last_failed=True) == "failed"
    assert needs_attention(now, Schedule("off"), last_good=None, last_failed=False) is None
    assert needs_attention(now, HOURLY, last_good=None, last_failed=False,
                           set_up_at=now - timedelta(hours=1)) is None
