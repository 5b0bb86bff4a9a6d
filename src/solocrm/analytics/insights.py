"""One customer's analytics for their page: RFM, stage, CLV both ways, P(alive), satisfaction history.

The models are the business's (fitted on every customer, shared with the
Analytics page through the cache); this only reads one customer's row out of
them, so after the first customer the rest are instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from solocrm.analytics import btyd, panel, rfm, snapshot
from solocrm.analytics.frames import DAY
from solocrm.db.database import Database
from solocrm.errors import NotFound
from solocrm.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class SurveyPoint:
    day: date  # local
    kind: str  # csat | nps
    score: int
    comment: str | None


@dataclass(frozen=True)
class CustomerInsights:
    customer_id: int
    as_of_day: date
    has_ordered: bool
    r: int
    f: int
    m: int
    tier: str | None  # None for a prospect
    weighted_score: float | None
    stage: str
    simple_clv: float | None  # major units
    simple_clv_reason: str | None
    purchase_days: int  # distinct days with a paid order
    predictive_clv: float | None  # major units over the horizon
    p_alive: float | None
    expected_purchases: float | None  # purchase days expected within the horizon
    horizon_days: int
    predictive_unfit: btyd.Unfit | None
    surveys: tuple[SurveyPoint, ...]  # oldest first, up to the as-of date


def customer_insights(db: Database, customer_id: int, as_of: datetime,
                      utc_offset: int | None = None) -> CustomerInsights:
    """Everything the customer page's analytics box shows, as of ``as_of`` (naive UTC)."""
    ctx = panel.context(db, as_of, utc_offset)
    i = ctx.data.index_of(customer_id)
    if i is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
    snap, standing, models = ctx.snap, ctx.standing, ctx.models
    ordered = bool(snap.has_ordered[i])
    r, f, m = int(standing.r[i]), int(standing.f[i]), int(standing.m[i])

    row = np.searchsorted(models.positions, i)
    in_model = row < len(models.positions) and models.positions[row] == i
    predictive = alive = expected = None
    purchase_days = 0
    if in_model:
        s = models.summary
        purchase_days = int(s.frequency[row]) + 1
        if models.p_alive is not None:
            alive = float(models.p_alive[row])
            expected = float(btyd.expected_purchases(models.bgnbd.params, models.horizon_days, s.frequency[row:row + 1],
                                                     s.recency[row:row + 1], s.T[row:row + 1])[0])
        if models.clv is not None:
            predictive = float(models.clv[row])
    simple = None if np.isnan(ctx.simple_clv[i]) else float(ctx.simple_clv[i])
    reason = None
    if ctx.annual_churn is None:
        reason = ("Nobody was an active customer a year earlier, so there is no annual churn rate to estimate "
                  "a customer's lifetime from.")
    elif not ordered:
        reason = "No orders yet."

    data = ctx.data
    answered = (data.survey_customer == i) & (data.survey_ts <= ctx.at)
    epoch = date(1970, 1, 1)
    surveys = tuple(
        SurveyPoint(epoch + timedelta(days=int(ts // DAY)), "nps" if is_nps else "csat", int(score), comment)
        for ts, is_nps, score, comment in zip(data.survey_ts[answered], data.survey_nps[answered],
                                              data.survey_score[answered], data.survey_comment[answered])
    )
    return CustomerInsights(
        customer_id=customer_id,
        as_of_day=epoch + timedelta(days=ctx.at // DAY),
        has_ordered=ordered,
        r=r, f=f, m=m,
        tier=rfm.TIERS[standing.tier[i]] if ordered else None,
        weighted_score=rfm.weighted_score(r, f, m) if ordered else None,
        stage=snapshot.STAGES[standing.stage[i]],
        simple_clv=simple,
        simple_clv_reason=reason,
        purchase_days=purchase_days,
        predictive_clv=predictive,
        p_alive=alive,
        expected_purchases=expected,
        horizon_days=models.horizon_days,
        predictive_unfit=models.unfit if ordered else None,
        surveys=surveys,
    )
