"""Typing a date into the app's date fields: every common form is taken, nothing typed is dropped in silence."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolButton

from solocrm.services import customer_rows, customers
from solocrm.services.customers import CustomerInput
from solocrm.ui.customer_dialog import CustomerDialog
from tests.conftest import type_text


def _save(qtbot, dialog: CustomerDialog) -> None:  # noqa: ANN001
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _new_customer(qtbot, ctx) -> CustomerDialog:  # noqa: ANN001
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # leaving a field by Tab needs the focus a user's window has
    type_text(qtbot, dialog.name, "王芳")
    return dialog


@pytest.mark.parametrize("typed", ["1988-05-20", "1988/5/20", "19880520", "1988年5月20日", "1988.5.20"])
def test_a_birthday_typed_in_any_common_form_is_saved(qtbot, ctx, typed: str) -> None:  # noqa: ANN001
    dialog = _new_customer(qtbot, ctx)
    type_text(qtbot, dialog.birthday.edit, typed)
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert customers.load_input(ctx.db, dialog.saved_id).birthday == date(1988, 5, 20)


def test_leaving_the_field_shows_the_date_as_read(qtbot, ctx) -> None:  # noqa: ANN001
    dialog = _new_customer(qtbot, ctx)
    dialog.birthday.edit.setFocus()
    type_text(qtbot, dialog.birthday.edit, "1988年5月20日")
    qtbot.keyClick(dialog.birthday.edit, Qt.Key.Key_Tab)
    assert dialog.birthday.edit.text() == "1988-05-20" and dialog.birthday.error.isHidden()


@pytest.mark.parametrize(("typed", "said"), [("1988-13-45", "“1988-13-45” is not a real date"),
                                              ("19880", "“19880” is not a date (write it like 2024-01-05)"),
                                              ("生日", "“生日” is not a date")])
def test_a_birthday_that_is_not_a_date_is_named_and_nothing_is_saved(qtbot, ctx, typed: str, said: str) -> None:  # noqa: ANN001
    dialog = _new_customer(qtbot, ctx)
    dialog.birthday.edit.setFocus()
    type_text(qtbot, dialog.birthday.edit, typed)
    qtbot.keyClick(dialog.birthday.edit, Qt.Key.Key_Tab)
    assert dialog.birthday.error.isVisible() and said in dialog.birthday.error.text()  # said on leaving the field
    _save(qtbot, dialog)
    assert dialog.isVisible() and said in dialog.birthday.error.text()
    assert customer_rows.count(ctx.db) == 0
    assert dialog.birthday.edit.text() == typed  # what was typed is still there to correct

    dialog.birthday.edit.clear()
    type_text(qtbot, dialog.birthday.edit, "1988-05-20")
    assert dialog.birthday.error.isHidden()
    _save(qtbot, dialog)
    assert customers.load_input(ctx.db, dialog.saved_id).birthday == date(1988, 5, 20)


def test_clearing_a_birthday_saves_it_as_not_set(qtbot, ctx) -> None:  # noqa: ANN001
    cid, _ = customers.create(ctx.db, CustomerInput(name="李四", birthday=date(1990, 1, 5)))
    dialog = CustomerDialog(ctx, customer_id=cid)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.birthday.edit.text() == "1990-01-05"
    clear = next(button for button in dialog.birthday.edit.findChildren(QToolButton) if button.isVisible())
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)  # the clear button inside the field
    assert dialog.birthday.edit.text() == "" and dialog.birthday.edit.placeholderText() == "Not set"
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert customers.load_input(ctx.db, cid).birthday is None


def test_an_empty_birthdays_calendar_opens_thirty_years_back_and_picks_a_day(qtbot, ctx) -> None:  # noqa: ANN001
    dialog = _new_customer(qtbot, ctx)  # the clock says 2026-06-15
    qtbot.mouseClick(dialog.birthday.button, Qt.MouseButton.LeftButton)
    calendar = dialog.birthday.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (1996, 6)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    assert dialog.birthday.edit.text() == "1996-06-15"

    dialog.birthday.setDate(date(1988, 5, 20))
    qtbot.mouseClick(dialog.birthday.button, Qt.MouseButton.LeftButton)
    assert (calendar.yearShown(), calendar.monthShown()) == (1988, 5)  # a filled field opens at its date


def _active(qtbot, dialog):  # noqa: ANN001, ANN202
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_task_due_date_typed_as_chinese_is_saved_and_one_that_is_not_a_date_is_refused(qtbot, ctx) -> None:  # noqa: ANN001
    from solocrm.services import tasks
    from solocrm.ui.formatting import to_local
    from solocrm.ui.task_dialog import TaskDialog

    dialog = _active(qtbot, TaskDialog(ctx))
    type_text(qtbot, dialog.title_edit, "回电话")
    qtbot.mouseClick(dialog.due.day.button, Qt.MouseButton.LeftButton)
    calendar = dialog.due.day.calendar
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 6)  # tomorrow's month, where the due date is
    dialog.due.day.popup.close()
    dialog.due.day.edit.clear()
    type_text(qtbot, dialog.due.day.edit, "2026/7/32")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "“2026/7/32” is not a real date" in dialog.due.day.error.text()
    assert tasks.today(ctx.db, ctx.clock()).is_empty

    saved: list[int] = []
    dialog.saved.connect(saved.append)
    dialog.due.day.edit.clear()
    type_text(qtbot, dialog.due.day.edit, "2026年7月3日")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert to_local(tasks.get(ctx.db, saved[0]).due_at) == datetime(2026, 7, 3, 9, 0)  # the day typed, 09:00


def test_an_order_date_that_is_not_a_date_is_said_once_under_it_and_nothing_is_saved(qtbot, ctx) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from solocrm.db.models import Order
    from solocrm.ui.record_dialogs import OrderDialog

    def ordered() -> list:
        with ctx.db.session() as session:
            return session.execute(select(Order.ordered_at)).all()

    cid, _ = customers.create(ctx.db, CustomerInput(name="张三"))
    dialog = _active(qtbot, OrderDialog(ctx, cid))
    qtbot.keyClicks(dialog.amount, "88")
    dialog.ordered_at.day.edit.clear()
    type_text(qtbot, dialog.ordered_at.day.edit, "6月1日")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["ordered_at"].text() == "“6月1日” is not a date (write it like 2024-01-05)"
    assert dialog.errors["ordered_at"] is dialog.ordered_at.day.error  # one error line under the date
    assert ordered() == []

    dialog.ordered_at.day.edit.clear()
    type_text(qtbot, dialog.ordered_at.day.edit, "20260601")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [(moment,)] = ordered()
    assert moment.date() == date(2026, 6, 1)
