"""Opening a customer page: ``timeline.load`` for a customer with 500 timeline items.

The demo's customers have at most a few hundred orders and no long task or
change history, so the bench adds one long-standing customer with exactly 500
items of every kind.  The customer is found again by name on a reused
database, so repeated runs measure the same thing.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select

from bench.common import Context, Result, log, median, percentile, timed_ms
from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerChange, Interaction, Order, SurveyResponse, Task
from solocrm.services import customers, lifecycle, timeline
from solocrm.services.customers import CustomerInput

TARGET_MS = 150.0
NAME = "基准测试客户（500条记录）"
# (orders, interactions, surveys, tasks, changes); "created" makes the 500th change
MIX = (250, 150, 50, 30, 19)
REPEATS = 20


def _add_history(db: Database, customer_id: int, now: datetime) -> None:
    rng = random.Random(500)
    orders, interactions, surveys, tasks, changes = MIX

    def at(days: int) -> datetime:
        return now - timedelta(days=rng.uniform(1, days))

    with db.session() as session:
        conn = session.connection()
        first_order = (conn.scalar(select(func.coalesce(func.max(Order.id), 0))) or 0) + 1
        conn.execute(insert(Order), [
            {"id": first_order + i, "customer_id": customer_id, "ordered_at": at(720),
             "amount_minor": rng.choice((1800, 16800, 26800, 88000)), "product": "欧包", "channel": "门店",
             "status": "refunded" if i % 30 == 0 else "paid", "created_at": now}
            for i in range(orders)])
        conn.execute(insert(Interaction), [
            {"customer_id": customer_id, "occurred_at": at(720), "channel": "wechat", "direction": "in",
             "summary": "咨询生日蛋糕", "outcome": "已下单"} for _ in range(interactions)])
        conn.execute(insert(SurveyResponse), [
            {"customer_id": customer_id, "responded_at": at(700), "kind": ("csat", "nps")[i % 2],
             "score": 4 if i % 2 == 0 else 9, "comment": "味道很好", "order_id": first_order + i}
            for i in range(surveys)])
        conn.execute(insert(Task), [
            {"customer_id": customer_id, "title": "回访", "due_at": at(400), "recurrence": "none",
             "done_at": None if i % 3 else now, "created_at": now} for i in range(tasks)])
        conn.execute(insert(CustomerChange), [
            {"customer_id": customer_id, "changed_at": at(700), "field": "city", "old_value": "上海",
             "new_value": "杭州"} for _ in range(changes)])
        lifecycle.refresh(session, 180, [customer_id], as_of=now, log_changes=False)


def _long_customer(db: Database, now: datetime) -> int:
    with db.session() as session:
        found = session.scalar(select(Customer.id).where(Customer.name == NAME))
    if found is not None:
        return found
    log("  timeline: adding a customer with 500 timeline items")
    customer_id, _ = customers.create(db, CustomerInput(name=NAME, phones=["13900000500"], tags=["VIP"]))
    _add_history(db, customer_id, now)
    return customer_id


def _typical_customer(db: Database) -> int:
    """The customer with the median number of orders: the everyday page."""
    with db.session() as session:
        total = session.scalar(select(func.count()).select_from(Customer))
        return session.scalar(select(Customer.id).order_by(Customer.order_count, Customer.id)
                              .offset(total // 2).limit(1))


def run(ctx: Context) -> list[Result]:
    db = Database.open(ctx.db_path, lock=False)
    try:
        customer_id = _long_customer(db, ctx.now)
        def load(cid: int) -> timeline.CustomerPage:
            return timeline.load(db, cid, now=ctx.now)

        items = len(load(customer_id).items)
        if items != sum(MIX) + 1:
            log(f"  timeline: expected {sum(MIX) + 1} items, page has {items}")
        typical = _typical_customer(db)
        baseline = median([timed_ms(lambda: load(typical)) for _ in range(REPEATS)])
        ms = [timed_ms(lambda: load(customer_id)) for _ in range(REPEATS)]
        return [
            Result("timeline_500_items_median", median(ms), "ms", TARGET_MS, baseline),
            Result("timeline_500_items_p95", percentile(ms, 95), "ms", TARGET_MS, baseline),
        ]
    finally:
        db.close()
