"""A customer's own analytics: the customer page's RFM, stage, CLV, P(alive) and satisfaction history."""

from __future__ import annotations

from datetime import date

import pytest

from solocrm.analytics import btyd, panel
from solocrm.analytics.insights import SurveyPoint, customer_insights
from solocrm.errors import NotFound
from solocrm.services import timeline
from tests.analytics_support import AS_OF_DAY, NOW, build_shop, simulated_shop


def test_a_repeat_customer(db) -> None:
    ids = build_shop(db)
    a = customer_insights(db, ids["A"], panel.end_of_day(AS_OF_DAY, 0), utc_offset=0)
    assert (a.r, a.f, a.m, a.tier, a.stage) == (4, 2, 1, "low", "repeat")  # 31 days, 3 orders, ¥600 in 12 months
    assert a.weighted_score == pytest.approx(0.4 * 4 + 0.3 * 2 + 0.3 * 1)
    assert a.purchase_days == 3
    assert a.surveys == (SurveyPoint(date(2026, 4, 15), "csat", 5, None),
                         SurveyPoint(date(2026, 4, 15), "nps", 9, "Lovely cakes"))
    # six customers are too few for the models: no numbers, and the reason
    assert a.predictive_clv is None and a.p_alive is None
    assert a.predictive_unfit.code == "too_few_customers"
    assert a.simple_clv is None and "a year earlier" in a.simple_clv_reason


def test_a_single_order_customer_and_a_prospect(db) -> None:
    ids = build_shop(db)
    as_of = panel.end_of_day(AS_OF_DAY, 0)
    d = customer_insights(db, ids["D"], as_of, utc_offset=0)
    assert (d.stage, d.purchase_days, d.tier) == ("new", 1, "low")
    g = customer_insights(db, ids["G"], as_of, utc_offset=0)  # first order two days after the as-of date
    assert (g.has_ordered, g.tier, g.stage, g.weighted_score, g.predictive_unfit) == (False, None, "prospect", None, None)
    assert g.surveys == ()  # the answer came after the as-of date


def test_insights_agree_with_the_customer_file(db) -> None:
    """The page shows both: the analytics box and the key figures must tell the same RFM and stage."""
    ids = build_shop(db)
    for cid in ids.values():
        figures = timeline.load(db, cid, now=NOW).figures
        mine = customer_insights(db, cid, NOW, utc_offset=0)
        assert (mine.r, mine.f, mine.m, mine.stage) == (figures.rfm_r, figures.rfm_f, figures.rfm_m, figures.stage)


def test_fitted_models_give_each_customer_their_own_prediction(db) -> None:
    simulated_shop(db)
    as_of = panel.end_of_day(date(2026, 6, 1), 0)
    p = panel.compute(db, panel.Query(as_of, date(2025, 6, 2), date(2026, 6, 1), utc_offset=0))
    assert p.predictive.unfit is None and p.risk
    top = p.risk[0]
    mine = customer_insights(db, top.customer_id, as_of, utc_offset=0)
    assert mine.p_alive == pytest.approx(top.p_alive)
    assert mine.predictive_clv == pytest.approx(top.clv)
    assert 0 < mine.p_alive <= 1 and mine.expected_purchases > 0
    bg = p.predictive.bgnbd.params
    assert isinstance(bg, btyd.BgNbdParams)


def test_missing_customer_is_not_found(db) -> None:
    build_shop(db)
    with pytest.raises(NotFound):
        customer_insights(db, 999, NOW, utc_offset=0)
