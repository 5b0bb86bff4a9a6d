"""Running an import: one transaction, a report, and a batch that undo can take back.

A dry run is the real import rolled back at the end, so the counts, rejects,
conflicts and possible duplicates the wizard shows before "Import" are exactly
what the import will do.  Cancel (the progress callback raising) and any error
roll back the same way: the database is left as it was.

Rows are written with executemany on the session's own connection and ids
assigned here, above every id an earlier batch recorded, so a batch's rows
are a few id ranges and undo can remove exactly those.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import utcnow
from solocrm.importing import mapping as mapping_mod
from solocrm.importing.errors import MappingError
from solocrm.importing.sources import Source
from solocrm.services.changes import Changes

ProgressFn = Callable[[int, int], None]
MAX_NOTES = 1000  # cleaning notes kept for the preview; the counts cover all rows
CHUNK = 5000


@dataclass(frozen=True)
class Reject:
    row: int  # as numbered in the file
    column: str
    value: str
    reason: str
    cells: tuple[str, ...]  # the whole row as read, for the rejects file


@dataclass(frozen=True)
class Conflict:
    """A file value that differs from a stored one; kept as stored unless the user chooses the file's."""

    row: int
    customer_id: int
    customer_name: str
    field: str
    existing: str
    incoming: str


@dataclass(frozen=True)
class PossibleDuplicate:
    row: int
    name: str
    other_id: int
    other_name: str
    reason: str  # "same name", "name in another order", "traditional/simplified", "same pinyin"


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
    take_incoming: frozenset[tuple[int, str]] = frozenset()  # (row, field) conflicts resolved to the file
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
    rejects: list[Reject] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    duplicates: list[PossibleDuplicate] = field(default_factory=list)
    notes: list[CleanNote] = field(default_factory=list)
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
        """One line for the CLI and the status bar."""
        parts = [f"{self.rows_read} rows read", f"{self.created} imported", f"{self.updated} updated",
                 f"{self.merged} merged", f"{self.skipped} already there", f"{self.rejected} rejected"]
        if self.customers_created:
            parts.append(f"{self.customers_created} new customers")
        return ", ".join(parts)


@contextmanager
def _big_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A large page cache while importing (index pages of a million orders), the usual one after."""
    saved = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute("PRAGMA cache_size=-262144")  # 256 MiB, in KiB
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size={int(saved)}")


class _DryRun(Exception):
    """Raised at the end of a dry run to roll the transaction back."""


def driver(session: Session) -> sqlite3.Connection:
    return session.connection().connection.driver_connection  # type: ignore[return-value]


def dt_text(value: datetime | None) -> str | None:
    """SQLAlchemy's stored form of a DateTime on SQLite."""
    return None if value is None else value.isoformat(" ", "microseconds")


class IdAllocator:
    """Hands out ids above both the table's max and every range a batch recorded, and remembers what it gave."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.next: dict[str, int] = {}
        self.first: dict[str, int] = {}

    def take(self, table: str, count: int = 1) -> int:
        if table not in self.next:
            top = self.conn.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"').fetchone()[0]
            recorded = self.conn.execute(
                "SELECT coalesce(max(last_id), 0) FROM import_batch_range WHERE table_name = ?", (table,)
            ).fetchone()[0]
            self.next[table] = max(top, recorded) + 1
            self.first[table] = self.next[table]
        start = self.next[table]
        self.next[table] += count
        return start

    def ranges(self) -> list[tuple[str, int, int]]:
        return [(t, self.first[t], self.next[t] - 1) for t in self.next if self.next[t] > self.first[t]]


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    rows = list(rows)
    if rows:
        conn.executemany(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})',
                         rows)


def last_change_id(conn: sqlite3.Connection) -> int:
    """History rows are appended (services and lifecycle.refresh insert them too); a batch records the span it added."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM customer_change").fetchone()[0]


BULK_INDEX_ROWS = 1000
_FTS_INSERT_TRIGGER = "customer_fts_ai"


def insert_customers(conn: sqlite3.Connection, columns: Sequence[str], rows: list[Sequence]) -> None:
    """Insert customer rows and index them for search, in bulk when there are many.

    The search index's insert trigger indexes row by row, five times slower than
    one INSERT ... SELECT into the index; for a big import the trigger is set
    aside inside this transaction and put back with its own SQL, so a rollback
    (dry run, cancel, error) restores everything including the trigger.
    """
    trigger = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           (_FTS_INSERT_TRIGGER,)).fetchone()
    if len(rows) < BULK_INDEX_ROWS or trigger is None:
        insert_rows(conn, "customer", columns, rows)
        return
    conn.execute(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}")
    insert_rows(conn, "customer", columns, rows)
    ids = [row[0] for row in rows]
    conn.execute("INSERT INTO customer_fts (rowid, search_text) SELECT id, search_text FROM customer "
                 "WHERE id BETWEEN ? AND ?", (min(ids), max(ids)))
    conn.execute(trigger[0])


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
    if options.kind == "customers":
        from solocrm.importing.customer_import import CustomerImport as Runner
    else:
        from solocrm.importing.record_import import RecordImport as Runner  # type: ignore[assignment]
    try:
        with db.session() as session, _big_cache(driver(session)):
            changes_after = last_change_id(driver(session))
            runner = Runner(session, source, options, report, at, prefs["churn_days"], progress)
            runner.run()
            if not dry_run:
                report.batch_id = record_batch(driver(session), report, runner.ids, at, runner.journal, changes_after)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    report.seconds = time.perf_counter() - started
    return report


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
    raise MappingError(
        "Dates in this file, like 05/01/2024, could be day/month or month/day. "
        "Choose the order (day first or month first) and import again.",
    )


def overflow(source: Source, cells: Sequence[object]) -> str | None:
    """Why a CSV row with more values than headers cannot be trusted (an unquoted comma shifts every value)."""
    width = len(source.headers)
    if source.kind == "csv" and len(cells) > width and any(mapping_mod.values.text(c) for c in cells[width:]):
        return (f"this row has {len(cells)} values but the header has {width} columns; "
                "a value probably contains an unquoted comma")
    return None


def cell_texts(cells: Sequence[object]) -> tuple[str, ...]:
    return tuple(mapping_mod.values.text(c) for c in cells)
