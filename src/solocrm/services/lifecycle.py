"""A customer's derived figures: lifecycle stage (domain.md 5) and membership tier (7).

Stages are never typed by hand.  ``refresh`` recomputes the cached columns on
``customer`` from orders and records every stage change on the timeline;
``restage`` moves the stored stages along with time (a customer churns with no
write in between), run whenever a database is opened, at midnight in the app,
and when churn days or the currency change.
Only orders in the business's currency (Settings) count: an order in another
currency is kept and shown with it, but adding it would mix two monies, so no
figure (spend, count, stage, membership, analytics) includes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    DateTime,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.analytics import rfm
from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerChange, Order, Setting, SurveyResponse, utcnow

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
    """One customer's stage (the customer page, the demo); ``stage_expression`` is the same rule in SQL."""
    if stats.order_count == 0 or stats.last_order_at is None:
        return "prospect"
    if (as_of - stats.last_order_at).days > churn_days:
        return "churned"
    r, f, m = rfm_of(stats, as_of)
    if rfm.tier(r, f, m) == "high" or (is_promoter and stats.orders_12m >= 4):
        return "loyal"
    return "new" if stats.order_count == 1 else "repeat"


def stats_statement(as_of: datetime, customer_ids: Iterable[int] | None, currency: str) -> Select:
    """Each customer's paid orders in ``currency`` (the business's) up to ``as_of``: count, sums, first and last."""
    year_ago = as_of - timedelta(days=365)
    in_year = (Order.ordered_at > year_ago) & (Order.ordered_at <= as_of)
    stmt = (
        select(
            Order.customer_id,
            func.count().label("order_count"),
            func.sum(Order.amount_minor).label("total_spent_minor"),
            func.min(Order.ordered_at).label("first_order_at"),
            func.max(Order.ordered_at).label("last_order_at"),
            func.sum(case((in_year, 1), else_=0)).label("orders_12m"),
            func.sum(case((in_year, Order.amount_minor), else_=0)).label("spent_12m_minor"),
        )
        .where(Order.status == "paid", Order.ordered_at <= as_of, Order.currency == currency)
        .group_by(Order.customer_id)
    )
    if customer_ids is not None:
        stmt = stmt.where(_among(Order.customer_id, customer_ids))
    return stmt


def _among(column: ColumnElement[int], ids: Iterable[int]) -> ColumnElement[bool]:
    """``column IN ids`` with the ids written into the SQL: an import refreshes 20,000 customers at a time,
    and one statement naming them twice as parameters would pass SQLite's limit of 32,766."""
    return column.in_(bindparam(None, list(ids), expanding=True, literal_execute=True))


def promoter_statement(customer_ids: Iterable[int] | None) -> Select:
    """Customers whose latest NPS answer is 9 or 10."""
    latest = (
        select(SurveyResponse.customer_id, func.max(SurveyResponse.responded_at).label("at"))
        .where(SurveyResponse.kind == "nps")
        .group_by(SurveyResponse.customer_id)
    )
    if customer_ids is not None:
        latest = latest.where(_among(SurveyResponse.customer_id, customer_ids))
    latest = latest.subquery()
    return select(SurveyResponse.customer_id).join(
        latest,
        (latest.c.customer_id == SurveyResponse.customer_id) & (latest.c.at == SurveyResponse.responded_at),
    ).where(SurveyResponse.kind == "nps", SurveyResponse.score >= 9).distinct()


def promoters(session: Session, customer_ids: Iterable[int] | None) -> set[int]:
    return set(session.scalars(promoter_statement(customer_ids)))


@dataclass(frozen=True)
class StageInputs:
    """The SQL columns ``stage_expression`` reads: the same figures ``stage_of`` takes, from wherever they live."""

    order_count: ColumnElement[int]
    last_order_at: ColumnElement[datetime]
    orders_12m: ColumnElement[int]
    spent_12m_minor: ColumnElement[int]
    is_promoter: ColumnElement[bool]


def stage_expression(inputs: StageInputs, as_of: datetime, churn_days: int) -> ColumnElement[str]:
    """``stage_of`` in SQL, so every customer is staged in one statement.

    Whole days compare as moments: ``(as_of - last).days > n`` holds exactly when
    ``last <= as_of - (n + 1) days``, so the boundaries agree with ``stage_of``
    to the microsecond without date arithmetic in SQL.
    """
    last, orders_12m, spent_12m = inputs.last_order_at, inputs.orders_12m, inputs.spent_12m_minor
    recency = case(*((last > _days_before(as_of, limit), score) for limit, score in rfm.RECENCY_DAYS), else_=1)
    frequency = case(*((orders_12m >= limit, score) for limit, score in rfm.FREQUENCY_ORDERS), else_=1)
    monetary = case(*((spent_12m >= limit * 100, score) for limit, score in rfm.MONETARY_MAJOR), else_=1)
    high_floor = {name: floor for floor, name in rfm.TIER_FLOORS}["high"]
    return case(
        (inputs.order_count == 0, "prospect"),
        (last <= _days_before(as_of, churn_days), "churned"),
        ((recency + frequency + monetary >= high_floor) | (inputs.is_promoter & (orders_12m >= 4)), "loyal"),
        (inputs.order_count == 1, "new"),
        else_="repeat",
    )


def _days_before(as_of: datetime, days: int) -> datetime:
    """The latest moment that is more than ``days`` whole days before ``as_of``."""
    return as_of - timedelta(days=days + 1)


_FRESH = Table(  # one refresh's changed rows, so the history and the update read them without computing twice
    "fresh_figures", MetaData(),
    Column("id", Integer, primary_key=True),
    Column("old_stage", String),
    Column("stage", String),
    Column("order_count", Integer),
    Column("total_spent_minor", Integer),
    Column("first_order_at", DateTime),
    Column("last_order_at", DateTime),
    prefixes=["TEMPORARY"],
)


def refresh(
    session: Session,
    churn_days: int,
    customer_ids: Iterable[int] | None = None,
    as_of: datetime | None = None,
    log_changes: bool = True,
) -> int:
    """Recompute cached figures from orders, and the stage, for ``customer_ids`` (all when None).

    Returns how many stages changed.  Stage changes are written to the
    customer's history so the timeline shows when someone became loyal or churned.
    Orders only change through a write, which calls this for its customers;
    what time alone changes, ``restage`` catches up on without reading every order.
    """
    as_of = as_of or utcnow()
    ids = None if customer_ids is None else list(customer_ids)
    stats = stats_statement(as_of, ids, settings.stored(session, "currency")).subquery("stats")
    promoter = promoter_statement(ids).subquery("promoter")
    inputs = StageInputs(func.coalesce(stats.c.order_count, 0), stats.c.last_order_at,
                         func.coalesce(stats.c.orders_12m, 0), func.coalesce(stats.c.spent_12m_minor, 0),
                         promoter.c.customer_id.is_not(None))
    stage = stage_expression(inputs, as_of, churn_days)
    total = func.coalesce(stats.c.total_spent_minor, 0)
    fresh = (
        select(Customer.id, Customer.stage, stage, inputs.order_count, total, stats.c.first_order_at,
               stats.c.last_order_at)
        .select_from(Customer)
        .outerjoin(stats, stats.c.customer_id == Customer.id)
        .outerjoin(promoter, promoter.c.customer_id == Customer.id)
        .where((Customer.stage != stage) | (Customer.order_count != inputs.order_count)
               | (Customer.total_spent_minor != total)
               | Customer.first_order_at.is_distinct_from(stats.c.first_order_at)
               | Customer.last_order_at.is_distinct_from(stats.c.last_order_at))
    )
    if ids is not None:
        fresh = fresh.where(_among(Customer.id, ids))
    return _apply(session, fresh, as_of, log_changes)


# When the stored stages were last brought up to date: kept in the setting table, though not a preference.
STAGED_AS_OF = "stages_staged_as_of"


def restage(session: Session, churn_days: int, as_of: datetime | None = None) -> int:
    """Bring every stored stage up to ``as_of``, and to ``churn_days``; returns how many changed.

    Between two writes only time moves a stage: the last order ages (churned,
    a lower recency score) and orders leave the 12-month window (lower F and M);
    an order dated ahead starts to count.  So the cached order figures are
    reused, and the 12-month sums are read only for customers who could be
    loyal: those stored as loyal whose scores could have dropped since the last
    restage (time takes loyalty away, never gives it) and those stored as
    churned who come back because churn days were raised.  The daily run on
    100,000 customers takes a fraction of a second.  A clock set back recounts
    everyone from their orders, as a write would.
    """
    as_of = as_of or utcnow()
    stored = session.scalar(select(Setting.value).where(Setting.key == STAGED_AS_OF))
    since = None if stored is None else datetime.fromisoformat(json.loads(stored))
    if since is not None and as_of < since:
        moved = refresh(session, churn_days, as_of=as_of)
    else:
        moved = _restage(session, churn_days, as_of, since)
        if since is not None:
            dated_ahead = list(session.scalars(select(Order.customer_id).distinct()
                                               .where(Order.ordered_at > since, Order.ordered_at <= as_of)))
            if dated_ahead:
                moved += refresh(session, churn_days, dated_ahead, as_of)
    session.merge(Setting(key=STAGED_AS_OF, value=json.dumps(as_of.isoformat())))
    return moved


def _restage(session: Session, churn_days: int, as_of: datetime, since: datetime | None) -> int:
    """The customers whose stage time (or new churn days) can have moved since ``since`` (all when None)."""
    year_ago, churn_cutoff = as_of - timedelta(days=365), _days_before(as_of, churn_days)
    last = Customer.last_order_at
    comes_back = (Customer.stage == "churned") & (last > churn_cutoff)
    may_lose_loyalty = Customer.stage == "loyal"
    if since is not None:  # only if a recency limit was crossed or an order left the 12 months since then
        crossed = or_(*((last > _days_before(since, limit)) & (last <= _days_before(as_of, limit))
                        for limit, _score in rfm.RECENCY_DAYS))
        left_year = Customer.id.in_(select(Order.customer_id).where(
            Order.ordered_at > since - timedelta(days=365), Order.ordered_at <= year_ago))
        may_lose_loyalty = may_lose_loyalty & (crossed | left_year)
    maybe_loyal = select(Customer.id).where(may_lose_loyalty | comes_back, Customer.order_count >= 2,
                                            last > year_ago, last > churn_cutoff)
    in_year = (
        select(Order.customer_id, func.count().label("orders"), func.sum(Order.amount_minor).label("spent"))
        .where(Order.customer_id.in_(maybe_loyal), Order.status == "paid", Order.ordered_at > year_ago,
               Order.ordered_at <= as_of, Order.currency == settings.stored(session, "currency"))
        .group_by(Order.customer_id)
        .subquery("in_year")
    )
    promoter = promoter_statement(None).subquery("promoter")
    inputs = StageInputs(Customer.order_count, last, func.coalesce(in_year.c.orders, 0),
                         func.coalesce(in_year.c.spent, 0), promoter.c.customer_id.is_not(None))
    stage = stage_expression(inputs, as_of, churn_days)
    may_move = may_lose_loyalty | comes_back | ((Customer.stage != "churned") & (last <= churn_cutoff))
    fresh = (
        select(Customer.id, Customer.stage, stage, Customer.order_count, Customer.total_spent_minor,
               Customer.first_order_at, last)
        .select_from(Customer)
        .outerjoin(in_year, in_year.c.customer_id == Customer.id)
        .outerjoin(promoter, promoter.c.customer_id == Customer.id)
        .where(may_move, Customer.stage != stage)
    )
    return _apply(session, fresh, as_of, log_changes=True, figures=False)


def _apply(session: Session, fresh: Select, as_of: datetime, log_changes: bool, figures: bool = True) -> int:
    """Store the rows of ``fresh`` (id, old stage, new stage, order figures) and log stage changes.

    ``figures`` False stores the stage alone: rewriting unchanged order figures
    would still rewrite their index entries, the better part of the work.
    """
    conn = session.connection()
    # Kept, empty, on the connection: a DROP would be undone with a failed unit of work while the
    # CREATE (outside SQLite's transaction) stayed, and the next refresh would find the table there.
    _FRESH.create(conn, checkfirst=True)
    conn.execute(delete(_FRESH))
    conn.execute(insert(_FRESH).from_select([c.name for c in _FRESH.columns], fresh))
    moved = _FRESH.c.stage != _FRESH.c.old_stage
    if log_changes:
        changed = conn.execute(insert(CustomerChange).from_select(
            ["customer_id", "field", "old_value", "new_value", "changed_at"],
            select(_FRESH.c.id, literal("stage"), _FRESH.c.old_stage, _FRESH.c.stage,
                   literal(as_of, DateTime)).where(moved),
        )).rowcount
    else:
        changed = conn.scalar(select(func.count()).select_from(_FRESH).where(moved))
    names = ("stage", "order_count", "total_spent_minor", "first_order_at", "last_order_at") if figures \
        else ("stage",)
    conn.execute(  # visits only the changed customers, by id
        update(Customer).where(Customer.id.in_(select(_FRESH.c.id)))
        .values({name: select(_FRESH.c[name]).where(_FRESH.c.id == Customer.id).scalar_subquery()
                 for name in names})
    )
    conn.execute(delete(_FRESH))
    return changed


# Settings the stored figures follow: the currency picks which orders count, churn days when a customer churned.
FIGURE_SETTINGS = frozenset({"currency"})
STAGE_SETTINGS = frozenset({"churn_days"})


def follow_settings(session: Session, keys: Iterable[str], as_of: datetime | None = None) -> int:
    """After settings ``keys`` were saved in ``session``: bring what depends on them up to date at once.

    Returns how many stages changed.  A new currency recounts every customer's
    orders (rare, and a few seconds on 100,000); new churn days only restage.
    """
    keys = set(keys)
    if not keys & (FIGURE_SETTINGS | STAGE_SETTINGS):
        return 0
    churn_days = settings.stored(session, "churn_days")
    if keys & FIGURE_SETTINGS:
        return refresh(session, churn_days, as_of=as_of)
    return restage(session, churn_days, as_of=as_of)


def update_stages(db: Database, now: datetime | None = None) -> int:
    """``restage`` in a unit of work of its own: what the app runs on open and at midnight, and every command."""
    with db.session() as session:
        return restage(session, settings.stored(session, "churn_days"), as_of=now)
