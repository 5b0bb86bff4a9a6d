"""Rows of the customer list, fetched a page at a time so 100,000 customers scroll smoothly."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerPhone, Tag, customer_tag
from solocrm.services import search
from solocrm.services.contact_values import display_phone


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    company: str | None
    phone: str | None
    city: str | None
    tags: str
    stage: str
    order_count: int
    total_spent_minor: int
    last_order_at: datetime | None
    created_at: datetime
    archived: bool


def find_ids(db: Database, query: search.CustomerQuery) -> list[int]:
    with db.session() as session:
        return list(session.scalars(search.customer_ids_statement(query)))


def fetch(db: Database, ids: Sequence[int]) -> list[CustomerRow]:
    """Rows for ``ids``, in that order."""
    if not ids:
        return []
    with db.session() as session:
        base = session.execute(
            select(Customer.id, Customer.name, Customer.company, Customer.city, Customer.stage,
                   Customer.order_count, Customer.total_spent_minor, Customer.last_order_at,
                   Customer.created_at, Customer.archived).where(Customer.id.in_(ids))
        ).all()
        phones = dict(session.execute(
            select(CustomerPhone.customer_id, func.min(CustomerPhone.number))
            .where(CustomerPhone.customer_id.in_(ids), CustomerPhone.position == 0)
            .group_by(CustomerPhone.customer_id)
        ).all())
        tags = dict(session.execute(
            select(customer_tag.c.customer_id, func.group_concat(Tag.name, ", "))
            .join(Tag, Tag.id == customer_tag.c.tag_id)
            .where(customer_tag.c.customer_id.in_(ids))
            .group_by(customer_tag.c.customer_id)
        ).all())
    by_id = {
        r.id: CustomerRow(
            id=r.id, name=r.name, company=r.company,
            phone=display_phone(phones[r.id]) if r.id in phones else None,
            city=r.city, tags=tags.get(r.id, ""), stage=r.stage, order_count=r.order_count,
            total_spent_minor=r.total_spent_minor, last_order_at=r.last_order_at,
            created_at=r.created_at, archived=r.archived,
        )
        for r in base
    }
    return [by_id[i] for i in ids if i in by_id]


def count(db: Database, include_archived: bool = False) -> int:
    with db.session() as session:
        stmt = select(func.count()).select_from(Customer)
        if not include_archived:
            stmt = stmt.where(Customer.archived.is_(False))
        return session.scalar(stmt) or 0
