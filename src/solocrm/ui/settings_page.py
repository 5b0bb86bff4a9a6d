"""The settings page: one editor per declared setting, plus where the files live.

Built from ``solocrm.settings.SPECS`` so a new setting appears here without
UI code.  Edits stay on the page until Save, which goes through the write
runner like every other change and then tells the other views on the bus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from solocrm import settings
from solocrm.errors import UserError
from solocrm.services.changes import Changes
from solocrm.settings import SettingSpec
from solocrm.ui.context import AppContext
from solocrm.ui.logo_editor import LogoEditor
from solocrm.ui.operations import show_user_error

SPIN_MAXIMUM = 2**31 - 1  # QSpinBox holds a C int
PAGE_WIDTH = 640  # form rows wider than this are hard to read on a big screen
Editor = QSpinBox | QComboBox | QLineEdit | LogoEditor


def _tr_setting(text: str) -> str:
    """Spec labels are English source strings in the core; their translations live in the UI."""
    return QCoreApplication.translate("settings", text) if text else ""


class SettingsPage(QWidget):
    """Preferences of the open database and the locations of its files."""

    def __init__(self, ctx: AppContext, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._data_dir = data_dir
        self._saved: dict[str, Any] = {spec.key: spec.default for spec in settings.SPECS}
        self.editors: dict[str, Editor] = {}

        body = QWidget()
        body.setMaximumWidth(PAGE_WIDTH)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        for box in self._build_preferences():
            column.addWidget(box)
        column.addWidget(self._build_files())
        column.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(body, 1)
        row.addStretch(0)
        page = QWidget()
        page.setLayout(row)
        scroll = QScrollArea()  # a laptop screen is shorter than every setting
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        buttons = QWidget()  # below the scrolled settings, always in reach, as wide as them
        buttons.setMaximumWidth(PAGE_WIDTH)
        buttons.setLayout(self._build_buttons())
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(buttons)

        ctx.bus.changed.connect(self._on_changes)
        self._show(self._saved)  # defaults until the stored values arrive
        self._load()

    # --- building -----------------------------------------------------------------

    def _build_preferences(self) -> list[QGroupBox]:
        """One box per group of settings, in the order the groups first appear in SPECS."""
        forms: dict[str, QFormLayout] = {}
        boxes = []
        labels: list[QLabel] = []
        for spec in settings.SPECS:
            form = forms.get(spec.group)
            if form is None:
                box = QGroupBox(_tr_setting(spec.group))
                boxes.append(box)
                form = forms[spec.group] = QFormLayout(box)
                form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            editor = self._make_editor(spec)
            self.editors[spec.key] = editor
            help_text = _tr_setting(spec.help)
            if spec.key == "language":
                note = self.tr("Takes effect the next time SoloCRM starts.")
                help_text = f"{help_text} {note}".strip()
            label = QLabel(_tr_setting(spec.label))
            label.setBuddy(editor)
            labels.append(label)
            field = QWidget()
            field_layout = QVBoxLayout(field)
            field_layout.setContentsMargins(0, 0, 0, 0)
            field_layout.setSpacing(2)
            editor_row = QHBoxLayout()
            editor_row.addWidget(editor)
            if not isinstance(editor, QLineEdit):  # numbers and choices read best at their natural width
                editor_row.addStretch(1)
            field_layout.addLayout(editor_row)
            if help_text:
                editor.setToolTip(help_text)
                label.setToolTip(help_text)
                field_layout.addWidget(self._hint(help_text))
            form.addRow(label, field)
        widest = max(label.sizeHint().width() for label in labels)
        for label in labels:  # one label column through every box, so the fields line up
            label.setMinimumWidth(widest)
        return boxes

    def _make_editor(self, spec: SettingSpec) -> Editor:
        if spec.image:
            editor = LogoEditor()
            editor.changed.connect(self._update_buttons)
            editor.refused.connect(lambda message: self.status.setText(message))  # status is built later
            return editor
        if spec.choices:
            combo = QComboBox()
            for value, label in spec.choices:
                combo.addItem(_tr_setting(label), value)
            combo.currentIndexChanged.connect(self._update_buttons)
            return combo
        if isinstance(spec.default, int) and not isinstance(spec.default, bool):
            spin = QSpinBox()
            spin.setGroupSeparatorShown(True)  # 20,000 reads faster than 20000
            spin.setRange(spec.minimum if spec.minimum is not None else 0,
                          spec.maximum if spec.maximum is not None else SPIN_MAXIMUM)
            spin.valueChanged.connect(self._update_buttons)
            return spin
        line = QLineEdit()
        line.textChanged.connect(self._update_buttons)
        return line

    def _hint(self, text: str) -> QLabel:
        hint = QLabel(text)
        hint.setWordWrap(True)
        font = hint.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        hint.setFont(font)
        palette = hint.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        hint.setPalette(palette)
        return hint

    def _build_files(self) -> QGroupBox:
        box = QGroupBox(self.tr("Files"))
        form = QFormLayout(box)
        db_path = self._ctx.db.path
        self.database_label = self._path_label(db_path)
        self.open_database_folder = QPushButton(self.tr("Open folder"))
        self.open_database_folder.clicked.connect(lambda: self._open_folder(db_path.parent))
        form.addRow(self.tr("Database file"), self._path_row(self.database_label, self.open_database_folder))
        self.data_dir_label = self._path_label(self._data_dir)
        self.open_data_folder = QPushButton(self.tr("Open folder"))
        self.open_data_folder.clicked.connect(lambda: self._open_folder(self._data_dir))
        form.addRow(self.tr("Data folder"), self._path_row(self.data_dir_label, self.open_data_folder))
        return box

    def _path_label(self, path: Path) -> QLabel:
        label = QLabel(str(path))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _path_row(self, label: QLabel, button: QPushButton) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        self.status = QLabel()
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.setToolTip(self.tr("Undo the changes you have not saved"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.revert_button)
        row.addWidget(self.save_button)
        return row

    # --- values -------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the editors show now, in stored form."""
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, (QSpinBox, LogoEditor)):
                result[key] = editor.value()
            else:
                result[key] = editor.text().strip()
        return result

    def pending_changes(self) -> dict[str, Any]:
        return {key: value for key, value in self.values().items() if value != self._saved[key]}

    def _show(self, values: dict[str, Any]) -> None:
        for key, value in values.items():
            editor = self.editors[key]
            if isinstance(editor, QComboBox):
                index = editor.findData(value)
                if index < 0:  # a value this version does not list: keep it rather than lose it
                    editor.addItem(str(value), value)
                    index = editor.count() - 1
                editor.setCurrentIndex(index)
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value))
            elif isinstance(editor, LogoEditor):
                editor.setValue(str(value))
            else:
                editor.setText(str(value))
        self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = bool(self.pending_changes())
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.status.clear()

    # --- actions ------------------------------------------------------------------

    def _load(self) -> None:
        db = self._ctx.db
        self._ctx.runner.run(lambda _progress: settings.load(db), on_success=self._loaded, parent=self)

    def _loaded(self, values: dict[str, Any]) -> None:
        self._saved = dict(values)
        self._show(values)

    def revert(self) -> None:
        self._show(self._saved)
        self.status.clear()

    def save(self) -> None:
        changes = self.pending_changes()
        if not changes:
            return
        db = self._ctx.db
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self._ctx.runner.run(
            lambda _progress: settings.save(db, changes, now=self._ctx.clock()),
            on_success=lambda _result: self._saved_changes(changes),
            on_failure=self._save_failed,
            write=True,
            parent=self,
            label=self.tr("Saving settings…"),
        )

    def _saved_changes(self, changes: dict[str, Any]) -> None:
        self._saved.update(changes)
        self._update_buttons()
        if "language" in changes:
            self.status.setText(self.tr("Saved. The new language is used the next time SoloCRM starts."))
        else:
            self.status.setText(self.tr("Saved."))
        self._ctx.bus.publish(Changes(settings=True), self)

    def _save_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            raise exc

    def _on_changes(self, changes: Changes, source: object | None) -> None:
        # Settings saved elsewhere: show them, unless that would throw away the user's edits.
        if changes.settings and source is not self and not self.pending_changes():
            self._load()

    def _open_folder(self, folder: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(
                self,
                self.tr("Open folder"),
                self.tr("SoloCRM could not open a file manager. The folder is:\n{folder}").format(folder=folder),
            )
