"""Importing customers: clean each row, find who it already is, and write new customers in chunks as they come.

A row matching a stored customer by normalised phone, email or customer ID
updates that customer: empty fields are filled, new phones/emails/tags added,
and a differing value is a conflict kept as stored unless the user chose the
file's value.  A row matching an earlier row of the same file is merged into
it.  Any other row is a new customer, flagged when a near-identical name with
the same company or city already exists.  Every change to a stored customer
goes to its history (``customer_change``) and to the batch's undo journal.
A phone that cannot be read is a cell left out (listed), never the reason a
contact is lost: the row comes in with everything else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import chain, compress, repeat
from operator import attrgetter, countOf

import orjson

from sqlalchemy.orm import Session

from solocrm.errors import Explained
from solocrm.importing import names, values
from solocrm.importing.engine import (
    CellProblem,
    Conflict,
    CustomerWriter,
    IdAllocator,
    ImportOptions,
    ImportReport,
    PossibleDuplicate,
    ProgressFn,
    Reject,
    cell_texts,
    column_date_order,
    counted_batches,
    driver,
    dt_text,
    insert_rows,
    packed_insert,
)
from solocrm.importing.sources import Source
from solocrm.services import contact_values, customers, search
from solocrm.translatable import QT_TRANSLATE_NOOP

# Text columns with the length the schema allows (None: unlimited), the same limits the dialog and service keep.
TEXT_FIELDS = customers.TEXT_LIMITS
SCALARS = (*TEXT_FIELDS, "gender", "birthday", "consent_marketing")
LISTS = ("phones", "emails", "tags", "refs")
WRITE_CHUNK = 5000  # new customers inserted, then indexed for search, at a time
BATCH = 1000  # rows read, then cleaned, then placed, then checked for near names: each step's data stays in cache


def phone_digits(e164: str) -> str:
    """contact_values.phone_digits with the common case (a Chinese mobile) answered without parsing."""
    if e164.startswith("+861") and len(e164) == 14:
        return e164[1:]
    return contact_values.phone_digits(e164)


def shown_phone(e164: str) -> str:
    """contact_values.display_phone, with Chinese mobiles formatted without parsing."""
    if e164.startswith("+861") and len(e164) == 14:
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    return contact_values.display_phone(e164)


@dataclass(slots=True)
class Incoming:
    """One cleaned row; scalars hold SQLite's stored forms (dates as text, booleans as 0/1).

    The lists start as one shared empty tuple (most rows leave most of them
    empty) and become lists of their own, free of repeats, when filled.  A row
    that is a new customer is kept as it is, with its ``id``, until a later
    row adds to it (``State``): most never change.
    """

    row: int
    scalars: dict[str, object]
    phones: Sequence[str] = ()
    emails: Sequence[str] = ()
    tags: Sequence[str] = ()
    refs: Sequence[str] = ()
    custom: dict[str, str] | None = None
    photo: bytes | None = None
    id: int = 0  # the customer it is, once placed as a new one


@dataclass(slots=True)
class State(Incoming):
    """A customer as this import changes it: a stored one, or a new one a later row of the file adds to."""

    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    custom: dict[str, str] = field(default_factory=dict)
    has_photo: bool = False
    changed: set[str] = field(default_factory=set)
    before: dict[str, object] = field(default_factory=dict)
    updated_at: str | None = None
    written: bool = False  # a new customer already inserted; ``changed`` then holds what came after


# What customers gain in each list ("phones", "emails", "tags", "refs"): customer id -> the list as it is to be
# stored, with None for each value already stored (so a value's index in the list is its position).
Owned = dict[str, dict[int, Sequence[str | None]]]

# How SQLite spreads each list into its table, from one JSON object {customer id: list} (see ``_owned_inserts``).
_FROM_LISTS = "FROM json_each(:lists) c, json_each(c.value) x"
_FIRST_ID = "CASE WHEN c.key = :key AND x.key = :index THEN :id END"  # the rest follow on: AUTOINCREMENT
_OWNED_INSERTS = (
    ("phones", "customer_phone", f"INSERT INTO customer_phone (id, customer_id, number, position) "
                                 f"SELECT {_FIRST_ID}, c.key, x.value, x.key {_FROM_LISTS} WHERE x.value IS NOT NULL"),
    ("emails", "customer_email", f"INSERT INTO customer_email (id, customer_id, address, position) "
                                 f"SELECT {_FIRST_ID}, c.key, x.value, x.key {_FROM_LISTS} WHERE x.value IS NOT NULL"),
    ("refs", "customer_ref", f"INSERT INTO customer_ref (id, customer_id, ref) "
                             f"SELECT {_FIRST_ID}, c.key, x.value {_FROM_LISTS} WHERE x.value IS NOT NULL"),
    ("tags", None, f"INSERT INTO customer_tag (customer_id, tag_id) "
                   f"SELECT c.key, t.id {_FROM_LISTS} JOIN tag t ON t.name = x.value"),
)


def _shown(key: str, value: object) -> str:
    """A stored value as the conflict list and history show it."""
    if value is None:
        return ""
    if key == "consent_marketing":
        return "yes" if value else "no"
    return str(value)


_ID_OF, _SCALARS, _PHOTO_OF = attrgetter("id"), attrgetter("scalars"), attrgetter("photo")
_PHONES_OF, _EMAILS_OF, _TAGS_OF = attrgetter("phones"), attrgetter("emails"), attrgetter("tags")


# How each mapped column is cleaned (the first tests are the most frequent columns).
_TEXT, _PHONES, _EMAILS, _BIRTHDAY, _TAGS, _REF, _GENDER, _CONSENT, _CUSTOM, _FAMILY, _GIVEN, _PHOTO = range(12)
_HOW = {"phones": _PHONES, "emails": _EMAILS, "birthday": _BIRTHDAY, "tags": _TAGS, "ref": _REF, "gender": _GENDER,
        "consent_marketing": _CONSENT, "family_name": _FAMILY, "given_name": _GIVEN, "photo": _PHOTO}


class CustomerImport:
    def __init__(self, session: Session, source: Source, options: ImportOptions, report: ImportReport,
                 at: datetime, churn_days: int, progress: ProgressFn | None) -> None:
        self.conn = driver(session)
        self.source = source
        self.options = options
        self.report = report
        self.at = at
        self.progress = progress
        self.ids = IdAllocator(self.conn)
        self.journal: list[tuple[str, int, str, str | None, str | None]] = []
        self.columns = [(h, k, source.headers.index(h)) for h, k in options.mapping.items() if k]
        self.plan = [(h, k, i, _CUSTOM if k.startswith("custom:") else _HOW.get(k, _TEXT), TEXT_FIELDS.get(k))
                     for h, k, i in self.columns]
        self.mapped = {k for _h, k, _i in self.columns}
        # The customer columns a new row can fill: only these are written (with the rest left NULL).
        self.scalar_keys = [k for k in SCALARS
                            if k in self.mapped or (k == "name" and self.mapped & {"family_name", "given_name"})]
        self.new: dict[int, Incoming] = {}  # each new customer: its row, or its State once another row added to it
        self.unwritten: list[int] = []  # the ids of new customers not inserted yet
        self.new_tags: list[tuple[int, str]] = []
        self.new_fields: list[tuple[int, str, int]] = []
        self.rewrite: set[int] = set()  # new customers inserted, then changed by a later row of the file
        self.pending: dict[int, list[Incoming]] = {}
        self.by_phone: dict[str, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_ref: dict[str, int] = {}
        self.near = names.NameIndex()
        self.named: list[tuple[int, int, str, str | None, str | None, bool]] = []  # new, not yet checked by ``near``
        self.name_header = next((h for h, k, _i in self.columns if k == "name"), "")
        self.birthdays: dict[str, str] = {}
        self.tag_cells: dict[str, tuple[str, ...]] = {}

    # --- reading -------------------------------------------------------------------------

    def _load_indexes(self) -> None:
        self.by_phone = dict(self.conn.execute("SELECT number, customer_id FROM customer_phone ORDER BY id DESC"))
        self.by_email = dict(self.conn.execute(
            "SELECT lower(address), customer_id FROM customer_email ORDER BY id DESC"))
        self.by_ref = dict(self.conn.execute("SELECT ref, customer_id FROM customer_ref"))
        with_phone = "id IN (SELECT customer_id FROM customer_phone)"
        for cid, name, company, city, has_phone in self.conn.execute(
                f"SELECT id, name, company, city, {with_phone} FROM customer ORDER BY id"):
            self.near.add(cid, name, company, city, bool(has_phone))
        self.tag_ids = dict(self.conn.execute("SELECT name, id FROM tag"))
        self.field_ids = dict(self.conn.execute("SELECT name, id FROM custom_field"))
        self.field_position = self.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM custom_field").fetchone()[0]
        for table in ("customer", "tag", "custom_field", "customer_phone", "customer_email", "customer_ref"):
            self.ids.take(table, 0)  # reads each top id now: later ids are handed out without SQL

    def run(self) -> None:
        """Read, clean and place every row, inserting new customers a chunk at a time as they come.

        Rows go through a batch at a time (``BATCH``), each step over the
        whole batch before the next: a step's tables and caches are still in
        the processor's cache for its next row, which they were not when every
        row went through every step (0.15 s of a 100,000-row import).

        Inserting early lets the search indexing of one chunk (in the
        background, see CustomerWriter) run while the next rows are read and
        cleaned.  A later row of the file may still add to a customer already
        inserted; those few are written again at the end (``rewrite``).
        """
        self._load_indexes()
        birthday_columns = [h for h, k, _i in self.columns if k == "birthday"]
        self.date_order = column_date_order(self.source, birthday_columns, self.options.date_order)
        total = self.source.estimated_rows
        report = self.report
        progress = self.progress
        self._prepare_columns()
        self.writer = CustomerWriter(self.conn, total, dt_text(self.at))
        try:
            for batch in counted_batches(self.source, report, progress, BATCH):
                cleaned = [self._clean(number, cells) for number, cells in batch]
                for incoming, (_number, cells) in zip(cleaned, batch):
                    if incoming is not None:
                        self._place(incoming, cells)
                self._flag_near_names()
                if len(self.unwritten) >= WRITE_CHUNK:
                    self._insert_new(last=False)
            self._insert_new(last=True)
            self.writer.wait()
        finally:
            self.writer.join()
        self._update_stored()
        self._write()
        report.rejects.sort(key=attrgetter("row"))  # rows refused while placed come after those refused while cleaned
        if progress is not None:
            progress(report.rows_read, report.rows_read)

    def _clean(self, number: int, cells: list[object]) -> Incoming | None:
        scalars: dict[str, object] = {}
        inc = Incoming(number, scalars)
        errors: list[tuple[str, str, values.CellError]] = []  # in the file's order
        rejected = False  # a phone that cannot be read is left out: only other cells' errors reject the row
        family = given = ""
        region = self.options.region or "CN"
        for header, key, index, how, limit in self.plan:
            cell = cells[index]
            if how == _PHOTO:
                if isinstance(cell, bytes) and cell:
                    inc.photo = cell
                elif isinstance(cell, values.CellError):  # a vCard photo that does not decode: listed, left out
                    errors.append((header, "", cell))
                continue
            raw = cell.strip() if type(cell) is str else values.text(cell)
            if not raw:
                continue
            try:
                if how == _TEXT:
                    if limit is not None and len(raw) > limit:
                        raise values.CellError(QT_TRANSLATE_NOOP(
                            "errors", "longer than {limit} characters"), limit=limit)
                    if key not in scalars:
                        scalars[key] = raw
                elif how == _PHONES:
                    found, unread = values.phones(cell, region)
                    if unread:
                        errors.extend((header, part, why) for part, why in unread)
                    inc.phones = [*inc.phones, *(p for p in found if p not in inc.phones)] if inc.phones else found
                    if found and (len(found) != 1 or raw != (found[0][3:] if found[0].startswith("+86") else found[0])):
                        shown = ", ".join(shown_phone(p) for p in found)
                        if shown != raw:  # "138 1234 5678" is kept as written: nothing to show as cleaned
                            self.report.note(number, header, raw, shown)
                elif how == _EMAILS:
                    found = values.emails(cell)
                    if inc.emails:
                        had = {x.lower() for x in inc.emails}
                        found = [*inc.emails, *(e for e in found if e.lower() not in had)]
                    inc.emails = found
                    if ", ".join(found) != raw:
                        self.report.note(number, header, raw, ", ".join(found))
                elif how == _BIRTHDAY:
                    day = self.birthdays.get(raw) if type(cell) is str else None
                    if day is None:
                        day = self._birthday(cell, raw)
                    scalars["birthday"] = day
                    if day != raw:
                        self.report.note(number, header, raw, day)
                elif how == _TAGS:
                    tags = self.tag_cells.get(raw)
                    if tags is None:
                        tags = self.tag_cells[raw] = tuple(values.tags(raw))
                    inc.tags = [*inc.tags, *(t for t in tags if t not in inc.tags)] if inc.tags else list(tags)
                elif how == _REF:
                    if len(raw) > 80:
                        raise values.CellError(QT_TRANSLATE_NOOP("errors", "a customer ID is at most 80 characters"))
                    if raw not in inc.refs:
                        inc.refs = [*inc.refs, raw]
                elif how == _GENDER:
                    gender = values.gender(cell)
                    if gender:
                        scalars["gender"] = gender
                elif how == _CONSENT:
                    scalars["consent_marketing"] = int(values.yes_no(cell))
                elif how == _CUSTOM:
                    inc.custom = {**(inc.custom or {}), key[7:].strip()[:60]: raw}
                elif how == _FAMILY:
                    family = raw
                else:
                    given = raw
            except values.CellError as exc:
                errors.append((header, raw, exc))
                rejected = True
        if (family or given) and "name" not in scalars:
            joined = family + given if re.search(r"[\u3400-\u9fff]", family + given) else f"{given} {family}".strip()
            scalars["name"] = joined[:TEXT_FIELDS["name"]]
        if rejected or (errors and not (scalars.get("name") or inc.phones or inc.emails or inc.refs)):
            header, raw, _why = errors[0]  # a bad cell, or nothing left to know the customer by
            self.report.rejects.append(Reject(number, header, raw, tuple((h, why) for h, _v, why in errors),
                                              cell_texts(cells)))
            return None
        if errors:
            self.report.left_out.extend(CellProblem(number, h, v, why) for h, v, why in errors)
        return inc

    def _birthday(self, cell: object, raw: str) -> str:
        """The stored form of a birthday cell (remembered per spelling: birthdays repeat in a big file)."""
        day = values.parse_date(cell, self.date_order)
        if day > self.at.date() or day.year < 1900:
            raise values.CellError(QT_TRANSLATE_NOOP("errors", "“{value}” is not a possible birthday"), value=raw)
        if type(cell) is str:
            self.birthdays[raw] = day.isoformat()
        return day.isoformat()

    # --- matching ------------------------------------------------------------------------

    def _match(self, inc: Incoming) -> int | None:
        for phone in inc.phones:
            if phone in self.by_phone:
                return self.by_phone[phone]
        for email in inc.emails:
            found = self.by_email.get(email.lower())
            if found is not None:
                return found
        for ref in inc.refs:
            if ref in self.by_ref:
                return self.by_ref[ref]
        return None

    def _register(self, cid: int, inc: Incoming) -> None:
        for phone in inc.phones:
            self.by_phone.setdefault(phone, cid)
        for email in inc.emails:
            self.by_email.setdefault(email.lower(), cid)
        for ref in inc.refs:
            self.by_ref.setdefault(ref, cid)

    def _place(self, inc: Incoming, cells: list[object]) -> None:
        target = self._match(inc)
        if target is None:
            name = inc.scalars.get("name")
            if not name:
                why = Explained(QT_TRANSLATE_NOOP("errors", "No name, and no phone, email or customer ID of a "
                                                            "known customer"))
                self.report.rejects.append(Reject(inc.row, self.name_header, "", (("", why),), cell_texts(cells)))
                return
            # a new customer is the row itself: its lists are already free of repeats
            cid = inc.id = self.ids.take("customer")
            self.new[cid] = inc
            self.unwritten.append(cid)
            self._register(cid, inc)
            self.named.append((inc.row, cid, str(name), inc.scalars.get("company"),  # type: ignore[arg-type]
                               inc.scalars.get("city"), bool(inc.phones)))  # type: ignore[arg-type]
            self.report.created += 1
        elif target in self.new:
            state = self.new[target]
            if type(state) is not State:
                state = self.new[target] = self._changing(state)
            self._merge(state, inc)
            if state.written and state.changed:
                self.rewrite.add(target)
            self._register(target, inc)
            self.report.merged += 1
        else:
            self.pending.setdefault(target, []).append(inc)
            self._register(target, inc)

    def _flag_near_names(self) -> None:
        """Flag the customers just placed whose name is near an earlier one's in the same company or city."""
        add, new = self.near.add, self.new
        for row, cid, name, company, city, has_phone in self.named:
            similar = add(cid, name, company, city, has_phone)
            if similar is not None:
                earlier = new.get(similar.id)  # a row above in the file: its customer has no number yet
                self.report.duplicates.append(PossibleDuplicate(row, name, *similar,
                                                                other_row=earlier.row if earlier else None))
        self.named = []

    # --- merging -------------------------------------------------------------------------

    def _changing(self, new: Incoming) -> State:
        """A new customer's State, for another row of the file to add to."""
        return State(new.row, new.scalars, list(new.phones), list(new.emails), list(new.tags), list(new.refs),
                     dict(new.custom or {}), new.photo, new.id,
                     written=not self.unwritten or new.id < self.unwritten[0])

    def _conflict(self, state: State, inc: Incoming, key: str, current: object, incoming: object) -> bool:
        """Record a conflict; True when the user chose the file's value for it."""
        self.report.conflicts.append(Conflict(inc.row, state.id, str(state.scalars.get("name") or ""), key,
                                              _shown(key, current), _shown(key, incoming), state.row or None))
        return (inc.row, key) in self.options.take_incoming

    def _merge(self, state: State, inc: Incoming) -> None:
        """Fold ``inc`` into ``state``, recording in ``state.changed`` what it changed."""
        changed = state.changed
        for key, value in inc.scalars.items():
            current = state.scalars.get(key)
            if current in (None, "") or (key == "consent_marketing" and not current and value):
                if current != value:
                    state.scalars[key] = value
                    changed.add(key)
            elif current != value and self._conflict(state, inc, key, current, value):
                state.scalars[key] = value
                changed.add(key)
        for phone in inc.phones:
            if phone not in state.phones:
                state.phones.append(phone)
                changed.add("phones")
        lowered = {e.lower() for e in state.emails}
        for email in inc.emails:
            if email.lower() not in lowered:
                state.emails.append(email)
                lowered.add(email.lower())
                changed.add("emails")
        for tag in inc.tags:
            if tag not in state.tags:
                state.tags.append(tag)
                changed.add("tags")
        for ref in inc.refs:
            if ref not in state.refs and self.by_ref.get(ref, state.id) == state.id:
                state.refs.append(ref)
                changed.add("refs")
        for name, value in (inc.custom or {}).items():
            key = f"custom:{name}"
            current = state.custom.get(name)
            if current is None or (current != value and self._conflict(state, inc, key, current, value)):
                if current != value:
                    state.custom[name] = value
                    changed.add(key)
        if inc.photo and not state.photo and not state.has_photo:
            state.photo = inc.photo
            changed.add("photo")

    def _update_stored(self) -> None:
        ids = sorted(self.pending)
        states: dict[int, State] = {}
        cols = [c for c in SCALARS]
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT id, {', '.join(cols)}, photo IS NOT NULL, updated_at FROM customer WHERE id IN ({marks})",
                chunk,
            ):
                states[row[0]] = State(row=0, id=row[0], scalars=dict(zip(cols, row[1:-2])),
                                       has_photo=bool(row[-2]), updated_at=row[-1])
            for table, column, attr in (("customer_phone", "number", "phones"), ("customer_email", "address", "emails")):
                for cid, value in self.conn.execute(
                    f"SELECT customer_id, {column} FROM {table} WHERE customer_id IN ({marks}) ORDER BY position, id",
                    chunk,
                ):
                    getattr(states[cid], attr).append(value)
            for cid, value in self.conn.execute(
                f"SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                f"WHERE ct.customer_id IN ({marks}) ORDER BY t.name", chunk
            ):
                states[cid].tags.append(value)
            for cid, value in self.conn.execute(
                f"SELECT customer_id, ref FROM customer_ref WHERE customer_id IN ({marks}) ORDER BY id", chunk
            ):
                states[cid].refs.append(value)
            for cid, name, value in self.conn.execute(
                f"SELECT v.customer_id, f.name, v.value FROM custom_field_value v JOIN custom_field f "
                f"ON f.id = v.field_id WHERE v.customer_id IN ({marks})", chunk
            ):
                states[cid].custom[name] = value
        for cid in ids:
            state = states[cid]
            state.before = {**state.scalars, **{a: list(getattr(state, a)) for a in LISTS},
                            **{f"custom:{k}": v for k, v in state.custom.items()}}
            for inc in self.pending[cid]:
                seen = set(state.changed)
                self._merge(state, inc)
                if state.changed - seen:
                    self.report.updated += 1
                else:
                    self.report.skipped += 1
        self.stored = [states[cid] for cid in ids if states[cid].changed]

    # --- writing -------------------------------------------------------------------------

    @staticmethod
    def _search_texts(states: Sequence[Incoming]) -> Iterator[str]:
        scalars = list(map(_SCALARS, states))
        return search.search_texts(list(map(dict.get, scalars, repeat("name"))),  # type: ignore[arg-type]
                                   list(map(dict.get, scalars, repeat("company"))),  # type: ignore[arg-type]
                                   map(map, repeat(phone_digits), map(_PHONES_OF, states)), map(_EMAILS_OF, states),
                                   map(dict.get, scalars, repeat("wechat_id")),  # type: ignore[arg-type]
                                   map(sorted, map(_TAGS_OF, states)))

    def _tag_id(self, name: str) -> int:
        """The tag's id, a new one for a tag not seen before (inserted by the next ``_owned_inserts`` statements)."""
        found = self.tag_ids.get(name)
        if found is None:
            found = self.tag_ids[name] = self.ids.take("tag")
            self.new_tags.append((found, name))
        return found

    def _field_id(self, name: str) -> int:
        """The custom field's id, a new one (inserted by ``_write``) for a field not seen before."""
        found = self.field_ids.get(name)
        if found is None:
            found = self.field_ids[name] = self.ids.take("custom_field")
            self.new_fields.append((found, name, self.field_position + len(self.new_fields)))
        return found

    def _prepare_columns(self) -> None:
        """The customer columns new rows fill, and the values every new row shares (written as SQL literals)."""
        at = dt_text(self.at)
        keys = self.scalar_keys
        self.photo = "photo" in self.mapped
        self.new_columns = ["id", *keys, *(["photo"] if self.photo else []), "search_text"]
        self.consent = keys.index("consent_marketing") + 1 if "consent_marketing" in keys else None
        self.constants: dict[str, object] = {"kind": "person", "archived": 0, "updated_at": at, "order_count": 0,
                                             "total_spent_minor": 0, "stage": "prospect"}
        if self.consent is None:
            self.constants["consent_marketing"] = 0

    def _new_rows(self, states: Sequence[Incoming]) -> list[tuple]:
        """The customer rows of ``states`` (columns as ``new_columns``), built column by column in C."""
        scalars = list(map(_SCALARS, states))
        columns: list[Iterable[object]] = [map(dict.get, scalars, repeat(key)) for key in self.scalar_keys]
        if self.consent is not None:
            columns[self.consent - 1] = [value or 0 for value in columns[self.consent - 1]]
        photos = [map(_PHOTO_OF, states)] if self.photo else []
        return list(zip(map(_ID_OF, states), *columns, *photos, self._search_texts(states)))

    def _insert_new(self, last: bool) -> None:
        """Insert the new customers placed since the last call, with their phones, emails, tags and IDs.

        ``last`` once the file is read.  Custom field values wait for the end
        (a later row of the file may still change them; they are few).
        """
        chunk = [self.new[cid] for cid in self.unwritten]
        self.unwritten = []
        self.writer.add(self.new_columns, self._new_rows(chunk), self.constants, last,
                        then=self._owned_inserts(self._owned(chunk)))
        for s in chunk:
            if type(s) is State:
                s.written = True
                s.changed.clear()

    def _owned_inserts(self, owned: Owned) -> list[tuple[str, Sequence[object] | Mapping[str, object]]]:
        """The statements inserting new tags and what ``owned`` holds, each list over one JSON parameter.

        SQLite spreads the lists into their tables itself: the import's own
        thread, which sets the pace, only gathers them (a phone, email, tag or
        ID row each, built and numbered in Python, was a tenth of its time).
        Only the first row of each table gets its id from here (the one
        ``self.ids`` hands out); AUTOINCREMENT numbers the rest on from it.
        """
        names = dict.fromkeys(chain.from_iterable(owned["tags"].values()))  # first seen first
        names.pop(None, None)
        for name in names:
            self._tag_id(name)
        tags, self.new_tags = self.new_tags, []
        statements: list[tuple[str, Sequence[object] | Mapping[str, object]]] = []
        if tags:
            statements.append(packed_insert("tag", ("id", "name"), tags))
        for key, table, sql in _OWNED_INSERTS:
            lists = owned[key]
            added = sum(map(len, lists.values())) - sum(map(countOf, lists.values(), repeat(None)))
            if not added:
                continue
            params: dict[str, object] = {"lists": orjson.dumps(lists, option=orjson.OPT_NON_STR_KEYS).decode()}
            if table is not None:
                cid, first = next(iter(lists.items()))  # every list holds a value to add, after those stored
                params.update(key=str(cid), index=countOf(first, None), id=self.ids.take(table, added))
            statements.append((sql, params))
        return statements

    def _rewrite(self) -> Owned:
        """Write again the new customers a later row added to after they were inserted.

        Their own columns are updated (the search index follows by trigger);
        their phones, emails, tags and IDs are deleted, and returned afresh
        to be inserted with the rest.
        """
        ids = sorted(self.rewrite)
        states = [self.new[cid] for cid in ids]
        names = self.new_columns[1:]
        sets = ", ".join(f"{n} = ?" for n in names)
        for state, row in zip(states, self._new_rows(states)):
            self.conn.execute(f"UPDATE customer SET {sets} WHERE id = ?", [*row[1:], state.id])
            self.conn.execute("UPDATE customer_change SET new_value = ? WHERE customer_id = ? AND field = 'created'",
                              (state.scalars.get("name"), state.id))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            for table in ("customer_phone", "customer_email", "customer_ref", "customer_tag"):
                self.conn.execute(f"DELETE FROM {table} WHERE customer_id IN ({marks})", chunk)
        return self._owned(states)

    @staticmethod
    def _owned(states: Sequence[Incoming]) -> Owned:
        """What new customers own: all their phones, emails, tags and IDs (custom values: ``_write``)."""
        ids = list(map(_ID_OF, states))
        owned: Owned = {}
        for key in LISTS:
            lists = list(map(attrgetter(key), states))
            owned[key] = dict(compress(zip(ids, lists), lists))  # only those with any
        return owned

    def _write(self) -> None:
        """Write the new customers' custom values, those written again, and every change to stored customers."""
        at = dt_text(self.at)
        stored = self.stored
        customs: list[tuple[int, int, str]] = []
        field_id = self._field_id
        if any(key.startswith("custom:") for key in self.mapped):  # else no new customer has one to visit for
            for s in self.new.values():
                if s.custom:
                    customs.extend([(s.id, field_id(n), value) for n, value in s.custom.items()])
        owned = self._rewrite()
        changes: list[tuple] = []
        updates = [self._stored_rows(s, text, at, owned, customs, changes)
                   for s, text in zip(stored, self._search_texts(stored))]
        insert_rows(self.conn, "custom_field", ("id", "name", "position"), self.new_fields)
        for sql, params in updates:
            self.conn.execute(sql, params)
        for sql, params in self._owned_inserts(owned):  # as each chunk's, here on this thread
            self.conn.execute(sql, params)
        insert_rows(self.conn, "customer_change", ("customer_id", "changed_at", "field", "old_value", "new_value"),
                    changes)
        if customs:
            self.conn.executemany(
                "INSERT INTO custom_field_value (customer_id, field_id, value) VALUES (?, ?, ?) "
                "ON CONFLICT (customer_id, field_id) DO UPDATE SET value = excluded.value", customs)
        self.report.customer_ids = set(self.new) | {s.id for s in stored}

    def _stored_rows(self, s: State, search_text: str, at: str | None, owned: Owned,
                     customs: list[tuple[int, int, str]], changes: list) -> tuple[str, list[object]]:
        """Add what a stored customer gains to ``owned``, ``customs`` and ``changes``; returns its UPDATE."""
        before = s.before
        sets: dict[str, object] = {}
        for key in sorted(s.changed):
            if key in SCALARS:
                sets[key] = s.scalars[key]
                self.journal.append(("customer", s.id, key, json.dumps(before.get(key), ensure_ascii=False),
                                     json.dumps(s.scalars[key], ensure_ascii=False)))
                old = before.get(key)
                changes.append((s.id, at, key, None if old is None else _shown(key, old), _shown(key, s.scalars[key])))
            elif key in LISTS:
                old_list = before[key]
                now_list = getattr(s, key)
                self.journal.append(("customer", s.id, key, json.dumps(old_list, ensure_ascii=False),
                                     json.dumps(now_list, ensure_ascii=False)))
                owned[key][s.id] = [None] * len(old_list) + now_list[len(old_list):]  # appended by _merge
                if key != "refs":
                    shown = sorted(now_list) if key == "tags" else now_list
                    changes.append((s.id, at, key, ", ".join(sorted(old_list) if key == "tags" else old_list) or None,
                                    ", ".join(shown)))
            elif key.startswith("custom:"):
                name = key[7:]
                customs.append((s.id, self._field_id(name), s.custom[name]))
                self.journal.append(("customer", s.id, key, json.dumps(before.get(key), ensure_ascii=False),
                                     json.dumps(s.custom[name], ensure_ascii=False)))
                changes.append((s.id, at, key, before.get(key), s.custom[name]))
            elif key == "photo":
                sets["photo"] = s.photo
                self.journal.append(("customer", s.id, "photo", "null", "true"))
        sets["search_text"] = search_text
        sets["updated_at"] = at
        self.journal.append(("customer", s.id, "updated_at", json.dumps(s.updated_at), json.dumps(at)))
        return f"UPDATE customer SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), s.id]

