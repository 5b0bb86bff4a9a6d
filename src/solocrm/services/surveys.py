"""Survey responses (满意度调查): a CSAT or NPS answer, optionally about one order.

An NPS answer can make a frequent buyer 'loyal' (domain.md 5), so every write
refreshes the customer's lifecycle stage in the same unit of work.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import Customer, Order, SurveyResponse, utcnow
from solocrm.errors import NotFound, ValidationError
from solocrm.services import lifecycle
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP

SCORE_RANGES: dict[str, tuple[int, int]] = {"csat": (1, 5), "nps": (0, 10)}
# Lets "now" in a dialog opened a moment ago pass, while a date typed a day ahead is caught.
FUTURE_GRACE = timedelta(minutes=5)
_ORDER_CHOICES = 50


@dataclass
class SurveyInput:
    """What the survey dialog edits; ``score`` None means not chosen yet."""

    responded_at: datetime  # naive UTC
    kind: str = "csat"
    score: int | None = None
    comment: str | None = None
    order_id: int | None = None


def check(data: SurveyInput, now: datetime | None = None) -> tuple[SurveyInput, list[ValidationError]]:
    """Tidy ``data`` and list every problem, so the dialog can mark all fields at once."""
    now = now or utcnow()
    clean = replace(data, comment=(data.comment or "").strip() or None)
    errors: list[ValidationError] = []
    if clean.responded_at > now + FUTURE_GRACE:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The answer date is in the future."),
                                      field="responded_at"))
    bounds = SCORE_RANGES.get(clean.kind)
    if bounds is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown survey kind {kind!r}."), field="kind",
                                      kind=clean.kind))
    elif clean.score is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a score."), field="score"))
    elif not bounds[0] <= clean.score <= bounds[1]:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "A {kind} score is from {low} to {high}."),
                                      field="score", kind=clean.kind.upper(), low=bounds[0], high=bounds[1]))
    return clean, errors


def _validated(data: SurveyInput, now: datetime | None) -> SurveyInput:
    clean, errors = check(data, now)
    if errors:
        raise errors[0]
    return clean


def _get(session: Session, survey_id: int) -> SurveyResponse:
    survey = session.get(SurveyResponse, survey_id)
    if survey is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This survey answer no longer exists (it may have been deleted)."))
    return survey


def _customer_name(session: Session, customer_id: int) -> str:
    name = session.scalar(select(Customer.name).where(Customer.id == customer_id))
    if name is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
    return name


def _check_order(session: Session, customer_id: int, order_id: int | None) -> None:
    if order_id is None:
        return
    owner = session.scalar(select(Order.customer_id).where(Order.id == order_id))
    if owner != customer_id:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "That order is not one of this customer's orders."), field="order_id")


def _as_input(survey: SurveyResponse) -> SurveyInput:
    return SurveyInput(survey.responded_at, survey.kind, survey.score, survey.comment, survey.order_id)


def _apply(survey: SurveyResponse, data: SurveyInput) -> None:
    survey.responded_at = data.responded_at
    survey.kind = data.kind
    survey.score = data.score
    survey.comment = data.comment
    survey.order_id = data.order_id


def _refreshed(session: Session, churn_days: int, customer_id: int, now: datetime | None) -> Changes:
    stage_changed = lifecycle.refresh(session, churn_days, [customer_id], as_of=now) > 0
    # A new stage can move the customer in or out of a stage-filtered list.
    return Changes(customer_ids=frozenset({customer_id}), surveys=True, customers=stage_changed)


def add_survey(db: Database, customer_id: int, data: SurveyInput,
               now: datetime | None = None) -> tuple[int, Changes]:
    clean = _validated(data, now)
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        _customer_name(session, customer_id)
        _check_order(session, customer_id, clean.order_id)
        survey = SurveyResponse(customer_id=customer_id)
        _apply(survey, clean)
        session.add(survey)
        session.flush()
        return survey.id, _refreshed(session, churn_days, customer_id, now)


def update_survey(db: Database, survey_id: int, data: SurveyInput, now: datetime | None = None) -> Changes:
    clean = _validated(data, now)
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        survey = _get(session, survey_id)
        _check_order(session, survey.customer_id, clean.order_id)
        _apply(survey, clean)
        session.flush()
        return _refreshed(session, churn_days, survey.customer_id, now)


def load_survey(db: Database, survey_id: int) -> SurveyInput:
    with db.session() as session:
        return _as_input(_get(session, survey_id))


def delete_survey(db: Database, survey_id: int, now: datetime | None = None) -> tuple[dict[str, Any], Changes]:
    """Returns the row as stored; ``restore_survey`` puts it back."""
    table = SurveyResponse.__table__
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        row = session.execute(select(table).where(table.c.id == survey_id)).mappings().first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "This survey answer no longer exists (it may have been deleted)."))
        session.execute(delete(SurveyResponse).where(SurveyResponse.id == survey_id))
        return dict(row), _refreshed(session, churn_days, row["customer_id"], now)


def restore_survey(db: Database, row: dict[str, Any], now: datetime | None = None) -> Changes:
    customer_id = row["customer_id"]
    churn_days = settings.get(db, "churn_days")
    with db.session() as session:
        _customer_name(session, customer_id)
        values = dict(row)
        if session.get(SurveyResponse, values["id"]) is not None:
            del values["id"]  # SQLite reuses the highest id, so a newer answer may hold it now
        if values["order_id"] is not None and session.get(Order, values["order_id"]) is None:
            values["order_id"] = None  # the order went meanwhile; keep the answer
        session.execute(insert(SurveyResponse.__table__).values(values))
        return _refreshed(session, churn_days, customer_id, now)


@dataclass(frozen=True)
class OrderChoice:
    """One of the customer's orders, for "which purchase is this answer about"."""

    id: int
    ordered_at: datetime
    product: str | None
    amount_minor: int
    currency: str


@dataclass(frozen=True)
class SurveyForm:
    """Everything the survey dialog shows when it opens."""

    customer_name: str
    data: SurveyInput  # the stored answer, or defaults for a new one
    orders: tuple[OrderChoice, ...]  # newest first


def survey_form(db: Database, customer_id: int, survey_id: int | None = None,
                now: datetime | None = None) -> SurveyForm:
    with db.session() as session:
        name = _customer_name(session, customer_id)
        if survey_id is None:
            data = SurveyInput(responded_at=(now or utcnow()).replace(second=0, microsecond=0))
        else:
            data = _as_input(_get(session, survey_id))
        choice = select(Order.id, Order.ordered_at, Order.product, Order.amount_minor, Order.currency)
        rows = session.execute(choice.where(Order.customer_id == customer_id)
                               .order_by(Order.ordered_at.desc()).limit(_ORDER_CHOICES))
        orders = [OrderChoice(*row) for row in rows]
        if data.order_id is not None and data.order_id not in {o.id for o in orders}:
            # an answer about an older order keeps showing which one
            orders.append(OrderChoice(*session.execute(choice.where(Order.id == data.order_id)).one()))
        return SurveyForm(name, data, tuple(orders))
