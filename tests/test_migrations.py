"""Alembic migrations: one head, a clean path up and down, models that match the DDL.

The data tests walk every revision, so each new migration is tested on a
database made by the ones before it, with a customer in it, without anyone
having to remember to add a test.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from solocrm.db import migrate
from solocrm.db.database import Database, make_engine
from solocrm.db.models import Base, Customer
from solocrm.services.search import CustomerQuery, customer_ids_statement

SAMPLE_NAME = "样本客户甲"


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def _revisions_oldest_first() -> list[str]:
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def _migrate(path: Path, target: str, *, down: bool = False) -> None:
    """Move ``path`` to ``target`` with the app's own Alembic config, outside Database.open."""
    engine = make_engine(path)
    try:
        cfg = migrate.alembic_config(engine)
        (command.downgrade if down else command.upgrade)(cfg, target)
    finally:
        engine.dispose()


def _query(path: Path, sql: str, *params: object) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _schema(path: Path) -> list[tuple]:
    """Every table, index and trigger with its SQL, the thing a migration changes."""
    return _query(
        path, "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
    )


def _insert_customer(path: Path) -> int:
    """Insert one customer with raw SQL fitted to whatever columns the table has at this revision.

    Required columns get a value of their declared type, so the test keeps
    working as later revisions add NOT NULL columns (with their backfill).
    """
    conn = sqlite3.connect(path)
    try:
        columns = conn.execute("PRAGMA table_info(customer)").fetchall()
        values: dict[str, object] = {}
        for _cid, name, decl, notnull, default, pk in columns:
            if pk or not notnull or default is not None:
                continue
            decl = decl.upper()
            if "INT" in decl or "BOOL" in decl:
                values[name] = 0
            elif "DATETIME" in decl or "TIMESTAMP" in decl:
                values[name] = "2026-01-02 03:04:05.000000"
            elif "DATE" in decl:
                values[name] = "2026-01-02"
            else:
                values[name] = ""
        values["name"] = SAMPLE_NAME
        if "search_text" in values:
            values["search_text"] = SAMPLE_NAME
        if "stage" in values:
            values["stage"] = "prospect"
        if "kind" in values:
            values["kind"] = "person"
        names = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = conn.execute(f"INSERT INTO customer ({names}) VALUES ({marks})", list(values.values()))
        conn.commit()
        return int(cursor.lastrowid)
    finally:
        conn.close()


def _found_by_search(db: Database, text: str) -> list[int]:
    with db.session() as session:
        return list(session.scalars(customer_ids_statement(CustomerQuery(text=text))))


def test_single_head() -> None:
    heads = _script().get_heads()
    assert len(heads) == 1, f"migrations branch into several heads: {heads}; merge them"
    assert migrate.head_revision() == heads[0]


def test_revision_chain_is_linear() -> None:
    revisions = list(_script().walk_revisions())
    bases = [rev for rev in revisions if rev.down_revision is None]
    assert len(bases) == 1
    for rev in revisions:
        assert not rev.is_merge_point, f"{rev.revision} merges branches"


def test_upgrade_from_empty_to_head(db_path: Path) -> None:
    db = Database.open(db_path, lock=False)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.engine.connect() as conn:
            names = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert set(Base.metadata.tables) <= names
        assert {"customer_fts", "customer_fts_ai", "customer_fts_ad", "customer_fts_au"} <= names
    finally:
        db.close()


def _include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN202
    return not (type_ == "table" and name.startswith("customer_fts"))


def test_models_match_migrated_schema(db_path: Path) -> None:
    db = Database.open(db_path, lock=False)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(
                conn,
                opts={"include_object": _include_object, "compare_type": True, "render_as_batch": True},
            )
            diff = compare_metadata(context, Base.metadata)
    finally:
        db.close()
    assert diff == [], "models and migrations disagree; write a migration for:\n" + "\n".join(map(str, diff))


@pytest.mark.parametrize("revision", _revisions_oldest_first())
def test_upgrade_with_data_from_each_revision(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.sqlite3"
    _migrate(path, revision)
    customer_id = _insert_customer(path)

    db = Database.open(path, lock=False)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
        with db.session() as session:
            customer = session.get(Customer, customer_id)
            assert customer is not None and customer.name == SAMPLE_NAME
        assert customer_id in _found_by_search(db, SAMPLE_NAME[:3])  # FTS (3+ characters)
        assert customer_id in _found_by_search(db, SAMPLE_NAME[:2])  # LIKE fallback
    finally:
        db.close()

    backup = path.with_name(f"{path.name}.before-{revision}.bak")
    if revision == migrate.head_revision():
        assert not backup.exists()
    else:
        assert backup.exists(), "a pending migration must copy the file first"
        assert _query(backup, "SELECT version_num FROM alembic_version") == [(revision,)]


def test_downgrade_step_by_step_to_base_and_up_again(db_path: Path) -> None:
    revisions = _revisions_oldest_first()
    schemas = {}
    for revision in revisions:
        _migrate(db_path, revision)
        schemas[revision] = _schema(db_path)

    for revision in reversed(revisions[:-1]):
        _migrate(db_path, "-1", down=True)
        assert _schema(db_path) == schemas[revision], f"downgrade to {revision} left a different schema"
    _migrate(db_path, "base", down=True)
    leftovers = [name for _type, name, _sql in _schema(db_path) if name != "alembic_version"]
    assert leftovers == [], f"downgrade to base left {leftovers}"

    _migrate(db_path, "head")
    assert _schema(db_path) == schemas[revisions[-1]]
    db = Database.open(db_path, lock=False)
    db.close()


def test_safety_copy_is_a_consistent_snapshot(db_path: Path) -> None:
    db = Database.open(db_path, lock=False)
    db.close()
    customer_id = _insert_customer(db_path)
    before = db_path.read_bytes()

    copy = migrate._safety_copy(db_path, "0001")

    assert copy == db_path.with_name(f"{db_path.name}.before-0001.bak")
    assert db_path.read_bytes() == before
    assert _query(copy, "PRAGMA integrity_check") == [("ok",)]
    assert _query(copy, "SELECT name FROM customer WHERE id = ?", customer_id) == [(SAMPLE_NAME,)]


def test_open_at_head_makes_no_safety_copy(db_path: Path) -> None:
    Database.open(db_path, lock=False).close()
    Database.open(db_path, lock=False).close()
    assert list(db_path.parent.glob("*.bak")) == []


NEXT_REVISION = '''"""test-only revision on top of the shipped head"""
from alembic import op
import sqlalchemy as sa

revision = "ffff_test_next"
down_revision = {down!r}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe_note", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade() -> None:
    op.drop_table("probe_note")
'''


def test_pending_migration_copies_the_file_first(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newer SoloCRM (simulated by one extra revision) opening today's file backs it up first."""
    shipped_head = migrate.head_revision()
    Database.open(db_path, lock=False).close()
    customer_id = _insert_customer(db_path)

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.alembic_config().get_main_option("script_location"), scripts,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "ffff_test_next.py").write_text(NEXT_REVISION.format(down=shipped_head))
    monkeypatch.setattr(migrate, "shipped_dir", lambda name: scripts)

    db = Database.open(db_path, lock=False)
    try:
        assert migrate.current_revision(db.engine) == "ffff_test_next"
        with db.session() as session:
            assert session.get(Customer, customer_id).name == SAMPLE_NAME
    finally:
        db.close()

    backup = db_path.with_name(f"{db_path.name}.before-{shipped_head}.bak")
    assert _query(backup, "SELECT version_num FROM alembic_version") == [(shipped_head,)]
    assert _query(backup, "SELECT name FROM customer WHERE id = ?", customer_id) == [(SAMPLE_NAME,)]
    assert _query(backup, "SELECT name FROM sqlite_master WHERE name = 'probe_note'") == []
