"""The customer file (客户档案): add, edit, archive, delete and undo.

Every change to a stored customer is written to ``customer_change`` with old and
new values, so the timeline can show the record's history.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from solocrm.db.database import Database
from solocrm.db.models import (
    Base,
    CustomField,
    CustomFieldValue,
    Customer,
    CustomerChange,
    CustomerEmail,
    CustomerPhone,
    Tag,
    max_length,
)
from solocrm.errors import NotFound, ValidationError
from solocrm.services import contact_values, search
from solocrm.services.changes import Changes
from solocrm.services.limits import length_errors
from solocrm.translatable import QT_TRANSLATE_NOOP

KINDS = ("person", "organization")
# The free-text fields and the most characters each holds (None: no limit), for the dialog, this check and the import.
TEXT_LIMITS: dict[str, int | None] = {
    name: max_length(Customer, name)
    for name in ("name", "company", "title", "wechat_id", "address", "region", "city", "industry", "source_channel",
                 "source_campaign", "preferred_hours", "personal_details", "notes")
}
TAG_LIMIT = max_length(Tag, "name")
CUSTOM_NAME_LIMIT = max_length(CustomField, "name")
CHANNELS = ("phone", "wechat", "email", "meeting", "store", "douyin", "other")

# Plain columns the form edits one to one.
SCALAR_FIELDS = (
    "kind", "name", "company", "title", "wechat_id", "address", "region", "city", "industry",
    "gender", "birthday", "source_channel", "source_campaign", "consent_marketing",
    "preferred_channel", "preferred_hours", "personal_details", "notes", "referred_by_id",
)


@dataclass
class CustomerInput:
    """What the customer dialog edits; phones and emails as typed, before normalising."""

    name: str = ""
    kind: str = "person"
    company: str | None = None
    title: str | None = None
    wechat_id: str | None = None
    address: str | None = None
    region: str | None = None
    city: str | None = None
    industry: str | None = None
    gender: str | None = None
    birthday: date | None = None
    source_channel: str | None = None
    source_campaign: str | None = None
    consent_marketing: bool = False
    preferred_channel: str | None = None
    preferred_hours: str | None = None
    personal_details: str | None = None
    notes: str | None = None
    referred_by_id: int | None = None
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    custom: dict[str, str] = field(default_factory=dict)
    photo: bytes | None = None


def check(data: CustomerInput, region: str) -> tuple[CustomerInput, list[ValidationError]]:
    """Normalise ``data`` and list every problem, so the dialog can mark all fields at once."""
    errors: list[ValidationError] = []
    clean = CustomerInput(**{f.name: getattr(data, f.name) for f in fields(CustomerInput)})
    for f in fields(CustomerInput):
        value = getattr(clean, f.name)
        if isinstance(value, str):
            setattr(clean, f.name, value.strip() or None)
    clean.name = (data.name or "").strip()
    if not clean.name:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "A customer needs a name."), field="name"))
    if clean.kind not in KINDS:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown kind {kind!r}."), field="kind",
                                      kind=clean.kind))
    phones: list[str] = []
    for raw in data.phones:
        if not raw.strip():
            continue
        try:
            number = contact_values.normalise_phone(raw, region)
        except ValidationError as exc:
            errors.append(exc)
            continue
        if number not in phones:
            phones.append(number)
    clean.phones = phones
    emails: list[str] = []
    for raw in data.emails:
        if not raw.strip():
            continue
        try:
            address = contact_values.normalise_email(raw)
        except ValidationError as exc:
            errors.append(exc)
            continue
        if address.lower() not in (e.lower() for e in emails):
            emails.append(address)
    clean.emails = emails
    clean.tags = sorted({t.strip() for t in data.tags if t.strip()})
    clean.custom = {k: v.strip() for k, v in data.custom.items() if v and v.strip()}
    errors.extend(_length_errors(clean))
    if clean.birthday and clean.birthday > date.today():
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The birthday is in the future."), field="birthday"))
    return clean, errors


def _length_errors(clean: CustomerInput) -> list[ValidationError]:
    """A field longer than its column holds is refused, not cut: what is saved exports and imports back whole."""
    errors = length_errors(clean, TEXT_LIMITS)
    if any(len(tag) > TAG_LIMIT for tag in clean.tags):
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Keep each tag to {limit} characters or fewer."),
                                      field="tags", limit=TAG_LIMIT))
    if any(len(name.strip()) > CUSTOM_NAME_LIMIT for name in clean.custom):
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Keep each field name to {limit} characters or fewer."), field="custom", limit=CUSTOM_NAME_LIMIT))
    return errors


def _search_text(customer: Customer) -> str:
    return search.build_search_text(
        customer.name,
        customer.company,
        [contact_values.phone_digits(p.number) for p in customer.phones],
        [e.address for e in customer.emails],
        customer.wechat_id,
        [t.name for t in customer.tags],
    )


def _tags(session: Session, names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
    result = []
    for name in names:
        tag = existing.get(name) or Tag(name=name)
        session.add(tag)
        result.append(tag)
    return result


def _set_custom(session: Session, customer: Customer, values: dict[str, str]) -> None:
    defs = {f.name: f for f in session.scalars(select(CustomField))}
    customer.custom_values = []
    session.flush()
    for name, value in values.items():
        definition = defs.get(name)
        if definition is None:
            definition = CustomField(name=name, position=len(defs))
            defs[name] = definition
            session.add(definition)
        customer.custom_values.append(CustomFieldValue(field=definition, value=value))


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _snapshot_fields(customer: Customer) -> dict[str, str | None]:
    values = {name: _as_text(getattr(customer, name)) for name in SCALAR_FIELDS}
    values["phones"] = ", ".join(p.number for p in customer.phones) or None
    values["emails"] = ", ".join(e.address for e in customer.emails) or None
    values["tags"] = ", ".join(t.name for t in customer.tags) or None
    for value in customer.custom_values:
        values[f"custom:{value.field.name}"] = value.value
    return values


def _apply(session: Session, customer: Customer, data: CustomerInput) -> None:
    for name in SCALAR_FIELDS:
        setattr(customer, name, getattr(data, name))
    customer.phones = [CustomerPhone(number=n, position=i) for i, n in enumerate(data.phones)]
    customer.emails = [CustomerEmail(address=a, position=i) for i, a in enumerate(data.emails)]
    customer.tags = _tags(session, data.tags)
    if data.photo is not None:
        customer.photo = data.photo or None
    _set_custom(session, customer, data.custom)
    customer.search_text = _search_text(customer)


def _validated(db: Database, data: CustomerInput) -> CustomerInput:
    from solocrm import settings

    clean, errors = check(data, settings.get(db, "phone_region"))
    if errors:
        raise errors[0]
    return clean


def create(db: Database, data: CustomerInput) -> tuple[int, Changes]:
    clean = _validated(db, data)
    with db.session() as session:
        customer = Customer(name=clean.name)
        session.add(customer)
        _apply(session, customer, clean)
        session.flush()
        session.add(CustomerChange(customer_id=customer.id, field="created", new_value=customer.name))
        return customer.id, Changes(customer_ids=frozenset({customer.id}), customers=True)


def _get(session: Session, customer_id: int) -> Customer:
    customer = session.get(
        Customer,
        customer_id,
        options=[
            selectinload(Customer.phones),
            selectinload(Customer.emails),
            selectinload(Customer.tags),
            selectinload(Customer.custom_values).selectinload(CustomFieldValue.field),
        ],
    )
    if customer is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
    return customer


def update_customer(db: Database, customer_id: int, data: CustomerInput) -> Changes:
    clean = _validated(db, data)
    with db.session() as session:
        customer = _get(session, customer_id)
        before = _snapshot_fields(customer)
        _apply(session, customer, clean)
        session.flush()
        after = _snapshot_fields(customer)
        for key in sorted(before.keys() | after.keys()):
            if before.get(key) != after.get(key):
                session.add(CustomerChange(customer_id=customer_id, field=key,
                                           old_value=before.get(key), new_value=after.get(key)))
        return Changes(customer_ids=frozenset({customer_id}), customers=True)


def load_input(db: Database, customer_id: int) -> CustomerInput:
    """The stored customer as the dialog shows it (phones in national format)."""
    with db.session() as session:
        c = _get(session, customer_id)
        data = CustomerInput(**{name: getattr(c, name) for name in SCALAR_FIELDS})
        data.phones = [contact_values.display_phone(p.number) for p in c.phones]
        data.emails = [e.address for e in c.emails]
        data.tags = [t.name for t in c.tags]
        data.custom = {v.field.name: v.value for v in c.custom_values}
        data.photo = c.photo
        return data


def photo(db: Database, customer_id: int) -> bytes | None:
    """Loaded apart from the rest because photos are large and most customers have none."""
    with db.session() as session:
        return session.scalar(select(Customer.photo).where(Customer.id == customer_id))


def set_archived(db: Database, customer_id: int, archived: bool) -> Changes:
    with db.session() as session:
        customer = _get(session, customer_id)
        if customer.archived != archived:
            session.add(CustomerChange(customer_id=customer_id, field="archived",
                                       old_value=_as_text(customer.archived), new_value=_as_text(archived)))
            customer.archived = archived
    return Changes(customer_ids=frozenset({customer_id}), customers=True)


@dataclass(frozen=True)
class DeletedCustomer:
    """Everything a delete removed, row by row, so undo puts back exactly that."""

    customer_id: int
    name: str
    rows: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]  # (table name, rows) in insert order
    referred: tuple[int, ...]  # customers whose referred_by pointed here


def _dependent_tables() -> list[Table]:
    tables = []
    for table in Base.metadata.sorted_tables:
        if table.name == "customer":
            continue
        if any(fk.column.table.name == "customer" for fk in table.foreign_keys):
            tables.append(table)
    return tables


def delete_customer(db: Database, customer_id: int) -> tuple[DeletedCustomer, Changes]:
    customer_table = Customer.__table__
    with db.session() as session:
        conn = session.connection()
        own = conn.execute(select(customer_table).where(customer_table.c.id == customer_id)).mappings().first()
        if own is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
        rows: list[tuple[str, tuple[dict[str, Any], ...]]] = [("customer", (dict(own),))]
        for table in _dependent_tables():
            column = table.c.get("customer_id")
            if column is None:
                continue
            found = conn.execute(select(table).where(column == customer_id)).mappings().all()
            if found:
                rows.append((table.name, tuple(dict(r) for r in found)))
        referred = tuple(session.scalars(select(Customer.id).where(Customer.referred_by_id == customer_id)))
        session.execute(delete(Customer).where(Customer.id == customer_id))
        snapshot = DeletedCustomer(customer_id, own["name"], tuple(rows), referred)
    return snapshot, Changes(customer_ids=frozenset({customer_id}), customers=True, orders=True,
                             interactions=True, surveys=True, tasks=True)


def restore_deleted(db: Database, snapshot: DeletedCustomer) -> Changes:
    tables = Base.metadata.tables
    with db.session() as session:
        conn = session.connection()
        for name, rows in snapshot.rows:
            conn.execute(insert(tables[name]), list(rows))
        if snapshot.referred:
            session.execute(update(Customer).where(Customer.id.in_(snapshot.referred))
                            .values(referred_by_id=snapshot.customer_id))
    return Changes(customer_ids=frozenset({snapshot.customer_id}), customers=True, orders=True,
                   interactions=True, surveys=True, tasks=True)


def tag_names(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(Tag.name).order_by(Tag.name)))


def cities(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(
            select(Customer.city).where(Customer.city.is_not(None)).group_by(Customer.city)
            .order_by(func.count().desc())
        ))


def custom_field_names(db: Database) -> list[str]:
    with db.session() as session:
        return list(session.scalars(select(CustomField.name).order_by(CustomField.position)))


def find_by_name(db: Database, text: str, limit: int = 20) -> list[tuple[int, str]]:
    """Candidates for pickers such as "referred by"."""
    with db.session() as session:
        stmt = search.customer_ids_statement(search.CustomerQuery(text=text)).limit(limit)
        ids = list(session.scalars(stmt))
        names = dict(session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all())
        return [(i, names[i]) for i in ids]
