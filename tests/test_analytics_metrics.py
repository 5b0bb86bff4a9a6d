"""Every headline figure on small data computed by hand (see tests/analytics_support.py), with its edges."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from solocrm import settings as app_settings
from solocrm.analytics import metrics, panel, rfm, snapshot
from solocrm.services import customers, lifecycle, orders, surveys
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.services.surveys import SurveyInput
from tests.analytics_support import NOW, at, build_shop, shop_query


@pytest.fixture
def shop(db):
    return build_shop(db)


def test_customer_counts_follow_the_definitions(db, shop) -> None:
    p = panel.compute(db, shop_query())
    k = p.current
    assert k.customers_total == 6
    assert k.customers_active == 2  # A and D; C's last order is 221 days old
    assert k.customers_new == 1  # D: A's first order was in December
    assert k.active_at_start == 2  # A and C
    assert k.customers_churned == 1  # C
    assert p.customers("kpi:new") == {shop["D"]}
    assert p.customers("kpi:churned") == {shop["C"]}
    assert p.customers("kpi:active") == {shop["A"], shop["D"]}


def test_rates_follow_the_definitions(db, shop) -> None:
    k = panel.compute(db, shop_query()).current
    assert k.churn_rate == pytest.approx(1 / 2)  # C of A, C
    assert k.retention_rate == pytest.approx(1 / 2)  # A, still active at the end, of A, C
    assert k.repurchase_rate == pytest.approx(1 / 2)  # A bought twice of A, D
    assert k.referral_rate == pytest.approx(1 / 6)  # A referred D, who is new


def test_retention_counts_who_stayed_whatever_new_customers_did(db) -> None:
    # (active at end - new) / active at start would be (1 - 2) / 1 here: two new customers lapsed within the year.
    stayed, _ = customers.create(db, CustomerInput(name="老客"))
    for day in ("2025-05-01", "2026-06-01"):
        orders.add_order(db, stayed, OrderInput(ordered_at=at(day), amount_minor=5000), now=NOW)
    for name in ("新客一", "新客二"):
        cid, _ = customers.create(db, CustomerInput(name=name))
        orders.add_order(db, cid, OrderInput(ordered_at=at("2025-08-01"), amount_minor=3000), now=NOW)
    k = panel.compute(db, panel.Query(NOW, date(2025, 6, 15), date(2026, 6, 15), utc_offset=0)).current
    assert (k.active_at_start, k.customers_new, k.customers_active) == (1, 2, 1)
    assert k.retention_rate == 1.0 and k.churn_rate == 0.0


def test_revenue_counts_paid_orders_and_reports_refunds_apart(db, shop) -> None:
    k = panel.compute(db, shop_query()).current
    assert k.revenue_minor == 20000 + 30000 + 12000
    assert k.refunds_minor == 12000
    assert k.orders == 3
    assert k.aov_minor == pytest.approx(62000 / 3)


def test_csat_and_nps_count_only_answers_in_the_period(db, shop) -> None:
    k = panel.compute(db, shop_query()).current
    assert (k.csat.responses, k.csat.satisfied) == (3, 2)
    assert k.csat.score_pct == pytest.approx(200 / 3)
    assert k.csat.mean == pytest.approx(4.0)
    assert (k.nps.responses, k.nps.promoters, k.nps.passives, k.nps.detractors) == (3, 1, 1, 1)
    assert k.nps.promoters_pct == pytest.approx(100 / 3)
    assert k.nps.score == pytest.approx(0.0)


def test_orders_and_answers_after_the_as_of_date_do_not_exist(db, shop) -> None:
    p = panel.compute(db, shop_query())
    assert p.customers("stage:prospect") == {shop["E"], shop["G"]}  # G's first order is two days later
    assert shop["G"] not in p.customers("kpi:buyers")
    later = panel.compute(db, panel.Query(panel.end_of_day(date(2026, 6, 12), 0), date(2026, 4, 1),
                                          date(2026, 6, 12), utc_offset=0))
    assert later.current.revenue_minor == 62000 + 99900
    assert later.current.nps.responses == 4


def test_no_answers_gives_no_data_not_zero(db) -> None:
    cid, _ = customers.create(db, CustomerInput(name="只买不评"))
    orders.add_order(db, cid, OrderInput(ordered_at=at("2026-05-01"), amount_minor=5000), now=NOW)
    k = panel.compute(db, panel.Query(NOW, date(2026, 4, 1), date(2026, 6, 15), utc_offset=0)).current
    assert k.csat == metrics.Csat(0, 0, None, None)
    assert k.nps.responses == 0 and k.nps.score is None and k.nps.promoters_pct is None


def test_one_customer_with_a_single_order(db) -> None:
    cid, _ = customers.create(db, CustomerInput(name="一次客"))
    orders.add_order(db, cid, OrderInput(ordered_at=at("2026-05-01"), amount_minor=8800), now=NOW)
    p = panel.compute(db, panel.Query(NOW, date(2026, 4, 1), date(2026, 6, 15), utc_offset=0))
    k = p.current
    assert (k.customers_total, k.customers_active, k.customers_new) == (1, 1, 1)
    assert k.repurchase_rate == 0.0  # one buyer, no second order
    assert k.active_at_start == 0
    assert k.churn_rate is None and k.retention_rate is None  # nobody was active at the start
    assert k.aov_minor == 8800
    assert p.lifecycle["new"] == 1
    assert p.predictive.mean is None and p.predictive.unfit.code == "too_few_customers"
    assert p.risk == ()


def test_a_period_with_no_customers_at_its_start(db, shop) -> None:
    """Before the first order ever, churn and retention have nothing to divide by."""
    p = panel.compute(db, panel.Query(panel.end_of_day(date(2025, 10, 1), 0), date(2025, 8, 1), date(2025, 10, 1),
                                      utc_offset=0))
    k = p.current
    assert k.active_at_start == 0
    assert k.churn_rate is None and k.retention_rate is None
    assert k.customers_new == 1  # B
    assert p.before.revenue_minor == 0 and p.before.aov_minor is None


def test_the_previous_period_has_the_same_length(db, shop) -> None:
    p = panel.compute(db, shop_query())
    assert p.period == (date(2026, 4, 1), date(2026, 6, 10))
    assert p.previous == (date(2026, 1, 20), date(2026, 3, 31))  # 71 days each
    assert p.before.revenue_minor == 0
    assert p.before.csat.responses == 1  # B's February answer


def test_simple_clv_uses_the_annual_churn_rate_as_lifetime(db) -> None:
    """H and I were active a year ago; H churned since, so annual churn is 1/2 and a lifetime 2 years."""
    h, _ = customers.create(db, CustomerInput(name="H"))
    i, _ = customers.create(db, CustomerInput(name="I"))
    orders.add_order(db, h, OrderInput(ordered_at=at("2025-05-01"), amount_minor=30000), now=NOW)
    orders.add_order(db, i, OrderInput(ordered_at=at("2025-06-01"), amount_minor=20000), now=NOW)
    orders.add_order(db, i, OrderInput(ordered_at=at("2026-03-01"), amount_minor=50000), now=NOW)
    query = panel.Query(panel.end_of_day(date(2026, 6, 10), 0), date(2026, 4, 1), date(2026, 6, 10), utc_offset=0)
    clv = panel.compute(db, query).current.clv
    assert clv.annual_churn_rate == pytest.approx(0.5)
    assert clv.lifetime_years == pytest.approx(2.0)
    assert clv.customers == 1  # only I bought in the last 12 months
    assert clv.mean == pytest.approx(500.0 * 1 * 2.0)  # AOV 500 x 1 order a year x 2 years x 100 % margin


def test_simple_clv_without_a_year_of_history_says_why(db, shop) -> None:
    clv = panel.compute(db, shop_query()).current.clv
    assert clv.mean is None
    assert "a year earlier" in clv.reason


def test_lifetime_is_capped(db) -> None:
    """With nobody lost in a year, 1 / churn is infinite; the five-year cap applies."""
    cid, _ = customers.create(db, CustomerInput(name="常客"))
    for day in ("2025-05-01", "2025-09-01", "2026-01-01", "2026-05-01"):
        orders.add_order(db, cid, OrderInput(ordered_at=at(day), amount_minor=10000), now=NOW)
    clv = panel.compute(db, panel.Query(NOW, date(2026, 1, 1), date(2026, 6, 15), utc_offset=0)).current.clv
    assert clv.annual_churn_rate == 0.0
    assert clv.lifetime_years == 5.0
    assert clv.mean == pytest.approx(300.0 * 5)  # 3 orders of 100 in the last 12 months

    # The owner's own margin and cap, from the Settings page
    from solocrm.analytics import cache

    app_settings.save(db, {"gross_margin_pct": 60, "clv_lifetime_cap_years": 3, "clv_horizon_months": 6})
    cache.clear()  # as the GUI does when settings change
    p = panel.compute(db, panel.Query(NOW, date(2026, 1, 1), date(2026, 6, 15), utc_offset=0))
    assert p.current.clv.lifetime_years == 3.0
    assert p.current.clv.mean == pytest.approx(300.0 * 3 * 0.6)
    assert p.predictive.horizon_days == 182  # half a year ahead


def test_segments_narrow_every_figure(db, shop) -> None:
    hangzhou = panel.compute(db, shop_query(panel.Segment(cities=("杭州",))))
    assert hangzhou.current.customers_total == 2  # A and C
    assert hangzhou.current.revenue_minor == 50000
    vip = panel.compute(db, shop_query(panel.Segment(tags=("VIP",))))
    assert vip.customers("kpi:total") == {shop["A"]}
    churned = panel.compute(db, shop_query(panel.Segment(stages=("churned",))))
    assert churned.customers("kpi:total") == {shop["B"], shop["C"]}


def test_tiers_and_lifecycle_as_of_the_date(db, shop) -> None:
    p = panel.compute(db, shop_query())
    # A: R 31 days -> 4, F 3 orders -> 2, M 600 -> 1 = 7 low; B: R 1 F 1 M 1 = churned; C likewise (221 days);
    # D: R 40 days -> 4, F 1, M 1 = 6 low
    assert {row.tier: row.customers for row in p.tiers} == {"high": 0, "medium": 0, "low": 2, "churned": 2}
    assert p.customers("tier:low") == {shop["A"], shop["D"]}
    low = next(row for row in p.tiers if row.tier == "low")
    assert low.revenue_share == pytest.approx(1.0)
    assert p.lifecycle == {"prospect": 2, "new": 1, "repeat": 1, "loyal": 0, "churned": 2}


def test_nps_slices_and_phrases_drill_down_to_their_customers(db, shop) -> None:
    p = panel.compute(db, shop_query())
    assert p.customers("nps:promoters") == {shop["A"]}
    assert p.customers("nps:detractors") == {shop["C"]}
    texts = [row.text for row in p.phrases]
    assert "物流慢" in texts and "lovely cakes" in texts
    assert p.customers(f"phrase:{texts.index('物流慢')}") == {shop["D"]}  # B's February comment is outside


def test_revenue_series_adds_up_and_drills_down(db, shop) -> None:
    p = panel.compute(db, shop_query())
    assert p.series.granularity == "week"  # 71 days
    assert int(p.series.revenue_minor.sum()) == p.current.revenue_minor
    assert int(p.series.orders.sum()) == 3
    bucket = int(np.flatnonzero(p.series.revenue_minor == 30000)[0])
    assert p.customers(f"revenue:{bucket}") == {shop["A"]}


def test_cohorts_follow_first_order_months(db, shop) -> None:
    p = panel.compute(db, shop_query())
    months = list(p.cohorts.months)
    assert months[-1] == "2026-06"
    december = months.index("2025-12")  # A
    assert p.cohorts.sizes[december] == 1
    assert p.cohorts.rates[december][0] == 1.0
    assert p.cohorts.rates[december][4] == 1.0  # A bought again in April (4 months later)
    assert p.cohorts.rates[december][1] == 0.0
    assert np.isnan(p.cohorts.rates[december][7])  # July 2026 is after the as-of date
    assert p.customers(f"cohort:{december}:5") == {shop["A"]}


def test_churn_days_setting_changes_the_figures(db, shop) -> None:
    app_settings.save(db, {"churn_days": 365})
    k = panel.compute(db, shop_query()).current
    assert k.customers_active == 4  # B (282 days) and C (221 days) are active again
    assert k.customers_churned == 0


def test_the_cached_panel_follows_new_data(db, shop) -> None:
    first = panel.compute(db, shop_query())
    assert panel.compute(db, shop_query()) is first  # nothing changed: served from the cache
    orders.add_order(db, shop["E"], OrderInput(ordered_at=at("2026-06-01"), amount_minor=4200), now=NOW)
    second = panel.compute(db, shop_query())
    assert second is not first
    assert second.current.revenue_minor == first.current.revenue_minor + 4200


def test_editing_an_order_invalidates_the_cache(db, shop) -> None:
    first = panel.compute(db, shop_query())
    with db.session() as s:
        from sqlalchemy import select

        from solocrm.db.models import Order

        order_id = s.scalar(select(Order.id).where(Order.customer_id == shop["D"], Order.status == "paid"))
    orders.update_order(db, order_id, OrderInput(ordered_at=at("2026-05-01"), amount_minor=15000), now=NOW)
    assert panel.compute(db, shop_query()).current.revenue_minor == first.current.revenue_minor + 3000


def test_a_period_after_the_as_of_date_is_refused(db) -> None:
    from solocrm.errors import ValidationError

    with pytest.raises(ValidationError, match="after the as-of date"):
        panel.compute(db, panel.Query(panel.end_of_day(date(2026, 1, 1), 0), date(2026, 2, 1), date(2026, 3, 1),
                                      utc_offset=0))


_days = st.integers(min_value=0, max_value=700)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(histories=st.lists(st.lists(st.tuples(_days, st.integers(1, 400_000), st.booleans()), max_size=8),
                          min_size=1, max_size=6),
       promoter=st.lists(st.integers(0, 10), min_size=6, max_size=6))
def test_stages_and_scores_match_the_customer_file(db, histories, promoter) -> None:
    """The panel's column rules give exactly what services.lifecycle gives one customer at a time."""
    from sqlalchemy import delete

    from solocrm.analytics import cache
    from solocrm.db.models import Customer

    with db.session() as s:
        s.execute(delete(Customer))
    cache.clear()
    start = datetime(2024, 7, 1, 12)
    ids = []
    for n, history in enumerate(histories):
        cid, _ = customers.create(db, CustomerInput(name=f"c{n}"))
        ids.append(cid)
        for day, amount, paid in history:
            from datetime import timedelta

            orders.add_order(db, cid, OrderInput(ordered_at=start + timedelta(days=day), amount_minor=amount,
                                                 status="paid" if paid else "refunded"), now=NOW)
        surveys.add_survey(db, cid, SurveyInput(responded_at=start, kind="nps", score=promoter[n]), now=NOW)
    ctx = panel.context(db, NOW, utc_offset=0)
    with db.session() as s:
        stats = {row[0]: lifecycle.OrderStats(row[1], row[2] or 0, row[3], row[4], row[5] or 0, row[6] or 0)
                 for row in s.execute(lifecycle.stats_statement(NOW, None, "CNY"))}
    for cid in ids:
        i = ctx.data.index_of(cid)
        own = stats.get(cid, lifecycle.OrderStats(0, 0, None, None, 0, 0))
        is_promoter = promoter[ids.index(cid)] >= 9
        assert snapshot.STAGES[ctx.standing.stage[i]] == lifecycle.stage_of(own, NOW, 180, is_promoter)
        assert (ctx.standing.r[i], ctx.standing.f[i], ctx.standing.m[i]) == lifecycle.rfm_of(own, NOW)


def test_column_scores_equal_the_scalar_scores() -> None:
    days = np.arange(-1, 400)
    assert rfm.recency_scores(days).tolist() == [rfm.recency_score(None if d < 0 else int(d)) for d in days]
    counts = np.arange(0, 30)
    assert rfm.frequency_scores(counts).tolist() == [rfm.frequency_score(int(c)) for c in counts]
    spend = np.array([0, 99_999, 100_000, 299_999, 300_000, 499_999, 500_000, 999_999, 1_000_000])
    assert rfm.monetary_scores(spend).tolist() == [rfm.monetary_score(int(m)) for m in spend]
    grid = np.array([(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)])
    tiers = rfm.tiers(grid[:, 0], grid[:, 1], grid[:, 2])
    assert [rfm.TIERS[t] for t in tiers] == [rfm.tier(int(r), int(f), int(m)) for r, f, m in grid]
