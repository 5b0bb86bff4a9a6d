"""The order, interaction and survey dialogs, driven as a user would: type, pick, Save or Enter."""

from __future__ import annotations

import os
import time
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from sqlalchemy import select

from solocrm.db.models import Customer, Interaction, Order, SurveyResponse
from solocrm.services import customers, orders
from solocrm.services.customers import CustomerInput
from solocrm.services.orders import OrderInput
from solocrm.ui.record_dialogs import InteractionDialog, OrderDialog, SurveyDialog
from tests.conftest import FIXED_NOW, type_text

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # Notes from the offscreen platform (window size hints; the product suggestions popping up while
    # typing cannot be raised or grab the keyboard) say nothing about our code.
    pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise",
                              "does not support grabbing the keyboard"),
]


@pytest.fixture
def cid(db):
    customer_id, _ = customers.create(db, CustomerInput(name="张三", preferred_channel="phone"))
    return customer_id


@pytest.fixture
def published(ctx):
    seen = []
    ctx.bus.changed.connect(lambda changes, source: seen.append((changes, source)))
    return seen


@pytest.fixture
def shanghai_time():
    """The machine's clock set to UTC+8, as for most users."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def _open(qtbot, dialog):
    """Shown and active, as when the user has it in front of them (keyboard shortcuts need that)."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _save_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Save)


def _rows(db, *columns):
    with db.session() as s:
        return s.execute(select(*columns)).all()


def _customer(db, customer_id):
    with db.session() as s:
        c = s.get(Customer, customer_id)
        return c.order_count, c.total_spent_minor, c.stage, c.last_contact_at


def _type_amount(qtbot, dialog, text):
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, text)


# ---- orders -------------------------------------------------------------------------------------

def test_typed_order_is_saved_and_updates_the_customer(qtbot, ctx, db, cid, published):
    other, _ = customers.create(db, CustomerInput(name="李四"))
    orders.add_order(db, other, OrderInput(datetime(2026, 6, 1), 5000, product="生日蛋糕", channel="门店"),
                     now=FIXED_NOW)
    dialog = _open(qtbot, OrderDialog(ctx, cid))
    assert dialog.windowTitle() == "New order for 张三"
    assert dialog.focusWidget() is dialog.amount  # the first thing to type
    assert dialog.product.findText("生日蛋糕") >= 0  # what was sold before is offered
    assert (dialog.currency.currentText(), dialog.status.currentData()) == ("CNY", "paid")

    _type_amount(qtbot, dialog, "1,280.50")
    dialog.product.setFocus()
    type_text(qtbot, dialog.product.lineEdit(), "生日蛋糕")
    dialog.quantity.lineEdit().selectAll()
    qtbot.keyClicks(dialog.quantity, "2")
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = _rows(db, Order.customer_id, Order.amount_minor, Order.currency, Order.product, Order.quantity,
                  Order.status, Order.ordered_at, Order.channel)
    assert (cid, 128050, "CNY", "生日蛋糕", 2, "paid", FIXED_NOW, "门店") in saved
    assert _customer(db, cid)[:3] == (1, 128050, "new")
    (changes, source), = published
    assert cid in changes.customer_ids and changes.orders and source is dialog
    assert dialog.saved_id is not None


def test_invalid_amount_is_marked_inline_and_nothing_is_saved(qtbot, ctx, db, cid, published):
    dialog = _open(qtbot, OrderDialog(ctx, cid))
    _type_amount(qtbot, dialog, "12.345")
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    error = dialog.errors["amount"]
    assert error.isVisible() and "2 decimal places" in error.text()
    assert dialog.focusWidget() is dialog.amount
    assert _rows(db, Order.id) == [] and published == []
    assert _customer(db, cid)[:3] == (0, 0, "prospect")

    _type_amount(qtbot, dialog, "12.34")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)  # Enter saves
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _rows(db, Order.amount_minor) == [(1234,)]


def test_every_problem_is_shown_at_once(qtbot, ctx, db, cid):
    dialog = _open(qtbot, OrderDialog(ctx, cid))
    dialog.ordered_at.setValue(datetime(2027, 1, 1, 10, 0))
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert dialog.errors["amount"].text() == "Enter an amount."
    assert "future" in dialog.errors["ordered_at"].text()
    assert not dialog.errors["product"].isVisible()
    assert _rows(db, Order.id) == []


def test_repeated_order_number_is_marked_on_its_field(qtbot, ctx, db, cid):
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1), 5000, order_no="TB-9"), now=FIXED_NOW)
    dialog = _open(qtbot, OrderDialog(ctx, cid))
    _type_amount(qtbot, dialog, "50")
    qtbot.keyClicks(dialog.order_no, "TB-9")
    qtbot.keyClick(dialog.order_no, Qt.Key.Key_Return)
    assert dialog.isVisible() and "already recorded" in dialog.errors["order_no"].text()
    assert _save_button(dialog).isEnabled()  # the user can correct it and try again
    assert len(_rows(db, Order.id)) == 1


def test_editing_an_order_shows_it_and_a_refund_leaves_the_spend(qtbot, ctx, db, cid):
    oid, _ = orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1, 10), 128050, product="花束", quantity=3),
                              now=FIXED_NOW)
    dialog = _open(qtbot, OrderDialog(ctx, cid, oid))
    assert dialog.windowTitle() == "Edit order for 张三"
    assert (dialog.amount.text(), dialog.product.currentText(), dialog.quantity.value()) == ("1,280.50", "花束", 3)
    dialog.status.setCurrentIndex(dialog.status.findData("refunded"))
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert _rows(db, Order.id, Order.status, Order.ordered_at) == [(oid, "refunded", datetime(2026, 6, 1, 10))]
    assert _customer(db, cid)[:3] == (0, 0, "prospect")


def test_times_are_shown_and_typed_in_local_time(qtbot, ctx, db, cid, shanghai_time):
    dialog = _open(qtbot, OrderDialog(ctx, cid))
    assert (dialog.ordered_at.day.edit.text(), dialog.ordered_at.time.text()) == ("2026-06-15", "17:00")  # 09:00 UTC
    dialog.ordered_at.setValue(datetime(2026, 6, 14, 20, 30))
    _type_amount(qtbot, dialog, "99")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    assert _rows(db, Order.ordered_at) == [(datetime(2026, 6, 14, 12, 30),)]


# ---- interactions -------------------------------------------------------------------------------

def test_interaction_needs_a_summary_then_ctrl_enter_saves(qtbot, ctx, db, cid, published):
    dialog = _open(qtbot, InteractionDialog(ctx, cid))
    assert dialog.channel.currentData() == "phone"  # the customer's preferred channel
    assert dialog.focusWidget() is dialog.summary
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and dialog.errors["summary"].isVisible()
    assert _rows(db, Interaction.id) == []

    type_text(qtbot, dialog.summary, "问新品价格")
    qtbot.mouseClick(dialog.incoming, Qt.MouseButton.LeftButton)
    type_text(qtbot, dialog.outcome, "周六到店")
    qtbot.keyClick(dialog.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _rows(db, Interaction.channel, Interaction.direction, Interaction.summary, Interaction.outcome,
                 Interaction.occurred_at) == [("phone", "in", "问新品价格", "周六到店", FIXED_NOW)]
    assert _customer(db, cid)[3] == FIXED_NOW
    assert published[0][0].interactions


# ---- surveys ------------------------------------------------------------------------------------

def test_nps_10_about_an_order_is_saved(qtbot, ctx, db, cid, published):
    oid, _ = orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1), 128050, product="生日蛋糕"), now=FIXED_NOW)
    dialog = _open(qtbot, SurveyDialog(ctx, cid))
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.errors["score"].text() == "Choose a score."
    assert _rows(db, SurveyResponse.id) == []

    qtbot.mouseClick(dialog.nps_choice, Qt.MouseButton.LeftButton)
    assert dialog.nps.isVisible() and not dialog.csat.isVisible()
    qtbot.mouseClick(dialog.nps.group.button(10), Qt.MouseButton.LeftButton)
    assert dialog.nps.caption.text() == "10: promoter"
    type_text(qtbot, dialog.comment, "蛋糕很好吃")
    dialog.order.setCurrentIndex(dialog.order.findData(oid))
    assert "生日蛋糕" in dialog.order.currentText() and "¥1,280.50" in dialog.order.currentText()
    qtbot.mouseClick(_save_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert _rows(db, SurveyResponse.kind, SurveyResponse.score, SurveyResponse.comment, SurveyResponse.order_id,
                 SurveyResponse.responded_at) == [("nps", 10, "蛋糕很好吃", oid, FIXED_NOW)]
    assert published[-1][0].surveys


def test_csat_is_picked_with_the_keyboard_and_shown_again_when_edited(qtbot, ctx, db, cid):
    dialog = _open(qtbot, SurveyDialog(ctx, cid))
    first = dialog.csat.first_button()
    assert dialog.focusWidget() is first and "Very dissatisfied" in first.text()
    for _ in range(3):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Right)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Space)
    assert dialog.csat.value() == 4
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter saves, it does not press the score
    assert _rows(db, SurveyResponse.kind, SurveyResponse.score) == [("csat", 4)]

    (sid,), = _rows(db, SurveyResponse.id)
    edit = _open(qtbot, SurveyDialog(ctx, cid, sid))
    assert edit.csat_choice.isChecked() and edit.csat.value() == 4


def test_the_customer_page_exports_exactly_this_customers_orders(qtbot, ctx, db, cid, monkeypatch, tmp_path,
                                                                  shanghai_time):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from solocrm.services import interactions
    from solocrm.services.interactions import InteractionInput
    from solocrm.ui.customer_page import CustomerPage

    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 1, 2, 30), 128050, product="生日蛋糕（8寸）", quantity=2,
                                         channel="wechat", order_no="A-001"), now=FIXED_NOW)
    orders.add_order(db, cid, OrderInput(datetime(2026, 6, 3), 3000, product="可颂", status="refunded"),
                     now=FIXED_NOW)
    other, _ = customers.create(db, CustomerInput(name="李四"))
    orders.add_order(db, other, OrderInput(datetime(2026, 6, 2), 999), now=FIXED_NOW)
    interactions.add_interaction(db, cid, InteractionInput(datetime(2026, 6, 4), "phone", summary="问了价格"),
                                 now=FIXED_NOW)
    page = CustomerPage(ctx, cid)
    qtbot.addWidget(page)
    target = tmp_path / "orders.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "Excel (*.xlsx)"))
    page.export_orders_action.trigger()
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows == [
        ("Date", "Product or service", "Quantity", "Amount", "Currency", "Channel", "Status", "Order number"),
        (datetime(2026, 6, 3, 8, 0), "可颂", 1, 30, "CNY", None, "Refunded", None),
        (datetime(2026, 6, 1, 10, 30), "生日蛋糕（8寸）", 2, 1280.5, "CNY", "WeChat", "Paid", "A-001"),
    ]


def test_order_texts_take_no_more_than_the_service_saves_and_a_long_paste_is_refused(qtbot, ctx, cid):
    from PySide6.QtWidgets import QApplication

    dialog = _open(qtbot, OrderDialog(ctx, cid))
    product = dialog.product.lineEdit()
    limit = orders.TEXT_LIMITS["product"]
    product.setFocus()
    QApplication.clipboard().setText("蛋糕" * limit)
    qtbot.keyClick(product, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert product.text() == ""  # refused whole, not cut
    assert dialog.errors["product"].isVisible() and "200 characters" in dialog.errors["product"].text()
    product.setText("蛋" * (limit - 1))
    qtbot.keyClicks(product, "xy")
    assert product.text() == "蛋" * (limit - 1) + "x"
    dialog.order_no.setFocus()
    qtbot.keyClicks(dialog.order_no, "7" * 81)
    assert dialog.order_no.text() == "7" * 80 and "80 characters" in dialog.errors["order_no"].text()


def test_task_title_takes_no_more_than_the_service_saves(qtbot, ctx):
    from PySide6.QtWidgets import QApplication

    from solocrm.services import tasks
    from solocrm.ui.task_dialog import TaskDialog

    dialog = _open(qtbot, TaskDialog(ctx))
    dialog.title_edit.setFocus()
    QApplication.clipboard().setText("回" * (tasks.TITLE_MAX + 1))
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.title_edit.text() == ""
    assert dialog.error_label.isVisible() and "300 characters" in dialog.error_label.text()
