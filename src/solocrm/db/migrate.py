"""Alembic, driven from the app: the URL comes from the open engine, never alembic.ini.

A pending migration first copies the database with SQLite's backup API
(``<name>.before-<revision>.bak`` beside it), so an upgrade that goes wrong
never costs the user their data.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError

from solocrm.errors import DatabaseOpenError
from solocrm.locations import shipped_dir


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(shipped_dir("migrations")))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _safety_copy(path: Path, revision: str) -> Path:
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_to_head(engine: Engine, path: Path) -> None:
    script = ScriptDirectory.from_config(alembic_config())
    try:
        current = current_revision(engine)
    except SADatabaseError as exc:
        raise DatabaseOpenError(
            f"{path} is not a SoloCRM database or is damaged ({exc.orig}). "
            "Open another file or restore a backup. The file was not changed."
        ) from None
    head = script.get_current_head()
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except Exception:
            raise DatabaseOpenError(
                f"{path} was written by a newer version of SoloCRM. Install the latest SoloCRM "
                "to open it. The file was not changed."
            ) from None
        _safety_copy(path, current)
    elif _has_foreign_tables(engine):
        raise DatabaseOpenError(
            f"{path} is an SQLite database of another program, not SoloCRM. "
            "Open a SoloCRM file instead. The file was not changed."
        )
    command.upgrade(alembic_config(engine), "head")


def _has_foreign_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).all()
    return bool(rows)
