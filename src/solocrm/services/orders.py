"""Orders (订单): record, correct, delete and undo a customer's purchases.

Every write refreshes the customer's cached figures and lifecycle stage in the
same unit of work, so a list sorted by spend or filtered by stage never shows a
customer as they were before the order.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import Customer, Order, SurveyResponse, max_length, utcnow
from solocrm.errors import NotFound, ValidationError
from solocrm.services import lifecycle
from solocrm.services.changes import Changes
from solocrm.services.limits import length_errors
from solocrm.services.money import MAX_MINOR
from solocrm.translatable import QT_TRANSLATE_NOOP

STATUSES = ("paid", "refunded")
MAX_QUANTITY = 1_000_000
# Lets "now" in a dialog opened a moment ago pass, while a date typed a day ahead is caught.
FUTURE_GRACE = timedelta(minutes=5)
# Pickers suggest what was sold lately; scanning only recent orders keeps that instant on big files.
_RECENT_ORDERS = 2000
_SUGGESTIONS = 50
# The free-text fields and the most characters each holds, for the dialog, this check and the import.
TEXT_LIMITS: dict[str, int | None] = {name: max_length(Order, name) for name in ("product", "channel", "order_no")}


@dataclass
class OrderInput:
    """What the order dialog edits."""

    ordered_at: datetime  # naive UTC
    amount_minor: int
    currency: str = "CNY"
    product: str | None = None
    quantity: int = 1
    channel: str | None = None
    status: str = "paid"
    order_no: str | None = None


def check(data: OrderInput, now: datetime | None = None) -> tuple[OrderInput, list[ValidationError]]:
    """Tidy ``data`` and list every problem, so the dialog can mark all fields at once."""
    now = now or utcnow()
    clean = replace(data, **{
        f.name: (getattr(data, f.name).strip() or None)
        for f in fields(OrderInput) if isinstance(getattr(data, f.name), str)
    })
    clean.currency = (clean.currency or "").upper()
    errors: list[ValidationError] = []
    if clean.ordered_at > now + FUTURE_GRACE:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The order date is in the future."),
                                      field="ordered_at"))
    if clean.amount_minor < 0:  # 0 is a free sample, a gift or a replacement: a purchase that adds no spend
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "An amount cannot be negative."), field="amount"))
    elif clean.amount_minor > MAX_MINOR:
        errors.append(ValidationError(QT_TRANSLATE_NOOP(
            "errors", "That amount is too large. Check the number of digits."), field="amount"))
    if not (len(clean.currency) == 3 and clean.currency.isascii() and clean.currency.isalpha()):
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a currency."), field="currency"))
    errors.extend(length_errors(clean, TEXT_LIMITS))
    if not 1 <= clean.quantity <= MAX_QUANTITY:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The quantity must be between 1 and {most:,}."),
                                      field="quantity", most=MAX_QUANTITY))
    if clean.status not in STATUSES:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown order status {status!r}."), field="status",
                                      status=clean.status))
    return clean, errors


def _validated(data: OrderInput, now: datetime | None) -> OrderInput:
    clean, errors = check(data, now)
    if errors:
        raise errors[0]
    return clean


def _require_customer(session: Session, customer_id: int) -> None:
    if session.get(Customer, customer_id) is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))


def _check_order_no_free(session: Session, order_no: str | None, own_id: int | None) -> None:
    """A repeated order number is almost always the same sale entered twice."""
    if order_no is None:
        return
    stmt = select(Order.id).where(Order.order_no == order_no)
    if own_id is not None:
        stmt = stmt.where(Order.id != own_id)
    if session.scalars(stmt.limit(1)).first() is not None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Order number {number} is already recorded."),
                              field="order_no", number=order_no)


def _get(session: Session, order_id: int) -> Order:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This order no longer exists (it may have been deleted)."))
    return order


def _as_input(order: Order) -> OrderInput:
    return OrderInput(**{f.name: getattr(order, f.name) for f in fields(OrderInput)})


def _changes(customer_id: int) -> Changes:
    # Spend and stage are list columns and filters, so the customer set may change too.
    return Changes(customer_ids=frozenset({customer_id}), customers=True, orders=True)


def add_order(db: Database, customer_id: int, data: OrderInput,
              now: datetime | None = None) -> tuple[int, Changes]:
    clean = _validated(data, now)
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        _require_customer(session, customer_id)
        _check_order_no_free(session, clean.order_no, None)
        order = Order(customer_id=customer_id, **{f.name: getattr(clean, f.name) for f in fields(OrderInput)})
        session.add(order)
        session.flush()
        lifecycle.refresh(session, churn_days, [customer_id], as_of=now)
        return order.id, _changes(customer_id)


def update_order(db: Database, order_id: int, data: OrderInput, now: datetime | None = None) -> Changes:
    clean = _validated(data, now)
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        order = _get(session, order_id)
        _check_order_no_free(session, clean.order_no, order_id)
        for f in fields(OrderInput):
            setattr(order, f.name, getattr(clean, f.name))
        session.flush()
        lifecycle.refresh(session, churn_days, [order.customer_id], as_of=now)
        return _changes(order.customer_id)


def load_order(db: Database, order_id: int) -> OrderInput:
    with db.session() as session:
        return _as_input(_get(session, order_id))


@dataclass(frozen=True)
class DeletedOrder:
    """What undo needs: the row as stored and the survey answers that were linked to it."""

    row: dict[str, Any]
    survey_ids: tuple[int, ...]


def delete_order(db: Database, order_id: int, now: datetime | None = None) -> tuple[DeletedOrder, Changes]:
    table = Order.__table__
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        row = session.execute(select(table).where(table.c.id == order_id)).mappings().first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This order no longer exists (it may have been deleted)."))
        survey_ids = tuple(session.scalars(select(SurveyResponse.id).where(SurveyResponse.order_id == order_id)))
        session.execute(delete(Order).where(Order.id == order_id))
        lifecycle.refresh(session, churn_days, [row["customer_id"]], as_of=now)
        return DeletedOrder(dict(row), survey_ids), _changes(row["customer_id"])


def restore_order(db: Database, deleted: DeletedOrder, now: datetime | None = None) -> Changes:
    customer_id = deleted.row["customer_id"]
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        _require_customer(session, customer_id)
        row = dict(deleted.row)
        if session.get(Order, row["id"]) is not None:
            del row["id"]  # SQLite reuses the highest id, so a newer order may hold it now
        order_id = session.execute(insert(Order.__table__).values(row)).inserted_primary_key[0]
        if deleted.survey_ids:
            # Only answers still unlinked: one the user re-linked meanwhile keeps its new order.
            session.execute(update(SurveyResponse)
                            .where(SurveyResponse.id.in_(deleted.survey_ids), SurveyResponse.order_id.is_(None))
                            .values(order_id=order_id))
        lifecycle.refresh(session, churn_days, [customer_id], as_of=now)
    return _changes(customer_id)


@dataclass(frozen=True)
class OrderForm:
    """Everything the order dialog shows when it opens."""

    customer_name: str
    data: OrderInput  # the stored order, or defaults for a new one (amount 0 = not entered yet)
    products: tuple[str, ...]  # recently sold, newest first
    channels: tuple[str, ...]  # this customer's last channel first, then recently used ones


def _recent_values(session: Session, column: Any) -> list[str]:
    recent = select(column.label("value"), Order.id).order_by(Order.id.desc()).limit(_RECENT_ORDERS).subquery()
    stmt = (select(recent.c.value).where(recent.c.value.is_not(None)).group_by(recent.c.value)
            .order_by(func.max(recent.c.id).desc()).limit(_SUGGESTIONS))
    return list(session.scalars(stmt))


def order_form(db: Database, customer_id: int, order_id: int | None = None,
               now: datetime | None = None) -> OrderForm:
    """The dialog's starting point: for a new order, now, paid, the usual currency and channel."""
    currency = settings.get(db, "currency")
    with db.session() as session:
        name = session.scalar(select(Customer.name).where(Customer.id == customer_id))
        if name is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
        last_channel = session.scalar(
            select(Order.channel).where(Order.customer_id == customer_id, Order.channel.is_not(None))
            .order_by(Order.ordered_at.desc()).limit(1))
        channels = _recent_values(session, Order.channel)
        if last_channel is not None:
            channels = [last_channel] + [c for c in channels if c != last_channel]
        if order_id is None:
            at = (now or utcnow()).replace(second=0, microsecond=0)
            data = OrderInput(ordered_at=at, amount_minor=0, currency=currency,
                              channel=channels[0] if channels else None)
        else:
            data = _as_input(_get(session, order_id))
        return OrderForm(name, data, tuple(_recent_values(session, Order.product)), tuple(channels))
