"""The import history, and undo of one batch: remove what it added, put back what it changed.

A batch recorded the id ranges it inserted per table and, for rows it did not
create, each changed value with the value before.  Undo deletes the ranges
(customers and orders only where ``created_at`` is the batch's own time, so a
row someone added later under a reused id stays), restores the journal, and
recomputes the derived columns of every customer involved.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import ImportBatch, utcnow
from solocrm.errors import NotFound, UserError
from solocrm.importing.customer_import import phone_digits
from solocrm.importing.engine import driver, dt_text
from solocrm.importing.record_import import refresh_last_contact
from solocrm.services import lifecycle, search
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP

# Children first, so deleting a range never trips a foreign key.
_DELETE_ORDER = ("import_order_key", "survey_response", "interaction", "order", "customer_change", "customer_ref",
                 "customer_email", "customer_phone", "customer", "custom_field", "tag")
_GUARDED = {"customer": "created_at", "order": "created_at", "customer_change": "changed_at"}


@dataclass(frozen=True)
class BatchInfo:
    id: int
    kind: str
    file_name: str
    created_at: datetime
    rows_read: int
    created: int
    updated: int
    merged: int
    skipped: int
    rejected: int
    undone_at: datetime | None


def list_batches(db: Database) -> list[BatchInfo]:
    """Newest first."""
    with db.session() as session:
        rows = session.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).all()
        return [BatchInfo(b.id, b.kind, b.file_name, b.created_at, b.rows_read, b.created, b.updated, b.merged,
                          b.skipped, b.rejected, b.undone_at) for b in rows]


def undo_batch(db: Database, batch_id: int, now: datetime | None = None) -> Changes:
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        batch = session.get(ImportBatch, batch_id)
        if batch is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This import is no longer in the history."))
        if batch.undone_at is not None:
            raise UserError(QT_TRANSLATE_NOOP("errors", "The import of {file} was already undone."),
                            file=batch.file_name)
        conn = driver(session)
        at = dt_text(batch.created_at)
        ranges = conn.execute("SELECT table_name, first_id, last_id FROM import_batch_range WHERE batch_id = ?",
                              (batch_id,)).fetchall()
        journal = conn.execute("SELECT table_name, row_id, field, old_value, new_value FROM import_batch_change "
                               "WHERE batch_id = ? ORDER BY id DESC", (batch_id,)).fetchall()
        affected = _affected_customers(conn, ranges, journal, at)
        new_customers = {cid for t, a, b in ranges if t == "customer"
                         for (cid,) in conn.execute("SELECT id FROM customer WHERE id BETWEEN ? AND ? "
                                                    "AND created_at = ?", (a, b, at))}
        _restore(conn, journal)
        by_table = {t: [] for t in _DELETE_ORDER}
        for table, first, last in ranges:
            by_table.setdefault(table, []).append((first, last))
        for table in _DELETE_ORDER:
            for first, last in by_table[table]:
                guard = _GUARDED.get(table)
                if guard:
                    conn.execute(f'DELETE FROM "{table}" WHERE id BETWEEN ? AND ? AND {guard} = ?', (first, last, at))
                elif table != "import_order_key":
                    conn.execute(f'DELETE FROM "{table}" WHERE id BETWEEN ? AND ?', (first, last))
        survivors = [cid for cid in affected if cid not in new_customers]
        _refresh_search_text(conn, survivors)
        refresh_last_contact(conn, survivors)
        for start in range(0, len(survivors), 20000):
            lifecycle.refresh(session, churn_days, survivors[start:start + 20000], as_of=now, log_changes=False)
        # refresh stamps updated_at (the ORM's onupdate); the journal's value is the one to restore
        conn.executemany("UPDATE customer SET updated_at = ? WHERE id = ?",
                         [(json.loads(old), row_id) for table, row_id, field, old, _new in reversed(journal)
                          if table == "customer" and field == "updated_at"])
        batch.undone_at = now or utcnow()
        kind = batch.kind
    return Changes(customer_ids=frozenset(affected) if len(affected) < 1000 else frozenset(), customers=True,
                   orders=kind in ("orders", "merge"), interactions=kind in ("interactions", "merge"),
                   surveys=kind in ("surveys", "orders", "merge"), tasks=kind == "merge")


def _affected_customers(conn, ranges, journal, at: str) -> list[int]:  # noqa: ANN001 - sqlite3 rows
    found: set[int] = set()
    for table, first, last in ranges:
        if table == "customer":
            found.update(r[0] for r in conn.execute("SELECT id FROM customer WHERE id BETWEEN ? AND ?", (first, last)))
        elif table in ("order", "interaction", "survey_response"):
            found.update(r[0] for r in conn.execute(
                f'SELECT DISTINCT customer_id FROM "{table}" WHERE id BETWEEN ? AND ?', (first, last)))
    for table, row_id, _field, _old, _new in journal:
        if table == "customer":
            found.add(row_id)
        elif table in ("order", "interaction", "survey_response", "task"):
            owner = conn.execute(f'SELECT customer_id FROM "{table}" WHERE id = ?', (row_id,)).fetchone()
            if owner and owner[0] is not None:
                found.add(owner[0])
    return sorted(found)


def _restore(conn, journal) -> None:  # noqa: ANN001 - sqlite3 rows
    """Put back each journalled value, newest change first."""
    for table, row_id, field, old_json, new_json in journal:
        old = json.loads(old_json) if old_json is not None else None
        new = json.loads(new_json) if new_json is not None else None
        if field == "__deleted__":
            _reinsert(conn, json.loads(old_json))
        elif table != "customer":
            conn.execute(f'UPDATE "{table}" SET {field} = ? WHERE id = ?', (old, row_id))
        elif field in ("phones", "emails", "tags", "refs"):
            added = [x for x in (new or []) if x not in (old or [])]
            for item in added:
                if field == "phones":
                    conn.execute("DELETE FROM customer_phone WHERE customer_id = ? AND number = ?", (row_id, item))
                elif field == "emails":
                    conn.execute("DELETE FROM customer_email WHERE customer_id = ? AND address = ?", (row_id, item))
                elif field == "tags":
                    conn.execute("DELETE FROM customer_tag WHERE customer_id = ? AND tag_id = "
                                 "(SELECT id FROM tag WHERE name = ?)", (row_id, item))
                else:
                    conn.execute("DELETE FROM customer_ref WHERE customer_id = ? AND ref = ?", (row_id, item))
        elif field.startswith("custom:"):
            field_id = conn.execute("SELECT id FROM custom_field WHERE name = ?", (field[7:],)).fetchone()
            if field_id is None:
                continue
            if old is None:
                conn.execute("DELETE FROM custom_field_value WHERE customer_id = ? AND field_id = ?",
                             (row_id, field_id[0]))
            else:
                conn.execute("INSERT INTO custom_field_value (customer_id, field_id, value) VALUES (?, ?, ?) "
                             "ON CONFLICT (customer_id, field_id) DO UPDATE SET value = excluded.value",
                             (row_id, field_id[0], old))
        elif field == "photo":
            conn.execute("UPDATE customer SET photo = NULL WHERE id = ?", (row_id,))
        else:
            conn.execute(f"UPDATE customer SET {field} = ? WHERE id = ?", (old, row_id))


def _reinsert(conn, snapshot: dict[str, list[dict]]) -> None:  # noqa: ANN001 - sqlite3.Connection
    """Put a customer deleted by a merge back, with its own phones, emails, tags, custom values and IDs."""
    from solocrm.importing.merge import SNAPSHOT_TABLES, decode_row

    for table in SNAPSHOT_TABLES:
        for row in snapshot.get(table, []):
            row = decode_row(row)
            conn.execute(f'INSERT INTO "{table}" ({", ".join(row)}) VALUES ({", ".join("?" * len(row))})',
                         list(row.values()))


def _refresh_search_text(conn, ids: list[int]) -> None:  # noqa: ANN001 - sqlite3.Connection
    for cid in ids:
        row = conn.execute("SELECT name, company, wechat_id FROM customer WHERE id = ?", (cid,)).fetchone()
        if row is None:
            continue
        phones = [r[0] for r in conn.execute("SELECT number FROM customer_phone WHERE customer_id = ? "
                                             "ORDER BY position", (cid,))]
        emails = [r[0] for r in conn.execute("SELECT address FROM customer_email WHERE customer_id = ? "
                                             "ORDER BY position", (cid,))]
        tags = [r[0] for r in conn.execute("SELECT t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                                           "WHERE ct.customer_id = ? ORDER BY t.name", (cid,))]
        text = search.build_search_text(row[0], row[1], [phone_digits(p) for p in phones], emails, row[2], tags)
        conn.execute("UPDATE customer SET search_text = ? WHERE id = ?", (text, cid))
