"""BG/NBD and Gamma-Gamma: the published CDNOW estimates, the app's own pipeline, and honest failure.

Fader, Hardie & Lee (2005) fit the CDNOW sample (2,357 customers, calibration
to 1997-09-30) in weeks: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, with
log-likelihood -9582.4; the Gamma-Gamma note gives p = 6.25, q = 3.74,
v = 15.44 on the same customers' repeat spend.  The sample ships in
tests/data/cdnow (see its README for origin and licence).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from scipy.optimize import approx_fprime
from sqlalchemy import insert

from solocrm.analytics import btyd, panel
from solocrm.db.models import Customer, Order

CDNOW = Path(__file__).parent / "data" / "cdnow" / "CDNOW_sample.txt"
CALIBRATION_END = date(1997, 9, 30)
PUBLISHED_BGNBD_WEEKS = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_GG = {"p": 6.25, "q": 3.74, "v": 15.44}


def _cdnow_purchases() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(customer, day number, dollars, cents) of every purchase up to the calibration end, sorted."""
    raw = np.loadtxt(CDNOW, dtype=np.float64)
    customer = raw[:, 1].astype(np.int64)
    ymd = raw[:, 2].astype(np.int64)
    days = np.array([(date(int(v // 10000), int(v // 100 % 100), int(v % 100)) - date(1970, 1, 1)).days
                     for v in ymd])
    keep = days <= (CALIBRATION_END - date(1970, 1, 1)).days
    order = np.lexsort((days[keep], customer[keep]))
    dollars = raw[keep, 4][order]
    return customer[keep][order], days[keep][order], dollars, np.round(dollars * 100).astype(np.int64)


@pytest.fixture(scope="module")
def cdnow_weeks() -> btyd.Summary:
    customer, day, dollars, _cents = _cdnow_purchases()
    summary = btyd.summarise(customer, day, dollars, (CALIBRATION_END - date(1970, 1, 1)).days)
    return replace(summary, recency=summary.recency / 7, T=summary.T / 7)


def test_summary_counts_purchase_days_and_excludes_the_first_day_from_spend() -> None:
    # customer 1: two orders on day 10 (one purchase), then days 12 and 20; customer 2: one day only
    group = np.array([1, 1, 1, 1, 2])
    day = np.array([10, 10, 12, 20, 15])
    amount = np.array([5.0, 7.0, 30.0, 10.0, 99.0])
    s = btyd.summarise(group, day, amount, 30)
    assert s.frequency.tolist() == [2, 0]
    assert s.recency.tolist() == [10, 0]
    assert s.T.tolist() == [20, 15]
    assert s.monetary.tolist() == [20.0, 0.0]  # (30 + 10) / 2; the first day's 12 is not repeat spend


def test_cdnow_summary_has_the_published_shape(cdnow_weeks: btyd.Summary) -> None:
    assert len(cdnow_weeks.frequency) == 2357
    assert int(cdnow_weeks.frequency.sum()) == 2457  # repeat purchase days in the calibration period
    assert cdnow_weeks.T.max() == pytest.approx(38.86, abs=0.01)


def test_bgnbd_reproduces_the_published_cdnow_estimates(cdnow_weeks: btyd.Summary) -> None:
    fit = btyd.fit_bgnbd(cdnow_weeks.frequency, cdnow_weeks.recency, cdnow_weeks.T)
    assert fit.unfit is None and fit.params is not None
    for name, value in PUBLISHED_BGNBD_WEEKS.items():
        assert round(getattr(fit.params, name), 3) == value, name
    assert fit.log_likelihood == pytest.approx(-9582.4, abs=0.05)
    assert btyd.bgnbd_log_likelihood(fit.params, cdnow_weeks.frequency, cdnow_weeks.recency,
                                     cdnow_weeks.T) == pytest.approx(fit.log_likelihood, rel=1e-9)


def test_gamma_gamma_reproduces_the_published_cdnow_estimates(cdnow_weeks: btyd.Summary) -> None:
    fit = btyd.fit_gamma_gamma(cdnow_weeks.frequency, cdnow_weeks.monetary)
    assert fit.unfit is None and fit.params is not None
    assert fit.customers == 946
    for name, value in PUBLISHED_GG.items():
        assert getattr(fit.params, name) == pytest.approx(value, abs=0.01), name


def test_conditional_expectation_matches_the_paper(cdnow_weeks: btyd.Summary) -> None:
    """FHL 2005: a customer with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in 39 weeks."""
    params = btyd.BgNbdParams(0.242594, 4.413532, 0.792886, 2.425752)
    expected = btyd.expected_purchases(params, 39, np.array([2]), np.array([30.43]), np.array([38.86]))
    assert expected[0] == pytest.approx(1.226, abs=0.001)
    # Someone who never came back is alive by definition of the model: only dropping out after a purchase is possible.
    assert btyd.p_alive(params, np.array([0]), np.array([0.0]), np.array([38.86]))[0] == 1.0


def test_the_app_fits_cdnow_in_days_from_its_own_database(db) -> None:
    """Orders stored as SoloCRM orders give the same model, with alpha in days (7 x the weekly value)."""
    customer, day, _dollars, cents = _cdnow_purchases()
    ids = np.unique(customer)
    epoch = datetime(1970, 1, 1, 12)
    with db.session() as s:
        s.execute(insert(Customer), [{"id": int(i), "name": f"CDNOW {i}", "created_at": datetime(1997, 1, 1)}
                                     for i in ids])
        s.execute(insert(Order), [{"customer_id": int(c), "ordered_at": epoch + timedelta(days=int(d)),
                                   "amount_minor": int(a)} for c, d, a in zip(customer, day, cents)])
    as_of = panel.end_of_day(CALIBRATION_END, 0)
    ctx = panel.context(db, as_of, utc_offset=0)
    bg, gg = ctx.models.bgnbd.params, ctx.models.gamma_gamma.params
    assert bg is not None and gg is not None
    assert round(bg.r, 3) == PUBLISHED_BGNBD_WEEKS["r"]
    assert round(bg.a, 3) == PUBLISHED_BGNBD_WEEKS["a"]
    assert round(bg.b, 3) == PUBLISHED_BGNBD_WEEKS["b"]
    assert bg.alpha / 7 == pytest.approx(PUBLISHED_BGNBD_WEEKS["alpha"], abs=0.001)
    for name, value in PUBLISHED_GG.items():
        assert getattr(gg, name) == pytest.approx(value, abs=0.01), name


def test_gradients_are_the_derivatives_of_the_likelihoods(cdnow_weeks: btyd.Summary) -> None:
    """L-BFGS-B trusts the closed-form gradients; a wrong one would stop the fit short."""
    s = cdnow_weeks
    data = btyd._patterns(s.frequency, s.recency / 38.86, s.T / 38.86)
    point = np.array([0.3, 0.2, 0.7, 2.0])
    analytic = btyd._bgnbd_terms(point, data, with_gradient=True)[1]
    numeric = approx_fprime(point, lambda p: btyd._bgnbd_terms(p, data, with_gradient=False)[0], 1e-7)
    assert analytic == pytest.approx(numeric, rel=1e-4)

    repeat = s.frequency > 0
    gg_data, log_m, log_x = btyd._gg_data(s.frequency[repeat], s.monetary[repeat] / 14.0)
    point = np.array([5.0, 3.0, 1.2])
    analytic = btyd._gg_terms(point, gg_data, log_m, log_x, with_gradient=True)[1]
    numeric = approx_fprime(point, lambda p: btyd._gg_terms(p, gg_data, log_m, log_x, with_gradient=False)[0], 1e-7)
    assert analytic == pytest.approx(numeric, rel=1e-4)


def test_predictive_clv_is_the_discounted_sum_of_expected_purchases_times_spend(cdnow_weeks: btyd.Summary) -> None:
    s = replace(cdnow_weeks, recency=cdnow_weeks.recency * 7, T=cdnow_weeks.T * 7)
    bg = btyd.BgNbdParams(0.2426, 30.89, 0.7929, 2.426)
    gg = btyd.GammaGammaParams(6.25, 3.74, 15.44)
    clv = btyd.predictive_clv(bg, gg, s, horizon_days=365, annual_discount=0.10)
    spend = btyd.expected_spend(gg, s.frequency, s.monetary)
    by_hand = np.zeros(len(s.frequency))
    for month in range(1, 13):
        end, start = 365 * month / 12, 365 * (month - 1) / 12
        bought = (btyd.expected_purchases(bg, end, s.frequency, s.recency, s.T)
                  - btyd.expected_purchases(bg, start, s.frequency, s.recency, s.T))
        by_hand += bought / 1.10 ** (end / 365)
    assert clv == pytest.approx(by_hand * spend, rel=1e-9)
    # no repeat purchase: spend is the population mean p v / (q - 1)
    assert btyd.expected_spend(gg, np.array([0]), np.array([0.0]))[0] == pytest.approx(6.25 * 15.44 / 2.74)


def test_too_few_customers_is_said_not_fitted() -> None:
    fit = btyd.fit_bgnbd(np.array([1, 0, 2]), np.array([5.0, 0, 9]), np.array([10.0, 10, 10]))
    assert fit.params is None and fit.unfit.code == "too_few_customers"
    assert "3 customers" in fit.unfit.message


def test_everyone_buying_once_is_said_not_fitted() -> None:
    n = 200
    fit = btyd.fit_bgnbd(np.zeros(n), np.zeros(n), np.linspace(10, 300, n))
    assert fit.params is None and fit.unfit.code == "no_repeat_purchases"
    gg = btyd.fit_gamma_gamma(np.zeros(n), np.zeros(n))
    assert gg.params is None and gg.unfit.code == "no_repeat_purchases"


def test_data_without_any_dropout_is_said_degenerate_not_given_numbers() -> None:
    """Everyone bought again on the very last day: nothing tells how customers drop out."""
    rng = np.random.default_rng(3)
    n = 300
    T = rng.integers(100, 400, n).astype(float)
    x = rng.integers(1, 10, n).astype(float)
    fit = btyd.fit_bgnbd(x, T.copy(), T)
    assert fit.params is None
    assert fit.unfit.code in {"degenerate", "no_convergence"}


def test_identical_spend_is_said_degenerate() -> None:
    """With every repeat purchase the same amount, spend has no spread to model."""
    x = np.arange(1, 31, dtype=float)
    fit = btyd.fit_gamma_gamma(x, np.full(30, 25.0))
    assert fit.params is None
    assert fit.unfit.code in {"degenerate", "no_convergence", "infinite_mean_spend"}


def test_simulated_customers_give_back_their_parameters() -> None:
    """Data drawn from a known BG/NBD process: the fit recovers the process within sampling error."""
    rng = np.random.default_rng(7)
    r, alpha, a, b = 0.5, 20.0, 0.8, 3.0
    n = 20_000
    T = rng.integers(60, 730, n).astype(float)
    lam = rng.gamma(r, 1 / alpha, n)
    p = rng.beta(a, b, n)
    x = np.zeros(n)
    tx = np.zeros(n)
    for i in range(n):
        t = 0.0
        while True:
            t += rng.exponential(1 / lam[i])
            if t > T[i]:
                break
            x[i] += 1
            tx[i] = t
            if rng.random() < p[i]:
                break
    fit = btyd.fit_bgnbd(x, tx, T)
    assert fit.params is not None
    assert fit.params.r == pytest.approx(r, rel=0.15)
    assert fit.params.alpha == pytest.approx(alpha, rel=0.2)
    assert fit.params.a == pytest.approx(a, rel=0.25)
    assert fit.params.b == pytest.approx(b, rel=0.3)
