"""The one date field of the app: type a date in any common form or pick it from a calendar.

A ``QDateEdit`` with a "not set" sentinel turned "1988-05-20" typed over
"未填写" into "未填写19880520" and saved no birthday, without a word.  This
field keeps what was typed as text, reads it with the import's date parser
(2024-01-05, 2024/1/5, 20240105, 2024年1月5日), says under itself when the
text cannot be a date, and hands the dialog an error instead of a value, so
nothing typed is ever dropped in silence.  An optional field is "not set"
when empty (its clear button empties it); the calendar opens at the date in
the field, or at a date that suits the field (a birthday ~30 years back).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QPoint, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from solocrm.errors import ValidationError
from solocrm.importing.values import CellError, typed_date
from solocrm.translatable import QT_TRANSLATE_NOOP
from solocrm.ui.messages import user_text

ERROR_COLOUR = "#c0392b"


def years_ago(today: date, years: int) -> date:
    """The same day ``years`` back (28 February for 29 February): where a birthday's calendar opens."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


class DateField(QWidget):
    """A date as typed text with a calendar button and an error line; ``date()`` gives the date or raises.

    ``field`` names the value in the ValidationError a dialog receives;
    ``near`` is where the calendar opens while the field is empty;
    ``latest`` refuses dates after it (analytics cannot look past today).
    ``dateChanged`` carries the new date (or None) whenever the text comes to
    mean another date, typed or set.
    """

    dateChanged = Signal(object)

    def __init__(self, field: str, *, near: date, optional: bool = False, latest: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.near = near
        self.optional = optional
        self.latest = latest
        self._shown: date | None = None
        self.edit = QLineEdit()
        self.edit.setObjectName("dateText")
        self.edit.setPlaceholderText(self.tr("Not set") if optional else "2024-01-05")
        self.edit.setClearButtonEnabled(optional)
        self.edit.setToolTip(self.tr("Type a date like 2024-01-05, 2024/1/5, 20240105 or 2024年1月5日, or pick one "
                                     "from the calendar."))
        self.edit.textEdited.connect(self._typed)
        self.edit.textChanged.connect(self._cleared)
        self.edit.editingFinished.connect(self._finished)
        self.button = QToolButton()
        self.button.setObjectName("dateCalendarButton")
        self.button.setText("▾")
        self.button.setToolTip(self.tr("Pick from the calendar"))
        self.button.clicked.connect(self.open_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        if latest is not None:
            self.calendar.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.popup = QMenu(self)
        action = QWidgetAction(self.popup)
        action.setDefaultWidget(self.calendar)
        self.popup.addAction(action)
        self.error = QLabel()
        self.error.setObjectName("dateError")
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.setWordWrap(True)
        self.error.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.setFocusProxy(self.edit)

    # the value ---------------------------------------------------------------

    def date(self) -> date | None:
        """The date the field holds, None when an optional field is empty; raises (and says so) when it holds none."""
        try:
            return self._read()
        except ValidationError as exc:
            self.show_error(user_text(exc))
            raise

    def setDate(self, day: date | None) -> None:  # noqa: N802 - the Qt spelling, as the widget it replaces
        self.edit.setText(day.isoformat() if day else "")
        self.hide_error()
        self._announce(day)

    def _read(self) -> date | None:
        text = self.edit.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Type a date like 2024-01-05, or pick one from the "
                                                              "calendar."), field=self.field)
        try:
            day = typed_date(text)
        except CellError as exc:
            raise ValidationError(exc.template, field=self.field, **exc.params) from None
        if self.latest is not None and day > self.latest:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{value} is after {latest}. Choose a date on or before "
                                                              "it."), field=self.field, value=text,
                                  latest=self.latest.isoformat())
        return day

    # the error line -------------------------------------------------------------

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def hide_error(self) -> None:
        self.error.clear()
        self.error.hide()

    # typing and picking -------------------------------------------------------------

    def _typed(self, _text: str) -> None:
        self.hide_error()  # no complaint while the user is still typing
        try:
            day = self._read()
        except ValidationError:
            return
        self._announce(day)

    def _cleared(self, text: str) -> None:
        if not text and self.optional:  # the clear button empties the field without a textEdited
            self.hide_error()
            self._announce(None)

    def _finished(self) -> None:
        """Leaving the field: a date is shown as 2024-01-05, anything else is named as not a date."""
        try:
            day = self._read()
        except ValidationError as exc:
            if self.edit.text().strip():
                self.show_error(user_text(exc))
            return
        if day is not None and self.edit.text() != day.isoformat():
            self.edit.setText(day.isoformat())

    def _announce(self, day: date | None) -> None:
        if day != self._shown:
            self._shown = day
            self.dateChanged.emit(day)

    def open_calendar(self) -> None:
        """The calendar at the field's date, or at ``near`` when the field holds none."""
        try:
            day = self._read() or self.near
        except ValidationError:
            day = self.near
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.popup.popup(self.button.mapToGlobal(QPoint(0, self.button.height())))
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self.popup.close()
        self.setDate(date(day.year(), day.month(), day.day()))


class DateTimeField(QWidget):
    """A moment as a DateField and the time of day beside it: a task's due time, an order's, a conversation's.

    The time keeps the seconds it was given, so saving a record whose time
    was not touched stores the moment it held.
    """

    def __init__(self, field: str, *, near: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.day = DateField(field, near=near)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day, 1)
        row.addWidget(self.time, 0, Qt.AlignmentFlag.AlignTop)  # level with the date, above its error line
        self.setFocusProxy(self.day)

    def value(self) -> datetime:
        """The local moment; raises ValidationError (said under the date) when the date typed is none."""
        day = self.day.date()
        assert day is not None  # a required field holds a date or raises
        return datetime.combine(day, self.time.time().toPython())

    def setValue(self, local: datetime) -> None:  # noqa: N802 - the Qt spelling of the fields around it
        self.day.setDate(local.date())
        self.time.setTime(QTime(local.hour, local.minute, local.second, local.microsecond // 1000))
