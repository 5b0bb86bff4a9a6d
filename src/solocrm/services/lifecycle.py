"""A customer's derived figures: lifecycle stage (domain.md 5) and membership tier (7).

Stages are never typed by hand.  ``refresh`` recomputes the cached columns on
``customer`` from orders and records every stage change on the timeline.
Only orders in the business's currency (Settings) count: an order in another
currency is kept and shown with it, but adding it would mix two monies, so no
figure (spend, count, stage, membership, analytics) includes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.analytics import rfm
from solocrm.db.models import Customer, CustomerChange, Order, SurveyResponse, utcnow

STAGES = ("prospect", "new", "repeat", "loyal", "churned")

MEMBERSHIP_TIERS = ("diamond", "gold", "silver")  # highest first; below silver a customer is "regular"


@dataclass(frozen=True)
class OrderStats:
    order_count: int
    total_spent_minor: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    orders_12m: int
    spent_12m_minor: int


def membership_tier(total_spent_minor: int, prefs: Mapping[str, Any]) -> str:
    """The highest tier whose threshold (``settings``: member_silver / _gold / _diamond, major units) is reached."""
    for key in MEMBERSHIP_TIERS:
        if total_spent_minor >= prefs[f"member_{key}"] * 100:
            return key
    return "regular"


def rfm_of(stats: OrderStats, as_of: datetime) -> tuple[int, int, int]:
    days = None if stats.last_order_at is None else (as_of - stats.last_order_at).days
    return (
        rfm.recency_score(days),
        rfm.frequency_score(stats.orders_12m),
        rfm.monetary_score(stats.spent_12m_minor),
    )


def stage_of(stats: OrderStats, as_of: datetime, churn_days: int, is_promoter: bool) -> str:
    if stats.order_count == 0 or stats.last_order_at is None:
        return "prospect"
    if (as_of - stats.last_order_at).days > churn_days:
        return "churned"
    r, f, m = rfm_of(stats, as_of)
    if rfm.tier(r, f, m) == "high" or (is_promoter and stats.orders_12m >= 4):
        return "loyal"
    return "new" if stats.order_count == 1 else "repeat"


def stats_statement(as_of: datetime, customer_ids: Iterable[int] | None, currency: str):
    """Each customer's paid orders in ``currency`` (the business's) up to ``as_of``: count, sums, first and last."""
    year_ago = as_of - timedelta(days=365)
    in_year = (Order.ordered_at > year_ago) & (Order.ordered_at <= as_of)
    stmt = (
        select(
            Order.customer_id,
            func.count(),
            func.sum(Order.amount_minor),
            func.min(Order.ordered_at),
            func.max(Order.ordered_at),
            func.sum(case((in_year, 1), else_=0)),
            func.sum(case((in_year, Order.amount_minor), else_=0)),
        )
        .where(Order.status == "paid", Order.ordered_at <= as_of, Order.currency == currency)
        .group_by(Order.customer_id)
    )
    if customer_ids is not None:
        stmt = stmt.where(Order.customer_id.in_(list(customer_ids)))
    return stmt


def promoters(session: Session, customer_ids: Iterable[int] | None) -> set[int]:
    """Customers whose latest NPS answer is 9 or 10."""
    latest = (
        select(SurveyResponse.customer_id, func.max(SurveyResponse.responded_at).label("at"))
        .where(SurveyResponse.kind == "nps")
        .group_by(SurveyResponse.customer_id)
    )
    if customer_ids is not None:
        latest = latest.where(SurveyResponse.customer_id.in_(list(customer_ids)))
    latest = latest.subquery()
    stmt = select(SurveyResponse.customer_id).join(
        latest,
        (latest.c.customer_id == SurveyResponse.customer_id) & (latest.c.at == SurveyResponse.responded_at),
    ).where(SurveyResponse.kind == "nps", SurveyResponse.score >= 9)
    return set(session.scalars(stmt))


def refresh(
    session: Session,
    churn_days: int,
    customer_ids: Iterable[int] | None = None,
    as_of: datetime | None = None,
    log_changes: bool = True,
) -> int:
    """Recompute cached figures and stage for ``customer_ids`` (all when None).

    Returns how many stages changed.  Stage changes are written to the
    customer's history so the timeline shows when someone became loyal or churned.
    """
    as_of = as_of or utcnow()
    ids = None if customer_ids is None else list(customer_ids)
    stats = {
        row[0]: OrderStats(row[1], row[2] or 0, row[3], row[4], row[5] or 0, row[6] or 0)
        for row in session.execute(stats_statement(as_of, ids, settings.stored(session, "currency")))
    }
    promoter_ids = promoters(session, ids)
    current_stmt = select(Customer.id, Customer.stage, Customer.order_count, Customer.total_spent_minor,
                          Customer.last_order_at)
    if ids is not None:
        current_stmt = current_stmt.where(Customer.id.in_(ids))
    empty = OrderStats(0, 0, None, None, 0, 0)
    updates, changes = [], []
    for cid, old_stage, old_count, old_spent, old_last in session.execute(current_stmt):
        s = stats.get(cid, empty)
        new_stage = stage_of(s, as_of, churn_days, cid in promoter_ids)
        if (new_stage, s.order_count, s.total_spent_minor, s.last_order_at) != (
            old_stage, old_count, old_spent, old_last
        ):
            updates.append({
                "id": cid, "stage": new_stage, "order_count": s.order_count,
                "total_spent_minor": s.total_spent_minor, "first_order_at": s.first_order_at,
                "last_order_at": s.last_order_at,
            })
        if new_stage != old_stage and log_changes:
            changes.append({"customer_id": cid, "field": "stage", "old_value": old_stage,
                            "new_value": new_stage, "changed_at": as_of})
    if updates:
        session.execute(update(Customer), updates)
    if changes:
        session.execute(CustomerChange.__table__.insert(), changes)
    return len(changes)
