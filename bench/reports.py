"""The full business report on the demo database, as PDF and as xlsx.

    python bench/reports.py [--db PATH] [--customers N]
    python bench/run.py --only reports

Each format is made in a fresh process, as a scheduled ``solocrm report``
would be: build every section for the last 12 months (all sections, the
customer list included), then write the file.  Wall time and the process's
peak resident memory are reported.  Targets: under 10 s and under 1 GiB each.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and a source checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_NOW, DEFAULT_SEED, Context, Result, log, run_in_child

TARGET_S = 10.0
TARGET_MB = 1024.0

def make_report(db_path: str, now: str, kind: str, out: str) -> dict:
    """Build and write one report as ``solocrm report`` does; run by run_in_child, so it starts cold."""
    t = time.perf_counter()
    from solocrm.analytics import panel
    from solocrm.db.database import Database
    from solocrm.reports import excel, pdf, sections

    start = time.perf_counter()
    at = datetime.fromisoformat(now)
    db = Database.open(Path(db_path), lock=False)
    query = panel.default_query(at)
    report = sections.build(db, query.start, query.end, "zh_CN", now=at)
    built = time.perf_counter()
    (pdf if kind == "pdf" else excel).render(report, Path(out))
    done = time.perf_counter()
    return {"import_s": start - t, "build_s": built - start, "write_s": done - built, "total_s": done - t,
            "bytes": Path(out).stat().st_size}


def run(ctx: Context) -> list[Result]:
    results = []
    with tempfile.TemporaryDirectory(prefix="solocrm-report-bench-") as tmp:
        for kind in ("pdf", "xlsx"):
            out = Path(tmp) / f"report.{kind}"
            log(f"report {kind}")
            figures, peak_mb = run_in_child("bench.reports", "make_report", str(ctx.db_path), ctx.now.isoformat(),
                                            kind, str(out))
            results += [
                Result(f"report_{kind}_s", figures["total_s"], "s", TARGET_S),
                Result(f"report_{kind}_build_s", figures["build_s"], "s"),
                Result(f"report_{kind}_write_s", figures["write_s"], "s"),
                Result(f"report_{kind}_peak_rss", peak_mb, "MB", TARGET_MB),
                Result(f"report_{kind}_size", figures["bytes"] / 1024, "KiB"),
            ]
    return results


def main(argv: list[str] | None = None) -> int:
    from bench import demo_gen
    from bench.run import _has_customers

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="demo database to reuse, or to build and keep")
    parser.add_argument("--customers", type=int, default=100_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="solocrm-bench-") as tmp:
        path = args.db or Path(tmp) / "bench.sqlite3"
        if not _has_customers(path):
            log(f"building a demo database of {args.customers:,} customers at {path}")
            demo_gen.build(path, args.customers, DEFAULT_SEED, BENCH_NOW)
        results = run(Context(path, args.customers, DEFAULT_SEED))
    print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
