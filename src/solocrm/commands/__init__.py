"""One module per CLI subcommand group.

Each module has ``register(subparsers)`` that adds its parser and sets
``func(args) -> int``.  Modules import heavy libraries inside ``func`` so that
building the parser (every start, the GUI included) stays cheap.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from solocrm.locations import AppPaths

# Order here is the order in ``solocrm --help``.
MODULES = ("demo", "desktop", "import_", "export", "analytics", "report", "backup")


def db_path(args: argparse.Namespace) -> Path:
    """The database a command works on: ``--db`` or the default one in the data folder."""
    return Path(args.db) if getattr(args, "db", None) else AppPaths.default().default_db


def add_db_option(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("--db", metavar="PATH", required=required,
                        help="database file" + ("" if required else " (default: the one in your data folder)"))
