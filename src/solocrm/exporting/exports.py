"""What can be exported: all customers, all orders, or exactly the rows a customer list shows.

Timestamps are stored in UTC and exported in local time, as the app shows
them; amounts are in major units (128.50), typed as numbers in .xlsx.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import undefer

from solocrm.db.database import Database
from solocrm.db.models import (
    CustomField,
    CustomFieldValue,
    Customer,
    CustomerEmail,
    CustomerPhone,
    CustomerRef,
    Order,
    Tag,
    customer_tag,
)
from solocrm.exporting.writers import ExportError, Progress, write_table, write_vcards
from solocrm.services import contact_values, customer_rows
from solocrm.services.search import CustomerQuery

KINDS = ("customers", "orders")
PAGE = 2000
CUSTOMER_HEADERS = (
    "Customer ID", "Name", "Company", "Job title", "Phones", "Emails", "WeChat ID", "Address",
    "Province / region", "City", "Industry", "Gender", "Birthday", "Source channel", "Campaign", "Tags",
    "Marketing consent", "Stage", "Orders", "Total spent", "First order", "Last order", "Notes", "Added",
)
ORDER_HEADERS = ("Order number", "Customer ID", "Customer name", "Customer phone", "Customer email", "Order date",
                 "Amount", "Currency", "Product", "Quantity", "Channel", "Status")
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


def local(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _pages(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), PAGE):
        yield ids[start:start + PAGE]


def _grouped(session, stmt) -> dict[int, list]:  # noqa: ANN001
    out: dict[int, list] = {}
    for owner, value in session.execute(stmt):
        out.setdefault(owner, []).append(value)
    return out


def _customer_records(db: Database, ids: Sequence[int], photos: bool = False
                      ) -> Iterator[tuple[Customer, dict[str, list]]]:
    for page in _pages(ids):
        with db.session() as session:
            stmt = select(Customer).where(Customer.id.in_(page))
            if photos:
                stmt = stmt.options(undefer(Customer.photo))
            customers = {c.id: c for c in session.scalars(stmt)}
            extra = {
                "phones": _grouped(session, select(CustomerPhone.customer_id, CustomerPhone.number)
                                   .where(CustomerPhone.customer_id.in_(page)).order_by(CustomerPhone.position)),
                "emails": _grouped(session, select(CustomerEmail.customer_id, CustomerEmail.address)
                                   .where(CustomerEmail.customer_id.in_(page)).order_by(CustomerEmail.position)),
                "tags": _grouped(session, select(customer_tag.c.customer_id, Tag.name)
                                 .join(Tag, Tag.id == customer_tag.c.tag_id)
                                 .where(customer_tag.c.customer_id.in_(page)).order_by(Tag.name)),
                "refs": _grouped(session, select(CustomerRef.customer_id, CustomerRef.ref)
                                 .where(CustomerRef.customer_id.in_(page)).order_by(CustomerRef.id)),
                "custom": _grouped(session, select(CustomFieldValue.customer_id,
                                                   CustomField.name + "\x1f" + CustomFieldValue.value)
                                   .join(CustomField, CustomField.id == CustomFieldValue.field_id)
                                   .where(CustomFieldValue.customer_id.in_(page))),
            }
        for cid in page:
            if cid in customers:
                yield customers[cid], {k: v.get(cid, []) for k, v in extra.items()}


def _all_customer_ids(db: Database) -> list[int]:
    return customer_rows.find_ids(db, CustomerQuery(include_archived=True, sort="created_at"))


def export_customers(db: Database, path: Path | str, fmt: str, query: CustomerQuery | None = None,
                     progress: Progress | None = None) -> int:
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
                   ", ".join(contact_values.display_phone(p) for p in extra["phones"]), ", ".join(extra["emails"]),
                   c.wechat_id, c.address, c.region, c.city, c.industry, c.gender, c.birthday, c.source_channel,
                   c.source_campaign, ", ".join(extra["tags"]), c.consent_marketing, c.stage, c.order_count,
                   major(c.total_spent_minor), local(c.first_order_at), local(c.last_order_at), c.notes,
                   local(c.created_at), *(custom.get(n) for n in custom_names)]

    return write_table(Path(path), fmt, [*CUSTOMER_HEADERS, *custom_names], rows(), len(ids), progress, "Customers")


def _contact(c: Customer, extra: dict[str, list]) -> dict[str, object]:
    return {"name": c.name, "phones": extra["phones"], "emails": extra["emails"], "company": c.company,
            "title": c.title, "address": c.address, "city": c.city, "region": c.region, "birthday": c.birthday,
            "notes": c.notes, "tags": extra["tags"], "photo": c.photo}


def export_orders(db: Database, path: Path | str, fmt: str, progress: Progress | None = None) -> int:
    """All orders, oldest first, with the customer's name, phone and ID so they import back to the same people."""
    if fmt == "vcf":
        raise ExportError("Orders cannot be exported as vCard; choose csv or xlsx.")
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
                yield [order_no, refs.get(cid), names.get(cid), contact_values.display_phone(phone) if phone else None,
                       emails.get(cid), local(at), major(amount), currency, product, quantity, channel, status]
            last = page[-1][0]

    return write_table(Path(path), fmt, ORDER_HEADERS, rows(), total, progress, "Orders")


def export_rows(db: Database, query: CustomerQuery, columns: Sequence[tuple[str, str]], path: Path | str,
                format: str, progress: Progress | None = None,  # noqa: A002 - the name the list's caller uses
                stage_label: Callable[[str], str] | None = None) -> int:
    """Exactly what a customer list shows: its rows in its order, its visible ``columns`` as (key, header)."""
    if format == "vcf":
        return export_customers(db, path, "vcf", query, progress)
    unknown = [key for key, _h in columns if key not in LIST_VALUES]
    if unknown:
        raise ExportError(f"Unknown list column(s): {', '.join(unknown)}.")
    ids = customer_rows.find_ids(db, query)

    def rows() -> Iterator[list[object]]:
        for page in _pages(ids):
            for row in customer_rows.fetch(db, page):
                out = []
                for key, _header in columns:
                    value = LIST_VALUES[key](row)
                    if key == "stage" and stage_label is not None:
                        value = stage_label(str(value))
                    out.append(value)
                yield out

    return write_table(Path(path), format, [h for _k, h in columns], rows(), len(ids), progress, "Customers")
