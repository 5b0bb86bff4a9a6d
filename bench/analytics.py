"""The Analytics panel on the demo database, and the BG/NBD fit against lifetimes on a million customers.

    python bench/analytics.py [--db PATH] [--customers N] [--fit-customers N]
    python bench/run.py --only analytics

Panel: a fresh process imports the analytics (timed apart: the GUI pays it
once, when the page is first opened), then computes every KPI, chart and the
risk list for the last 12 months, draws every chart, and computes it again
with nothing changed.  Targets: cold under 3 s, unchanged under 100 ms.  The
cold figure's CPU time is reported too: on a shared machine it tells the
work apart from the waiting.

Fit: a million customers drawn from a known BG/NBD process (in days), fitted
by ``solocrm.analytics.btyd.fit_bgnbd`` and by ``lifetimes.BetaGeoFitter.fit``
(a bench-only dependency: ``pip install .[bench]``) on the same arrays, in
the same run.  Targets: at least 5x faster, parameters equal to 3
significant digits.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and a source checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_NOW, Context, Result, log  # noqa: E402

TARGET_COLD_S = 3.0
TARGET_UNCHANGED_MS = 100.0
TARGET_SPEEDUP = 5.0
FIT_CUSTOMERS = 1_000_000
TRUE_PARAMS = (0.25, 40.0, 0.8, 2.5)  # r, alpha (days), a, b

PANEL_CHILD = r"""
import json, sys, time
from datetime import datetime
t = time.perf_counter()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from solocrm.analytics import charts, panel
from solocrm.db.database import Database
out = {"import_s": time.perf_counter() - t}
db = Database.open(sys.argv[1], lock=False)
query = panel.default_query(datetime.fromisoformat(sys.argv[2]))
t, cpu = time.perf_counter(), time.process_time()
result = panel.compute(db, query)
out["compute_s"] = time.perf_counter() - t
built = charts.build_all(result)
for chart in built.values():
    FigureCanvasAgg(chart.figure).draw()
out["cold_s"] = time.perf_counter() - t
out["cold_cpu_s"] = time.process_time() - cpu
unchanged = []
for _ in range(5):
    t = time.perf_counter()
    again = panel.compute(db, query)
    unchanged.append((time.perf_counter() - t) * 1000)
    assert again is result
out["unchanged_ms"] = sorted(unchanged)[len(unchanged) // 2]
out["customers"] = result.current.customers_total
out["risk_rows"] = len(result.risk)
out["fitted"] = result.predictive.unfit is None
print(json.dumps(out))
"""


def panel_results(db_path: Path) -> list[Result]:
    run = subprocess.run([sys.executable, "-c", PANEL_CHILD, str(db_path), BENCH_NOW.isoformat()],
                         capture_output=True, text=True, timeout=600)
    if run.returncode != 0:
        raise RuntimeError(run.stderr)
    out = json.loads(run.stdout.splitlines()[-1])
    log(f"panel: {out}")
    return [
        Result("analytics_import", out["import_s"], "s"),
        Result("analytics_panel_compute_cold", out["compute_s"], "s"),
        Result("analytics_panel_cold", out["cold_s"], "s", TARGET_COLD_S),
        Result("analytics_panel_cold_cpu", out["cold_cpu_s"], "s"),
        Result("analytics_panel_unchanged", out["unchanged_ms"], "ms", TARGET_UNCHANGED_MS),
    ]


def simulate(n: int, seed: int = 1) -> tuple:
    """(frequency, recency, T) in whole days for ``n`` customers of a BG/NBD process."""
    import numpy as np

    r, alpha, a, b = TRUE_PARAMS
    rng = np.random.default_rng(seed)
    T = rng.integers(30, 731, n).astype(np.float64)
    rate = rng.gamma(r, 1 / alpha, n)
    dropout = rng.beta(a, b, n)
    x = np.zeros(n)
    last = np.zeros(n)
    clock = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    while alive.any():
        i = np.flatnonzero(alive)
        clock[i] += rng.exponential(1 / rate[i])
        within = clock[i] <= T[i]
        bought = i[within]
        x[bought] += 1
        last[bought] = clock[bought]
        alive[i[~within]] = False
        alive[bought[rng.random(len(bought)) < dropout[bought]]] = False
    return x, np.floor(last), T


def _same_3_digits(mine: float, theirs: float) -> bool:
    def three(v: float) -> float:
        return float(f"{v:.3g}")

    return three(mine) == three(theirs) or math.isclose(mine, theirs, rel_tol=5e-4)


def fit_results(customers: int) -> list[Result]:
    from solocrm.analytics import btyd

    log(f"simulating {customers:,} customers")
    x, tx, T = simulate(customers)
    t = time.perf_counter()
    mine = btyd.fit_bgnbd(x, tx, T)
    mine_s = time.perf_counter() - t
    log(f"solocrm fit: {mine_s:.2f}s {mine.params or mine.unfit}")
    results = [Result("bgnbd_fit_1m", mine_s, "s")]
    if mine.params is None:
        return results + [Result("bgnbd_params_equal_3_digits", 0.0, "bool")]
    try:
        import warnings

        from lifetimes import BetaGeoFitter
    except ImportError:
        log("lifetimes is not installed (pip install .[bench]); no baseline")
        return results
    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        theirs = BetaGeoFitter().fit(x, tx, T)
    theirs_s = time.perf_counter() - t
    p = theirs.params_
    log(f"lifetimes fit: {theirs_s:.2f}s r={p['r']:.5g} alpha={p['alpha']:.5g} a={p['a']:.5g} b={p['b']:.5g}")
    pairs = [(getattr(mine.params, k), float(p[k])) for k in ("r", "alpha", "a", "b")]
    agree = all(_same_3_digits(m, l) for m, l in pairs)
    worst = max(abs(m - l) / abs(l) for m, l in pairs)
    speedup = theirs_s / mine_s
    results[0] = Result("bgnbd_fit_1m", mine_s, "s", baseline=theirs_s)
    results += [
        Result("bgnbd_fit_time_ratio_vs_lifetimes", mine_s / theirs_s, "ratio", 1 / TARGET_SPEEDUP),
        Result("bgnbd_fit_speedup_vs_lifetimes", speedup, "x"),
        Result("bgnbd_params_equal_3_digits", 1.0 if agree else 0.0, "bool"),
        Result("bgnbd_params_max_relative_difference", worst * 1e6, "ppm", 500.0),
        Result("bgnbd_loglik_difference", float(mine.log_likelihood - btyd.bgnbd_log_likelihood(
            btyd.BgNbdParams(*(float(p[k]) for k in ("r", "alpha", "a", "b"))), x, tx, T)), "nats"),
    ]
    return results


def run(ctx: Context, fit_customers: int = FIT_CUSTOMERS) -> list[Result]:
    return panel_results(ctx.db_path) + fit_results(fit_customers)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="a demo database (solocrm demo --db PATH)")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--fit-customers", type=int, default=FIT_CUSTOMERS)
    args = parser.parse_args(argv)
    results = run(Context(args.db, args.customers, 1), args.fit_customers)
    print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
