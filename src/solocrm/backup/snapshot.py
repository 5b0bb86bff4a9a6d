"""A consistent copy of a live WAL database, taken with SQLite's backup API.

A file copy of a WAL database loses the committed rows still in ``-wal``; the
backup API reads pages through SQLite.  The copy runs on a dedicated
connection that holds one read transaction for the whole copy, so writers on
other connections keep committing and the copy is exactly one committed
state (without it, every commit restarts the copy).  CPython retries "busy"
forever, so every step reports back and a deadline ends the wait.

The snapshot is a plaintext copy of every customer: it is created readable by
the user alone, and one a killed backup left behind is removed the next time
the database opens.
"""

from __future__ import annotations

import errno
import hashlib
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from solocrm.backup.errors import DiskFull, SnapshotFailed
from solocrm.locations import private_file
from solocrm.translatable import QT_TRANSLATE_NOOP

PAGES_PER_STEP = 1024
CHECK_CACHE_KIB = 32 * 1024  # integrity_check revisits index pages: a bigger cache makes it a quarter faster
# Bookkeeping of backups themselves: not user data, not counted in the manifest.
BOOKKEEPING_PREFIX = "backup_"
# The snapshot and what SQLite keeps beside it while writing it (the copied header says WAL until it is switched).
SNAPSHOT_FILES = ("", "-journal", "-wal", "-shm")


class IntegrityCheck:
    """``PRAGMA integrity_check`` of an image, running on its own thread from the moment it is made.

    SQLite runs the check without holding the GIL, and on a large file it is
    the slowest step of a backup: the backup job encrypts, writes and reads
    back the file meanwhile and asks ``result()`` before it keeps the file.
    """

    def __init__(self, image: Path) -> None:
        self._conn = sqlite3.connect(f"file:{image}?mode=ro", uri=True, check_same_thread=False)
        self._result = "not checked"
        self._thread = threading.Thread(target=self._run, name="integrity-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._conn.execute(f"PRAGMA cache_size=-{CHECK_CACHE_KIB}")
            rows = [row[0] for row in self._conn.execute("PRAGMA integrity_check")]
            self._result = "ok" if rows == ["ok"] else "; ".join(rows[:20])
        except sqlite3.DatabaseError as exc:
            self._result = f"not a readable database: {exc}"
        finally:
            self._conn.close()

    def result(self) -> str:
        """"ok", or what is wrong with the image."""
        self._thread.join()
        return self._result

    def cancel(self) -> None:
        """Stop a check whose answer is no longer needed (the backup was skipped or failed)."""
        if self._thread.is_alive():
            try:
                self._conn.interrupt()
            except sqlite3.ProgrammingError:
                pass  # finished and closed just now
        self._thread.join()


def snapshot_path(db_path: Path) -> Path:
    """The plaintext snapshot lives beside the live database, never in the (maybe synced) destination."""
    return db_path.with_name(db_path.name + ".backup-snapshot")


def backup_lock(db_path: Path) -> FileLock:
    """Held by a backup of ``db_path`` while it runs: one at a time, and its snapshot is not a leftover."""
    return FileLock(str(db_path) + ".backup.lock")


def remove_leftover(db_path: Path) -> None:
    """Delete the snapshot a killed backup left beside ``db_path``: a plaintext copy of every customer.

    A backup running now, in this process or another, holds the backup lock:
    its snapshot is left alone.
    """
    files = [Path(f"{snapshot_path(db_path)}{suffix}") for suffix in SNAPSHOT_FILES]
    if not any(file.exists() for file in files):
        return
    lock = backup_lock(db_path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return
    try:
        for file in files:
            file.unlink(missing_ok=True)
    finally:
        lock.release()


@dataclass(frozen=True)
class Snapshot:
    path: Path
    size: int
    sha256: str
    integrity: str
    row_counts: dict[str, int]
    schema_revisions: list[str]
    fingerprint: str  # of the user's data only; equal when nothing but backup bookkeeping changed
    check: IntegrityCheck | None = None  # still running: ``integrity`` is "pending" until it answers


def copy_connection(src: sqlite3.Connection, dest: Path, *, deadline: float,
                    progress: Callable[[int, int], None] | None = None) -> None:
    """Copy what ``src`` sees into a new file ``dest``; raise SnapshotFailed after ``deadline`` seconds busy."""
    ends = time.monotonic() + deadline
    target = sqlite3.connect(private_file(dest))
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
            raise SnapshotFailed(QT_TRANSLATE_NOOP(
                "errors", "The database stayed busy for {deadline:.0f} seconds (another program or a long change "
                          "is writing to it), so no backup was taken. It will be tried again."),
                deadline=deadline) from None
    finally:
        target.close()


def take(db_path: Path, dest: Path, *, deadline: float = 60.0,
         progress: Callable[[int, int], None] | None = None, wait: bool = True) -> Snapshot:
    """Snapshot ``db_path`` into ``dest`` and describe it (hash, integrity_check, row counts, revision).

    With ``wait=False`` the integrity check is still running in ``Snapshot.check``.
    """
    if dest.exists():
        dest.unlink()
    require_room(db_path, dest)
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
                    raise SnapshotFailed(QT_TRANSLATE_NOOP(
                        "errors", "The database cannot be read for a backup: {exc}."), exc=exc) from None
                if time.monotonic() > ends:
                    raise SnapshotFailed(QT_TRANSLATE_NOOP(
                        "errors", "The database stayed busy for {deadline:.0f} seconds, so no backup was taken. It "
                                  "will be tried again."), deadline=deadline) from None
        copy_connection(src, dest, deadline=max(ends - time.monotonic(), 0.1), progress=progress)
        src.execute("COMMIT")
    except (sqlite3.DatabaseError, OSError) as exc:
        _discard(dest)
        if _disk_full(exc):
            raise _no_room(db_path, dest) from None
        raise SnapshotFailed(QT_TRANSLATE_NOOP(
            "errors", "The database cannot be read for a backup: {exc}."), exc=exc) from None
    except BaseException:
        _discard(dest)
        raise
    finally:
        src.close()
    return describe(dest, wait=wait)


def _needed(db_path: Path) -> int:
    """Room the snapshot takes at most: the database and its -wal (a checkpoint can only shrink them)."""
    return sum(Path(f"{db_path}{suffix}").stat().st_size for suffix in ("", "-wal")
               if Path(f"{db_path}{suffix}").exists())


def _no_room(db_path: Path, dest: Path) -> DiskFull:
    try:
        free = shutil.disk_usage(dest.parent).free
    except OSError:
        free = 0
    return DiskFull(QT_TRANSLATE_NOOP(
        "errors", "The disk that holds your database ({folder}) is too full for a backup: the snapshot taken "
                  "beside the database needs {needed} and {free} is free. Free some space on that disk and try "
                  "again; nothing was written."),
        folder=dest.parent, needed=_mib(_needed(db_path)), free=_mib(free))


def _mib(n: int) -> str:
    return f"{n / (1 << 20):.1f} MiB"


def require_room(db_path: Path, dest: Path) -> None:
    """Refuse before writing a snapshot the disk cannot hold, rather than fail half-way and leave files."""
    try:
        free = shutil.disk_usage(dest.parent).free
    except OSError:
        return  # cannot tell: the write itself reports a full disk
    if free < _needed(db_path):
        raise _no_room(db_path, dest)


def _disk_full(exc: BaseException) -> bool:
    return (getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL
            or getattr(exc, "errno", None) in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)))


def _discard(dest: Path) -> None:
    """Remove a failed snapshot with the journal and WAL SQLite keeps beside it."""
    for suffix in SNAPSHOT_FILES:
        Path(f"{dest}{suffix}").unlink(missing_ok=True)


def describe(image: Path, wait: bool = True) -> Snapshot:
    """Hash and check an image file: what the manifest records and restore checks again.

    The integrity check runs beside the hashing and counting; with ``wait=False``
    it is left running in ``Snapshot.check`` (``integrity`` is then "pending").
    """
    check = IntegrityCheck(image)
    digest = hashlib.sha256()

    def hash_file() -> None:  # reading and hashing large blocks release the GIL: beside the counting below
        with image.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)

    hashing = threading.Thread(target=hash_file, name="image-hash")
    hashing.start()
    conn = sqlite3.connect(f"file:{image}?mode=ro", uri=True)
    try:
        counts = row_counts(conn)
        revisions = schema_revisions(conn)
        fingerprint = data_fingerprint(conn, image)
    except sqlite3.DatabaseError:
        counts, revisions, fingerprint = {}, [], ""  # the check says what is wrong
    finally:
        conn.close()
        hashing.join()
    fingerprint = fingerprint or digest.hexdigest()
    size = image.stat().st_size
    if not wait:
        return Snapshot(image, size, digest.hexdigest(), "pending", counts, revisions, fingerprint, check)
    integrity = check.result()
    if integrity != "ok":
        counts, fingerprint = {}, digest.hexdigest()
    return Snapshot(image, size, digest.hexdigest(), integrity, counts, revisions, fingerprint)


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
    with image.open("rb", buffering=0) as fh:  # unbuffered: each page is one read, not a buffer refill
        update, seek, read, last = digest.update, fh.seek, fh.read, None
        for name, pageno in pages:
            if name in skipped:
                continue
            if name != last:  # pages come grouped by b-tree, in tree order
                update(name.encode())
                last = name
            seek((pageno - 1) * page_size)
            update(read(page_size))
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
