"""Run the benchmarks and print their results as JSON.

    python bench/run.py [--customers N] [--db PATH] [--seed S] [--only NAME ...] [--out FILE]

Without ``--db`` a demo database of N customers (default 100,000) is built in a
temporary folder, timed, measured and deleted.  With ``--db`` an existing demo
database is reused (generation is then not timed), or a new one is built
there and kept, which saves the build on the next run.

Each bench module has ``run(Context) -> list[Result]``; add one to ``BENCHES``
(cold start and memory benches belong here too).  Results are a JSON list of
{name, value, unit, target[, baseline, ratio]}; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and a source checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (  # noqa: E402
    analytics,
    backup,
    cold_start,
    demo_gen,
    importing,
    reports,
    search,
    stages,
    startup,
    timeline,
)
from bench.common import DEFAULT_SEED, Context, Result, log, peak_rss_mb  # noqa: E402

BENCHES: dict[str, Callable[[Context], list[Result]]] = {
    "importing": importing.run,
    "search": search.run,
    "timeline": timeline.run,
    "stages": stages.run,
    "cold_start": cold_start.run,
    "startup": startup.run,
    "backup": backup.run,
    "analytics": analytics.run,
    "reports": reports.run,
}


def _has_customers(path: Path) -> bool:
    import sqlite3

    if not path.exists():
        return False
    with sqlite3.connect(path) as conn:
        try:
            return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM customer)").fetchone()[0])
        except sqlite3.DatabaseError:
            return False


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--db", type=Path, help="demo database to reuse, or to build and keep")
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES), help="run only these benches")
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    return parser.parse_args(argv)


def run(args: argparse.Namespace, workdir: Path) -> tuple[list[Result], list[str]]:
    """All results, and the names of the benches that raised."""
    db_path = args.db or workdir / "bench.sqlite3"
    ctx = Context(db_path=db_path, customers=args.customers, seed=args.seed)
    # Timings on a shared machine mean little without how busy it was.
    results = [Result("load_average_at_start", os.getloadavg()[0], "runnable processes")]
    if _has_customers(db_path):
        log(f"reusing {db_path} (generation not timed)")
    else:
        log(f"building a demo database of {args.customers:,} customers at {db_path}")
        results += demo_gen.build(db_path, args.customers, args.seed, ctx.now)
    failed: list[str] = []
    for name, bench in BENCHES.items():
        if args.only is None or name in args.only:
            log(f"bench {name}")
            try:
                results += bench(ctx)
            except Exception:  # one broken bench must not cost the figures of the others
                log(traceback.format_exc())
                failed.append(name)
    results.append(Result("load_average_at_end", os.getloadavg()[0], "runnable processes"))
    results.append(Result("peak_rss", peak_rss_mb(), "MB"))
    return results, failed


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    with tempfile.TemporaryDirectory(prefix="solocrm-bench-") as tmp:
        results, failed = run(args, Path(tmp))
    text = json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    if failed:
        log(f"failed benches: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
