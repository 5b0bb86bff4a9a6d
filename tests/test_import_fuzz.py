"""Parsers under arbitrary input: a domain error with a message, or a correct import; never a crash or half a file."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solocrm.db.database import Database
from solocrm.errors import UserError
from solocrm.importing import mapping
from solocrm.importing.engine import ImportOptions, run_import
from solocrm.importing.sources import open_source
from tests.import_files import android_vcf, iphone_vcf, xlsx_with_one_shared_string, xlsx_with_title_and_merged_cells

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("SELECT count(*) FROM customer").fetchone()[0],
                conn.execute("SELECT count(*) FROM import_batch").fetchone()[0])
    finally:
        conn.close()


def _import_or_refuse(db: Database, path: Path, kind: str = "customers") -> None:
    """Import ``path``; a refusal must be a UserError with a message and must leave nothing behind."""
    before = _counts(db.path)
    try:
        source = open_source(path)
        report = run_import(db, source, ImportOptions(kind, mapping.guess(kind, source.headers, source.preview)))
    except UserError as exc:
        assert exc.message.strip()
        assert _counts(db.path) == before
        return
    assert report.balanced()
    assert _counts(db.path) == (before[0] + report.created, before[1] + 1)


@FUZZ
@given(data=st.binary(max_size=3000))
def test_arbitrary_bytes(db: Database, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        _import_or_refuse(db, path)


_CELL = st.one_of(st.text(max_size=12), st.sampled_from(["张三", "13812345678", "a@b.cn", "2024-01-05", "¥1,280",
                                                        "", "\"", ",", "\n", "1.2万", "(300)"]))


@FUZZ
@given(headers=st.lists(st.sampled_from(["姓名", "手机", "邮箱", "生日", "金额", "日期", "客户编号", "x", ""]),
                        min_size=1, max_size=6),
       rows=st.lists(st.lists(_CELL, max_size=8), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030",
                                                                               "utf-16"]),
       kind=st.sampled_from(["customers", "orders"]))
def test_arbitrary_csv_shapes(db: Database, headers: list[str], rows: list[list[str]], delimiter: str,
                              encoding: str, kind: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "shape.csv"
        path.write_bytes(data)
        _import_or_refuse(db, path, kind)


def _truncations(make, name: str) -> list[bytes]:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as folder:
        data = make(Path(folder) / name).read_bytes()
    return [data[:n] for n in sorted({1, 10, 100, len(data) // 3, len(data) // 2, len(data) - 20, len(data) - 1})]


@FUZZ
@given(cut=st.sampled_from(_truncations(xlsx_with_title_and_merged_cells, "t.xlsx")
                           + _truncations(android_vcf, "a.vcf") + _truncations(iphone_vcf, "i.vcf")))
def test_truncated_xlsx_and_vcf(db: Database, cut: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "cut.bin"
        path.write_bytes(cut)
        _import_or_refuse(db, path)


def _read_all(path: Path) -> None:
    """Open ``path`` as the import does and read every row: a user error is the only way to fail."""
    try:
        source = open_source(path)
        for _number, _cells in source.rows():
            pass
    except UserError as exc:
        assert exc.message.strip()


READERS = settings(max_examples=40, deadline=None)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@READERS
@given(data=st.binary(max_size=2000), name=st.sampled_from(["f.csv", "f.xlsx", "f.xls", "f.vcf"]),
       magic=st.sampled_from([b"", b"PK\x03\x04", _OLE, b"BEGIN:VCARD\r\n", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_every_reader_answers_arbitrary_bytes_with_a_user_error_or_rows(data: bytes, name: str,
                                                                       magic: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(magic + data)
        _read_all(path)


_XML_BITS = st.sampled_from(['<?xml version="1.0"?>', "<sst>", "</sst>", "<si>", "</si>", "<t>", "</t>", "<row>",
                             '<row r="0">', '<row r="99999999999">', "</row>", '<c r="A1" t="s">', '<c r="XFD1">',
                             '<c t="n">', '<c t="d">', '<c t="b">', '<c t="e">', '<c t="inlineStr">', "</c>", "<v>",
                             "</v>", "<v>-1</v>", "<v>1e308</v>", "<v>x</v>", "<is><t>a</t></is>", "<sheetData>",
                             "</sheetData>", '<dimension ref="A1:XFD1048576"/>', "<!DOCTYPE x [<!ENTITY a 'b'>]>",
                             "&a;", "&#0;", "_x0000_", "姓名", "\x00", "<![CDATA[", "]]>"])
_PART = st.one_of(st.lists(_XML_BITS, max_size=30).map("".join), st.text(max_size=200))


@READERS
@given(part=st.sampled_from(["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml", "xl/workbook.xml",
                             "[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]),
       content=_PART)
def test_an_xlsx_with_an_arbitrary_xml_part_is_read_or_refused_with_a_user_error(part: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = xlsx_with_one_shared_string(Path(folder) / "f.xlsx", "姓名")
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        parts[part] = content.encode("utf-8", "surrogatepass")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        _read_all(path)


_VCARD_LINES = st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:2.1", "FN:郭静", "N:郭;静", "TEL:138",
                                "PHOTO;ENCODING=b:", "PHOTO;ENCODING=BASE64:iVBOR=", "PHOTO:data:image/png;base64,",
                                "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=nope:=E9=", "=", " ", "\t", "ADR:;;;;;;;;",
                                "BDAY:0001-01-01", "CATEGORIES:a\\,b", "X-:", ":", ";;:", "item1.EMAIL:a@b"])


@READERS
@given(lines=st.lists(st.one_of(_VCARD_LINES, st.text(max_size=30)), max_size=25),
       end=st.sampled_from(["\r\n", "\n", "\r"]))
def test_a_vcard_of_arbitrary_lines_is_read_or_refused_with_a_user_error(lines: list[str], end: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.vcf"
        path.write_text("BEGIN:VCARD" + end + end.join(lines), encoding="utf-8", errors="surrogatepass")
        _read_all(path)


_TYPED = st.one_of(st.dates(), st.datetimes(), st.integers(), st.floats(allow_nan=True), st.booleans(),
                   st.text(max_size=12), st.none())


@settings(FUZZ, max_examples=40)
@given(rows=st.lists(st.lists(_TYPED, min_size=4, max_size=4), min_size=1, max_size=6),
       kind=st.sampled_from(["orders", "interactions", "surveys", "customers"]), as_xlsx=st.booleans())
def test_typed_cells_of_any_date_or_number_are_imported_or_refused(db: Database, rows: list[list[object]],
                                                                   kind: str, as_xlsx: bool) -> None:
    """Dates from year 1 to 9999, huge and odd numbers: each is a row reject, never an aborted import."""
    headers = ["订单号", "手机", "金额", "日期"] if kind != "customers" else ["姓名", "手机", "消费", "生日"]
    with tempfile.TemporaryDirectory() as folder:
        if as_xlsx:
            import openpyxl
            from openpyxl.utils.exceptions import IllegalCharacterError

            path = Path(folder) / "typed.xlsx"
            book = openpyxl.Workbook()
            sheet = book.active
            try:
                for row in [headers, *rows]:
                    sheet.append(row)
                book.save(path)
            except (ValueError, TypeError, OverflowError, IllegalCharacterError):  # openpyxl cannot write it
                return
        else:
            path = Path(folder) / "typed.csv"
            with path.open("w", encoding="utf-8", newline="") as fh:
                csv.writer(fh).writerows([headers, *rows])
        _import_or_refuse(db, path, kind)
