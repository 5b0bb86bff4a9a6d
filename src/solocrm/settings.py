"""User preferences, declared once with type, default and label.

They live in the database's ``setting`` table, so a database carries its own
preferences (churn days belong to that business's data).  Window geometry and
other UI state are not settings; the GUI keeps those in QSettings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from solocrm.db.database import Database
from solocrm.db.models import Setting
from solocrm.errors import ValidationError
from solocrm.reports import logo
from solocrm.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: Any
    label: str
    help: str = ""
    choices: tuple[tuple[str, str], ...] = ()  # (stored value, label)
    minimum: int | None = None
    maximum: int | None = None
    image: bool = False  # a picture, stored as base64 PNG text (see ``solocrm.reports.logo``)
    group: str = ""  # the Settings page's heading it comes under


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("business_name", "", "Business name", "Shown on reports.", group="Your business"),
    SettingSpec("business_logo", "", "Business logo",
                "Printed on the title page of reports. Kept in the database, so backups carry it.", image=True,
                group="Your business"),
    SettingSpec(
        "currency", "CNY", "Currency",
        choices=(("CNY", "CNY ¥"), ("HKD", "HKD HK$"), ("TWD", "TWD NT$"), ("USD", "USD $"),
                 ("EUR", "EUR €"), ("SGD", "SGD S$")),
        group="Your business",
    ),
    SettingSpec(
        "phone_region", "CN", "Default phone region",
        "Numbers written without a country code are read as this region's.",
        choices=(("CN", "China +86"), ("HK", "Hong Kong +852"), ("TW", "Taiwan +886"),
                 ("MO", "Macau +853"), ("SG", "Singapore +65"), ("MY", "Malaysia +60"),
                 ("US", "United States +1"), ("GB", "United Kingdom +44")),
        group="Your business",
    ),
    SettingSpec(
        "member_silver", 1_000, "Silver member from (total spent)",
        "A customer whose paid orders add up to this much is a silver member; below it, a regular one.",
        minimum=1, maximum=100_000_000, group="Membership",
    ),
    SettingSpec(
        "member_gold", 5_000, "Gold member from (total spent)", minimum=1, maximum=100_000_000, group="Membership",
    ),
    SettingSpec(
        "member_diamond", 20_000, "Diamond member from (total spent)", minimum=1, maximum=100_000_000,
        group="Membership",
    ),
    SettingSpec(
        "churn_days", 180, "Churn after (days)",
        "A customer whose last paid order is older than this counts as churned.", minimum=1, maximum=3650,
        group="Analytics",
    ),
    SettingSpec(
        "gross_margin_pct", 100, "Gross margin (%)",
        "What you keep of each sale after the cost of what you sold: the simple CLV counts this share of revenue. "
        "Leave 100 to count revenue.", minimum=1, maximum=100,
        group="Analytics",
    ),
    SettingSpec(
        "clv_lifetime_cap_years", 5, "Longest customer lifetime (years)",
        "The simple CLV never assumes a customer stays longer than this.", minimum=1, maximum=50,
        group="Analytics",
    ),
    SettingSpec(
        "clv_horizon_months", 12, "Predicted CLV looks ahead (months)",
        "How far ahead the predicted CLV counts a customer's purchases.", minimum=1, maximum=120,
        group="Analytics",
    ),
    SettingSpec(
        "clv_discount_pct", 10, "Yearly discount rate (%)",
        "Money a year from now is worth this much less than today; the predicted CLV discounts later purchases "
        "by it.", minimum=0, maximum=100,
        group="Analytics",
    ),
    SettingSpec(
        "default_cadence_days", 30, "Default stay-in-touch interval (days)", minimum=1, maximum=3650,
        group="Reminders",
    ),
    SettingSpec(
        "language", "system", "Language",
        choices=(("system", "Follow the system"), ("zh_CN", "简体中文"), ("en", "English")),
        group="Language",
    ),
)

_BY_KEY = {spec.key: spec for spec in SPECS}


def spec(key: str) -> SettingSpec:
    return _BY_KEY[key]


def load(db: Database) -> dict[str, Any]:
    """All settings, stored values over defaults."""
    values = {s.key: s.default for s in SPECS}
    with db.session() as session:
        for row in session.scalars(select(Setting)):
            if row.key in values:
                values[row.key] = json.loads(row.value)
    return values


def get(db: Database, key: str) -> Any:
    return load(db)[key]


def stored(session: Session, key: str) -> Any:
    """One setting, read in the caller's unit of work (for services handed a session, not the database)."""
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return spec(key).default if value is None else json.loads(value)


def check(key: str, value: Any) -> None:
    """Refuse a value the Settings page could not hold: outside its range, not one of its choices, not a PNG.

    The page's editors keep the user inside these limits; ``solocrm settings
    set`` has only this check, so both store the same values.
    """
    s = spec(key)
    low = s.minimum if s.minimum is not None else value
    high = s.maximum if s.maximum is not None else value
    if isinstance(value, int) and not low <= value <= high:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{setting} must be between {minimum} and {maximum}."),
                              field=key, setting=s.label, minimum=low, maximum=high)
    if s.choices and value not in (choice for choice, _label in s.choices):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "{setting} must be one of: {choices}."), field=key,
                              setting=s.label, choices=", ".join(choice for choice, _label in s.choices))
    if s.image and value:
        png = logo.decode(value)
        if png is None:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{setting} must be a PNG picture."), field=key,
                                  setting=s.label)
        if max(logo.size(png) or (0,)) > logo.MAX_SIDE:
            raise ValidationError(QT_TRANSLATE_NOOP(
                "errors", "{setting} must be at most {pixels} pixels wide and high; scale it down first."),
                field=key, setting=s.label, pixels=logo.MAX_SIDE)


def save(db: Database, changes: dict[str, Any], now: datetime | None = None) -> int:
    """Store ``changes`` and bring what depends on them up to date in the same unit of work.

    Returns how many customers' stages changed (new churn days restage at once;
    ``now`` is the moment they are staged at, for tests).
    """
    from solocrm.services import lifecycle  # it reads settings: imported here, not at the top

    for key, value in changes.items():
        s = spec(key)
        if s.default is not None and not isinstance(value, type(s.default)):
            raise TypeError(f"setting {key} expects {type(s.default).__name__}")
        check(key, value)
    with db.session() as session:
        for key, value in changes.items():
            session.merge(Setting(key=key, value=json.dumps(value, ensure_ascii=False)))
        session.flush()
        return lifecycle.follow_settings(session, changes, as_of=now)
