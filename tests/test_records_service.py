"""Orders, interactions and survey answers: what is saved, what is refused, and what follows from it."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from solocrm import settings
from solocrm.db.models import Customer, Interaction, Order, SurveyResponse
from solocrm.errors import NotFound, ValidationError
from solocrm.services import customers, interactions, money, orders, surveys
from solocrm.services.customers import CustomerInput
from solocrm.services.interactions import InteractionInput
from solocrm.services.orders import OrderInput
from solocrm.services.surveys import SurveyInput

NOW = datetime(2026, 6, 15, 9, 0)


@pytest.fixture
def cid(db):
    customer_id, _ = customers.create(db, CustomerInput(name="张三"))
    return customer_id


def _customer(db, customer_id):
    with db.session() as s:
        c = s.get(Customer, customer_id)
        return c.stage, c.order_count, c.total_spent_minor, c.last_order_at, c.last_contact_at


def _count(db, model):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _order(at, amount=10000, **kw):
    return OrderInput(ordered_at=at, amount_minor=amount, **kw)


# ---- money -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, minor", [
    ("1280", 128000), ("1,280.50", 128050), ("¥1280.5", 128050), ("￥1,280.05", 128005),
    ("  88 ", 8800), ("0.5", 50), ("１２８０元", 128000), ("CNY 99.9", 9990), ("HK$1,000,000", 100000000),
])
def test_parse_amount_reads_what_people_type(text, minor):
    assert money.parse_amount(text) == minor


@pytest.mark.parametrize("text, fragment", [
    ("", "Enter an amount"), ("-5", "negative"), ("¥-5", "negative"), ("1.234", "2 decimal"),
    ("1,28", "not an amount"), ("12 80", "not an amount"), ("abc", "not an amount"), ("1e3", "not an amount"),
    ("99999999999999999", "too large"),
])
def test_parse_amount_refuses_what_it_would_have_to_guess(text, fragment):
    with pytest.raises(ValidationError) as info:
        money.parse_amount(text)
    assert fragment in info.value.message
    assert info.value.field == "amount"


def test_format_amount_groups_thousands_with_the_currency_sign():
    assert money.format_amount(128050) == "¥1,280.50"
    assert money.format_amount(5, "USD") == "$0.05"
    assert money.format_amount(-123456789, "HKD") == "-HK$1,234,567.89"
    assert money.format_amount(100, "JPY") == "JPY 1.00"
    assert money.format_plain(100000) == "1,000.00"


@given(st.integers(min_value=0, max_value=money.MAX_MINOR),
       st.sampled_from([*money.SYMBOLS, "JPY"]))
def test_format_then_parse_gives_back_the_same_minor_units(minor, currency):
    assert money.parse_amount(money.format_amount(minor, currency)) == minor
    assert money.parse_amount(money.format_plain(minor)) == minor


# ---- orders -------------------------------------------------------------------------------------

def test_order_is_stored_field_by_field_and_updated(db, cid):
    data = OrderInput(ordered_at=datetime(2026, 6, 1, 10, 30), amount_minor=128050, currency="cny",
                      product=" 生日蛋糕 ", quantity=2, channel="门店", status="paid", order_no=" A-001 ")
    oid, changes = orders.add_order(db, cid, data, now=NOW)
    assert changes.customer_ids == {cid} and changes.orders and changes.customers
    assert orders.load_order(db, oid) == OrderInput(datetime(2026, 6, 1, 10, 30), 128050, "CNY", "生日蛋糕", 2,
                                                    "门店", "paid", "A-001")
    edited = OrderInput(datetime(2026, 6, 2, 8, 0), 9900, "CNY", None, 1, "淘宝", "refunded", None)
    changes = orders.update_order(db, oid, edited, now=NOW)
    assert changes.customer_ids == {cid}
    assert orders.load_order(db, oid) == edited


@pytest.mark.parametrize("change, field", [
    (dict(amount_minor=-100), "amount"),
    (dict(quantity=0), "quantity"),
    (dict(status="lost"), "status"),
    (dict(currency="¥"), "currency"),
    (dict(currency="人民币"), "currency"),
    (dict(channel="门店" * 21), "channel"),
    (dict(ordered_at=NOW + timedelta(days=1)), "ordered_at"),
])
def test_invalid_order_names_the_field_and_saves_nothing(db, cid, change, field):
    data = OrderInput(ordered_at=datetime(2026, 6, 1), amount_minor=1000)
    for key, value in change.items():
        setattr(data, key, value)
    with pytest.raises(ValidationError) as info:
        orders.add_order(db, cid, data, now=NOW)
    assert info.value.field == field
    assert _count(db, Order) == 0
    assert _customer(db, cid)[:3] == ("prospect", 0, 0)


def test_check_lists_every_problem_at_once():
    _, errors = orders.check(OrderInput(NOW + timedelta(days=2), -1, quantity=0), now=NOW)
    assert {e.field for e in errors} == {"ordered_at", "amount", "quantity"}


def test_same_order_number_twice_is_refused(db, cid):
    orders.add_order(db, cid, _order(datetime(2026, 6, 1), order_no="TB-1"), now=NOW)
    with pytest.raises(ValidationError) as info:
        orders.add_order(db, cid, _order(datetime(2026, 6, 2), order_no="TB-1"), now=NOW)
    assert info.value.field == "order_no"
    other, _ = orders.add_order(db, cid, _order(datetime(2026, 6, 2), order_no="TB-2"), now=NOW)
    orders.update_order(db, other, _order(datetime(2026, 6, 3), order_no="TB-2"), now=NOW)  # its own number
    assert _count(db, Order) == 2


def test_order_for_a_missing_customer_is_not_found(db):
    with pytest.raises(NotFound):
        orders.add_order(db, 999, _order(datetime(2026, 6, 1)), now=NOW)


def test_refund_is_not_counted_as_spend(db, cid):
    orders.add_order(db, cid, _order(datetime(2026, 6, 1), 50000), now=NOW)
    refund_id, _ = orders.add_order(db, cid, _order(datetime(2026, 6, 5), 30000, status="refunded"), now=NOW)
    assert _customer(db, cid)[1:4] == (1, 50000, datetime(2026, 6, 1))
    orders.update_order(db, refund_id, _order(datetime(2026, 6, 5), 30000, status="paid"), now=NOW)
    assert _customer(db, cid)[1:4] == (2, 80000, datetime(2026, 6, 5))


def test_stage_follows_orders_from_prospect_to_churned(db, cid):
    assert _customer(db, cid)[0] == "prospect"
    orders.add_order(db, cid, _order(datetime(2026, 1, 10)), now=datetime(2026, 1, 10, 12))
    assert _customer(db, cid)[0] == "new"
    orders.add_order(db, cid, _order(datetime(2026, 2, 1)), now=datetime(2026, 2, 1, 12))
    assert _customer(db, cid)[0] == "repeat"
    # A refund more than churn_days after the last paid order buys nothing: the customer has churned.
    orders.add_order(db, cid, _order(datetime(2026, 9, 1), status="refunded"), now=datetime(2026, 9, 1, 12))
    assert _customer(db, cid)[0] == "churned"
    settings.save(db, {"churn_days": 365})
    orders.add_order(db, cid, _order(datetime(2026, 9, 2), status="refunded"), now=datetime(2026, 9, 2, 12))
    assert _customer(db, cid)[0] == "repeat"


def test_delete_order_then_undo_restores_figures_and_survey_link(db, cid):
    oid, _ = orders.add_order(db, cid, _order(datetime(2026, 6, 1), 25000, product="花束"), now=NOW)
    sid, _ = surveys.add_survey(db, cid, SurveyInput(datetime(2026, 6, 2), "csat", 5, order_id=oid), now=NOW)
    deleted, changes = orders.delete_order(db, oid, now=NOW)
    assert changes.customer_ids == {cid} and changes.orders
    assert _customer(db, cid)[:3] == ("prospect", 0, 0)
    assert surveys.load_survey(db, sid).order_id is None
    orders.restore_order(db, deleted, now=NOW)
    assert orders.load_order(db, oid).product == "花束"
    assert _customer(db, cid)[:3] == ("new", 1, 25000)
    assert surveys.load_survey(db, sid).order_id == oid
    with pytest.raises(NotFound):
        orders.delete_order(db, 999, now=NOW)


def test_undo_still_works_when_a_newer_order_took_the_id(db, cid):
    oid, _ = orders.add_order(db, cid, _order(datetime(2026, 6, 1), 10000), now=NOW)
    deleted, _ = orders.delete_order(db, oid, now=NOW)
    orders.add_order(db, cid, _order(datetime(2026, 6, 2), 20000), now=NOW)
    orders.restore_order(db, deleted, now=NOW)
    assert _customer(db, cid)[1:3] == (2, 30000)


def test_order_form_defaults_to_now_paid_and_the_usual_currency_and_channel(db, cid):
    settings.save(db, {"currency": "HKD"})
    other, _ = customers.create(db, CustomerInput(name="李四"))
    orders.add_order(db, cid, _order(datetime(2026, 5, 1), channel="门店", product="蛋糕"), now=NOW)
    orders.add_order(db, other, _order(datetime(2026, 5, 2), channel="美团", product="面包"), now=NOW)
    form = orders.order_form(db, cid, now=datetime(2026, 6, 15, 9, 41, 27))
    assert form.customer_name == "张三"
    assert form.data == OrderInput(datetime(2026, 6, 15, 9, 41), 0, "HKD", channel="门店")
    assert form.channels == ("门店", "美团")  # this customer's own channel first
    assert form.products == ("面包", "蛋糕")  # most recently sold first
    assert orders.order_form(db, other, now=NOW).data.channel == "美团"


# ---- interactions -------------------------------------------------------------------------------

def test_interaction_is_stored_and_sets_last_contact(db, cid):
    data = InteractionInput(datetime(2026, 6, 1, 15, 0), "phone", "in", " 问新品价格 ", " 周六到店 ")
    iid, changes = interactions.add_interaction(db, cid, data, now=NOW)
    assert changes.customer_ids == {cid} and changes.interactions
    assert interactions.load_interaction(db, iid) == InteractionInput(datetime(2026, 6, 1, 15, 0), "phone", "in",
                                                                      "问新品价格", "周六到店")
    assert _customer(db, cid)[4] == datetime(2026, 6, 1, 15, 0)
    edited = InteractionInput(datetime(2026, 6, 3, 10, 0), "meeting", "out", "送样品", None)
    interactions.update_interaction(db, iid, edited, now=NOW)
    assert interactions.load_interaction(db, iid) == edited
    assert _customer(db, cid)[4] == datetime(2026, 6, 3, 10, 0)


def test_last_contact_is_the_latest_interaction_through_delete_and_undo(db, cid):
    first, _ = interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 6, 5), "wechat", summary="b"),
                                            now=NOW)
    older, _ = interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 5, 1), "wechat", summary="a"),
                                            now=NOW)
    assert _customer(db, cid)[4] == datetime(2026, 6, 5)  # an older entry does not move it back
    newest, _ = interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 6, 10), "email", summary="c"),
                                             now=NOW)
    row, _ = interactions.delete_interaction(db, newest)
    assert _customer(db, cid)[4] == datetime(2026, 6, 5)
    interactions.restore_interaction(db, row)
    assert _customer(db, cid)[4] == datetime(2026, 6, 10)
    assert interactions.load_interaction(db, newest).summary == "c"
    for iid in (first, older, newest):
        interactions.delete_interaction(db, iid)
    assert _customer(db, cid)[4] is None


@pytest.mark.parametrize("data, field", [
    (InteractionInput(datetime(2026, 6, 1), "phone", summary="   "), "summary"),
    (InteractionInput(datetime(2026, 6, 1), "fax", summary="x"), "channel"),
    (InteractionInput(datetime(2026, 6, 1), "phone", "sideways", summary="x"), "direction"),
    (InteractionInput(NOW + timedelta(hours=2), "phone", summary="x"), "occurred_at"),
])
def test_invalid_interaction_names_the_field_and_saves_nothing(db, cid, data, field):
    with pytest.raises(ValidationError) as info:
        interactions.add_interaction(db, cid, data, now=NOW)
    assert info.value.field == field
    assert _count(db, Interaction) == 0
    assert _customer(db, cid)[4] is None


def test_interaction_form_uses_the_last_channel_else_the_preferred_one(db):
    cid, _ = customers.create(db, CustomerInput(name="王五", preferred_channel="email"))
    form = interactions.interaction_form(db, cid, now=NOW)
    assert (form.customer_name, form.data) == ("王五", InteractionInput(NOW, "email", "out", "", None))
    interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 6, 1), "douyin", summary="x"), now=NOW)
    assert interactions.interaction_form(db, cid, now=NOW).data.channel == "douyin"


# ---- surveys ------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, score, ok", [
    ("csat", 1, True), ("csat", 5, True), ("csat", 0, False), ("csat", 6, False), ("csat", None, False),
    ("nps", 0, True), ("nps", 10, True), ("nps", 11, False), ("nps", -1, False), ("ces", 3, False),
])
def test_survey_scores_are_checked_against_their_scale(db, cid, kind, score, ok):
    data = SurveyInput(datetime(2026, 6, 1), kind, score, "  物流慢  ")
    if ok:
        sid, changes = surveys.add_survey(db, cid, data, now=NOW)
        assert changes.surveys and changes.customer_ids == {cid}
        assert surveys.load_survey(db, sid) == SurveyInput(datetime(2026, 6, 1), kind, score, "物流慢")
    else:
        with pytest.raises(ValidationError) as info:
            surveys.add_survey(db, cid, data, now=NOW)
        assert info.value.field == ("kind" if kind == "ces" else "score")
        assert _count(db, SurveyResponse) == 0


def test_survey_cannot_point_at_another_customers_order(db, cid):
    other, _ = customers.create(db, CustomerInput(name="李四"))
    their_order, _ = orders.add_order(db, other, _order(datetime(2026, 6, 1)), now=NOW)
    with pytest.raises(ValidationError) as info:
        surveys.add_survey(db, cid, SurveyInput(datetime(2026, 6, 2), "csat", 4, order_id=their_order), now=NOW)
    assert info.value.field == "order_id"


def test_promoter_answer_makes_a_frequent_buyer_loyal_and_undo_reverts(db, cid):
    for month in (2, 3, 4, 5):
        orders.add_order(db, cid, _order(datetime(2026, month, 1), 5000), now=NOW)
    assert _customer(db, cid)[0] == "repeat"
    sid, changes = surveys.add_survey(db, cid, SurveyInput(datetime(2026, 6, 1), "nps", 10), now=NOW)
    assert changes.customers  # the stage changed, so stage-filtered lists must reload
    assert _customer(db, cid)[0] == "loyal"
    surveys.update_survey(db, sid, SurveyInput(datetime(2026, 6, 1), "nps", 6), now=NOW)
    assert _customer(db, cid)[0] == "repeat"
    surveys.update_survey(db, sid, SurveyInput(datetime(2026, 6, 1), "nps", 9), now=NOW)
    row, _ = surveys.delete_survey(db, sid, now=NOW)
    assert _customer(db, cid)[0] == "repeat"
    surveys.restore_survey(db, row, now=NOW)
    assert _customer(db, cid)[0] == "loyal"
    assert surveys.load_survey(db, sid).score == 9


def test_survey_form_lists_the_customers_orders_newest_first(db, cid):
    first, _ = orders.add_order(db, cid, _order(datetime(2026, 5, 1), product="A"), now=NOW)
    second, _ = orders.add_order(db, cid, _order(datetime(2026, 6, 1), product="B"), now=NOW)
    form = surveys.survey_form(db, cid, now=NOW)
    assert [o.id for o in form.orders] == [second, first]
    assert form.data == SurveyInput(NOW)
