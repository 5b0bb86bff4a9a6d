"""Add or edit a follow-up task, and the local-time helpers every task view shares.

Times are stored as naive UTC and always shown and typed in the user's local
time; the helpers here are the single place that conversion happens in the UI.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from solocrm.errors import UserError, ValidationError
from solocrm.services import customers, tasks
from solocrm.services.changes import Changes
from solocrm.services.tasks import TaskInput, TaskItem
from solocrm.ui.context import AppContext
from solocrm.ui.date_field import DateTimeField
from solocrm.ui.messages import user_text
from solocrm.ui.operations import show_user_error
from solocrm.ui.text_limits import limit_length

DEFAULT_HOUR = 9  # a new follow-up lands on tomorrow morning, when people make calls

_INVALID_STYLE = "border: 1px solid #c62828; border-radius: 3px;"


def local_tz(now_utc: datetime) -> tzinfo:
    """The system's UTC offset at ``now_utc``, for services that split days on the local calendar."""
    zone = now_utc.replace(tzinfo=timezone.utc).astimezone().tzinfo
    assert zone is not None
    return zone


def to_local(utc: datetime) -> datetime:
    """Stored naive UTC -> naive local wall-clock time for display."""
    return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def to_utc(local: datetime) -> datetime:
    """Naive local wall-clock time as typed -> naive UTC for storage."""
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def task_title(item: TaskItem) -> str:
    """The title as the user should read it: cadence tasks are stored untranslated."""
    if item.is_stay_in_touch:
        return QCoreApplication.translate("TaskTitle", "Stay in touch")
    return item.title


class TaskDialog(QDialog):
    """Title, due date and time, repeat rule, optional customer, notes.

    Saving runs through the runner and publishes the change on the bus, so the
    caller does not need to refresh anything; ``saved`` carries the task id for
    callers that want to select it.
    """

    saved = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        task_id: int | None = None,
        customer_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._task_id = task_id
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Edit task") if task_id else self.tr("New task"))
        self.setMinimumWidth(440)

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("e.g. Send Mr Wang the quote"))
        limit_length(self.title_edit, "title", tasks.TITLE_MAX, lambda error: self._show_errors([error]))

        self.due = DateTimeField("due_date", near=to_local(ctx.clock()).date())

        self.recurrence_combo = QComboBox()
        labels = {
            "none": self.tr("Does not repeat"), "daily": self.tr("Every day"), "weekly": self.tr("Every week"),
            "monthly": self.tr("Every month"), "yearly": self.tr("Every year"),
        }
        for value in tasks.RECURRENCES:
            self.recurrence_combo.addItem(labels[value], value)

        self.customer_edit = QLineEdit()
        self.customer_edit.setPlaceholderText(self.tr("Optional: type a name, pinyin or phone"))
        self.customer_edit.setClearButtonEnabled(True)
        self._matches = QStandardItemModel(self)
        self.completer = QCompleter(self._matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.customer_edit.setCompleter(self.completer)
        self.customer_edit.textEdited.connect(self._on_customer_typed)
        self.completer.activated[QModelIndex].connect(self._on_customer_picked)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Optional"))
        self.notes_edit.setFixedHeight(80)

        self.error_label = QLabel()
        self.error_label.setObjectName("validationMessage")
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Repeat"), self.recurrence_combo)
        form.addRow(self.tr("Customer"), self.customer_edit)
        form.addRow(self.tr("Notes"), self.notes_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._fields = {"title": self.title_edit, "due_at": self.due.day.edit, "recurrence": self.recurrence_combo,
                        "customer": self.customer_edit}
        self.due.setValue(self._default_due())
        if task_id is not None:
            self._ctx.runner.run(lambda _p: tasks.get(ctx.db, task_id), on_success=self._fill, parent=self)
        elif customer_id is not None:
            self._ctx.runner.run(lambda _p: tasks.customer_name(ctx.db, customer_id),
                                 on_success=self.customer_edit.setText, parent=self)

    def _default_due(self) -> datetime:
        tomorrow = to_local(self._ctx.clock()).date() + timedelta(days=1)
        return datetime.combine(tomorrow, time(DEFAULT_HOUR))

    def _fill(self, item: TaskItem) -> None:
        self.title_edit.setText(task_title(item))
        self.due.setValue(to_local(item.due_at))
        self.recurrence_combo.setCurrentIndex(max(0, self.recurrence_combo.findData(item.recurrence)))
        self._customer_id = item.customer_id
        self.customer_edit.setText(item.customer_name or "")
        self.notes_edit.setPlainText(item.notes or "")

    # customer picker -----------------------------------------------------------------

    def _on_customer_typed(self, text: str) -> None:
        self._customer_id = None  # typed text names nobody until a suggestion is picked
        query = text.strip()
        if not query:
            self._matches.clear()
            return

        def show(found: list[tuple[int, str]]) -> None:
            if self.customer_edit.text().strip() != query:
                return  # the user kept typing; a newer search is on its way
            self._matches.clear()
            for customer_id, name in found:
                item = QStandardItem(name)
                item.setData(customer_id, Qt.ItemDataRole.UserRole)
                self._matches.appendRow(item)
            if found:
                self.completer.complete()

        self._ctx.runner.run(lambda _p: customers.find_by_name(self._ctx.db, query), on_success=show, parent=self)

    def _on_customer_picked(self, index: QModelIndex) -> None:
        self._customer_id = index.data(Qt.ItemDataRole.UserRole)
        self.customer_edit.setText(index.data())  # unfiltered completion leaves the typed query in place
        self._clear_error("customer")

    # saving ---------------------------------------------------------------------------

    def task_input(self) -> TaskInput:
        """What the form holds; raises ValidationError when the due date typed is not a date."""
        return TaskInput(
            title=self.title_edit.text(),
            due_at=to_utc(self.due.value()),
            customer_id=self._customer_id,
            notes=self.notes_edit.toPlainText(),
            recurrence=self.recurrence_combo.currentData(),
        )

    def save(self) -> None:
        try:
            data = self.task_input()
        except ValidationError:  # the due date typed is not a date: said under the field, nothing saved
            self.due.setFocus()
            return
        if not self.customer_edit.text().strip():
            data.customer_id = None  # cleared without typing, e.g. a preset customer removed
        _, errors = tasks.check(data)
        if self.customer_edit.text().strip() and data.customer_id is None:
            errors.append(ValidationError(
                self.tr("Pick the customer from the suggestions, or leave the field empty."), field="customer"))
        if errors:
            self._show_errors(errors)
            return
        self._show_errors([])
        self.buttons.setEnabled(False)
        db = self._ctx.db
        task_id = self._task_id

        def work(_p: object) -> tuple[int, Changes]:
            if task_id is None:
                return tasks.create(db, data)
            return task_id, tasks.update_task(db, task_id, data)

        self._ctx.runner.run(work, write=True, on_success=self._saved, on_failure=self._failed, parent=self)

    def _saved(self, result: tuple[int, Changes]) -> None:
        task_id, changes = result
        self._ctx.bus.publish(changes, self)
        self.saved.emit(task_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors([exc])
        elif isinstance(exc, UserError):
            show_user_error(self, exc)
        else:
            raise exc

    def _show_errors(self, errors: list[ValidationError]) -> None:
        marked = {e.field for e in errors}
        for name, widget in self._fields.items():
            widget.setStyleSheet(_INVALID_STYLE if name in marked else "")
        self.error_label.setText("\n".join(user_text(e) for e in errors))
        self.error_label.setVisible(bool(errors))
        if errors and errors[0].field in self._fields:
            self._fields[errors[0].field].setFocus()

    def _clear_error(self, name: str) -> None:
        self._fields[name].setStyleSheet("")
