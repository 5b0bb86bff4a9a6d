"""Goals (目标): add, edit, delete and undo; progress comes from ``solocrm.analytics.goals``.

The list of metrics lives with the analytics (what can be measured); this
module only keeps the user's goals valid and stored.  Goals do not change any
view but the Analytics page, which reloads them itself, so the returned
``Changes`` are empty.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from solocrm.db.database import Database
from solocrm.db.models import Goal, utcnow
from solocrm.errors import NotFound, ValidationError
from solocrm.services.changes import Changes
from solocrm.translatable import QT_TRANSLATE_NOOP

WINDOWS = (30, 90, 180, 365)  # days a goal's metric is measured over
_LIMITS = {"pct": (0.0, 100.0), "points": (-100.0, 100.0), "money": (0.0, 1e12), "count": (0.0, 1e9)}


@dataclass
class GoalInput:
    """What the goal editor edits; values in the metric's display unit (20 means 20 %)."""

    metric: str = "repurchase_rate"
    baseline: float = 0.0
    target: float = 0.0
    deadline: date | None = None
    window_days: int = 90
    threshold_minor: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class GoalRow:
    id: int
    data: GoalInput
    created: date


def check(data: GoalInput, today: date | None) -> tuple[GoalInput, list[ValidationError]]:
    """Tidy ``data`` and list every problem, so the editor can mark all fields at once.

    ``today`` is given for a new goal, whose deadline must be ahead; an existing
    goal may be past its deadline and still have its note or target edited.
    """
    from solocrm.analytics.goals import METRICS

    clean = replace(data, note=(data.note or "").strip() or None)
    errors: list[ValidationError] = []
    metric = METRICS.get(clean.metric)
    if metric is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown goal metric {metric!r}."), field="metric",
                                      metric=clean.metric))
    else:
        low, high = _LIMITS[metric.unit]
        for name, template in (
                ("baseline", QT_TRANSLATE_NOOP("errors", "The baseline must be between {low:g} and {high:g}.")),
                ("target", QT_TRANSLATE_NOOP("errors", "The target must be between {low:g} and {high:g}."))):
            if not low <= getattr(clean, name) <= high:
                errors.append(ValidationError(template, field=name, low=low, high=high))
        if metric.needs_threshold:
            if clean.threshold_minor is None or clean.threshold_minor <= 0:
                errors.append(ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "Enter the CLV amount the goal counts customers above."), field="threshold"))
        else:
            clean.threshold_minor = None
    if clean.target == clean.baseline:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The target must differ from the baseline."),
                                      field="target"))
    if clean.deadline is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Choose a deadline."), field="deadline"))
    elif today is not None and clean.deadline <= today:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "The deadline must be after today."),
                                      field="deadline"))
    if clean.window_days not in WINDOWS:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Choose how many days the metric is measured over."),
                                      field="window_days"))
    return clean, errors


def _validated(data: GoalInput, today: date | None) -> GoalInput:
    clean, errors = check(data, today)
    if errors:
        raise errors[0]
    return clean


def _get(session: Session, goal_id: int) -> Goal:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This goal no longer exists (it may have been deleted)."))
    return goal


def create(db: Database, data: GoalInput, now: datetime | None = None) -> tuple[int, Changes]:
    now = now or utcnow()
    clean = _validated(data, now.date())
    with db.session() as session:
        goal = Goal(created_at=now, **{f.name: getattr(clean, f.name) for f in fields(GoalInput)})
        session.add(goal)
        session.flush()
        return goal.id, Changes()


def update_goal(db: Database, goal_id: int, data: GoalInput) -> Changes:
    """Edits keep the goal's creation date: progress is measured from when it was set."""
    clean = _validated(data, None)
    with db.session() as session:
        goal = _get(session, goal_id)
        for f in fields(GoalInput):
            setattr(goal, f.name, getattr(clean, f.name))
    return Changes()


def load(db: Database, goal_id: int) -> GoalInput:
    with db.session() as session:
        goal = _get(session, goal_id)
        return GoalInput(**{f.name: getattr(goal, f.name) for f in fields(GoalInput)})


def list_goals(db: Database) -> list[GoalRow]:
    """Every goal, soonest deadline first."""
    with db.session() as session:
        goals = session.scalars(select(Goal).order_by(Goal.deadline, Goal.id))
        return [GoalRow(g.id, GoalInput(**{f.name: getattr(g, f.name) for f in fields(GoalInput)}),
                        g.created_at.date()) for g in goals]


def delete_goal(db: Database, goal_id: int) -> tuple[dict[str, Any], Changes]:
    """Returns the row as stored; ``restore_goal`` puts it back."""
    table = Goal.__table__
    with db.session() as session:
        row = session.execute(select(table).where(table.c.id == goal_id)).mappings().first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This goal no longer exists (it may have been deleted)."))
        session.execute(delete(Goal).where(Goal.id == goal_id))
        return dict(row), Changes()


def restore_goal(db: Database, row: dict[str, Any]) -> Changes:
    with db.session() as session:
        values = dict(row)
        if session.get(Goal, values["id"]) is not None:
            del values["id"]  # SQLite reuses the highest id, so a newer goal may hold it now
        session.execute(insert(Goal.__table__).values(values))
    return Changes()
