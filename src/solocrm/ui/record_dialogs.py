"""Record what happened with a customer: an order, an interaction, a survey answer.

The three dialogs share one frame: a form whose fields show their own problems
in red underneath, Save/Cancel, Enter to save (Ctrl+Enter from a text box),
nothing written until every field is valid.  Times are typed in local time and
stored as naive UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from solocrm import settings
from solocrm.errors import UserError, ValidationError
from solocrm.services import interactions, money, orders, surveys
from solocrm.services.changes import Changes
from solocrm.services.customers import CHANNELS
from solocrm.services.interactions import InteractionInput
from solocrm.services.orders import OrderInput
from solocrm.services.surveys import SurveyInput
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateTimeField
from solocrm.ui.formatting import date_text, to_local, to_utc
from solocrm.ui.messages import user_text
from solocrm.ui.operations import show_user_error
from solocrm.ui.text_limits import limit_length

ERROR_COLOUR = "#c0392b"
# A chosen score must stand out at a glance; the style's own "checked" shade is too faint.
CHOSEN_STYLE = ("QPushButton:checked { background-color: palette(highlight); color: palette(highlighted-text);"
                " border: 1px solid palette(highlight); border-radius: 3px; padding: 3px 6px; }")

Work = Callable[[], tuple[int, Changes]]


def _datetime_edit(field: str, utc: datetime) -> DateTimeField:
    local = to_local(utc)
    edit = DateTimeField(field, near=local.date())
    edit.setValue(local)
    return edit


def _suggesting_combo(items: tuple[str, ...], current: str | None, placeholder: str) -> QComboBox:
    """Free text with past values offered; a substring finds them (Chinese names rarely start alike)."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(items))
    combo.setCurrentText(current or "")
    combo.lineEdit().setPlaceholderText(placeholder)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


def _utc_of(edit: DateTimeField) -> datetime:
    """The moment in UTC; raises ValidationError (said under the date) when the date typed is none."""
    return to_utc(edit.value())


class _RecordDialog(QDialog):
    """The shared frame; a subclass builds its rows and says how to check and save them."""

    def __init__(self, ctx: AppContext, customer_id: int, record_id: int | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.record_id = record_id
        self.saved_id: int | None = None  # the record written, for callers that want to select it
        self.errors: dict[str, QLabel] = {}
        self._inputs: dict[str, QWidget] = {}
        self.setMinimumWidth(480)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        # Only once inside the dialog does Save become its lasting default (Enter after a click elsewhere).
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)

    # building --------------------------------------------------------------

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(f"color: {ERROR_COLOUR};")
        label.setWordWrap(True)
        label.hide()
        return label

    def _add_row(self, text: str, field: str, widget: QWidget, focus: QWidget | None = None) -> None:
        """A labelled row with its own error line; ``focus`` is what the label's mnemonic and errors jump to."""
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(widget)
        if isinstance(widget, DateTimeField):
            self.errors[field] = widget.day.error  # the date's own error line: one line, whoever finds the problem
        else:
            self.errors[field] = self._error_label()
            box_layout.addWidget(self.errors[field])
        label = QLabel(text)
        label.setBuddy(focus or widget)
        self.form.addRow(label, box)
        self._inputs[field] = focus or widget

    @staticmethod
    def _row(*widgets: QWidget, stretch_first: bool = True) -> QWidget:
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if index == 0 and stretch_first else 0)
        if not stretch_first:
            layout.addStretch(1)
        return box

    def _set_tab_order(self, *widgets: QWidget) -> None:
        chain = [*widgets, self.buttons.button(QDialogButtonBox.StandardButton.Save),
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # saving ----------------------------------------------------------------

    def _prepare(self, now: datetime) -> tuple[list[ValidationError], Work]:
        """Every problem with what is on screen, and the write to run when there are none."""
        raise NotImplementedError

    def save(self) -> None:
        self._show_errors([])
        try:
            problems, work = self._prepare(self.ctx.clock())
        except ValidationError as exc:  # a date typed that is not one: nothing is saved
            self._show_errors([exc])
            return
        if problems:
            self._show_errors(problems)
            return
        self.buttons.setEnabled(False)
        self.ctx.runner.run(lambda _p: work(), write=True, parent=self,
                            on_success=self._saved, on_failure=self._failed)

    def _saved(self, result: tuple[int, Changes]) -> None:
        self.saved_id, changes = result
        self.ctx.bus.publish(changes, self)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):  # found only when writing, e.g. a repeated order number
            self._show_errors([exc])
        elif isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            raise exc

    def _refused(self, error: ValidationError) -> None:
        """An input that would make a field too long was not taken: say so under that field."""
        label = self.errors[error.field or ""]
        label.setText(user_text(error))
        label.show()

    def _show_errors(self, problems: list[ValidationError]) -> None:
        """The first problem of each field under that field; focus goes to the first one."""
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()
        for problem in problems:
            label = self.errors.get(problem.field or "", self.general_error)
            if not label.isVisibleTo(self):
                label.setText(user_text(problem))
                label.show()
        if problems and problems[0].field in self._inputs:
            self._inputs[problems[0].field].setFocus()


class OrderDialog(_RecordDialog):
    """Add or edit one order; a new one starts at now, paid, in the business's currency."""

    def __init__(self, ctx: AppContext, customer_id: int, order_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, customer_id, order_id, parent)
        form = orders.order_form(ctx.db, customer_id, order_id, now=ctx.clock())
        data = form.data
        title = self.tr("New order for %1") if order_id is None else self.tr("Edit order for %1")
        self.setWindowTitle(title.replace("%1", form.customer_name))

        self.amount = QLineEdit(placeholderText="0.00")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        if order_id is not None:
            self.amount.setText(money.format_plain(data.amount_minor))
        self.currency = QComboBox()
        codes = [code for code, _label in settings.spec("currency").choices]
        self.currency.addItems(codes if data.currency in codes else [*codes, data.currency])
        self.currency.setCurrentText(data.currency)

        self.product = _suggesting_combo(form.products, data.product, self.tr("What did they buy?"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, orders.MAX_QUANTITY)
        self.quantity.setValue(data.quantity)
        self.ordered_at = _datetime_edit("ordered_at", data.ordered_at)
        channels = form.channels or (self.tr("In store"), self.tr("WeChat"), self.tr("Online shop"),
                                     self.tr("Phone"))
        self.channel = _suggesting_combo(channels, data.channel, self.tr("Where they bought"))
        self.status = QComboBox()
        for code in ("paid", "refunded"):
            self.status.addItem(labels.order_status(code), code)
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.order_no = QLineEdit(data.order_no or "")
        self.order_no.setPlaceholderText(self.tr("Optional, e.g. from your till"))

        self._add_row(self.tr("&Amount"), "amount", self._row(self.amount, self.currency), self.amount)
        self._add_row(self.tr("&Product"), "product", self.product)
        self._add_row(self.tr("&Quantity"), "quantity", self._row(self.quantity, stretch_first=False), self.quantity)
        self._add_row(self.tr("&Date and time"), "ordered_at", self.ordered_at)
        self._add_row(self.tr("C&hannel"), "channel", self.channel)
        self._add_row(self.tr("&Status"), "status", self.status)
        self._add_row(self.tr("Order &no."), "order_no", self.order_no)
        for field, edit in (("product", self.product.lineEdit()), ("channel", self.channel.lineEdit()),
                            ("order_no", self.order_no)):
            limit_length(edit, field, orders.TEXT_LIMITS[field], self._refused)
        self._set_tab_order(self.amount, self.currency, self.product, self.quantity, self.ordered_at,
                            self.channel, self.status, self.order_no)
        self.amount.setFocus()

    def _prepare(self, now: datetime) -> tuple[list[ValidationError], Work]:
        problems: list[ValidationError] = []
        try:
            amount = money.parse_amount(self.amount.text())
        except ValidationError as exc:
            problems.append(exc)
            amount = 0  # the service takes 0 (a free sample): the message above says what is wrong
        data = OrderInput(
            ordered_at=_utc_of(self.ordered_at),
            amount_minor=amount,
            currency=self.currency.currentText(),
            product=self.product.currentText(),
            quantity=self.quantity.value(),
            channel=self.channel.currentText(),
            status=self.status.currentData(),
            order_no=self.order_no.text(),
        )
        clean, errors = orders.check(data, now)
        db, customer_id, order_id = self.ctx.db, self.customer_id, self.record_id
        if order_id is None:
            return problems + errors, lambda: orders.add_order(db, customer_id, clean, now)
        return problems + errors, lambda: (order_id, orders.update_order(db, order_id, clean, now))


class InteractionDialog(_RecordDialog):
    """Log a call, chat or visit; a new one starts at now, outgoing, on the channel used last time."""

    def __init__(self, ctx: AppContext, customer_id: int, interaction_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, customer_id, interaction_id, parent)
        form = interactions.interaction_form(ctx.db, customer_id, interaction_id, now=ctx.clock())
        data = form.data
        title = self.tr("Log contact with %1") if interaction_id is None else self.tr("Edit contact with %1")
        self.setWindowTitle(title.replace("%1", form.customer_name))

        self.channel = QComboBox()
        for code in CHANNELS:
            self.channel.addItem(labels.channel(code), code)
        self.channel.setCurrentIndex(max(self.channel.findData(data.channel), 0))
        self.outgoing = QRadioButton(self.tr("We reached out"))
        self.incoming = QRadioButton(self.tr("They reached out"))
        (self.incoming if data.direction == "in" else self.outgoing).setChecked(True)
        self.summary = QPlainTextEdit(data.summary)
        self.summary.setPlaceholderText(self.tr("What was said? Ctrl+Enter saves."))
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(96)
        self.outcome = QLineEdit(data.outcome or "")
        self.outcome.setPlaceholderText(self.tr("Optional, e.g. will visit on Saturday"))
        self.occurred_at = _datetime_edit("occurred_at", data.occurred_at)

        self._add_row(self.tr("C&hannel"), "channel", self.channel)
        self._add_row(self.tr("Direction"), "direction",
                      self._row(self.outgoing, self.incoming, stretch_first=False), self.outgoing)
        self._add_row(self.tr("&Summary"), "summary", self.summary)
        self._add_row(self.tr("&Outcome"), "outcome", self.outcome)
        self._add_row(self.tr("&Date and time"), "occurred_at", self.occurred_at)
        self._set_tab_order(self.channel, self.outgoing, self.incoming, self.summary, self.outcome, self.occurred_at)
        self.summary.setFocus()

    def _prepare(self, now: datetime) -> tuple[list[ValidationError], Work]:
        data = InteractionInput(
            occurred_at=_utc_of(self.occurred_at),
            channel=self.channel.currentData(),
            direction="in" if self.incoming.isChecked() else "out",
            summary=self.summary.toPlainText(),
            outcome=self.outcome.text(),
        )
        clean, errors = interactions.check(data, now)
        db, customer_id, interaction_id = self.ctx.db, self.customer_id, self.record_id
        if interaction_id is None:
            return errors, lambda: interactions.add_interaction(db, customer_id, clean, now)
        return errors, lambda: (interaction_id, interactions.update_interaction(db, interaction_id, clean, now))


class ScorePicker(QWidget):
    """A row of score buttons, at most one chosen; bare-number scales also name their ends.

    Arrow keys move between scores and Space picks one; Enter still saves the
    dialog because the buttons never become its default.
    """

    def __init__(self, texts: dict[int, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.caption: QLabel | None = None
        row = QHBoxLayout()
        row.setSpacing(4)
        for score, text in texts.items():
            button = QPushButton(text)
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(30)
            button.setStyleSheet(CHOSEN_STYLE)
            self.group.addButton(button, score)
            row.addWidget(button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(row)

    def name_ends(self, low: str, high: str, meaning: Callable[[int], str]) -> None:
        """For bare numbers: name both ends underneath, and say what the chosen score means between them."""
        caption = QLabel()
        hints = QHBoxLayout()
        hints.addWidget(self._hint(low))
        hints.addWidget(caption, 1, Qt.AlignmentFlag.AlignCenter)
        hints.addWidget(self._hint(high))
        self._layout.addLayout(hints)

        def describe(score: int, checked: bool) -> None:
            if checked:
                caption.setText(meaning(score))

        self.group.idToggled.connect(describe)
        self.caption = caption

    @staticmethod
    def _hint(text: str) -> QLabel:
        hint = QLabel(text)
        hint.setStyleSheet("color: palette(placeholder-text);")
        return hint

    def value(self) -> int | None:
        checked = self.group.checkedId()
        return None if checked == -1 else checked

    def set_value(self, score: int | None) -> None:
        button = None if score is None else self.group.button(score)
        if button is not None:
            button.setChecked(True)

    def first_button(self) -> QPushButton:
        return self.group.buttons()[0]


class SurveyDialog(_RecordDialog):
    """Record a satisfaction (CSAT 1-5) or recommendation (NPS 0-10) answer, optionally about one order."""

    def __init__(self, ctx: AppContext, customer_id: int, survey_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, customer_id, survey_id, parent)
        form = surveys.survey_form(ctx.db, customer_id, survey_id, now=ctx.clock())
        data = form.data
        title = self.tr("Survey answer from %1") if survey_id is None else self.tr("Edit survey answer from %1")
        self.setWindowTitle(title.replace("%1", form.customer_name))
        self.setMinimumWidth(560)

        self.csat_choice = QRadioButton(self.tr("Satisfaction (CSAT, 1–5)"))
        self.nps_choice = QRadioButton(self.tr("Would recommend (NPS, 0–10)"))
        csat_texts = {1: self.tr("Very dissatisfied"), 2: self.tr("Dissatisfied"), 3: self.tr("Neutral"),
                      4: self.tr("Satisfied"), 5: self.tr("Very satisfied")}
        self.csat = ScorePicker({n: f"{n}\n{text}" for n, text in csat_texts.items()})
        self.nps = ScorePicker({n: str(n) for n in range(11)})
        self.nps.name_ends(self.tr("0 = not at all likely"), self.tr("10 = extremely likely"), self._nps_meaning)
        # Only the chosen scale is in the layout's way, so the form does not keep the taller one's height.
        self.scores = QWidget()
        scales = QVBoxLayout(self.scores)
        scales.setContentsMargins(0, 0, 0, 0)
        scales.addWidget(self.csat)
        scales.addWidget(self.nps)
        self.csat_choice.toggled.connect(self._show_scale)
        (self.nps_choice if data.kind == "nps" else self.csat_choice).setChecked(True)
        self._show_scale()
        self._picker().set_value(data.score)

        self.comment = QLineEdit(data.comment or "")
        self.comment.setPlaceholderText(self.tr("Optional: what they said, in their words"))
        self.order = QComboBox()
        self.order.addItem(self.tr("Not about one order"), None)
        for choice in form.orders:
            text = " · ".join(p for p in (date_text(choice.ordered_at), choice.product,
                                          money.format_amount(choice.amount_minor, choice.currency)) if p)
            self.order.addItem(text, choice.id)
        self.order.setCurrentIndex(max(self.order.findData(data.order_id), 0))
        self.responded_at = _datetime_edit("responded_at", data.responded_at)

        self._add_row(self.tr("Question"), "kind",
                      self._row(self.csat_choice, self.nps_choice, stretch_first=False), self.csat_choice)
        self._add_row(self.tr("Score"), "score", self.scores)
        self._add_row(self.tr("&Comment"), "comment", self.comment)
        self._add_row(self.tr("About &order"), "order_id", self.order)
        self._add_row(self.tr("&Date and time"), "responded_at", self.responded_at)
        self._set_tab_order(self.csat_choice, self.nps_choice, *self.csat.group.buttons(), *self.nps.group.buttons(),
                            self.comment, self.order, self.responded_at)
        self._picker().first_button().setFocus()

    def _nps_meaning(self, score: int) -> str:
        if score >= 9:
            return self.tr("%1: promoter").replace("%1", str(score))
        if score >= 7:
            return self.tr("%1: passive").replace("%1", str(score))
        return self.tr("%1: detractor").replace("%1", str(score))

    def _picker(self) -> ScorePicker:
        return self.nps if self.nps_choice.isChecked() else self.csat

    def _show_scale(self) -> None:
        picker = self._picker()
        self.csat.setVisible(picker is self.csat)
        self.nps.setVisible(picker is self.nps)
        self.scores.setFocusProxy(picker.first_button())  # "choose a score" lands on the visible scale
        if self.isVisible():
            self.resize(self.width(), self.sizeHint().height())

    def _prepare(self, now: datetime) -> tuple[list[ValidationError], Work]:
        data = SurveyInput(
            responded_at=_utc_of(self.responded_at),
            kind="nps" if self.nps_choice.isChecked() else "csat",
            score=self._picker().value(),
            comment=self.comment.text(),
            order_id=self.order.currentData(),
        )
        clean, errors = surveys.check(data, now)
        db, customer_id, survey_id = self.ctx.db, self.customer_id, self.record_id
        if survey_id is None:
            return errors, lambda: surveys.add_survey(db, customer_id, clean, now)
        return errors, lambda: (survey_id, surveys.update_survey(db, survey_id, clean, now))
