"""Follow-up tasks (跟进任务), their recurrence, reminders and "stay in touch" cadences.

Forgotten follow-ups are the pain this module removes, so the rules lean towards
never losing a task and never nagging twice:

- A recurring task is one open row at a time.  Completing it stores the next
  occurrence as a new row, so history keeps each completion and undo only has
  to reopen one row and drop the other.
- Months and years are counted on the user's local calendar (a task due at
  08:00 in Beijing on the 1st is 00:00 UTC on the 31st), so recurrence takes the
  user's time zone.
- Cadences keep exactly one open "Stay in touch" task per covered customer.
  ``apply_cadences`` is idempotent and set-based so it can run hourly over
  100,000 customers on the write thread.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any

from sqlalchemy import Select, bindparam, delete, func, insert, literal, select, union_all, update
from sqlalchemy.orm import Session

from solocrm.db.database import Database
from solocrm.db.models import Cadence, Customer, Tag, Task, customer_tag, max_length
from solocrm.errors import NotFound, ValidationError
from solocrm.services.changes import Changes
from solocrm.services.limits import too_long
from solocrm.translatable import QT_TRANSLATE_NOOP

RECURRENCES = ("none", "daily", "weekly", "monthly", "yearly")

# Stored untranslated so the database does not depend on the UI language; views
# recognise cadence tasks by ``cadence_id`` and translate the title themselves.
STAY_IN_TOUCH_TITLE = "Stay in touch"

TITLE_MAX = max_length(Task, "title")
INTERVAL_MAX_DAYS = 3650
UPCOMING_DAYS = 7
SECTION_LIMIT = 200  # rows per Today section; more would bury the list, totals say what is hidden
_CHUNK = 500  # ids per IN (...) so large batches stay under SQLite's bound-parameter limit

_task = Task.__table__


@dataclass
class TaskInput:
    """What the task dialog edits.  ``due_at`` is naive UTC, like every stored time."""

    title: str = ""
    due_at: datetime | None = None
    customer_id: int | None = None
    notes: str | None = None
    recurrence: str = "none"


@dataclass(frozen=True)
class TaskItem:
    """One task as lists and notifications show it, with its customer's name."""

    id: int
    title: str
    due_at: datetime
    customer_id: int | None
    customer_name: str | None
    notes: str | None
    recurrence: str
    cadence_id: int | None
    done_at: datetime | None

    @property
    def is_stay_in_touch(self) -> bool:
        return self.cadence_id is not None and self.title == STAY_IN_TOUCH_TITLE


@dataclass(frozen=True)
class TodayList:
    """The Today page.  Sections hold at most ``SECTION_LIMIT`` rows; the counts are totals."""

    day_start: datetime  # naive UTC start of the user's local today
    overdue: tuple[TaskItem, ...]
    today: tuple[TaskItem, ...]
    upcoming: tuple[TaskItem, ...]
    overdue_count: int
    today_count: int
    upcoming_count: int

    @property
    def is_empty(self) -> bool:
        return not (self.overdue_count or self.today_count or self.upcoming_count)


@dataclass(frozen=True)
class Completion:
    """What ``complete`` did, so undo can put it back: the task and the occurrence it spawned."""

    task_id: int
    next_task_id: int | None


@dataclass(frozen=True)
class DeletedTask:
    """The deleted row as stored, so undo restores it with the same id and history."""

    row: dict[str, Any]


@dataclass(frozen=True)
class CadenceItem:
    id: int
    interval_days: int
    customer_id: int | None
    customer_name: str | None
    tag: str | None


def _changes(*customer_ids: int | None) -> Changes:
    return Changes(tasks=True, customer_ids=frozenset(i for i in customer_ids if i is not None))


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


# --- local calendar ------------------------------------------------------------


def to_local(utc: datetime, tz: tzinfo) -> datetime:
    """Naive UTC -> naive wall-clock time in ``tz``."""
    return utc.replace(tzinfo=timezone.utc).astimezone(tz).replace(tzinfo=None)


def to_utc(local: datetime, tz: tzinfo) -> datetime:
    """Naive wall-clock time in ``tz`` -> naive UTC."""
    return local.replace(tzinfo=tz).astimezone(timezone.utc).replace(tzinfo=None)


def _add_months(value: datetime, months: int) -> datetime:
    """Same day ``months`` later, or that month's last day when it is shorter (31 Jan -> 28 Feb)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return value.replace(year=year, month=month + 1, day=day)


def next_occurrence(anchor: datetime, recurrence: str, after: datetime) -> datetime:
    """The first occurrence of the series starting at ``anchor`` strictly after ``after``.

    Occurrences are counted from the anchor rather than from each other, so a
    series on the 31st comes back to the 31st after a short month and one on
    29 February comes back to it in leap years.  Skipping to the first
    occurrence after ``after`` means a task done late does not leave a string
    of already-overdue repeats behind it.
    """
    if recurrence in ("daily", "weekly"):
        step = timedelta(days=1 if recurrence == "daily" else 7)
        count = max(1, (after - anchor) // step + 1)
        return anchor + count * step
    months = {"monthly": 1, "yearly": 12}.get(recurrence)
    if months is None:
        raise ValueError(f"not a recurrence: {recurrence!r}")
    count = max(1, ((after.year - anchor.year) * 12 + after.month - anchor.month) // months)
    while (candidate := _add_months(anchor, count * months)) <= after:
        count += 1
    return candidate


def day_start(now: datetime, tz: tzinfo) -> datetime:
    """Naive UTC instant at which the user's local day containing ``now`` began."""
    local = to_local(now, tz)
    return to_utc(local.replace(hour=0, minute=0, second=0, microsecond=0), tz)


# --- tasks -----------------------------------------------------------------------


def check(data: TaskInput) -> tuple[TaskInput, list[ValidationError]]:
    """Normalise ``data`` and list every problem, so the dialog can mark all fields at once."""
    clean = TaskInput(**{f.name: getattr(data, f.name) for f in fields(TaskInput)})
    clean.title = (data.title or "").strip()
    clean.notes = (data.notes or "").strip() or None
    errors: list[ValidationError] = []
    if not clean.title:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "A task needs a title."), field="title"))
    elif len(clean.title) > TITLE_MAX:
        errors.append(too_long("title", TITLE_MAX))
    if clean.due_at is None:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "A task needs a due date."), field="due_at"))
    if clean.recurrence not in RECURRENCES:
        errors.append(ValidationError(QT_TRANSLATE_NOOP("errors", "Unknown repeat rule {rule!r}."), field="recurrence",
                                      rule=clean.recurrence))
    return clean, errors


def _validated(session: Session, data: TaskInput) -> TaskInput:
    clean, errors = check(data)
    if errors:
        raise errors[0]
    if clean.customer_id is not None and session.get(Customer, clean.customer_id) is None:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This customer no longer exists (it may have been deleted)."), field="customer")
    return clean


def _get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This task no longer exists (it may have been deleted)."))
    return task


def create(db: Database, data: TaskInput) -> tuple[int, Changes]:
    with db.session() as session:
        clean = _validated(session, data)
        task = Task(title=clean.title, due_at=clean.due_at, customer_id=clean.customer_id,
                    notes=clean.notes, recurrence=clean.recurrence)
        session.add(task)
        session.flush()
        return task.id, _changes(task.customer_id)


def update_task(db: Database, task_id: int, data: TaskInput) -> Changes:
    with db.session() as session:
        clean = _validated(session, data)
        task = _get(session, task_id)
        old_customer = task.customer_id
        if task.due_at != clean.due_at or task.recurrence != clean.recurrence:
            task.notified_at = None  # a new due time deserves its own reminder
            task.recur_anchor = None  # and starts the series afresh from it
        task.title = clean.title
        task.due_at = clean.due_at
        task.customer_id = clean.customer_id
        task.notes = clean.notes
        task.recurrence = clean.recurrence
        return _changes(old_customer, clean.customer_id)


def _items(session: Session, stmt: Select) -> list[TaskItem]:
    rows = session.execute(
        stmt.add_columns(Customer.name).outerjoin(Customer, Customer.id == Task.customer_id)
    ).all()
    return [
        TaskItem(id=t.id, title=t.title, due_at=t.due_at, customer_id=t.customer_id, customer_name=name,
                 notes=t.notes, recurrence=t.recurrence, cadence_id=t.cadence_id, done_at=t.done_at)
        for t, name in rows
    ]


def get(db: Database, task_id: int) -> TaskItem:
    with db.session() as session:
        found = _items(session, select(Task).where(Task.id == task_id))
        if not found:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This task no longer exists (it may have been deleted)."))
        return found[0]


def customer_name(db: Database, customer_id: int) -> str:
    """For dialogs opened from a customer file, which know the id but must show the name."""
    with db.session() as session:
        name = session.scalar(select(Customer.name).where(Customer.id == customer_id))
        if name is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This customer no longer exists (it may have been deleted)."))
        return name


def delete_task(db: Database, task_id: int) -> tuple[DeletedTask, Changes]:
    with db.session() as session:
        conn = session.connection()
        row = conn.execute(select(_task).where(_task.c.id == task_id)).mappings().first()
        if row is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This task no longer exists (it may have been deleted)."))
        conn.execute(delete(_task).where(_task.c.id == task_id))
        return DeletedTask(dict(row)), _changes(row["customer_id"])


def restore_task(db: Database, snapshot: DeletedTask) -> Changes:
    row = dict(snapshot.row)
    with db.session() as session:
        if row["customer_id"] is not None and session.get(Customer, row["customer_id"]) is None:
            raise NotFound(QT_TRANSLATE_NOOP(
                "errors", "The task's customer has been deleted, so the task cannot come back."))
        if row["cadence_id"] is not None and session.get(Cadence, row["cadence_id"]) is None:
            row["cadence_id"] = None
        session.connection().execute(insert(_task), [row])
    return _changes(row["customer_id"])


def complete(db: Database, task_id: int, now: datetime, tz: tzinfo = timezone.utc) -> tuple[Completion, Changes]:
    """Mark the task done and, for a repeating or cadence task, store the next one.

    ``tz`` is the user's time zone; months and years are counted on its calendar.
    Completing a done task again changes nothing.
    """
    with db.session() as session:
        task = _get(session, task_id)
        if task.done_at is not None:
            return Completion(task_id, None), Changes()
        task.done_at = now
        follow = _next_task(session, task, now, tz)
        next_id = None
        if follow is not None:
            session.add(follow)
            session.flush()
            next_id = follow.id
        return Completion(task_id, next_id), _changes(task.customer_id)


def _next_task(session: Session, task: Task, now: datetime, tz: tzinfo) -> Task | None:
    if task.cadence_id is not None:
        # Ticking off "Stay in touch" means the contact happened: the next one is due a full
        # interval from now, not from a stale last-contact date that would make it overdue at once.
        interval = session.scalar(select(Cadence.interval_days).where(Cadence.id == task.cadence_id))
        if interval is None:
            return None
        due = now + timedelta(days=interval)
    elif task.recurrence != "none":
        after = max(task.due_at, now)
        anchor = task.recur_anchor or task.due_at
        due = to_utc(next_occurrence(to_local(anchor, tz), task.recurrence, to_local(after, tz)), tz)
    else:
        return None
    return Task(title=task.title, notes=task.notes, due_at=due, customer_id=task.customer_id,
                recurrence=task.recurrence, recur_anchor=task.recur_anchor or task.due_at,
                cadence_id=task.cadence_id, created_at=now)


def reopen(db: Database, task_id: int, next_task_id: int | None = None) -> Changes:
    """Undo a completion: the task is open again and the occurrence it spawned goes away
    (unless that one has been completed meanwhile, which is history worth keeping)."""
    with db.session() as session:
        task = _get(session, task_id)
        task.done_at = None
        if next_task_id is not None:
            session.execute(delete(Task).where(Task.id == next_task_id, Task.done_at.is_(None)))
        return _changes(task.customer_id)


# --- queries -----------------------------------------------------------------------


def today(
    db: Database,
    now: datetime,
    tz: tzinfo = timezone.utc,
    *,
    upcoming_days: int = UPCOMING_DAYS,
    limit: int = SECTION_LIMIT,
) -> TodayList:
    """Open tasks split the way the user thinks of them, by their local calendar.

    Overdue: due before the local day began.  Today: due during the local day,
    even if its time has passed.  Upcoming: the ``upcoming_days`` days after today.
    """
    start = day_start(now, tz)
    tomorrow = day_start(start + timedelta(hours=36), tz)
    horizon = day_start(tomorrow + timedelta(days=upcoming_days, hours=12), tz)
    open_tasks = Task.done_at.is_(None)
    bounds = {
        "overdue": Task.due_at < start,
        "today": (Task.due_at >= start) & (Task.due_at < tomorrow),
        "upcoming": (Task.due_at >= tomorrow) & (Task.due_at < horizon),
    }
    with db.session() as session:
        sections = {
            name: tuple(_items(session, select(Task).where(open_tasks, cond)
                               .order_by(Task.due_at, Task.id).limit(limit)))
            for name, cond in bounds.items()
        }
        counts = {
            name: (len(sections[name]) if len(sections[name]) < limit else
                   session.scalar(select(func.count()).select_from(Task).where(open_tasks, cond)) or 0)
            for name, cond in bounds.items()
        }
    return TodayList(
        day_start=start,
        overdue=sections["overdue"], today=sections["today"], upcoming=sections["upcoming"],
        overdue_count=counts["overdue"], today_count=counts["today"], upcoming_count=counts["upcoming"],
    )


def due_for_notification(db: Database, now: datetime) -> list[TaskItem]:
    """Open tasks whose time has come and that have not been announced yet, oldest first."""
    with db.session() as session:
        return _items(session, select(Task).where(
            Task.done_at.is_(None), Task.notified_at.is_(None), Task.due_at <= now,
        ).order_by(Task.due_at, Task.id))


def mark_notified(db: Database, ids: Sequence[int], now: datetime) -> Changes:
    with db.session() as session:
        for chunk in _chunks(list(ids)):
            session.execute(update(Task).where(Task.id.in_(chunk)).values(notified_at=now))
    return Changes(tasks=True) if ids else Changes()


# --- cadences ("stay in touch") ------------------------------------------------------


def set_cadence(
    db: Database, interval_days: int, *, customer_id: int | None = None, tag: str | None = None
) -> tuple[int, Changes]:
    """Keep in touch with one customer, or with everyone carrying ``tag``, every ``interval_days``.

    Setting it again for the same customer or tag changes the interval; open
    cadence tasks move by the difference, so a due date the user pushed back
    stays pushed back by as much.
    """
    if (customer_id is None) == (tag is None):
        raise ValueError("give exactly one of customer_id and tag")
    if not 1 <= interval_days <= INTERVAL_MAX_DAYS:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "Choose an interval between 1 and {days} days."),
                              days=INTERVAL_MAX_DAYS,
                              field="interval_days")
    with db.session() as session:
        if customer_id is not None:
            if session.get(Customer, customer_id) is None:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "errors", "This customer no longer exists (it may have been deleted)."),
                                      field="customer")
            target = Cadence.customer_id == customer_id
            tag_id = None
        else:
            tag_id = session.scalar(select(Tag.id).where(Tag.name == tag.strip()))
            if tag_id is None:
                raise ValidationError(QT_TRANSLATE_NOOP("errors", "No customer has the tag “{tag}”."), field="tag",
                                      tag=tag.strip())
            target = (Cadence.tag_id == tag_id) & Cadence.customer_id.is_(None)
        cadence = session.scalars(select(Cadence).where(target)).first()
        if cadence is None:
            cadence = Cadence(customer_id=customer_id, tag_id=tag_id, interval_days=interval_days)
            session.add(cadence)
            session.flush()
        elif cadence.interval_days != interval_days:
            shift = timedelta(days=interval_days - cadence.interval_days)
            cadence.interval_days = interval_days
            moved = [{"tid": tid, "due": due + shift} for tid, due in session.execute(
                select(Task.id, Task.due_at).where(Task.cadence_id == cadence.id, Task.done_at.is_(None)))]
            if moved:
                session.connection().execute(
                    update(_task).where(_task.c.id == bindparam("tid"))
                    .values(due_at=bindparam("due"), notified_at=None), moved)
        return cadence.id, _changes(customer_id)


def remove_cadence(db: Database, cadence_id: int) -> Changes:
    """Stop a cadence; its open tasks go too (done ones stay as history)."""
    with db.session() as session:
        cadence = session.get(Cadence, cadence_id)
        if cadence is None:
            raise NotFound(QT_TRANSLATE_NOOP("errors", "This stay-in-touch rule no longer exists."))
        session.execute(delete(Task).where(Task.cadence_id == cadence_id, Task.done_at.is_(None)))
        session.delete(cadence)
        return _changes(cadence.customer_id)


def list_cadences(db: Database) -> list[CadenceItem]:
    with db.session() as session:
        rows = session.execute(
            select(Cadence.id, Cadence.interval_days, Cadence.customer_id, Customer.name, Tag.name)
            .outerjoin(Customer, Customer.id == Cadence.customer_id)
            .outerjoin(Tag, Tag.id == Cadence.tag_id)
            .order_by(Tag.name.is_(None), Tag.name, Customer.name, Cadence.id)
        ).all()
        return [CadenceItem(*row) for row in rows]


def _effective_cadences() -> Select:
    """(cadence_id, customer_id, interval_days): the one cadence governing each active customer.

    A customer's own cadence wins over tag cadences; among tag cadences the
    shortest interval wins, so the customer is never contacted less often than
    one of their tags asks for.
    """
    direct = select(Cadence.id.label("cadence_id"), Cadence.customer_id.label("customer_id"),
                    Cadence.interval_days.label("interval_days"), literal(0).label("rank")
                    ).where(Cadence.customer_id.is_not(None))
    by_tag = (select(Cadence.id, customer_tag.c.customer_id, Cadence.interval_days, literal(1))
              .join(customer_tag, customer_tag.c.tag_id == Cadence.tag_id)
              .where(Cadence.customer_id.is_(None)))
    candidates = union_all(direct, by_tag).subquery()
    position = func.row_number().over(
        partition_by=candidates.c.customer_id,
        order_by=(candidates.c.rank, candidates.c.interval_days, candidates.c.cadence_id),
    )
    ranked = select(candidates, position.label("position")).subquery()
    return (select(ranked.c.cadence_id, ranked.c.customer_id, ranked.c.interval_days,
                   Customer.created_at, Customer.last_contact_at, Customer.last_order_at)
            .join(Customer, Customer.id == ranked.c.customer_id)
            .where(ranked.c.position == 1, Customer.archived.is_(False)))


def apply_cadences(db: Database, now: datetime) -> Changes:
    """Make sure each customer under a cadence has one open "Stay in touch" task, due on time.

    The due date is the last contact (latest of last interaction, last order and
    the day the customer was added) plus the interval.  An open task is moved
    later when a newer contact pushes its due date later, never earlier, so a
    date the user postponed by hand is kept.  Open tasks of customers no longer
    covered (archived, tag removed, overridden by their own cadence) are removed.
    Three statements and bulk writes, whatever the number of customers.
    """
    with db.session() as session:
        conn = session.connection()
        wanted: dict[tuple[int, int], datetime] = {}
        for cadence_id, customer_id, interval, created, contact, ordered in conn.execute(_effective_cadences()):
            last = max(t for t in (created, contact, ordered) if t is not None)
            wanted[(cadence_id, customer_id)] = last + timedelta(days=interval)
        existing = conn.execute(
            select(_task.c.id, _task.c.cadence_id, _task.c.customer_id, _task.c.due_at)
            .where(_task.c.cadence_id.is_not(None), _task.c.done_at.is_(None))
            .order_by(_task.c.id)
        ).all()
        seen: set[tuple[int, int]] = set()
        stale: list[int] = []
        moved: list[dict[str, Any]] = []
        touched: set[int] = set()
        for task_id, cadence_id, customer_id, due in existing:
            key = (cadence_id, customer_id)
            if key not in wanted or key in seen:
                stale.append(task_id)
                touched.add(customer_id)
                continue
            seen.add(key)
            if wanted[key] > due:
                moved.append({"tid": task_id, "due": wanted[key]})
                touched.add(customer_id)
        created_rows = [
            {"title": STAY_IN_TOUCH_TITLE, "due_at": due, "customer_id": customer_id, "cadence_id": cadence_id,
             "recurrence": "none", "created_at": now}
            for (cadence_id, customer_id), due in wanted.items() if (cadence_id, customer_id) not in seen
        ]
        touched.update(row["customer_id"] for row in created_rows)
        for chunk in _chunks(stale):
            conn.execute(delete(_task).where(_task.c.id.in_(chunk)))
        if moved:
            conn.execute(update(_task).where(_task.c.id == bindparam("tid"))
                         .values(due_at=bindparam("due"), notified_at=None), moved)
        if created_rows:
            conn.execute(insert(_task), created_rows)
    return Changes(tasks=True, customer_ids=frozenset(touched)) if touched else Changes()
