"""The import wizard: pick a file, check the columns, see exactly what will happen, import, undo.

Step 2's "Check" runs the whole import as a dry run (rolled back), so step 3
shows the real counts, every rejected row with its reason, the conflicts to
decide and the possible duplicates before anything is written.  Both runs go
through the operation runner: off the GUI thread, with progress in rows per
second, and Cancel leaves the database as it was.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from solocrm.db.database import wait_for_writers
from solocrm.errors import UserError
from solocrm.importing import batches, mapping, rejects
from solocrm.importing.engine import ImportOptions, ImportReport, Reject, run_import
from solocrm.importing.errors import UndecodableLines
from solocrm.importing.sources import Source, open_source
from solocrm.importing.values import text as cell_text
from solocrm.services.changes import Changes
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.formatting import to_local
from solocrm.ui.messages import user_text
from solocrm.ui.operations import Progress, show_user_error
from solocrm.ui.window_size import resize_within_screen

FILE_FILTER = "Data files (*.csv *.txt *.tsv *.xlsx *.xls *.vcf);;All files (*)"
IGNORE = ""
CUSTOM = "custom:"


def _t(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def kind_labels() -> dict[str, str]:
    return {"customers": _t("Customers"), "orders": _t("Orders"), "interactions": _t("Interactions"),
            "surveys": _t("Survey answers")}


def field_label(key: str) -> str:
    """What an import field is called in the wizard."""
    return {
        "name": _t("Name"), "family_name": _t("Family name"), "given_name": _t("Given name"),
        "phones": _t("Phones"), "emails": _t("Emails"), "company": _t("Company"), "title": _t("Job title"),
        "wechat_id": _t("WeChat ID"), "address": _t("Address"), "region": _t("Province / region"),
        "city": _t("City"), "industry": _t("Industry"), "gender": _t("Gender"), "birthday": _t("Birthday"),
        "source_channel": _t("Source channel"), "source_campaign": _t("Campaign"),
        "consent_marketing": _t("Marketing consent"), "preferred_hours": _t("Preferred hours"),
        "personal_details": _t("Personal details"), "notes": _t("Notes"), "tags": _t("Tags"),
        "ref": _t("Customer ID (member no.)"), "photo": _t("Photo"), "customer_name": _t("Customer name"),
        "phone": _t("Customer phone"), "email": _t("Customer email"), "ordered_at": _t("Order date"),
        "amount": _t("Amount"), "product": _t("Product"), "quantity": _t("Quantity"), "channel": _t("Channel"),
        "status": _t("Status (paid / refunded)"), "order_no": _t("Order number"), "occurred_at": _t("Date"),
        "direction": _t("Direction"), "summary": _t("Summary"), "outcome": _t("Outcome"),
        "responded_at": _t("Date"), "survey_kind": _t("Survey kind (CSAT / NPS)"), "score": _t("Score"),
        "comment": _t("Comment"),
    }.get(key, key)


def reason_label(reason: str) -> str:
    return {"same name": _t("same name"), "traditional/simplified": _t("traditional / simplified characters"),
            "name in another order": _t("same characters in another order"),
            "same pinyin": _t("same pinyin")}.get(reason, reason)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


class ImportWizard(QDialog):
    """Emits ``imported`` with the report after a real import (the bus is told too)."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, kind: str = "customers", path: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.source: Source | None = None
        self.report: ImportReport | None = None
        self.final: ImportReport | None = None
        self.taken: frozenset[tuple[int, str]] = frozenset()  # conflicts the import was told to resolve to the file
        self.setWindowTitle(self.tr("Import data"))
        resize_within_screen(self, 980, 640)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._file_step(kind))
        self.stack.addWidget(self._mapping_step())
        self.stack.addWidget(self._review_step())
        self.stack.addWidget(self._done_step())

        self.back = QPushButton(self.tr("< Back"))
        self.back.clicked.connect(self._go_back)
        self.next = QPushButton(self.tr("Next >"))
        self.next.setObjectName("wizardNext")
        self.next.setDefault(True)
        self.next.clicked.connect(self._go_next)
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.back, self.next, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        if path:
            self.path_edit.setText(path)
        self._update_buttons()

    # --- step 1: the file -----------------------------------------------------------------

    def _file_step(self, kind: str) -> QWidget:
        page = QWidget()
        self.kind = QComboBox()
        for key, label in kind_labels().items():
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText(self.tr("A CSV, Excel (.xlsx, .xls) or vCard (.vcf) file"))
        self.path_edit.textChanged.connect(self._path_changed)
        browse = QPushButton(self.tr("Choose file…"))
        browse.setObjectName("importBrowse")
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.encoding = QComboBox()
        self.encoding.addItem(self.tr("Detect automatically"), None)
        for code, label in (("utf-8", "UTF-8"), ("utf-8-sig", self.tr("UTF-8 with BOM")),
                            ("gb18030", "GBK / GB18030"), ("utf-16", "UTF-16"), ("big5", "Big5")):
            self.encoding.addItem(label, code)
        self.delimiter = QComboBox()
        self.delimiter.addItem(self.tr("Detect automatically"), None)
        for code, label in ((",", self.tr("Comma ,")), (";", self.tr("Semicolon ;")), ("\t", self.tr("Tab")),
                            ("|", self.tr("Bar |"))):
            self.delimiter.addItem(label, code)
        self.sheet = QComboBox()
        self.sheet.addItem(self.tr("First sheet with data"), None)
        self.header_row = QSpinBox()
        self.header_row.setRange(0, 30)
        self.header_row.setSpecialValueText(self.tr("Detect automatically"))
        form = QFormLayout()
        intro = QLabel(self.tr("Bring in customers from Excel, a CSV export, your phone's contacts (vCard) or a "
                               "cash register. Nothing is written until you confirm in step 3, and every "
                               "import can be undone."))
        intro.setWordWrap(True)
        form.addRow(intro)
        form.addRow(self.tr("What the file holds"), self.kind)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Text encoding"), self.encoding)
        form.addRow(self.tr("Delimiter"), self.delimiter)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self._undecodable_box())
        layout.addStretch(1)
        return page

    def _undecodable_box(self) -> QWidget:
        """Shown when some lines do not decode: which, how they read in the encoding chosen above, and a way on."""
        self.undecodable: UndecodableLines | None = None
        self.undecodable_box = QWidget()
        self.undecodable_box.setObjectName("undecodableBox")
        self.undecodable_note = QLabel()
        self.undecodable_note.setObjectName("undecodableNote")
        self.undecodable_note.setWordWrap(True)
        self.undecodable_note.setStyleSheet("color: #c0392b;")
        self.undecodable_preview = QPlainTextEdit()
        self.undecodable_preview.setObjectName("undecodablePreview")
        self.undecodable_preview.setReadOnly(True)
        self.undecodable_preview.setMaximumHeight(96)
        self.skip_undecodable = QCheckBox(self.tr("Skip these lines and import the rest of the file"))
        self.skip_undecodable.setObjectName("skipUndecodable")
        layout = QVBoxLayout(self.undecodable_box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.undecodable_note)
        layout.addWidget(QLabel(self.tr("These lines read in the text encoding chosen above:")))
        layout.addWidget(self.undecodable_preview)
        layout.addWidget(self.skip_undecodable)
        self.undecodable_box.hide()
        self.encoding.currentIndexChanged.connect(lambda _i: self._preview_undecodable())
        return self.undecodable_box

    def _path_changed(self) -> None:
        self.undecodable = None
        self.skip_undecodable.setChecked(False)
        self.undecodable_box.hide()
        self._update_buttons()

    def _open_failed(self, exc: BaseException) -> None:
        if isinstance(exc, UndecodableLines):
            self.undecodable = exc
            self.skip_undecodable.setChecked(False)
            self.undecodable_note.setText(user_text(exc))
            self._preview_undecodable()
            self.undecodable_box.show()
        elif isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            raise exc

    def _preview_undecodable(self) -> None:
        """The lines that did not decode, read in the chosen encoding (or with marks where their bytes fail)."""
        if self.undecodable is None:
            return
        encoding = self.encoding.currentData() or self.undecodable.encoding
        lines = [f"{number}: {raw.decode(encoding, errors='replace')}"
                 for number, raw in zip(self.undecodable.lines, self.undecodable.samples)]
        self.undecodable_preview.setPlainText("\n".join(lines))

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a file to import"), "", FILE_FILTER)
        if path:
            self.path_edit.setText(path)

    def _open(self) -> None:
        path = self.path_edit.text().strip()
        sheet = self.sheet.currentData()
        options = dict(encoding=self.encoding.currentData(), delimiter=self.delimiter.currentData(),
                       sheet=sheet, header_row=self.header_row.value() or None,
                       skip_undecodable=self.undecodable is not None and self.skip_undecodable.isChecked())
        self.ctx.runner.run(lambda _p: open_source(path, **options), on_success=self._opened,
                            on_failure=self._open_failed, parent=self, label=self.tr("Reading the file…"))

    def _opened(self, source: Source) -> None:
        self.source = source
        if source.sheets and self.sheet.count() != len(source.sheets) + 1:
            self.sheet.blockSignals(True)
            self.sheet.clear()
            self.sheet.addItem(self.tr("First sheet with data"), None)
            for name in source.sheets:
                self.sheet.addItem(name, name)
            self.sheet.blockSignals(False)
        self._show_mapping()
        self.stack.setCurrentIndex(1)
        self._update_buttons()

    # --- step 2: columns ------------------------------------------------------------------

    def _mapping_step(self) -> QWidget:
        page = QWidget()
        self.file_info = QLabel()
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)
        self.mapping_table = _table([self.tr("Column in the file"), self.tr("Import as"), self.tr("Example values")])
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.setColumnWidth(1, 220)
        self.date_order = QComboBox()
        self.date_order.addItem(self.tr("Year first (2024-01-05) or settle from the file"), None)
        self.date_order.addItem(self.tr("Day first (05/01/2024 = 5 January)"), "dmy")
        self.date_order.addItem(self.tr("Month first (05/01/2024 = May 1)"), "mdy")
        self.preview = _table([])
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_info)
        layout.addWidget(self.mapping_table, 3)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Dates like 05/01/2024:")))
        dates.addWidget(self.date_order, 1)
        layout.addLayout(dates)
        layout.addWidget(QLabel(self.tr("The file as read:")))
        layout.addWidget(self.preview, 2)
        return page

    def _field_choices(self, kind: str) -> list[tuple[str, str]]:
        choices = [(IGNORE, self.tr("— ignore this column —"))]
        choices += [(f.key, field_label(f.key)) for f in mapping.FIELDS[kind]]
        if kind == "customers":
            choices.append((CUSTOM, self.tr("Custom field…")))
        return choices

    def _show_mapping(self) -> None:
        source = self.source
        assert source is not None
        kind = self.kind.currentData()
        guessed, from_preset = mapping.initial(self.ctx.db, kind, source.headers, source.preview)
        details = [Path(source.path).name, self.tr("header on row %1").replace("%1", str(source.header_row))]
        if source.encoding:
            details.append(source.encoding.upper())
        if source.sheet:
            details.append(self.tr("sheet “%1”").replace("%1", source.sheet))
        if source.skipped_lines:
            details.append(self.tr("%Ln lines left out (they cannot be read as %1)", "", len(source.skipped_lines))
                           .replace("%1", (source.encoding or "").upper()))
        note = self.tr("The saved mapping for this layout was applied.") if from_preset else \
            self.tr("Columns were matched by their names and values; change any that is wrong.")
        self.file_info.setText(" · ".join(details) + "\n" + note)
        self.mapping_table.setRowCount(len(source.headers))
        self.combos: list[QComboBox] = []
        choices = self._field_choices(kind)
        for row, header in enumerate(source.headers):
            self.mapping_table.setItem(row, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.setObjectName(f"mapping_{row}")
            for key, label in choices:
                combo.addItem(label, key)
            key = guessed.get(header) or IGNORE
            if key.startswith(CUSTOM):
                combo.addItem(self.tr("Custom field: %1").replace("%1", key[len(CUSTOM):]), key)
            combo.setCurrentIndex(max(combo.findData(key), 0))
            combo.activated.connect(lambda _i, c=combo, h=header: self._custom_chosen(c, h))
            self.mapping_table.setCellWidget(row, 1, combo)
            self.combos.append(combo)
            examples = [cell_text(r[row]) for r in source.preview[:5] if row < len(r) and cell_text(r[row])]
            self.mapping_table.setItem(row, 2, QTableWidgetItem(" | ".join(examples)[:200]))
        self.preview.setColumnCount(len(source.headers))
        self.preview.setHorizontalHeaderLabels(source.headers)
        _fill(self.preview, [[cell_text(c) for c in r[: len(source.headers)]] for r in source.preview])

    def _custom_chosen(self, combo: QComboBox, header: str) -> None:
        if combo.currentData() != CUSTOM:
            return
        name, ok = QInputDialog.getText(self, self.tr("Custom field"),
                                        self.tr("Store this column in the custom field named:"), text=header)
        name = name.strip()[:60]
        if not ok or not name:
            combo.setCurrentIndex(0)
            return
        key = CUSTOM + name
        index = combo.findData(key)
        if index < 0:
            combo.addItem(self.tr("Custom field: %1").replace("%1", name), key)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def current_mapping(self) -> dict[str, str | None]:
        assert self.source is not None
        return {h: (c.currentData() or None) for h, c in zip(self.source.headers, self.combos)}

    def set_mapping(self, header: str, key: str | None) -> None:
        """Choose what ``header`` imports as (used by tests and keyboard users alike)."""
        assert self.source is not None
        combo = self.combos[self.source.headers.index(header)]
        combo.setCurrentIndex(max(combo.findData(key or IGNORE), 0))

    def _options(self) -> ImportOptions:
        take = frozenset()
        if self.report is not None and hasattr(self, "conflict_table"):
            take = frozenset((c.row, c.field) for i, c in enumerate(self.report.conflicts)
                             if self.conflict_table.item(i, 0).checkState() == Qt.CheckState.Checked)
        return ImportOptions(self.kind.currentData(), self.current_mapping(), date_order=self.date_order.currentData(),
                             take_incoming=take)

    def _run(self, dry_run: bool) -> None:
        assert self.source is not None
        source, options, db = self.source, self._options(), self.ctx.db
        self.taken = options.take_incoming
        template = self.tr("Checking… %1 rows (%2 rows/s)") if dry_run else self.tr("Importing… %1 rows (%2 rows/s)")

        def work(progress: Progress) -> ImportReport:
            started = time.perf_counter()

            def report(done: int, total: int) -> None:
                rate = done / max(time.perf_counter() - started, 1e-6)
                progress.report(done, total, template.replace("%1", f"{done:,}").replace("%2", f"{rate:,.0f}"))

            wait_for_writers(db.path, lambda message: progress.report(0, 0, user_text(message)))
            return run_import(db, source, options, dry_run=dry_run, progress=report, now=self.ctx.clock())

        self.ctx.runner.run(work, write=True, cancellable=True, parent=self,
                            label=self.tr("Checking the file…") if dry_run else self.tr("Importing…"),
                            on_success=self._checked if dry_run else self._done)

    # --- step 3: review -------------------------------------------------------------------

    def _review_step(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.reject_table = _table([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Why")])
        self.conflict_table = _table([self.tr("Use the file's value"), self.tr("Row"), self.tr("Customer"),
                                      self.tr("Field"), self.tr("Current"), self.tr("In the file")])
        self.duplicate_table = _table([self.tr("Row"), self.tr("Name"), self.tr("Looks like"), self.tr("Because")])
        self.namesakes_box = QCheckBox()
        self.namesakes_box.setObjectName("showNamesakes")
        self.namesakes_box.setToolTip(self.tr("Rows whose name is like a customer's in the same city or company, "
                                              "where both have a phone number of their own: most likely two people"))
        self.namesakes_box.toggled.connect(self._list_duplicates)
        duplicates = QWidget()
        column = QVBoxLayout(duplicates)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.namesakes_box)
        column.addWidget(self.duplicate_table, 1)
        self.note_table = _table([self.tr("Row"), self.tr("Column"), self.tr("In the file"), self.tr("Imported as")])
        self.left_out_table = _table([self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Why")])
        for tab, title in ((self.reject_table, self.tr("Rejected rows")), (self.conflict_table, self.tr("Conflicts")),
                           (duplicates, self.tr("Possible duplicates")), (self.note_table, self.tr("Cleaned values")),
                           (self.left_out_table, self.tr("Cells left out"))):
            self.tabs.addTab(tab, title)
        self.save_checked = QPushButton(self.tr("Save rejected rows…"))
        self.save_checked.setObjectName("saveRejects")
        self.save_checked.clicked.connect(self.save_rejects)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        row.addWidget(self.save_checked)
        row.addStretch(1)
        layout.addLayout(row)
        return page

    def _checked(self, report: ImportReport) -> None:
        self.report = report
        self.summary.setText(self._counts(report, self.tr("If you import now:")))
        _fill(self.reject_table, [[str(r.row), r.column, r.value, self._reason(r)] for r in report.rejects])
        for row in range(self.reject_table.rowCount()):  # a row with several problems is longer than the column
            reason = self.reject_table.item(row, 3)
            reason.setToolTip(reason.text())
        records = report.kind != "customers"  # a conflict is then a namesake: attach the row to them, or not
        self.conflict_table.horizontalHeaderItem(0).setText(
            self.tr("Attach to this customer") if records else self.tr("Use the file's value"))
        self.conflict_table.setRowCount(len(report.conflicts))
        for i, c in enumerate(report.conflicts):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Unchecked)
            self.conflict_table.setItem(i, 0, check)
            shown = c.field[7:] if c.field.startswith("custom:") else field_label(c.field)
            existing, incoming = (labels.field_value(c.field, v) for v in (c.existing, c.incoming))
            # new from an earlier row: where "Current" is from; a namesake: which of the customers of that name
            customer = self._customer(c.customer_name, c.other_row, c.customer_id if records else None)
            for col, value in enumerate((str(c.row), customer, shown, existing, incoming), start=1):
                self.conflict_table.setItem(i, col, QTableWidgetItem(value))
        self.conflict_table.resizeColumnToContents(0)  # the tick column's title is wider than a tick
        for column in (2, 4) if report.conflicts else ():  # names with a row number, a company kept
            self.conflict_table.resizeColumnToContents(column)
        self.save_checked.setVisible(bool(report.rejects))
        namesakes = sum(d.namesakes for d in report.duplicates)
        likely = len(report.duplicates) - namesakes
        self.namesakes_box.setText(self.tr("Also show namesakes with their own phone numbers (%Ln)", "", namesakes))
        self.namesakes_box.setVisible(bool(namesakes))
        self._list_duplicates()
        _fill(self.note_table, [[str(n.row), n.column, n.raw, n.cleaned] for n in report.notes])
        _fill(self.left_out_table, [[str(p.row), p.column, p.value, user_text(p.why)] for p in report.left_out])
        cleaned = sum(report.cleaned_counts.values())
        counts = (report.rejected, len(report.conflicts), likely, cleaned, len(report.left_out))
        for index, count in enumerate(counts):
            self.tabs.setTabText(index, self.tabs.tabText(index).split(" (")[0] + f" ({count:,})")
        if cleaned > len(report.notes):
            self.summary.setText(self.summary.text() + "\n" + self.tr(
                "%1 values were cleaned; the first %2 are listed under “Cleaned values”.")
                .replace("%1", f"{cleaned:,}").replace("%2", f"{len(report.notes):,}"))
        first = next((i for i in (0, 1, 2, 4) if counts[i]), 3)
        self.tabs.setCurrentIndex(first)
        self.stack.setCurrentIndex(2)
        self._update_buttons()

    def _list_duplicates(self) -> None:
        """The possible duplicates, namesakes who each have their own phone number only when asked for."""
        if self.report is None:
            return
        everyone = self.namesakes_box.isChecked()
        _fill(self.duplicate_table, [
            [str(d.row), d.name, self._customer(d.other_name, d.other_row, d.other_id), reason_label(d.reason)]
            for d in self.report.duplicates if everyone or not d.namesakes])
        for column in (1, 2) if self.duplicate_table.rowCount() else ():  # names with a row or customer number
            self.duplicate_table.resizeColumnToContents(column)

    def _customer(self, name: str, row: int | None, number: int | None = None) -> str:
        """A customer as the review names them: with the file's row they come from, else their number if given."""
        if row:
            return self.tr("%1 (row %2)").replace("%1", name).replace("%2", str(row))
        return self.tr("%1 (#%2)").replace("%1", name).replace("%2", str(number)) if number else name

    def _reason(self, reject: Reject) -> str:
        """Every problem of a rejected row, in the user's language."""
        return self.tr("; ").join(self.tr("%1: %2").replace("%1", column).replace("%2", user_text(why)) if column
                                  else user_text(why) for column, why in reject.causes)

    def _counts(self, report: ImportReport, lead: str, taken: frozenset[tuple[int, str]] | None = None) -> str:
        """The counts under ``lead``; ``taken`` (the conflicts resolved to the file) once the import is done."""
        lines = [lead, self.tr("%Ln rows read: %1 new, %2 updated, %3 merged into another row, %4 already there, "
                               "%5 rejected.", "", report.rows_read)
                 .replace("%1", f"{report.created:,}").replace("%2", f"{report.updated:,}")
                 .replace("%3", f"{report.merged:,}").replace("%4", f"{report.skipped:,}")
                 .replace("%5", f"{report.rejected:,}")]
        if report.customers_created:
            lines.append(self.tr("%Ln customers not found are created.", "", report.customers_created))
        if report.free_orders:
            lines.append(self.tr("%Ln orders have an amount of 0 (free samples, gifts, replacements): they count as "
                                 "purchases and add nothing to spend.", "", report.free_orders))
        if report.left_out:
            lines.append(self.tr("%Ln cells could not be read and are left out; their rows are imported without them "
                                 "(see “Cells left out”).", "", len(report.left_out)))
        if report.conflicts and report.kind != "customers":
            lines.append(self._name_conflicts(report, taken))
        elif report.conflicts and taken is None:
            lines.append(self.tr("%Ln values differ from the customer's current one: the current value is kept unless "
                                 "you tick “Use the file's value”.", "", len(report.conflicts)))
        elif report.conflicts:
            used = sum((c.row, c.field) in taken for c in report.conflicts)
            lines.append(self.tr("%Ln values differed from the customer's current one: %1 taken from the file, the "
                                 "others kept.",
                                 "", len(report.conflicts)).replace("%1", str(used)))
        return "\n".join(lines)

    def _name_conflicts(self, report: ImportReport, taken: frozenset[tuple[int, str]] | None) -> str:
        """What happens (or happened) to the rows whose customer name matches but whose contact details do not."""
        if taken is None:
            return self.tr("%Ln rows name a customer whose phone, email or customer ID differs: each goes to a new "
                           "customer unless you tick “Attach to this customer”.", "", len(report.conflicts))
        attached = sum((c.row, c.field) in taken for c in report.conflicts)
        return self.tr("%Ln rows named a customer whose phone, email or customer ID differed: %1 attached to that "
                       "customer, the others went to new customers.", "", len(report.conflicts)
                       ).replace("%1", str(attached))

    def save_rejects(self) -> None:
        report = self.final or self.report
        if report is None or self.source is None or not report.rejects:
            QMessageBox.information(self, self.tr("Rejected rows"), self.tr("No row was rejected."))
            return
        default = str(Path(self.source.path).with_name(Path(self.source.path).stem + "-rejected.csv"))
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), default,
                                               self.tr("CSV (*.csv);;Excel (*.xlsx)"))
        if not path:
            return
        headers, found = self.source.headers, report.rejects
        why = {id(r): self.tr("Row %1: %2").replace("%1", str(r.row)).replace("%2", self._reason(r)) for r in found}
        self.ctx.runner.run(lambda _p: rejects.write_rejects(path, headers, found, self.tr("Why it was not imported"),
                                                             lambda r: why[id(r)]), parent=self,
                            on_success=lambda n: self.status.setText(
                                self.tr("%Ln rejected rows saved to %1. Fix them and import that file.", "", n)
                                .replace("%1", path)))

    # --- step 4: done ---------------------------------------------------------------------

    def _done_step(self) -> QWidget:
        page = QWidget()
        self.done_summary = QLabel()
        self.done_summary.setObjectName("doneSummary")
        self.done_summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self.undo)
        self.save_done = QPushButton(self.tr("Save rejected rows…"))
        self.save_done.clicked.connect(self.save_rejects)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_summary)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.save_done)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)
        return page

    def _done(self, report: ImportReport) -> None:
        self.final = report
        assert self.source is not None
        mapping.save_preset(self.ctx.db, report.kind, self.source.headers, self.current_mapping())
        self.done_summary.setText(self._counts(report, self.tr("Imported %1 in %2 s.").replace(
            "%1", report.file_name).replace("%2", f"{report.seconds:.1f}"), self.taken))
        self.save_done.setVisible(bool(report.rejects))
        self.ctx.bus.publish(report.changes(), self)
        self.imported.emit(report)
        self.stack.setCurrentIndex(3)
        self._update_buttons()

    def undo(self) -> None:
        if self.final is None or self.final.batch_id is None:
            return
        batch_id = self.final.batch_id

        def done(changes: Changes) -> None:
            self.ctx.bus.publish(changes, self)
            self.undo_button.setEnabled(False)
            self.status.setText(self.tr("The import was undone: the customers and records it added are gone and "
                                        "what it changed is back as it was."))

        self.ctx.runner.run(lambda _p: batches.undo_batch(self.ctx.db, batch_id, now=self.ctx.clock()), write=True,
                            parent=self, on_success=done, label=self.tr("Undoing the import…"))

    # --- navigation -----------------------------------------------------------------------

    def _go_next(self) -> None:
        step = self.stack.currentIndex()
        if step == 0:
            self._open()
        elif step == 1:
            self._run(dry_run=True)
        elif step == 2:
            self._run(dry_run=False)
        else:
            self.accept()

    def _go_back(self) -> None:
        step = self.stack.currentIndex()
        if 0 < step < 3:
            self.stack.setCurrentIndex(step - 1)
            self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back.setEnabled(0 < step < 3)
        self.next.setText((self.tr("Next >"), self.tr("Check >"), self.tr("Import"), self.tr("Close"))[step])
        self.next.setEnabled(step != 0 or bool(self.path_edit.text().strip()))
        self.close_button.setVisible(step != 3)


class ImportHistoryDialog(QDialog):
    """Every import with its counts; undo one from here."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import history"))
        resize_within_screen(self, 860, 420)
        self.table = _table([self.tr("When"), self.tr("File"), self.tr("What"), self.tr("Rows"), self.tr("New"),
                             self.tr("Updated"), self.tr("Merged"), self.tr("Rejected"), self.tr("State")])
        self.table.setObjectName("importHistory")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the file name takes what is left
        self.undo_button = QPushButton(self.tr("Undo selected import"))
        self.undo_button.clicked.connect(self.undo_selected)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        row.addWidget(close)
        self.empty = QLabel(self.tr("Nothing has been imported yet. Use File → Import… to bring in a file."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.table.itemSelectionChanged.connect(self._update)
        self.reload()

    def reload(self) -> None:
        kinds = kind_labels()
        found = batches.list_batches(self.ctx.db)
        self.table.setRowCount(len(found))
        locale = QLocale()
        for r, b in enumerate(found):
            counts = [locale.toString(n) for n in (b.rows_read, b.created, b.updated, b.merged, b.rejected)]
            state = self.tr("Undone") if b.undone_at is not None else ""
            values = [to_local(b.created_at).strftime("%Y-%m-%d %H:%M"), b.file_name,
                      kinds.get(b.kind, _t("Merge")), *counts, state]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 3 <= c <= 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 0:  # the row's import, read back by _selected
                    item.setData(Qt.ItemDataRole.UserRole, (b.id, b.undone_at is None))
                self.table.setItem(r, c, item)
        self.empty.setVisible(not found)
        self._update()

    def _selected(self) -> tuple[int, bool] | None:
        """The chosen import's id, and whether it can still be undone."""
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _update(self) -> None:
        chosen = self._selected()
        self.undo_button.setEnabled(chosen is not None and chosen[1])

    def undo_selected(self) -> None:
        chosen = self._selected()
        if chosen is None or not chosen[1]:
            return
        batch_id = chosen[0]
        answer = QMessageBox.question(self, self.tr("Undo import"), self.tr(
            "Remove everything this import added and put back what it changed?"))
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(changes: Changes) -> None:
            self.ctx.bus.publish(changes, self)
            self.reload()

        self.ctx.runner.run(lambda _p: batches.undo_batch(self.ctx.db, batch_id, now=self.ctx.clock()), write=True,
                            parent=self, on_success=done)
