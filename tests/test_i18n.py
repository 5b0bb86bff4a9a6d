"""The UI speaks 简体中文 and English completely, and stays that way as screens are added.

Two guards keep it complete: every user-visible literal in ``solocrm.ui`` is
wrapped for translation (so lupdate can find it), and every string lupdate
finds has a finished zh_CN translation in the committed .ts, compiled into the
committed .qm.  Then the translators really change what the user reads.
"""

from __future__ import annotations

import ast
import re
import shutil
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import solocrm

ROOT = Path(__file__).resolve().parents[1]
UI_DIR = Path(solocrm.__file__).resolve().parent / "ui"
sys.path.insert(0, str(ROOT / "packaging"))
import translations  # noqa: E402

from tests.backup_support import fail_keyring  # noqa: E402, F401 - a fixture

# Methods whose string arguments the user reads.
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setTitle", "setLabelText", "setInformativeText", "setDetailedText", "setCancelButtonText",
    "addAction", "addMenu", "addTab", "insertTab", "setTabText", "setTabToolTip", "addItem", "addItems",
    "insertItem", "setItemText", "addRow", "insertRow", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setHeaderLabels", "showMessage", "setSpecialValueText", "setPrefix", "setSuffix", "setButtonText",
    "addButton", "setAccessibleName", "setNameFilter", "setNameFilters", "setWindowIconText",
}
# Widgets whose constructor's string arguments the user reads.
TEXT_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "QListWidgetItem", "QTableWidgetItem", "QTreeWidgetItem", "QStandardItem", "QProgressDialog",
    "QCommandLinkButton", "QErrorMessage", "QWizardPage",
}
# Static dialogs: QMessageBox.warning(parent, title, text), QFileDialog.getSaveFileName(parent, caption, ...).
TEXT_STATICS = {"QMessageBox", "QFileDialog", "QInputDialog", "QColorDialog", "QFontDialog"}
TRANSLATE_CALLS = {"tr", "translate"}
# Literals that are the same in every language.
ALLOWED = {"SoloCRM"}
_MARKUP = re.compile(r"<[^>]*>|&\w+;")
_CODE = re.compile(r"[a-z][a-z0-9_.:-]*")  # "paid", "dmy": item data and object names, never shown
_ABBREVIATION = re.compile(r"[A-Z]{1,4}")  # "RFM", "NPS", "R": the same letters in Chinese
_CJK_ONLY = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")  # sample data: "微信" as a suggestion
# Translation wrappers called with a variable on purpose: their strings are collected elsewhere
# (packaging/translations.py reads the SettingSpec declarations in solocrm/settings.py; error templates are
# marked with QT_TRANSLATE_NOOP("errors", ...) where they are raised, export headers with
# QT_TRANSLATE_NOOP("exports", ...) in solocrm/exporting/exports.py).
DYNAMIC_WRAPPERS = {("settings_page.py", "_tr_setting"), ("messages.py", "_tr_error"),
                    ("export_actions.py", "_tr_export_header")}


def _has_letters(text: str) -> bool:
    """True for text a user would read as words in the source language."""
    text = _MARKUP.sub("", text).strip()
    if text in ALLOWED or _CODE.fullmatch(text) or _CJK_ONLY.fullmatch(text) or _ABBREVIATION.fullmatch(text):
        return False
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def _user_literals(node: ast.AST) -> list[ast.AST]:
    """Literal pieces of ``node`` that would reach the screen untranslated."""
    if isinstance(node, ast.Constant):
        return [node] if isinstance(node.value, str) and _has_letters(node.value) else []
    if isinstance(node, ast.JoinedStr):
        return [v for v in node.values if isinstance(v, ast.Constant) and _has_letters(str(v.value))]
    if isinstance(node, ast.BinOp):
        return _user_literals(node.left) + _user_literals(node.right)
    if isinstance(node, ast.IfExp):
        return _user_literals(node.body) + _user_literals(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [lit for element in node.elts for lit in _user_literals(element)]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("format", "join", "replace")):
        return _user_literals(node.func.value)  # "Hello {}".format(x): the template is a literal
    return []


def _call_name(call: ast.Call) -> tuple[str | None, str]:
    """(owner, name) of a call: ("QMessageBox", "warning"), (None, "QLabel"), ("self", "setText")."""
    func = call.func
    if isinstance(func, ast.Name):
        return None, func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    return None, ""


def _text_arguments(call: ast.Call) -> list[ast.AST]:
    owner, name = _call_name(call)
    if owner in TEXT_STATICS:
        return list(call.args[1:]) + [kw.value for kw in call.keywords]
    if name in TEXT_CONSTRUCTORS or (owner is not None and name in TEXT_METHODS) or name in TEXT_METHODS:
        return list(call.args) + [kw.value for kw in call.keywords if kw.arg in (None, "text", "title", "toolTip")]
    return []


def _translate_text_argument(call: ast.Call) -> ast.AST | None:
    owner, name = _call_name(call)
    if name == "tr" and call.args:
        return call.args[0]
    if name == "translate" and owner in ("QCoreApplication", "QApplication", "QGuiApplication") and len(call.args) > 1:
        return call.args[1]
    return None


def untranslated(path: Path) -> list[str]:
    """Places in ``path`` where the user would read English whatever the language."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    problems = []
    wrapper_defs = [node for node in tree.body if isinstance(node, ast.FunctionDef)
                    and translations._wrapper_context(node) is not None]
    wrappers = {node.name for node in wrapper_defs}
    wrapper_lines = {line for node in wrapper_defs for line in range(node.lineno, (node.end_lineno or 0) + 1)}
    for call in ast.walk(tree):
        if isinstance(call, ast.Call):
            inside_wrapper = call.lineno in wrapper_lines
            for literal in (lit for arg in _text_arguments(call) for lit in _user_literals(arg)):
                problems.append(f"{path.name}:{literal.lineno}: {literal.value!r} is not wrapped in tr()")
            text = _translate_text_argument(call)
            if text is not None and not isinstance(text, ast.Constant) and not inside_wrapper:
                problems.append(f"{path.name}:{call.lineno}: tr()/translate() of a non-literal; lupdate cannot see it")
            _owner, name = _call_name(call)
            if name in wrappers and call.args and not isinstance(call.args[0], ast.Constant) \
                    and (path.name, name) not in DYNAMIC_WRAPPERS:
                problems.append(f"{path.name}:{call.lineno}: {name}() of a non-literal; lupdate cannot see it")
    return sorted(set(problems))


def test_every_user_visible_string_in_the_ui_is_wrapped_for_translation() -> None:
    modules = sorted(UI_DIR.glob("*.py"))
    assert len(modules) > 10
    problems = [problem for path in modules for problem in untranslated(path)]
    assert problems == [], "wrap these in self.tr() / QCoreApplication.translate():\n" + "\n".join(problems)


def test_the_scan_catches_an_unwrapped_label(tmp_path: Path) -> None:
    source = tmp_path / "page.py"
    source.write_text(
        "class Page:\n"
        "    def build(self, name):\n"
        "        QLabel('Customers')\n"
        "        self.button.setText(self.tr('Save'))\n"
        "        self.box.setToolTip(f'Hello {name}')\n"
        "        QMessageBox.warning(self, self.tr('Oops'), 'Disk full')\n"
        "        self.status.setText('—')\n"
        "        self.title.setText(self.tr(name))\n",
        encoding="utf-8",
    )
    problems = untranslated(source)
    assert [p.split(":")[1] for p in problems] == ["3", "5", "6", "8"]


SRC_DIR = Path(solocrm.__file__).resolve().parent
# Commands only the CLI runs: their messages stay English (the CLI prints English).
CLI_ONLY = ("commands/", "cli.py")


def _explained_classes(modules: list[Path]) -> set[str]:
    """The names of ``Explained`` and every class deriving from it, however many steps away."""
    bases = {node.name: {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
             for path in modules for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.ClassDef)}
    found = {"Explained"}
    while grown := {name for name, parents in bases.items() if parents & found} - found:
        found |= grown
    return found


def unmarked_errors(modules: list[Path], root: Path) -> list[str]:
    """Errors raised with a plain or f-string text: the GUI cannot translate them."""
    classes = _explained_classes(modules)
    problems = []
    for path in modules:
        where = path.relative_to(root).as_posix()
        if where.startswith(CLI_ONLY):
            continue
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(call, ast.Call) and call.args and isinstance(call.args[0], (ast.Constant, ast.JoinedStr))
                    and (getattr(call.func, "id", None) or getattr(call.func, "attr", None)) in classes):
                problems.append(f"{where}:{call.lineno}")
    return problems


def test_every_error_a_user_can_cause_is_raised_with_a_translatable_template() -> None:
    modules = sorted(SRC_DIR.rglob("*.py"))
    problems = unmarked_errors(modules, SRC_DIR)
    assert problems == [], 'mark these with QT_TRANSLATE_NOOP("errors", "…{field}…"), field=…:\n' + "\n".join(problems)


def test_the_error_scan_catches_a_plain_message(tmp_path: Path) -> None:
    (tmp_path / "errors.py").write_text("class UserError(Explained): ...\nclass Full(UserError): ...\n")
    (tmp_path / "save.py").write_text(
        "def save(name):\n"
        "    raise Full(f'{name} is full.')\n"
        "    raise UserError(QT_TRANSLATE_NOOP('errors', '{name} is full.'), name=name)\n"
        "    raise ValueError('not for the user')\n")
    assert unmarked_errors(sorted(tmp_path.glob("*.py")), tmp_path) == ["save.py:2"]


def _unfinished(ts: Path) -> list[str]:
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "absent"
            if kind in ("obsolete", "vanished"):
                continue
            forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
            text = translation.text if translation is not None else None
            empty = not any(forms) if message.get("numerus") == "yes" else not text
            if kind == "unfinished" or kind == "absent" or empty:
                missing.append(f"{context.findtext('name')}: {message.findtext('source')!r}")
    return missing


@pytest.fixture(scope="module")
def refreshed_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed .ts files after lupdate has added every string the code has now."""
    folder = tmp_path_factory.mktemp("translations")
    for name in translations.TS_FILES:
        shutil.copy(translations.TRANSLATIONS / name, folder / name)
    translations.update(folder)
    return folder


@pytest.mark.parametrize("name", sorted(translations.TS_FILES))
def test_every_string_the_code_has_is_translated(refreshed_translations: Path, name: str) -> None:
    missing = _unfinished(refreshed_translations / name)
    assert missing == [], (
        f"{len(missing)} strings lack a translation in {name}; run `python packaging/translations.py`, "
        "translate the unfinished entries, run it again:\n" + "\n".join(missing[:50]))


def test_the_translation_files_cover_the_wrapped_and_declared_strings(refreshed_translations: Path) -> None:
    sources = {(c.findtext("name"), m.findtext("source"))
               for c in ET.parse(refreshed_translations / "solocrm_zh_CN.ts").getroot().iter("context")
               for m in c.iter("message")}
    assert ("labels", "Prospect") in sources  # through labels._t, a wrapper lupdate alone would miss
    assert ("settings", "Churn after (days)") in sources  # declared in solocrm.settings.SPECS
    assert ("MainWindow", "Customers") in sources  # plain self.tr()


def test_every_string_has_the_context_it_is_looked_up_in(refreshed_translations: Path) -> None:
    """lupdate files a tr() outside a class under an empty context, where no runtime lookup finds it."""
    root = ET.parse(refreshed_translations / "solocrm_zh_CN.ts").getroot()
    homeless = [f"{loc.get('filename')}:{loc.get('line')}: {m.findtext('source')!r}"
                for c in root.iter("context") if not c.findtext("name")
                for m in c.iter("message") for loc in m.iter("location")]
    assert homeless == [], ("use self.tr() inside the class, or QCoreApplication.translate('Context', ...):\n"
                            + "\n".join(homeless))


def test_the_committed_qm_files_are_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    for qm in translations.release(translations.TRANSLATIONS, tmp_path):
        committed = translations.TRANSLATIONS / qm.name
        assert committed.exists(), f"{committed.name} is missing; run `python packaging/translations.py release`"
        assert committed.read_bytes() == qm.read_bytes(), f"{committed.name} is stale; run the release step"


# --- the translators at work --------------------------------------------------------------


def _translation(context: str, source: str) -> str:
    root = ET.parse(translations.TRANSLATIONS / "solocrm_zh_CN.ts").getroot()
    for c in root.iter("context"):
        if c.findtext("name") == context:
            for m in c.iter("message"):
                if m.findtext("source") == source:
                    return m.findtext("translation") or ""
    raise AssertionError(f"{context}/{source} not in the .ts")


@pytest.fixture
def chinese(qapp):  # noqa: ANN001, ANN201 - qapp from pytest-qt
    from solocrm.ui import i18n

    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "en")


def test_chinese_reaches_our_widgets_and_qt_own_dialog_buttons(chinese, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox, QPushButton

    from solocrm.ui.welcome import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    add = page.findChild(QPushButton, "welcomeAdd")
    expected = _translation("WelcomePage", "Add your first customer")
    assert expected and add.text() == expected

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_plural_forms_read_right_in_both_languages(qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from solocrm.ui import i18n

    try:
        i18n.install(qapp, "en")
        one = QCoreApplication.translate("CustomerListView", "%Ln customer(s)", "", 1)
        many = QCoreApplication.translate("CustomerListView", "%Ln customer(s)", "", 99998)
        assert (one, many) == ("1 customer", "99,998 customers")  # big counts are grouped, as everywhere else
        i18n.install(qapp, "zh_CN")
        assert QCoreApplication.translate("CustomerListView", "%Ln customer(s)", "", 99998) == "99,998 位客户"
    finally:
        i18n.install(qapp, "en")


@pytest.mark.parametrize(("setting", "system", "expected"), [
    ("system", "zh_CN", "zh_CN"),
    ("system", "zh_TW", "zh_CN"),  # Simplified is the only Chinese shipped; closer than English
    ("system", "en_GB", "en"),
    ("system", "fr_FR", "en"),
    ("en", "zh_CN", "en"),  # the Settings choice wins over the system
    ("zh_CN", "en_US", "zh_CN"),
])
def test_the_language_follows_the_system_unless_settings_choose_one(setting: str, system: str,
                                                                     expected: str) -> None:
    from PySide6.QtCore import QLocale

    from solocrm.ui import i18n

    assert i18n.resolve(setting, QLocale(system)) == expected


def test_english_punctuation_is_set_narrow_and_chinese_full_width(qapp) -> None:  # noqa: ANN001
    # A CJK font writes “quotes” full width: right in Chinese, a gap in an English sentence.
    from PySide6.QtGui import QFontDatabase, QFontMetricsF

    from solocrm.ui import i18n
    from solocrm.ui.app import CJK_FONTS, use_language

    saved = qapp.font()
    cjk = next(family for family in CJK_FONTS if family in QFontDatabase.families())  # fonts-noto-cjk, see README
    try:
        use_language(qapp, "en")
        english = qapp.font()
        use_language(qapp, "zh_CN")
        chinese = qapp.font()
    finally:
        qapp.setFont(saved)
        i18n.install(qapp, "en")
    assert english.families()[-1] == cjk != english.families()[0]  # Chinese names in English text still render
    assert chinese.families() == [cjk]
    quote = [QFontMetricsF(font).horizontalAdvance("“") for font in (english, chinese)]
    assert quote[0] < 0.7 * quote[1]


def test_the_database_language_setting_applies_when_the_app_opens_it(qapp, db, tmp_path) -> None:  # noqa: ANN001
    from PySide6.QtCore import QLocale

    from solocrm import settings
    from solocrm.locations import AppPaths
    from solocrm.ui.app import Application

    settings.save(db, {"language": "zh_CN"})
    path = db.path
    db.close()
    app = Application(qapp, AppPaths(data_dir=tmp_path, log_dir=tmp_path / "log"))
    try:
        assert app.open(path)
        assert QLocale().name() == "zh_CN"
        nav = app.window.nav
        assert _translation("MainWindow", "Customers") in {nav.item(i).text() for i in range(nav.count())}
    finally:
        app.window.close()
        app.ctx.runner.wait()
        app.ctx.db.close()
        from solocrm.ui import i18n

        i18n.install(qapp, "en")


def test_why_a_row_was_rejected_and_why_a_file_cannot_be_read_reach_the_user_in_chinese(
        chinese, ctx, qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    from tests.import_support import checked_wizard, opening_messages

    path = tmp_path / "c.csv"
    # a row whose only way to know the customer is a phone that cannot be read
    path.write_text("姓名,手机\n张伟,13812345678\n,abc\n", encoding="utf-8")
    wizard = checked_wizard(ctx, qtbot, path)
    assert wizard.reject_table.item(0, 3).text() == "手机：“abc”不是电话号码"
    saved = tmp_path / "c-rejected.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    wizard.save_rejects()  # the file to fix in Excel says why in Chinese too
    assert saved.read_text(encoding="utf-8-sig").splitlines() == [
        "未导入原因,姓名,手机", "第 3 行：手机：“abc”不是电话号码,,abc"]

    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _again, shown = opening_messages(ctx, qtbot, monkeypatch, empty)
    assert shown == ["empty.csv 是空的。请选择带表头和数据的文件。"]  # the file's own name, in a Chinese sentence


def test_a_form_says_what_is_wrong_in_chinese(chinese, ctx, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialogButtonBox

    from solocrm.ui.customer_dialog import CustomerDialog
    from tests.conftest import type_text

    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "王五")
    type_text(qtbot, dialog.emails, "wangwu@")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.errors["emails"].text() == "“wangwu@”不是邮箱地址（应像 name@example.com 这样）。"


def test_translated_error_messages_fill_in_the_same_fields_as_the_english() -> None:
    """A field the English template does not have would make the message itself fail to show."""
    import string

    root = ET.parse(translations.TRANSLATIONS / "solocrm_zh_CN.ts").getroot()
    errors = next(c for c in root.iter("context") if c.findtext("name") == "errors")
    checked = 0
    for message in errors.iter("message"):
        source, translated = message.findtext("source") or "", message.findtext("translation") or ""

        def fields(text: str) -> set[str]:
            return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}

        assert fields(translated) == fields(source), source
        checked += 1
    assert checked > 100  # the import, form, database, export, report and backup messages


def test_a_message_inside_a_message_is_translated_too(chinese) -> None:  # noqa: ANN001
    import errno

    from solocrm.backup.files import io_error
    from solocrm.errors import Explained
    from solocrm.ui.messages import user_text

    full = io_error(OSError(errno.ENOSPC, "No space left on device"), Explained("The key file"))
    assert full.message.startswith("The disk is full: The key file could not be written.")  # the CLI's English
    assert user_text(full).startswith("磁盘已满：无法写入密钥文件。")


def test_an_export_from_the_chinese_app_reads_chinese_and_imports_back_like_the_english_one(chinese, tmp_path) -> None:  # noqa: ANN001
    from datetime import date, datetime

    from openpyxl import load_workbook

    from solocrm.db.database import Database
    from solocrm.exporting import exports
    from solocrm.importing import mapping
    from solocrm.importing.engine import ImportOptions, run_import
    from solocrm.importing.sources import open_source
    from solocrm.services import customers, orders
    from solocrm.services.customers import CustomerInput
    from solocrm.services.orders import OrderInput
    from solocrm.ui.export_actions import _words

    shop = Database.open(tmp_path / "shop.sqlite3")
    cid, _ = customers.create(shop, CustomerInput(name="张伟", phones=["13812345678"], gender="female",
                                                   consent_marketing=True, birthday=date(1990, 1, 5)))
    orders.add_order(shop, cid, OrderInput(datetime(2024, 1, 5, 4), 12850, product="欧包", status="refunded"),
                     now=datetime(2024, 2, 1))

    def exported(kind: str, words: exports.Words, name: str) -> tuple[list[list[object]], list]:
        path = tmp_path / name
        export = exports.export_customers if kind == "customers" else exports.export_orders
        export(shop, path, "xlsx", words=words)
        rows = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
        into = Database.open(tmp_path / f"{name}.sqlite3")
        try:
            if kind == "orders":
                exports.export_customers(shop, tmp_path / f"{name}.people.xlsx", "xlsx", words=words)
                people = open_source(tmp_path / f"{name}.people.xlsx")
                run_import(into, people, ImportOptions("customers", mapping.guess("customers", people.headers,
                                                                                  people.preview)))
            source = open_source(path)
            guessed = mapping.guess(kind, source.headers, source.preview)
            report = run_import(into, source, ImportOptions(kind, guessed))
            assert report.rejected == 0
            stored = (customers.load_input(into, 1), orders.load_order(into, 1) if kind == "orders" else None)
        finally:
            into.close()
        return rows, [guessed[h] for h in source.headers], stored

    for kind in ("customers", "orders"):
        english, english_fields, english_stored = exported(kind, exports.Words(), f"{kind}-en.xlsx")
        chinese_rows, chinese_fields, chinese_stored = exported(kind, _words(), f"{kind}-zh.xlsx")
        assert chinese_fields == english_fields  # every column maps to the same field
        assert chinese_stored == english_stored  # and lands the same
        row = dict(zip(chinese_rows[0], chinese_rows[1]))
        if kind == "customers":
            assert (row["客户名称"], row["性别"], row["营销同意"], row["生命周期阶段"]) == ("张伟", "女", "是", "潜在客户")
        else:
            assert (row["订单号"] is None, row["金额"], row["状态"]) == (True, 128.5, "已退款")
    shop.close()


def test_the_backup_history_reads_in_the_language_of_whoever_opens_it(chinese, db, tmp_path,  # noqa: ANN001
                                                                        fail_keyring) -> None:  # noqa: F811
    """Without a keyring the backup is written and left to verify: a reason with a parenthesis and a colon."""
    from solocrm.backup import jobs, store
    from solocrm.db.models import BackupRun
    from solocrm.ui.messages import user_text

    jobs.set_up(db, tmp_path / "usb", "correct horse battery staple 7")
    jobs.create(db)
    with db.session() as session:  # a reason kept as plain English by an earlier version
        session.add(BackupRun(started_at=jobs.utcnow(), trigger="manual", outcome="skipped",
                              reason="nothing changed since the last backup"))
    shown = [user_text(run.reason) for run in store.history(db)]
    assert "已写入，尚未验证：密钥不在这台电脑上（输入密码即可验证）" in shown
    assert "已设置备份" in shown and "自上次备份以来没有变化" in shown
    assert store.history(db)[-1].reason.message == "backups set up"  # the CLI's English


@pytest.mark.parametrize(("system", "expected"), [("zh_CN", "/nowhere/客户.csv 不存在。请检查文件名。"),
                                                  ("en", "/nowhere/客户.csv does not exist. Check the file name.")])
def test_the_command_line_says_what_went_wrong_in_the_systems_language(system, expected, monkeypatch,  # noqa: ANN001
                                                                       capsys, tmp_path) -> None:
    from solocrm.cli import main
    from solocrm.ui import i18n

    monkeypatch.setattr(i18n, "resolve", lambda setting, system_locale=None: system)
    assert main(["import", "customers", "/nowhere/客户.csv", "--db", str(tmp_path / "crm.sqlite3")]) == 1
    assert capsys.readouterr().err == f"solocrm: {expected}\n"
