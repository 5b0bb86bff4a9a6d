"""Restore: stale WAL moved aside, new machine, old and new schemas (backup.md tests 12, 14)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import keyring
import pytest
from alembic import command

from solocrm.backup import jobs, keys, restore, snapshot, store, swap
from solocrm.backup.container import Manifest, write_backup
from solocrm.backup.errors import UnsupportedVersion
from solocrm.db import migrate
from solocrm.db.database import Database, make_engine
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    add_customers,
    backup_dir,
    configured,
    count,
    integrity,
    key_template,
    memory_keyring,
    run_python,
)


def test_stale_wal_and_shm_beside_the_target_are_moved_aside(configured, db: Database, tmp_path: Path) -> None:  # noqa: F811
    made = jobs.create(db)
    expected = made.manifest.row_counts
    db.close()
    # a crashed app left committed-but-unmerged pages in -wal: they must not replay onto the restored file
    crashed = run_python(
        "import sqlite3, os\n"
        f"c = sqlite3.connect({str(db.path)!r}, isolation_level=None)\n"
        "c.execute('PRAGMA wal_autocheckpoint=0')\n"
        "c.execute(\"UPDATE customer SET name = 'stale'\")\n"
        "c.execute(\"INSERT INTO customer (kind, name, consent_marketing, archived, created_at, updated_at, "
        "order_count, total_spent_minor, stage, search_text) VALUES ('person','stale',0,0,'2026-01-01',"
        "'2026-01-01',0,0,'prospect','')\")\n"
        "os._exit(0)\n")
    assert crashed.returncode == 0, crashed.stderr
    assert Path(str(db.path) + "-wal").stat().st_size > 0

    result = restore.restore(made.path, db.path, [configured.identity])

    conn = sqlite3.connect(db.path)
    counts = snapshot.row_counts(conn)
    stale = conn.execute("SELECT count(*) FROM customer WHERE name = 'stale'").fetchone()[0]
    conn.close()
    assert counts == expected == result.row_counts
    assert stale == 0
    assert integrity(db.path) == "ok"
    assert not swap.journal_path(db.path).exists() and not swap.restoring_path(db.path).exists()
    assert not db.path.with_name(db.path.name + ".before-restore").exists()


def test_restore_takes_a_pinned_safety_backup_and_keeps_backup_settings(configured, db: Database) -> None:  # noqa: F811
    old = jobs.create(db)
    add_customers(db.path, 7)
    db.close()
    result = restore.restore(old.path, db.path, [configured.identity])
    assert count(db.path) == 5
    reopened = Database.open(db.path)
    try:
        safety = store.catalog(reopened)[result.safety_backup.name]
        assert safety.pinned and "before restoring" in safety.pinned and safety.total_rows >= 12
        assert store.load_config(reopened).recipient == configured.config.recipient
        assert [r.trigger for r in store.history(reopened)][:1] == ["restore"]
        # the restore itself is undoable
        reopened.close()
        restore.restore(result.safety_backup, db.path, [configured.identity])
        assert count(db.path) == 12
    finally:
        reopened.close()


def test_restore_refuses_while_the_database_is_open(configured, db: Database) -> None:  # noqa: F811
    from solocrm.errors import DatabaseOpenError

    made = jobs.create(db)
    before = db.path.read_bytes()
    with pytest.raises(DatabaseOpenError, match="open in SoloCRM"):
        restore.restore(made.path, db.path, [configured.identity])
    assert db.path.read_bytes() == before


# ---------------------------------------------------------------- 14. a new machine

@pytest.fixture
def made_elsewhere(tmp_path: Path) -> tuple[Path, str, int]:
    """A backup folder from another computer: (backup file, recovery code, customers)."""
    from tests.backup_support import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        db = Database.open(tmp_path / "old-machine" / "crm.sqlite3")
        add_customers(db.path, 9, prefix="面包店客户")
        setup = jobs.set_up(db, tmp_path / "usb", PASSPHRASE)
        made = jobs.create(db)
        db.close()
    finally:
        keyring.set_keyring(previous)
    return made.path, setup.recovery_code, 9


@pytest.fixture
def new_machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from keyring.backends import fail

    monkeypatch.setenv("SOLOCRM_DATA_DIR", str(tmp_path / "new-machine"))
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield tmp_path / "new-machine" / "solocrm.sqlite3"
    keyring.set_keyring(previous)


def test_new_machine_restores_with_the_file_and_the_passphrase(made_elsewhere, new_machine: Path) -> None:
    backup, _code, customers = made_elsewhere
    assert not new_machine.parent.exists()
    have = jobs.identities(None, folder=backup.parent, passphrase=PASSPHRASE)
    restore.restore(backup, new_machine, have)
    assert count(new_machine) == customers
    db = Database.open(new_machine)
    try:
        assert store.load_config(db) is not None  # the settings came with the data
    finally:
        db.close()


def test_new_machine_restores_with_the_recovery_code_alone(made_elsewhere, new_machine: Path, tmp_path: Path) -> None:
    backup, code, customers = made_elsewhere
    lone = tmp_path / "mail" / backup.name
    lone.parent.mkdir()
    lone.write_bytes(backup.read_bytes())  # only the file, no key file beside it
    restore.restore(lone, new_machine, jobs.identities(None, recovery_code=code))
    assert count(new_machine) == customers


def _backup_of_revision(tmp_path: Path, revision: str, identity: str, fake_revision: str | None = None) -> Path:
    """A backup of a database at an older Alembic revision (or claiming a newer one)."""
    path = tmp_path / f"at-{revision}.sqlite3"
    engine = make_engine(path)
    command.upgrade(migrate.alembic_config(engine), revision)
    engine.dispose()
    add_customers(path, 3, prefix="老客户")
    if fake_revision:
        conn = sqlite3.connect(path)
        conn.execute("UPDATE alembic_version SET version_num = ?", (fake_revision,))
        conn.commit()
        conn.close()
    snap = snapshot.take(path, tmp_path / f"snap-{revision}.sqlite3")
    manifest = Manifest(app_version="0.0.9" if not fake_revision else "9.0.0", created_at="2026-03-01T08:00:00Z",
                        schema_revisions=snap.schema_revisions, image_size=snap.size, image_sha256=snap.sha256,
                        integrity=snap.integrity, row_counts=snap.row_counts)
    out = tmp_path / f"at-{revision}.crmbak"
    with out.open("wb") as fh:
        write_backup(fh, snap.path, manifest, keys.recipient_of(identity), keys.mac_key(identity))
    return out


def test_backup_of_an_older_schema_is_migrated_on_restore(tmp_path: Path, new_machine: Path) -> None:
    identity = keys.generate_identity()
    backup = _backup_of_revision(tmp_path, "0001", identity)
    result = restore.restore(backup, new_machine, [identity])
    assert result.migrated_from == ["0001"]
    db = Database.open(new_machine)  # at head already: opening makes no migration copy
    try:
        from sqlalchemy import select

        from solocrm.db.models import Customer

        with db.session() as s:
            assert sorted(s.scalars(select(Customer.name))) == ["老客户0", "老客户1", "老客户2"]
    finally:
        db.close()
    assert not list(new_machine.parent.glob("*.bak"))


def test_backup_from_a_newer_version_is_refused(tmp_path: Path, db: Database) -> None:
    identity = keys.generate_identity()
    backup = _backup_of_revision(tmp_path, "0001", identity, fake_revision="ffff_from_the_future")
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(UnsupportedVersion, match="newer SoloCRM"):
        restore.restore(backup, db.path, [identity])
    assert db.path.read_bytes() == before
    assert not swap.restoring_path(db.path).exists()
