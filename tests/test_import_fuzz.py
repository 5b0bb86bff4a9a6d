"""Parsers under arbitrary input: a domain error with a message, or a correct import; never a crash or half a file."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solocrm.db.database import Database
from solocrm.errors import UserError
from solocrm.importing import mapping
from solocrm.importing.engine import ImportOptions, run_import
from solocrm.importing.sources import open_source
from tests.import_files import android_vcf, iphone_vcf, xlsx_with_title_and_merged_cells

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
