"""The business metrics of domain.md section 3, over a period, for a set of customers.

Each figure is ``None`` when there is nothing to compute it from (no answers,
nobody active at the start): a "0 %" there would be a lie the owner might act on.
Only paid orders count as orders; refunded ones are reported apart.

Words used below, all at an instant and from paid orders up to it:
active = has ordered and the last order is at most ``churn_days`` whole days
old; churned = has ordered and is not active; new during a period = the
first order falls inside it.

Retention is the share of customers active at the start still active at the
end.  domain.md writes it (active at end - new) / active at start, which
counts the same customers only when everyone active at the end was there
at the start or is new: a new customer who lapsed within a long period, or
a lapsed one who came back, pushed it below 0 % (-4.4 % on the demo shop) or
above 100 %.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from solocrm.analytics.frames import DAY, Frames
from solocrm.analytics.snapshot import YEAR, Snapshot, take


@dataclass(frozen=True)
class Assumptions:
    """The user-adjustable defaults behind the figures (domain.md: thresholds are settings)."""

    churn_days: int = 180
    gross_margin: float = 1.0  # share of revenue that is profit, for CLV
    lifetime_cap_years: float = 5.0  # simple CLV never assumes a longer customer life
    horizon_days: int = 365  # predictive CLV looks this far ahead
    annual_discount: float = 0.10  # money next year is worth this much less

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> "Assumptions":
        """Read from ``settings.load`` (Settings page: churn, margin, lifetime cap, horizon, discount)."""
        return cls(
            churn_days=int(values["churn_days"]),
            gross_margin=float(values["gross_margin_pct"]) / 100,
            lifetime_cap_years=float(values["clv_lifetime_cap_years"]),
            horizon_days=int(round(float(values["clv_horizon_months"]) * 365 / 12)),
            annual_discount=float(values["clv_discount_pct"]) / 100,
        )


@dataclass(frozen=True)
class Window:
    """A period in local seconds, both ends included."""

    start: int
    end: int

    @property
    def days(self) -> int:
        return (self.end - self.start) // DAY + 1


@dataclass(frozen=True)
class Csat:
    responses: int
    satisfied: int  # scored 4 or 5
    score_pct: float | None
    mean: float | None


@dataclass(frozen=True)
class Nps:
    responses: int
    promoters: int  # 9-10
    passives: int  # 7-8
    detractors: int  # 0-6
    promoters_pct: float | None
    passives_pct: float | None
    detractors_pct: float | None
    score: float | None  # promoters % - detractors %, -100..100


@dataclass(frozen=True)
class SimpleClv:
    mean: float | None  # major units, over customers who bought in the 12 months before the instant
    customers: int
    annual_churn_rate: float | None
    lifetime_years: float | None
    reason: str | None  # why ``mean`` is None


@dataclass(frozen=True)
class Kpis:
    customers_total: int
    customers_active: int  # active at the end of the period
    customers_new: int
    customers_churned: int  # active at the start, churned by the end
    active_at_start: int
    revenue_minor: int
    refunds_minor: int
    orders: int
    aov_minor: float | None
    csat: Csat
    nps: Nps
    repurchase_rate: float | None
    churn_rate: float | None
    retention_rate: float | None
    referral_rate: float | None
    clv: SimpleClv


@dataclass(frozen=True)
class KpiIds:
    """Customer positions (indexes into the frames) behind the counts, for drill-down."""

    total: np.ndarray
    active: np.ndarray
    new: np.ndarray
    churned: np.ndarray
    buyers: np.ndarray
    repeat_buyers: np.ndarray
    referrers: np.ndarray


def _ratio(part: float, whole: float) -> float | None:
    return None if whole == 0 else float(part) / float(whole)


def csat(scores: np.ndarray) -> Csat:
    n = len(scores)
    satisfied = int(np.count_nonzero(scores >= 4))
    pct = _ratio(100.0 * satisfied, n)
    return Csat(n, satisfied, pct, float(scores.mean()) if n else None)


def nps(scores: np.ndarray) -> Nps:
    n = len(scores)
    promoters = int(np.count_nonzero(scores >= 9))
    detractors = int(np.count_nonzero(scores <= 6))
    passives = n - promoters - detractors
    pp, dp, sp = (_ratio(100.0 * k, n) for k in (promoters, detractors, passives))
    score = None if pp is None or dp is None else pp - dp
    return Nps(n, promoters, passives, detractors, pp, sp, dp, score)


def survey_scores(frames: Frames, window: Window, members: np.ndarray, is_nps: bool) -> np.ndarray:
    chosen = ((frames.survey_nps == is_nps) & (frames.survey_ts >= window.start) & (frames.survey_ts <= window.end)
              & members[frames.survey_customer])
    return frames.survey_score[chosen]


def annual_churn_rate(frames: Frames, at: int, churn_days: int) -> float | None:
    """Churn rate over the 365 days up to ``at``, over every customer (a property of the business)."""
    start, end = take(frames, at - YEAR), take(frames, at)
    was_active = start.active(churn_days)
    return _ratio(float(np.count_nonzero(was_active & end.churned(churn_days))), float(np.count_nonzero(was_active)))


def simple_clv(frames: Frames, snap: Snapshot, members: np.ndarray, assumptions: Assumptions,
               churn_rate: float | None) -> tuple[SimpleClv, np.ndarray]:
    """Average order value x orders per year x lifetime x margin, per customer (major units).

    Average order value and orders per year both come from the 365 days up to
    the snapshot, so their product is the customer's spend in that year.
    Lifetime is 1 / annual churn rate, capped; with no churn it is the cap.
    Returns the summary and each customer's value (NaN where it has no meaning).
    """
    per_customer = np.full(frames.customers, np.nan)
    buyers = members & (snap.orders_12m > 0)
    if churn_rate is None:
        return SimpleClv(None, int(np.count_nonzero(buyers)), None, None,
                         "Nobody was an active customer a year earlier, so there is no annual churn rate "
                         "to estimate a customer's lifetime from."), per_customer
    lifetime = assumptions.lifetime_cap_years if churn_rate == 0 else min(1 / churn_rate,
                                                                          assumptions.lifetime_cap_years)
    ordered = snap.has_ordered
    per_customer[ordered] = snap.spent_12m[ordered] / 100.0 * lifetime * assumptions.gross_margin
    count = int(np.count_nonzero(buyers))
    mean = float(per_customer[buyers].mean()) if count else None
    reason = None if count else "No customer bought in the 12 months before this date."
    return SimpleClv(mean, count, churn_rate, lifetime, reason), per_customer


def kpis(frames: Frames, members: np.ndarray, window: Window, assumptions: Assumptions) -> tuple[Kpis, KpiIds]:
    """Every headline figure for ``members`` (a boolean mask over customers) in ``window``."""
    churn_days = assumptions.churn_days
    before, after = take(frames, window.start - 1), take(frames, window.end)
    exists = members & ((frames.created <= window.end) | after.has_ordered)
    active_start = members & before.active(churn_days)
    active_end = members & after.active(churn_days)
    new = members & (after.first >= window.start)
    churned = active_start & after.churned(churn_days)

    in_period = (frames.order_ts >= window.start) & (frames.order_ts <= window.end) & members[frames.order_customer]
    paid = in_period & frames.order_paid
    revenue = int(frames.order_amount[paid].sum())
    refunds = int(frames.order_amount[in_period & ~frames.order_paid].sum())
    orders = int(np.count_nonzero(paid))
    per_customer = np.bincount(frames.order_customer[paid], minlength=frames.customers)
    buyers = per_customer >= 1
    repeat_buyers = per_customer >= 2

    referrers = np.zeros(frames.customers, dtype=bool)
    referred_new = (frames.referrer >= 0) & (after.first >= window.start)
    referrers[frames.referrer[referred_new]] = True
    referrers &= exists

    total = int(np.count_nonzero(exists))
    n_start = int(np.count_nonzero(active_start))
    n_end = int(np.count_nonzero(active_end))
    n_new = int(np.count_nonzero(new))
    clv, _values = simple_clv(frames, after, members, assumptions,
                              annual_churn_rate(frames, window.end, churn_days))
    figures = Kpis(
        customers_total=total,
        customers_active=n_end,
        customers_new=n_new,
        customers_churned=int(np.count_nonzero(churned)),
        active_at_start=n_start,
        revenue_minor=revenue,
        refunds_minor=refunds,
        orders=orders,
        aov_minor=_ratio(revenue, orders),
        csat=csat(survey_scores(frames, window, members, is_nps=False)),
        nps=nps(survey_scores(frames, window, members, is_nps=True)),
        repurchase_rate=_ratio(np.count_nonzero(repeat_buyers), np.count_nonzero(buyers)),
        churn_rate=_ratio(np.count_nonzero(churned), n_start),
        retention_rate=_ratio(np.count_nonzero(active_start & active_end), n_start),
        referral_rate=_ratio(np.count_nonzero(referrers), total),
        clv=clv,
    )
    ids = KpiIds(*(np.flatnonzero(mask) for mask in (exists, active_end, new, churned, buyers, repeat_buyers,
                                                       referrers)))
    return figures, ids
