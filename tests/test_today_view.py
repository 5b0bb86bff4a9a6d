"""The Today page, the task dialog and reminders, driven as a user would."""

from datetime import timedelta

import pytest
from sqlalchemy import update
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton, QWidget

from solocrm.db.models import Customer
from solocrm.services import customers, tasks
from solocrm.services.changes import Changes
from solocrm.services.customers import CustomerInput
from solocrm.services.tasks import TaskInput
from solocrm.ui.reminders import ReminderService
from solocrm.ui.task_dialog import TaskDialog
from solocrm.ui.today_view import TodayView

from .conftest import FIXED_NOW

# Chosen so each lands in the same section whatever the test machine's time zone.
OVERDUE = FIXED_NOW - timedelta(days=3)
DUE_NOW = FIXED_NOW
NEXT_WEEK = FIXED_NOW + timedelta(days=3)


def _lines(view: QWidget) -> list[str]:
    """The page's visible text, line by line from top to bottom, as it appears on screen."""
    page = view.stack.currentWidget()
    found = []
    for widget in page.findChildren(QWidget):
        if isinstance(widget, (QLabel, QPushButton)) and widget.isVisibleTo(view) and widget.text():
            top_left = widget.mapTo(view, QPoint(0, 0))
            found.append((top_left.y() + widget.height() // 2, top_left.x(), widget.text()))
    lines: list[list[tuple[int, int, str]]] = []
    for centre, x, text in sorted(found):
        if lines and abs(lines[-1][0][0] - centre) <= 6:
            lines[-1].append((centre, x, text))
        else:
            lines.append([(centre, x, text)])
    return [" ".join(text for _, _, text in sorted(line, key=lambda part: part[1])) for line in lines]


def _row_with(view: TodayView, title: str):
    [row] = [r for r in view.rows() if r.title_label.text() == title]
    return row


@pytest.fixture
def view(qtbot, ctx):
    widget = TodayView(ctx)
    qtbot.addWidget(widget)
    widget.resize(720, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _customer(ctx, name, **kw):
    """A customer added before FIXED_NOW (the real clock may be later than the test's)."""
    cid, _ = customers.create(ctx.db, CustomerInput(name=name, **kw))
    with ctx.db.session() as s:
        s.execute(update(Customer).where(Customer.id == cid).values(created_at=FIXED_NOW - timedelta(days=60)))
    return cid


def _add(ctx, title, due, **kw):
    task_id, changes = tasks.create(ctx.db, TaskInput(title=title, due_at=due, **kw))
    ctx.bus.publish(changes)  # as another view or the reminder service would
    return task_id


def test_empty_day_invites_to_add_a_task(view, qtbot):
    assert _lines(view)[0] == "Nothing due today. Enjoy your day."
    qtbot.mouseClick(view.empty_new_button, Qt.MouseButton.LeftButton)
    [dialog] = view.findChildren(TaskDialog)
    assert dialog.isVisible()


def test_due_tasks_show_under_overdue_today_and_next_days(ctx, view):
    cid, _ = customers.create(ctx.db, CustomerInput(name="王芳"))
    _add(ctx, "发报价单", OVERDUE, customer_id=cid)
    _add(ctx, "回电话", DUE_NOW)
    _add(ctx, "Order flour", NEXT_WEEK, recurrence="weekly")
    lines = _lines(view)
    overdue, today, upcoming = (lines.index(h) for h in ("Overdue 1", "Today 1", "Next 7 days 1"))
    assert overdue < today < upcoming
    assert lines[overdue + 1].endswith("发报价单 王芳")
    assert lines[today + 1].endswith("回电话")
    assert lines[upcoming + 1].endswith("Order flour ↻")
    assert "Nothing due today. Enjoy your day." not in lines


def test_export_saves_the_tasks_shown_with_their_section_and_due_time(ctx, view, qtbot, monkeypatch, tmp_path):
    import csv

    from PySide6.QtWidgets import QFileDialog

    from solocrm.ui.task_dialog import to_local

    cid, _ = customers.create(ctx.db, CustomerInput(name="王芳"))
    _add(ctx, "发报价单", OVERDUE, customer_id=cid, notes="含运费")
    _add(ctx, "Order flour", NEXT_WEEK, recurrence="weekly")
    target = tmp_path / "tasks.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), "CSV UTF-8 (*.csv)"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [
        ["Section", "Due", "Task", "Customer", "Repeats", "Notes"],
        ["Overdue", to_local(OVERDUE).strftime("%Y-%m-%d %H:%M"), "发报价单", "王芳", "Once", "含运费"],
        ["Next 7 days", to_local(NEXT_WEEK).strftime("%Y-%m-%d %H:%M"), "Order flour", "", "Every week", ""],
    ]


def test_completing_with_the_checkbox_removes_the_task_and_undo_brings_it_back(ctx, view, qtbot):
    _add(ctx, "回电话", DUE_NOW)
    offered = []
    view.undoable.connect(lambda text, undo: offered.append((text, undo)))

    qtbot.mouseClick(_row_with(view, "回电话").checkbox, Qt.MouseButton.LeftButton)
    assert not any("回电话" in line for line in _lines(view))
    assert view.undo_bar.isVisible() and view.undo_label.text() == "Done: 回电话"
    assert [text for text, _ in offered] == ["Undo completing “回电话”"]

    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert any(line.endswith("回电话") for line in _lines(view))
    assert not view.undo_bar.isVisible()
    assert offered[0][1]() == Changes()  # the window's undo stack coming second changes nothing
    assert [r.title_label.text() for r in view.rows()] == ["回电话"]


def test_completing_a_repeating_task_shows_the_next_one_and_undo_removes_it(ctx, view, qtbot):
    _add(ctx, "Order flour", DUE_NOW, recurrence="daily")
    qtbot.mouseClick(_row_with(view, "Order flour").checkbox, Qt.MouseButton.LeftButton)
    [row] = view.rows()
    assert row.item.due_at == DUE_NOW + timedelta(days=1)
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert [r.item.due_at for r in view.rows()] == [DUE_NOW]


def test_delete_key_removes_the_focused_task_and_the_offered_undo_restores_it(ctx, view, qtbot):
    _add(ctx, "keep me", OVERDUE)
    _add(ctx, "delete me", DUE_NOW)
    offered = []
    view.undoable.connect(lambda text, undo: offered.append((text, undo)))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)

    qtbot.mouseClick(_row_with(view, "delete me"), Qt.MouseButton.LeftButton)
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Delete)
    assert [r.title_label.text() for r in view.rows()] == ["keep me"]
    assert view.current_task() is view.rows()[0]  # the keyboard stays in the list

    [(text, undo)] = offered
    assert text == "Undo deleting “delete me”"
    ctx.bus.publish(undo())  # what the window's Ctrl+Z does, on its write thread
    assert [r.title_label.text() for r in view.rows()] == ["keep me", "delete me"]


def test_clicking_the_customer_name_asks_to_open_the_customer(ctx, view, qtbot):
    cid, _ = customers.create(ctx.db, CustomerInput(name="李明"))
    _add(ctx, "确认试吃时间", DUE_NOW, customer_id=cid)
    row = _row_with(view, "确认试吃时间")
    with qtbot.waitSignal(view.open_customer) as opened:
        qtbot.mouseClick(row.customer_button, Qt.MouseButton.LeftButton)
    assert opened.args == [cid]


def test_stay_in_touch_tasks_show_their_customer(ctx, view):
    cid = _customer(ctx, "张三")
    tasks.set_cadence(ctx.db, 7, customer_id=cid)
    ctx.bus.publish(tasks.apply_cadences(ctx.db, FIXED_NOW))
    import re

    from solocrm.ui.formatting import to_local

    [line] = [line for line in _lines(view) if line.endswith("Stay in touch 张三")]
    due = to_local(_row_with(view, "Stay in touch").item.due_at)
    assert due.strftime("%m-%d") in line and not re.search(r"\d\d:\d\d", line)  # a day, not a contact's hour


def test_new_task_for_a_customer_picked_by_pinyin(ctx, view, qtbot):
    cid, _ = customers.create(ctx.db, CustomerInput(name="张三", company="好味道烘焙"))
    customers.create(ctx.db, CustomerInput(name="李四"))
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    [dialog] = view.findChildren(TaskDialog)
    qtbot.waitExposed(dialog)

    qtbot.keyClicks(dialog.title_edit, "Send cake samples")
    qtbot.keyClicks(dialog.customer_edit, "zhang")
    popup = dialog.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.customer_edit.text() == "张三"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    [row] = view.rows()
    assert (row.item.title, row.item.customer_id) == ("Send cake samples", cid)
    assert _lines(view)[:3] == ["Today", "Nothing else due today.", "Next 7 days 1"]  # due tomorrow 09:00


def test_dialog_marks_what_is_missing_and_saves_nothing(ctx, view, qtbot):
    dialog = TaskDialog(ctx, parent=view)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.customer_edit, "nobody")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.error_label.text().splitlines() == [
        "A task needs a title.", "Pick the customer from the suggestions, or leave the field empty."]
    assert tasks.today(ctx.db, FIXED_NOW).is_empty


def test_double_click_edits_the_task(ctx, view, qtbot):
    _add(ctx, "回电话", DUE_NOW)
    qtbot.mouseDClick(_row_with(view, "回电话"), Qt.MouseButton.LeftButton)
    [dialog] = view.findChildren(TaskDialog)
    assert dialog.title_edit.text() == "回电话"
    qtbot.keyClicks(dialog.title_edit, " about the address")
    dialog.recurrence_combo.setCurrentIndex(dialog.recurrence_combo.findData("monthly"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    [row] = view.rows()
    assert (row.title_label.text(), row.item.recurrence, row.item.due_at) == ("回电话 about the address", "monthly", DUE_NOW)


# --- reminders ---------------------------------------------------------------------------


def test_a_due_task_is_announced_exactly_once(ctx, qtbot):
    _add(ctx, "回电话", DUE_NOW)
    _add(ctx, "not yet", FIXED_NOW + timedelta(minutes=5))
    service = ReminderService(ctx, None, check_interval_ms=20)
    heard = []
    service.notify.connect(lambda title, message: heard.append((title, message)))
    service.start()
    qtbot.wait(200)  # several more checks
    service.stop()
    assert len(heard) == 1
    title, message = heard[0]
    assert title == "Follow-up due" and message.endswith("回电话")


def test_many_due_tasks_make_one_summary(ctx, qtbot):
    for i in range(5):
        _add(ctx, f"task {i}", OVERDUE + timedelta(minutes=i))
    service = ReminderService(ctx)
    with qtbot.waitSignal(service.notify) as heard:
        service.check_now()
    title, message = heard.args
    assert title == "Follow-ups due: 5"
    assert message.splitlines()[-1] == "and 2 more"


def test_start_applies_cadences_and_the_today_page_hears_it(ctx, view, qtbot):
    cid = _customer(ctx, "张三")
    tasks.set_cadence(ctx.db, 30, customer_id=cid)
    service = ReminderService(ctx, None, view)
    service.start()
    service.stop()
    assert [r.item.customer_id for r in view.rows()] == [cid]


def test_tray_shows_the_message_when_one_is_available(ctx, monkeypatch):
    from PySide6.QtWidgets import QSystemTrayIcon

    shown = []

    class Tray:
        def isVisible(self):
            return True

        def showMessage(self, title, message, icon, msecs):
            shown.append(title)

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "supportsMessages", staticmethod(lambda: True))
    _add(ctx, "回电话", DUE_NOW)
    service = ReminderService(ctx, Tray())
    heard = []
    service.notify.connect(lambda *args: heard.append(args))
    service.check_now()
    assert shown == ["Follow-up due"] and heard == []
