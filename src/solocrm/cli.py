"""The command line: no subcommand opens the desktop app.

Exit status: 0 success, 1 a user error (message on stderr, no traceback),
2 bad usage (argparse).  Heavy modules are imported inside the commands so
``solocrm --version`` and the GUI start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from solocrm import __version__
from solocrm.errors import UserError
from solocrm.locations import AppPaths


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else AppPaths.default().default_db


def _cmd_demo(args: argparse.Namespace) -> int:
    from solocrm.db.database import Database
    from solocrm.services import demo

    db = Database.open(_db_path(args))
    try:
        last = [-1]

        def progress(done: int, total: int) -> None:
            pct = done * 100 // max(total, 1)
            if pct // 10 != last[0] // 10 and sys.stderr.isatty():
                print(f"\r{pct}%", end="", file=sys.stderr, flush=True)
            last[0] = pct

        summary = demo.generate(db, customers=args.customers, seed=args.seed, progress=progress)
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"{db.path}: {summary}")
    return 0


def _cmd_gui(args: argparse.Namespace) -> int:
    from solocrm.ui.app import run

    return run(_db_path(args))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="solocrm", description="SoloCRM: the customer file of a one-person company.")
    parser.add_argument("--version", action="version", version=f"SoloCRM {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: the one in your data folder)")
    parser.set_defaults(func=_cmd_gui)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill a new database with realistic demo data")
    demo.add_argument("--db", metavar="PATH", required=True, help="database file to create and fill")
    demo.add_argument("--customers", type=int, default=1000, metavar="N", help="how many customers (default 1000)")
    demo.add_argument("--seed", type=int, default=1, help="random seed; the same seed gives the same data")
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "customers", 1) < 1:
        print("solocrm: --customers must be at least 1", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except UserError as exc:
        print(f"solocrm: {exc.message}", file=sys.stderr)
        return 1
