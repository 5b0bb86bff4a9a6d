"""Money as people type it and as the app shows it, in integer minor units.

Floats never touch an amount: "0.1 + 0.2" style rounding would make a till
receipt and the CRM disagree by a fen.  Parsing works on the digits as text, so
no Decimal is needed either.
"""

from __future__ import annotations

import re

from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

# The currencies Settings offers, with the sign shown before the amount.
SYMBOLS: dict[str, str] = {
    "CNY": "¥", "HKD": "HK$", "TWD": "NT$", "USD": "$", "EUR": "€", "SGD": "S$",
}

# Above this an amount is a typing mistake, and sums of many stay far inside SQLite's 64-bit integers.
MAX_MINOR = 10**14 - 1

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－￥＄", "0123456789.,-¥$")
_PREFIX = re.compile(r"^(?:HK\$|NT\$|S\$|US\$|\$|¥|€|[A-Za-z]{3}(?![A-Za-z]))\s*")
_SUFFIX = re.compile(r"\s*(?:元|[A-Za-z]{3})$")
_MINUS = ("-", "−")
_NUMBER = re.compile(r"^(?P<whole>\d{1,3}(?:,\d{3})+|\d+)?(?:\.(?P<frac>\d*))?$")


def parse_amount(text: str, field: str = "amount") -> int:
    """Minor units of what the user typed: "1280", "1,280.50", "¥1280.5", "１２８０元".

    Refuses anything it would have to guess at (a misplaced thousands comma, a
    third decimal, a minus sign) rather than store a wrong amount.
    """
    value = text.translate(_FULLWIDTH).strip()
    if not value:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Enter an amount."), field=field)
    unsigned = _PREFIX.sub("", value, count=1)
    if value.startswith(_MINUS) or unsigned.startswith(_MINUS):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An amount cannot be negative."), field=field)
    value = _SUFFIX.sub("", unsigned, count=1)
    match = _NUMBER.match(value)
    if match is None or not (match["whole"] or match["frac"]):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount. Write it like 1280 or "
                                                          "1,280.50."), value=text.strip(),
                              field=field)
    frac = match["frac"] or ""
    if len(frac) > 2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "An amount has at most 2 decimal places (fen)."), field=field)
    whole = int((match["whole"] or "0").replace(",", ""))
    minor = whole * 100 + int(frac.ljust(2, "0"))
    if minor > MAX_MINOR:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "That amount is too large. Check the number of digits."), field=field)
    return minor


def format_plain(minor: int) -> str:
    """"1,280.50": the number without a currency sign, as an amount field is filled in."""
    sign = "-" if minor < 0 else ""
    major, fen = divmod(abs(minor), 100)
    return f"{sign}{major:,}.{fen:02d}"


def format_amount(minor: int, currency: str = "CNY") -> str:
    """"¥1,280.50"; currencies without a known sign show their code ("JPY 1,280.50")."""
    number = format_plain(abs(minor))
    sign = "-" if minor < 0 else ""
    symbol = SYMBOLS.get(currency)
    return f"{sign}{symbol}{number}" if symbol else f"{sign}{currency} {number}"
