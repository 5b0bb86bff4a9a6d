"""Phone numbers and email addresses: validate and normalise what people type.

phonenumbers is imported where a number is parsed, not with this module: the
customer list loads it at start-up to show Chinese mobiles, which need no parse,
and the library's metadata costs a noticeable part of the start.
"""

from __future__ import annotations

import re

from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FULLWIDTH = str.maketrans("０１２３４５６７８９＋（）－　", "0123456789+()- ")


def normalise_phone(raw: str, region: str = "CN") -> str:
    """E.164 form of ``raw`` ("138 1234 5678", "+86-138...", "０２１-6234 5678").

    Raises ValidationError for text that is not a possible number, so the
    dialog can mark the field and save nothing.
    """
    import phonenumbers

    text = raw.translate(_FULLWIDTH).strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a phone number."), field="phones",
                              value=raw) from None
    if not phonenumbers.is_possible_number(number):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "“{value}” does not look like a complete phone number. Check the digits."), field="phones",
            value=raw)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_CN_MOBILE = re.compile(r"^\+861\d{10}$")


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


def phone_digits(e164: str) -> str:
    """Digits a search should match: the national number and the full international one."""
    import phonenumbers

    digits = e164.lstrip("+")
    try:
        national = str(phonenumbers.parse(e164, None).national_number)
    except phonenumbers.NumberParseException:
        return digits
    return f"{digits} 0{national}" if not national.startswith("1") else digits


def normalise_email(raw: str) -> str:
    text = raw.strip()
    if not _EMAIL.match(text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "“{value}” is not an email address (like "
                                                          "name@example.com)."), field="emails", value=raw)
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"
