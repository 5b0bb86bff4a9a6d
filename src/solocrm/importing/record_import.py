"""Importing orders, interactions and survey answers, matched to customers, streamed in chunks.

Each row names its customer by customer ID (member no.), phone, email or exact
name, tried in ``ImportOptions.match_by`` order; a customer found nowhere is
created (named by the ID or phone when the file has no name).  Orders are
idempotent: an order number already recorded, or for rows without one a
stable hash of customer, time, amount, product and status (with a counter for
identical rows of the same file), is skipped on a second import.  A refund row
for a known order number marks that order refunded.

Memory stays flat for a million rows: rows are cleaned, matched and written a
chunk at a time; only the keys of this file's orders are remembered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from solocrm.importing import values
from solocrm.importing.customer_import import phone_digits
from solocrm.importing.engine import (
    CHUNK,
    IdAllocator,
    ImportOptions,
    ImportReport,
    ProgressFn,
    Reject,
    cell_texts,
    column_date_order,
    driver,
    dt_text,
    insert_rows,
    overflow,
)
from solocrm.importing.sources import Source
from solocrm.services import contact_values, lifecycle, search

FUTURE_GRACE = timedelta(days=1)
REFRESH_CHUNK = 20000
_AMBIGUOUS = -1
_CHANNEL_WORDS = (
    (("电话", "来电", "phone", "call", "tel"), "phone"), (("微信", "wechat", "weixin"), "wechat"),
    (("邮件", "邮箱", "email", "mail"), "email"), (("面谈", "见面", "拜访", "会议", "meeting", "visit"), "meeting"),
    (("到店", "门店", "店", "store", "shop"), "store"), (("抖音", "douyin", "tiktok"), "douyin"),
)
_IN_WORDS = ("呼入", "来电", "客户主动", "客户来", "in", "inbound", "incoming")
_DATE_FIELD = {"orders": "ordered_at", "interactions": "occurred_at", "surveys": "responded_at"}


@dataclass
class Row:
    number: int
    cells: list[object]
    ident: str  # what named the customer in the file, for the order key
    ref: str | None
    name: str | None
    phones: list[str]
    emails: list[str]
    at: datetime
    data: dict[str, object]
    customer_id: int = 0


class RecordImport:
    def __init__(self, session: Session, source: Source, options: ImportOptions, report: ImportReport,
                 at: datetime, churn_days: int, progress: ProgressFn | None) -> None:
        self.session = session
        self.conn = driver(session)
        self.source = source
        self.options = options
        self.kind = options.kind
        self.report = report
        self.at = at
        self.churn_days = churn_days
        self.progress = progress
        self.ids = IdAllocator(self.conn)
        self.journal: list[tuple[str, int, str, str | None, str | None]] = []
        self.columns = [(h, k, source.headers.index(h)) for h, k in options.mapping.items() if k]
        self.touched: set[int] = set()
        self.file_orders: dict[str, tuple[int, int, str]] = {}  # order no -> (id, amount, status)
        self.key_counts: dict[str, int] = {}

    # --- customers -----------------------------------------------------------------------

    def _load_customers(self) -> None:
        self.by_ref = dict(self.conn.execute("SELECT ref, customer_id FROM customer_ref"))
        self.by_phone = dict(self.conn.execute("SELECT number, customer_id FROM customer_phone ORDER BY id DESC"))
        self.by_email = dict(self.conn.execute("SELECT lower(address), customer_id FROM customer_email ORDER BY id DESC"))
        self.by_name: dict[str, int] = {}
        for cid, name in self.conn.execute("SELECT id, name FROM customer WHERE archived = 0"):
            self.by_name[name] = _AMBIGUOUS if name in self.by_name else cid

    def _find(self, row: Row) -> int | None:
        for how in self.options.match_by:
            if how == "ref" and row.ref and row.ref in self.by_ref:
                return self.by_ref[row.ref]
            if how == "phone":
                for phone in row.phones:
                    if phone in self.by_phone:
                        return self.by_phone[phone]
            if how == "email":
                for email in row.emails:
                    if email.lower() in self.by_email:
                        return self.by_email[email.lower()]
            if how == "name" and row.name and self.by_name.get(row.name, _AMBIGUOUS) != _AMBIGUOUS:
                return self.by_name[row.name]
        return None

    def _create(self, row: Row) -> int:
        cid = self.ids.take("customer")
        name = row.name or row.ref or (contact_values.display_phone(row.phones[0]) if row.phones else row.emails[0])
        at = dt_text(self.at)
        digits = [phone_digits(p) for p in row.phones]
        text = search.build_search_text(name, None, digits, row.emails, None, [])
        insert_rows(self.conn, "customer", ("id", "kind", "name", "consent_marketing", "archived", "created_at",
                                            "updated_at", "order_count", "total_spent_minor", "stage", "search_text"),
                    [(cid, "person", name[:200], 0, 0, at, at, 0, 0, "prospect", text)])
        for table, column, items in (("customer_phone", "number", row.phones), ("customer_email", "address", row.emails)):
            for position, item in enumerate(items):
                insert_rows(self.conn, table, ("id", "customer_id", column, "position"),
                            [(self.ids.take(table), cid, item, position)])
        if row.ref:
            insert_rows(self.conn, "customer_ref", ("id", "customer_id", "ref"),
                        [(self.ids.take("customer_ref"), cid, row.ref)])
            self.by_ref[row.ref] = cid
        insert_rows(self.conn, "customer_change", ("customer_id", "changed_at", "field", "new_value"),
                    [(cid, at, "created", name[:200])])
        for phone in row.phones:
            self.by_phone.setdefault(phone, cid)
        for email in row.emails:
            self.by_email.setdefault(email.lower(), cid)
        if row.name:
            self.by_name[row.name] = _AMBIGUOUS if row.name in self.by_name else cid
        self.report.customers_created += 1
        return cid

    # --- cleaning ------------------------------------------------------------------------

    def _clean(self, number: int, cells: list[object]) -> Row | None:
        found: dict[str, object] = {}
        errors: list[tuple[str, str, str]] = []
        region = self.options.region or "CN"
        ref = name = None
        phones: list[str] = []
        emails: list[str] = []
        when: datetime | None = None
        for header, key, index in self.columns:
            cell = cells[index]
            raw = values.text(cell)
            if not raw:
                continue
            try:
                if key == "ref":
                    ref = raw[:80]
                elif key == "customer_name":
                    name = raw[:200]
                elif key == "phone":
                    phones = values.phones(cell, region)
                elif key == "email":
                    emails = values.emails(cell)
                elif key == _DATE_FIELD[self.kind]:
                    moment, has_time = values.parse_datetime(cell, self.date_order)
                    when = values.local_to_utc(moment, has_time)
                    if when > self.at + FUTURE_GRACE:
                        raise values.CellError(f"“{raw}” is in the future")
                    if not (len(raw) in (10, 16, 19) and raw[4] == "-"):
                        shown = moment.isoformat(" ", "minutes") if has_time else moment.date().isoformat()
                        if shown != raw:
                            self.report.note(number, header, raw, shown)
                else:
                    found[key] = self._field(key, cell, raw, number, header)
            except values.CellError as exc:
                errors.append((header, raw, str(exc)))
        if not errors:
            errors.extend(self._missing(found, when, ref, name, phones, emails))
        if errors:
            header, raw, _r = errors[0]
            self.report.rejects.append(Reject(number, header, raw, "; ".join(f"{h}: {r}" if h else r
                                                                             for h, _v, r in errors),
                                              cell_texts(cells)))
            return None
        ident = ref or (phones[0] if phones else "") or (emails[0].lower() if emails else "") or name or ""
        return Row(number, cells, ident, ref, name, phones, emails, when, found)  # type: ignore[arg-type]

    def _missing(self, found: dict[str, object], when: datetime | None, ref: str | None, name: str | None,
                 phones: list[str], emails: list[str]) -> list[tuple[str, str, str]]:
        problems = []
        if when is None:
            problems.append(("", "", "the date is empty"))
        if not (ref or name or phones or emails):
            problems.append(("", "", "no customer ID, name, phone or email"))
        if self.kind == "orders" and "amount" not in found:
            problems.append(("", "", "the amount is empty"))
        if self.kind == "interactions" and not found.get("summary"):
            problems.append(("", "", "the summary is empty"))
        if self.kind == "surveys" and "score" not in found:
            problems.append(("", "", "the score is empty"))
        return problems

    def _field(self, key: str, cell: object, raw: str, number: int, header: str) -> object:
        if key == "amount":
            minor = values.amount(cell)
            if minor == 0:
                raise values.CellError("the amount is 0")
            return minor
        if key == "quantity":
            return values.quantity(cell)
        if key == "status":
            return "refunded" if values.is_refund(cell) else "paid"
        if key == "channel" and self.kind == "interactions":
            lowered = raw.lower()
            code = next((c for words, c in _CHANNEL_WORDS if any(w in lowered for w in words)), "other")
            if code == "other" and lowered != "other":
                self.report.note(number, header, raw, "other")
            return code
        if key == "direction":
            return "in" if raw.lower() in _IN_WORDS or "入" in raw else "out"
        if key == "score":
            try:
                score = int(float(raw))
            except ValueError:
                raise values.CellError(f"“{raw}” is not a score") from None
            if score != float(raw) or not 0 <= score <= 10:
                raise values.CellError(f"“{raw}” is not a score from 0 to 10")
            return score
        if key == "survey_kind":
            lowered = raw.lower()
            if "nps" in lowered or "推荐" in raw:
                return "nps"
            if "csat" in lowered or "满意" in raw:
                return "csat"
            raise values.CellError(f"“{raw}” is not a survey kind (CSAT or NPS)")
        limits = {"product": 200, "channel": 40, "order_no": 80}
        if key in limits and len(raw) > limits[key]:
            raise values.CellError(f"longer than {limits[key]} characters")
        return raw

    # --- running -------------------------------------------------------------------------

    def run(self) -> None:
        self._load_customers()
        date_columns = [h for h, k, _i in self.columns if k == _DATE_FIELD[self.kind]]
        self.date_order = column_date_order(self.source, date_columns, self.options.date_order)
        self.survey_default = self._survey_default()
        total = self.source.estimated_rows
        chunk: list[Row] = []
        for number, cells in self.source.rows():
            self.report.rows_read += 1
            if self.progress is not None and self.report.rows_read % 1000 == 0:
                self.progress(self.report.rows_read, max(total, self.report.rows_read))
            shifted = overflow(self.source, cells)
            if shifted:
                self.report.rejects.append(Reject(number, "", "", shifted, cell_texts(cells)))
                continue
            row = self._clean(number, cells)
            if row is None:
                continue
            chunk.append(row)
            if len(chunk) >= CHUNK:
                self._flush(chunk)
                chunk = []
        self._flush(chunk)
        self._refresh()
        self.report.customer_ids = self.touched
        if self.progress is not None:
            self.progress(self.report.rows_read, self.report.rows_read)

    def _survey_default(self) -> str:
        header = next((h for h, k, _i in self.columns if k == "score"), "").lower()
        return "nps" if "nps" in header or "推荐" in header else "csat"

    def _resolve(self, chunk: list[Row]) -> list[Row]:
        kept = []
        for row in chunk:
            cid = self._find(row)
            if cid is None:
                if row.name and not (row.ref or row.phones or row.emails) and \
                        self.by_name.get(row.name) == _AMBIGUOUS:
                    self._reject(row, f"several customers are called {row.name}; add a phone or customer ID column")
                    continue
                if not self.options.create_missing:
                    self._reject(row, "no customer matches this row")
                    continue
                cid = self._create(row)
            row.customer_id = cid
            self.touched.add(cid)
            kept.append(row)
        return kept

    def _reject(self, row: Row, reason: str) -> None:
        self.report.rejects.append(Reject(row.number, "", "", reason, cell_texts(row.cells)))

    def _flush(self, chunk: list[Row]) -> None:
        if not chunk:
            return
        chunk = self._resolve(chunk)
        if self.kind == "orders":
            self._write_orders(chunk)
        elif self.kind == "interactions":
            self._write_interactions(chunk)
        else:
            self._write_surveys(chunk)

    def _lookup(self, sql: str, keys: Sequence[str]) -> dict:
        found: dict = {}
        keys = sorted(set(keys))
        for start in range(0, len(keys), 900):
            part = keys[start:start + 900]
            for row in self.conn.execute(sql.format(marks=", ".join("?" * len(part))), part):
                found[row[0]] = row[1:]
        return found

    def _order_key(self, row: Row, amount: int, status: str) -> str:
        base = f"{row.ident}|{row.at.isoformat()}|{amount}|{row.data.get('product') or ''}|{status}"
        count = self.key_counts.get(base, 0) + 1
        self.key_counts[base] = count
        return hashlib.sha1(f"{base}|{count}".encode()).hexdigest()

    def _write_orders(self, chunk: list[Row]) -> None:
        stored = self._lookup('SELECT order_no, id, amount_minor, status FROM "order" WHERE order_no IN ({marks})',
                              [str(r.data["order_no"]) for r in chunk if r.data.get("order_no")])
        inserts: list[list[object]] = []
        keys: list[tuple[str, int]] = []
        pending_keys: list[tuple[Row, str, list[object]]] = []
        at = dt_text(self.at)
        for row in chunk:
            signed = int(row.data["amount"])  # type: ignore[arg-type]
            refund = signed < 0 or row.data.get("status") == "refunded"
            amount, status = abs(signed), "refunded" if refund else "paid"
            order_no = row.data.get("order_no")
            record = [0, row.customer_id, dt_text(row.at), amount, self.options.currency, row.data.get("product"),
                      row.data.get("quantity", 1), row.data.get("channel"), status, order_no, at]
            if order_no:
                known = self.file_orders.get(order_no)
                in_db = stored.get(order_no)
                if known is None and in_db is not None:
                    known = (in_db[0], in_db[1], in_db[2])
                if known is not None:
                    oid, old_amount, old_status = known
                    if not refund or old_status == "refunded":
                        self.report.skipped += 1
                        continue
                    if old_amount == amount:
                        self._mark_refunded(oid, order_no, in_db is not None and order_no not in self.file_orders,
                                            inserts)
                        self.file_orders[order_no] = (oid, old_amount, "refunded")
                        continue
                    pending_keys.append((row, f"refund:{order_no}:{amount}", record))
                    continue
                record[0] = self.ids.take("order")
                self.file_orders[order_no] = (record[0], amount, status)  # type: ignore[arg-type]
                inserts.append(record)
                self.report.created += 1
            else:
                pending_keys.append((row, self._order_key(row, amount, status), record))
        if pending_keys:
            known_keys = self._lookup("SELECT key, order_id FROM import_order_key WHERE key IN ({marks})",
                                      [k for _r, k, _rec in pending_keys])
            for _row, key, record in pending_keys:
                if key in known_keys:
                    self.report.skipped += 1
                    continue
                known_keys[key] = (0,)
                record[0] = self.ids.take("order")
                inserts.append(record)
                keys.append((key, record[0]))  # type: ignore[arg-type]
                self.report.created += 1
        insert_rows(self.conn, "order", ("id", "customer_id", "ordered_at", "amount_minor", "currency", "product",
                                         "quantity", "channel", "status", "order_no", "created_at"), inserts)
        insert_rows(self.conn, "import_order_key", ("key", "order_id"), keys)

    def _mark_refunded(self, order_id: int, order_no: str, stored_before: bool, inserts: list[list[object]]) -> None:
        """A refund row for a known order: the order becomes refunded (journalled when it predates this batch)."""
        pending = next((r for r in inserts if r[0] == order_id), None)
        if pending is not None:
            pending[8] = "refunded"
        else:
            self.conn.execute('UPDATE "order" SET status = ? WHERE id = ?', ("refunded", order_id))
        if stored_before:
            self.journal.append(("order", order_id, "status", '"paid"', '"refunded"'))
            self.report.updated += 1
            customer = self.conn.execute('SELECT customer_id FROM "order" WHERE id = ?', (order_id,)).fetchone()
            if customer:
                self.touched.add(customer[0])
        else:
            self.report.merged += 1

    def _write_interactions(self, chunk: list[Row]) -> None:
        rows = []
        for row in chunk:
            rows.append((self.ids.take("interaction"), row.customer_id, dt_text(row.at),
                         row.data.get("channel") or "other", row.data.get("direction") or "out",
                         row.data["summary"], row.data.get("outcome")))
        insert_rows(self.conn, "interaction", ("id", "customer_id", "occurred_at", "channel", "direction", "summary",
                                               "outcome"), rows)
        self.report.created += len(rows)

    def _write_surveys(self, chunk: list[Row]) -> None:
        rows = []
        for row in chunk:
            kind = str(row.data.get("survey_kind") or self.survey_default)
            score = int(row.data["score"])  # type: ignore[arg-type]
            if kind == "csat" and not 1 <= score <= 5:
                self._reject(row, f"a CSAT score is 1 to 5, not {score}")
                continue
            rows.append((self.ids.take("survey_response"), row.customer_id, dt_text(row.at), kind, score,
                         row.data.get("comment")))
        insert_rows(self.conn, "survey_response", ("id", "customer_id", "responded_at", "kind", "score", "comment"),
                    rows)
        self.report.created += len(rows)

    def _refresh(self) -> None:
        ids = sorted(self.touched)
        if self.kind == "interactions":
            refresh_last_contact(self.conn, ids)
            return
        for start in range(0, len(ids), REFRESH_CHUNK):
            lifecycle.refresh(self.session, self.churn_days, ids[start:start + REFRESH_CHUNK], as_of=self.at)


def refresh_last_contact(conn, ids: Sequence[int]) -> None:  # noqa: ANN001 - sqlite3.Connection
    for start in range(0, len(ids), 900):
        part = list(ids[start:start + 900])
        conn.execute(
            "UPDATE customer SET last_contact_at = (SELECT max(occurred_at) FROM interaction "
            f"WHERE interaction.customer_id = customer.id) WHERE id IN ({', '.join('?' * len(part))})", part)
