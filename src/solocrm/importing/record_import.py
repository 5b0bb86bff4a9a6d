"""Importing orders, interactions and survey answers, matched to customers, streamed in chunks.

Each row names its customer by customer ID (member no.), phone, email or exact
name, tried in ``ImportOptions.match_by`` order; a customer found nowhere is
created (named by the ID or phone when the file has no name).  A name is not
enough where the row's phone, email or customer ID contradicts the named
customer's: that is a conflict for the review, and the record goes to a new
customer unless the user attaches it (``ImportOptions.take_incoming``), so a
namesake's order never lands on the wrong person unseen.  A malformed phone or
email is left out of its row (and listed), not the row itself; an amount in
another currency is stored with that currency, never as the business's.

Every kind is idempotent: importing the same file twice adds nothing the second time.  An
order is known by its order number, or for rows without one by a stable hash of
customer, time, amount, product and status; an interaction by customer, time,
channel and summary; a survey answer by customer, time, kind, score and
comment (each with a counter for identical rows of the same file).  A refund
row for a known order number marks that order refunded.

Memory stays flat for a million rows: rows are cleaned, matched and written a
chunk at a time; earlier chunks are asked of the database, not remembered.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from solocrm.errors import Explained
from solocrm.importing import values
from solocrm.importing.customer_import import phone_digits, shown_phone
from solocrm.importing.engine import (
    CHUNK,
    CellProblem,
    Conflict,
    IdAllocator,
    ImportOptions,
    ImportReport,
    ProgressFn,
    Reject,
    bulk_load,
    cell_texts,
    column_date_order,
    counted_batches,
    driver,
    dt_text,
    insert_customers,
    insert_rows,
)
from solocrm.importing.sources import Source
from solocrm.services import contact_values, lifecycle, money, orders, search
from solocrm.translatable import QT_TRANSLATE_NOOP

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
_TEXT_LIMITS = orders.TEXT_LIMITS
# The table each kind writes, and the table of the stable keys that make a re-import add nothing.
_TABLE = {"orders": "order", "interactions": "interaction", "surveys": "survey_response"}
_KEY_TABLE = {"orders": ("import_order_key", "order_id"), "interactions": ("import_interaction_key", "interaction_id"),
              "surveys": ("import_survey_key", "survey_response_id")}
ORDER_COLUMNS = ("id", "customer_id", "ordered_at", "amount_minor", "currency", "product", "quantity", "channel",
                 "status", "order_no")
_CONTACT_KEYS = ("phone", "email")  # a malformed one is left out of its row, which is imported without it


@dataclass(slots=True)
class Row:
    number: int
    cells: list[object]
    ident: str  # what named the customer in the file, for the stable key
    ref: str | None
    name: str | None
    phones: list[str]
    emails: list[str]
    at: datetime
    data: dict[str, object]
    customer_id: int = 0
    key: str = ""  # the stable key of a record known by its content (no order number), see ``_key_base``


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
        self.at_text = dt_text(at)
        self.latest = at + FUTURE_GRACE
        self.churn_days = churn_days
        self.progress = progress
        self.ids = IdAllocator(self.conn)
        self.journal: list[tuple[str, int, str, str | None, str | None]] = []
        self.columns = [(h, k, source.headers.index(h)) for h, k in options.mapping.items() if k]
        self.touched: set[int] = set()
        self.key_counts: dict[str, int] = {}
        # created by the chunk being resolved (their contact details are not in the database yet): id -> (row, name)
        self.new_customers: dict[int, tuple[Row, str]] = {}
        self.made_rows: dict[int, int] = {}  # every customer this import created: the file's row it came from

    # --- customers -----------------------------------------------------------------------

    def _load_customers(self) -> None:
        self.by_ref = dict(self.conn.execute("SELECT ref, customer_id FROM customer_ref"))
        self.by_phone = dict(self.conn.execute("SELECT number, customer_id FROM customer_phone ORDER BY id DESC"))
        self.by_email = dict(self.conn.execute("SELECT lower(address), customer_id FROM customer_email ORDER BY id DESC"))
        self.by_name: dict[str, int] = {}
        for cid, name in self.conn.execute("SELECT id, name FROM customer WHERE archived = 0"):
            self.by_name[name] = _AMBIGUOUS if name in self.by_name else cid

    def _find(self, row: Row) -> tuple[int | None, str]:
        """The customer the row names, and how it was found ("ref", "phone", "email" or "name")."""
        for how in self.options.match_by:
            if how == "ref" and row.ref and row.ref in self.by_ref:
                return self.by_ref[row.ref], how
            if how == "phone":
                for phone in row.phones:
                    if phone in self.by_phone:
                        return self.by_phone[phone], how
            if how == "email":
                for email in row.emails:
                    if email.lower() in self.by_email:
                        return self.by_email[email.lower()], how
            if how == "name" and row.name and self.by_name.get(row.name, _AMBIGUOUS) != _AMBIGUOUS:
                return self.by_name[row.name], how
        return None, ""

    def _contacts(self, cid: int) -> dict[str, list[str]]:
        """A customer's customer IDs, phones and emails (lower case), as stored or as this chunk creates them."""
        if cid in self.new_customers:
            made = self.new_customers[cid][0]
            return {"ref": [made.ref] if made.ref else [], "phone": made.phones,
                    "email": [e.lower() for e in made.emails]}
        return {field: [value for (value,) in self.conn.execute(sql, (cid,))] for field, sql in (
            ("ref", "SELECT ref FROM customer_ref WHERE customer_id = ?"),
            ("phone", "SELECT number FROM customer_phone WHERE customer_id = ? ORDER BY position, id"),
            ("email", "SELECT lower(address) FROM customer_email WHERE customer_id = ? ORDER BY position, id"))}

    def _name_conflict(self, row: Row, cid: int) -> Conflict | None:
        """The conflict of a row found by name alone whose ID, phone or email contradicts the customer's stored one.

        Only a contradiction counts: a customer without a phone does not
        conflict with a row that gives one.
        """
        stored = self._contacts(cid)
        for field, given in (("ref", [row.ref] if row.ref else []), ("phone", row.phones),
                             ("email", [e.lower() for e in row.emails])):
            have = stored[field]
            if given and have and not set(given) & set(have):
                shown = (lambda values: ", ".join(map(shown_phone, values))) if field == "phone" else ", ".join
                return Conflict(row.number, cid, str(row.name), field, shown(have), shown(given),
                                self.made_rows.get(cid))
        return None

    def _create(self, row: Row, namesake: bool = False) -> int:
        """A customer for a row that names someone unknown; written with the chunk (``_write_customers``).

        A ``namesake`` (a row whose name matched a customer with other contact
        details) is not found by name afterwards: later rows of that name are
        checked against the customer they name, as in the review before any was
        attached, so the check shows every conflict the import will have.
        """
        cid = self.ids.take("customer")
        name = row.name or row.ref or (contact_values.display_phone(row.phones[0]) if row.phones else row.emails[0])
        self.new_customers[cid] = (row, name[:200])
        self.made_rows[cid] = row.number
        self._register(row, cid)
        if row.name and not namesake:
            self.by_name[row.name] = _AMBIGUOUS if row.name in self.by_name else cid
        self.report.customers_created += 1
        return cid

    def _register(self, row: Row, cid: int) -> None:
        """Later rows with the row's customer ID, phone or email find ``cid`` (this import only: nothing is stored)."""
        if row.ref:
            self.by_ref.setdefault(row.ref, cid)
        for phone in row.phones:
            self.by_phone.setdefault(phone, cid)
        for email in row.emails:
            self.by_email.setdefault(email.lower(), cid)

    def _write_customers(self) -> None:
        created, self.new_customers = self.new_customers, {}
        if not created:
            return
        rows, phones, emails, refs = [], [], [], []
        for cid, (row, name) in created.items():
            digits = [phone_digits(p) for p in row.phones]
            rows.append((cid, name, search.build_search_text(name, None, digits, row.emails, None, [])))
            phones.extend((cid, number, position) for position, number in enumerate(row.phones))
            emails.extend((cid, address, position) for position, address in enumerate(row.emails))
            if row.ref:
                refs.append((cid, row.ref))
        at = self.at_text
        insert_customers(self.conn, ("id", "name", "search_text"), rows,
                         {"kind": "person", "consent_marketing": 0, "archived": 0, "updated_at": at,
                          "order_count": 0, "total_spent_minor": 0, "stage": "prospect"}, at)
        for table, columns, items in (("customer_phone", ("customer_id", "number", "position"), phones),
                                      ("customer_email", ("customer_id", "address", "position"), emails),
                                      ("customer_ref", ("customer_id", "ref"), refs)):
            if items:
                first = self.ids.take(table, len(items))
                insert_rows(self.conn, table, ("id", *columns), [(first + i, *item) for i, item in enumerate(items)])

    # --- cleaning ------------------------------------------------------------------------

    def _clean(self, number: int, cells: list[object]) -> Row | None:
        found: dict[str, object] = {}
        errors: list[tuple[str, str, Explained]] = []
        left_out: list[tuple[str, str, Explained]] = []  # malformed phones and emails: the row goes on without them
        region = self.options.region or "CN"
        ref = name = None
        phones: list[str] = []
        emails: list[str] = []
        when: datetime | None = None
        date_key = self.date_key
        for header, key, index in self.columns:
            cell = cells[index]
            raw = cell.strip() if type(cell) is str else values.text(cell)
            if not raw:
                continue
            try:
                if key == date_key:
                    moment, has_time = values.parse_datetime(cell, self.date_order)
                    if moment.year < 1900:  # a placeholder such as 0001-01-01; year 1 has no UTC form either
                        raise values.CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is before 1900"), value=raw)
                    # years ahead are refused before conversion too: 9999-12-31 has no UTC form west of Greenwich
                    when = None if moment.year > self.latest.year + 1 else values.local_to_utc(moment, has_time)
                    if when is None or when > self.latest:
                        raise values.CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is in the future"), value=raw)
                    if not (len(raw) in (10, 16, 19) and raw[4] == "-"):
                        shown = moment.isoformat(" ", "minutes") if has_time else moment.date().isoformat()
                        if shown != raw:
                            self.report.note(number, header, raw, shown)
                elif key == "ref":
                    ref = raw[:80]
                elif key == "customer_name":
                    name = raw[:200]
                elif key == "phone":
                    phones, unread = values.phones(cell, region)
                    left_out.extend((header, part, why) for part, why in unread)
                elif key == "email":
                    emails = values.emails(cell)
                elif key == "amount":
                    found["amount"], found["currency"] = self._amount(cell, raw, number, header)
                else:
                    found[key] = self._field(key, cell, raw, number, header)
            except values.CellError as exc:
                (left_out if key in _CONTACT_KEYS else errors).append((header, raw, exc))
        if errors:
            errors.extend(left_out)
        else:
            missing = self._missing(found, when, ref, name, phones, emails)
            if missing:
                errors = [*left_out, *missing]
        if errors:
            header, raw, _why = errors[0]
            self.report.rejects.append(Reject(number, header, raw, tuple((h, why) for h, _v, why in errors),
                                              cell_texts(cells)))
            return None
        if left_out:
            self.report.left_out.extend(CellProblem(number, h, v, why) for h, v, why in left_out)
        ident = ref or (phones[0] if phones else "") or (emails[0].lower() if emails else "") or name or ""
        return Row(number, cells, ident, ref, name, phones, emails, when, found)  # type: ignore[arg-type]

    def _missing(self, found: dict[str, object], when: datetime | None, ref: str | None, name: str | None,
                 phones: list[str], emails: list[str]) -> list[tuple[str, str, Explained]]:
        problems = []
        if when is None:
            problems.append(("", "", Explained(QT_TRANSLATE_NOOP("errors", "the date is empty"))))
        if not (ref or name or phones or emails):
            problems.append(("", "", Explained(QT_TRANSLATE_NOOP("errors", "no customer ID, name, phone or email"))))
        if self.kind == "orders" and "amount" not in found:
            problems.append(("", "", Explained(QT_TRANSLATE_NOOP("errors", "the amount is empty"))))
        if self.kind == "interactions" and not found.get("summary"):
            problems.append(("", "", Explained(QT_TRANSLATE_NOOP("errors", "the summary is empty"))))
        if self.kind == "surveys" and "score" not in found:
            problems.append(("", "", Explained(QT_TRANSLATE_NOOP("errors", "the score is empty"))))
        return problems

    def _amount(self, cell: object, raw: str, number: int, header: str) -> tuple[int, str]:
        """Signed minor units and currency; an amount in another currency than the business's is noted."""
        usual = str(self.options.currency)
        minor, currency = values.amount(cell, usual)  # 0: a free sample, a gift, a replacement, a 0元 promotion
        if currency != usual:
            self.report.note(number, header, raw, f"{currency} {money.format_plain(minor)}")
        return minor, currency

    def _field(self, key: str, cell: object, raw: str, number: int, header: str) -> object:
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
                raise values.CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a score"), value=raw) from None
            if score != float(raw) or not 0 <= score <= 10:
                raise values.CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a score from 0 to 10"), value=raw)
            return score
        if key == "survey_kind":
            lowered = raw.lower()
            if "nps" in lowered or "推荐" in raw:
                return "nps"
            if "csat" in lowered or "满意" in raw:
                return "csat"
            raise values.CellError(QT_TRANSLATE_NOOP(
                "errors", "“{value}” is not a survey kind (CSAT or NPS)"), value=raw)
        limit = _TEXT_LIMITS.get(key)
        if limit is not None and len(raw) > limit:
            raise values.CellError(QT_TRANSLATE_NOOP("errors", "longer than {limit} characters"), limit=limit)
        return raw

    # --- running -------------------------------------------------------------------------

    def run(self) -> None:
        self._load_customers()
        self.date_key = _DATE_FIELD[self.kind]
        date_columns = [h for h, k, _i in self.columns if k == self.date_key]
        self.date_order = column_date_order(self.source, date_columns, self.options.date_order)
        self.survey_default = self._survey_default()
        total = self.source.estimated_rows
        report = self.report
        progress = self.progress
        chunk: list[Row] = []
        # a big file's rows are indexed in bulk at the end; order numbers stay indexed, they are looked up
        with bulk_load(self.conn, _TABLE[self.kind], total, keep=("ix_order_order_no",)):
            for batch in counted_batches(self.source, report, progress):
                for number, cells in batch:
                    row = self._clean(number, cells)
                    if row is None:
                        continue
                    chunk.append(row)
                    if len(chunk) >= CHUNK:
                        self._flush(chunk)
                        chunk = []
            self._flush(chunk)
        self._refresh()
        report.rejects.sort(key=lambda r: r.row)  # rows refused while matching come after those refused while read
        report.customer_ids = self.touched
        if progress is not None:
            progress(report.rows_read, report.rows_read)

    def _survey_default(self) -> str:
        header = next((h for h, k, _i in self.columns if k == "score"), "").lower()
        return "nps" if "nps" in header or "推荐" in header else "csat"

    def _resolve(self, chunk: list[Row], stored: dict[str, tuple], keyed: dict[str, tuple]) -> list[Row]:
        """Each row's customer (created where none is found).

        ``stored`` and ``keyed`` are the chunk's records imported already, by
        order number and by stable key: such a record names its customer
        whatever the row's name says, so importing a file again neither asks
        again nor creates anyone.
        """
        kept = []
        for row in chunk:
            cid, namesake = self._customer_of(row, stored, keyed)
            if cid is None:
                if row.name and not (row.ref or row.phones or row.emails) and \
                        self.by_name.get(row.name) == _AMBIGUOUS:
                    self._reject(row, Explained(QT_TRANSLATE_NOOP(
                        "errors", "several customers are called {name}; add a phone or customer ID column"),
                        name=row.name))
                    continue
                if not self.options.create_missing:
                    self._reject(row, Explained(QT_TRANSLATE_NOOP("errors", "no customer matches this row")))
                    continue
                cid = self._create(row, namesake)
            row.customer_id = cid
            kept.append(row)
        self.touched.update(row.customer_id for row in kept)
        self._write_customers()
        return kept

    def _customer_of(self, row: Row, stored: dict[str, tuple], keyed: dict[str, tuple]) -> tuple[int | None, bool]:
        """The customer the row goes to (None: a new one), and whether that new one is a conflict's namesake."""
        cid, how = self._find(row)
        if how in ("", "name"):  # a record imported before (attached by the user, say): nothing to decide
            recorded = keyed.get(row.key) if row.key else stored.get(str(row.data.get("order_no") or ""))
            if recorded is not None and recorded[-1] is not None:
                return recorded[-1], False
        if how != "name" or not (row.ref or row.phones or row.emails):
            return cid, False
        conflict = self._name_conflict(row, cid)  # type: ignore[arg-type]
        if conflict is None:
            return cid, False
        self.report.conflicts.append(conflict)
        if (row.number, conflict.field) not in self.options.take_incoming:
            return None, True  # a customer of their own
        # attached by the user: the file's later rows with its phone follow it there, as they would the namesake
        self._register(row, cid)  # type: ignore[arg-type]
        return cid, False

    def _reject(self, row: Row, why: Explained) -> None:
        self.report.rejects.append(Reject(row.number, "", "", (("", why),), cell_texts(row.cells)))

    def _flush(self, chunk: list[Row]) -> None:
        if not chunk:
            return
        stored = self._stored_orders(chunk) if self.kind == "orders" else {}
        known = self._recorded_keys(chunk)
        chunk = self._resolve(chunk, stored, known)
        if self.kind == "orders":
            self._write_orders(chunk, stored, known)
        elif self.kind == "interactions":
            self._write_interactions(chunk, known)
        else:
            self._write_surveys(chunk, known)

    def _lookup(self, sql: str, keys: Sequence[str]) -> dict:
        found: dict = {}
        keys = sorted(set(keys))
        for start in range(0, len(keys), 900):
            part = keys[start:start + 900]
            for row in self.conn.execute(sql.format(marks=", ".join("?" * len(part))), part):
                found[row[0]] = row[1:]
        return found

    def _recorded_keys(self, chunk: list[Row]) -> dict[str, tuple]:
        """Give each row known by its content its stable key; returns those imported already (``_known_keys``)."""
        for row in chunk:
            if self.kind != "orders" or not row.data.get("order_no"):
                row.key = self._stable_key(self._key_base(row))
        return self._known_keys([r.key for r in chunk if r.key])

    def _known_keys(self, keys: Sequence[str]) -> dict[str, tuple]:
        """The stable keys imported already: key -> (the record's customer, None if the record was deleted since,)."""
        key_table, owner = _KEY_TABLE[self.kind]
        return self._lookup(f'SELECT k.key, r.customer_id FROM {key_table} k LEFT JOIN "{_TABLE[self.kind]}" r '
                            f"ON r.id = k.{owner} WHERE k.key IN ({{marks}})", keys)

    def _key_base(self, row: Row) -> str:
        """What makes a record the same one when its file comes back (before the count of identical rows)."""
        data, at = row.data, row.at.isoformat()
        if self.kind == "orders":
            signed = int(data["amount"])  # type: ignore[arg-type]
            status = "refunded" if signed < 0 or data.get("status") == "refunded" else "paid"
            return f"{row.ident}|{at}|{abs(signed)}|{data.get('product') or ''}|{status}"
        if self.kind == "interactions":
            digest = hashlib.sha1(str(data["summary"]).encode()).hexdigest()
            return f"{row.ident}|{at}|{data.get('channel') or 'other'}|{digest}"
        digest = hashlib.sha1(str(data.get("comment") or "").encode()).hexdigest()
        kind = data.get("survey_kind") or self.survey_default
        return f"{row.ident}|{at}|{kind}|{int(data['score'])}|{digest}"  # type: ignore[call-overload]

    def _stable_key(self, base: str) -> str:
        """The hash of ``base`` and how many times this file already had it: identical rows stay distinct."""
        count = self.key_counts.get(base, 0) + 1
        self.key_counts[base] = count
        return hashlib.sha1(f"{base}|{count}".encode()).hexdigest()

    def _write_keyed(self, keyed: list[tuple[str, list[object]]], columns: Sequence[str], known: dict[str, tuple],
                     constants: dict[str, object] | None = None) -> list[list[object]]:
        """Insert the records whose stable key is not ``known`` yet, and their keys; count the rest as already there.

        ``known`` holds every key of ``keyed`` imported before (``_known_keys``).  Returns the records inserted.
        """
        table = _TABLE[self.kind]
        key_table, owner = _KEY_TABLE[self.kind]
        records, keys = [], []
        for key, record in keyed:
            if key in known:
                self.report.skipped += 1
                continue
            known[key] = ()
            record[0] = self.ids.take(table)
            records.append(record)
            keys.append((key, record[0]))
        insert_rows(self.conn, table, columns, records, constants)
        insert_rows(self.conn, key_table, ("key", owner), keys)
        self.report.created += len(records)
        return records

    def _stored_orders(self, chunk: list[Row]) -> dict[str, tuple]:
        """The chunk's order numbers already recorded: order no -> (id, amount, status, customer id)."""
        return self._lookup('SELECT order_no, id, amount_minor, status, customer_id FROM "order" '
                            "WHERE order_no IN ({marks})",
                            [str(r.data["order_no"]) for r in chunk if r.data.get("order_no")])

    def _write_orders(self, chunk: list[Row], stored: dict[str, tuple], known: dict[str, tuple]) -> None:
        """Insert new orders; a known order number is skipped, or refunded by a refund row of the same amount.

        Orders of earlier chunks are in the database already, so the database
        answers for them (``stored``, and ``known`` for the stable keys of
        orders without a number); ``chunk_orders`` holds this chunk's.  An
        order with an id below this batch's first one was there before the
        import: refunding it is journalled, so undo makes it paid again.
        """
        chunk_orders: dict[str, list[object]] = {}  # order no -> its record, for refunds later in the chunk
        inserts: list[list[object]] = []
        keyed: list[tuple[str, list[object]]] = []
        partial: list[str] = []  # the keys of partial refunds, orders of their own
        for row in chunk:
            data = row.data
            signed = int(data["amount"])  # type: ignore[arg-type]
            refund = signed < 0 or data.get("status") == "refunded"
            amount, status = abs(signed), "refunded" if refund else "paid"
            order_no = data.get("order_no")
            record = [0, row.customer_id, dt_text(row.at), amount, data["currency"], data.get("product"),
                      data.get("quantity", 1), data.get("channel"), status, order_no]
            if not order_no:
                keyed.append((row.key, record))
                continue
            mine = chunk_orders.get(order_no)
            found = mine or stored.get(order_no)
            if found is None:
                record[0] = self.ids.take("order")
                chunk_orders[order_no] = record  # type: ignore[index]
                inserts.append(record)
                self.report.created += 1
                continue
            if mine is not None:
                oid, old_amount, old_status, owner = mine[0], mine[3], mine[8], mine[1]
            else:
                oid, old_amount, old_status, owner = found
            if not refund or old_status == "refunded":
                self.report.skipped += 1
            elif old_amount != amount:  # a partial refund is an order of its own
                keyed.append((f"refund:{order_no}:{amount}", record))
                partial.append(f"refund:{order_no}:{amount}")
            elif mine is not None:
                mine[8] = "refunded"
                self.report.merged += 1
            else:
                self._refund_stored(oid, owner, order_no)  # type: ignore[arg-type]
                stored[order_no] = (oid, old_amount, "refunded", owner)
        constants = {"created_at": self.at_text}
        insert_rows(self.conn, "order", ORDER_COLUMNS, inserts, constants)
        if keyed:
            known.update(self._known_keys(partial))
            inserts = [*inserts, *self._write_keyed(keyed, ORDER_COLUMNS, known, constants)]
        self.report.free_orders += sum(1 for record in inserts if record[3] == 0 and record[8] == "paid")

    def _refund_stored(self, order_id: int, customer_id: int, order_no: str) -> None:
        """A refund row for an order already in the database (this file's earlier chunks included)."""
        self.conn.execute('UPDATE "order" SET status = ? WHERE id = ?', ("refunded", order_id))
        if order_id < self.ids.first.get("order", order_id + 1):
            self.journal.append(("order", order_id, "status", '"paid"', '"refunded"'))
            self.report.updated += 1
            self.touched.add(customer_id)
        else:
            self.report.merged += 1

    def _write_interactions(self, chunk: list[Row], known: dict[str, tuple]) -> None:
        keyed = []
        for row in chunk:
            data = row.data
            channel = data.get("channel") or "other"
            summary = str(data["summary"])
            record = [0, row.customer_id, dt_text(row.at), channel, data.get("direction") or "out", summary,
                      data.get("outcome")]
            keyed.append((row.key, record))
        self._write_keyed(keyed, ("id", "customer_id", "occurred_at", "channel", "direction", "summary", "outcome"),
                          known)

    def _write_surveys(self, chunk: list[Row], known: dict[str, tuple]) -> None:
        keyed = []
        for row in chunk:
            kind = str(row.data.get("survey_kind") or self.survey_default)
            score = int(row.data["score"])  # type: ignore[arg-type]
            if kind == "csat" and not 1 <= score <= 5:
                self._reject(row, Explained(QT_TRANSLATE_NOOP("errors", "a CSAT score is 1 to 5, not {score}"),
                                            score=score))
                continue
            keyed.append((row.key, [0, row.customer_id, dt_text(row.at), kind, score, row.data.get("comment")]))
        self._write_keyed(keyed, ("id", "customer_id", "responded_at", "kind", "score", "comment"), known)

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
