"""Interactions (互动记录): calls, chats, visits; what was said and what came of it.

Every write also sets the customer's ``last_contact_at`` to the latest
interaction, because stay-in-touch cadences and "not contacted for N days"
lists read that column instead of scanning interactions.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from solocrm.db.database import Database
from solocrm.db.models import Customer, Interaction, utcnow
from solocrm.errors import NotFound, ValidationError
from solocrm.services.changes import Changes
from solocrm.services.customers import CHANNELS
from solocrm.translatable import QT_TRANSLATE_NOOP

DIRECTIONS = ("in", "out")  # in: the customer reached out; out: we did
FALLBACK_CHANNEL = "wechat"  # where most of these businesses talk to customers
# Lets "now" in a dialog opened a moment ago pass, while a date typed a day ahead is caught.
FUTURE_GRACE = timedelta(minutes=5)


@dataclass
class InteractionInput:
    """What the interaction dialog edits."""

    occurred_at: datetime  # naive UTC
    channel: str
    direction: str = "out"
    summary: str = ""
    outcome: str | None = None


def check(data: InteractionInput, now: datetime | None = None) -> tuple[InteractionInput, list[ValidationError]]:
    """Tidy ``data`` and list every problem, so the dialog can mark all fields at once."""
    now = now or utcnow()
    clean = replace(data, summary=(data.summary or "").strip(), outcome=(data.outcome or "").strip() or None)
    errors: list[ValidationError] = []
    if clean.occurred_at > now + FUTURE_GRACE:
        errors.append(ValidationError(
            QT_TRANSLATE_NOOP("errors", "This time is in the future. Record it when it has happened, "
                                        "or add a task for it."),
            field="occurred_at"))
    if clean.channel not in CHANNELS:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown channel {channel!r}."), field="channel",
                                      channel=clean.channel))
    if clean.direction not in DIRECTIONS:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown direction {direction!r}."),
                                      field="direction", direction=clean.direction))
    if not clean.summary:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Write a short summary of what was said."),
                                      field="summary"))
    return clean, errors


def _validated(data: InteractionInput, now: datetime | None) -> InteractionInput:
    clean, errors = check(data, now)
    if errors:
        raise errors[0]
    return clean


def _get(session: Session, interaction_id: int) -> Interaction:
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This interaction no longer exists (it may have been deleted)."))
    return interaction


def _as_input(interaction: Interaction) -> InteractionInput:
    return InteractionInput(**{f.name: getattr(interaction, f.name) for f in fields(InteractionInput)})


def _customer_name(session: Session, customer_id: int) -> str:
    name = session.scalar(select(Customer.name).where(Customer.id == customer_id))
    if name is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
    return name


def _update_last_contact(session: Session, customer_id: int) -> None:
    latest = select(func.max(Interaction.occurred_at)).where(Interaction.customer_id == customer_id)
    session.execute(update(Customer).where(Customer.id == customer_id)
                    .values(last_contact_at=latest.scalar_subquery()))


def _changes(customer_id: int) -> Changes:
    return Changes(customer_ids=frozenset({customer_id}), interactions=True)


def add_interaction(db: Database, customer_id: int, data: InteractionInput,
                    now: datetime | None = None) -> tuple[int, Changes]:
    clean = _validated(data, now)
    with db.session() as session:
        _customer_name(session, customer_id)
        interaction = Interaction(customer_id=customer_id,
                                  **{f.name: getattr(clean, f.name) for f in fields(InteractionInput)})
        session.add(interaction)
        session.flush()
        _update_last_contact(session, customer_id)
        return interaction.id, _changes(customer_id)


def update_interaction(db: Database, interaction_id: int, data: InteractionInput,
                       now: datetime | None = None) -> Changes:
    clean = _validated(data, now)
    with db.session() as session:
        interaction = _get(session, interaction_id)
        for f in fields(InteractionInput):
            setattr(interaction, f.name, getattr(clean, f.name))
        session.flush()
        _update_last_contact(session, interaction.customer_id)
        return _changes(interaction.customer_id)


def load_interaction(db: Database, interaction_id: int) -> InteractionInput:
    with db.session() as session:
        return _as_input(_get(session, interaction_id))


def delete_interaction(db: Database, interaction_id: int) -> tuple[dict[str, Any], Changes]:
    """Returns the row as stored; ``restore_interaction`` puts it back."""
    table = Interaction.__table__
    with db.session() as session:
        row = session.execute(select(table).where(table.c.id == interaction_id)).mappings().first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This interaction no longer exists (it may have been deleted)."))
        session.execute(delete(Interaction).where(Interaction.id == interaction_id))
        _update_last_contact(session, row["customer_id"])
        return dict(row), _changes(row["customer_id"])


def restore_interaction(db: Database, row: dict[str, Any]) -> Changes:
    customer_id = row["customer_id"]
    with db.session() as session:
        _customer_name(session, customer_id)
        values = dict(row)
        if session.get(Interaction, values["id"]) is not None:
            del values["id"]  # SQLite reuses the highest id, so a newer interaction may hold it now
        session.execute(insert(Interaction.__table__).values(values))
        _update_last_contact(session, customer_id)
    return _changes(customer_id)


@dataclass(frozen=True)
class InteractionForm:
    """Everything the interaction dialog shows when it opens."""

    customer_name: str
    data: InteractionInput  # the stored interaction, or defaults for a new one


def interaction_form(db: Database, customer_id: int, interaction_id: int | None = None,
                     now: datetime | None = None) -> InteractionForm:
    """For a new interaction: now, outgoing, on the channel last used with this customer,
    else the one they prefer."""
    with db.session() as session:
        name = _customer_name(session, customer_id)
        if interaction_id is not None:
            return InteractionForm(name, _as_input(_get(session, interaction_id)))
        last = session.scalar(select(Interaction.channel).where(Interaction.customer_id == customer_id)
                              .order_by(Interaction.occurred_at.desc()).limit(1))
        preferred = session.scalar(select(Customer.preferred_channel).where(Customer.id == customer_id))
        channel = next((c for c in (last, preferred) if c in CHANNELS), FALLBACK_CHANNEL)
        at = (now or utcnow()).replace(second=0, microsecond=0)
        return InteractionForm(name, InteractionInput(occurred_at=at, channel=channel))
