"""A consistent copy of a live WAL database, taken with SQLite's backup API.

A file copy of a WAL database loses the committed rows still in ``-wal``; the
backup API reads pages through SQLite.  The copy runs on a dedicated
connection that holds one read transaction for the whole copy, so writers on
other connections keep committing and the copy is exactly one committed
state (without it, every commit restarts the copy).  CPython retries "busy"
forever, so every step reports back and a deadline ends the wait.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from solocrm.backup.errors import SnapshotFailed

PAGES_PER_STEP = 1024
# Bookkeeping of backups themselves: not user data, not counted in the manifest.
BOOKKEEPING_PREFIX = "backup_"


@dataclass(frozen=True)
class Snapshot:
    path: Path
    size: int
    sha256: str
    integrity: str
    row_counts: dict[str, int]
    schema_revisions: list[str]
    fingerprint: str  # of the user's data only; equal when nothing but backup bookkeeping changed


def copy_connection(src: sqlite3.Connection, dest: Path, *, deadline: float,
                    progress: Callable[[int, int], None] | None = None) -> None:
    """Copy what ``src`` sees into a new file ``dest``; raise SnapshotFailed after ``deadline`` seconds busy."""
    ends = time.monotonic() + deadline
    target = sqlite3.connect(dest)
    try:
        target.execute("PRAGMA synchronous=FULL")

        def step(status: int, remaining: int, total: int) -> None:
            if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > ends:
                raise TimeoutError
            if progress is not None and total:
                progress(total - remaining, total)

        try:
            src.backup(target, pages=PAGES_PER_STEP, progress=step, sleep=0.05)
            # a self-contained file: no -wal/-shm appear when it is read, restored or checked
            target.execute("PRAGMA journal_mode=DELETE")
        except TimeoutError:
            raise SnapshotFailed(
                f"The database stayed busy for {deadline:.0f} seconds (another program or a long change is "
                "writing to it), so no backup was taken. It will be tried again.") from None
    finally:
        target.close()


def take(db_path: Path, dest: Path, *, deadline: float = 60.0,
         progress: Callable[[int, int], None] | None = None) -> Snapshot:
    """Snapshot ``db_path`` into ``dest`` and describe it (hash, integrity_check, row counts, revision)."""
    if dest.exists():
        dest.unlink()
    ends = time.monotonic() + deadline
    src = sqlite3.connect(db_path, timeout=1.0, isolation_level=None)
    try:
        while True:
            try:
                src.execute("BEGIN")
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
                break
            except sqlite3.OperationalError as exc:
                if src.in_transaction:
                    src.execute("ROLLBACK")
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise SnapshotFailed(f"The database cannot be read for a backup: {exc}.") from None
                if time.monotonic() > ends:
                    raise SnapshotFailed(f"The database stayed busy for {deadline:.0f} seconds, so no backup "
                                         "was taken. It will be tried again.") from None
        copy_connection(src, dest, deadline=max(ends - time.monotonic(), 0.1), progress=progress)
        src.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        dest.unlink(missing_ok=True)
        raise SnapshotFailed(f"The database cannot be read for a backup: {exc}.") from None
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    return describe(dest)


def describe(image: Path) -> Snapshot:
    """Hash and check an image file: what the manifest records and restore checks again."""
    digest = hashlib.sha256()
    with image.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    conn = sqlite3.connect(f"file:{image}?mode=ro", uri=True)
    try:
        rows = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        integrity = "ok" if rows == ["ok"] else "; ".join(rows[:20])
        counts = row_counts(conn) if integrity == "ok" else {}
        revisions = schema_revisions(conn)
        fingerprint = data_fingerprint(conn, image) if integrity == "ok" else digest.hexdigest()
    except sqlite3.DatabaseError as exc:
        integrity, counts, revisions, fingerprint = f"not a readable database: {exc}", {}, [], digest.hexdigest()
    finally:
        conn.close()
    return Snapshot(image, image.stat().st_size, digest.hexdigest(), integrity, counts, revisions, fingerprint)


def data_fingerprint(conn: sqlite3.Connection, image: Path) -> str:
    """A hash of the user's data, blind to backup bookkeeping (each backup writes history rows).

    With the ``dbstat`` table (most builds) it hashes the pages of every b-tree
    except the bookkeeping ones, in tree order; without it, every row.
    """
    digest = hashlib.sha256()
    for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name"):
        digest.update(sql.encode())
    skipped = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE tbl_name LIKE ?",
                                              (BOOKKEEPING_PREFIX + "%",))} | {"sqlite_schema", "sqlite_master"}
    try:
        pages = conn.execute("SELECT name, pageno FROM dbstat ORDER BY name, path").fetchall()
    except sqlite3.OperationalError:
        for name in user_tables(conn):
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid'):
                digest.update(repr(row).encode())
        return digest.hexdigest()
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    with image.open("rb") as fh:
        for name, pageno in pages:
            if name in skipped:
                continue
            fh.seek((pageno - 1) * page_size)
            digest.update(name.encode())
            digest.update(fh.read(page_size))
    return digest.hexdigest()


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables holding the user's data: not SQLite's, not search index shadows, not backup bookkeeping."""
    rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(
        name for name, _sql in rows
        if not name.startswith("sqlite_") and name != "alembic_version" and name not in virtual
        and not name.startswith(BOOKKEEPING_PREFIX) and not any(name.startswith(v + "_") for v in virtual)
    )


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in user_tables(conn)}


def schema_revisions(conn: sqlite3.Connection) -> list[str]:
    try:
        return sorted(row[0] for row in conn.execute("SELECT version_num FROM alembic_version"))
    except sqlite3.OperationalError:
        return []
