"""A customer's page: who they are, what they are worth, and everything that happened.

``load`` answers with a fixed handful of plain SELECTs whatever the history's
length, so opening a long-standing customer is as quick as a new one.

Items carry data, not sentences: ``title`` and ``detail`` hold only what the
user typed (a product, a summary, a comment); everything the app words itself
(kinds, channels, scores, field names, stages) is in ``fields`` as stored keys,
so the UI can translate and format them.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from solocrm import settings
from solocrm.analytics import rfm
from solocrm.db.database import Database
from solocrm.db.models import (
    CustomField,
    CustomFieldValue,
    Customer,
    CustomerChange,
    CustomerEmail,
    CustomerPhone,
    Interaction,
    Order,
    SurveyResponse,
    Tag,
    Task,
    customer_tag,
    utcnow,
)
from solocrm.errors import NotFound
from solocrm.services import contact_values, lifecycle
from solocrm.translatable import QT_TRANSLATE_NOOP

KINDS = ("order", "refund", "interaction", "survey", "task", "change", "stage")
# At the same moment, show a consequence (a stage change) above what caused it (an order).
_TIE_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class TimelineItem:
    """One event on the timeline; ``record_id`` is the row to edit or delete.

    ``fields`` by kind:
      order/refund: quantity, currency, channel, status, order_no  (title = product)
      interaction:  channel, direction                             (title = summary, detail = outcome)
      survey:       kind ('csat'|'nps'), score, order_id           (detail = comment)
      task:         due_at, done_at, recurrence                    (title, detail = notes)
      change:       field, old, new ('created' has new = the name)
      stage:        old, new (lifecycle.STAGES keys); on turning churned, days_without_order
                    (whole days from the last paid order to the change: time moved them, not an order)
    """

    at: datetime  # naive UTC; a task sits at its done time, else its due time
    kind: str
    record_id: int
    title: str = ""
    detail: str = ""
    amount_minor: int | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CustomerHeader:
    id: int
    name: str
    company: str | None
    kind: str
    title: str | None
    phones: tuple[str, ...]  # display format
    emails: tuple[str, ...]
    wechat_id: str | None
    address: str | None
    city: str | None
    region: str | None
    industry: str | None
    gender: str | None
    tags: tuple[str, ...]
    archived: bool
    notes: str | None
    personal_details: str | None
    preferred_channel: str | None
    preferred_hours: str | None
    consent_marketing: bool
    birthday: date | None
    referred_by_id: int | None
    referred_by_name: str | None
    source_channel: str | None
    source_campaign: str | None
    custom: Mapping[str, str]  # field name -> value, in the user's field order
    created_at: datetime
    last_contact_at: datetime | None


@dataclass(frozen=True)
class KeyFigures:
    """Computed from orders as of ``as_of``, so they never lag behind the cached columns."""

    as_of: datetime
    currency: str  # the business's currency from Settings, for formatting the sums
    total_spent_minor: int
    paid_order_count: int
    first_order_at: datetime | None
    last_order_at: datetime | None
    average_order_minor: int | None  # None before the first order
    membership_tier: str  # lifecycle.MEMBERSHIP_TIERS key, or "regular"
    stage: str  # lifecycle.STAGES key
    rfm_r: int
    rfm_f: int
    rfm_m: int
    rfm_tier: rfm.Tier


@dataclass(frozen=True)
class CustomerPage:
    header: CustomerHeader
    figures: KeyFigures
    items: tuple[TimelineItem, ...]  # newest first


_HEADER_COLUMNS = (
    "id", "name", "company", "kind", "title", "wechat_id", "address", "city", "region", "industry",
    "gender", "archived", "notes", "personal_details", "preferred_channel", "preferred_hours",
    "consent_marketing", "birthday", "referred_by_id", "source_channel", "source_campaign",
    "created_at", "last_contact_at",
)


def _header(session: Session, customer_id: int) -> CustomerHeader:
    referrer = aliased(Customer)
    row = session.execute(
        select(*(getattr(Customer, c) for c in _HEADER_COLUMNS), referrer.name)
        .outerjoin(referrer, referrer.id == Customer.referred_by_id)
        .where(Customer.id == customer_id)
    ).one_or_none()
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
    values = dict(zip(_HEADER_COLUMNS, row))
    phones = session.scalars(select(CustomerPhone.number).where(CustomerPhone.customer_id == customer_id)
                             .order_by(CustomerPhone.position))
    emails = session.scalars(select(CustomerEmail.address).where(CustomerEmail.customer_id == customer_id)
                             .order_by(CustomerEmail.position))
    tags = session.scalars(select(Tag.name).join(customer_tag, customer_tag.c.tag_id == Tag.id)
                           .where(customer_tag.c.customer_id == customer_id).order_by(Tag.name))
    custom = session.execute(
        select(CustomField.name, CustomFieldValue.value)
        .join(CustomFieldValue, CustomFieldValue.field_id == CustomField.id)
        .where(CustomFieldValue.customer_id == customer_id).order_by(CustomField.position))
    return CustomerHeader(
        **values,
        phones=tuple(contact_values.display_phone(p) for p in phones),
        emails=tuple(emails),
        tags=tuple(tags),
        custom=dict(custom.all()),
        referred_by_name=row[-1],
    )


def _figures(session: Session, customer_id: int, as_of: datetime, prefs: Mapping[str, Any]) -> KeyFigures:
    # The same statement and promoter rule lifecycle.refresh uses, so page and stage agree.
    row = session.execute(lifecycle.stats_statement(as_of, [customer_id], prefs["currency"])).first()
    stats = (lifecycle.OrderStats(row[1], row[2] or 0, row[3], row[4], row[5] or 0, row[6] or 0) if row
             else lifecycle.OrderStats(0, 0, None, None, 0, 0))
    promoter = customer_id in lifecycle.promoters(session, [customer_id])
    r, f, m = lifecycle.rfm_of(stats, as_of)
    average = None
    if stats.order_count:
        average = (2 * stats.total_spent_minor + stats.order_count) // (2 * stats.order_count)  # half up
    return KeyFigures(
        as_of=as_of,
        currency=prefs["currency"],
        total_spent_minor=stats.total_spent_minor,
        paid_order_count=stats.order_count,
        first_order_at=stats.first_order_at,
        last_order_at=stats.last_order_at,
        average_order_minor=average,
        membership_tier=lifecycle.membership_tier(stats.total_spent_minor, prefs),
        stage=lifecycle.stage_of(stats, as_of, prefs["churn_days"], promoter),
        rfm_r=r, rfm_f=f, rfm_m=m,
        rfm_tier=rfm.tier(r, f, m),
    )


def _newest(stmt: Any, at: Any, limit: int | None) -> Any:
    stmt = stmt.order_by(at.desc())
    return stmt if limit is None else stmt.limit(limit)


def _order_items(session: Session, customer_id: int, limit: int | None) -> list[TimelineItem]:
    stmt = select(Order.id, Order.ordered_at, Order.amount_minor, Order.currency, Order.product,
                  Order.quantity, Order.channel, Order.status, Order.order_no
                  ).where(Order.customer_id == customer_id)
    return [
        TimelineItem(at, "refund" if status == "refunded" else "order", oid, product or "", "", amount,
                     {"quantity": quantity, "currency": currency, "channel": channel, "status": status,
                      "order_no": order_no})
        for oid, at, amount, currency, product, quantity, channel, status, order_no
        in session.execute(_newest(stmt, Order.ordered_at, limit))
    ]


def _interaction_items(session: Session, customer_id: int, limit: int | None) -> list[TimelineItem]:
    stmt = select(Interaction.id, Interaction.occurred_at, Interaction.channel, Interaction.direction,
                  Interaction.summary, Interaction.outcome).where(Interaction.customer_id == customer_id)
    return [
        TimelineItem(at, "interaction", iid, summary or "", outcome or "", None,
                     {"channel": channel, "direction": direction})
        for iid, at, channel, direction, summary, outcome
        in session.execute(_newest(stmt, Interaction.occurred_at, limit))
    ]


def _survey_items(session: Session, customer_id: int, limit: int | None) -> list[TimelineItem]:
    stmt = select(SurveyResponse.id, SurveyResponse.responded_at, SurveyResponse.kind, SurveyResponse.score,
                  SurveyResponse.comment, SurveyResponse.order_id
                  ).where(SurveyResponse.customer_id == customer_id)
    return [
        TimelineItem(at, "survey", sid, "", comment or "", None,
                     {"kind": kind, "score": score, "order_id": order_id})
        for sid, at, kind, score, comment, order_id
        in session.execute(_newest(stmt, SurveyResponse.responded_at, limit))
    ]


def _task_items(session: Session, customer_id: int, limit: int | None) -> list[TimelineItem]:
    at = func.coalesce(Task.done_at, Task.due_at)
    stmt = select(Task.id, at, Task.title, Task.notes, Task.due_at, Task.done_at, Task.recurrence
                  ).where(Task.customer_id == customer_id)
    return [
        TimelineItem(when, "task", tid, title, notes or "", None,
                     {"due_at": due_at, "done_at": done_at, "recurrence": recurrence})
        for tid, when, title, notes, due_at, done_at, recurrence in session.execute(_newest(stmt, at, limit))
    ]


def _readable_change(field_name: str, value: str | None, names: Mapping[int, str]) -> str | None:
    """Values as the header shows them: phones in display format, referrers by name."""
    if value is None:
        return None
    if field_name == "phones":
        return ", ".join(contact_values.display_phone(p) for p in value.split(", "))
    if field_name == "referred_by_id":
        return names.get(int(value), f"#{value}")  # a referrer deleted since keeps its number
    return value


def _paid_order_times(session: Session, customer_id: int) -> list[datetime]:
    """When the customer's paid orders in the business's currency were placed, oldest first (what churn counts)."""
    return list(session.scalars(
        select(Order.ordered_at).where(Order.customer_id == customer_id, Order.status == "paid",
                                       Order.currency == settings.stored(session, "currency"))
        .order_by(Order.ordered_at)))


def _change_items(session: Session, customer_id: int, limit: int | None) -> list[TimelineItem]:
    stmt = select(CustomerChange.id, CustomerChange.changed_at, CustomerChange.field, CustomerChange.old_value,
                  CustomerChange.new_value).where(CustomerChange.customer_id == customer_id)
    rows = session.execute(_newest(stmt, CustomerChange.changed_at, limit)).all()
    referrer_ids = {int(v) for r in rows if r.field == "referred_by_id" for v in (r.old_value, r.new_value) if v}
    names = dict(session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(referrer_ids))).all()
                 ) if referrer_ids else {}
    churned_at = [r.changed_at for r in rows if r.field == "stage" and r.new_value == "churned"]
    paid = _paid_order_times(session, customer_id) if churned_at else []
    items = []
    for cid, at, name, old, new in rows:
        if name == "stage":
            fields: dict[str, Any] = {"old": old, "new": new}
            before = bisect.bisect_right(paid, at)
            if new == "churned" and before:
                fields["days_without_order"] = (at - paid[before - 1]).days
            items.append(TimelineItem(at, "stage", cid, fields=fields))
        else:
            items.append(TimelineItem(at, "change", cid, fields={
                "field": name, "old": _readable_change(name, old, names), "new": _readable_change(name, new, names),
            }))
    return items


def load(db: Database, customer_id: int, limit: int | None = None, now: datetime | None = None) -> CustomerPage:
    """The customer's page; ``limit`` keeps only the newest items, ``now`` is the as-of for figures."""
    as_of = now or utcnow()
    prefs = settings.load(db)
    with db.session() as session:
        header = _header(session, customer_id)
        figures = _figures(session, customer_id, as_of, prefs)
        items = [
            *_order_items(session, customer_id, limit),
            *_interaction_items(session, customer_id, limit),
            *_survey_items(session, customer_id, limit),
            *_task_items(session, customer_id, limit),
            *_change_items(session, customer_id, limit),
        ]
    items.sort(key=lambda i: (i.at, _TIE_RANK[i.kind], i.record_id), reverse=True)
    return CustomerPage(header, figures, tuple(items if limit is None else items[:limit]))
