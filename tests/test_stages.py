"""Stored lifecycle stages follow time and settings, with no write in between.

The list, its stage filter and exports read the stage stored on the customer;
the customer page computes it live.  These tests move an injected clock and
check that the stored stage, the list, the export and the history agree.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from solocrm import settings
from solocrm.db.database import Database
from solocrm.db.models import Customer, utcnow
from solocrm.errors import ValidationError
from solocrm.exporting import exports
from solocrm.services import customer_rows, customers, demo, lifecycle, orders, surveys, timeline
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.services.search import CustomerQuery
from solocrm.services.surveys import SurveyInput

ORDERED = datetime(2026, 1, 10, 15, 30)
SRC = str(Path(__file__).resolve().parent.parent / "src")


@pytest.fixture
def cid(db: Database) -> int:
    """A customer whose only order is at ORDERED: "new" then."""
    customer_id, _ = customers.create(db, CustomerInput(name="王芳"))
    orders.add_order(db, customer_id, OrderInput(ORDERED, 12800), now=ORDERED)
    return customer_id


def _stored_stage(db: Database, customer_id: int) -> str:
    with db.session() as session:
        return session.scalar(select(Customer.stage).where(Customer.id == customer_id))


def _listed_as(db: Database, stage: str) -> list[int]:
    return customer_rows.find_ids(db, CustomerQuery(stages=(stage,)))


def _exported_stage(db: Database, tmp_path: Path) -> str:
    path = tmp_path / "customers.csv"
    exports.export_customers(db, path, "csv")
    with path.open(encoding="utf-8-sig") as fh:
        (row,) = csv.DictReader(fh)
    return row["Stage"]


def _stage_history(db: Database, customer_id: int) -> list[tuple[str, str, int | None]]:
    page = timeline.load(db, customer_id)
    return [(i.fields["old"], i.fields["new"], i.fields.get("days_without_order"))
            for i in reversed(page.items) if i.kind == "stage"]


def test_a_customer_turns_churned_at_churn_days_plus_one_in_list_export_and_history(db, cid, tmp_path):
    churn_days = settings.get(db, "churn_days")
    lifecycle.update_stages(db, ORDERED + timedelta(days=churn_days, hours=23))
    assert _stored_stage(db, cid) == "new"
    assert _listed_as(db, "churned") == []

    lifecycle.update_stages(db, ORDERED + timedelta(days=churn_days + 1))
    assert _stored_stage(db, cid) == "churned"
    assert _listed_as(db, "churned") == [cid] and _listed_as(db, "new") == []
    assert _exported_stage(db, tmp_path) == "churned"
    assert _stage_history(db, cid) == [("prospect", "new", None), ("new", "churned", churn_days + 1)]
    # The customer page, computed live, says the same.
    assert timeline.load(db, cid, now=ORDERED + timedelta(days=churn_days + 1)).figures.stage == "churned"

    lifecycle.update_stages(db, ORDERED + timedelta(days=churn_days + 2))  # nothing more to say
    assert len(_stage_history(db, cid)) == 2


def test_changing_churn_days_restages_at_once_both_ways(db, cid):
    at = ORDERED + timedelta(days=40)
    lifecycle.update_stages(db, at)
    assert _stored_stage(db, cid) == "new"

    assert settings.save(db, {"churn_days": 30}, now=at) == 1
    assert _listed_as(db, "churned") == [cid]
    assert settings.save(db, {"churn_days": 60}, now=at) == 1
    assert _listed_as(db, "new") == [cid]
    assert [h[:2] for h in _stage_history(db, cid)] == [("prospect", "new"), ("new", "churned"), ("churned", "new")]
    assert settings.save(db, {"default_cadence_days": 14}, now=at) == 0


def test_settings_refuse_what_the_page_cannot_hold(db):
    with pytest.raises(ValidationError, match="between 1 and 3650"):
        settings.save(db, {"churn_days": 0})
    with pytest.raises(ValidationError, match="one of: CNY"):
        settings.save(db, {"currency": "XYZ"})
    with pytest.raises(ValidationError, match="PNG"):
        settings.save(db, {"business_logo": "bm90IGEgcGljdHVyZQ=="})
    assert settings.get(db, "churn_days") == 180


def test_restage_agrees_with_the_rule_and_a_full_recount_as_time_passes(db):
    """The fast restage (cached figures) stages every customer as stage_of does from their orders."""
    now = datetime(2026, 6, 15, 9, 0)
    demo.generate(db, customers=300, seed=3, now=now)
    surveys.add_survey(db, 1, SurveyInput(now, "nps", 10), now=now)
    for days in (1, 2, 31, 40, 62, 95, 200, 201, 400, 90):  # day by day, by leaps, then back: a clock set right
        at = now + timedelta(days=days)
        lifecycle.update_stages(db, at)
        with db.session() as session:
            stored = dict(session.execute(select(Customer.id, Customer.stage)).all())
            assert lifecycle.refresh(session, settings.stored(session, "churn_days"), as_of=at) == 0
        assert stored == {cid: timeline.load(db, cid, now=at).figures.stage for cid in stored}


def test_the_list_counts_each_stage_as_the_analytics_page_does_as_time_passes(db):
    from solocrm.analytics import panel

    now = datetime(2026, 6, 15, 9, 0)
    demo.generate(db, customers=300, seed=3, now=now)
    for days in (1, 95, 200):
        at = now + timedelta(days=days)
        lifecycle.update_stages(db, at)
        listed = {stage: len(customer_rows.find_ids(db, CustomerQuery(stages=(stage,), include_archived=True)))
                  for stage in lifecycle.STAGES}
        analysed = panel.compute(db, panel.Query(at, date(2026, 1, 1), at.date(), utc_offset=0)).lifecycle
        assert listed == dict(analysed)
    assert listed["churned"] > 200  # 200 days on, nearly everyone who ever ordered


def test_an_order_dated_minutes_ahead_counts_once_its_time_comes(db):
    """A clock a few minutes behind the till's: the order is taken, but counts from its own time on."""
    customer_id, _ = customers.create(db, CustomerInput(name="赵敏"))
    lifecycle.update_stages(db, ORDERED - timedelta(minutes=10))
    orders.add_order(db, customer_id, OrderInput(ORDERED, 9900), now=ORDERED - timedelta(minutes=4))
    assert _stored_stage(db, customer_id) == "prospect"
    lifecycle.update_stages(db, ORDERED + timedelta(minutes=1))
    assert _stored_stage(db, customer_id) == "new"
    assert _listed_as(db, "new") == [customer_id]


def test_a_refresh_of_many_customers_names_them_in_few_statements(db):
    """An import refreshes 20,000 customers at once; SQLite allows 32,766 parameters in one statement."""
    ids = [customers.create(db, CustomerInput(name=f"客户{i}"))[0] for i in range(3)]
    with db.session() as session:
        assert lifecycle.refresh(session, 180, ids + list(range(10_000, 40_000))) == 0


# ---- the command line ---------------------------------------------------------------------------


def _solocrm(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "solocrm", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_settings_command_lists_gets_sets_and_restages(db_path, tmp_path):
    db = Database.open(db_path)
    now = utcnow()
    customer_id, _ = customers.create(db, CustomerInput(name="李雷"))
    orders.add_order(db, customer_id, OrderInput(now - timedelta(days=40), 5000), now=now - timedelta(days=40))
    db.close()

    listed = _solocrm("settings", "list", "--db", str(db_path))
    assert listed.returncode == 0
    assert any(line.split() == ["churn_days", "180"] for line in listed.stdout.splitlines())

    changed = _solocrm("settings", "set", "churn_days", "30", "--db", str(db_path))
    assert changed.returncode == 0, changed.stderr
    assert "churn_days = 30" in changed.stdout and "1 customers moved" in changed.stdout
    assert _solocrm("settings", "get", "churn_days", "--db", str(db_path)).stdout == "30\n"
    out = tmp_path / "out.csv"
    assert _solocrm("export", "customers", "--format", "csv", "--out", str(out), "--db", str(db_path)).returncode == 0
    with out.open(encoding="utf-8-sig") as fh:
        assert [row["Stage"] for row in csv.DictReader(fh)] == ["churned"]

    refused = _solocrm("settings", "set", "churn_days", "0", "--db", str(db_path))
    assert refused.returncode == 1 and "between 1 and 3650" in refused.stderr and "Traceback" not in refused.stderr
    unknown = _solocrm("settings", "get", "churn", "--db", str(db_path))
    assert unknown.returncode == 1 and "settings list" in unknown.stderr
    assert _solocrm("settings", "get", "churn_days", "--db", str(db_path)).stdout == "30\n"


def test_every_command_sees_stages_as_of_today(db_path, tmp_path):
    """The stage was stored as "new" 200 days ago; an export today, with no write since, says churned."""
    db = Database.open(db_path)
    then = utcnow() - timedelta(days=200)
    customer_id, _ = customers.create(db, CustomerInput(name="韩梅梅"))
    orders.add_order(db, customer_id, OrderInput(then, 5000), now=then)
    db.close()
    out = tmp_path / "out.csv"
    done = _solocrm("export", "customers", "--format", "csv", "--out", str(out), "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    with out.open(encoding="utf-8-sig") as fh:
        assert [row["Stage"] for row in csv.DictReader(fh)] == ["churned"]


# ---- the app ------------------------------------------------------------------------------------


def _shown_ids(view) -> list[int]:  # noqa: ANN001 - CustomerListView
    return [view.model.id_at(row) for row in range(view.model.rowCount())]


def _filter_stage(view, stage: str) -> None:  # noqa: ANN001 - CustomerListView
    view.stage_filter.setCurrentIndex(view.stage_filter.findData(stage))


def test_the_open_list_shows_a_customer_churning_at_the_local_midnight(qtbot, ctx, cid):
    from solocrm.ui.customer_list import CustomerListView
    from solocrm.ui.stage_keeper import MAX_TIMER, StageKeeper, local_now

    churn_days = settings.get(ctx.db, "churn_days")
    # An hour before the customer has gone churn days + 1 without an order; then the next local midnight.
    opened = ORDERED + timedelta(days=churn_days + 1, hours=-1)
    midnight = datetime.combine(local_now(opened).date() + timedelta(days=1), time(0, 1)).astimezone()
    clock = [opened]
    ctx.clock = lambda: clock[0]
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    keeper = StageKeeper(ctx, view)
    keeper.start()
    _filter_stage(view, "churned")
    assert _shown_ids(view) == []
    assert keeper.midnight.isActive()  # never longer than MAX_TIMER, so a sleep cannot stretch it far
    assert keeper.midnight.remainingTime() <= (MAX_TIMER + timedelta(minutes=1)).total_seconds() * 1000

    clock[0] = midnight.astimezone(UTC).replace(tzinfo=None)  # what the midnight timer or the date check finds
    with qtbot.waitSignal(ctx.bus.changed):
        keeper.check()
    assert _shown_ids(view) == [cid]
    assert _stage_history(ctx.db, cid)[-1][:2] == ("new", "churned")
    keeper.check()  # the same day again: nothing runs, nothing is written twice
    assert len(_stage_history(ctx.db, cid)) == 2
    keeper.stop()


def test_saving_churn_days_in_settings_restages_the_list_at_once(qtbot, ctx, cid, tmp_path):
    from solocrm.ui.customer_list import CustomerListView
    from solocrm.ui.settings_page import SettingsPage

    ctx.clock = lambda: ORDERED + timedelta(days=40)
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    _filter_stage(view, "churned")
    assert _shown_ids(view) == []
    page = SettingsPage(ctx, tmp_path / "data")
    qtbot.addWidget(page)
    page.editors["churn_days"].setValue(30)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert _shown_ids(view) == [cid]


def test_a_restage_undone_with_its_unit_of_work_leaves_the_next_one_working(db, cid):
    at = ORDERED + timedelta(days=365)
    with pytest.raises(RuntimeError), db.session() as session:
        lifecycle.restage(session, 180, as_of=at)
        raise RuntimeError("the unit of work fails after the restage")
    assert _stored_stage(db, cid) == "new"
    assert lifecycle.update_stages(db, at) == 1
    assert _stored_stage(db, cid) == "churned"
