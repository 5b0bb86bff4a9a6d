"""Interactions and survey answers: matched, idempotent on re-import, undone exactly; big files in bulk."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from solocrm.db.database import Database
from solocrm.importing import batches, customer_import, mapping
from solocrm.importing.engine import BULK_ROWS, ImportOptions, run_import
from solocrm.importing.sources import open_source
from solocrm.services import customers
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery, customer_ids_statement

NOW = datetime(2024, 6, 1, 9, 0)


def _import(db: Database, path: Path, kind: str, dry_run: bool = False, progress=None):  # noqa: ANN001, ANN202
    source = open_source(path)
    return run_import(db, source, ImportOptions(kind, mapping.guess(kind, source.headers, source.preview)),
                      dry_run=dry_run, progress=progress, now=NOW)


def _rows(db: Database, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _everything(db: Database) -> list[list[tuple]]:
    """Schema (tables, indexes, triggers) and every row the imports touch."""
    tables = ("customer", "customer_phone", "customer_email", "customer_ref", "customer_change", "customer_fts",
              "order", "interaction", "survey_response", "import_order_key", "import_interaction_key",
              "import_survey_key", "import_batch")
    return [_rows(db, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")] + \
        [_rows(db, f'SELECT * FROM "{t}" ORDER BY 1') for t in tables]


def test_interactions_import_once_even_when_the_file_comes_back(db: Database, tmp_path: Path) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    path = tmp_path / "跟进记录.csv"
    path.write_text("手机,沟通时间,沟通方式,沟通内容,跟进结果\n"
                    "13812345678,2024-05-01 10:00,微信,问欧包价格,已报价\n"
                    "13812345678,2024-05-01 10:00,微信,问欧包价格,已报价\n"  # the same message logged twice
                    "13812345678,2024-05-03 15:30,电话,确认生日蛋糕,下单\n"
                    "13900000000,2024-05-04 09:00,到店,第一次来店,\n", encoding="utf-8")

    first = _import(db, path, "interactions")
    assert (first.rows_read, first.created, first.skipped, first.customers_created) == (4, 4, 0, 1)
    assert first.balanced()
    stored = _rows(db, "SELECT customer_id, occurred_at, channel, summary, outcome FROM interaction ORDER BY id")
    assert [r[1:] for r in stored[:3]] == [
        ("2024-05-01 10:00:00.000000", "wechat", "问欧包价格", "已报价"),
        ("2024-05-01 10:00:00.000000", "wechat", "问欧包价格", "已报价"),
        ("2024-05-03 15:30:00.000000", "phone", "确认生日蛋糕", "下单")]
    assert {r[0] for r in stored[:3]} == {zhang}
    assert _rows(db, f"SELECT last_contact_at FROM customer WHERE id = {zhang}") == [("2024-05-03 15:30:00.000000",)]

    again = _import(db, path, "interactions")
    assert (again.created, again.skipped, again.customers_created) == (0, 4, 0)
    assert len(_rows(db, "SELECT id FROM interaction")) == 4

    # a changed summary is another conversation
    path.write_text("手机,沟通时间,沟通方式,沟通内容\n13812345678,2024-05-01 10:00,微信,问欧包和吐司的价格\n",
                    encoding="utf-8")
    assert _import(db, path, "interactions").created == 1


def test_survey_answers_import_once_and_undo_frees_them_for_the_next_import(db: Database, tmp_path: Path) -> None:
    customers.create(db, CustomerInput(name="李娜", phones=["13800001111"]))
    before = _everything(db)
    path = tmp_path / "问卷.csv"
    path.write_text("手机,提交时间,问卷类型,评分,评价\n"
                    "13800001111,2024-05-02,NPS,9,蛋糕很好吃\n"
                    "13800001111,2024-05-02,CSAT,5,\n"
                    "13800001111,2024-05-02,CSAT,5,\n"
                    "13800001111,2024-05-09,CSAT,7,\n", encoding="utf-8")

    first = _import(db, path, "surveys")
    assert (first.created, first.rejected) == (3, 1)
    assert "CSAT score is 1 to 5" in first.rejects[0].reason and first.rejects[0].row == 5
    assert sorted(_rows(db, "SELECT kind, score, comment FROM survey_response")) == [
        ("csat", 5, None), ("csat", 5, None), ("nps", 9, "蛋糕很好吃")]

    again = _import(db, path, "surveys")
    assert (again.created, again.skipped, again.rejected) == (0, 3, 1)
    assert again.balanced()

    batches.undo_batch(db, first.batch_id, now=NOW)
    assert _everything(db)[1:-1] == before[1:-1]  # all but the schema's and the import history's rows
    assert _import(db, path, "surveys").created == 3


def _customers_csv(path: Path, count: int) -> Path:
    lines = ["会员号,姓名,手机,城市"]
    lines += [f"M{i:05d},客户{i:05d},1{3 + i % 7}{i:09d},杭州" for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_big_file_checked_or_cancelled_leaves_schema_and_rows_exactly_as_they_were(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Big imports set the search trigger and indexes aside while they write; nothing of that may leak."""
    monkeypatch.setattr(customer_import, "WRITE_CHUNK", 500)  # several chunks, each indexed in the background
    customers.create(db, CustomerInput(name="王老板", phones=["13700000000"], city="宁波"))
    before = _everything(db)
    people = _customers_csv(tmp_path / "c.csv", BULK_ROWS + 200)

    dry = _import(db, people, "customers", dry_run=True)
    assert dry.created == BULK_ROWS + 200
    assert _everything(db) == before

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        if done == total:  # the last report: everything is written, only the commit is left
            raise Cancelled

    with pytest.raises(Cancelled):
        _import(db, people, "customers", progress=cancel)
    assert _everything(db) == before

    def cancel_midway(done: int, total: int) -> None:
        if done == 1000:  # two chunks written, the second perhaps still being indexed in the background
            raise Cancelled

    with pytest.raises(Cancelled):
        _import(db, people, "customers", progress=cancel_midway)
    assert _everything(db) == before

    report = _import(db, people, "customers")
    assert report.created == BULK_ROWS + 200
    assert _everything(db)[0] == before[0]  # triggers and indexes are back, as they were
    with db.session() as session:
        found = list(session.scalars(customer_ids_statement(CustomerQuery(text="客户01111"))))
        assert len(found) == 1
        assert list(session.scalars(customer_ids_statement(CustomerQuery(text="180 0000 1111")))) == found
        assert len(list(session.scalars(customer_ids_statement(CustomerQuery(text="kehu"))))) == BULK_ROWS + 200

    orders = tmp_path / "o.csv"
    orders.write_text("订单号,会员号,下单时间,金额\n" + "".join(
        f"T{i:05d},M{i % 50:05d},2024-0{1 + i % 5}-1{i % 10} 10:00,{10 + i % 90}.50\n" for i in range(BULK_ROWS + 300)),
        encoding="utf-8")
    settled = _everything(db)
    assert _import(db, orders, "orders", dry_run=True).created == BULK_ROWS + 300
    assert _everything(db) == settled
    with pytest.raises(Cancelled):
        _import(db, orders, "orders", progress=cancel)
    assert _everything(db) == settled
    done = _import(db, orders, "orders")
    assert done.created == BULK_ROWS + 300 and _everything(db)[0] == before[0]
    counts = _rows(db, "SELECT c.order_count, (SELECT count(*) FROM \"order\" o WHERE o.customer_id = c.id "
                       "AND o.status = 'paid') FROM customer c JOIN customer_ref r ON r.customer_id = c.id "
                       "WHERE r.ref < 'M00050'")
    assert len(counts) == 50 and all(cached == actual > 0 for cached, actual in counts)
    assert _import(db, orders, "orders").skipped == BULK_ROWS + 300


@pytest.mark.parametrize(("kind", "header", "cells"), [
    ("interactions", "沟通时间,沟通方式,沟通内容", "2024-05-01 10:00,微信,问欧包价格"),
    ("surveys", "提交时间,类型,评分", "2024-05-01 10:00,NPS,9"),
])
def test_a_record_naming_a_customer_whose_phone_differs_is_a_conflict_not_theirs(
        db: Database, tmp_path: Path, kind: str, header: str, cells: str) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    path = tmp_path / f"{kind}.csv"
    path.write_text(f"客户姓名,手机,邮箱,{header}\n张伟,13900000000,,{cells}\n张伟,,zw@,{cells}\n",
                    encoding="utf-8")
    report = _import(db, path, kind)
    assert [(c.row, c.customer_id, c.field, c.existing, c.incoming) for c in report.conflicts] == [
        (2, zhang, "phone", "138 1234 5678", "139 0000 0000")]
    assert [(p.row, p.value) for p in report.left_out] == [(3, "zw@")]  # a name alone is his: the row is kept
    assert (report.created, report.rejected, report.customers_created) == (2, 0, 1)
    table = {"interactions": "interaction", "surveys": "survey_response"}[kind]
    owners = [cid for (cid,) in _rows(db, f"SELECT customer_id FROM {table} ORDER BY id")]
    assert owners[0] != zhang and owners[1] == zhang


def test_a_conversation_attached_to_a_namesake_is_found_again_when_its_file_comes_back(
        db: Database, tmp_path: Path) -> None:
    zhang, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    path = tmp_path / "interactions.csv"
    path.write_text("客户姓名,手机,沟通时间,沟通方式,沟通内容\n张伟,13900000000,2024-05-01 10:00,微信,问欧包价格\n"
                    "张伟,13900000001,2024-05-02 10:00,电话,问吐司\n", encoding="utf-8")
    source = open_source(path)
    chosen = mapping.guess("interactions", source.headers, source.preview)
    first = run_import(db, source, ImportOptions("interactions", chosen, take_incoming=frozenset({(2, "phone")})),
                       now=NOW)
    assert (first.created, first.customers_created, len(first.conflicts)) == (2, 1, 2)
    owners = _rows(db, "SELECT customer_id FROM interaction ORDER BY id")

    again = run_import(db, source, ImportOptions("interactions", chosen), now=NOW)  # nothing chosen this time
    assert (again.created, again.skipped, again.customers_created, again.conflicts) == (0, 2, 0, [])
    assert _rows(db, "SELECT customer_id FROM interaction ORDER BY id") == owners and owners[0] == (zhang,)
    assert len(_rows(db, "SELECT id FROM customer")) == 2
