"""Alembic, driven from the app: the URL comes from the open engine, never alembic.ini.

A pending migration first copies the database with SQLite's backup API
(``<name>.before-<revision>.bak`` beside it, readable by the user alone), so
an upgrade that goes wrong never costs the user their data.

Alembic itself is imported only when a database is not at the newest schema:
whether it is comes from reading the revision ids in the migration files, and
importing Alembic would otherwise cost a third of the app's start-up.
"""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from solocrm.errors import DatabaseOpenError
from solocrm.locations import private_file, shipped_dir
from solocrm.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(shipped_dir("migrations")))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _safety_copy(path: Path, revision: str) -> Path:
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(private_file(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _shipped_heads() -> set[str]:
    """Revisions no other migration builds on, read from the files without importing Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (shipped_dir("migrations") / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(script.read_text(encoding="utf-8")))
        revisions.add(ast.literal_eval(found["revision"]))
        down = ast.literal_eval(found.get("down_revision", "None"))
        parents.update(down if isinstance(down, tuple) else (down,) if down else ())
    return revisions - parents


def _revision_of_our_file(path: Path) -> list[str]:
    """The file's Alembic revisions, refusing files that are not ours to migrate.

    A bare sqlite3 connection reads it before the engine ever connects: the
    engine's first connection switches the journal to WAL, which would rewrite
    the header of a foreign or newer file we must leave byte for byte as it was.
    """
    conn = sqlite3.connect(path)
    try:
        tables = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        revisions = (
            [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
            if "alembic_version" in tables
            else []
        )
    except sqlite3.DatabaseError as exc:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not a SoloCRM database or is damaged ({why}). "
                      "Open another file or restore a backup. The file was not changed."), path=path, why=exc) from None
    finally:
        conn.close()
    if tables and "alembic_version" not in tables:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{path} is an SQLite database of another program, not SoloCRM. "
                      "Open a SoloCRM file instead. The file was not changed."), path=path)
    return revisions


def _refuse_unknown(path: Path, revisions: list[str], script: ScriptDirectory) -> None:
    for revision in revisions:
        try:
            script.get_revision(revision)
        except Exception:
            raise DatabaseOpenError(QT_TRANSLATE_NOOP(
                "errors", "{path} was written by a newer version of SoloCRM. Install the latest SoloCRM "
                          "to open it. The file was not changed."), path=path) from None


def upgrade_to_head(engine: Engine, path: Path) -> None:
    """Bring ``path`` to the newest schema; call before ``engine`` has connected.

    Upgrades to every head, so a tree with parallel branches (work in progress
    before they are chained) still opens; the migration tests insist on one.
    """
    current = _revision_of_our_file(path)
    if current and set(current) == _shipped_heads():
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    _refuse_unknown(path, current, script)
    if set(current) == set(script.get_heads()):
        return
    if current:
        _safety_copy(path, "+".join(sorted(current)))
    command.upgrade(alembic_config(engine), "heads")
