"""The import wizard, the welcome page's import button and the Duplicates tool, driven like a user would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel

from solocrm.importing import batches
from solocrm.services import customer_rows, customers
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery
from solocrm.ui.duplicates_page import DuplicatesPage, MergeDialog
from solocrm.ui.import_wizard import ImportWizard
from solocrm.ui.welcome import WelcomePage
from tests.import_files import gbk_csv_from_chinese_excel
from tests.import_support import checked_wizard, opening_messages


def test_wizard_imports_a_gbk_csv_end_to_end_and_undoes_it(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    path = gbk_csv_from_chinese_excel(tmp_path / "会员.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    published = []
    ctx.bus.changed.connect(lambda changes, source: published.append(changes))
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    assert not wizard.next.isEnabled()
    qtbot.mouseClick(wizard.findChild(type(wizard.next), "importBrowse"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert wizard.stack.currentIndex() == 1
    assert "header on row 2" in wizard.file_info.text() and "GB18030" in wizard.file_info.text()
    assert wizard.current_mapping()["手机号码"] == "phones"
    wizard.set_mapping("性别", None)  # the user decides not to import gender
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert wizard.stack.currentIndex() == 2
    assert "5 rows read: 4 new, 0 updated, 0 merged into another row, 0 already there, 1 rejected" \
        in wizard.summary.text()
    assert wizard.reject_table.rowCount() == 1 and wizard.reject_table.item(0, 0).text() == "6"
    assert customer_rows.count(ctx.db) == 0  # the check wrote nothing
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert wizard.stack.currentIndex() == 3
    assert customer_rows.count(ctx.db) == 4
    assert wizard.done_summary.text().startswith("Imported 会员.csv in ")
    assert not wizard.save_done.isHidden()  # one row was rejected: it can be saved, fixed and imported again
    zhang = customers.load_input(ctx.db, customer_rows.find_ids(ctx.db, CustomerQuery(text="张伟"))[0])
    assert zhang.gender is None and zhang.phones == ["138 1234 5678"]
    assert published and published[-1].customers
    assert [b.created for b in batches.list_batches(ctx.db)] == [4]

    qtbot.mouseClick(wizard.undo_button, Qt.MouseButton.LeftButton)
    assert customer_rows.count(ctx.db) == 0
    assert "undone" in wizard.status.text()

    again = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(again)
    qtbot.mouseClick(again.next, Qt.MouseButton.LeftButton)
    assert again.current_mapping()["性别"] is None  # the confirmed mapping was saved as a preset
    assert "saved mapping" in again.file_info.text()


def test_import_history_lists_each_import_with_its_counts_and_undoes_the_chosen_one(ctx, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                                   monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from solocrm.importing import mapping
    from solocrm.importing.engine import ImportOptions, run_import
    from solocrm.importing.sources import open_source
    from solocrm.ui.import_wizard import ImportHistoryDialog

    path = gbk_csv_from_chinese_excel(tmp_path / "会员.csv")
    source = open_source(path)
    run_import(ctx.db, source, ImportOptions("customers", mapping.guess("customers", source.headers, source.preview)))
    dialog = ImportHistoryDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.empty.isHidden() and dialog.table.rowCount() == 1
    row = [dialog.table.item(0, c).text() for c in range(dialog.table.columnCount())]
    assert row[1:] == ["会员.csv", "Customers", "5", "4", "0", "0", "1", ""]  # file, kind, read, new, …, rejected
    assert not dialog.undo_button.isEnabled()  # nothing chosen yet

    dialog.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert customer_rows.count(ctx.db) == 0
    assert dialog.table.item(0, 8).text() == "Undone"
    dialog.table.selectRow(0)
    assert not dialog.undo_button.isEnabled()  # an import is undone once


def test_duplicates_page_merges_only_the_ticked_namesakes_and_keeps_the_rest_listed(ctx, qtbot,  # noqa: ANN001
                                                                                      monkeypatch) -> None:
    first, _ = customers.create(ctx.db, CustomerInput(name="王芳", city="杭州", phones=["13800000001"]))
    same, _ = customers.create(ctx.db, CustomerInput(name="王芳", city="杭州", emails=["wf@qq.com"]))
    namesake, _ = customers.create(ctx.db, CustomerInput(name="王芳", city="杭州", company="星辰"))
    page = DuplicatesPage(ctx)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1 and page.ticked() == [first, same, namesake]
    page.members.item(2, 0).setCheckState(Qt.CheckState.Unchecked)  # another 王芳, at another company
    assert page.ticked() == [first, same] and page.merge_button.isEnabled()
    page.members.item(1, 0).setCheckState(Qt.CheckState.Unchecked)
    assert not page.merge_button.isEnabled()  # one customer is nothing to merge
    page.members.item(1, 0).setCheckState(Qt.CheckState.Checked)

    def run_dialog(dialog: MergeDialog) -> int:
        assert dialog.plan.customer_ids == (first, same)
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", run_dialog)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert customer_rows.count(ctx.db) == 2
    merged = customers.load_input(ctx.db, first)
    assert merged.phones == ["138 0000 0001"] and merged.emails == ["wf@qq.com"]
    assert page.table.rowCount() == 1 and page.ticked() == [first, namesake]  # still alike: still listed


def test_conflicts_ticked_in_the_review_are_taken_and_the_summary_says_so(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    customers.create(ctx.db, CustomerInput(name="张伟", phones=["13812345678"], city="宁波", company="青禾"))
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,城市,公司\n张伟,13812345678,杭州,星辰\n", encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    assert wizard.conflict_table.rowCount() == 2 and wizard.save_checked.isHidden()  # nothing rejected
    assert wizard.conflict_table.columnWidth(0) >= wizard.conflict_table.horizontalHeader().sectionSizeHint(0)
    city = next(i for i in range(2) if wizard.conflict_table.item(i, 3).text() == "City")
    wizard.conflict_table.item(city, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert "2 values differed from the customer's current one: 1 taken from the file, the others kept." \
        in wizard.done_summary.text()
    stored = customers.load_input(ctx.db, customer_rows.find_ids(ctx.db, CustomerQuery(text="张伟"))[0])
    assert (stored.city, stored.company) == ("杭州", "青禾")
    assert wizard.save_done.isHidden()


def test_a_value_differing_from_an_earlier_row_of_the_file_names_that_row(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    # Nothing is stored yet: the customer whose city differs is the one row 2 makes, and the review says so.
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,城市\n张伟,13812345678,宁波\n李娜,13900000000,杭州\n张伟,13812345678,杭州\n",
                    encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    table = wizard.conflict_table
    assert [[table.item(0, col).text() for col in range(1, 6)]] == [["4", "张伟 (row 2)", "City", "宁波", "杭州"]]
    assert [table.horizontalHeaderItem(col).text() for col in (4, 5)] == ["Current", "In the file"]
    assert table.columnWidth(2) >= table.sizeHintForColumn(2)  # the row number is not cut off


def test_review_lists_likely_duplicates_and_namesakes_with_their_own_phones_only_when_asked(  # noqa: ANN001
        ctx, qtbot, tmp_path: Path) -> None:
    customers.create(ctx.db, CustomerInput(name="張偉", city="杭州", phones=["13700000000"]))
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,邮箱,城市\n张伟,,zw@qq.com,杭州\n李娜,13600000000,,杭州\n李娜,13500000000,,杭州\n",
                    encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    assert wizard.tabs.currentIndex() == 2 and wizard.tabs.tabText(2) == "Possible duplicates (1)"
    listed = wizard.duplicate_table
    assert [listed.item(0, c).text() for c in range(4)] == ["2", "张伟", "張偉 (#1)",
                                                           "traditional / simplified characters"]
    assert not wizard.namesakes_box.isHidden()
    assert wizard.namesakes_box.text() == "Also show namesakes with their own phone numbers (1)"
    wizard.namesakes_box.click()
    # the other 李娜 is new in this file: she has no number yet, so her row is shown
    assert [listed.item(r, 2).text() for r in range(listed.rowCount())] == ["張偉 (#1)", "李娜 (row 3)"]


def test_review_counts_read_as_english_for_one(ctx, qtbot, qapp, tmp_path: Path) -> None:  # noqa: ANN001
    from solocrm.ui import i18n

    i18n.install(qapp, "en")  # as the app does: English plural forms come from solocrm_en.qm
    customers.create(ctx.db, CustomerInput(name="张伟", phones=["13812345678"], city="宁波"))
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,城市\n张伟,13812345678,杭州\n", encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    assert "1 row read: 0 new, 0 updated, 0 merged into another row, 1 already there, 0 rejected." \
        in wizard.summary.text()
    assert "1 value differs from the customer's current one: the current value is kept unless you tick" \
        in wizard.summary.text()


def test_a_big_file_lists_its_first_cleaned_values_and_says_how_many_there_were(ctx, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                                 monkeypatch) -> None:
    from solocrm.importing import engine

    monkeypatch.setattr(engine, "MAX_NOTES", 2)  # a big file keeps the first 1,000; the user must not think that is all
    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,生日\n" + "".join(f"客户{i},138-0000-{i:04d},1990-1-{i + 1}\n" for i in range(3))
                    + "客户9,138 0000 0009,1990-01-10\n", encoding="utf-8")  # already as SoloCRM writes them
    wizard = checked_wizard(ctx, qtbot, path)
    assert wizard.note_table.rowCount() == 2
    assert wizard.tabs.tabText(3) == "Cleaned values (6)"  # three phones and three birthdays, not the last row
    assert "6 values were cleaned; the first 2 are listed under “Cleaned values”." in wizard.summary.text()


def test_unreadable_file_shows_a_message_and_stays_on_the_first_step(ctx, qtbot, tmp_path: Path,  # noqa: ANN001
                                                                      monkeypatch) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 broken")
    wizard, shown = opening_messages(ctx, qtbot, monkeypatch, path)
    assert wizard.stack.currentIndex() == 0
    assert shown and "not a readable Excel file" in shown[0]


def test_welcome_page_offers_import(qtbot) -> None:  # noqa: ANN001
    page = WelcomePage()
    qtbot.addWidget(page)
    button = page.findChild(type(page.findChild(object, "welcomeAdd")), "welcomeImport")
    with qtbot.waitSignal(page.import_file, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_duplicates_page_lists_namesakes_with_their_own_phones_only_when_asked(ctx, qtbot) -> None:  # noqa: ANN001
    customers.create(ctx.db, CustomerInput(name="李娜", city="杭州", phones=["13800000001"]))
    customers.create(ctx.db, CustomerInput(name="李娜", city="杭州", phones=["13900000002"]))
    page = DuplicatesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.empty and "No likely duplicates" in page.empty.text()
    assert page.namesakes_box.isVisible() and "(1)" in page.namesakes_box.text()
    page.namesakes_box.setChecked(True)
    assert page.table.rowCount() == 1 and page.table.item(0, 0).text().startswith("李娜")
    assert page.merge_button.isEnabled()


def test_duplicates_page_finds_and_merges_with_a_field_choice(ctx, qtbot, monkeypatch) -> None:  # noqa: ANN001
    keep, _ = customers.create(ctx.db, CustomerInput(name="张伟", phones=["13812345678"], city="杭州"))
    other, _ = customers.create(ctx.db, CustomerInput(name="張偉", phones=["+86 138 1234 5678"], city="宁波"))
    page = DuplicatesPage(ctx)
    qtbot.addWidget(page)
    undo = []
    page.undoable.connect(lambda text, fn: undo.append((text, fn)))
    qtbot.mouseClick(page.find_button, Qt.MouseButton.LeftButton)
    assert page.table.rowCount() == 1 and page.found_label.text().startswith("1 group")
    assert page.table.item(0, 1).text() == "Same phone number"
    assert page.ticked() == [keep, other]  # both shown, with their phones and cities, and ticked
    assert page.members.item(1, 1).text() == "138 1234 5678" and page.members.item(1, 4).text() == "宁波"

    def run_dialog(dialog: MergeDialog) -> int:
        dialog.choices["city"].setCurrentIndex(dialog.choices["city"].findData(other))
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", run_dialog)
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    assert customer_rows.count(ctx.db) == 1
    assert customers.load_input(ctx.db, keep).city == "宁波"
    assert page.table.rowCount() == 0 and "No duplicates" in page.empty.text() and not page.found_label.text()
    text, fn = undo[0]
    assert "张伟" in text
    fn()
    assert customer_rows.count(ctx.db) == 2 and customers.load_input(ctx.db, keep).city == "杭州"


def test_merge_dialog_says_what_moves_to_the_kept_customer_in_words_for_one(ctx, qtbot, qapp) -> None:  # noqa: ANN001
    from datetime import datetime

    from solocrm.importing import merge
    from solocrm.services import orders
    from solocrm.services.orders import OrderInput
    from solocrm.ui import i18n

    i18n.install(qapp, "en")  # as the app does: English plural forms come from solocrm_en.qm
    keep, _ = customers.create(ctx.db, CustomerInput(name="张伟", phones=["13812345678"]))
    other, _ = customers.create(ctx.db, CustomerInput(name="張偉", phones=["13812345678"]))
    for day in (5, 6):
        orders.add_order(ctx.db, keep, OrderInput(ordered_at=datetime(2026, 5, day, 10), amount_minor=5000))
    orders.add_order(ctx.db, other, OrderInput(ordered_at=datetime(2026, 5, 7, 10), amount_minor=8800))
    dialog = MergeDialog(ctx, merge.plan(ctx.db, [keep, other]))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("Moved to the kept customer: 1 order." in t for t in texts), texts


def test_an_order_naming_a_customer_with_another_phone_is_a_conflict_attached_only_when_ticked(  # noqa: ANN001
        ctx, qtbot, tmp_path: Path) -> None:
    zhang, _ = customers.create(ctx.db, CustomerInput(name="张伟", phones=["13812345678"]))
    path = tmp_path / "orders.csv"
    path.write_text("订单号,下单时间,客户姓名,手机,邮箱,金额\nA1,2024-03-01 10:00,张伟,13900000000,,100\n"
                    "A2,2024-03-02 10:00,张伟,13900000001,zw@,200\n", encoding="utf-8")
    wizard = ImportWizard(ctx, kind="orders", path=str(path))
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # read the file
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # check it

    table = wizard.conflict_table
    assert wizard.tabs.currentIndex() == 1 and wizard.tabs.tabText(1) == "Conflicts (2)"
    assert table.horizontalHeaderItem(0).text() == "Attach to this customer"
    assert [table.item(0, col).text() for col in range(1, 6)] == [
        "2", "张伟 (#1)", "Customer phone", "138 1234 5678", "139 0000 0000"]
    assert "2 rows name a customer whose phone, email or customer ID differs: each goes to a new customer unless " \
           "you tick “Attach to this customer”." in wizard.summary.text()
    assert wizard.tabs.tabText(4) == "Cells left out (1)"
    assert [wizard.left_out_table.item(0, col).text() for col in range(4)] == [
        "3", "邮箱", "zw@", "“zw@” is not an email address"]
    table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # import

    assert "2 rows named a customer whose phone, email or customer ID differed: 1 attached to that customer, the " \
           "others went to new customers." in wizard.done_summary.text()
    conn = sqlite3.connect(ctx.db.path)
    try:
        owners = dict(conn.execute('SELECT order_no, customer_id FROM "order"'))
    finally:
        conn.close()
    assert owners["A1"] == zhang and owners["A2"] != zhang
    assert customers.load_input(ctx.db, owners["A2"]).phones == ["139 0000 0001"]
