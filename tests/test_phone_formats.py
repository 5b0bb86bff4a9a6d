"""Phone numbers as Chinese businesses write them, taken alike by the dialog, CSV, xlsx and vCard imports.

Every stored number is checked against phonenumbers' own validity rules, so
nothing is stored that the standard would not dial.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from solocrm.db.database import Database
from solocrm.errors import ValidationError
from solocrm.importing import mapping, values
from solocrm.importing.engine import ImportOptions, ImportReport, run_import
from solocrm.importing.sources import open_source
from solocrm.services import customers
from solocrm.services.contact_values import display_phone, normalise_phone
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery, customer_ids_statement
from solocrm.ui.customer_dialog import CustomerDialog
from tests.conftest import type_text

NOW = datetime(2026, 6, 15, 9, 0)

# (as written, stored in international form, shown)
FORMATS = [
    ("138 1234 5678", "+8613812345678", "138 1234 5678"),
    ("１３９－１２３４－５６７８", "+8613912345678", "139 1234 5678"),  # full-width digits and dashes
    ("010-6234 5678", "+861062345678", "010 6234 5678"),  # Beijing: two-digit area code
    ("(020)83456789", "+862083456789", "020 8345 6789"),  # Guangzhou, area code in brackets
    ("（０７５５）８８８８ ８８８８", "+8675588888888", "0755 8888 8888"),  # Shenzhen, full-width brackets
    ("0571-8765 4321", "+8657187654321", "0571 8765 4321"),  # Hangzhou: three-digit area code
    ("0571 8765 4321 转 802", "+8657187654321;ext=802", "0571 8765 4321 ext. 802"),
    ("021-62345678转8001", "+862162345678;ext=8001", "021 6234 5678 ext. 8001"),
    ("021-62345678-802", "+862162345678;ext=802", "021 6234 5678 ext. 802"),
    ("010 6234 5678 ext. 12", "+861062345678;ext=12", "010 6234 5678 ext. 12"),
    ("400-810-8888", "+864008108888", "400 810 8888"),
    ("800 820 8820", "+868008208820", "800 820 8820"),
    ("+852 2123 4567", "+85221234567", "+852 2123 4567"),  # Hong Kong
    ("852-5123 4567", "+85251234567", "+852 5123 4567"),  # Hong Kong, written without "+"
    ("+853 6612 3456", "+85366123456", "+853 6612 3456"),  # Macau
    ("00886 2 2123 4567", "+886221234567", "+886 2 2123 4567"),  # Taiwan, dialled with 00
    ("+886 912 345 678", "+886912345678", "+886 912 345 678"),
    ("+1 (650) 253-0000", "+16502530000", "+1 650-253-0000"),
    ("+44 20 7946 0958", "+442079460958", "+44 20 7946 0958"),
]


def _valid(stored: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(stored, None))


@pytest.mark.parametrize(("written", "stored", "shown"), FORMATS)
def test_each_format_is_stored_internationally_and_shown_nationally(written: str, stored: str, shown: str) -> None:
    assert normalise_phone(written, "CN") == stored
    assert _valid(stored)
    assert display_phone(stored) == shown


@pytest.mark.parametrize("written", ["6234 5678", "12345", "138 1234 567", "转 802", "abc"])
def test_a_number_the_standard_would_not_dial_is_refused(written: str) -> None:
    """A landline without its area code was stored as +86 6234 5678, a number that reaches nobody."""
    with pytest.raises(ValidationError):
        normalise_phone(written, "CN")


def _find(db: Database, text: str) -> list[str]:
    with db.session() as session:
        ids = list(session.scalars(customer_ids_statement(CustomerQuery(text=text))))
    return sorted(customers.load_input(db, cid).name for cid in ids)


def _import(db: Database, path: Path) -> ImportReport:
    source = open_source(path)
    guessed = mapping.guess("customers", source.headers, source.preview)
    return run_import(db, source, ImportOptions("customers", guessed), dry_run=False, now=NOW)


def _stored_phones(db: Database) -> dict[str, list[str]]:
    with db.session() as session:
        from solocrm.db.models import Customer

        return {c.name: [p.number for p in c.phones] for c in session.query(Customer)}


def _rows() -> list[list[str]]:
    return [[f"客户{i:02d}", written] for i, (written, _stored, _shown) in enumerate(FORMATS)]


def _check_imported(db: Database, report: ImportReport) -> None:
    assert (report.created, report.rejected, report.left_out) == (len(FORMATS), 0, [])
    phones = _stored_phones(db)
    for i, (_written, stored, _shown) in enumerate(FORMATS):
        assert phones[f"客户{i:02d}"] == [stored]
        assert _valid(stored)


def test_a_csv_of_every_format_imports_every_number(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "phones.csv"
    path.write_text("姓名,电话\n" + "".join(f"{name},{phone}\n" for name, phone in _rows()), encoding="utf-8")
    _check_imported(db, _import(db, path))


def test_an_xlsx_of_every_format_imports_every_number(db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "电话"])
    for row in _rows():
        sheet.append(row)
    sheet.append(["数字格式", 13812340000])  # a mobile typed into a number cell
    path = tmp_path / "phones.xlsx"
    book.save(path)
    report = _import(db, path)
    assert _stored_phones(db)["数字格式"] == ["+8613812340000"]
    report.created -= 1
    _check_imported(db, report)


def test_search_finds_landlines_by_area_code_with_its_leading_zero(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "phones.csv"
    path.write_text("姓名,电话\n北京客户,010-6234 5678\n杭州客户,0571 8765 4321 转 802\n手机客户,13812345678\n"
                    "香港客户,+852 2123 4567\n", encoding="utf-8")
    _import(db, path)
    assert _find(db, "010") == ["北京客户"]
    assert _find(db, "0571") == ["杭州客户"]
    assert _find(db, "0571-8765") == ["杭州客户"]
    assert _find(db, "87654321") == ["杭州客户"]
    assert _find(db, "1062345678") == ["北京客户"]  # the international digits without the 0 as well
    assert _find(db, "2123 4567") == ["香港客户"]
    assert _find(db, "138 1234") == ["手机客户"]


def test_a_vcard_with_one_unreadable_number_keeps_the_rest_of_the_contact(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    path.write_text("\r\n".join([
        "BEGIN:VCARD", "VERSION:3.0", "FN:陈静", "ORG:青禾茶行", "NOTE:每月初补货",
        "TEL;TYPE=CELL:138 0000 4444", "TEL;TYPE=WORK:6234", "TEL;TYPE=WORK:0571-8888 1234 转 6",
        "EMAIL:chenjing@example.com", "END:VCARD",
        "BEGIN:VCARD", "VERSION:4.0", "FN:Hong Kong Office", "TEL;VALUE=uri:tel:+852-2123-4567;ext=12", "END:VCARD",
    ]) + "\r\n", encoding="utf-8")
    report = _import(db, path)
    assert (report.created, report.rejected) == (2, 0)
    [problem] = report.left_out
    assert (problem.column, problem.value) == ("Phones", "6234")
    assert "“6234” is not a complete phone number (a landline needs its area code)" in problem.reason
    [cid] = [c for c in _ids(db) if customers.load_input(db, c).name == "陈静"]
    chen = customers.load_input(db, cid)
    assert chen.phones == ["138 0000 4444", "0571 8888 1234 ext. 6"]
    assert (chen.company, chen.notes, chen.emails) == ("青禾茶行", "每月初补货", ["chenjing@example.com"])
    assert _stored_phones(db)["Hong Kong Office"] == ["+85221234567;ext=12"]


def _ids(db: Database) -> list[int]:
    with db.session() as session:
        return list(session.scalars(customer_ids_statement(CustomerQuery())))


def test_a_vcard_export_of_an_extension_imports_back_to_the_same_number(db: Database, tmp_path: Path) -> None:
    from solocrm.exporting.writers import vcard

    path = tmp_path / "back.vcf"
    path.write_text(vcard({"name": "王工", "phones": ["+862162345678;ext=802", "+8613812345678"]}), encoding="utf-8")
    report = _import(db, path)
    assert report.left_out == []
    assert _stored_phones(db)["王工"] == ["+862162345678;ext=802", "+8613812345678"]


def test_the_dialog_takes_landlines_extensions_and_hong_kong_numbers(qtbot, ctx) -> None:  # noqa: ANN001
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "周老板")
    type_text(qtbot, dialog.phones, "010-6234 5678, 0571 8765 4321 转 802, 852 2123 4567, ４００－８１０－８８８８")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    stored = _stored_phones(ctx.db)["周老板"]
    assert stored == ["+861062345678", "+8657187654321;ext=802", "+85221234567", "+864008108888"]
    assert all(map(_valid, stored))
    reopened = CustomerDialog(ctx, customer_id=dialog.saved_id)
    qtbot.addWidget(reopened)
    assert reopened.phones.text() == "010 6234 5678, 0571 8765 4321 ext. 802, +852 2123 4567, 400 810 8888"
    qtbot.mouseClick(reopened.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert _stored_phones(ctx.db)["周老板"] == stored  # saved again as shown: the same numbers
    assert _find(ctx.db, "010") == ["周老板"] and _find(ctx.db, "0571") == ["周老板"]


def test_the_dialog_names_a_landline_without_its_area_code(qtbot, ctx) -> None:  # noqa: ANN001
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "吴六")
    type_text(qtbot, dialog.phones, "6234 5678")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "area code" in dialog.errors["phones"].text()
    assert _stored_phones(ctx.db) == {}


@given(st.integers(min_value=13_000_000_000, max_value=19_999_999_999), st.sampled_from(["{}", "+86 {}", "0086{}"]))
def test_the_imports_fast_path_for_mobiles_follows_the_standards_rules(number: int, written: str) -> None:
    """Cells holding one mobile skip the parser; what they store must still be what phonenumbers calls valid."""
    cell = written.format(number)
    valid = phonenumbers.is_valid_number(phonenumbers.parse(f"+86{number}", None))
    assert values.phones(cell, "CN").numbers == ([f"+86{number}"] if valid else [])
    assert values.phones(f"{cell} / 010-6234 5678", "CN").numbers == (
        [f"+86{number}", "+861062345678"] if valid else ["+861062345678"])


def test_the_phones_field_says_how_to_write_an_extension(qtbot, ctx) -> None:  # noqa: ANN001
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    assert "area code" in dialog.phones.toolTip() and "转 802" in dialog.phones.toolTip()
