"""Showing stored values: UTC timestamps in local time, dates as YYYY-MM-DD."""

from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import QLocale

# When a task is due, by how far away it is: (day-level task, task at a time).
_DUE_FORMS = {
    "time": ("", "HH:mm"),  # today: the section or message already says so
    "weekday": ("ddd MM-dd", "ddd MM-dd HH:mm"),  # within a week the weekday is what people plan by
    "date": ("yyyy-MM-dd", "yyyy-MM-dd HH:mm"),
}


def to_local(utc_naive: datetime) -> datetime:
    return utc_naive.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def to_utc(local_naive: datetime) -> datetime:
    return local_naive.astimezone(timezone.utc).replace(tzinfo=None)


def date_text(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value)
        return value.strftime("%Y-%m-%d")
    return value.isoformat()


def datetime_text(value: datetime | None) -> str:
    return "" if value is None else to_local(value).strftime("%Y-%m-%d %H:%M")


def due_text(local: datetime, form: str, day_only: bool) -> str:
    """When a task is due (``form``: "time", "weekday" or "date"); ``day_only`` for a task that falls due on a day,
    such as stay in touch, whose hour is that of the last contact it was counted from, not a plan."""
    pattern = _DUE_FORMS[form][0 if day_only else 1]
    return QLocale().toString(local, pattern) if pattern else ""
