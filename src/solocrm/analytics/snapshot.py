"""Every customer's standing at one instant: orders so far, RFM scores, tier and lifecycle stage.

The same rules as ``services.lifecycle`` (which scores one customer at a time
for the customer file), applied to whole columns: a customer is churned when
their last paid order is more than ``churn_days`` whole days before the
instant, RFM looks at the 365 days up to it, and only paid orders count.
Orders after the instant do not exist for the snapshot, which is what makes
"as of" analysis honest.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solocrm.analytics import rfm
from solocrm.analytics.frames import DAY, Frames
from solocrm.services.lifecycle import STAGES

YEAR = 365 * DAY


@dataclass(frozen=True)
class Snapshot:
    at: int  # local seconds
    orders: np.ndarray  # paid orders up to ``at``
    first: np.ndarray  # local seconds of the first paid order, -1 for none
    last: np.ndarray  # local seconds of the last paid order, -1 for none
    orders_12m: np.ndarray
    spent_12m: np.ndarray  # minor units
    days_since_last: np.ndarray  # whole days, -1 for none

    @property
    def has_ordered(self) -> np.ndarray:
        return self.orders > 0

    def churned(self, churn_days: int) -> np.ndarray:
        return self.has_ordered & (self.days_since_last > churn_days)

    def active(self, churn_days: int) -> np.ndarray:
        return self.has_ordered & (self.days_since_last <= churn_days)


_MEMO_SIZE = 8  # a panel asks for about six instants; each snapshot of 100,000 customers is ~6 MB


def take(frames: Frames, at: int) -> Snapshot:
    """Every customer's standing at ``at``; a panel asks for the same few instants many times."""
    key = ("snapshot", at)
    snap = frames.memo.get(key)
    if snap is None:
        if len(frames.memo) >= _MEMO_SIZE:
            frames.memo.clear()
        snap = frames.memo[key] = _take(frames, at)
    return snap


def _take(frames: Frames, at: int) -> Snapshot:
    n = frames.customers
    chosen = frames.order_paid & (frames.order_ts <= at)
    who = frames.order_customer[chosen]
    when = frames.order_ts[chosen]
    orders = np.bincount(who, minlength=n)
    first = np.full(n, -1, dtype=np.int64)
    last = np.full(n, -1, dtype=np.int64)
    buyers = orders > 0
    # Orders are sorted by (customer, time), so each customer's run starts with the first order.
    ends = np.cumsum(orders)
    last[buyers] = when[ends[buyers] - 1]
    first[buyers] = when[ends[buyers] - orders[buyers]]
    recent = chosen & (frames.order_ts > at - YEAR)
    recent_who = frames.order_customer[recent]
    orders_12m = np.bincount(recent_who, minlength=n)
    spent_12m = np.bincount(recent_who, weights=frames.order_amount[recent], minlength=n).round().astype(np.int64)
    days = np.where(buyers, (at - last) // DAY, -1)
    return Snapshot(at, orders, first, last, orders_12m, spent_12m, days)


@dataclass(frozen=True)
class Standing:
    """RFM scores, tier and lifecycle stage of every customer at a snapshot."""

    r: np.ndarray  # int8 1-5
    f: np.ndarray
    m: np.ndarray
    tier: np.ndarray  # int8 index into rfm.TIERS; meaningful only where the customer has ordered
    stage: np.ndarray  # int8 index into STAGES


def promoters(frames: Frames, at: int) -> np.ndarray:
    """Customers whose latest NPS answer up to ``at`` is 9 or 10."""
    chosen = frames.survey_nps & (frames.survey_ts <= at)
    who = frames.survey_customer[chosen]
    score = frames.survey_score[chosen]
    # Answers are sorted by time: a customer's first row in the reversed list is their latest answer.
    customers, latest = np.unique(who[::-1], return_index=True)
    result = np.zeros(frames.customers, dtype=bool)
    result[customers] = score[::-1][latest] >= 9
    return result


def standing(frames: Frames, snap: Snapshot, churn_days: int) -> Standing:
    r = rfm.recency_scores(snap.days_since_last)
    f = rfm.frequency_scores(snap.orders_12m)
    m = rfm.monetary_scores(snap.spent_12m)
    tier = rfm.tiers(r, f, m)
    stage = np.full(frames.customers, STAGES.index("prospect"), dtype=np.int8)
    ordered = snap.has_ordered
    stage[ordered & (snap.orders == 1)] = STAGES.index("new")
    stage[ordered & (snap.orders >= 2)] = STAGES.index("repeat")
    loyal = (tier == rfm.TIERS.index("high")) | (promoters(frames, snap.at) & (snap.orders_12m >= 4))
    stage[ordered & loyal] = STAGES.index("loyal")
    stage[snap.churned(churn_days)] = STAGES.index("churned")
    return Standing(r, f, m, tier, stage)
