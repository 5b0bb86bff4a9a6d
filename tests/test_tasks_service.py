from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select, update

from solocrm.db.models import Customer, Task
from solocrm.errors import NotFound, ValidationError
from solocrm.services import customers, tasks
from solocrm.services.customers import CustomerInput
from solocrm.services.tasks import STAY_IN_TOUCH_TITLE, TaskInput, next_occurrence

from .conftest import FIXED_NOW

BEIJING = timezone(timedelta(hours=8))


def _customer(db, name="张三", tags=(), created=datetime(2026, 1, 1), contact=None, order=None, archived=False):
    cid, _ = customers.create(db, CustomerInput(name=name, tags=list(tags)))
    with db.session() as s:
        s.execute(update(Customer).where(Customer.id == cid).values(
            created_at=created, last_contact_at=contact, last_order_at=order, archived=archived))
    return cid


def _open_tasks(db):
    with db.session() as s:
        return s.execute(select(Task.customer_id, Task.cadence_id, Task.title, Task.due_at)
                         .where(Task.done_at.is_(None)).order_by(Task.customer_id, Task.id)).all()


def _task(db, title="Call back", due=datetime(2026, 6, 15, 1), **kw):
    task_id, _ = tasks.create(db, TaskInput(title=title, due_at=due, **kw))
    return task_id


# --- validation and editing ----------------------------------------------------------


def test_title_and_due_are_required_and_every_problem_is_reported():
    _, errors = tasks.check(TaskInput(title="  ", due_at=None, recurrence="hourly"))
    assert [e.field for e in errors] == ["title", "due_at", "recurrence"]


def test_invalid_task_saves_nothing(db):
    with pytest.raises(ValidationError) as info:
        tasks.create(db, TaskInput(title="", due_at=FIXED_NOW))
    assert info.value.field == "title"
    with pytest.raises(ValidationError) as info:
        tasks.create(db, TaskInput(title="Call", due_at=FIXED_NOW, customer_id=999))
    assert info.value.field == "customer"
    assert _open_tasks(db) == []


def test_create_then_update_keeps_customer_name_and_rearms_reminder(db):
    cid = _customer(db)
    task_id, changes = tasks.create(db, TaskInput(title=" 回访报价 ", due_at=FIXED_NOW, customer_id=cid,
                                                  notes="  "))
    assert changes.tasks and changes.customer_ids == {cid}
    item = tasks.get(db, task_id)
    assert (item.title, item.customer_name, item.notes) == ("回访报价", "张三", None)
    tasks.mark_notified(db, [task_id], FIXED_NOW)
    tasks.update_task(db, task_id, TaskInput(title="回访报价", due_at=FIXED_NOW + timedelta(days=1)))
    assert tasks.due_for_notification(db, FIXED_NOW + timedelta(days=2))[0].id == task_id
    assert tasks.get(db, task_id).customer_id is None


def test_delete_and_restore_bring_back_the_same_row(db):
    task_id = _task(db, recurrence="weekly", notes="带样品")
    snapshot, _ = tasks.delete_task(db, task_id)
    with pytest.raises(NotFound):
        tasks.get(db, task_id)
    tasks.restore_task(db, snapshot)
    item = tasks.get(db, task_id)
    assert (item.title, item.recurrence, item.notes) == ("Call back", "weekly", "带样品")


# --- recurrence ------------------------------------------------------------------------


@pytest.mark.parametrize(("anchor", "recurrence", "after", "expected"), [
    ("2026-01-31", "monthly", "2026-01-31", "2026-02-28"),
    ("2026-01-31", "monthly", "2026-02-28", "2026-03-31"),  # back to the 31st after a short month
    ("2026-01-31", "monthly", "2026-03-31", "2026-04-30"),
    ("2024-01-31", "monthly", "2024-01-31", "2024-02-29"),
    ("2026-01-15", "monthly", "2026-05-20", "2026-06-15"),  # done late: skips to the next one ahead
    ("2024-02-29", "yearly", "2024-02-29", "2025-02-28"),
    ("2024-02-29", "yearly", "2027-03-01", "2028-02-29"),
    ("2026-06-15", "daily", "2026-06-15", "2026-06-16"),
    ("2026-06-01", "daily", "2026-06-15", "2026-06-16"),
    ("2026-06-01", "weekly", "2026-06-01", "2026-06-08"),
    ("2026-06-01", "weekly", "2026-06-15", "2026-06-22"),
])
def test_next_occurrence(anchor, recurrence, after, expected):
    at_nine = datetime.fromisoformat(anchor).replace(hour=9)
    result = next_occurrence(at_nine, recurrence, datetime.fromisoformat(after).replace(hour=9))
    assert result == datetime.fromisoformat(expected).replace(hour=9)


def test_completing_a_monthly_task_on_the_31st_creates_the_next_on_the_last_day(db):
    due = datetime(2026, 1, 31, 1)  # 09:00 in Beijing
    task_id = _task(db, due=due, recurrence="monthly")
    completion, changes = tasks.complete(db, task_id, now=datetime(2026, 1, 30, 12), tz=BEIJING)
    assert changes.tasks
    assert tasks.get(db, task_id).done_at == datetime(2026, 1, 30, 12)
    assert tasks.get(db, completion.next_task_id).due_at == datetime(2026, 2, 28, 1)


def test_months_follow_the_local_calendar_not_utc(db):
    # 07:00 on 1 March in Beijing is still 28 February in UTC; next month is 1 April locally.
    task_id = _task(db, due=datetime(2026, 2, 28, 23), recurrence="monthly")
    completion, _ = tasks.complete(db, task_id, now=datetime(2026, 2, 28, 22), tz=BEIJING)
    assert tasks.get(db, completion.next_task_id).due_at == datetime(2026, 3, 31, 23)


def test_completing_late_skips_missed_occurrences(db):
    task_id = _task(db, due=datetime(2026, 6, 1, 1), recurrence="daily")
    completion, _ = tasks.complete(db, task_id, now=FIXED_NOW, tz=BEIJING)  # 17:00 on 15 June, Beijing
    assert tasks.get(db, completion.next_task_id).due_at == datetime(2026, 6, 16, 1)


def test_reopen_undoes_completion_and_drops_the_next_occurrence(db):
    task_id = _task(db, recurrence="weekly")
    completion, _ = tasks.complete(db, task_id, FIXED_NOW)
    assert len(_open_tasks(db)) == 1
    tasks.reopen(db, completion.task_id, completion.next_task_id)
    assert tasks.get(db, task_id).done_at is None
    assert len(_open_tasks(db)) == 1
    with pytest.raises(NotFound):
        tasks.get(db, completion.next_task_id)


def test_completing_a_one_off_task_creates_nothing_and_twice_is_harmless(db):
    task_id = _task(db)
    first, _ = tasks.complete(db, task_id, FIXED_NOW)
    again, changes = tasks.complete(db, task_id, FIXED_NOW + timedelta(hours=1))
    assert first.next_task_id is None and again.next_task_id is None and not changes.tasks
    assert tasks.get(db, task_id).done_at == FIXED_NOW


# --- Today and notifications ----------------------------------------------------------


def test_today_splits_by_the_local_day(db):
    # FIXED_NOW is 17:00 on 15 June in Beijing; the local day began at 16:00 UTC on 14 June.
    cid = _customer(db, name="李四")
    _task(db, "yesterday evening", datetime(2026, 6, 14, 15, 59))
    _task(db, "this morning", datetime(2026, 6, 14, 16, 0), customer_id=cid)
    _task(db, "tonight", datetime(2026, 6, 15, 15, 59))
    _task(db, "tomorrow", datetime(2026, 6, 15, 16, 0))
    _task(db, "in seven days", datetime(2026, 6, 22, 15, 59))
    _task(db, "in eight days", datetime(2026, 6, 22, 16, 0))
    tasks.complete(db, _task(db, "done already", datetime(2026, 6, 1)), FIXED_NOW)

    result = tasks.today(db, FIXED_NOW, BEIJING)
    assert result.day_start == datetime(2026, 6, 14, 16)
    assert [t.title for t in result.overdue] == ["yesterday evening"]
    assert [t.title for t in result.today] == ["this morning", "tonight"]
    assert [t.title for t in result.upcoming] == ["tomorrow", "in seven days"]
    assert result.today[0].customer_name == "李四"
    assert (result.overdue_count, result.today_count, result.upcoming_count) == (1, 2, 2)


def test_today_caps_long_sections_but_counts_them_all(db):
    for day in range(1, 6):
        _task(db, f"old {day}", datetime(2026, 5, day))
    result = tasks.today(db, FIXED_NOW, limit=3)
    assert [t.title for t in result.overdue] == ["old 1", "old 2", "old 3"]
    assert result.overdue_count == 5 and not result.is_empty


def test_each_due_task_is_notified_once(db):
    due = _task(db, "due", FIXED_NOW - timedelta(minutes=1))
    _task(db, "later", FIXED_NOW + timedelta(minutes=1))
    tasks.complete(db, _task(db, "done", FIXED_NOW - timedelta(hours=1)), FIXED_NOW)
    found = tasks.due_for_notification(db, FIXED_NOW)
    assert [t.id for t in found] == [due]
    tasks.mark_notified(db, [due], FIXED_NOW)
    assert tasks.due_for_notification(db, FIXED_NOW) == []
    assert [t.title for t in tasks.due_for_notification(db, FIXED_NOW + timedelta(minutes=1))] == ["later"]


def test_mark_notified_handles_more_ids_than_sqlite_binds_at_once(db):
    with db.session() as s:
        s.add_all(Task(title=f"t{i}", due_at=FIXED_NOW) for i in range(1200))
    ids = [t.id for t in tasks.due_for_notification(db, FIXED_NOW)]
    tasks.mark_notified(db, ids, FIXED_NOW)
    assert tasks.due_for_notification(db, FIXED_NOW) == []


# --- cadences ------------------------------------------------------------------------------


def test_cadence_due_is_last_contact_plus_interval_and_running_twice_adds_nothing(db):
    a = _customer(db, "contacted", contact=datetime(2026, 6, 1), order=datetime(2026, 5, 1))
    b = _customer(db, "ordered", contact=datetime(2026, 5, 1), order=datetime(2026, 6, 10))
    c = _customer(db, "never", created=datetime(2026, 3, 1))
    for cid in (a, b, c):
        tasks.set_cadence(db, 30, customer_id=cid)

    changes = tasks.apply_cadences(db, FIXED_NOW)
    assert changes.tasks and changes.customer_ids == {a, b, c}
    assert [(row.customer_id, row.title, row.due_at) for row in _open_tasks(db)] == [
        (a, STAY_IN_TOUCH_TITLE, datetime(2026, 7, 1)),
        (b, STAY_IN_TOUCH_TITLE, datetime(2026, 7, 10)),
        (c, STAY_IN_TOUCH_TITLE, datetime(2026, 3, 31)),
    ]
    assert tasks.apply_cadences(db, FIXED_NOW) == tasks.Changes()
    assert len(_open_tasks(db)) == 3


def test_customer_cadence_wins_over_tag_and_archived_customers_are_skipped(db):
    vip = _customer(db, "VIP 客户", tags=["VIP"])
    own = _customer(db, "有自己的节奏", tags=["VIP"])
    _customer(db, "已归档", tags=["VIP"], archived=True)
    _customer(db, "普通客户", tags=["普通"])
    tag_cadence, _ = tasks.set_cadence(db, 14, tag="VIP")
    own_cadence, _ = tasks.set_cadence(db, 60, customer_id=own)
    tasks.apply_cadences(db, FIXED_NOW)
    assert [(row.customer_id, row.cadence_id, row.due_at) for row in _open_tasks(db)] == [
        (vip, tag_cadence, datetime(2026, 1, 15)),
        (own, own_cadence, datetime(2026, 3, 2)),
    ]


def test_shortest_tag_interval_wins_when_tags_overlap(db):
    cid = _customer(db, tags=["VIP", "北京"])
    tasks.set_cadence(db, 30, tag="VIP")
    short, _ = tasks.set_cadence(db, 7, tag="北京")
    tasks.apply_cadences(db, FIXED_NOW)
    assert [(row.customer_id, row.cadence_id) for row in _open_tasks(db)] == [(cid, short)]


def test_new_contact_moves_the_open_task_later_but_a_postponed_date_is_kept(db):
    cid = _customer(db, contact=datetime(2026, 6, 1))
    tasks.set_cadence(db, 30, customer_id=cid)
    tasks.apply_cadences(db, FIXED_NOW)
    [task_id] = [t.id for t in tasks.due_for_notification(db, datetime(2026, 7, 1))]
    tasks.mark_notified(db, [task_id], datetime(2026, 7, 1))

    with db.session() as s:  # the user records an interaction
        s.execute(update(Customer).where(Customer.id == cid).values(last_contact_at=datetime(2026, 6, 14)))
    assert tasks.apply_cadences(db, FIXED_NOW).customer_ids == {cid}
    assert tasks.get(db, task_id).due_at == datetime(2026, 7, 14)
    assert tasks.due_for_notification(db, datetime(2026, 7, 14))[0].id == task_id  # re-armed

    postponed = TaskInput(title=STAY_IN_TOUCH_TITLE, due_at=datetime(2026, 8, 1), customer_id=cid)
    tasks.update_task(db, task_id, postponed)
    assert tasks.apply_cadences(db, FIXED_NOW) == tasks.Changes()
    assert tasks.get(db, task_id).due_at == datetime(2026, 8, 1)


def test_completing_a_cadence_task_schedules_the_next_a_full_interval_later(db):
    cid = _customer(db, contact=datetime(2026, 1, 1))
    tasks.set_cadence(db, 30, customer_id=cid)
    tasks.apply_cadences(db, FIXED_NOW)
    [overdue] = tasks.today(db, FIXED_NOW).overdue
    assert overdue.is_stay_in_touch and overdue.customer_name == "张三"
    completion, _ = tasks.complete(db, overdue.id, FIXED_NOW)
    assert tasks.get(db, completion.next_task_id).due_at == FIXED_NOW + timedelta(days=30)
    assert tasks.apply_cadences(db, FIXED_NOW + timedelta(hours=1)) == tasks.Changes()
    assert len(_open_tasks(db)) == 1


def test_uncovered_customers_lose_their_open_cadence_task(db):
    cid = _customer(db, tags=["VIP"])
    tasks.set_cadence(db, 30, tag="VIP")
    tasks.apply_cadences(db, FIXED_NOW)
    customers.set_archived(db, cid, True)
    assert tasks.apply_cadences(db, FIXED_NOW).customer_ids == {cid}
    assert _open_tasks(db) == []


def test_changing_the_interval_shifts_open_tasks_and_removing_the_cadence_drops_them(db):
    cid = _customer(db, contact=datetime(2026, 6, 1))
    cadence_id, _ = tasks.set_cadence(db, 30, customer_id=cid)
    assert tasks.set_cadence(db, 30, customer_id=cid)[0] == cadence_id
    tasks.apply_cadences(db, FIXED_NOW)
    tasks.set_cadence(db, 10, customer_id=cid)
    assert [row.due_at for row in _open_tasks(db)] == [datetime(2026, 6, 11)]
    assert [(c.id, c.interval_days, c.customer_name, c.tag) for c in tasks.list_cadences(db)] == [
        (cadence_id, 10, "张三", None)]
    tasks.remove_cadence(db, cadence_id)
    assert _open_tasks(db) == [] and tasks.list_cadences(db) == []


def test_cadence_input_is_checked(db):
    with pytest.raises(ValidationError) as info:
        tasks.set_cadence(db, 0, customer_id=_customer(db))
    assert info.value.field == "interval_days"
    with pytest.raises(ValidationError) as info:
        tasks.set_cadence(db, 30, tag="nobody has this")
    assert info.value.field == "tag"


def test_monthly_series_on_the_31st_returns_to_the_31st_after_february(db):
    from datetime import datetime

    from solocrm.services import tasks as t

    task_id, _ = t.create(db, t.TaskInput(title="月底对账", due_at=datetime(2027, 1, 31, 9), recurrence="monthly"))
    dues = []
    for now in (datetime(2027, 1, 31, 10), datetime(2027, 2, 28, 10), datetime(2027, 3, 31, 10)):
        completion, _ = t.complete(db, task_id, now)
        task_id = completion.next_task_id
        dues.append(t.get(db, task_id).due_at)
    assert dues == [datetime(2027, 2, 28, 9), datetime(2027, 3, 31, 9), datetime(2027, 4, 30, 9)]
