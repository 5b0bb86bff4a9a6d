"""A file with lines in another encoding: named by line, never imported as mojibake, the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from solocrm.db.database import Database
from solocrm.services import customer_rows
from solocrm.services.search import CustomerQuery
from solocrm.ui import i18n
from solocrm.ui.import_wizard import ImportWizard
from tests.backup_support import run_cli
from tests.import_files import utf8_csv_with_one_gbk_line


def _count(db_path: Path) -> int:
    db = Database.open(db_path)
    try:
        return customer_rows.count(db)
    finally:
        db.close()


def test_cli_refuses_a_mixed_file_with_the_line_then_skips_it_when_told(db_path: Path, tmp_path: Path) -> None:
    path = utf8_csv_with_one_gbk_line(tmp_path / "客户.csv", gbk_line=3002)
    for dry_run in (["--dry-run"], []):
        refused = run_cli("import", "customers", str(path), "--db", str(db_path), *dry_run)
        assert refused.returncode == 1 and "Traceback" not in refused.stderr
        assert "Lines that cannot be read as UTF-8: 3002 (1 in all)" in refused.stderr
        assert "--encoding NAME" in refused.stderr and "--skip-undecodable" in refused.stderr
    assert _count(db_path) == 0

    done = run_cli("import", "customers", str(path), "--db", str(db_path), "--skip-undecodable")
    assert done.returncode == 0, done.stderr
    assert "Lines left out because they cannot be read as UTF-8: 3002 (1 in all)" in done.stdout
    assert "6,000 imported" in done.stdout
    db = Database.open(db_path)
    try:
        assert customer_rows.count(db) == 6000
        assert customer_rows.find_ids(db, CustomerQuery(text="客户4321"))  # the names read as they were typed
    finally:
        db.close()


def test_wizard_names_the_lines_previews_them_and_imports_the_rest_when_told(ctx, qtbot, qapp, tmp_path: Path) -> None:  # noqa: ANN001
    i18n.install(qapp, "en")  # as the app does: English plural forms come from solocrm_en.qm
    path = utf8_csv_with_one_gbk_line(tmp_path / "客户.csv", rows=200, gbk_line=41)
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert wizard.stack.currentIndex() == 0  # nothing was read as mojibake: the user decides first
    assert not wizard.undecodable_box.isHidden()
    assert "Lines that cannot be read as UTF-8: 41 (1 in all)" in wizard.undecodable_note.text()
    assert "北京" not in wizard.undecodable_preview.toPlainText()
    wizard.encoding.setCurrentIndex(wizard.encoding.findData("gb18030"))
    assert wizard.undecodable_preview.toPlainText() == "41: 王芳,13900000000,北京"  # how it reads in GBK
    wizard.encoding.setCurrentIndex(0)
    wizard.skip_undecodable.click()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)

    assert wizard.stack.currentIndex() == 1
    assert "1 line left out (it cannot be read as UTF-8)" in wizard.file_info.text()
    assert wizard.current_mapping()["姓名"] == "name"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.stack.currentIndex() == 3
    assert customer_rows.count(ctx.db) == 200
