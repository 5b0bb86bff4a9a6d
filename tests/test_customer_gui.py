"""The everyday loop through real widgets: add a customer, find them, edit, delete and undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from solocrm.db.database import Database
from tests.conftest import type_text
from solocrm.services import customers
from solocrm.services.customers import CustomerInput
from solocrm.ui.customer_dialog import CustomerDialog
from solocrm.ui.customer_list import CustomerListView


def _save(qtbot, dialog: CustomerDialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _shown_names(view: CustomerListView) -> list[str]:
    model = view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def _search(qtbot, view: CustomerListView, text: str) -> list[str]:
    view.search.clear()
    type_text(qtbot, view.search, text)
    qtbot.waitUntil(lambda: not view._debounce.isActive())
    return _shown_names(view)


def test_create_through_dialog_then_find_by_chinese_pinyin_and_phone(qtbot, ctx):
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "张三丰")
    type_text(qtbot, dialog.company, "武当山茶叶店")
    type_text(qtbot, dialog.phones, "138-1234-5678")
    type_text(qtbot, dialog.tags, "VIP，老客")
    _save(qtbot, dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _search(qtbot, view, "三丰") == ["张三丰"]
    assert _search(qtbot, view, "zsf") == ["张三丰"]
    assert _search(qtbot, view, "zhangsan") == ["张三丰"]
    assert _search(qtbot, view, "12345") == ["张三丰"]
    assert _search(qtbot, view, "茶叶") == ["张三丰"]
    assert _search(qtbot, view, "李") == []
    assert "No customer matches" in view.empty.text()
    saved = customers.load_input(ctx.db, dialog.saved_id)
    assert saved.tags == ["VIP", "老客"]


def test_an_empty_list_says_whether_the_file_is_empty_or_the_filters_hide_everyone(qtbot, ctx):
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    assert view.stack.currentWidget() is view.empty
    assert "No customers yet" in view.empty.text() and "Import" in view.empty.text()

    customers.create(ctx.db, CustomerInput(name="李四", city="杭州"))
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    assert _shown_names(view) == ["李四"]
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("churned"))
    assert _shown_names(view) == []
    assert view.empty.text() == "No customers match these filters."


def test_the_history_shows_changed_choices_as_the_form_names_them(qtbot, ctx):
    from solocrm.services import timeline
    from solocrm.ui.customer_page import CustomerPage

    cid, _ = customers.create(ctx.db, CustomerInput(name="李四", gender="female"))
    data = customers.load_input(ctx.db, cid)
    data.gender, data.consent_marketing = "male", True
    customers.update_customer(ctx.db, cid, data)
    page = CustomerPage(ctx, cid)
    qtbot.addWidget(page)
    changes = [page.describe(item) for item in timeline.load(ctx.db, cid).items if item.kind == "change"]
    assert ("Gender changed", "Female → Male") in changes  # not "female → male"
    assert ("Marketing consent changed", "No → Yes") in changes


def test_invalid_phone_and_email_are_shown_inline_and_nothing_is_saved(qtbot, ctx):
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "王五")
    type_text(qtbot, dialog.phones, "12")
    type_text(qtbot, dialog.emails, "wangwu@")
    _save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.errors["phones"].isVisible() and "12" in dialog.errors["phones"].text()
    assert dialog.errors["emails"].isVisible()
    from solocrm.services import customer_rows

    assert customer_rows.count(ctx.db) == 0
    dialog.phones.clear()
    type_text(qtbot, dialog.phones, "13912345678")
    dialog.emails.clear()
    type_text(qtbot, dialog.emails, "wangwu@example.com")
    _save(qtbot, dialog)
    assert not dialog.isVisible()
    assert customer_rows.count(ctx.db) == 1


def test_edit_is_kept_after_reopening_the_database(qtbot, ctx, db_path):
    cid, _ = customers.create(ctx.db, CustomerInput(name="李四", city="上海"))
    dialog = CustomerDialog(ctx, customer_id=cid)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "李四"
    dialog.city.clear()
    type_text(qtbot, dialog.city, "杭州")
    _save(qtbot, dialog)
    ctx.db.close()
    reopened = Database.open(db_path)
    try:
        assert customers.load_input(reopened, cid).city == "杭州"
    finally:
        reopened.close()
        ctx.db = Database.open(db_path)


def test_list_sorts_filters_and_pages_many_customers(qtbot, ctx):
    for i in range(450):
        customers.create(ctx.db, CustomerInput(name=f"客户{i:03d}", city="北京" if i % 3 else "上海",
                                               tags=["批发"] if i % 10 == 0 else []))
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 450
    assert model.data(model.index(449, 0)) == "客户449"  # beyond the first page
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "客户449"
    view.city_filter.setCurrentIndex(view.city_filter.findData("上海"))
    assert model.rowCount() == 150
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("批发"))
    assert model.rowCount() == 15  # multiples of 30 among 0..449
    assert "15" in view.count_label.text()


def test_a_large_list_shows_its_first_page_at_once_and_the_rest_arrives(qtbot, db):
    """The first load answers from a LIMIT query, so the window comes up fast; the full order follows."""
    from solocrm.services.customer_finder import CustomerFinder
    from solocrm.services.search import CustomerQuery
    from solocrm.ui.bus import ChangeBus
    from solocrm.ui.context import AppContext
    from solocrm.ui.customer_list import PAGE_SIZE
    from solocrm.ui.operations import OperationRunner
    from tests.backup_support import add_customers

    add_customers(db.path, PAGE_SIZE * 2 + 17, prefix="客户")
    archived, _ = customers.create(db, CustomerInput(name="阿宝"))
    customers.set_archived(db, archived, True)  # not in the default list
    ctx = AppContext(db=db, bus=ChangeBus(), runner=OperationRunner())  # real threads
    view = CustomerListView(ctx)
    qtbot.addWidget(view)
    everyone = CustomerFinder(db).find(CustomerQuery())
    model = view.model
    assert model.rowCount() == len(everyone) == PAGE_SIZE * 2 + 17
    assert view.count_label.text().startswith(f"{len(everyone)} customer")
    assert model.ids == everyone[:PAGE_SIZE]  # the rest arrives through the event loop
    assert model.id_at(PAGE_SIZE) is None and model.data(model.index(PAGE_SIZE, 0)) == ""
    assert model.data(model.index(0, 0)) == "客户0"
    qtbot.waitUntil(lambda: model.ids == everyone, timeout=5000)
    assert model.data(model.index(len(everyone) - 1, 0)) == db_name_of(db, everyone[-1])
    assert _search(qtbot, view, "客户41") == ["客户41", "客户410", "客户411", "客户412", "客户413", "客户414",
                                               "客户415", "客户416"]
    ctx.runner.wait()


def db_name_of(db: Database, customer_id: int) -> str:
    return customers.load_input(db, customer_id).name


def test_the_name_field_takes_no_more_than_the_service_saves(qtbot, ctx):
    from PySide6.QtWidgets import QApplication

    limit = customers.TEXT_LIMITS["name"]
    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "张" * (limit - 1) + "ab")
    assert dialog.name.text() == "张" * (limit - 1) + "a"  # the key past the limit is not taken
    assert dialog.errors["name"].isVisible() and "200 characters" in dialog.errors["name"].text()

    dialog.name.clear()
    type_text(qtbot, dialog.name, "王")
    QApplication.clipboard().setText("长" * 5000)
    qtbot.keyClick(dialog.name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.name.text() == "王"  # refused whole, not cut to fit
    assert "200 characters" in dialog.errors["name"].text()

    QApplication.clipboard().setText("长" * (limit - 1))
    qtbot.keyClick(dialog.name, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.name.text() == "王" + "长" * (limit - 1)
    _save(qtbot, dialog)
    assert customers.load_input(ctx.db, dialog.saved_id).name == "王" + "长" * (limit - 1)
