"""Orders from a cash register and other exports: matching, refunds, idempotency, CLI."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import solocrm
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


def _owners(db: Database) -> dict[str, int]:
    conn = sqlite3.connect(db.path)
    try:
        return dict(conn.execute('SELECT order_no, customer_id FROM "order"'))
    finally:
        conn.close()


def _ids(db: Database) -> list[int]:
    conn = sqlite3.connect(db.path)
    try:
        return [cid for (cid,) in conn.execute("SELECT id FROM customer")]
    finally:
        conn.close()


def _namesakes_file(path: Path) -> Path:
    """Orders naming stored customers, some with a phone, email or member number that contradicts theirs."""
    path.write_text(
        "订单号,下单时间,会员号,客户姓名,手机,邮箱,金额\n"
        "A1,2024-03-01 10:00,,张伟,13900000000,,100\n"  # 张伟's phone is 138...: a namesake
        "A2,2024-03-01 11:00,,张伟,13812345678,,50\n"  # his own phone
        "A3,2024-03-01 12:00,,李娜,,lina@163.com,60\n"  # 李娜's email is lina@qq.com
        "A4,2024-03-01 13:00,M002,周杰,,,70\n"  # 周杰 is member M001
        "A5,2024-03-01 14:00,,刘洋,,,80\n"  # a name alone: his
        "A6,2024-03-01 15:00,,陈静,13700000000,,90\n"  # 陈静 has no phone stored: nothing contradicts
        "A7,2024-03-01 16:00,,王芳,,,30\n", encoding="utf-8")  # two customers are called 王芳: not guessed
    return path


def test_an_order_naming_a_customer_whose_contact_differs_is_a_conflict_not_their_order(
        db: Database, tmp_path: Path) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    lina, _ = customers.create(db, CustomerInput(name="李娜", emails=["lina@qq.com"]))
    members = tmp_path / "members.csv"
    members.write_text("姓名,会员号\n周杰,M001\n", encoding="utf-8")
    source = open_source(members)
    run_import(db, source, ImportOptions("customers", mapping.guess("customers", source.headers, source.preview)))
    zhou = max(_ids(db))
    liu, _ = customers.create(db, CustomerInput(name="刘洋"))
    chen, _ = customers.create(db, CustomerInput(name="陈静", emails=["cj@qq.com"]))
    customers.create(db, CustomerInput(name="王芳", phones=["13600000001"]))
    customers.create(db, CustomerInput(name="王芳", phones=["13600000002"]))
    path = _namesakes_file(tmp_path / "orders.csv")

    report = _import(db, path)
    assert [(c.row, c.customer_id, c.customer_name, c.field, c.existing, c.incoming) for c in report.conflicts] == [
        (2, zhang, "张伟", "phone", "138 1234 5678", "139 0000 0000"),
        (4, lina, "李娜", "email", "lina@qq.com", "lina@163.com"),
        (5, zhou, "周杰", "ref", "M001", "M002")]
    assert (report.created, report.customers_created, report.rejected) == (6, 3, 1)
    assert "several customers are called 王芳" in report.rejects[0].reason
    owners = _owners(db)
    assert owners["A2"] == zhang and owners["A5"] == liu and owners["A6"] == chen
    namesakes = {owners[n] for n in ("A1", "A3", "A4")}
    assert len(namesakes) == 3 and not namesakes & {zhang, lina, zhou}
    names = {customers.load_input(db, cid).name for cid in namesakes}
    assert names == {"张伟", "李娜", "周杰"}


def test_an_order_the_user_attaches_to_the_namesake_goes_to_them(db: Database, tmp_path: Path) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    path = tmp_path / "orders.csv"
    path.write_text("订单号,下单时间,客户姓名,手机,金额\nA1,2024-03-01 10:00,张伟,13900000000,100\n"
                    "A2,2024-03-02 10:00,张伟,13900000001,100\n"
                    "A3,2024-03-03 10:00,张伟,13900000000,100\n", encoding="utf-8")  # the phone of row 2 again
    source = open_source(path)
    chosen = mapping.guess("orders", source.headers, source.preview)
    checked = run_import(db, source, ImportOptions("orders", chosen), dry_run=True, now=NOW)
    assert [(c.row, c.field) for c in checked.conflicts] == [(2, "phone"), (3, "phone")]

    report = run_import(db, source, ImportOptions("orders", chosen, take_incoming=frozenset({(2, "phone")})),
                        now=NOW)
    assert (report.created, report.customers_created, len(report.conflicts)) == (3, 1, 2)
    owners = _owners(db)
    assert owners["A1"] == owners["A3"] == zhang and owners["A2"] != zhang  # row 4 follows row 2

    again = run_import(db, source, ImportOptions("orders", chosen), now=NOW)  # the same file, nothing chosen
    assert (again.created, again.skipped, again.customers_created, again.conflicts) == (0, 3, 0, [])
    assert _owners(db) == owners


def test_a_malformed_email_or_phone_is_left_out_and_listed_but_the_order_is_imported(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,下单时间,客户姓名,手机,邮箱,金额\n"
                    "A1,2024-03-01 10:00,张伟,13812345678,zhang@,100\n"
                    "A2,2024-03-01 11:00,李娜,12345,lina@qq.com,60\n"
                    "A3,2024-03-01 12:00,,,nobody@,60\n", encoding="utf-8")  # nothing else names the customer
    report = _import(db, path)
    assert [(p.row, p.column, p.value) for p in report.left_out] == [(2, "邮箱", "zhang@"), (3, "手机", "12345")]
    assert "“zhang@” is not an email address" in report.left_out[0].reason
    assert (report.created, report.rejected) == (2, 1) and report.balanced()
    assert "nobody@" in report.rejects[0].reason and "no customer ID, name, phone or email" in report.rejects[0].reason
    assert [(r[0], r[2], r[6]) for r in _orders(db)] == [("张伟", 10000, "A1"), ("李娜", 6000, "A2")]
    zhang = customers.load_input(db, _owners(db)["A1"])
    assert (zhang.phones, zhang.emails) == (["138 1234 5678"], [])


def test_an_amount_in_another_currency_is_stored_in_it_and_not_counted_as_the_business_money(
        db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text('订单号,下单时间,手机,金额\nA1,2024-03-01 10:00,13812345678,"$2,400.00"\n'
                    "A2,2024-03-02 10:00,13812345678,¥44.00\nA3,2024-03-03 10:00,13812345678,HK$30\n"
                    "A4,2024-03-04 10:00,13812345678,2400 XYZ\n", encoding="utf-8")
    report = _import(db, path)
    conn = sqlite3.connect(db.path)
    try:
        stored = conn.execute('SELECT order_no, amount_minor, currency FROM "order" ORDER BY order_no').fetchall()
        figures = conn.execute("SELECT order_count, total_spent_minor FROM customer").fetchall()
    finally:
        conn.close()
    assert stored == [("A1", 240000, "USD"), ("A2", 4400, "CNY"), ("A3", 3000, "HKD")]
    assert figures == [(1, 4400)]  # the business counts in yuan: the dollars are not added to them
    assert "XYZ is not a currency" in report.rejects[0].reason
    assert [(n.row, n.raw, n.cleaned) for n in report.notes if n.column == "金额"] == [
        (2, "$2,400.00", "USD 2,400.00"), (4, "HK$30", "HKD 30.00")]


def test_cli_lists_name_conflicts_and_cells_left_out_and_analytics_count_only_the_business_currency(
        db_path: Path, tmp_path: Path) -> None:
    Database.open(db_path).close()
    setup = Database.open(db_path)
    try:
        customers.create(setup, CustomerInput(name="张伟", phones=["13812345678"]))
    finally:
        setup.close()
    path = tmp_path / "orders.csv"
    path.write_text('订单号,下单时间,客户姓名,手机,邮箱,金额\nA1,2024-03-01 10:00,张伟,13900000000,zw@,100\n'
                    'A2,2024-03-02 10:00,张伟,13812345678,,"$2,400.00"\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(solocrm.__file__).parents[1])}

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "solocrm", *args, "--db", str(db_path)], env=env,
                              capture_output=True, text=True, timeout=300, check=False)

    helped = run("import", "--help")
    assert "not attached to that customer" in " ".join(helped.stdout.split())
    done = run("import", "orders", str(path))
    assert done.returncode == 0, done.stderr
    assert "2 rows read, 2 imported" in done.stdout and "1 name conflict" in done.stdout
    assert "1 cell left out" in done.stdout
    assert ("row 2: 张伟 (#1) has phone 138 1234 5678, the file 139 0000 0000: not attached to them, a new customer "
            "instead") in done.stdout
    assert "row 2: 邮箱: “zw@” is not an email address (left out; the row is imported)" in done.stderr
    figures = run("analytics", "--as-of", "2024-03-10", "--from", "2024-03-01", "--to", "2024-03-10",
                      "--format", "json")
    assert json.loads(figures.stdout)["revenue"]["total"] == 100.0  # the USD order is not added to the yuan


def test_an_order_dated_year_one_is_a_rejected_row_and_the_rest_is_imported(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,手机,金额,日期\nA1,13812345678,100,0001-01-01\nA2,13812345678,100,2024-01-05\n",
                    encoding="utf-8")
    report = _import(db, path)
    assert (report.created, report.rejected) == (1, 1)
    assert "“0001-01-01” is before 1900" in report.rejects[0].reason
    assert [row[-1] for row in _orders(db)] == ["A2"]


def test_an_order_dated_in_year_9999_is_a_rejected_row_in_a_zone_west_of_greenwich(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,手机,金额,日期\nA1,13812345678,100,9999-12-31 23:00\nA2,13812345678,100,2024-01-05\n",
                    encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(solocrm.__file__).parents[1]), "TZ": "America/New_York"}
    done = subprocess.run([sys.executable, "-m", "solocrm", "import", "orders", str(path), "--db",
                           str(tmp_path / "crm.sqlite3")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "1 imported" in done.stdout and "“9999-12-31 23:00” is in the future" in done.stderr
