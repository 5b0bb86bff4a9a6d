"""A small shop with hand-computed figures, shared by the analytics tests.

As of 2026-06-10 (end of day, UTC), period 2026-04-01 to 2026-06-10, churn after 180 days:

  A  paid 2025-12-01 100, 2026-04-10 200, 2026-05-10 300    active at start and end; bought twice
  B  paid 2025-09-01 50                                     churned before the period (211 days at start)
  C  paid 2025-11-01 80                                     active at start (150 days), churned by the end
  D  paid 2026-05-01 120, refunded 2026-05-02 120           new in the period; referred by A
  E  no orders                                              a prospect
  G  paid 2026-06-12 999 (after the as-of date)             so still a prospect as of 2026-06-10

Survey answers in the period: CSAT 5 (A), 3 (C), 4 (D); NPS 9 (A), 6 (C), 7 (D, "物流慢").
Outside it: CSAT 1 (B, February), NPS 10 (G, after the as-of date).
Every time is 12:00 UTC, so any time zone within UTC-12..+11 keeps the same dates.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from sqlalchemy import insert, update

from solocrm.analytics import panel
from solocrm.db.database import Database
from solocrm.db.models import Customer, Order
from solocrm.services import customers, orders, surveys
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.services.surveys import SurveyInput

NOW = datetime(2026, 6, 15, 12)
AS_OF_DAY = date(2026, 6, 10)
START, END = date(2026, 4, 1), date(2026, 6, 10)


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=12)


def build_shop(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name in "ABCDEG":
        ids[name], _ = customers.create(db, CustomerInput(name=name, city="杭州" if name in "AC" else "上海",
                                                          tags=["VIP"] if name == "A" else []))
    with db.session() as s:
        s.execute(update(Customer).values(created_at=datetime(2025, 1, 1)))
        s.execute(update(Customer).where(Customer.id == ids["D"]).values(referred_by_id=ids["A"]))
    for name, day, amount, status in (
        ("A", "2025-12-01", 10000, "paid"), ("A", "2026-04-10", 20000, "paid"), ("A", "2026-05-10", 30000, "paid"),
        ("B", "2025-09-01", 5000, "paid"), ("C", "2025-11-01", 8000, "paid"),
        ("D", "2026-05-01", 12000, "paid"), ("D", "2026-05-02", 12000, "refunded"),
        ("G", "2026-06-12", 99900, "paid"),
    ):
        orders.add_order(db, ids[name], OrderInput(ordered_at=at(day), amount_minor=amount, status=status), now=NOW)
    for name, day, kind, score, comment in (
        ("A", "2026-04-15", "csat", 5, None), ("A", "2026-04-15", "nps", 9, "Lovely cakes"),
        ("C", "2026-05-01", "csat", 3, None), ("C", "2026-05-01", "nps", 6, None),
        ("D", "2026-05-03", "csat", 4, None), ("D", "2026-05-03", "nps", 7, "物流慢"),
        ("B", "2026-02-01", "csat", 1, "物流慢"), ("G", "2026-06-12", "nps", 10, None),
    ):
        surveys.add_survey(db, ids[name], SurveyInput(responded_at=at(day), kind=kind, score=score, comment=comment),
                           now=NOW)
    return ids


def shop_query(segment: panel.Segment = panel.Segment()) -> panel.Query:
    return panel.Query(panel.end_of_day(AS_OF_DAY, 0), START, END, segment, utc_offset=0)


def simulated_shop(db, customers: int = 300) -> None:
    """Customers who buy and drop out the way BG/NBD assumes, with their own typical spend (Gamma-Gamma)."""
    rng = np.random.default_rng(11)
    start = datetime(2025, 1, 1, 12)
    rows = []
    for cid in range(1, customers + 1):
        rate, dropout, spend = rng.gamma(0.8, 1 / 25), rng.beta(1.0, 4.0), rng.gamma(3.0, 60.0)
        day = float(rng.integers(0, 300))
        while day <= 516:
            rows.append({"customer_id": cid, "ordered_at": start + timedelta(days=day),
                         "amount_minor": int(rng.gamma(6.0, spend / 6.0) * 100) + 100})
            if rng.random() < dropout:
                break
            day += rng.exponential(1 / rate)
    with db.session() as s:
        s.execute(insert(Customer), [{"id": i, "name": f"客户{i}"} for i in range(1, customers + 1)])
        s.execute(insert(Order), rows)
