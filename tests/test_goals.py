"""Goals: what is stored, what is refused, and how progress is judged."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from solocrm.analytics import goals as goal_progress
from solocrm.analytics import panel
from solocrm.errors import NotFound, ValidationError
from solocrm.services import goals
from solocrm.services.goals import GoalInput
from tests.analytics_support import build_shop

CREATED = datetime(2026, 4, 1, 12)


def _spec(row: goals.GoalRow) -> goal_progress.GoalSpec:
    d = row.data
    return goal_progress.GoalSpec(row.id, d.metric, d.baseline, d.target, d.deadline, d.window_days,
                                  d.threshold_minor, row.created)


def test_create_list_update_delete_and_undo(db) -> None:
    gid, _ = goals.create(db, GoalInput("repurchase_rate", 20, 30, date(2026, 9, 30), 90, note=" 复购 "), now=CREATED)
    rows = goals.list_goals(db)
    assert [(r.id, r.data.metric, r.data.baseline, r.data.target, r.data.note, r.created) for r in rows] == [
        (gid, "repurchase_rate", 20, 30, "复购", date(2026, 4, 1))]
    goals.update_goal(db, gid, GoalInput("repurchase_rate", 20, 35, date(2026, 12, 31), 180))
    assert goals.load(db, gid).target == 35 and goals.list_goals(db)[0].created == date(2026, 4, 1)
    row, _ = goals.delete_goal(db, gid)
    assert goals.list_goals(db) == []
    goals.restore_goal(db, row)
    assert goals.load(db, gid).deadline == date(2026, 12, 31)


@pytest.mark.parametrize("data, field", [
    (GoalInput("nonsense", 1, 2, date(2026, 9, 1)), "metric"),
    (GoalInput("churn_rate", 15, 15, date(2026, 9, 1)), "target"),
    (GoalInput("churn_rate", 15, 150, date(2026, 9, 1)), "target"),
    (GoalInput("nps", -120, 10, date(2026, 9, 1)), "baseline"),
    (GoalInput("churn_rate", 15, 10, None), "deadline"),
    (GoalInput("churn_rate", 15, 10, date(2026, 3, 1)), "deadline"),
    (GoalInput("churn_rate", 15, 10, date(2026, 9, 1), window_days=7), "window_days"),
    (GoalInput("clv_share", 10, 20, date(2026, 9, 1)), "threshold"),
])
def test_invalid_goals_are_refused_with_the_field_to_fix(db, data, field) -> None:
    with pytest.raises(ValidationError) as info:
        goals.create(db, data, now=CREATED)
    assert info.value.field == field
    assert goals.list_goals(db) == []


def test_editing_a_goal_past_its_deadline_is_allowed(db) -> None:
    gid, _ = goals.create(db, GoalInput("nps", 10, 30, date(2026, 4, 30)), now=CREATED)
    goals.update_goal(db, gid, GoalInput("nps", 10, 30, date(2026, 4, 30), note="ran out of time"))
    assert goals.load(db, gid).note == "ran out of time"


def test_missing_goal_is_not_found(db) -> None:
    with pytest.raises(NotFound):
        goals.update_goal(db, 99, GoalInput("nps", 10, 30, date(2026, 9, 30)))


def test_progress_measures_the_metric_over_its_window(db) -> None:
    build_shop(db)
    goals.create(db, GoalInput("repurchase_rate", 20, 70, date(2026, 9, 30), window_days=90), now=CREATED)
    [result] = goal_progress.progress(db, [_spec(r) for r in goals.list_goals(db)],
                                      panel.end_of_day(date(2026, 6, 10), 0), utc_offset=0)
    # In the 90 days to 2026-06-10 A bought twice and D once: repurchase rate 1/2.
    assert result.current == pytest.approx(50.0)
    assert result.progress == pytest.approx((50 - 20) / (70 - 20))
    assert result.expected == pytest.approx(70 / 182)  # 70 of the 182 days from creation to deadline
    assert result.status == "on_track"


def test_progress_of_a_goal_that_goes_down(db) -> None:
    build_shop(db)
    goals.create(db, GoalInput("churn_rate", 80, 40, date(2026, 6, 20), window_days=90), now=CREATED)
    [result] = goal_progress.progress(db, [_spec(r) for r in goals.list_goals(db)],
                                      panel.end_of_day(date(2026, 6, 10), 0), utc_offset=0)
    assert result.current == pytest.approx(50.0)  # C churned of A, C
    assert result.progress == pytest.approx(0.75)
    assert result.status == "behind"  # 70 of 80 days have gone


def test_no_data_missed_and_achieved(db) -> None:
    build_shop(db)
    as_of = panel.end_of_day(date(2026, 6, 10), 0)
    for data in (GoalInput("average_clv", 100, 200, date(2026, 9, 30)),  # no year of history: no data
                 GoalInput("nps", 20, 50, date(2026, 5, 1)),  # NPS 0: deadline passed
                 GoalInput("active_customers", 1, 2, date(2026, 9, 30))):  # 2 active already
        goals.create(db, data, now=CREATED)
    statuses = {r.goal.metric: r.status for r in goal_progress.progress(
        db, [_spec(r) for r in goals.list_goals(db)], as_of, utc_offset=0)}
    assert statuses == {"average_clv": "no_data", "nps": "missed", "active_customers": "achieved"}


def test_every_metric_can_be_measured(db) -> None:
    build_shop(db)
    ctx = panel.context(db, panel.end_of_day(date(2026, 6, 10), 0), utc_offset=0)
    from solocrm.analytics.metrics import Window

    window = Window(panel.local_seconds(date(2026, 4, 1)), ctx.at)
    for metric in goal_progress.METRICS:
        value = goal_progress.measure(ctx, metric, window, 100_000)
        assert value is None or isinstance(value, float)
