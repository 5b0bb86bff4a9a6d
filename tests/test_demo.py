"""The demo generator: reproducible, internally consistent, and searchable like real data."""

from __future__ import annotations

from datetime import date, timedelta

import phonenumbers
import pytest
from sqlalchemy import case, func, select, text

from solocrm.db.database import Database
from solocrm.db.models import (
    Base,
    Customer,
    CustomerEmail,
    CustomerPhone,
    Interaction,
    Order,
    SurveyResponse,
    Tag,
    Task,
    customer_tag,
)
from solocrm.errors import UserError
from solocrm.services import contact_values, customers, demo, lifecycle, search, tasks
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery, customer_ids_statement
from tests.conftest import FIXED_NOW

N = 300


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    """One generated database shared by the read-only checks (generation is the slow part)."""
    database = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    steps: list[tuple[int, int]] = []
    summary = demo.generate(database, N, seed=7, progress=lambda done, total: steps.append((done, total)),
                            now=FIXED_NOW)
    yield database, summary, steps
    database.close()


def _all_rows(db: Database) -> dict[str, list[tuple]]:
    with db.engine.connect() as conn:
        return {
            table.name: [tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables
        }


def _schema(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.execute(text(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('index', 'trigger', 'table') "
            "ORDER BY type, name")).all()


def _find(db: Database, query: str) -> list[int]:
    with db.session() as s:
        return list(s.scalars(customer_ids_statement(CustomerQuery(text=query))))


def test_same_seed_gives_the_same_database_and_another_seed_does_not(tmp_path, demo_db):
    db, _, _ = demo_db
    again = Database.open(tmp_path / "again.sqlite3")
    other = Database.open(tmp_path / "other.sqlite3")
    try:
        demo.generate(again, N, seed=7, now=FIXED_NOW)
        demo.generate(other, N, seed=8, now=FIXED_NOW)
        assert _all_rows(again) == _all_rows(db)
        assert _all_rows(other)["customer"] != _all_rows(db)["customer"]
    finally:
        again.close()
        other.close()


def test_summary_counts_and_progress(demo_db):
    db, summary, steps = demo_db
    with db.session() as s:
        assert summary.customers == N == s.scalar(select(func.count()).select_from(Customer))
        assert summary.orders == s.scalar(select(func.count()).select_from(Order))
        assert summary.interactions == s.scalar(select(func.count()).select_from(Interaction))
        assert summary.surveys == s.scalar(select(func.count()).select_from(SurveyResponse))
        assert summary.tasks == s.scalar(select(func.count()).select_from(Task))
    assert 5 * N < summary.orders < 20 * N
    assert steps[-1] == (N, N)
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)


def test_every_customer_has_a_valid_mobile_and_most_have_chinese_names(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        phones = s.execute(select(CustomerPhone.customer_id, CustomerPhone.number)).all()
        people = s.scalars(select(Customer.name).where(Customer.kind == "person")).all()
        emails = s.scalars(select(CustomerEmail.address)).all()
    assert {cid for cid, _ in phones} == set(range(1, N + 1))
    for _, number in phones:
        parsed = phonenumbers.parse(number, None)
        assert phonenumbers.is_valid_number(parsed), number
        assert number == contact_values.normalise_phone(number) and number.startswith("+861")
    owners: dict[str, set[str]] = {}
    with db.session() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
    for cid, number in phones:
        owners.setdefault(number, set()).add(names[cid])
    assert all(len(people) == 1 for people in owners.values())  # shared only by one person's two records
    assert all(2 <= len(name) <= 4 and search.pinyin_keys(name) for name in people)
    assert all(contact_values.normalise_email(e) == e for e in emails)


def test_demo_customers_share_a_phone_or_email_only_with_their_own_second_record(db):
    """The Duplicates page reads a shared phone or email as one person: the demo's are the people it enters twice."""
    from solocrm.importing import dedupe

    demo.generate(db, 3000, seed=7, now=FIXED_NOW)  # big enough for namesakes to be given alike contacts
    groups = dedupe.find_groups(db)
    strong = [g for g in groups if g.reason in ("same phone", "same email")]
    assert strong and all(len(g.customer_ids) == 2 and len(set(g.names)) == 1 for g in strong)
    with db.session() as s:
        cities = dict(s.execute(select(Customer.id, Customer.city)).all())
        companies = s.scalars(select(Customer.name).where(Customer.kind == "organization")).all()
    assert all(len({cities[i] for i in g.customer_ids}) == 1 for g in strong)
    assert companies and len(set(companies)) == len(companies)
    assert any(g.namesakes for g in groups)  # and namesakes in one city, each with a phone of their own


def test_orders_lie_in_the_two_years_before_now(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        first, last = s.execute(select(func.min(Order.ordered_at), func.max(Order.ordered_at))).one()
        refunded = s.scalar(select(func.avg(case((Order.status == "refunded", 1.0), else_=0.0))))
        assert s.scalar(select(func.min(Order.amount_minor))) > 0
        assert set(s.scalars(select(Order.status).distinct())) == {"paid", "refunded"}
    assert FIXED_NOW - timedelta(days=730) < first and last <= FIXED_NOW
    assert last > FIXED_NOW - timedelta(days=7)
    assert 0.005 < refunded < 0.08


def test_cached_figures_match_paid_orders_and_stages_match_lifecycle(demo_db):
    db, _, _ = demo_db
    paid = (select(Order.customer_id, func.count().label("n"), func.sum(Order.amount_minor).label("spent"),
                   func.min(Order.ordered_at).label("first"), func.max(Order.ordered_at).label("last"))
            .where(Order.status == "paid").group_by(Order.customer_id).subquery())
    with db.session() as s:
        rows = s.execute(
            select(Customer.order_count, func.coalesce(paid.c.n, 0), Customer.total_spent_minor,
                   func.coalesce(paid.c.spent, 0), Customer.first_order_at, paid.c.first,
                   Customer.last_order_at, paid.c.last)
            .outerjoin(paid, paid.c.customer_id == Customer.id)).all()
        for row in rows:
            assert (row[0], row[2], row[4], row[6]) == (row[1], row[3], row[5], row[7])
        contact = select(Interaction.customer_id, func.max(Interaction.occurred_at).label("at")) \
            .group_by(Interaction.customer_id).subquery()
        mismatched = s.scalar(select(func.count()).select_from(Customer)
                              .outerjoin(contact, contact.c.customer_id == Customer.id)
                              .where(Customer.last_contact_at.is_not(contact.c.at)))
        assert mismatched == 0
        before = s.execute(select(Customer.id, Customer.stage).order_by(Customer.id)).all()
        assert lifecycle.refresh(s, 180, as_of=FIXED_NOW) == 0
        s.flush()
        assert s.execute(select(Customer.id, Customer.stage).order_by(Customer.id)).all() == before
        stages = dict(s.execute(select(Customer.stage, func.count()).group_by(Customer.stage)).all())
    assert set(stages) == set(lifecycle.STAGES)  # a believable mix: every stage occurs
    assert stages["churned"] > N // 10 and stages["new"] > N // 20


def test_search_text_is_what_the_customer_service_would_store(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        for customer in s.scalars(select(Customer).where(Customer.id % 7 == 0)):
            assert customer.search_text == customers._search_text(customer)


def test_generated_customers_are_found_by_name_pinyin_initials_and_phone_digits(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        cid, name, number = s.execute(
            select(Customer.id, Customer.name, CustomerPhone.number)
            .join(CustomerPhone, CustomerPhone.customer_id == Customer.id)
            .where(Customer.kind == "person", Customer.archived.is_(False))
            .order_by(Customer.id).limit(1)).one()
    initials = search.pinyin_keys(name).split(" ")[1]
    full = search.pinyin_keys(name).split(" ")[0]
    for query in (name, name[:2], initials, full, number[-8:], number[3:10], number[3:]):
        assert cid in _find(db, query), query


def test_search_index_and_schema_are_as_the_migrations_made_them(tmp_path, demo_db):
    db, _, _ = demo_db
    fresh = Database.open(tmp_path / "fresh.sqlite3")
    try:
        assert _schema(db) == _schema(fresh)
    finally:
        fresh.close()
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO customer_fts(customer_fts, rank) VALUES ('integrity-check', 1)")
    # the triggers still feed the index for customers added afterwards
    cid, _ = customers.create(db, CustomerInput(name="测试龙猫", phones=["13900009999"]))
    assert _find(db, "测试龙") == [cid]
    customers.delete_customer(db, cid)


def test_surveys_scores_are_in_range_and_comments_follow_scores(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        answers = s.execute(select(SurveyResponse.kind, SurveyResponse.score, SurveyResponse.comment,
                                   SurveyResponse.order_id, SurveyResponse.customer_id)).all()
        owners = dict(s.execute(select(Order.id, Order.customer_id)).all())
    assert {kind for kind, *_ in answers} == {"csat", "nps"}
    assert all(1 <= score <= 5 for kind, score, *_ in answers if kind == "csat")
    assert all(0 <= score <= 10 for kind, score, *_ in answers if kind == "nps")
    assert all(owners[order_id] == cid for *_, order_id, cid in answers)
    good = [score for kind, score, comment, *_ in answers if kind == "csat" and comment in demo.COMMENTS_GOOD]
    bad = [score for kind, score, comment, *_ in answers if kind == "csat" and comment in demo.COMMENTS_BAD]
    assert good and bad and sum(good) / len(good) > sum(bad) / len(bad)


def test_tasks_cover_every_state_and_cadences_need_no_catch_up(demo_db):
    db, _, _ = demo_db
    today = tasks.today(db, FIXED_NOW, demo.BUSINESS_TZ)
    assert today.overdue_count and today.today_count and today.upcoming_count
    with db.session() as s:
        done = s.scalar(select(func.count()).select_from(Task).where(Task.done_at.is_not(None)))
        recurrences = set(s.scalars(select(Task.recurrence).distinct()))
    assert done > 0 and {"weekly", "monthly"} <= recurrences
    assert tasks.apply_cadences(db, FIXED_NOW).customer_ids == frozenset()


def test_tags_and_referrals_exist(demo_db):
    db, _, _ = demo_db
    with db.session() as s:
        tag_counts = dict(s.execute(select(Tag.name, func.count()).join(customer_tag).group_by(Tag.name)).all())
        referrals = s.execute(select(Customer.id, Customer.referred_by_id)
                              .where(Customer.referred_by_id.is_not(None))).all()
    assert {"VIP", "老客", "企业客户"} <= set(tag_counts)
    assert referrals and all(ref < cid for cid, ref in referrals)


def test_refuses_a_database_that_already_has_customers(db):
    customers.create(db, CustomerInput(name="张三", phones=["13812345678"]))
    with pytest.raises(UserError, match="already has customers"):
        demo.generate(db, 10, now=FIXED_NOW)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
        assert s.scalar(select(func.count()).select_from(Order)) == 0


def test_demo_data_after_deleted_customers_takes_none_of_their_ids(db, tmp_path):
    # A batch of imported customers, all deleted again: undoing that batch must not reach the demo's customers.
    from solocrm.importing import batches, mapping
    from solocrm.importing.engine import ImportOptions, run_import
    from solocrm.importing.sources import open_source

    path = tmp_path / "three.csv"
    path.write_text("姓名,手机\n张伟,13800000001\n李娜,13800000002\n王芳,13800000003\n", encoding="utf-8")
    source = open_source(path)
    report = run_import(db, source, ImportOptions("customers", mapping.guess("customers", source.headers, [])),
                        now=FIXED_NOW)
    for cid in sorted(report.customer_ids):
        customers.delete_customer(db, cid)
    demo.generate(db, 10, now=FIXED_NOW)
    with db.session() as s:
        assert s.scalar(select(func.min(Customer.id))) > max(report.customer_ids)

    batches.undo_batch(db, report.batch_id, now=FIXED_NOW)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 10


def test_festivals_and_weekends_sell_more():
    ordinary_monday = date(2025, 3, 10)
    assert demo._day_weight(date(2025, 11, 11)) > 2 * demo._day_weight(ordinary_monday)
    assert demo._day_weight(date(2025, 9, 30)) > 2 * demo._day_weight(ordinary_monday)  # before 中秋 (10-06)
    assert demo._day_weight(date(2025, 3, 15)) > demo._day_weight(ordinary_monday)  # a Saturday


def test_fills_a_database_whose_customers_were_deleted_reusing_its_tags(db):
    cid, _ = customers.create(db, CustomerInput(name="张三", tags=["VIP"], custom={"过敏原": "坚果"}))
    customers.delete_customer(db, cid)
    summary = demo.generate(db, 20, now=FIXED_NOW)
    assert summary.customers == 20
    assert set(customers.tag_names(db)) == set(demo.TAG_NAMES)
    assert customers.custom_field_names(db) == ["过敏原", "口味偏好"]
    with pytest.raises(UserError, match="at least 1"):
        demo.generate(db, 0, now=FIXED_NOW)
