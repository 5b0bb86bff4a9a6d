"""The customer page: header facts, key figures, and the merged history newest first."""

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import event, insert

from solocrm import settings
from solocrm.db.models import Interaction, Task
from solocrm.errors import NotFound
from solocrm.services import customers, interactions, orders, surveys, timeline
from solocrm.services.customers import CustomerInput
from solocrm.services.interactions import InteractionInput
from solocrm.services.orders import OrderInput
from solocrm.services.surveys import SurveyInput

NOW = datetime(2026, 6, 15, 9, 0)


def _kinds(page):
    return [(item.kind, item.at) for item in page.items]


def test_header_shows_the_customer_file(db):
    referrer, _ = customers.create(db, CustomerInput(name="李四"))
    cid, _ = customers.create(db, CustomerInput(
        name="张三", company="好味道烘焙", title="店长", phones=["13812345678", "+85291234567"],
        emails=["zs@example.com"], wechat_id="zs_wx", city="杭州", region="浙江", tags=["VIP", "老客"],
        notes="喜欢抹茶", personal_details="女儿 6 岁", preferred_channel="wechat", preferred_hours="晚上",
        consent_marketing=True, birthday=date(1990, 5, 1), referred_by_id=referrer, source_channel="抖音",
        custom={"鞋码": "42"}))
    h = timeline.load(db, cid, now=NOW).header
    assert (h.id, h.name, h.company, h.title, h.kind) == (cid, "张三", "好味道烘焙", "店长", "person")
    assert h.phones == ("138 1234 5678", "+852 9123 4567")
    assert (h.emails, h.wechat_id, h.city, h.region) == (("zs@example.com",), "zs_wx", "杭州", "浙江")
    assert h.tags == ("VIP", "老客")
    assert (h.notes, h.personal_details, h.preferred_channel, h.preferred_hours) == ("喜欢抹茶", "女儿 6 岁",
                                                                                    "wechat", "晚上")
    assert (h.consent_marketing, h.birthday, h.archived) == (True, date(1990, 5, 1), False)
    assert (h.referred_by_id, h.referred_by_name, h.source_channel) == (referrer, "李四", "抖音")
    assert h.custom == {"鞋码": "42"}


def test_key_figures_count_paid_orders_only(db):
    cid, _ = customers.create(db, CustomerInput(name="张三"))
    empty = timeline.load(db, cid, now=NOW).figures
    assert (empty.paid_order_count, empty.total_spent_minor, empty.average_order_minor) == (0, 0, None)
    assert (empty.stage, empty.membership_tier, empty.last_order_at) == ("prospect", "regular", None)
    for day, amount, status in ((1, 100000, "paid"), (5, 50001, "paid"), (10, 900000, "refunded")):
        orders.add_order(db, cid, OrderInput(datetime(2026, 6, day), amount, status=status), now=NOW)
    f = timeline.load(db, cid, now=NOW).figures
    assert (f.paid_order_count, f.total_spent_minor, f.average_order_minor) == (2, 150001, 75001)
    assert (f.last_order_at, f.stage, f.membership_tier, f.currency) == (datetime(2026, 6, 5), "repeat",
                                                                         "silver", "CNY")
    assert (f.rfm_r, f.rfm_f, f.rfm_m, f.rfm_tier) == (5, 2, 2, "medium")
    later = timeline.load(db, cid, now=NOW + timedelta(days=200)).figures
    assert (later.stage, later.rfm_r, later.rfm_tier) == ("churned", 1, "low")
    settings.save(db, {"member_silver": 500, "member_gold": 1_500})  # the shop's own tiers (Settings)
    assert timeline.load(db, cid, now=NOW).figures.membership_tier == "gold"  # ¥1,500.01 spent


def test_items_merge_every_record_newest_first(db):
    cid, _ = customers.create(db, CustomerInput(name="张三", city="上海", phones=["13812345678"]))
    oid, _ = orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1), 128050, product="生日蛋糕", quantity=2,
                                                  channel="门店"), now=NOW)
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 2), 5000, product="面包", status="refunded"), now=NOW)
    interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 6, 3), "phone", "in", "问价格", "下单"),
                                 now=NOW)
    surveys.add_survey(db, cid, SurveyInput(datetime(2026, 6, 4), "nps", 9, "很好吃", order_id=oid), now=NOW)
    with db.session() as s:
        s.execute(insert(Task), [
            {"customer_id": cid, "title": "回访", "due_at": datetime(2026, 6, 20)},
            {"customer_id": cid, "title": "送优惠券", "due_at": datetime(2026, 6, 1),
             "done_at": datetime(2026, 6, 6)},
        ])
    data = customers.load_input(db, cid)
    data.city, data.phones = "杭州", ["13900001111"]
    customers.update_customer(db, cid, data)

    items = timeline.load(db, cid, now=NOW).items
    by_kind = {}
    for item in items:
        by_kind.setdefault(item.kind, []).append(item)
    assert [i.at for i in items] == sorted((i.at for i in items), reverse=True)

    (order,) = by_kind["order"]
    assert (order.record_id, order.title, order.amount_minor) == (oid, "生日蛋糕", 128050)
    assert order.fields["quantity"] == 2 and order.fields["channel"] == "门店"
    (refund,) = by_kind["refund"]
    assert (refund.title, refund.amount_minor) == ("面包", 5000)
    (talk,) = by_kind["interaction"]
    assert (talk.title, talk.detail) == ("问价格", "下单")
    assert dict(talk.fields) == {"channel": "phone", "direction": "in"}
    (answer,) = by_kind["survey"]
    assert (answer.detail, dict(answer.fields)) == ("很好吃", {"kind": "nps", "score": 9, "order_id": oid})
    due, done = by_kind["task"]
    assert (due.at, due.title, due.fields["done_at"]) == (datetime(2026, 6, 20), "回访", None)
    assert (done.at, done.title) == (datetime(2026, 6, 6), "送优惠券")
    assert [s.fields["new"] for s in by_kind["stage"]] == ["new"]
    changes = {c.fields["field"]: (c.fields["old"], c.fields["new"]) for c in by_kind["change"]}
    assert changes == {"city": ("上海", "杭州"), "phones": ("138 1234 5678", "139 0000 1111"),
                       "created": (None, "张三")}
    # the record changes were made today (real clock), after everything dated above; the open task is ahead
    assert [i.kind for i in items] == ["change"] * 3 + ["task", "stage", "task", "survey", "interaction",
                                                        "refund", "order"]


def test_referrer_changes_show_names(db):
    old_ref, _ = customers.create(db, CustomerInput(name="老王"))
    new_ref, _ = customers.create(db, CustomerInput(name="小李"))
    cid, _ = customers.create(db, CustomerInput(name="张三", referred_by_id=old_ref))
    data = customers.load_input(db, cid)
    data.referred_by_id = new_ref
    customers.update_customer(db, cid, data)
    (change,) = [i for i in timeline.load(db, cid).items if i.fields.get("field") == "referred_by_id"]
    assert (change.fields["old"], change.fields["new"]) == ("老王", "小李")


def test_limit_keeps_the_newest_items(db):
    cid, _ = customers.create(db, CustomerInput(name="张三"))
    for day in range(1, 11):
        orders.add_order(db, cid, OrderInput(datetime(2026, 5, day), 1000), now=NOW)
        interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 5, day, 12), "wechat", summary="x"),
                                     now=NOW)
    full = timeline.load(db, cid, now=NOW).items
    newest = timeline.load(db, cid, limit=5, now=NOW).items
    assert newest == full[:5]


def test_missing_customer_is_not_found(db):
    with pytest.raises(NotFound):
        timeline.load(db, 12345)


def test_500_items_load_with_a_fixed_number_of_queries(db):
    cid, _ = customers.create(db, CustomerInput(name="大客户", tags=["B2B"]))
    start = datetime(2025, 1, 1)
    for i in range(250):
        orders.add_order(db, cid, OrderInput(start + timedelta(days=i), 1000 + i), now=NOW)
    with db.session() as s:
        s.execute(insert(Interaction), [
            {"customer_id": cid, "occurred_at": start + timedelta(days=i, hours=6), "channel": "wechat",
             "direction": "out", "summary": f"第{i}次"} for i in range(249)
        ])
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    page = timeline.load(db, cid, now=NOW)
    # "created", one stage change, 250 orders, 249 interactions; no query per item.
    assert len(page.items) == 501
    assert page.items[-1].kind == "order" and page.items[-1].at == start
    assert page.figures.paid_order_count == 250
    assert len(statements) <= 15
