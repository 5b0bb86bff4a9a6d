"""One module per CLI subcommand group.

Each module has ``register(subparsers)`` that adds its parser and sets
``func(args) -> int``.  Modules import heavy libraries inside ``func`` so that
building the parser (every start, the GUI included) stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from solocrm.locations import AppPaths

if TYPE_CHECKING:
    from solocrm.db.database import Database
    from solocrm.errors import Explained

# Order here is the order in ``solocrm --help``.
MODULES = ("demo", "desktop", "import_", "export", "analytics", "report", "settings", "backup")

# argparse lets a subcommand's defaults overwrite what the main parser read, so a --db before the
# command would be lost if both had the same dest: the one after the command has its own, and
# ``settle_db`` joins the two into ``args.db``.
DB_AFTER_COMMAND = "db_after_command"


def db_path(args: argparse.Namespace) -> Path:
    """The database a command works on: ``--db`` or the default one in the data folder."""
    return Path(args.db) if getattr(args, "db", None) else AppPaths.default().default_db


def existing_db_path(args: argparse.Namespace) -> Path:
    """The database of a command that does not create one: it must be there already.

    A mistyped ``--db`` would otherwise become a new, empty database, and the
    command would succeed on it (an export of 0 customers, a report of nothing).
    """
    from solocrm.errors import DatabaseOpenError
    from solocrm.translatable import QT_TRANSLATE_NOOP

    path = db_path(args)
    if not path.exists():
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "There is no database at {path}. Check the path given with --db, or open SoloCRM "
                      "once to create your database. Nothing was created."), path=path)
    return path


def open_database(path: Path, *, lock: bool = True) -> Database:
    """Open ``path`` with every stored stage brought up to today, as the app does on open.

    A customer whose only order is 200 days old was stored as "new" when it
    was placed; without this a scripted export or ``--segment stage=churned``
    would still see "new".  Restaging writes, so it first waits for another
    program's write, and says so, as the commands that write do.
    """
    from solocrm.db.database import Database, wait_for_writers
    from solocrm.services import lifecycle

    db = Database.open(path, lock=lock)
    try:
        wait_for_writers(db.path, notice)
        lifecycle.update_stages(db)
    except BaseException:
        db.close()
        raise
    return db


def add_db_option(parser: argparse.ArgumentParser, required: bool = False, help: str | None = None) -> None:
    """``--db`` after a command; it means the same as ``--db`` before it (see ``settle_db``)."""
    parser.add_argument("--db", dest=DB_AFTER_COMMAND, metavar="PATH",
                        help=help or "database file" + ("" if required else " (default: the one in your data folder)"))
    parser.set_defaults(db_required=required)


def settle_db(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Put the one database the user named in ``args.db``, wherever ``--db`` stood; bad usage exits 2.

    Two different paths, a ``--db`` for a command that uses no database, or
    none for a command that needs one are refused rather than guessed at.
    """
    before, after = getattr(args, "db", None), getattr(args, DB_AFTER_COMMAND, None)
    command = " ".join(filter(None, (getattr(args, "command", None), getattr(args, "backup_command", None))))
    if before and command and not hasattr(args, DB_AFTER_COMMAND):
        parser.error(f"{command} does not use a database; leave out --db")
    if before and after and Path(before).expanduser().resolve() != Path(after).expanduser().resolve():
        parser.error(f"--db is given twice with different paths ({before} and {after}); give it once")
    args.db = after or before
    if getattr(args, "db_required", False) and not args.db:
        parser.error(f"{command} needs --db PATH")


def notice(message: Explained) -> None:
    """Tell the user, on stderr in their system's language, what the command is waiting for."""
    from solocrm.ui.messages import in_system_language  # only QtCore, and only when there is something to say

    print(f"solocrm: {in_system_language(message)}", file=sys.stderr, flush=True)
