"""The Reports page: choose a period, sections and language, preview the pages, save a PDF or workbook."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from solocrm.errors import ValidationError
from solocrm.reports import SECTIONS
from solocrm.reports.texts import LANGUAGE_NAMES
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateField
from solocrm.ui.operations import Progress

PREVIEW_WIDTH = 240  # pixels per page thumbnail
PREVIEW_DPI = 40


class ReportsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._preview_dir: tempfile.TemporaryDirectory | None = None

        self.preset = QComboBox()
        for key, text in (("last_month", self.tr("Last month")), ("month", self.tr("This month")),
                          ("quarter", self.tr("This quarter")), ("year", self.tr("This year")),
                          ("12m", self.tr("Last 12 months")), ("custom", self.tr("Custom"))):
            self.preset.addItem(text, key)
        self.start = DateField("start", near=self._today())
        self.end = DateField("end", near=self._today())
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self._dates_edited)
        self.preset.currentIndexChanged.connect(self._preset_chosen)

        titles = {"summary": self.tr("Summary"), "customers": self.tr("Customers and lifecycle"),
                  "sales": self.tr("Sales and revenue trend"), "satisfaction": self.tr("Satisfaction"),
                  "loyalty": self.tr("Loyalty and RFM tiers"), "risk": self.tr("Churn risk"),
                  "clv": self.tr("Customer lifetime value"), "goals": self.tr("Goals"),
                  "appendix": self.tr("Customer list")}
        self.sections = QListWidget()
        for key in SECTIONS:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.sections.addItem(item)
        self.sections.setMaximumHeight(self.sections.sizeHintForRow(0) * (len(SECTIONS) + 1))

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():  # each language in its own words, never translated
            self.language.addItem(name, code)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF document"), "pdf")
        self.format.addItem(self.tr("Excel workbook (.xlsx)"), "xlsx")
        self.business = QLabel()
        self.business.setWordWrap(True)

        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("&Save report…"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence("Ctrl+P"), self, self.preview)

        self.pages = QListWidget()
        self.pages.setViewMode(QListView.ViewMode.IconMode)
        self.pages.setIconSize(QSize(PREVIEW_WIDTH, int(PREVIEW_WIDTH * 1.414)))
        self.pages.setResizeMode(QListView.ResizeMode.Adjust)
        self.pages.setMovement(QListView.Movement.Static)
        self.pages.setSpacing(8)
        self.status = QLabel(self.tr("Choose the period and sections, then Preview (Ctrl+P) or Save (Ctrl+S)."))
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Period:"), self.preset)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        form.addRow("", dates)
        form.addRow(self.tr("Sections:"), self.sections)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Business name:"), self.business)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addStretch()
        side = QWidget()
        side.setLayout(left)
        side.setMaximumWidth(420)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addWidget(self.pages, 1)
        outer = QHBoxLayout(self)
        outer.addWidget(side)
        outer.addLayout(right, 1)

        self._preset_chosen()
        self.refresh_business()

    # choices -------------------------------------------------------------------------------------

    def _today(self) -> date:
        from solocrm.analytics import frames, panel

        now = self.ctx.clock()
        return panel.local_date(now, frames.local_offset(now))

    def _preset_chosen(self) -> None:
        from solocrm.analytics import panel

        key = self.preset.currentData()
        if key == "custom":
            return
        today = self._today()
        if key == "last_month":
            end = today.replace(day=1) - timedelta(days=1)
            start = end.replace(day=1)
        else:
            start, end = panel.preset_period(key, today)
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)

    def _dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.preset.blockSignals(False)

    def refresh_business(self) -> None:
        from solocrm import settings

        name = settings.get(self.ctx.db, "business_name")
        self.business.setText(name or self.tr("Not set — add it in Settings to show it on the title page."))

    def showEvent(self, event: Any) -> None:
        self.refresh_business()
        super().showEvent(event)

    def chosen_sections(self) -> tuple[str, ...]:
        return tuple(self.sections.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.sections.count())
                     if self.sections.item(i).checkState() == Qt.CheckState.Checked)

    def period(self) -> tuple[date, date]:
        """The first and last day; raises ValidationError (said under the field) for a date that is none."""
        start, end = self.start.date(), self.end.date()
        assert start is not None and end is not None  # required fields hold a date or raise
        return start, end

    # generating ----------------------------------------------------------------------------------

    def _work(self, kind: str, path: Path):
        """Build and write the report off the GUI thread, with the choices read here on it."""
        from solocrm.reports import excel, pdf, sections

        (start, end), lang, chosen, now = self.period(), self.language.currentData(), self.chosen_sections(), \
            self.ctx.clock()
        preparing, writing = self.tr("Preparing the report…"), self.tr("Writing the report…")

        def work(progress: Progress) -> None:
            report = sections.build(self.ctx.db, start, end, lang, chosen, now=now,
                                    progress=lambda done, total: progress.report(done, total * 2, preparing))
            (pdf if kind == "pdf" else excel).render(
                report, path, lambda done, total: progress.report(total + done, total * 2, writing))

        return work

    def _ready(self) -> bool:
        if not self.chosen_sections():
            self.status.setText(self.tr("Choose at least one section."))
            return False
        try:
            self.period()
        except ValidationError:  # a typed date that is not one: said under its field
            return False
        return True

    def save(self) -> None:
        if not self._ready():
            return
        kind = self.format.currentData()
        start, end = self.period()
        suggested = f"report-{start.isoformat()}-{end.isoformat()}.{kind}"
        filters = self.tr("PDF document (*.pdf)") if kind == "pdf" else self.tr("Excel workbook (*.xlsx)")
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save report"), str(Path.home() / suggested), filters)
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(path.name + f".{kind}")

        def saved(_result: object) -> None:
            self.status.setText(self.tr("Saved {0}.").format(str(path)))

        self.ctx.runner.run(self._work(kind, path), on_success=saved, parent=self,
                            label=self.tr("Writing the report…"), cancellable=True)

    def preview(self) -> None:
        """Render the PDF into a temporary folder and show its pages as pictures."""
        if not self._ready():
            return
        if self._preview_dir is not None:
            self._preview_dir.cleanup()
        self._preview_dir = tempfile.TemporaryDirectory(prefix="solocrm-report-")
        folder = Path(self._preview_dir.name)

        make = self._work("pdf", folder / "preview.pdf")

        def work(progress: Progress) -> list[Path]:
            make(progress)
            tool = shutil.which("pdftoppm")
            if tool is None:
                return []
            subprocess.run([tool, "-png", "-r", str(PREVIEW_DPI), str(folder / "preview.pdf"), str(folder / "page")],
                           check=True, capture_output=True, timeout=120)
            return sorted(folder.glob("page-*.png"))

        self.ctx.runner.run(work, on_success=self._show_pages, parent=self, label=self.tr("Preparing the preview…"),
                            cancellable=True)

    def _show_pages(self, images: list[Path]) -> None:
        self.pages.clear()
        if not images:  # no page renderer installed: say what the report holds instead
            for i in range(self.sections.count()):
                item = self.sections.item(i)
                if item.checkState() == Qt.CheckState.Checked:
                    self.pages.addItem(item.text())
            self.status.setText(self.tr("Install poppler-utils (pdftoppm) to see the pages; the report will hold "
                                        "these sections."))
            return
        for number, image in enumerate(images, 1):
            picture = QPixmap(str(image)).scaledToWidth(PREVIEW_WIDTH, Qt.TransformationMode.SmoothTransformation)
            self.pages.addItem(QListWidgetItem(QIcon(picture), self.tr("Page {0}").format(number)))
        self.status.setText(self.tr("{0} pages. Save (Ctrl+S) writes the report.").format(len(images)))
