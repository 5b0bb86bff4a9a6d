"""What can be exported: all customers, all orders, or exactly the rows a customer list shows.

Timestamps are stored in UTC and exported in local time, as the app shows
them; amounts are in major units (128.50), typed as numbers in .xlsx.
Headers and coded values (gender, consent, stage, order status) are written
in the reader's language when the caller passes its ``Words`` (the GUI does;
the CLI writes English headers and the stored codes), and the importer reads
either back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import func, select

from solocrm.db.database import Database
from solocrm.db.models import (
    CustomField,
    Customer,
    CustomerEmail,
    CustomerPhone,
    CustomerRef,
    Order,
)
from solocrm.exporting.writers import ExportError, Progress, write_table, write_vcards
from solocrm.importing.customer_import import shown_phone
from solocrm.services import customer_rows
from solocrm.services.search import CustomerQuery
from solocrm.translatable import QT_TRANSLATE_NOOP

KINDS = ("customers", "orders")
PAGE = 2000
CUSTOMER_HEADERS = (
    QT_TRANSLATE_NOOP("exports", "Customer ID"), QT_TRANSLATE_NOOP("exports", "Name"),
    QT_TRANSLATE_NOOP("exports", "Company"), QT_TRANSLATE_NOOP("exports", "Job title"),
    QT_TRANSLATE_NOOP("exports", "Phones"), QT_TRANSLATE_NOOP("exports", "Emails"),
    QT_TRANSLATE_NOOP("exports", "WeChat ID"), QT_TRANSLATE_NOOP("exports", "Address"),
    QT_TRANSLATE_NOOP("exports", "Province / region"), QT_TRANSLATE_NOOP("exports", "City"),
    QT_TRANSLATE_NOOP("exports", "Industry"), QT_TRANSLATE_NOOP("exports", "Gender"),
    QT_TRANSLATE_NOOP("exports", "Birthday"), QT_TRANSLATE_NOOP("exports", "Source channel"),
    QT_TRANSLATE_NOOP("exports", "Campaign"), QT_TRANSLATE_NOOP("exports", "Tags"),
    QT_TRANSLATE_NOOP("exports", "Marketing consent"), QT_TRANSLATE_NOOP("exports", "Stage"),
    QT_TRANSLATE_NOOP("exports", "Orders"), QT_TRANSLATE_NOOP("exports", "Total spent"),
    QT_TRANSLATE_NOOP("exports", "First order"), QT_TRANSLATE_NOOP("exports", "Last order"),
    QT_TRANSLATE_NOOP("exports", "Notes"), QT_TRANSLATE_NOOP("exports", "Added"),
    QT_TRANSLATE_NOOP("exports", "Preferred hours"), QT_TRANSLATE_NOOP("exports", "Personal details"),
)
ORDER_HEADERS = (
    QT_TRANSLATE_NOOP("exports", "Order number"), QT_TRANSLATE_NOOP("exports", "Customer ID"),
    QT_TRANSLATE_NOOP("exports", "Customer name"), QT_TRANSLATE_NOOP("exports", "Customer phone"),
    QT_TRANSLATE_NOOP("exports", "Customer email"), QT_TRANSLATE_NOOP("exports", "Order date"),
    QT_TRANSLATE_NOOP("exports", "Amount"), QT_TRANSLATE_NOOP("exports", "Currency"),
    QT_TRANSLATE_NOOP("exports", "Product"), QT_TRANSLATE_NOOP("exports", "Quantity"),
    QT_TRANSLATE_NOOP("exports", "Channel"), QT_TRANSLATE_NOOP("exports", "Status"),
)


def _same(text: str) -> str:
    return text


def _stored(_field: str, code: str) -> str:
    return code


@dataclass(frozen=True)
class Words:
    """How an export names its columns and its coded values: ``header("Customer ID")``, ``value("gender", "female")``.

    The defaults write the English headers and the codes as stored.
    """

    header: Callable[[str], str] = _same
    value: Callable[[str, str], str] = _stored

# Columns of the customer list (ui.customer_list.COLUMNS keys) and how each is exported.
LIST_VALUES: dict[str, Callable[[customer_rows.CustomerRow], object]] = {
    "name": lambda r: r.name,
    "company": lambda r: r.company,
    "phone": lambda r: r.phone,
    "city": lambda r: r.city,
    "tags": lambda r: r.tags,
    "stage": lambda r: r.stage,
    "orders": lambda r: r.order_count,
    "spent": lambda r: major(r.total_spent_minor),
    "last_order": lambda r: local(r.last_order_at),
    "created": lambda r: local(r.created_at),
}


def major(minor: int) -> Decimal:
    """Yuan with fen as an exact decimal: written as 128.5 in a cell, never 128.49999."""
    return Decimal(minor).scaleb(-2)


@lru_cache(maxsize=65536)
def local(value: datetime | None) -> datetime | None:
    """A stored UTC time as the app shows it (a batch's rows share their times: each is converted once)."""
    if value is None:
        return None
    return value + _local_offset(value.replace(minute=value.minute - value.minute % 15, second=0, microsecond=0))


@lru_cache(maxsize=65536)
def _local_offset(quarter: datetime) -> timedelta:
    """Local time minus UTC during one UTC quarter hour (offsets change on those): asked once per quarter."""
    return quarter.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None) - quarter


def _pages(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), PAGE):
        yield ids[start:start + PAGE]


class CustomerRecord(NamedTuple):
    """A customer's columns as the export writes them: dates typed, times local."""

    id: int
    name: str
    company: str | None
    title: str | None
    wechat_id: str | None
    address: str | None
    region: str | None
    city: str | None
    industry: str | None
    gender: str | None
    birthday: date | None
    source_channel: str | None
    source_campaign: str | None
    consent_marketing: bool
    stage: str
    order_count: int
    total_spent_minor: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    notes: str | None
    created_at: datetime | None
    preferred_hours: str | None
    personal_details: str | None
    photo: bytes | None


def _stored_time(text: str | None) -> datetime | None:
    return None if text is None else local(datetime.fromisoformat(text))


_CHILDREN = {
    "phones": "SELECT customer_id, number FROM customer_phone WHERE customer_id IN ({ids}) ORDER BY position, id",
    "emails": "SELECT customer_id, address FROM customer_email WHERE customer_id IN ({ids}) ORDER BY position, id",
    "tags": "SELECT ct.customer_id, t.name FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
            "WHERE ct.customer_id IN ({ids}) ORDER BY t.name",
    "refs": "SELECT customer_id, ref FROM customer_ref WHERE customer_id IN ({ids}) ORDER BY id",
    "custom": "SELECT v.customer_id, f.name || char(31) || v.value FROM custom_field_value v "
              "JOIN custom_field f ON f.id = v.field_id WHERE v.customer_id IN ({ids})",
}


def _customer_records(db: Database, ids: Sequence[int], photos: bool = False
                      ) -> Iterator[tuple[CustomerRecord, dict[str, list]]]:
    """Each customer with its phones, emails, tags, IDs and custom values, a page at a time, in ``ids`` order.

    Read with plain SQL on the session's connection: building ORM rows cost
    more than writing the spreadsheet.
    """
    columns = ", ".join(CustomerRecord._fields[:-1]) + (", photo" if photos else ", NULL")
    for page in _pages(ids):
        marks = ", ".join("?" * len(page))
        with db.session() as session:
            conn = session.connection().connection.driver_connection
            stored = conn.execute(f"SELECT {columns} FROM customer WHERE id IN ({marks})", page).fetchall()
            extra: dict[str, dict[int, list]] = {}
            for key, sql in _CHILDREN.items():
                grouped: dict[int, list] = {}
                for owner, value in conn.execute(sql.format(ids=marks), page):
                    grouped.setdefault(owner, []).append(value)
                extra[key] = grouped
        by_id = {}
        for row in stored:
            birthday, first, last, created = row[10], row[17], row[18], row[20]
            by_id[row[0]] = CustomerRecord(
                *row[:10], None if birthday is None else date.fromisoformat(birthday), *row[11:13], bool(row[13]),
                *row[14:17], _stored_time(first), _stored_time(last), row[19], _stored_time(created), *row[21:])
        none: list = []
        for cid in page:
            if cid in by_id:
                yield by_id[cid], {k: v.get(cid, none) for k, v in extra.items()}


def _all_customer_ids(db: Database) -> list[int]:
    return customer_rows.find_ids(db, CustomerQuery(include_archived=True, sort="created_at"))


def export_customers(db: Database, path: Path | str, fmt: str, query: CustomerQuery | None = None,
                     progress: Progress | None = None, words: Words = Words()) -> int:
    """Every customer (or those ``query`` finds), every field; vCard for phones and mail apps."""
    ids = customer_rows.find_ids(db, query) if query is not None else _all_customer_ids(db)
    if fmt == "vcf":
        return write_vcards(Path(path), (_contact(c, extra) for c, extra in _customer_records(db, ids, photos=True)),
                            len(ids), progress)
    with db.session() as session:
        custom_names = list(session.scalars(select(CustomField.name).order_by(CustomField.position, CustomField.id)))

    def rows() -> Iterator[list[object]]:
        for c, extra in _customer_records(db, ids):
            custom = dict(v.split("\x1f", 1) for v in extra["custom"])
            yield [", ".join(extra["refs"]), c.name, c.company, c.title,
                   ", ".join([shown_phone(p) for p in extra["phones"]]), ", ".join(extra["emails"]),
                   c.wechat_id, c.address, c.region, c.city, c.industry,
                   c.gender and words.value("gender", c.gender), c.birthday, c.source_channel,
                   c.source_campaign, ", ".join(extra["tags"]),
                   words.value("consent_marketing", "yes" if c.consent_marketing else "no"),
                   words.value("stage", c.stage), c.order_count,
                   major(c.total_spent_minor), c.first_order_at, c.last_order_at, c.notes, c.created_at,
                   c.preferred_hours, c.personal_details, *(custom.get(n) for n in custom_names)]

    return write_table(Path(path), fmt, [*map(words.header, CUSTOMER_HEADERS), *custom_names], rows(), len(ids),
                       progress, "Customers")


def _contact(c: CustomerRecord, extra: dict[str, list]) -> dict[str, object]:
    return {"name": c.name, "phones": extra["phones"], "emails": extra["emails"], "company": c.company,
            "title": c.title, "address": c.address, "city": c.city, "region": c.region, "birthday": c.birthday,
            "notes": c.notes, "tags": extra["tags"], "photo": c.photo}


def export_orders(db: Database, path: Path | str, fmt: str, progress: Progress | None = None,
                  words: Words = Words()) -> int:
    """All orders, oldest first, with the customer's name, phone and ID so they import back to the same people."""
    if fmt == "vcf":
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Orders cannot be exported as vCard; choose csv or xlsx."))
    with db.session() as session:
        total = session.scalar(select(func.count()).select_from(Order)) or 0
        names = dict(session.execute(select(Customer.id, Customer.name)).all())
        phones = dict(session.execute(select(CustomerPhone.customer_id, CustomerPhone.number)
                                      .where(CustomerPhone.position == 0)).all())
        emails = dict(session.execute(select(CustomerEmail.customer_id, CustomerEmail.address)
                                      .where(CustomerEmail.position == 0)).all())
        refs = dict(session.execute(select(CustomerRef.customer_id, CustomerRef.ref)
                                    .order_by(CustomerRef.id.desc())).all())

    def rows() -> Iterator[list[object]]:
        last = 0
        while True:
            with db.session() as session:
                page = session.execute(
                    select(Order.id, Order.order_no, Order.customer_id, Order.ordered_at, Order.amount_minor,
                           Order.currency, Order.product, Order.quantity, Order.channel, Order.status)
                    .where(Order.id > last).order_by(Order.id).limit(PAGE)).all()
            if not page:
                return
            for oid, order_no, cid, at, amount, currency, product, quantity, channel, status in page:
                phone = phones.get(cid)
                yield [order_no, refs.get(cid), names.get(cid), shown_phone(phone) if phone else None,
                       emails.get(cid), local(at), major(amount), currency, product, quantity, channel,
                       words.value("status", status)]
            last = page[-1][0]

    return write_table(Path(path), fmt, [*map(words.header, ORDER_HEADERS)], rows(), total, progress, "Orders")


def export_rows(db: Database, query: CustomerQuery, columns: Sequence[tuple[str, str]], path: Path | str,
                format: str, progress: Progress | None = None,  # noqa: A002 - the name the list's caller uses
                words: Words = Words()) -> int:
    """Exactly what a customer list shows: its rows in its order, its visible ``columns`` as (key, header)."""
    if format == "vcf":
        return export_customers(db, path, "vcf", query, progress)
    unknown = [key for key, _h in columns if key not in LIST_VALUES]
    if unknown:
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Unknown list column(s): {columns}."), columns=", ".join(unknown))
    ids = customer_rows.find_ids(db, query)

    def rows() -> Iterator[list[object]]:
        for page in _pages(ids):
            for row in customer_rows.fetch(db, page):
                out = []
                for key, _header in columns:
                    value = LIST_VALUES[key](row)
                    if key == "stage":
                        value = words.value("stage", str(value))
                    out.append(value)
                yield out

    return write_table(Path(path), format, [h for _k, h in columns], rows(), len(ids), progress, "Customers")
