"""``solocrm demo``: a realistic database to explore or to measure with."""

from __future__ import annotations

import argparse
import sys

from solocrm.commands import add_db_option, db_path, notice


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="fill a new database with realistic demo data")
    add_db_option(parser, required=True)
    parser.add_argument("--customers", type=int, default=1000, metavar="N", help="how many customers (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same data")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from solocrm.db.database import Database, wait_for_writers
    from solocrm.services import demo

    if args.customers < 1:
        print("solocrm demo: --customers must be at least 1", file=sys.stderr)
        return 2
    show = sys.stderr.isatty()
    last = [-1]

    def progress(done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if show and pct != last[0]:
            print(f"\r{pct}%", end="", file=sys.stderr, flush=True)
        last[0] = pct

    db = Database.open(db_path(args))
    try:
        wait_for_writers(db.path, notice)
        summary = demo.generate(db, customers=args.customers, seed=args.seed, progress=progress)
    finally:
        db.close()
    if show:
        print(file=sys.stderr)
    print(f"{db.path}: {summary}")
    return 0
