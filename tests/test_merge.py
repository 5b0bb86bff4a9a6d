"""The Duplicates tool: groups found in the database, merged field by field, and undone exactly."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from solocrm.db.database import Database
from solocrm.importing import batches, dedupe, merge
from solocrm.services import customers, interactions, orders, tasks
from solocrm.services.customers import CustomerInput
from solocrm.services.interactions import InteractionInput
from solocrm.services.orders import OrderInput

NOW = datetime(2024, 6, 1, 9, 0)


def _dump(db: Database) -> list[list[tuple]]:
    conn = sqlite3.connect(db.path)
    try:
        return [conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall()
                for t in ("customer", "customer_phone", "customer_email", "customer_tag", "customer_change", "order",
                          "interaction", "custom_field_value")]
    finally:
        conn.close()


def test_groups_by_phone_email_and_similar_names_in_the_same_place(db: Database) -> None:
    a, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"]))
    b, _ = customers.create(db, CustomerInput(name="Zhang Wei", phones=["+86 138 1234 5678"]))
    c, _ = customers.create(db, CustomerInput(name="王芳", emails=["wf@qq.com"]))
    d, _ = customers.create(db, CustomerInput(name="王芳芳", emails=["WF@qq.com"]))
    e, _ = customers.create(db, CustomerInput(name="陳東", city="杭州"))
    f, _ = customers.create(db, CustomerInput(name="东陈", city="杭州"))
    customers.create(db, CustomerInput(name="陈东", city="北京"))
    groups = {g.customer_ids: g.reason for g in dedupe.find_groups(db)}
    assert groups == {(a, b): "same phone", (c, d): "same email", (e, f): "similar name, same city"}


def test_namesakes_in_a_city_do_not_join_a_pair_that_shares_an_email(db: Database) -> None:
    a, _ = customers.create(db, CustomerInput(name="王欣", emails=["wx@qq.com"], city="杭州"))
    b, _ = customers.create(db, CustomerInput(name="王欣", emails=["WX@qq.com"], city="杭州"))
    c, _ = customers.create(db, CustomerInput(name="王鑫", city="杭州"))
    d, _ = customers.create(db, CustomerInput(name="王馨", city="杭州"))
    e, _ = customers.create(db, CustomerInput(name="王欣", city="杭州", phones=["13700000000"]))
    groups = [(g.customer_ids, g.reason) for g in dedupe.find_groups(db)]
    assert groups == [((a, b), "same email"),  # strong evidence, and only the two who share it
                      ((a, b, e), "similar name, same city"),  # the same characters: smaller, so first
                      ((a, b, c, d, e), "similar name, same city")]  # the same pinyin


def test_namesakes_with_their_own_phone_numbers_are_marked_and_listed_after_the_likely_ones(db: Database) -> None:
    a, _ = customers.create(db, CustomerInput(name="李娜", city="杭州", phones=["13800000001"]))
    b, _ = customers.create(db, CustomerInput(name="李娜", city="杭州", phones=["13900000002"]))
    c, _ = customers.create(db, CustomerInput(name="刘洋", city="杭州", phones=["13700000003"]))
    d, _ = customers.create(db, CustomerInput(name="刘洋", city="杭州"))  # entered again without a phone
    groups = [(g.customer_ids, g.namesakes) for g in dedupe.find_groups(db)]
    assert groups == [((c, d), False), ((a, b), True)]


def test_merge_keeps_every_record_and_undo_restores_everything(db: Database) -> None:
    keep, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"], city="杭州", tags=["VIP"]))
    other, _ = customers.create(db, CustomerInput(name="張偉", phones=["13900000000"], emails=["zw@qq.com"],
                                                   city="宁波", company="青禾", tags=["老客"],
                                                   custom={"鞋码": "42"}))
    orders.add_order(db, keep, OrderInput(ordered_at=datetime(2024, 1, 1), amount_minor=1000), now=NOW)
    orders.add_order(db, other, OrderInput(ordered_at=datetime(2024, 2, 1), amount_minor=2000), now=NOW)
    interactions.add_interaction(db, other, InteractionInput(occurred_at=datetime(2024, 2, 2), channel="wechat",
                                                             summary="问价格"), now=NOW)
    before = _dump(db)

    plan = merge.plan(db, [keep, other])
    assert {c.field for c in plan.choices} == {"name", "city"}
    assert plan.united["phones"] == ("+8613812345678", "+8613900000000")
    assert (plan.moved["order"], plan.moved["interaction"]) == (1, 1)

    batch_id, _changes = merge.merge(db, keep, [other], {"city": other}, now=NOW)
    merged = customers.load_input(db, keep)
    assert (merged.name, merged.city, merged.company) == ("张伟", "宁波", "青禾")
    assert merged.phones == ["138 1234 5678", "139 0000 0000"] and merged.emails == ["zw@qq.com"]
    assert merged.tags == ["VIP", "老客"] and merged.custom == {"鞋码": "42"}
    conn = sqlite3.connect(db.path)
    assert conn.execute('SELECT count(*), sum(amount_minor) FROM "order" WHERE customer_id = ?', (keep,)).fetchone() \
        == (2, 3000)
    assert conn.execute("SELECT order_count, stage FROM customer WHERE id = ?", (keep,)).fetchone() == (2, "repeat")
    assert conn.execute("SELECT count(*) FROM customer WHERE id = ?", (other,)).fetchone() == (0,)

    batches.undo_batch(db, batch_id, now=NOW)
    assert _dump(db) == before


def test_tasks_move_with_the_merge(db: Database) -> None:
    keep, _ = customers.create(db, CustomerInput(name="A", phones=["13812345678"]))
    other, _ = customers.create(db, CustomerInput(name="B", phones=["13812345678"]))
    task_id, _ = tasks.create(db, tasks.TaskInput(title="回访", due_at=NOW, customer_id=other))
    merge.merge(db, keep, [other], now=NOW)
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT customer_id FROM task WHERE id = ?", (task_id,)).fetchone() == (keep,)
