"""Phones are shown the way the phone-number standard formats them, whatever path formats them."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from solocrm.errors import ValidationError
from solocrm.services.contact_values import display_phone, normalise_email, normalise_phone


@given(st.integers(min_value=13_000_000_000, max_value=19_999_999_999))
def test_chinese_mobiles_are_shown_as_the_standard_formats_them(number):
    e164 = f"+86{number}"
    expected = phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.NATIONAL)
    assert display_phone(e164) == expected


@pytest.mark.parametrize("typed, stored", [
    ("138 1234 5678", "+8613812345678"),
    ("+86-138-1234-5678", "+8613812345678"),
    ("0086 13812345678", "+8613812345678"),
    ("１３８１２３４５６７８", "+8613812345678"),
    ("021-6234 5678", "+862162345678"),
])
def test_numbers_are_stored_in_international_form(typed, stored):
    assert normalise_phone(typed, "CN") == stored


@pytest.mark.parametrize("typed", ["12", "abc", "138"])
def test_impossible_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        normalise_phone(typed, "CN")


def test_email_domain_is_lower_cased_and_garbage_refused():
    assert normalise_email(" Li.Na@Example.COM ") == "Li.Na@example.com"
    with pytest.raises(ValidationError):
        normalise_email("li.na@")
