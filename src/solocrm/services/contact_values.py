"""Phone numbers and email addresses: validate and normalise what people type.

phonenumbers is imported where a number is parsed, not with this module: the
customer list loads it at start-up to show Chinese mobiles, which need no parse,
and the library's metadata costs a noticeable part of the start.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# "0571-8765 4321 转 802": the Chinese words for "extension", read as phonenumbers' own "ext.".
_EXTENSION_WORD = re.compile(r"\s*(?:转|轉|分机|分機)\s*")
# "021-6234 5678-802": a last group after a dash that makes the number too long is an extension.
_DASH_EXTENSION = re.compile(r"^(?P<number>.*\d)\s*-\s*(?P<ext>\d{1,6})$")
INCOMPLETE = QT_TRANSLATE_NOOP(
    "errors", "“{value}” is not a complete phone number. Check the digits; a landline needs its area code.")
# Hong Kong, Macau and Taiwan numbers are often written with their country code but without the "+".
_NEAR_CODES = ("852", "853", "886")


def _readings(raw: str) -> list[str]:
    """The ways ``raw`` may be meant, most literal first: as written, dash group as extension, "+" added."""
    text = _EXTENSION_WORD.sub(" ext. ", unicodedata.normalize("NFKC", raw)).strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    readings = [text]
    dashed = _DASH_EXTENSION.match(text)
    if dashed and "ext" not in text:
        readings.append(f"{dashed['number']} ext. {dashed['ext']}")
    if text[:3] in _NEAR_CODES:
        readings.append("+" + text)
    return readings


@lru_cache(maxsize=65536)
def normalise_phone(raw: str, region: str = "CN") -> str:
    """International form of ``raw``: E.164, with ";ext=802" for an extension.

    Takes what Chinese businesses write: mobiles, landlines with any area code
    ("010-6234 5678", "(0755)8888 8888"), extensions ("转 802", "ext. 802",
    "-802"), 400/800 service numbers, Hong Kong, Macau and Taiwan numbers,
    foreign numbers with "+" or "00", full-width digits.  Only a number valid
    under phonenumbers' rules is taken, so a local number missing its area code
    is refused rather than stored as a number nobody can dial.  Raises
    ValidationError, so the dialog can mark the field and save nothing.
    """
    import phonenumbers

    parsed = None
    for text in _readings(raw):
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return f"{e164};ext={number.extension}" if number.extension else e164
        parsed = parsed or number
    if parsed is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a phone number."), field="phones",
                              value=raw)
    raise ValidationError(INCOMPLETE, field="phones", value=raw)


_CN_MOBILE = re.compile(r"^\+861\d{10}$")


@lru_cache(maxsize=1)
def _cn_mobile_rule() -> re.Pattern[str]:
    import phonenumbers

    return re.compile(phonenumbers.PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern)


def is_cn_mobile(national: str) -> bool:
    """Whether 11 digits are a Chinese mobile by phonenumbers' own rule, without parsing (the import's fast path)."""
    return _cn_mobile_rule().fullmatch(national) is not None


def display_phone(e164: str) -> str:
    """How a stored number is shown: national format for the number's own country.

    Chinese mobiles, most numbers by far, are spaced 3-4-4 directly: phonenumbers'
    formatter costs half a millisecond a number, too slow for a page of the list.
    """
    if _CN_MOBILE.match(e164):
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@lru_cache(maxsize=65536)
def phone_digits(e164: str) -> str:
    """Digits a search should match: the international number, the national one as dialled, the extension.

    The national form keeps its trunk prefix, so "010" or "0571" finds a
    landline stored as +86 10... or +86 571...; a number is found by any run
    of the digits of either form.
    """
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return re.sub(r"\D", "", e164)
    extension, number.extension = number.extension, None
    international = f"{number.country_code}{phonenumbers.national_significant_number(number)}"
    national = re.sub(r"\D", "", phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL))
    parts = [international, *([national] if not international.endswith(national) else []), extension or ""]
    return " ".join(filter(None, parts))


def normalise_email(raw: str) -> str:
    text = raw.strip()
    if not _EMAIL.match(text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an email address (like "
                                                          "name@example.com)."), field="emails", value=raw)
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"
