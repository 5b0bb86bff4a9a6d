"""Showing stored values: UTC timestamps in local time, dates as YYYY-MM-DD."""

from __future__ import annotations

from datetime import date, datetime, timezone


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
