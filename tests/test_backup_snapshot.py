"""Snapshots of a live WAL database hold exactly the committed rows (backup.md test 9)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from solocrm.backup import jobs, snapshot
from solocrm.backup.errors import SnapshotFailed
from solocrm.db.database import Database
from tests.backup_support import (  # noqa: F401
    add_customers,
    backup_dir,
    configured,
    count,
    key_template,
    memory_keyring,
)


def _wal_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA wal_autocheckpoint=0")  # keep committed rows in -wal, unmerged
    conn.execute("CREATE TABLE n (id INTEGER PRIMARY KEY, pad BLOB)")
    return conn


def test_snapshot_has_committed_rows_in_the_wal_and_none_uncommitted(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    conn = _wal_db(db)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO n (pad) VALUES (randomblob(500))", [()] * 300)
    conn.execute("COMMIT")
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN")
    writer.executemany("INSERT INTO n (pad) VALUES (randomblob(500))", [()] * 50)  # not committed
    assert Path(str(db) + "-wal").stat().st_size > 0

    snap = snapshot.take(db, tmp_path / "snap.sqlite3", deadline=5)

    copied = tmp_path / "copy.sqlite3"
    shutil.copy(db, copied)  # what a naive file copy gets: the -wal is missing
    assert count(snap.path, "n") == 300 and snap.row_counts["n"] == 300
    assert snap.integrity == "ok"
    assert not _has_table(copied) or count(copied, "n") < 300  # the copy lost committed rows; the snapshot did not
    writer.execute("ROLLBACK")
    writer.close()
    conn.close()


def _has_table(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return bool(conn.execute("SELECT count(*) FROM sqlite_master WHERE name='n'").fetchone()[0])
    finally:
        conn.close()


def test_writer_committing_throughout_gets_one_committed_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "live.sqlite3"
    conn = _wal_db(db)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO n (pad) VALUES (randomblob(2000))", [()] * 3000)
    conn.execute("COMMIT")
    monkeypatch.setattr(snapshot, "PAGES_PER_STEP", 16)  # many steps, so commits land between them
    stop = threading.Event()
    commits = [0]

    def write() -> None:
        w = sqlite3.connect(db, isolation_level=None, timeout=10)
        while not stop.is_set():
            w.execute("INSERT INTO n (pad) VALUES (randomblob(100))")  # one row per commit
            commits[0] += 1
        w.close()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        time.sleep(0.05)
        snap = snapshot.take(db, tmp_path / "snap.sqlite3", deadline=30)
    finally:
        stop.set()
        thread.join()
    conn.close()
    assert commits[0] > 0
    rows = count(snap.path, "n")
    assert snap.integrity == "ok"
    check = sqlite3.connect(snap.path)
    assert check.execute("SELECT max(id) FROM n").fetchone()[0] == rows  # a prefix of the commits: no gaps
    check.close()
    assert 3000 <= rows <= 3000 + commits[0]


def test_open_write_transaction_on_the_same_connection_fails_within_the_deadline(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    conn = _wal_db(db)
    conn.execute("BEGIN")
    conn.execute("INSERT INTO n (pad) VALUES (x'00')")
    started = time.monotonic()
    with pytest.raises(SnapshotFailed, match="busy"):
        snapshot.copy_connection(conn, tmp_path / "snap.sqlite3", deadline=1.0)
    assert time.monotonic() - started < 5
    conn.execute("ROLLBACK")
    conn.close()


def test_database_locked_by_another_program_fails_within_the_deadline(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    _wal_db(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("INSERT INTO n (pad) VALUES (x'00')")
    started = time.monotonic()
    with pytest.raises(SnapshotFailed):
        snapshot.take(db, tmp_path / "snap.sqlite3", deadline=1.5)
    assert time.monotonic() - started < 6
    assert not (tmp_path / "snap.sqlite3").exists()
    holder.close()


def test_nothing_changed_is_skipped_and_bookkeeping_does_not_count(configured, db: Database) -> None:  # noqa: F811
    first = jobs.create(db)
    second = jobs.create(db)
    add_customers(db.path, 1)
    third = jobs.create(db)
    assert (first.outcome, second.outcome, third.outcome) == ("succeeded", "skipped", "succeeded")
    assert second.reason.message == "nothing changed since the last backup"
