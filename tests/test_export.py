"""Exports: CSV with a BOM for Excel, typed .xlsx cells, vCard 3.0, and exactly what a list shows."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from solocrm.db.database import Database
from solocrm.exporting import exports
from solocrm.importing import mapping
from solocrm.importing.engine import ImportOptions, run_import
from solocrm.importing.sources import open_source
from solocrm.services import customers, orders
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.services.search import CustomerQuery
from tests.import_files import PNG_1PX


def _fill(db: Database) -> int:
    cid, _ = customers.create(db, CustomerInput(name="张伟", company="青禾", phones=["13812345678"],
                                                 emails=["zw@qq.com"], birthday=date(1990, 1, 5), tags=["VIP"],
                                                 city="杭州", photo=PNG_1PX))
    customers.create(db, CustomerInput(name="李娜", city="上海"))
    orders.add_order(db, cid, OrderInput(ordered_at=datetime(2024, 1, 5, 4, 0), amount_minor=12850, product="欧包"),
                     now=datetime(2024, 2, 1))
    return cid


def test_csv_has_a_bom_and_imports_back_unchanged(db: Database, tmp_path: Path) -> None:
    _fill(db)
    path = tmp_path / "c.csv"
    assert exports.export_customers(db, path, "csv") == 2
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "张伟,青禾,,138 1234 5678,zw@qq.com" in text

    fresh = Database.open(tmp_path / "fresh.sqlite3", lock=False)
    try:
        source = open_source(path)
        report = run_import(fresh, source, ImportOptions("customers",
                                                         mapping.guess("customers", source.headers, source.preview)))
        assert report.created == 2 and report.rejected == 0
        zhang = customers.load_input(fresh, 1)
        assert (zhang.name, zhang.phones, zhang.emails, zhang.birthday, zhang.tags, zhang.city) == (
            "张伟", ["138 1234 5678"], ["zw@qq.com"], date(1990, 1, 5), ["VIP"], "杭州")
    finally:
        fresh.close()


def test_xlsx_cells_are_typed(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _fill(db)
    path = tmp_path / "o.xlsx"
    assert exports.export_orders(db, path, "xlsx") == 1
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    row = dict(zip(header, (c.value for c in sheet[2])))
    assert row["Amount"] == 128.5 and isinstance(row["Amount"], float)
    assert isinstance(row["Order date"], datetime)
    assert row["Customer name"] == "张伟" and row["Quantity"] == 1 and row["Status"] == "paid"


def test_vcard_export_reads_back_with_photo(db: Database, tmp_path: Path) -> None:
    _fill(db)
    path = tmp_path / "c.vcf"
    exports.export_customers(db, path, "vcf")
    text = path.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 2 and "VERSION:3.0" in text and "FN:张伟" in text
    source = open_source(path)
    zhang = dict(zip(source.headers, source.preview[0]))
    assert (zhang["Name"], zhang["Phones"], zhang["Birthday"], zhang["Photo"]) == (
        "张伟", "+8613812345678", "1990-01-05", PNG_1PX)


def test_export_rows_writes_exactly_the_list_view(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _fill(db)
    path = tmp_path / "list.xlsx"
    query = CustomerQuery(cities=("杭州",))
    count = exports.export_rows(db, query, [("name", "姓名"), ("spent", "消费"), ("stage", "阶段")], path, "xlsx",
                                words=exports.Words(value=lambda _field, code: {"new": "新客户"}.get(code, code)))
    assert count == 1
    rows = [[c.value for c in r] for r in load_workbook(path).active.iter_rows()]
    assert rows == [["姓名", "消费", "阶段"], ["张伟", 128.5, "新客户"]]
    assert exports.major(12850) == Decimal("128.50")


def test_a_failed_export_leaves_no_file(db: Database, tmp_path: Path) -> None:
    import pytest

    from solocrm.exporting.writers import ExportError

    with pytest.raises(ExportError, match="does not exist"):
        exports.export_customers(db, tmp_path / "missing" / "c.csv", "csv")
    assert not (tmp_path / "missing").exists()
    path = tmp_path / "o.csv"
    with pytest.raises(ExportError, match="vCard"):
        exports.export_orders(db, path, "vcf")
    assert not path.exists() and not list(tmp_path.glob(".*.partial"))


def test_xlsx_keeps_every_value_typed_and_every_text_exactly(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from solocrm.exporting import xlsx

    texts = ["A&B <公司>", " 前后有空格 ", "line1\nline2", "tab\there", "bell\x07rings", "_x0041_ stays", "客户"]
    rows = [[t, None, 7, Decimal("128.50"), 0.25, True, date(1990, 1, 5), datetime(2024, 3, 1, 10, 15)]
            for t in texts]
    path = tmp_path / "t.xlsx"
    assert xlsx.write_table(path, ["文本", "空", "整数", "金额", "小数", "是否", "日期", "时间"], rows, "客户 [全部]") == 7

    book = load_workbook(path)
    sheet = book.active
    assert sheet.title == "客户 全部" and sheet.freeze_panes == "A2" and sheet["A1"].font.b
    values = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    # openpyxl shows Excel's _xHHHH_ escapes as written; Excel (and our importer) read them back as characters
    assert [v[0] for v in values] == [*texts[:4], "bell_x0007_rings", "_x005F_x0041_ stays", "客户"]
    assert [cells[0] for _n, cells in open_source(path).rows()] == texts
    first = values[0]
    assert first[1:6] == [None, 7, 128.5, 0.25, True]
    assert first[6] == datetime(1990, 1, 5) and sheet["G2"].number_format == "yyyy-mm-dd"
    assert first[7] == datetime(2024, 3, 1, 10, 15) and sheet["H2"].number_format == "yyyy-mm-dd hh:mm"


def test_xlsx_column_names_go_past_z() -> None:
    from solocrm.exporting.xlsx import column_name

    assert [column_name(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


HOSTILE = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|A0", "\t=1+1", "\r=1+1", "'=already quoted", "''+twice"]


def _csv_rows(path: Path) -> list[list[str]]:
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_exports_never_carry_a_formula_and_import_back_as_typed(db: Database, tmp_path: Path) -> None:
    from solocrm.exporting.writers import write_table
    from solocrm.importing.engine import Reject
    from solocrm.importing.rejects import write_rejects

    for index, text in enumerate(HOSTILE):
        cid, _ = customers.create(db, CustomerInput(name=f"{text} {index}".strip(), notes=text,
                                                    phones=["+1 650 253 0000"] if index == 0 else []))
        orders.add_order(db, cid, OrderInput(ordered_at=datetime(2024, 1, 5), amount_minor=500, product=text),
                         now=datetime(2024, 2, 1))
    customers.create(db, CustomerInput(name="Plain", notes="-5", phones=["+86 138 1234 5678"]))

    written = {"customers": tmp_path / "c.csv", "orders": tmp_path / "o.csv", "list": tmp_path / "l.csv",
               "table": tmp_path / "t.csv", "rejects": tmp_path / "r.csv"}
    exports.export_customers(db, written["customers"], "csv")
    exports.export_orders(db, written["orders"], "csv")
    exports.export_rows(db, CustomerQuery(), [("name", "=Name"), ("phone", "Phone")], written["list"], "csv")
    write_table(written["table"], "csv", ["@Header", "Amount"], [[t, Decimal("-5.00")] for t in HOSTILE])
    source = open_source(written["customers"])
    write_rejects(written["rejects"], source.headers, [Reject(n, "Name", "x", (), tuple(cells))
                                                       for n, cells in source.rows()])
    # what a spreadsheet would read: no cell of any CSV the app writes starts a formula
    for kind, path in written.items():
        for row in _csv_rows(path):
            for cell in row:
                assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r") or cell in ("-5.00", "-5", "+1 650-253-0000"), (
                    kind, cell)
    by_name = {r[1]: r for r in _csv_rows(written["customers"])}
    assert by_name["Plain"][4] == "138 1234 5678" and by_name["Plain"][22] == "-5"
    assert by_name["'=HYPERLINK(\"http://x\",\"y\") 0"][4] == "+1 650-253-0000"
    assert {r[1] for r in _csv_rows(written["table"])[1:]} == {"-5.00"}

    fresh = Database.open(tmp_path / "fresh.sqlite3", lock=False)
    try:
        for kind in ("customers", "orders"):
            source = open_source(written[kind])
            report = run_import(fresh, source, ImportOptions(kind, mapping.guess(kind, source.headers,
                                                                                 source.preview)))
            assert report.rejected == 0
        back = [customers.load_input(fresh, i) for i in range(1, len(HOSTILE) + 2)]
        assert [(c.name, c.notes) for c in back[:-1]] == [
            (f"{t} {i}".strip(), t.strip()) for i, t in enumerate(HOSTILE)]
        assert (back[-1].notes, back[-1].phones, back[0].phones) == ("-5", ["138 1234 5678"], ["+1 650-253-0000"])
        with fresh.session() as session:
            from sqlalchemy import select

            from solocrm.db.models import Order
            assert sorted(session.execute(select(Order.product, Order.amount_minor)).all()) == sorted(
                (t.strip(), 500) for t in HOSTILE)
    finally:
        fresh.close()
    assert [r[1:] for r in _csv_rows(written["rejects"])] == _csv_rows(written["customers"])
    assert [cells[0] for _n, cells in open_source(written["table"]).rows()] == HOSTILE


def test_xlsx_exports_store_formula_text_as_text(db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    for index, text in enumerate(HOSTILE[:5]):
        customers.create(db, CustomerInput(name=f"{text} {index}"))
    path = tmp_path / "c.xlsx"
    exports.export_customers(db, path, "xlsx")
    names = [row[1] for row in load_workbook(path).active.iter_rows(min_row=2)]
    assert [(c.value, c.data_type) for c in names] == [(f"{t} {i}", "s") for i, t in enumerate(HOSTILE[:5])]


def test_a_customer_at_every_limit_exports_and_imports_back_equal(db: Database, tmp_path: Path) -> None:
    full = {name: ("长" if name in ("name", "company") else "字") * limit
            for name, limit in customers.TEXT_LIMITS.items() if limit is not None and name != "source_channel"}
    full["source_channel"] = "w" * customers.TEXT_LIMITS["source_channel"]  # type: ignore[operator]
    cid, _ = customers.create(db, CustomerInput(**full, notes="备注" * 3000, tags=["标" * customers.TAG_LIMIT]))
    stored = customers.load_input(db, cid)
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"c.{fmt}"
        exports.export_customers(db, path, fmt)
        fresh = Database.open(tmp_path / f"fresh-{fmt}.sqlite3", lock=False)
        try:
            source = open_source(path)
            report = run_import(fresh, source, ImportOptions("customers",
                                                             mapping.guess("customers", source.headers,
                                                                           source.preview)))
            assert (report.created, report.rejected) == (1, 0), fmt
            assert customers.load_input(fresh, 1) == stored, fmt
        finally:
            fresh.close()
