"""Orders from a cash register and other exports: matching, refunds, idempotency, CLI."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from solocrm.cli import main
from solocrm.db.database import Database
from solocrm.importing import batches, mapping
from solocrm.importing.engine import ImportOptions, run_import
from solocrm.importing.sources import open_source
from solocrm.services import customers
from solocrm.services.customers import CustomerInput
from tests.import_files import cash_register_export

NOW = datetime(2024, 3, 10, 9, 0)


def _orders(db: Database) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute('SELECT c.name, o.ordered_at, o.amount_minor, o.product, o.quantity, o.status, o.order_no '
                            'FROM "order" o JOIN customer c ON c.id = o.customer_id ORDER BY o.order_no').fetchall()
    finally:
        conn.close()


def _import(db: Database, path: Path):  # noqa: ANN202
    source = open_source(path)
    return run_import(db, source, ImportOptions("orders", mapping.guess("orders", source.headers, source.preview)),
                      now=NOW)


def test_cash_register_export_with_a_refund_lands_order_by_order(db: Database, tmp_path: Path) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    liu, _ = customers.create(db, CustomerInput(name="刘洋", phones=["+86 139 1234 5678"]))
    path = cash_register_export(tmp_path / "till.csv")

    report = _import(db, path)
    assert (report.rows_read, report.created, report.merged, report.rejected, report.customers_created) == (
        6, 4, 1, 1, 1)
    assert report.balanced()
    assert report.rejects[0].row == 7 and "abc" in report.rejects[0].reason
    assert _orders(db) == [
        ("张伟", "2024-03-01 10:15:00.000000", 4400, "欧包", 2, "paid", "S0001"),
        ("刘洋", "2024-03-01 11:02:00.000000", 26800, "生日蛋糕（8寸）", 1, "paid", "S0002"),
        ("张伟", "2024-03-02 09:40:00.000000", 2200, "吐司", 1, "refunded", "S0003"),
        ("新客人", "2024-03-03 16:20:00.000000", 9800, "曲奇礼盒", 1, "paid", "S0004"),
    ]
    figures = {c: customers.load_input(db, c).name for c in (zhang, liu)}
    assert figures == {zhang: "张伟", liu: "刘洋"}
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT order_count, total_spent_minor, stage FROM customer WHERE id = ?",
                        (zhang,)).fetchone() == (1, 4400, "new")

    again = _import(db, path)
    assert (again.created, again.skipped, again.updated, again.rejected) == (0, 5, 0, 1)
    assert len(_orders(db)) == 4


def test_orders_without_numbers_are_idempotent_by_a_stable_key(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,order_date,quantity,amount\nM001,2024-01-05,2,128.50\nM001,2024-01-05,2,128.50\n"
                    "M002,2024-02-01,1,1.2万\n", encoding="utf-8")
    first = _import(db, path)
    assert (first.created, first.customers_created) == (3, 2)
    second = _import(db, path)
    assert (second.created, second.skipped) == (0, 3)
    assert sorted(r[2] for r in _orders(db)) == [12850, 12850, 1200000]


def test_refund_of_an_order_already_stored_is_journalled_and_undone(db: Database, tmp_path: Path) -> None:
    sale = tmp_path / "sale.csv"
    sale.write_text("订单号,手机,下单时间,金额\nA1,13800001111,2024-01-05 10:00,100\n", encoding="utf-8")
    refund = tmp_path / "refund.csv"
    refund.write_text("订单号,手机,下单时间,金额,状态\nA1,13800001111,2024-01-06 10:00,100,已退款\n", encoding="utf-8")
    _import(db, sale)
    report = _import(db, refund)
    assert report.updated == 1
    assert [r[5] for r in _orders(db)] == ["refunded"]
    batches.undo_batch(db, report.batch_id)
    assert [r[5] for r in _orders(db)] == ["paid"]


def test_cli_imports_orders_without_a_mapping_and_reports(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "orders.csv"
    path.write_text("customer_id,order_date,quantity,amount\nM001,2024-01-05,2,128.50\nM002,2024-13-05,1,5\n",
                    encoding="utf-8")
    rejects = tmp_path / "rejects.csv"
    assert main(["import", "orders", str(path), "--db", str(db_path), "--dry-run"]) == 0
    assert "Dry run" in capsys.readouterr().out
    assert main(["import", "orders", str(path), "--db", str(db_path), "--rejects", str(rejects)]) == 0
    out = capsys.readouterr().out
    assert "2 rows read, 1 imported" in out and "1 rejected" in out
    text = rejects.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Why it was not imported,customer_id,order_date,quantity,amount"
    assert "M002,2024-13-05,1,5" in text


def test_cli_exits_1_with_a_message_for_an_unreadable_file(db_path: Path, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04garbage")
    assert main(["import", "customers", str(path), "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "not a readable Excel file" in err and "Traceback" not in err
