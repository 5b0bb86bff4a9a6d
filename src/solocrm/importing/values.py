"""Cleaning cells the way people write them: phones, dates, amounts, genders, yes/no.

Each cleaner returns the stored form or raises ``CellError`` with the reason,
which becomes the rejected row's explanation.  Nothing is guessed: a date that
could be 5 January or 1 May is cleaned only once the file's day/month order is
known (``date_order``), amounts with three decimals are refused, and an amount
keeps the currency it is written in ("$2,400.00" is never ¥2,400).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from solocrm.errors import Explained, ValidationError
from solocrm.services import contact_values, money
from solocrm.translatable import QT_TRANSLATE_NOOP

DATE_ORDERS = ("ymd", "dmy", "mdy")
EXCEL_EPOCH = datetime(1899, 12, 30)
# Excel serials of 1950-01-01 .. 2100-01-01: a bare number in this range in a date column is a date.
_SERIAL_RANGE = (18264, 73051)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，：／－＋（）　￥", "0123456789.,:/-+() ¥")
_PHONE_SPLIT = re.compile(r"[,;/、，；|\n]+|\s+或\s*|\s+or\s+|\s{2,}")
_PHONE_NOISE = re.compile(r"[\s\-.()]")
_CN_MOBILE = re.compile(r"^(?:\+?86|0086)?(1[3-9]\d{9})$")
_MOBILE_LIKE = re.compile(r"^(?:\+?86|0086)?(1[3-9]\d*)$")  # a mobile with digits missing or too many
# A cell holding just one Chinese mobile, grouped the usual ways ("138 1234 5678", "+86-138-1234-5678").
_ONE_CN_MOBILE = re.compile(r"(?:\+?86|0086)?[ -]?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})\Z")
_ONE_EMAIL = re.compile(r"([^@\s,;，；]+)@([^@\s,;，；]+\.[^@\s,;，；]+)\Z")
_YMD = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:[\sT]?(\d{2})[:]?(\d{2})(?:[:]?(\d{2}))?)?$")
_AB_YEAR = re.compile(
    r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})"
    r"(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$"
)
_PLAIN_AMOUNT = re.compile(r"^\d{1,12}(?:\.\d{1,2})?$")
_UNIT = re.compile(r"\s*(?:件|个|份|盒|只|杯|pcs|x)$", re.I)
_TEN_THOUSAND = re.compile(r"^(?P<number>\d+(?:\.\d+)?)\s*万\s*元?$")
# The currencies an amount cell may name, stored with the order as written (ISO 4217 codes).
CURRENCIES = frozenset({"CNY", "HKD", "TWD", "MOP", "SGD", "USD", "EUR", "GBP", "JPY", "KRW", "AUD", "CAD", "MYR",
                        "CHF"})
_CURRENCY_SIGNS = (("US$", "USD"), ("HK$", "HKD"), ("NT$", "TWD"), ("S$", "SGD"), ("MOP$", "MOP"), ("¥", "CNY"),
                   ("€", "EUR"), ("£", "GBP"), ("$", "$"))
_CURRENCY_WORDS = (("人民币", "CNY"), ("美元", "USD"), ("美金", "USD"), ("港元", "HKD"), ("港币", "HKD"),
                   ("欧元", "EUR"), ("英镑", "GBP"), ("日元", "JPY"), ("元", "元"), ("$", "$"))
_DOLLARS = frozenset({"USD", "HKD", "TWD", "SGD"})  # where "$" alone is the business's own dollar
_YUAN = frozenset({"CNY", "HKD", "TWD", "MOP", "SGD"})  # where "元" alone is the business's own
_CODE_FIRST = re.compile(r"^(?P<code>[A-Z]{3})(?P<number>[\d.,]+)$")
_CODE_LAST = re.compile(r"^(?P<number>[\d.,]+)(?P<code>[A-Z]{3})$")


class CellError(Explained, ValueError):
    """Why one cell cannot be taken; shown in the rejects list (a template, see ``Explained``)."""


def text(cell: object) -> str:
    """A cell as the user would read it: numbers without ".0", dates as YYYY-MM-DD."""
    if type(cell) is str:
        return cell.strip()
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, datetime):
        return cell.isoformat(" ") if cell.time() != time() else cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, bytes):
        return f"<{len(cell)} bytes>"
    return str(cell).strip()


# --- phones --------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _one_phone(part: str, region: str) -> str:
    compact = _PHONE_NOISE.sub("", part)
    if region == "CN":
        match = _CN_MOBILE.match(compact)
        if match and contact_values.is_cn_mobile(match[1]):
            return "+86" + match.group(1)
    try:
        return contact_values.normalise_phone(part, region)
    except ValidationError as exc:
        mobile = _MOBILE_LIKE.match(compact) if region == "CN" else None
        if mobile and len(mobile[1]) != 11:
            raise CellError(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a mobile number (they have 11 digits)"), value=part) from None
        if exc.template == contact_values.INCOMPLETE:
            raise CellError(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a complete phone number (a landline needs its area code)"),
                value=part) from None
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a phone number"), value=part) from None


class PhoneCell(NamedTuple):
    """What a phone cell holds: its numbers (E.164, without repeats) and each other part with why it is not one."""

    numbers: list[str]
    unread: list[tuple[str, CellError]]


def phones(cell: object, region: str) -> PhoneCell:
    """All numbers in a cell ("138 1234 5678 / 021-6234 5678 转 802") and the parts that are not numbers.

    A part that cannot be read does not cost the others: a contact keeps every
    number that can be read, and the import lists the rest as cells left out.
    """
    if region == "CN" and type(cell) is str:
        mobile = _ONE_CN_MOBILE.match(cell.strip())  # most cells: one mobile, answered by two regexes
        if mobile and contact_values.is_cn_mobile(mobile[1] + mobile[2] + mobile[3]):
            return PhoneCell(["+86" + mobile[1] + mobile[2] + mobile[3]], [])
    raw = text(cell).translate(_FULLWIDTH)
    found: list[str] = []
    unread: list[tuple[str, CellError]] = []
    for part in _PHONE_SPLIT.split(raw):
        part = part.strip()
        if not part or not any(ch.isdigit() for ch in part):
            continue
        try:
            number = _one_phone(part, region)
        except CellError as exc:
            unread.append((part, exc))
            continue
        if number not in found:
            found.append(number)
    if raw.strip() and not found and not unread:
        why = CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a phone number"), value=raw.strip())
        unread.append((raw.strip(), why))
    return PhoneCell(found, unread)


def emails(cell: object) -> list[str]:
    if type(cell) is str:
        single = _ONE_EMAIL.match(cell.strip())  # the common case, as normalise_email would clean it
        if single:
            return [f"{single[1]}@{single[2].lower()}"]
    found: list[str] = []
    for part in re.split(r"[,;，；\s]+", text(cell)):
        if not part:
            continue
        try:
            address = contact_values.normalise_email(part)
        except ValidationError:
            raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an email address"), value=part) from None
        if address.lower() not in (e.lower() for e in found):
            found.append(address)
    return found


# --- dates ---------------------------------------------------------------------------------


def _ab_parts(cell: object) -> tuple[int, int] | None:
    if isinstance(cell, (date, datetime)) or cell is None:
        return None
    match = _AB_YEAR.match(text(cell).translate(_FULLWIDTH))
    return (int(match[1]), int(match[2])) if match else None


def date_order(cells: Iterable[object]) -> str | None:
    """The day/month order a column's "a/b/yyyy" dates settle, "ymd" when it has none, None if unclear."""
    seen = False
    for cell in cells:
        parts = _ab_parts(cell)
        if parts is None:
            continue
        seen = True
        a, b = parts
        if a > 12 >= b:
            return "dmy"
        if b > 12 >= a:
            return "mdy"
    return None if seen else "ymd"


def _build(y: int, mo: int, d: int, h: str | None, mi: str | None, s: str | None, raw: str) -> datetime:
    try:
        return datetime(y, mo, d, int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a real date"), value=raw) from None


def parse_datetime(cell: object, order: str = "ymd") -> tuple[datetime, bool]:
    """(the date and time written, whether a time of day was given)."""
    if type(cell) is str:
        raw = cell.strip()
        if len(raw) in (10, 16, 19) and raw[4] == "-":
            try:
                return datetime.fromisoformat(raw), len(raw) > 10
            except ValueError:
                pass
        return _parse_text(raw, order)
    if isinstance(cell, datetime):
        return cell.replace(tzinfo=None, microsecond=0), cell.time() != time()
    if isinstance(cell, date):
        return datetime.combine(cell, time()), False
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return _serial(float(cell), text(cell))
    return _parse_text(text(cell), order)


@lru_cache(maxsize=65536)
def _parse_text(raw: str, order: str) -> tuple[datetime, bool]:
    """Dates written by hand repeat (birthdays, order days): each spelling is parsed once."""
    value = raw.translate(_FULLWIDTH).strip()
    if not value:
        raise CellError(QT_TRANSLATE_NOOP("errors", "the date is empty"))
    match = _YMD.match(value) or _COMPACT.match(value)
    if match:
        return _build(int(match[1]), int(match[2]), int(match[3]), match[4], match[5], match[6], raw), bool(match[4])
    match = _AB_YEAR.match(value)
    if match:
        a, b = int(match[1]), int(match[2])
        if order == "ymd":
            if a <= 12 and b <= 12:
                raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}”: day and month order unknown"), value=raw)
            order = "dmy" if a > 12 else "mdy"
        day, month = (a, b) if order == "dmy" else (b, a)
        return _build(int(match[3]), month, day, match[4], match[5], match[6], raw), bool(match[4])
    if re.fullmatch(r"\d{5}(?:\.\d+)?", value):
        return _serial(float(value), raw)
    raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a date (write it like 2024-01-05)"), value=raw)


def _serial(number: float, raw: str) -> tuple[datetime, bool]:
    if not _SERIAL_RANGE[0] <= number <= _SERIAL_RANGE[1]:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a date"), value=raw)
    value = EXCEL_EPOCH + timedelta(days=number)
    value = value.replace(microsecond=0) + timedelta(seconds=round(value.microsecond / 1e6))
    return value, value.time() != time()


def parse_date(cell: object, order: str = "ymd") -> date:
    return parse_datetime(cell, order)[0].date()


def typed_date(raw: str) -> date:
    """A date a person typed into a date field: the forms files use, read year first.

    2024-01-05, 2024/1/5, 2024.1.5, 20240105 and 2024年1月5日 are dates; a
    bare number is one only as eight digits, never an Excel serial (half of
    "20240105" typed is not a day in 1955).
    """
    value = raw.translate(_FULLWIDTH).strip()
    if value.isdigit() and len(value) != 8:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a date (write it like 2024-01-05)"), value=raw)
    return parse_date(value)


def local_to_utc(moment: datetime, has_time: bool) -> datetime:
    """Stored form of a local time; a bare date counts as local noon so it stays that day in every zone view."""
    if not has_time:
        moment = moment.replace(hour=12)
    return moment + _utc_offset(moment.replace(minute=0, second=0, microsecond=0))


@lru_cache(maxsize=65536)
def _utc_offset(hour: datetime) -> timedelta:
    """UTC minus local time during one local hour (zones change offset on the hour): asked once per hour."""
    return hour.astimezone(timezone.utc).replace(tzinfo=None) - hour


# --- amounts -------------------------------------------------------------------------------


def amount(cell: object, usual: str = "CNY") -> tuple[int, str]:
    """Signed minor units and their currency: "¥1,280.50", "1280元", "1.2万", "(300)" and "-300" (refunds).

    A cell that names no currency is in ``usual`` (the business's); one that
    does keeps it ("$2,400.00" is 240000 USD), so a foreign amount is never
    counted as the business's money (see ``currency_of``).
    """
    if isinstance(cell, bool) or cell is None:
        raise CellError(QT_TRANSLATE_NOOP("errors", "the amount is empty"))
    if isinstance(cell, (int, float)):
        try:
            value = Decimal(repr(cell)) * 100
        except InvalidOperation:
            raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount"), value=cell) from None
        if not value.is_finite() or abs(value) > money.MAX_MINOR:
            raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an amount"), value=cell)
        minor = int(value.quantize(Decimal(1)))
        if abs(value - minor) > Decimal("0.000001"):
            raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” has more than 2 decimal places"), value=cell)
        return minor, usual
    raw = text(cell)
    if _PLAIN_AMOUNT.match(raw):
        whole, _, frac = raw.partition(".")
        return int(whole) * 100 + int(frac.ljust(2, "0")), usual
    value = raw.translate(_FULLWIDTH).replace(" ", "")
    negative = False
    if value.startswith("(") and value.endswith(")"):
        negative, value = True, value[1:-1]
    if value.startswith(("-", "−")):
        negative, value = True, value[1:]
    elif value.endswith("-"):
        negative, value = True, value[:-1]
    currency, value = currency_of(value, usual, raw)
    if value.startswith(("-", "−")):
        negative, value = True, value[1:]
    match = _TEN_THOUSAND.match(value.replace(",", ""))
    try:
        if match:
            minor = _ten_thousands(match["number"], raw)
        else:
            minor = money.parse_amount(value)
    except ValidationError as exc:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}”: {why}"), value=raw, why=exc.message) from None
    return (-minor if negative else minor), currency


def currency_of(value: str, usual: str, raw: str) -> tuple[str, str]:
    """(the currency an amount's sign or code names, the amount without it); ``usual`` when it names none.

    ¥, RMB and 元 are yuan; $ alone is US dollars, or the business's own
    dollar where it uses one (Hong Kong, Taiwan, Singapore); a code names
    itself ("2400 USD").  An unknown code is refused rather than guessed.
    """
    upper = value.upper()
    for sign, code in _CURRENCY_SIGNS:
        if upper.startswith(sign):
            return _local(code, usual), value[len(sign):]
    for word, code in _CURRENCY_WORDS:
        if value.endswith(word):
            return _local(code, usual), value[:-len(word)]
    match = _CODE_FIRST.match(upper) or _CODE_LAST.match(upper)
    if match is None:
        return usual, value
    code = "CNY" if match["code"] == "RMB" else match["code"]
    if code not in CURRENCIES:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}”: {code} is not a currency this import knows"),
                        value=raw, code=match["code"])
    return code, match["number"]


def _local(code: str, usual: str) -> str:
    """"$" and "元" name the business's own currency where it is one of that kind."""
    if code == "$":
        return usual if usual in _DOLLARS else "USD"
    if code == "元":
        return usual if usual in _YUAN else "CNY"
    return code


def _ten_thousands(number: str, raw: str) -> int:
    whole, _, frac = number.partition(".")
    if len(frac) > 6:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” has too many decimal places"), value=raw)
    minor = int(whole) * 1_000_000 + int(frac.ljust(6, "0"))
    if minor > money.MAX_MINOR:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is too large"), value=raw)
    return minor


def quantity(cell: object) -> int:
    raw = text(cell)
    if raw.isdigit() and raw.isascii() and 1 <= int(raw) <= 1_000_000:
        return int(raw)
    value = raw.translate(_FULLWIDTH).replace(",", "")
    value = _UNIT.sub("", value)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a quantity"), value=raw) from None
    if number != number.to_integral_value() or not 1 <= abs(number) <= 1_000_000:
        raise CellError(QT_TRANSLATE_NOOP(
            "errors", "“{value}” is not a whole quantity between 1 and 1,000,000"), value=raw)
    return abs(int(number))


# --- small vocabularies --------------------------------------------------------------------

_GENDERS = {"男": "male", "m": "male", "male": "male", "先生": "male", "女": "female", "f": "female",
            "female": "female", "女士": "female", "小姐": "female", "其他": "other", "other": "other"}
_YES = {"是", "yes", "y", "true", "1", "同意", "√", "✓", "x"}
_NO = {"否", "no", "n", "false", "0", "不同意", ""}
_REFUND_WORDS = ("退款", "已退款", "退货", "refund", "refunded", "returned", "冲红")


def gender(cell: object) -> str | None:
    value = text(cell).lower()
    if not value:
        return None
    if value in _GENDERS:
        return _GENDERS[value]
    raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a gender (男/女)"), value=text(cell))


def yes_no(cell: object) -> bool:
    value = text(cell).lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not yes or no (是/否)"), value=text(cell))


def is_refund(cell: object) -> bool:
    value = text(cell).lower()
    return any(word in value for word in _REFUND_WORDS)


def tags(cell: object) -> list[str]:
    return sorted({t.strip()[:60] for t in re.split(r"[,;，；、|/]+", text(cell)) if t.strip()})
