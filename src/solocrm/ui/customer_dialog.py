"""Add or edit a customer file (客户档案), with inline validation.

Nothing is saved until every field is valid: problems appear in red under the
field they concern and the dialog stays open.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from solocrm import settings
from solocrm.errors import ValidationError
from solocrm.services import customers
from solocrm.services.customers import CHANNELS, CustomerInput
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateField, years_ago
from solocrm.ui.formatting import to_local
from solocrm.ui.messages import user_text
from solocrm.ui.text_limits import limit_length

BIRTHDAY_YEARS_BACK = 30  # the calendar of an empty birthday opens here, not in January 1900
PHOTO_MAX_BYTES = 2 * 1024 * 1024


def _split(text: str) -> list[str]:
    """Several values in one box, separated by newlines, commas or semicolons (also full-width)."""
    for sep in ("\n", "，", "；", ";", "、"):
        text = text.replace(sep, ",")
    return [part.strip() for part in text.split(",") if part.strip()]


class CustomerDialog(QDialog):
    def __init__(self, ctx: AppContext, customer_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.saved_id: int | None = None
        self._photo: bytes | None = None
        self._referred_by: int | None = None
        self.setWindowTitle(self.tr("New customer") if customer_id is None else self.tr("Edit customer"))
        self.setMinimumWidth(560)

        self.errors: dict[str, QLabel] = {}
        tabs = QTabWidget()
        tabs.addTab(self._basic_tab(), self.tr("Basic"))
        tabs.addTab(self._details_tab(), self.tr("Address and source"))
        tabs.addTab(self._preferences_tab(), self.tr("Preferences"))
        tabs.addTab(self._personal_tab(), self.tr("Personal"))
        tabs.addTab(self._custom_tab(), self.tr("Custom fields"))
        self.tabs = tabs

        self.general_error = QLabel()
        self.general_error.setObjectName("errorLabel")
        self.general_error.setStyleSheet("color: #c0392b;")
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

        self._limit_lengths()
        if customer_id is not None:
            self._load(customers.load_input(ctx.db, customer_id))
        self.name.setFocus()

    # building --------------------------------------------------------------

    def _error_label(self, field: str) -> QLabel:
        label = QLabel()
        label.setStyleSheet("color: #c0392b;")
        label.setWordWrap(True)
        label.hide()
        self.errors[field] = label
        return label

    def _with_error(self, widget: QWidget, field: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self._error_label(field))
        return box

    def _basic_tab(self) -> QWidget:
        self.kind = QComboBox()
        for code in customers.KINDS:
            self.kind.addItem(labels.kind(code), code)
        self.name = QLineEdit(placeholderText=self.tr("e.g. 张三"))
        self.company = QLineEdit()
        self.title_edit = QLineEdit()
        self.phones = QLineEdit(placeholderText=self.tr("138 1234 5678, 021-6234 5678"))
        self.phones.setToolTip(self.tr("Several numbers: separate them with commas. A landline with its area code; "
                                       "an extension after 转 (0571 8765 4321 转 802)."))
        self.emails = QLineEdit(placeholderText=self.tr("name@example.com"))
        self.wechat = QLineEdit()
        self.tags = QLineEdit(placeholderText=self.tr("VIP, 老客"))
        self.tags.setToolTip(self.tr("Separate tags with commas."))
        completer = QCompleter(customers.tag_names(self.ctx.db), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        today = to_local(self.ctx.clock()).date()
        self.birthday = DateField("birthday", optional=True, near=years_ago(today, BIRTHDAY_YEARS_BACK))
        self.errors["birthday"] = self.birthday.error  # the service's complaints about it show in the same line
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not set"), None)
        for code in ("female", "male", "other"):
            self.gender.addItem(labels.gender(code), code)
        form = QFormLayout()
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name *"), self._with_error(self.name, "name"))
        form.addRow(self.tr("Company"), self._with_error(self.company, "company"))
        form.addRow(self.tr("Job title"), self._with_error(self.title_edit, "title"))
        form.addRow(self.tr("Phones"), self._with_error(self.phones, "phones"))
        form.addRow(self.tr("Emails"), self._with_error(self.emails, "emails"))
        form.addRow(self.tr("WeChat ID"), self._with_error(self.wechat, "wechat_id"))
        form.addRow(self.tr("Tags"), self._with_error(self.tags, "tags"))
        form.addRow(self.tr("Birthday"), self.birthday)  # a DateField says what is wrong in its own line
        form.addRow(self.tr("Gender"), self.gender)
        page = QWidget()
        page.setLayout(form)
        return page

    def _details_tab(self) -> QWidget:
        self.region = QLineEdit(placeholderText=self.tr("e.g. 广东"))
        self.city = QLineEdit(placeholderText=self.tr("e.g. 深圳"))
        self.city.setCompleter(QCompleter(customers.cities(self.ctx.db)[:500], self))
        self.address = QLineEdit()
        self.industry = QLineEdit()
        self.source_channel = QComboBox()
        self.source_channel.setEditable(True)
        self.source_channel.addItems(["", "朋友推荐", "微信", "抖音", "小红书", "门店", "美团", "淘宝", "官网"])
        self.source_campaign = QLineEdit()
        self.referred_by = QLineEdit(placeholderText=self.tr("Type a name to pick a customer"))
        self.referred_completer = QCompleter(self)
        self.referred_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.referred_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.referred_by.setCompleter(self.referred_completer)
        self.referred_by.textEdited.connect(self._update_referrer_choices)
        self._referrer_choices: dict[str, int] = {}
        form = QFormLayout()
        form.addRow(self.tr("Province / region"), self._with_error(self.region, "region"))
        form.addRow(self.tr("City"), self._with_error(self.city, "city"))
        form.addRow(self.tr("Address"), self._with_error(self.address, "address"))
        form.addRow(self.tr("Industry"), self._with_error(self.industry, "industry"))
        form.addRow(self.tr("Source channel"), self._with_error(self.source_channel, "source_channel"))
        form.addRow(self.tr("Campaign"), self._with_error(self.source_campaign, "source_campaign"))
        form.addRow(self.tr("Referred by"), self._with_error(self.referred_by, "referred_by_id"))
        page = QWidget()
        page.setLayout(form)
        return page

    def _preferences_tab(self) -> QWidget:
        self.consent = QCheckBox(self.tr("Agrees to receive marketing messages"))
        self.preferred_channel = QComboBox()
        self.preferred_channel.addItem(self.tr("No preference"), None)
        for code in CHANNELS:
            self.preferred_channel.addItem(labels.channel(code), code)
        self.preferred_hours = QLineEdit(placeholderText=self.tr("e.g. weekdays after 18:00"))
        form = QFormLayout()
        form.addRow(self.tr("Consent"), self.consent)
        form.addRow(self.tr("Preferred channel"), self.preferred_channel)
        form.addRow(self.tr("Preferred hours"), self._with_error(self.preferred_hours, "preferred_hours"))
        page = QWidget()
        page.setLayout(form)
        return page

    def _personal_tab(self) -> QWidget:
        self.photo_label = QLabel(self.tr("No photo"))
        self.photo_label.setFixedSize(96, 96)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid palette(mid); border-radius: 6px;")
        choose = QPushButton(self.tr("Choose photo…"))
        choose.clicked.connect(self._choose_photo)
        remove = QPushButton(self.tr("Remove photo"))
        remove.clicked.connect(lambda: self._set_photo(b""))
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_label)
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        photo_row.addLayout(buttons)
        photo_row.addStretch(1)
        self.personal = QPlainTextEdit()
        self.personal.setPlaceholderText(self.tr("Family, pets, likes… whatever helps you remember them."))
        self.notes = QPlainTextEdit()
        form = QFormLayout()
        form.addRow(self.tr("Photo"), self._with_error(self._wrap(photo_row), "photo"))
        form.addRow(self.tr("Personal details"), self.personal)
        form.addRow(self.tr("Notes"), self.notes)
        page = QWidget()
        page.setLayout(form)
        return page

    def _custom_tab(self) -> QWidget:
        self.custom = QTableWidget(0, 2)
        self.custom.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.custom.horizontalHeader().setStretchLastSection(True)
        self.custom.verticalHeader().setVisible(False)
        for name in customers.custom_field_names(self.ctx.db):
            self._add_custom_row(name, "")
        add = QPushButton(self.tr("Add field"))
        add.clicked.connect(lambda: self._add_custom_row("", ""))
        layout = QVBoxLayout()
        layout.addWidget(QLabel(self.tr("Fields you define appear on every customer.")))
        layout.addWidget(self.custom)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        page = QWidget()
        page.setLayout(layout)
        return page

    def _limit_lengths(self) -> None:
        """Each text field takes no more than the service saves (``customers.TEXT_LIMITS``)."""
        edits = {"name": self.name, "company": self.company, "title": self.title_edit, "wechat_id": self.wechat,
                 "region": self.region, "city": self.city, "address": self.address, "industry": self.industry,
                 "source_channel": self.source_channel.lineEdit(), "source_campaign": self.source_campaign,
                 "preferred_hours": self.preferred_hours}
        for field, edit in edits.items():
            limit_length(edit, field, customers.TEXT_LIMITS[field], self._refused)

    def _refused(self, error: ValidationError) -> None:
        """An input that would make a field too long was not taken: say so under the field, once."""
        label = self.errors[error.field or ""]
        label.setText(user_text(error))
        label.show()

    @staticmethod
    def _wrap(layout: QHBoxLayout) -> QWidget:
        widget = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(layout)
        return widget

    def _add_custom_row(self, name: str, value: str) -> None:
        for row in range(self.custom.rowCount()):
            item = self.custom.item(row, 0)
            if name and item is not None and item.text() == name:
                self.custom.setItem(row, 1, QTableWidgetItem(value))
                return
        row = self.custom.rowCount()
        self.custom.insertRow(row)
        self.custom.setItem(row, 0, QTableWidgetItem(name))
        self.custom.setItem(row, 1, QTableWidgetItem(value))

    def _update_referrer_choices(self, text: str) -> None:
        if len(text.strip()) < 1:
            return
        matches = [(cid, name) for cid, name in customers.find_by_name(self.ctx.db, text)
                   if cid != self.customer_id]
        self._referrer_choices = {f"{name} (#{cid})": cid for cid, name in matches}
        from PySide6.QtCore import QStringListModel

        self.referred_completer.setModel(QStringListModel(list(self._referrer_choices), self.referred_completer))

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp)"))
        if not path:
            return
        with open(path, "rb") as fh:
            data = fh.read(PHOTO_MAX_BYTES + 1)
        if len(data) > PHOTO_MAX_BYTES:
            self._show_error("photo", self.tr("This photo is larger than 2 MB. Choose a smaller picture."))
            return
        if QPixmap().loadFromData(data) is False:
            self._show_error("photo", self.tr("This file is not a picture SoloCRM can read."))
            return
        self._set_photo(data)

    def _set_photo(self, data: bytes) -> None:
        self._photo = data
        self.errors["photo"].hide()
        if data:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            self.photo_label.setPixmap(pixmap.scaled(96, 96, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(self.tr("No photo"))

    # values ----------------------------------------------------------------

    def _load(self, data: CustomerInput) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.name.setText(data.name)
        self.company.setText(data.company or "")
        self.title_edit.setText(data.title or "")
        self.phones.setText(", ".join(data.phones))
        self.emails.setText(", ".join(data.emails))
        self.wechat.setText(data.wechat_id or "")
        self.tags.setText(", ".join(data.tags))
        self.birthday.setDate(data.birthday)
        self.gender.setCurrentIndex(max(self.gender.findData(data.gender), 0))
        self.region.setText(data.region or "")
        self.city.setText(data.city or "")
        self.address.setText(data.address or "")
        self.industry.setText(data.industry or "")
        self.source_channel.setCurrentText(data.source_channel or "")
        self.source_campaign.setText(data.source_campaign or "")
        self._referred_by = data.referred_by_id
        if data.referred_by_id is not None:
            name = customers.load_input(self.ctx.db, data.referred_by_id).name
            label = f"{name} (#{data.referred_by_id})"
            self._referrer_choices = {label: data.referred_by_id}
            self.referred_by.setText(label)
        self.consent.setChecked(data.consent_marketing)
        self.preferred_channel.setCurrentIndex(max(self.preferred_channel.findData(data.preferred_channel), 0))
        self.preferred_hours.setText(data.preferred_hours or "")
        self.personal.setPlainText(data.personal_details or "")
        self.notes.setPlainText(data.notes or "")
        if data.photo:
            self._set_photo(data.photo)
            self._photo = None  # unchanged unless the user picks or removes one
        for name, value in data.custom.items():
            self._add_custom_row(name, value)

    def _referrer_id(self) -> int | None:
        text = self.referred_by.text().strip()
        if not text:
            return None
        if text in self._referrer_choices:
            return self._referrer_choices[text]
        raise ValidationError(self.tr("Pick the referring customer from the suggestions, or leave it empty."),
                              field="referred_by_id")

    def value(self) -> CustomerInput:
        """What the form holds; raises ValidationError when the birthday typed is not a date."""
        custom = {}
        for row in range(self.custom.rowCount()):
            key_item, value_item = self.custom.item(row, 0), self.custom.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                custom[key] = value_item.text() if value_item else ""
        return CustomerInput(
            name=self.name.text(),
            kind=self.kind.currentData(),
            company=self.company.text(),
            title=self.title_edit.text(),
            wechat_id=self.wechat.text(),
            address=self.address.text(),
            region=self.region.text(),
            city=self.city.text(),
            industry=self.industry.text(),
            gender=self.gender.currentData(),
            birthday=self.birthday.date(),
            source_channel=self.source_channel.currentText(),
            source_campaign=self.source_campaign.text(),
            consent_marketing=self.consent.isChecked(),
            preferred_channel=self.preferred_channel.currentData(),
            preferred_hours=self.preferred_hours.text(),
            personal_details=self.personal.toPlainText(),
            notes=self.notes.toPlainText(),
            referred_by_id=None,
            phones=_split(self.phones.text()),
            emails=_split(self.emails.text()),
            tags=_split(self.tags.text()),
            custom=custom,
            photo=self._photo,
        )

    def _show_error(self, field: str, message: str) -> None:
        label = self.errors.get(field)
        if label is None:
            self.general_error.setText(message)
            self.general_error.show()
            return
        label.setText(message if not label.isVisible() else label.text() + "\n" + message)
        label.show()

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.clear()
        self.general_error.hide()
        try:
            data = self.value()
        except ValidationError:  # a birthday that is not a date: said under the field, nothing saved
            self.tabs.setCurrentIndex(0)
            self.birthday.setFocus()
            return
        problems: list[ValidationError] = []
        try:
            data.referred_by_id = self._referrer_id()
        except ValidationError as exc:
            problems.append(exc)
        _clean, errors = customers.check(data, settings.get(self.ctx.db, "phone_region"))
        problems.extend(errors)
        if problems:
            for problem in problems:
                self._show_error(problem.field or "", user_text(problem))
            first = problems[0].field
            for index, field_widget in ((0, "name"), (0, "company"), (0, "title"), (0, "phones"), (0, "emails"),
                                        (0, "wechat_id"), (0, "tags"), (0, "birthday"), (1, "region"), (1, "city"),
                                        (1, "address"), (1, "industry"), (1, "source_channel"),
                                        (1, "source_campaign"), (1, "referred_by_id"), (2, "preferred_hours"),
                                        (3, "photo")):
                if first == field_widget:
                    self.tabs.setCurrentIndex(index)
                    break
            return
        self.buttons.setEnabled(False)
        if self.customer_id is None:
            self.ctx.runner.run(lambda _p: customers.create(self.ctx.db, data), write=True, parent=self,
                                on_success=self._created, on_failure=self._failed)
        else:
            cid = self.customer_id
            self.ctx.runner.run(lambda _p: (cid, customers.update_customer(self.ctx.db, cid, data)), write=True,
                                parent=self, on_success=self._created, on_failure=self._failed)

    def _created(self, result: tuple) -> None:
        self.saved_id, changes = result
        self.ctx.bus.publish(changes, self)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_error(exc.field or "", user_text(exc))
            return
        raise exc
