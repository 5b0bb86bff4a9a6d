"""The command line: no subcommand opens the desktop app.

Exit status: 0 success, 1 a user error (message on stderr in the system's
language, no traceback), 2 bad usage (argparse).  Subcommands live in
``solocrm.commands``; heavy modules load inside them so ``solocrm --version``
and the GUI start fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from solocrm import __version__
from solocrm.commands import MODULES, db_path, settle_db
from solocrm.errors import UserError


def _open_gui(args: argparse.Namespace) -> int:
    # Once PySide6 is imported it inspects the source of every module imported after it (its
    # __feature__ hook); loading the data layer first keeps that work off the start-up path.
    import logging.handlers  # noqa: F401
    import platform  # noqa: F401

    import solocrm.services.customer_finder  # noqa: F401
    import solocrm.services.customer_rows  # noqa: F401
    import solocrm.services.customers  # noqa: F401
    import solocrm.services.lifecycle  # noqa: F401
    import solocrm.services.tasks  # noqa: F401
    import solocrm.settings  # noqa: F401
    from solocrm.ui.app import run

    return run(db_path(args))


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="solocrm", add_help=commands,
                                     description="SoloCRM: the customer file of a one-person company.")
    parser.add_argument("--version", action="version", version=f"SoloCRM {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: the one in your data folder)")
    parser.set_defaults(func=_open_gui)
    if commands:
        sub = parser.add_subparsers(dest="command", metavar="COMMAND")
        for name in MODULES:
            importlib.import_module(f"solocrm.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Opening the app names no command: it skips loading every command's module, as it is on the
    # start-up path.  Anything else (a command, --help, a typo) goes to the full parser.
    parser = build_parser(commands=False)
    args, rest = parser.parse_known_args(argv)
    if rest:
        parser = build_parser()
        args = parser.parse_args(argv)
    settle_db(parser, args)
    try:
        return args.func(args)
    except UserError as exc:
        from solocrm.ui.messages import in_system_language  # only QtCore, and only when there is an error

        print(f"solocrm: {in_system_language(exc)}", file=sys.stderr)
        return 1
