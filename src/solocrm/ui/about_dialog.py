"""Help > About: which SoloCRM this is, where its data lives, and what it is built from.

The licence list comes from the installed (or bundled) distributions, so it is
right for the copy the user runs; selecting a component shows its licence text.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from solocrm import __version__, licences
from solocrm.locations import shipped_dir
from solocrm.ui.window_size import resize_within_screen


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, data_dir: Path, log_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About SoloCRM"))
        self.components = licences.components()

        logo = QLabel()
        logo.setPixmap(QIcon(str(shipped_dir("resources") / "icons" / "solocrm.png")).pixmap(64, 64))
        title = QLabel(f"SoloCRM {__version__}")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        tagline = QLabel(self.tr("The customer file of a one-person company. Your data stays on this computer."))
        tagline.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        facts = QFormLayout()
        facts.addRow(self.tr("Version"), QLabel(
            self.tr("%1 (Python %2, Qt %3, PySide6 %4)").replace("%1", __version__)
            .replace("%2", platform.python_version()).replace("%3", qVersion()).replace("%4", pyside_version)))
        for label, path in ((self.tr("Database file"), db_path), (self.tr("Data folder"), data_dir),
                            (self.tr("Log folder"), log_dir)):
            facts.addRow(label, self._path_row(path))

        self.table = QTableWidget(len(self.components), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for row, component in enumerate(self.components):
            for column, text in enumerate((component.name, component.version, component.licence)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_licence(row))
        note = QLabel(self.tr(
            "SoloCRM is free software under the MIT licence. Qt and PySide6 are used under the GNU LGPL "
            "version 3: you may replace the Qt libraries in the program folder with your own build."))
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(facts)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("Built with")))
        layout.addWidget(self.table, 2)
        layout.addWidget(self.licence_text, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        resize_within_screen(self, 640, 620)
        self.table.selectRow(0)

    def _path_row(self, path: Path) -> QWidget:
        label = QLabel(str(path))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        folder = path if path.is_dir() or not path.suffix else path.parent
        button = QPushButton(self.tr("Open folder"))
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _show_licence(self, row: int) -> None:
        if not 0 <= row < len(self.components):
            return
        component = self.components[row]
        if component.licence_text:
            self.licence_text.setPlainText(component.licence_text)
        elif component.name == "Python":
            self.licence_text.setPlainText(self.tr("Python Software Foundation License: %1")
                                           .replace("%1", "https://docs.python.org/3/license.html"))
        elif component.name.startswith(("PySide6", "shiboken6")):
            self.licence_text.setPlainText(self.tr("GNU Lesser General Public License v3: %1")
                                           .replace("%1", "https://www.gnu.org/licenses/lgpl-3.0.html"))
        else:
            self.licence_text.setPlainText(component.licence)
