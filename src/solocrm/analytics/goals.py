"""Goals (domain.md 8): which metrics a goal can track, and how far along each goal is.

A goal's metric is measured over the ``window_days`` before the day it is
looked at, over every customer, with exactly the panel's definitions.
Progress is the share of the way from baseline to target (it works the same
for goals that go down, like churn), compared with the share of time gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from solocrm.analytics import metrics, panel
from solocrm.db.database import Database


@dataclass(frozen=True)
class GoalMetric:
    label: str  # English; the UI shows its own translation
    unit: str  # pct | points | money | count
    needs_threshold: bool = False


METRICS: dict[str, GoalMetric] = {
    "repurchase_rate": GoalMetric("Repurchase rate", "pct"),
    "churn_rate": GoalMetric("Churn rate", "pct"),
    "retention_rate": GoalMetric("Retention rate", "pct"),
    "referral_rate": GoalMetric("Referral rate", "pct"),
    "csat": GoalMetric("CSAT", "pct"),
    "nps": GoalMetric("NPS", "points"),
    "revenue": GoalMetric("Revenue", "money"),
    "average_order_value": GoalMetric("Average order value", "money"),
    "active_customers": GoalMetric("Active customers", "count"),
    "new_customers": GoalMetric("New customers", "count"),
    "average_clv": GoalMetric("Average CLV (simple)", "money"),
    "clv_share": GoalMetric("Share of customers with CLV at least", "pct", needs_threshold=True),
}


@dataclass(frozen=True)
class GoalSpec:
    """What progress needs from a stored goal."""

    id: int
    metric: str
    baseline: float
    target: float
    deadline: date
    window_days: int
    threshold_minor: int | None
    created: date
    note: str | None = None


@dataclass(frozen=True)
class GoalProgress:
    goal: GoalSpec
    current: float | None  # in the metric's unit; None when there is nothing to measure
    progress: float | None  # 0 at baseline, 1 at target (may go below 0 or above 1)
    expected: float  # share of the time from creation to deadline that has gone
    status: str  # achieved | on_track | behind | missed | no_data


def _pct(value: float | None) -> float | None:
    return None if value is None else value * 100


def measure(ctx: panel.Context, metric: str, window: metrics.Window, threshold_minor: int | None) -> float | None:
    """The metric's current value in its display unit."""
    everyone = np.ones(ctx.data.customers, dtype=bool)
    k, _ids = metrics.kpis(ctx.data, everyone, window, ctx.assumptions)
    if metric == "clv_share":
        buyers = ctx.snap.orders_12m > 0
        if ctx.annual_churn is None or not np.any(buyers):
            return None
        return float(np.mean(ctx.simple_clv[buyers] >= (threshold_minor or 0) / 100.0) * 100)
    values = {
        "repurchase_rate": _pct(k.repurchase_rate),
        "churn_rate": _pct(k.churn_rate),
        "retention_rate": _pct(k.retention_rate),
        "referral_rate": _pct(k.referral_rate),
        "csat": k.csat.score_pct,
        "nps": k.nps.score,
        "revenue": k.revenue_minor / 100.0,
        "average_order_value": None if k.aov_minor is None else k.aov_minor / 100.0,
        "active_customers": float(k.customers_active),
        "new_customers": float(k.customers_new),
        "average_clv": k.clv.mean,
    }
    return values[metric]


def _status(goal: GoalSpec, current: float | None, progress: float | None, expected: float, today: date) -> str:
    if current is None or progress is None:
        return "no_data"
    if progress >= 1:
        return "achieved"
    if today > goal.deadline:
        return "missed"
    return "on_track" if progress >= expected else "behind"


def progress(db: Database, goals: list[GoalSpec], as_of: datetime, utc_offset: int | None = None) -> list[GoalProgress]:
    """Where each goal stands as of ``as_of`` (naive UTC)."""
    if not goals:
        return []
    ctx = panel.context(db, as_of, utc_offset)
    today = panel.local_date(as_of, ctx.utc_offset)
    result = []
    for goal in goals:
        start = panel.local_seconds(today - timedelta(days=goal.window_days - 1))
        window = metrics.Window(start, ctx.at)
        current = measure(ctx, goal.metric, window, goal.threshold_minor)
        span = (goal.deadline - goal.created).days
        expected = 1.0 if span <= 0 else min(max((today - goal.created).days / span, 0.0), 1.0)
        moved = None
        if current is not None and goal.target != goal.baseline:
            moved = (current - goal.baseline) / (goal.target - goal.baseline)
        result.append(GoalProgress(goal, current, moved, expected, _status(goal, current, moved, expected, today)))
    return result
