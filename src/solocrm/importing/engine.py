"""Running an import: one transaction, a report, and a batch that undo can take back.

A dry run is the real import rolled back at the end, so the counts, rejects,
conflicts and possible duplicates the wizard shows before "Import" are exactly
what the import will do.  Cancel (the progress callback raising) and any error
roll back the same way: the database is left as it was.

Rows are written on the session's own connection with ids assigned here,
above every id an earlier batch recorded, so a batch's rows are a few id
ranges and undo can remove exactly those.  Big imports set the search
trigger (orders also their indexes) aside and rebuild in bulk, inside the
same transaction; big customer imports write from a second thread while the
file is still being read (``CustomerWriter``, ``Background``).
"""

from __future__ import annotations

import gc
import queue
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import orjson
from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.ids import first_free_id
from solocrm.db.models import utcnow
from solocrm.errors import Explained
from solocrm.importing import mapping as mapping_mod
from solocrm.importing.errors import MappingError
from solocrm.importing.sources import Source
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP

ProgressFn = Callable[[int, int], None]
MAX_NOTES = 1000  # cleaning notes kept for the preview; the counts cover all rows
CHUNK = 5000
BULK_ROWS = 1000  # from this many rows on, indexes are built in bulk


SHOWN_CHARS = 80


def in_short(why: Explained) -> str:
    """The English message with each cell text in it cut to ``SHOWN_CHARS``: a 30,000-character cell is not a reason."""
    if not any(isinstance(v, str) and len(v) > SHOWN_CHARS for v in why.params.values()):
        return why.message
    return why.template.format(**{k: v[:SHOWN_CHARS] + "…" if isinstance(v, str) and len(v) > SHOWN_CHARS else v
                                  for k, v in why.params.items()})


@dataclass(frozen=True)
class Reject:
    row: int  # as numbered in the file
    column: str
    value: str
    causes: tuple[tuple[str, Explained], ...]  # (column, or "" for the row, why), as the GUI translates them
    cells: tuple[str, ...]  # the whole row as read, for the rejects file

    @property
    def reason(self) -> str:
        """Every cause, in English: for the CLI and the rejects file."""
        return "; ".join(f"{column}: {in_short(why)}" if column else in_short(why) for column, why in self.causes)


@dataclass(frozen=True)
class Conflict:
    """A file value that differs from the customer's current one; the current one is kept unless the user chooses.

    The customer is a stored one, or a new one an earlier row of the file
    made (``other_row``), which a later row with the same phone or email adds to.

    For orders, interactions and survey answers it is a row whose customer
    name matches a customer but whose phone, email or customer ID (``field``)
    contradicts theirs: the record goes to a new customer unless the user
    chooses to attach it (``ImportOptions.take_incoming``).
    """

    row: int
    customer_id: int
    customer_name: str
    field: str
    existing: str
    incoming: str
    other_row: int | None = None  # the file's row the customer comes from, when new in this import


@dataclass(frozen=True)
class CellProblem:
    """A cell left out of a row that was imported all the same (a malformed email beside a good order)."""

    row: int
    column: str
    value: str
    why: Explained

    @property
    def reason(self) -> str:
        """In English: for the CLI."""
        return f"{self.column}: {in_short(self.why)}"


class PossibleDuplicate(NamedTuple):
    """A new customer whose name is near another's in the same company or city (a big file flags tens of thousands)."""

    row: int
    name: str
    other_id: int
    other_name: str
    reason: str  # "same name", "name in another order", "traditional/simplified", "same pinyin"
    namesakes: bool = False  # each has a phone number of their own: listed only when the user asks
    other_row: int | None = None  # the file's row the other customer comes from, when new in this import


@dataclass(frozen=True)
class CleanNote:
    """A value the import wrote differently from how the file wrote it."""

    row: int
    column: str
    raw: str
    cleaned: str


@dataclass
class ImportOptions:
    kind: str
    mapping: dict[str, str | None]
    date_order: str | None = None  # "ymd" | "dmy" | "mdy"; None: from the file, asked when unclear
    match_by: tuple[str, ...] = ("ref", "phone", "email", "name")
    create_missing: bool = True
    # (row, field) conflicts resolved to the file: a customer's value taken, or (orders, interactions, surveys)
    # a record attached to the customer its name matches although the contact detail differs
    take_incoming: frozenset[tuple[int, str]] = frozenset()
    region: str | None = None  # phone region; None: from Settings
    currency: str | None = None


@dataclass
class ImportReport:
    kind: str
    file_name: str
    dry_run: bool
    rows_read: int = 0
    created: int = 0
    updated: int = 0
    merged: int = 0
    skipped: int = 0
    customers_created: int = 0  # by an orders/interactions/surveys import
    free_orders: int = 0  # paid orders of amount 0 taken (samples, gifts, replacements): purchases without spend
    rejects: list[Reject] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[PossibleDuplicate] = field(default_factory=list)
    notes: list[CleanNote] = field(default_factory=list)
    left_out: list[CellProblem] = field(default_factory=list)  # cells of imported rows that could not be kept
    cleaned_counts: dict[str, int] = field(default_factory=dict)  # column -> values changed by cleaning
    batch_id: int | None = None
    seconds: float = 0.0
    customer_ids: set[int] = field(default_factory=set)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def balanced(self) -> bool:
        """Nothing lost: every row read is accounted for."""
        return self.rows_read == self.created + self.updated + self.merged + self.skipped + self.rejected

    def note(self, row: int, column: str, raw: str, cleaned: str) -> None:
        self.cleaned_counts[column] = self.cleaned_counts.get(column, 0) + 1
        if len(self.notes) < MAX_NOTES:
            self.notes.append(CleanNote(row, column, raw, cleaned))

    def changes(self) -> Changes:
        return Changes(customer_ids=frozenset(self.customer_ids) if len(self.customer_ids) < 1000 else frozenset(),
                       customers=True, orders=self.kind in ("orders", "surveys"),
                       interactions=self.kind == "interactions", surveys=self.kind == "surveys")

    def summary(self) -> str:
        """One line for the command line (the wizard words its own, translated)."""
        parts = [f"{self.rows_read:,} {'row' if self.rows_read == 1 else 'rows'} read", f"{self.created:,} imported",
                 f"{self.updated:,} updated", f"{self.merged:,} merged", f"{self.skipped:,} already there",
                 f"{self.rejected:,} rejected"]
        if self.customers_created:
            parts.append(f"{self.customers_created:,} new {'customer' if self.customers_created == 1 else 'customers'}")
        if self.free_orders:
            parts.append(f"{self.free_orders:,} {'order' if self.free_orders == 1 else 'orders'} of amount 0")
        if self.kind != "customers" and self.conflicts:
            apart = len(self.conflicts)
            parts.append(f"{apart:,} name {'conflict' if apart == 1 else 'conflicts'} (new customers)")
        if self.left_out:
            parts.append(f"{len(self.left_out):,} {'cell' if len(self.left_out) == 1 else 'cells'} left out")
        return ", ".join(parts)


@contextmanager
def _transaction(db: Database, conn: sqlite3.Connection, keep: bool) -> Iterator[None]:
    """The import's transaction, without foreign key checks or automatic checkpoint while it lasts.

    It ends here, committed when ``keep`` and rolled back otherwise (a dry run,
    a cancel, an error); the session's own commit after it has nothing left to
    do.  The page cache stays as small as SQLite's default: a large one kept
    every changed page in memory until the commit wrote them all out at once,
    on the thread that waits for it (a 100,000-customer import spent 0.3 s
    there, a million orders 1.7 s), where a small one lets the writing thread
    spill them to the log along the way.  For the same reason the log is
    copied into the database file after the commit by a checkpoint in the
    background (``Database.checkpoint_in_background``), not inside it.

    Every row an import writes refers to a customer it has just inserted or
    read, so checking each reference again (a look-up per phone, email, tag,
    ID, order and history row) is work with nothing to find: a fifth of the
    database work of a 100,000-customer import.  SQLite only switches the
    checks outside a transaction, so they go off before it begins and come
    back after it ends, whatever happened.
    """
    checks = conn.execute("PRAGMA foreign_keys").fetchone()[0]
    pages = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("PRAGMA wal_autocheckpoint=0")
    try:
        begin_write(conn)
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        if keep:
            conn.commit()
            db.checkpoint_in_background()
        else:
            conn.rollback()
    finally:
        conn.execute(f"PRAGMA foreign_keys={int(checks)}")
        conn.execute(f"PRAGMA wal_autocheckpoint={int(pages)}")


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while an import or export makes its millions of small objects.

    Each collection walks every live container, so with a big file's objects
    (or a busy app's) alive it ran again and again over a large heap: a third
    of a 100,000-row import, a quarter of an export.  Reference counting still
    frees everything on time; the cycles left (if any) are collected after.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def driver(session: Session) -> sqlite3.Connection:
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def dt_text(value: datetime | None) -> str | None:
    """SQLAlchemy's stored form of a DateTime on SQLite."""
    return None if value is None else value.isoformat(" ", "microseconds")


class IdAllocator:
    """Hands out ids from ``first_free_id`` on, and remembers what it gave."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next: dict[str, int] = {}
        self.first: dict[str, int] = {}

    def take(self, table: str, count: int = 1) -> int:
        if table not in self.next:
            self.next[table] = self.first[table] = first_free_id(self.conn, table)
        start = self.next[table]
        self.next[table] += count
        return start

    def ranges(self) -> list[tuple[str, int, int]]:
        return [(t, self.first[t], self.next[t] - 1) for t in self.next if self.next[t] > self.first[t]]


def sql_literal(value: object) -> str:
    """A constant written into the SQL text; binding it on every row costs more than the insert itself."""
    if value is None:
        return "NULL"
    if isinstance(value, (bool, int)):
        return str(int(value))
    return "'" + str(value).replace("'", "''") + "'"


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence],
                constants: Mapping[str, object] | None = None) -> None:
    """executemany ``rows``; ``constants`` are columns with the same value on every row, written as literals."""
    rows = rows if isinstance(rows, list) else list(rows)
    if rows:
        fixed = constants or {}
        names = ", ".join([*columns, *fixed])
        marks = ", ".join(["?"] * len(columns) + [sql_literal(v) for v in fixed.values()])
        conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def packed_insert(table: str, columns: Sequence[str], rows: Sequence[Sequence],
                  constants: Mapping[str, object] | None = None) -> tuple[str, tuple[str]]:
    """An INSERT of ``rows`` (text, numbers, None) as one statement over one JSON parameter.

    ``constants`` as in ``insert_rows``.

    For the background thread: executemany there would need the GIL for every
    row, and while the import's own thread holds it the writer waits a whole
    switch interval per row (100,000 rows took minutes).  One statement runs
    inside SQLite from start to end without it.  orjson encodes the rows in a
    quarter of the standard library's time, on the thread that sets the pace.
    """
    fixed = constants or {}
    picks = ", ".join([*(f"json_extract(value, '$[{i}]')" for i in range(len(columns))),
                       *(sql_literal(v) for v in fixed.values())])
    return (f'INSERT INTO "{table}" ({", ".join([*columns, *fixed])}) SELECT {picks} FROM json_each(?)',
            (orjson.dumps(rows).decode(),))


def begin_write(conn: sqlite3.Connection) -> None:
    """Open the transaction now, before the first read.

    The sqlite3 module opens one only before INSERT/UPDATE/DELETE, so DDL
    issued first (the bulk loads below drop a trigger or indexes) would
    otherwise commit on its own and survive a dry run or a cancel.  IMMEDIATE
    takes the write lock up front: what was read is still true when written.
    """
    if not conn.in_transaction:
        conn.execute("BEGIN IMMEDIATE")


def set_indexes_aside(conn: sqlite3.Connection, table: str, adding: int, keep: Sequence[str] = ()) -> list[str]:
    """Drop ``table``'s plain indexes when adding at least as many rows as it holds; returns the SQL to rebuild them.

    Building an index from sorted rows costs a fraction of inserting rows one
    by one in random key order (a million orders: 6 s instead of 10 s).  Unique
    indexes stay (they are constraints), as do ``keep`` (the import reads by
    them).  Inside the transaction, so a rollback brings every index back.
    """
    if adding < BULK_ROWS or adding < conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]:
        return []
    if not conn.in_transaction:
        raise RuntimeError("indexes dropped outside a transaction would be gone for good")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                           "AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'", (table,)).fetchall()
    rebuild = []
    for name, sql in indexes:
        if name not in keep:
            conn.execute(f'DROP INDEX "{name}"')
            rebuild.append(sql)
    return rebuild


@contextmanager
def bulk_load(conn: sqlite3.Connection, table: str, adding: int, keep: Sequence[str] = ()) -> Iterator[None]:
    """``set_indexes_aside`` for the block; the indexes are rebuilt when it ends (a failure rolls back instead)."""
    rebuild = set_indexes_aside(conn, table, adding, keep)
    yield
    for sql in rebuild:
        conn.execute(sql)


_HANDOFF_SECONDS = 0.0005


class Background:
    """SQL run on the import's connection by a second thread while this one prepares the next rows.

    SQLite releases the GIL while it works, so a long statement (indexing a
    chunk for search, building an index) costs no time if Python has other
    work meanwhile.  The rule that keeps it safe: nothing else touches the
    connection until ``wait`` returned.

    Up to ``ahead`` batches of statements wait their turn, so one that takes
    longer than usual (the search index merging its segments, every sixteenth
    chunk) does not stop the thread that prepares them; it catches up over
    the next ones.

    The second thread still needs the GIL to begin and end each statement,
    and with Python busy on the first it waits a whole switch interval (5 ms)
    for it each time: a second of a 100,000-customer import.  While
    statements run the interval is cut to ``_HANDOFF_SECONDS``.
    """

    def __init__(self, conn: sqlite3.Connection, ahead: int = 2) -> None:
        self.conn = conn
        self._batches: queue.Queue[Sequence[tuple[str, Sequence[object]]] | None] = queue.Queue()
        self._room = threading.Semaphore(ahead)  # batches queued or running
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._interval = sys.getswitchinterval()

    def start(self, *statements: tuple[str, Sequence[object]]) -> None:
        """Run ``statements`` (SQL, parameters) in order on the second thread, after those given before.

        Returns at once, unless ``ahead`` batches are still waiting or running;
        raises the error of one that failed (which stays, so the batches behind it are skipped).
        """
        if self._error is not None:
            raise self._error
        self._room.acquire()
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="import-sql", daemon=True)
            self._interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._interval, _HANDOFF_SECONDS))
            self._thread.start()
        self._batches.put(statements)

    def _work(self) -> None:
        while (statements := self._batches.get()) is not None:
            try:
                if self._error is None:  # after a failure the rest is skipped: the transaction rolls back
                    for sql, params in statements:
                        self.conn.execute(sql, params)
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
                self._error = exc
            finally:
                self._room.release()

    def join(self) -> None:
        """Wait for the statements to end, without raising their error (for cleanup after a failure)."""
        if self._thread is not None:
            self._batches.put(None)
            self._thread.join()
            self._thread = None
            sys.setswitchinterval(self._interval)

    def wait(self) -> None:
        """Wait for the statements to end; raises their error, if any."""
        self.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def last_change_id(conn: sqlite3.Connection) -> int:
    """History rows are appended (services and lifecycle.refresh insert them too); a batch records the span it added."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM customer_change").fetchone()[0]


_FTS_INSERT_TRIGGER = "customer_fts_ai"
_FTS_RANGE = ("INSERT INTO customer_fts (rowid, search_text) SELECT id, search_text FROM customer "
              "WHERE id BETWEEN ? AND ?")
_FTS_AUTOMERGE = "INSERT INTO customer_fts (customer_fts, rank) VALUES ('automerge', ?)"
_FTS_DEFAULT_AUTOMERGE = 4  # SQLite's
# Each new customer's "created" history entry, named as it was created.
_CREATED_RANGE = ("INSERT INTO customer_change (customer_id, changed_at, field, old_value, new_value) "
                  "SELECT id, ?, 'created', NULL, name FROM customer WHERE id BETWEEN ? AND ?")


class CustomerWriter:
    """Inserts new customers (ids ascending, a chunk at a time), indexes them for search and notes their creation.

    The search index's insert trigger indexes row by row, five times slower
    than one INSERT ... SELECT into the index; for many rows the trigger is
    set aside inside the transaction, and each chunk is inserted, indexed for
    search and given its "created" history entries (one INSERT ... SELECT
    instead of a Python row each) in the background while the caller
    prepares the next one.  The customer table's own indexes stay: kept up
    in the background they cost less than rebuilding them once the last chunk
    is in, which nothing could overlap.  The last chunk's background work puts
    the trigger back, so a rollback (dry run, cancel, error) or a commit both
    find the schema as it was.  Call ``wait`` before using the connection
    after ``add``; ``join`` when giving up after an error.
    """

    def __init__(self, conn: sqlite3.Connection, total: int, at: str | None) -> None:
        self.conn = conn
        self.at = at
        self.background = Background(conn)
        trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                               (_FTS_INSERT_TRIGGER,)).fetchone()
        self.bulk = total >= BULK_ROWS and trigger is not None
        self.restore: list[tuple[str, Sequence[object]]] = []
        if self.bulk:
            conn.execute(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
            # Merging the search index's segments after every chunk is work the next chunk's merge redoes:
            # a fifth of the indexing.  Merges resume (as set before) from the next write on.
            automerge = conn.execute("SELECT v FROM customer_fts_config WHERE k = 'automerge'").fetchone()
            conn.execute(_FTS_AUTOMERGE, (0,))
            self.restore = [(trigger[0], ()),
                            (_FTS_AUTOMERGE, (automerge[0] if automerge else _FTS_DEFAULT_AUTOMERGE,))]

    def add(self, columns: Sequence[str], rows: list[Sequence], constants: Mapping[str, object],
            last: bool, then: Sequence[tuple[str, Sequence[object]]] = ()) -> None:
        """Insert ``rows`` (``id`` first), then run ``then`` (statements for the rows the customers own).

        ``last`` for the final chunk.  In bulk, all of it runs in the background
        (see ``packed_insert``), but photos (bytes, which JSON cannot carry) are
        inserted here.
        """
        fixed = {**constants, "created_at": self.at}
        inserted: list[tuple[str, tuple[str]]] = []
        if self.bulk and rows and "photo" not in columns:
            inserted = [packed_insert("customer", columns, rows, fixed)]
        else:
            self.background.wait()  # this thread writes: the connection must be free
            insert_rows(self.conn, "customer", columns, rows, fixed)
        span = (rows[0][0], rows[-1][0]) if rows else None
        created = [(_CREATED_RANGE, (self.at, *span))] if span else []
        if self.bulk:
            indexed = [(_FTS_RANGE, span)] if span else []
            self.background.start(*inserted, *indexed, *created, *then, *(self.restore if last else []))
        else:
            for sql, params in (*created, *then):
                self.conn.execute(sql, params)

    def wait(self) -> None:
        self.background.wait()

    def join(self) -> None:
        self.background.join()


def insert_customers(conn: sqlite3.Connection, columns: Sequence[str], rows: list[Sequence],
                     constants: Mapping[str, object], at: str | None) -> None:
    """Insert customer rows (id first, ascending) created at ``at``, all indexed and noted before returning."""
    writer = CustomerWriter(conn, len(rows), at)
    try:
        writer.add(columns, rows, constants, last=True)
    finally:
        writer.join()
    writer.wait()


def record_batch(conn: sqlite3.Connection, report: ImportReport, ids: IdAllocator, at: datetime,
                 journal: Sequence[tuple[str, int, str, str | None, str | None]], changes_after: int) -> int:
    """Write the batch row, its id ranges and its change journal; returns the batch id.

    ``changes_after`` is the last history id before the batch: every history row above it is the batch's.
    """
    cursor = conn.execute(
        "INSERT INTO import_batch (kind, file_name, created_at, rows_read, created, updated, merged, skipped, "
        "rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (report.kind, report.file_name[:300], dt_text(at), report.rows_read, report.created, report.updated,
         report.merged, report.skipped, report.rejected),
    )
    batch_id = int(cursor.lastrowid)
    ranges = ids.ranges()
    last = last_change_id(conn)
    if last > changes_after:
        ranges.append(("customer_change", changes_after + 1, last))
    insert_rows(conn, "import_batch_range", ("batch_id", "table_name", "first_id", "last_id"),
                [(batch_id, t, a, b) for t, a, b in ranges])
    insert_rows(conn, "import_batch_change", ("batch_id", "table_name", "row_id", "field", "old_value", "new_value"),
                [(batch_id, *entry) for entry in journal])
    return batch_id


def run_import(db: Database, source: Source, options: ImportOptions, *, dry_run: bool = False,
               progress: ProgressFn | None = None, now: datetime | None = None) -> ImportReport:
    """Import ``source`` as ``options.kind``; a dry run does everything and rolls it back."""
    import time

    started = time.perf_counter()
    clean_mapping = mapping_mod.validate(options.kind, source.headers, options.mapping)
    prefs = settings.load(db)
    options.region = options.region or prefs["phone_region"]
    options.currency = options.currency or prefs["currency"]
    at = (now or utcnow()).replace(microsecond=0)
    report = ImportReport(kind=options.kind, file_name=Path(source.path).name, dry_run=dry_run)
    options.mapping = clean_mapping
    with no_cycle_collection():
        _run(db, source, options, report, at, prefs["churn_days"], dry_run, progress)
    report.seconds = time.perf_counter() - started
    return report


def _run(db: Database, source: Source, options: ImportOptions, report: ImportReport, at: datetime,
         churn_days: int, dry_run: bool, progress: ProgressFn | None) -> None:
    """The import proper; its working objects are gone when it returns, before cycle collection resumes."""
    if options.kind == "customers":
        from solocrm.importing.customer_import import CustomerImport as Runner
    else:
        from solocrm.importing.record_import import RecordImport as Runner  # type: ignore[assignment]
    with db.session() as session, _transaction(db, driver(session), keep=not dry_run):
        changes_after = last_change_id(driver(session))
        runner = Runner(session, source, options, report, at, churn_days, progress)
        runner.run()
        if not dry_run:
            report.batch_id = record_batch(driver(session), report, runner.ids, at, runner.journal, changes_after)


def column_date_order(source: Source, columns: Sequence[str], given: str | None) -> str:
    """The file's day/month order for "05/01/2024" dates; MappingError asks when the file does not settle it.

    Files whose preview shows no such dates are not scanned (ISO dates need no
    order); a stray one further down is then rejected with its reason, not guessed.
    """
    if given is not None:
        return given
    indexes = [source.headers.index(c) for c in columns]
    in_preview = mapping_mod.values.date_order(row[i] for row in source.preview for i in indexes)
    if in_preview is not None:
        return in_preview
    for _number, cells in source.rows():
        order = mapping_mod.values.date_order(cells[i] for i in indexes)
        if order not in (None, "ymd"):
            return order
    raise MappingError(QT_TRANSLATE_NOOP(
        "errors", "Dates in this file, like 05/01/2024, could be day/month or month/day. "
                  "Choose the order (day first or month first) and import again."))


def overflow(source: Source, cells: Sequence[object]) -> Explained | None:
    """Why a CSV row with more values than headers cannot be trusted (an unquoted comma shifts every value)."""
    width = len(source.headers)
    if source.kind == "csv" and len(cells) > width and any(mapping_mod.values.text(c) for c in cells[width:]):
        return Explained(QT_TRANSLATE_NOOP("errors", "this row has {count} values but the header has {width} "
                                                     "columns; a value probably contains an unquoted comma"),
                         count=len(cells), width=width)
    return None


def counted_batches(source: Source, report: ImportReport, progress: ProgressFn | None,
                    size: int = 1000) -> Iterator[list[tuple[int, list]]]:
    """The file's rows, ``size`` at a time, counted in ``report`` with progress after each batch.

    Rows shifted by a stray comma are rejected here (their width is checked
    for the whole batch at once, in C).
    """
    total = source.estimated_rows
    width = len(source.headers)
    rows = source.rows()
    while batch := list(islice(rows, size)):
        report.rows_read += len(batch)
        if progress is not None:
            progress(report.rows_read, max(total, report.rows_read))
        if max(map(len, map(itemgetter(1), batch))) > width:
            kept = []
            for number, cells in batch:
                shifted = overflow(source, cells)
                if shifted:
                    report.rejects.append(Reject(number, "", "", (("", shifted),), cell_texts(cells)))
                else:
                    kept.append((number, cells))
            batch = kept
        yield batch


def cell_texts(cells: Sequence[object]) -> tuple[str, ...]:
    return tuple(mapping_mod.values.text(c) for c in cells)
