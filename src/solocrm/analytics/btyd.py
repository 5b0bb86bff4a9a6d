"""BG/NBD and Gamma-Gamma ("buy till you die") models, fitted by maximum likelihood.

Written with numpy/scipy rather than a library (lifetimes, PyMC-Marketing): the
likelihoods are a dozen lines each, the well-kept libraries pull in autograd or
a probabilistic-programming stack the desktop app does not need, and owning the
code lets the fit use what makes it fast on a million customers:

- customers with the same (frequency, recency, T) share one likelihood term, so
  the work grows with the number of distinct patterns, not of customers;
- the log-likelihoods have closed-form gradients (digamma functions), so
  L-BFGS-B on log parameters needs a few dozen evaluations;
- times are scaled so the longest T is 1 during the fit, as lifetimes does,
  which keeps alpha near 1 and the optimiser well conditioned.

A fit that cannot give trustworthy numbers (too little data, nobody bought
twice, the optimiser ran off to the edge of the parameter space) returns
``params=None`` with a reason instead of numbers, so nobody acts on nonsense.

References: Fader, Hardie & Lee (2005), "Counting your customers the easy way",
Marketing Science 24(2); Fader & Hardie, "The Gamma-Gamma model of monetary
value" (2013 note) and "RFM and CLV: using iso-value curves" (2005).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from scipy import optimize, special

# A fit needs enough customers, and enough of them buying again, to say anything.
MIN_CUSTOMERS = 20
MIN_REPEATERS = 5
# Log parameters are searched in [-BOUND, BOUND]; ending near the edge means the
# likelihood kept improving towards a degenerate model (e.g. nobody ever drops out).
_BOUND = 15.0
_EDGE = 13.0
_GRADIENT_AT_OPTIMUM = 1e-6


@dataclass(frozen=True)
class Unfit:
    """Why a model has no parameters: ``code`` for the UI to translate, ``message`` in English."""

    code: str  # too_few_customers | no_repeat_purchases | no_convergence | degenerate | infinite_mean_spend
    message: str


@dataclass(frozen=True)
class BgNbdParams:
    r: float
    alpha: float  # in the time unit of the data it was fitted on (days in SoloCRM)
    a: float
    b: float


@dataclass(frozen=True)
class GammaGammaParams:
    p: float
    q: float
    v: float  # in the money unit of the data (major units in SoloCRM)


@dataclass(frozen=True)
class BgNbdFit:
    params: BgNbdParams | None
    unfit: Unfit | None
    customers: int
    log_likelihood: float | None = None


@dataclass(frozen=True)
class GammaGammaFit:
    params: GammaGammaParams | None
    unfit: Unfit | None
    customers: int
    log_likelihood: float | None = None


@dataclass(frozen=True)
class Summary:
    """One row per customer who bought at least once, in days (several orders on one day = one purchase)."""

    frequency: np.ndarray  # x: repeat purchase days
    recency: np.ndarray  # t_x: days from the first to the last purchase day
    T: np.ndarray  # days from the first purchase day to the as-of day
    monetary: np.ndarray  # mean amount of the repeat purchase days (first day excluded); 0 when x = 0
    # Every repeat purchase day has positive spend: only these customers fit Gamma-Gamma, whose spend per
    # purchase is gamma-distributed, so never 0 (a free sample is a purchase for BG/NBD, no spend for this).
    priced: np.ndarray


def summarise(group: np.ndarray, day: np.ndarray, amount: np.ndarray, as_of_day: int) -> Summary:
    """Frequency, recency, T and repeat-day spend from purchases sorted by (group, day).

    ``group`` is any sorted customer key, ``day`` an integer day number, and only
    purchases on or before ``as_of_day`` may be passed.  Rows come out in the order
    of the groups.
    """
    if len(group) == 0:
        empty = np.zeros(0)
        return Summary(empty.astype(np.int64), empty, empty, empty, empty.astype(bool))
    new_day = np.ones(len(group), dtype=bool)
    new_day[1:] = (group[1:] != group[:-1]) | (day[1:] != day[:-1])
    day_starts = np.flatnonzero(new_day)
    day_group = group[day_starts]
    day_number = day[day_starts]
    day_amount = np.add.reduceat(amount.astype(np.float64), day_starts)
    new_customer = np.ones(len(day_starts), dtype=bool)
    new_customer[1:] = day_group[1:] != day_group[:-1]
    starts = np.flatnonzero(new_customer)
    ends = np.append(starts[1:], len(day_starts)) - 1
    days = ends - starts + 1
    first, last = day_number[starts], day_number[ends]
    total = np.add.reduceat(day_amount, starts)
    frequency = days - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        monetary = np.where(frequency > 0, (total - day_amount[starts]) / np.maximum(frequency, 1), 0.0)
    unpriced_repeats = np.add.reduceat(((day_amount <= 0) & ~new_customer).astype(np.int64), starts)
    return Summary(frequency.astype(np.int64), (last - first).astype(np.float64),
                   (as_of_day - first).astype(np.float64), monetary, unpriced_repeats == 0)


@dataclass(frozen=True)
class _Patterns:
    """Distinct rows of some columns: each column as (distinct values, code per pattern), with counts.

    The likelihood terms that depend on one column only (gamma functions of x,
    logs of alpha + T) are then computed once per distinct value and gathered.
    """

    values: tuple[np.ndarray, ...]
    codes: tuple[np.ndarray, ...]
    weights: np.ndarray  # customers per pattern
    inverse: np.ndarray  # pattern of each input row (only when asked for)

    def column(self, i: int) -> np.ndarray:
        return self.values[i][self.codes[i]]


def _codes(column: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a column and each row's index into them.

    Whole-day data (the usual case) takes a counting pass instead of a sort.
    """
    values = np.asarray(column, dtype=np.float64)
    if len(values):
        low, high = values.min(), values.max()
        if high - low < 1_000_000 and np.all(values == np.floor(values)):
            offset = (values - low).astype(np.int64)
            present = np.bincount(offset) > 0
            remap = np.cumsum(present) - 1
            return np.flatnonzero(present) + low, remap[offset]
    distinct, code = np.unique(values, return_inverse=True)
    return distinct, code.ravel().astype(np.int64)


def _patterns(*columns: np.ndarray, inverse: bool = False) -> _Patterns:
    distinct, codes = zip(*(_codes(column) for column in columns))
    sizes = [len(v) for v in distinct]
    if float(np.prod(np.array(sizes, dtype=np.float64))) < 2.0**62:
        key = codes[0]
        for size, code in zip(sizes[1:], codes[1:]):
            key = key * size + code
        found = np.unique(key, return_inverse=inverse, return_counts=True)
        keys, counts = found[0], found[-1]
        pattern_codes = []
        for size in reversed(sizes[1:]):
            keys, code = np.divmod(keys, size)
            pattern_codes.append(code)
        pattern_codes.append(keys)
        pattern_codes.reverse()
    else:  # too many distinct values to pack into one integer key
        found = np.unique(np.column_stack(codes), axis=0, return_inverse=inverse, return_counts=True)
        pattern_codes, counts = list(found[0].T), found[-1]
    rows = found[1].ravel() if inverse else np.zeros(0, dtype=np.int64)
    return _Patterns(tuple(distinct), tuple(pattern_codes), counts.astype(np.float64), rows)


def _dot(u: np.ndarray, v: np.ndarray) -> float:
    """Inner product without BLAS: OpenBLAS threads cost more than they save on these vector sizes."""
    return float(np.sum(u * v))


def _minimise(objective, x0: np.ndarray) -> optimize.OptimizeResult:  # noqa: ANN001 - callable
    return optimize.minimize(
        objective, x0, jac=True, method="L-BFGS-B", bounds=[(-_BOUND, _BOUND)] * len(x0),
        options={"maxiter": 2000, "ftol": 1e-12, "gtol": 1e-8},
    )


# --- BG/NBD --------------------------------------------------------------------------------


def _bgnbd_terms(params: np.ndarray, data: _Patterns, with_gradient: bool) -> tuple[float, np.ndarray | None]:
    """Weighted log-likelihood sum and its gradient with respect to (r, alpha, a, b).

    Per customer (FHL 2005, eq. 6), with A1 the "still alive" branch and A2
    the "dropped out after the last purchase" branch (only when x > 0):
      LL = lnG(r+x) - lnG(r) + r ln(alpha) + ln(exp(A1) + exp(A2))
      A1 = lnB(a, b+x) - lnB(a, b) - (r+x) ln(alpha+T)
      A2 = lnB(a+1, b+x-1) - lnB(a, b) - (r+x) ln(alpha+t_x)
    """
    r, alpha, a, b = params
    xv, tv, Tv = data.values
    xc, tc, Tc = data.codes
    w = data.weights
    wx = np.bincount(xc, weights=w, minlength=len(xv))
    repeat_v = xv > 0
    bx1 = np.where(repeat_v, b + xv - 1, 1.0)
    log_beta_ab = special.betaln(a, b)
    per_x_c = special.gammaln(r + xv) - special.gammaln(r) + r * np.log(alpha)
    b1 = special.betaln(a, b + xv) - log_beta_ab
    b2 = np.where(repeat_v, special.betaln(a + 1, bx1) - log_beta_ab, -np.inf)
    log_aT, log_at = np.log(alpha + Tv), np.log(alpha + tv)
    rx = (r + xv)[xc]
    a1 = b1[xc] - rx * log_aT[Tc]
    a2 = b2[xc] - rx * log_at[tc]
    log_l = np.logaddexp(a1, a2)
    ll = float(_dot(wx, per_x_c) + _dot(w, log_l))
    if not with_gradient:
        return ll, None
    w1 = np.exp(a1 - log_l)
    w2 = 1.0 - w1
    ww1, ww2 = w * w1, w * w2
    w1x = np.bincount(xc, weights=ww1, minlength=len(xv))
    w2x = wx - w1x
    psi = special.digamma
    psi_ab, psi_abx = psi(a + b), psi(a + b + xv)
    d_r = (_dot(wx, psi(r + xv) - psi(r) + np.log(alpha))
           - _dot(ww1, log_aT[Tc]) - _dot(ww2, log_at[tc]))
    d_alpha = (wx.sum() * r / alpha - _dot(ww1 * rx, (1 / (alpha + Tv))[Tc])
               - _dot(ww2 * rx, (1 / (alpha + tv))[tc]))
    d_a = _dot(w1x, psi_ab - psi_abx) + _dot(w2x, np.where(repeat_v, psi(a + 1) - psi_abx - psi(a) + psi_ab, 0.0))
    d_b_common = -psi_abx - psi(b) + psi_ab
    d_b = _dot(w1x, psi(b + xv) + d_b_common) + _dot(w2x, np.where(repeat_v, psi(bx1) + d_b_common, 0.0))
    return ll, np.array([d_r, d_alpha, d_a, d_b])


def bgnbd_log_likelihood(params: BgNbdParams, frequency: np.ndarray, recency: np.ndarray, T: np.ndarray) -> float:
    """Total log-likelihood of the data under ``params`` (for tests and model comparison)."""
    ll, _ = _bgnbd_terms(np.array([params.r, params.alpha, params.a, params.b]),
                         _patterns(frequency, recency, T), with_gradient=False)
    return ll


def fit_bgnbd(frequency: np.ndarray, recency: np.ndarray, T: np.ndarray) -> BgNbdFit:
    """Maximum-likelihood BG/NBD parameters, no penalty; time unit as given."""
    x = np.asarray(frequency, dtype=np.float64)
    n = len(x)
    if n < MIN_CUSTOMERS:
        return BgNbdFit(None, Unfit("too_few_customers",
                                    f"Only {n} customers have bought; the model needs at least {MIN_CUSTOMERS}."), n)
    repeaters = int(np.count_nonzero(x > 0))
    if repeaters < MIN_REPEATERS:
        return BgNbdFit(None, Unfit(
            "no_repeat_purchases",
            f"Only {repeaters} customers bought on more than one day; the model needs at least {MIN_REPEATERS} "
            "to learn how often people come back."), n)
    T = np.asarray(T, dtype=np.float64)
    scale = float(T.max()) or 1.0
    data = _patterns(x, recency, T)
    xv, tv, Tv = data.values
    data = replace(data, values=(xv, tv / scale, Tv / scale))

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        params = np.exp(theta)
        ll, gradient = _bgnbd_terms(params, data, with_gradient=True)
        if not np.isfinite(ll):
            return np.inf, np.zeros(4)
        return -ll / n, -gradient * params / n

    result = _minimise(objective, np.zeros(4))
    unfit = _check(result)
    if unfit is not None:
        return BgNbdFit(None, unfit, n)
    r, alpha, a, b = np.exp(result.x)
    # In days the likelihood differs from the scaled one by the Jacobian of t -> t / scale.
    log_likelihood = -float(result.fun) * n - float(np.sum(x)) * np.log(scale)
    return BgNbdFit(BgNbdParams(float(r), float(alpha * scale), float(a), float(b)), None, n, log_likelihood)


def _check(result: optimize.OptimizeResult) -> Unfit | None:
    # L-BFGS-B may stop with "abnormal termination in line search" at the optimum itself, when
    # rounding leaves no step that lowers the (per-customer) objective; a vanishing gradient says it arrived.
    converged = result.success or float(np.max(np.abs(result.jac))) < _GRADIENT_AT_OPTIMUM
    if not converged or not np.all(np.isfinite(result.x)) or not np.isfinite(result.fun):
        return Unfit("no_convergence", "The model fit did not converge on this data, so it shows no predictions.")
    if np.any(np.abs(result.x) > _EDGE):
        return Unfit("degenerate", "The data do not pin the model down (the fit drifts to an extreme), "
                                   "so it shows no predictions. More history usually fixes this.")
    return None


# --- Gamma-Gamma ---------------------------------------------------------------------------


def _gg_terms(params: np.ndarray, data: _Patterns, log_m: np.ndarray, log_x: np.ndarray,
              with_gradient: bool) -> tuple[float, np.ndarray | None]:
    """Weighted log-likelihood and gradient for (p, q, v) (Fader & Hardie's Gamma-Gamma note, eq. 2).

      LL = lnG(px+q) - lnG(px) - lnG(q) + q ln v + (px-1) ln m + px ln x - (px+q) ln(x m + v)
    """
    p, q, v = params
    xv, _mv = data.values
    xc, _mc = data.codes
    w = data.weights
    x, m = data.column(0), data.column(1)
    wx = np.bincount(xc, weights=w, minlength=len(xv))
    pxv = p * xv
    px = pxv[xc]
    log_spend = np.log(x * m + v)
    ll = float(_dot(wx, special.gammaln(pxv + q) - special.gammaln(pxv)) - w.sum() * special.gammaln(q)
               + w.sum() * q * np.log(v) + _dot(w, (px - 1) * log_m + px * log_x - (px + q) * log_spend))
    if not with_gradient:
        return ll, None
    psi = special.digamma
    psi_pxq = psi(pxv + q)
    d_p = _dot(wx, xv * (psi_pxq - psi(pxv))) + _dot(w * x, log_m + log_x - log_spend)
    d_q = _dot(wx, psi_pxq) - w.sum() * psi(q) + w.sum() * np.log(v) - _dot(w, log_spend)
    d_v = w.sum() * q / v - _dot(w, (px + q) / (x * m + v))
    return ll, np.array([d_p, d_q, d_v])


def _gg_data(frequency: np.ndarray, monetary: np.ndarray) -> tuple[_Patterns, np.ndarray, np.ndarray]:
    data = _patterns(frequency, monetary)
    return data, np.log(data.column(1)), np.log(data.column(0))


def gamma_gamma_log_likelihood(params: GammaGammaParams, frequency: np.ndarray, monetary: np.ndarray) -> float:
    data, log_m, log_x = _gg_data(frequency, monetary)
    ll, _ = _gg_terms(np.array([params.p, params.q, params.v]), data, log_m, log_x, with_gradient=False)
    return ll


def fit_gamma_gamma(frequency: np.ndarray, monetary: np.ndarray) -> GammaGammaFit:
    """Maximum-likelihood Gamma-Gamma parameters over customers with at least one repeat purchase day.

    Rows with ``frequency == 0`` are ignored (they carry no repeat spend).
    """
    x = np.asarray(frequency, dtype=np.float64)
    m = np.asarray(monetary, dtype=np.float64)
    keep = (x > 0) & (m > 0)
    x, m = x[keep], m[keep]
    n = len(x)
    if n < MIN_REPEATERS:
        return GammaGammaFit(None, Unfit(
            "no_repeat_purchases",
            f"Only {n} customers bought on more than one day; the spend model needs at least {MIN_REPEATERS}."), n)
    scale = float(m.mean())
    data, log_m, log_x = _gg_data(x, m / scale)

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        params = np.exp(theta)
        ll, gradient = _gg_terms(params, data, log_m, log_x, with_gradient=True)
        if not np.isfinite(ll):
            return np.inf, np.zeros(3)
        return -ll / n, -gradient * params / n

    result = _minimise(objective, np.zeros(3))
    unfit = _check(result)
    if unfit is not None:
        return GammaGammaFit(None, unfit, n)
    p, q, v = np.exp(result.x)
    if q <= 1:
        return GammaGammaFit(None, Unfit(
            "infinite_mean_spend",
            "The spend model finds no finite average spend (a few very large orders dominate), "
            "so it shows no predictions."), n)
    # The density of the mean spend picks up the Jacobian of m -> m / scale.
    log_likelihood = -float(result.fun) * n - n * np.log(scale)
    return GammaGammaFit(GammaGammaParams(float(p), float(q), float(v * scale)), None, n, log_likelihood)


# --- predictions ---------------------------------------------------------------------------


def p_alive(params: BgNbdParams, frequency: np.ndarray, recency: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Probability that each customer is still "alive" (will buy again some day)."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(frequency, dtype=np.float64)
    t = np.asarray(recency, dtype=np.float64)
    T = np.asarray(T, dtype=np.float64)
    log_ratio = (r + x) * (np.log(alpha + T) - np.log(alpha + t))
    log_odds = np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) + log_ratio
    return np.where(x > 0, special.expit(-log_odds), 1.0)


def _hyp2f1(a: np.ndarray, b: np.ndarray, c: np.ndarray, z: np.ndarray) -> np.ndarray:
    """Gauss's 2F1, falling back to Euler's transformation where scipy loses it near z = 1."""
    value = special.hyp2f1(a, b, c, z)
    bad = ~np.isfinite(value)
    if np.any(bad):
        value = np.array(value, dtype=np.float64)
        ab, bb, cb, zb = (np.broadcast_to(v, value.shape)[bad] for v in (a, b, c, z))
        value[bad] = special.hyp2f1(cb - ab, cb - bb, cb, zb) * np.power(1 - zb, cb - ab - bb)
    return value


def _alive_growth(params: BgNbdParams, t: float | np.ndarray, frequency: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Expected purchases in the next ``t`` for a customer known to be alive: depends on x and T only."""
    r, alpha, a, b = params.r, params.alpha, params.a, params.b
    x = np.asarray(frequency, dtype=np.float64)
    T = np.asarray(T, dtype=np.float64)
    t = np.asarray(t, dtype=np.float64)
    hyp = _hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
    return (a + b + x - 1) / (a - 1) * (1 - np.exp((r + x) * (np.log(alpha + T) - np.log(alpha + T + t))) * hyp)


def expected_purchases(params: BgNbdParams, t: float | np.ndarray, frequency: np.ndarray,
                       recency: np.ndarray, T: np.ndarray) -> np.ndarray:
    """Expected purchases in the next ``t`` time units, given each customer's history (FHL 2005 eq. 10)."""
    return _alive_growth(params, t, frequency, T) * p_alive(params, frequency, recency, T)


def expected_spend(params: GammaGammaParams, frequency: np.ndarray, monetary: np.ndarray) -> np.ndarray:
    """Expected spend per purchase day: the population mean shrunk towards each customer's own mean."""
    p, q, v = params.p, params.q, params.v
    x = np.asarray(frequency, dtype=np.float64)
    m = np.asarray(monetary, dtype=np.float64)
    weight = p * x / (p * x + q - 1)
    return (1 - weight) * (v * p / (q - 1)) + weight * m


def predictive_clv(bg: BgNbdParams, gg: GammaGammaParams, summary: Summary, horizon_days: int,
                   annual_discount: float, steps: int = 12) -> np.ndarray:
    """Discounted expected spend over the horizon, one value per customer of ``summary``.

    The horizon is cut into ``steps`` equal slices (months for a year); each
    slice's expected purchases are valued at the customer's expected spend per
    purchase day and discounted to today at ``annual_discount`` per year.
    Expected purchases factor into P(alive) x a forecast that depends on
    (x, T) only, so the costly part (a hypergeometric function per slice) is
    computed once per distinct (x, T), not per customer.
    """
    data = _patterns(summary.frequency, summary.T, inverse=True)
    x, T = data.column(0), data.column(1)
    discounted = np.zeros_like(x)
    previous = np.zeros_like(x)
    for step in range(1, steps + 1):
        end = horizon_days * step / steps
        cumulative = _alive_growth(bg, end, x, T)
        discounted += (cumulative - previous) / (1 + annual_discount) ** (end / 365.0)
        previous = cumulative
    alive = p_alive(bg, summary.frequency, summary.recency, summary.T)
    return discounted[data.inverse] * alive * expected_spend(gg, summary.frequency, summary.monetary)
