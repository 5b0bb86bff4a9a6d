"""Opening a SoloCRM database: checks, lock, migrations, sessions.

``Database.open`` refuses, with a message that says what to do, every file it
should not touch (not SQLite, read-only, from a newer SoloCRM, already open in
another running copy) and leaves that file exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import OperationalError as SQLAlchemyOperationalError
from sqlalchemy.orm import Session, sessionmaker

from solocrm.backup import snapshot, swap
from solocrm.db import migrate
from solocrm.errors import DatabaseBusy, DatabaseOpenError, DiskFull, Explained
from solocrm.locations import private_dir, private_file
from solocrm.translatable import QT_TRANSLATE_NOOP

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(path: Path) -> Engine:
    """The one engine factory: every statement error it raises names the statement but not its values.

    ``hide_parameters`` keeps the customer's name, phone, email and notes out of
    the exception text, and so out of the log and the crash dialog's details.
    ``URL.create`` takes the path as it is: in "sqlite:///{path}" a "?" or "%20"
    in a file name was read as URL syntax, and SQLite opened (or made) another
    file than the one checked.
    """
    engine = create_engine(URL.create("sqlite", database=str(path)), connect_args={"check_same_thread": False},
                           hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _can_write(path: Path) -> bool:
    """Ask the OS itself: os.access answers for the real uid and misses read-only mounts and ACLs.

    Opening for writing without writing leaves the file's bytes and mtime as they were.
    """
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    os.close(fd)
    return True


def _refuse_empty(path: Path) -> None:
    """A 0-byte file is refused, not quietly made into a new, empty database.

    SQLite would take it as an empty database, but a SoloCRM database is never
    0 bytes: a database emptied by a failed copy or an unfinished cloud download
    would turn into a fresh one the user then fills, and a sync may carry it
    over the real one.
    """
    if path.stat().st_size == 0:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{path} is empty (0 bytes), so it is not a SoloCRM database. If your data should be in it, "
                      "restore it from a backup; to start a new database there, delete the empty file first. "
                      "The file was not changed."), path=path)


def _check_file(path: Path) -> bool:
    """Refuse what must not be opened; create a missing file (private to the user). True when it was created."""
    if path.is_dir():
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{path} is a folder, not a SoloCRM database file. Choose a file."), path=path)
    if path.exists():
        _refuse_empty(path)
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
        if head and head != SQLITE_MAGIC:
            raise DatabaseOpenError(QT_TRANSLATE_NOOP(
                "errors", "{path} is not a SoloCRM database (it is not an SQLite file). "
                          "Open the right file, or restore it from a backup. The file was not changed."), path=path)
        if not _can_write(path) or not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(QT_TRANSLATE_NOOP(
                "errors", "{path} is read-only. Copy it to a folder you can write to, or change its "
                          "permissions, then open it again. The file was not changed."), path=path)
    else:
        try:
            private_dir(path.parent)
        except OSError as exc:
            raise DatabaseOpenError(QT_TRANSLATE_NOOP("errors", "Cannot create the folder {folder}: {why}."),
                                    folder=path.parent, why=exc.strerror) from exc
        if not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(QT_TRANSLATE_NOOP(
                "errors", "Cannot create a database in {folder}: the folder is read-only."), folder=path.parent)
        private_file(path)  # before SQLite creates it: its -wal and -shm take the database file's mode
        return True
    return False


class Database:
    """An open database: holds the engine, the single-writer lock and the session factory."""

    def __init__(self, path: Path, engine: Engine, lock: FileLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._closed = False
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._checkpoint: threading.Thread | None = None
        event.listen(engine, "do_connect", self._refuse_when_closed)

    def _refuse_when_closed(self, *_args: object) -> None:
        # SQLAlchemy reconnects after dispose(); a timer still holding a closed Database
        # must not reopen a file that a restore is replacing.
        if self._closed:
            raise DatabaseOpenError(QT_TRANSLATE_NOOP("errors", "{file} was closed; reopen it to continue."),
                                    file=self.path.name)

    @classmethod
    def open(cls, path: Path | str, *, lock: bool = True) -> "Database":
        """Check, lock and migrate ``path`` (created when missing).

        ``lock`` keeps other running copies of SoloCRM out; the CLI's read-only
        commands and tests pass False.
        """
        path = Path(path).expanduser().resolve()
        created = _check_file(path)
        file_lock = None
        if lock:
            file_lock = FileLock(str(path) + ".lock")
            try:
                file_lock.acquire(timeout=0)
            except Timeout:
                raise DatabaseOpenError(QT_TRANSLATE_NOOP(
                    "errors", "{path} is already open in another SoloCRM window. Switch to that window, "
                              "or close it and try again."), path=path) from None
        engine = make_engine(path)
        try:
            if file_lock is not None:  # only the lock's holder may finish or undo a crashed restore
                swap.recover(path)
            snapshot.remove_leftover(path)
            migrate.upgrade_to_head(engine, path)
        except BaseException:
            # A refused file must not keep connections (and their -wal/-shm files) open.
            engine.dispose()
            if created and path.stat().st_size == 0:  # else every later open would refuse it as an empty file
                path.unlink()
            if file_lock is not None:
                file_lock.release()
            raise
        return cls(path, engine, file_lock)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits when the block ends, rolls back on any error.

        A full disk is not a bug but something the user can mend: it becomes a
        DiskFull with what to do (the rollback already kept what was stored).
        """
        try:
            with self._sessions() as session:
                with session.begin():
                    yield session
        except (sqlite3.OperationalError, SQLAlchemyOperationalError) as exc:
            cause = getattr(exc, "orig", exc)
            if getattr(cause, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                raise DiskFull(QT_TRANSLATE_NOOP(
                    "errors", "The disk is full, so this was not saved; everything saved before is still there. "
                              "Free some space on the disk that holds {folder} and try again."),
                    folder=self.path.parent) from exc
            if is_busy(cause):
                raise busy_error(self.path) from exc
            raise

    def checkpoint_in_background(self) -> None:
        """Copy the write-ahead log into the database file on a thread (and connection) of its own.

        A big write (an import) turns SQLite's automatic checkpoint off for its
        transaction: it would run inside the commit, on the thread the user
        waits for (0.1 s after 100,000 customers, more after a million orders).
        PASSIVE never blocks a reader or writer; what it leaves, the next
        automatic checkpoint copies.  ``close`` waits for it.
        """
        self.wait_for_checkpoint()
        self._checkpoint = threading.Thread(target=self._run_checkpoint, name="checkpoint", daemon=True)
        self._checkpoint.start()

    def _run_checkpoint(self) -> None:
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                conn.close()
        except sqlite3.Error:
            pass  # nothing is lost: the log still holds every page, and the next checkpoint copies it

    def _fold_log_into_file(self) -> None:
        """Leave every save in the database file itself, with the write-ahead log emptied.

        SQLite does this when the last connection of all closes, if it can
        take the file's exclusive lock then.  Since its locks are OFD locks
        (``db.locks``), a descriptor the app's connections left open could
        still hold a shared lock at that moment, and the log stayed: after
        quitting, a new database was a 4 KB file beside a 667 KB log, and a
        user who copied the file alone copied nothing.  A reader in another
        process makes the checkpoint stop short; what is left stays in the
        log, which the next open reads.
        """
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except (sqlite3.Error, SQLAlchemyOperationalError):
            pass  # nothing is lost: the log keeps what the file does not have yet

    def wait_for_checkpoint(self) -> None:
        if self._checkpoint is not None:
            self._checkpoint.join()
            self._checkpoint = None

    def close(self) -> None:
        self.wait_for_checkpoint()
        if not self._closed:
            self._fold_log_into_file()
        self._closed = True
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


# ---------------------------------------------------------------- another program writing

BUSY_WAIT_ENV = "SOLOCRM_BUSY_WAIT_SECONDS"
BUSY_WAIT_SECONDS = 30.0
BUSY_NOTICE_AFTER = 1.0
WAITING = QT_TRANSLATE_NOOP("errors", "Waiting for another program to finish writing to this database…")
Notice = Callable[[Explained], None]


def busy_wait_seconds() -> float:
    """How long a job waits for another program's write: 30 s, or what SOLOCRM_BUSY_WAIT_SECONDS says (tests)."""
    try:
        return max(float(os.environ.get(BUSY_WAIT_ENV, BUSY_WAIT_SECONDS)), 0.0)
    except ValueError:
        return BUSY_WAIT_SECONDS


def is_busy(exc: BaseException) -> bool:
    """True for SQLite's "database is locked": another connection holds the write lock (SQLITE_BUSY and its kinds)."""
    cause = getattr(exc, "orig", exc)
    return isinstance(cause, sqlite3.OperationalError) and \
        getattr(cause, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY


def busy_error(path: Path) -> DatabaseBusy:
    """What the user reads when another program kept the database busy: who, and what to do."""
    return DatabaseBusy(QT_TRANSLATE_NOOP(
        "errors", "Another program is writing to this database ({path}); try again when it has finished. "
                  "Nothing was changed."), path=path)


def wait_for_writers(path: Path, notice: Notice | None = None) -> None:
    """Return once no other program holds the write lock of ``path``; DatabaseBusy when none came free in time.

    Jobs of several steps (an import, a backup, a restore) call it before they
    make anything, so a busy database stops them before a file is written
    rather than between two steps.  ``notice`` hears, once, that the job is
    waiting, after a second of it.  The lock is taken and given back at once:
    holding it would keep out the job's own writes, which run on other
    connections; the moment between is what the busy timeout of every
    connection covers.  A file that is not there has no writer to wait for.
    """
    if not path.exists():
        return
    ends = time.monotonic() + busy_wait_seconds()
    told = False
    # mode=rw: never create a file (as_uri escapes a "#" or "?" in the path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0, isolation_level=None)
    try:
        while True:
            wait = min(BUSY_NOTICE_AFTER, max(ends - time.monotonic(), 0.0))
            conn.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
            try:
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("ROLLBACK")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
            if time.monotonic() >= ends:
                raise busy_error(path)
            if notice is not None and not told:
                notice(Explained(WAITING))
                told = True
    finally:
        conn.close()
