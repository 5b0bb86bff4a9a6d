"""Merging duplicate customers into one, field by field, as an undoable batch.

The kept customer takes, for each field, the value the user chose (by default
its own, or the first filled one); phones, emails, tags and customer IDs are
united.  Every order, interaction, survey answer, task, cadence and history
entry of the others moves to the kept customer; the others are then deleted.
The batch journal holds the moved rows' old owner, the deleted customers' rows
and the kept customer's old values, so undo (batches.undo_batch) restores all.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import Base, utcnow
from solocrm.errors import NotFound, UserError
from solocrm.importing.customer_import import SCALARS, phone_digits
from solocrm.importing.engine import IdAllocator, driver, dt_text, insert_rows, last_change_id
from solocrm.services import lifecycle, search
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP

SNAPSHOT_TABLES = ("customer", "customer_phone", "customer_email", "customer_tag", "custom_field_value",
                   "customer_ref")
LIST_FIELDS = ("phones", "emails", "tags", "refs")


@dataclass(frozen=True)
class FieldChoice:
    field: str  # a customer column or "custom:<name>"
    values: tuple[tuple[int, str], ...]  # (customer id, value) for every customer with a value


@dataclass(frozen=True)
class MergePlan:
    customer_ids: tuple[int, ...]
    names: tuple[str, ...]
    choices: tuple[FieldChoice, ...]  # only fields where the customers disagree
    united: Mapping[str, tuple[str, ...]]  # phones, emails, tags, refs after the merge
    moved: Mapping[str, int]  # records that will move to the kept customer, by kind


def _load(conn, ids: Sequence[int]) -> dict[int, dict]:  # noqa: ANN001 - sqlite3.Connection
    marks = ", ".join("?" * len(ids))
    found = {}
    for row in conn.execute(f"SELECT id, {', '.join(SCALARS)} FROM customer WHERE id IN ({marks})", list(ids)):
        found[row[0]] = {"scalars": dict(zip(SCALARS, row[1:])), "phones": [], "emails": [], "tags": [], "refs": [],
                         "custom": {}}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(QT_TRANSLATE_NOOP(
            "errors", "One of these customers no longer exists (it may have been deleted or merged)."))
    for sql, key in (
        (f"SELECT customer_id, number FROM customer_phone WHERE customer_id IN ({marks}) ORDER BY position", "phones"),
        (f"SELECT customer_id, address FROM customer_email WHERE customer_id IN ({marks}) ORDER BY position",
         "emails"),
        (f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
         f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", "tags"),
        (f"SELECT customer_id, ref FROM customer_ref WHERE customer_id IN ({marks}) ORDER BY id", "refs"),
    ):
        for cid, value in conn.execute(sql, list(ids)):
            found[cid][key].append(value)
    for cid, name, value in conn.execute(
        f"SELECT v.customer_id, f.name, v.value FROM custom_field_value v JOIN custom_field f ON f.id = v.field_id "
        f"WHERE v.customer_id IN ({marks})", list(ids)
    ):
        found[cid]["custom"][name] = value
    return found


def _unite(data: dict[int, dict], ids: Sequence[int], key: str) -> list[str]:
    out: list[str] = []
    for cid in ids:
        for value in data[cid][key]:
            if (value.lower() if key == "emails" else value) not in [(v.lower() if key == "emails" else v)
                                                                      for v in out]:
                out.append(value)
    return out


def _moving_tables() -> list[str]:
    tables = []
    for table in Base.metadata.sorted_tables:
        if table.name in SNAPSHOT_TABLES or "customer_id" not in table.c:
            continue
        if any(fk.column.table.name == "customer" for fk in table.c.customer_id.foreign_keys):
            tables.append(table.name)
    return tables


def plan(db: Database, customer_ids: Sequence[int]) -> MergePlan:
    """What a merge of ``customer_ids`` would do; the first id is the suggested one to keep."""
    ids = list(dict.fromkeys(customer_ids))
    if len(ids) < 2:
        raise UserError(QT_TRANSLATE_NOOP("errors", "Choose at least two customers to merge."))
    with db.session() as session:
        conn = driver(session)
        data = _load(conn, ids)
        choices = []
        for key in SCALARS:
            present = [(cid, data[cid]["scalars"][key]) for cid in ids if data[cid]["scalars"][key] not in (None, "")]
            if len({str(v) for _c, v in present}) > 1:
                choices.append(FieldChoice(key, tuple((c, str(v)) for c, v in present)))
        for name in sorted({n for cid in ids for n in data[cid]["custom"]}):
            present = [(cid, data[cid]["custom"][name]) for cid in ids if name in data[cid]["custom"]]
            if len({v for _c, v in present}) > 1:
                choices.append(FieldChoice(f"custom:{name}", tuple(present)))
        others = ids[1:]
        marks = ", ".join("?" * len(others))
        moved = {t: conn.execute(f'SELECT count(*) FROM "{t}" WHERE customer_id IN ({marks})', others).fetchone()[0]
                 for t in _moving_tables()}
    return MergePlan(tuple(ids), tuple(str(data[c]["scalars"]["name"]) for c in ids), tuple(choices),
                     {k: tuple(_unite(data, ids, k)) for k in LIST_FIELDS}, moved)


def _encode(row: dict) -> dict:
    return {k: {"b64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v for k, v in row.items()}


def decode_row(row: dict) -> dict:
    return {k: base64.b64decode(v["b64"]) if isinstance(v, dict) else v for k, v in row.items()}


def merge(db: Database, keep_id: int, customer_ids: Sequence[int], chosen: Mapping[str, int] | None = None,
          now: datetime | None = None) -> tuple[int, Changes]:
    """Merge ``customer_ids`` into ``keep_id``; ``chosen`` maps a field to the customer whose value wins.

    Returns the batch id (for undo) and what changed.
    """
    ids = list(dict.fromkeys([keep_id, *customer_ids]))
    others = [i for i in ids if i != keep_id]
    if not others:
        raise UserError(QT_TRANSLATE_NOOP("errors", "Choose at least two customers to merge."))
    chosen = dict(chosen or {})
    at = (now or utcnow()).replace(microsecond=0)
    at_text = dt_text(at)
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        conn = driver(session)
        changes_after = last_change_id(conn)
        ids_alloc = IdAllocator(conn)
        for table in ("customer_phone", "customer_email", "customer_ref"):
            ids_alloc.take(table, 0)  # above the others' rows, which undo puts back with their own ids
        data = _load(conn, ids)
        keep = data[keep_id]
        keep_updated_at = conn.execute("SELECT updated_at FROM customer WHERE id = ?", (keep_id,)).fetchone()[0]
        journal: list[tuple[str, int, str, str | None, str | None]] = []
        marks = ", ".join("?" * len(others))
        # 1. move every record of the others to the kept customer
        for table in _moving_tables():
            for (row_id, owner) in conn.execute(f'SELECT id, customer_id FROM "{table}" WHERE customer_id IN ({marks})',
                                                others).fetchall():
                journal.append((table, row_id, "customer_id", json.dumps(owner), json.dumps(keep_id)))
            conn.execute(f'UPDATE "{table}" SET customer_id = ? WHERE customer_id IN ({marks})', [keep_id, *others])
        for (row_id, owner) in conn.execute(f"SELECT id, referred_by_id FROM customer WHERE referred_by_id IN ({marks})"
                                            f" AND id NOT IN ({marks})", [*others, *others]).fetchall():
            journal.append(("customer", row_id, "referred_by_id", json.dumps(owner), json.dumps(keep_id)))
            conn.execute("UPDATE customer SET referred_by_id = ? WHERE id = ?", (keep_id, row_id))
        # 2. snapshot and delete the others
        for other in others:
            snapshot = {}
            for table in SNAPSHOT_TABLES:
                column = "id" if table == "customer" else "customer_id"
                cursor = conn.execute(f'SELECT * FROM "{table}" WHERE {column} = ?', (other,))
                names = [d[0] for d in cursor.description]
                snapshot[table] = [_encode(dict(zip(names, row))) for row in cursor.fetchall()]
            journal.append(("customer", other, "__deleted__", json.dumps(snapshot, ensure_ascii=False), None))
        conn.execute(f"DELETE FROM customer WHERE id IN ({marks})", others)
        # 3. the kept customer's fields
        new_scalars = dict(keep["scalars"])
        for key in SCALARS:
            source = chosen.get(key)
            if source is not None and source in data:
                new_scalars[key] = data[source]["scalars"][key]
            elif new_scalars[key] in (None, ""):
                new_scalars[key] = next((data[c]["scalars"][key] for c in others
                                         if data[c]["scalars"][key] not in (None, "")), new_scalars[key])
        changed = {k: v for k, v in new_scalars.items() if v != keep["scalars"][k]}
        for key, value in changed.items():
            journal.append(("customer", keep_id, key, json.dumps(keep["scalars"][key], ensure_ascii=False),
                            json.dumps(value, ensure_ascii=False)))
        if changed:
            conn.execute(f"UPDATE customer SET {', '.join(f'{k} = ?' for k in changed)} WHERE id = ?",
                         [*changed.values(), keep_id])
        united = {k: _unite(data, ids, k) for k in LIST_FIELDS}
        for key in LIST_FIELDS:
            added = [v for v in united[key] if v not in keep[key]]
            if not added:
                continue
            journal.append(("customer", keep_id, key, json.dumps(keep[key], ensure_ascii=False),
                            json.dumps(united[key], ensure_ascii=False)))
            if key == "phones":
                rows = [(ids_alloc.take("customer_phone"), keep_id, v, len(keep[key]) + i) for i, v in enumerate(added)]
                insert_rows(conn, "customer_phone", ("id", "customer_id", "number", "position"), rows)
            elif key == "emails":
                rows = [(ids_alloc.take("customer_email"), keep_id, v, len(keep[key]) + i) for i, v in enumerate(added)]
                insert_rows(conn, "customer_email", ("id", "customer_id", "address", "position"), rows)
            elif key == "tags":
                conn.executemany("INSERT INTO customer_tag (customer_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
                                 [(keep_id, v) for v in added])
            else:
                insert_rows(conn, "customer_ref", ("id", "customer_id", "ref"),
                            [(ids_alloc.take("customer_ref"), keep_id, v) for v in added])
        custom_names = {n for c in ids for n in data[c]["custom"]}
        for name in sorted(custom_names):
            key = f"custom:{name}"
            source = chosen.get(key)
            value = keep["custom"].get(name)
            if source is not None and name in data.get(source, {}).get("custom", {}):
                value = data[source]["custom"][name]
            elif value is None:
                value = next(data[c]["custom"][name] for c in others if name in data[c]["custom"])
            if value != keep["custom"].get(name):
                journal.append(("customer", keep_id, key, json.dumps(keep["custom"].get(name), ensure_ascii=False),
                                json.dumps(value, ensure_ascii=False)))
                conn.execute("INSERT INTO custom_field_value (customer_id, field_id, value) "
                             "SELECT ?, id, ? FROM custom_field WHERE name = ? "
                             "ON CONFLICT (customer_id, field_id) DO UPDATE SET value = excluded.value",
                             (keep_id, value, name))
        merged_names = ", ".join(str(data[c]["scalars"]["name"]) for c in others)
        insert_rows(conn, "customer_change", ("customer_id", "changed_at", "field", "old_value", "new_value"),
                    [(keep_id, at_text, "merged", merged_names, new_scalars["name"])])
        text = search.build_search_text(str(new_scalars["name"]), new_scalars["company"],  # type: ignore[arg-type]
                                        [phone_digits(p) for p in united["phones"]], united["emails"],
                                        new_scalars["wechat_id"], sorted(united["tags"]))  # type: ignore[arg-type]
        conn.execute("UPDATE customer SET search_text = ?, updated_at = ? WHERE id = ?", (text, at_text, keep_id))
        journal.append(("customer", keep_id, "updated_at", json.dumps(keep_updated_at), json.dumps(at_text)))
        lifecycle.refresh(session, churn_days, [keep_id], as_of=at)
        cursor = conn.execute("INSERT INTO import_batch (kind, file_name, created_at, rows_read, created, updated, "
                              "merged, skipped, rejected) VALUES ('merge', ?, ?, 0, 0, 1, ?, 0, 0)",
                              (f"{new_scalars['name']} ← {merged_names}"[:300], at_text, len(others)))
        batch_id = int(cursor.lastrowid)
        ranges = [*ids_alloc.ranges(), ("customer_change", changes_after + 1, last_change_id(conn))]
        insert_rows(conn, "import_batch_range", ("batch_id", "table_name", "first_id", "last_id"),
                    [(batch_id, t, a, b) for t, a, b in ranges])
        insert_rows(conn, "import_batch_change",
                    ("batch_id", "table_name", "row_id", "field", "old_value", "new_value"),
                    [(batch_id, *entry) for entry in journal])
    return batch_id, Changes(customer_ids=frozenset(ids), customers=True, orders=True, interactions=True,
                             surveys=True, tasks=True)
