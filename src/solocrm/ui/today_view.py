"""The Today page: what is overdue, what is due today, what is coming this week.

This is the screen that stops follow-ups being forgotten, so it stays quiet:
only overdue work is coloured, empty sections disappear, and every destructive
action (complete, delete) can be undone from the row's own page or the window's
undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from solocrm.errors import UserError
from solocrm.services import tasks
from solocrm.services.changes import Changes
from solocrm.services.tasks import TaskItem, TodayList
from solocrm.ui.context import AppContext
from solocrm.ui.operations import show_user_error
from solocrm.ui.formatting import due_text
from solocrm.ui.task_dialog import TaskDialog, local_tz, task_title, to_local

OVERDUE_RED = "#c62828"
UNDO_VISIBLE_MS = 20_000  # long enough to notice a mistaken click, short enough not to clutter
DAY_CHECK_MS = 60_000  # at local midnight "today" becomes "overdue" without any data changing

_STYLE = f"""
#todayTitle {{ font-size: 20px; font-weight: 600; }}
#todayDate, #sectionCount, #sectionNote, #emptyHint {{ color: #6b7280; }}
#sectionTitle {{ font-weight: 600; }}
#overdueSectionTitle {{ font-weight: 600; color: {OVERDUE_RED}; }}
#taskRow, #overdueTaskRow {{ border-radius: 4px; border-left: 3px solid transparent; }}
#overdueTaskRow {{ border-left: 3px solid {OVERDUE_RED}; }}
#taskRow:focus, #overdueTaskRow:focus {{ background: palette(alternate-base); }}
#overdueTime {{ color: {OVERDUE_RED}; }}
#taskTime, #repeatMark {{ color: #6b7280; }}
#customerLink {{ border: none; color: palette(link); text-align: right; padding: 0 2px; }}
#customerLink:hover {{ text-decoration: underline; }}
#emptyTitle {{ font-size: 16px; }}
#undoBar {{ background: palette(alternate-base); border-radius: 4px; }}
"""


class TaskRow(QFrame):
    """One open task.  Focusable, so arrow keys, Space, Enter and Del work on it."""

    completed = Signal(object)  # TaskItem
    edit_requested = Signal(object)
    customer_clicked = Signal(int)
    navigate = Signal(object, int)  # (row, -1 or +1)

    def __init__(self, item: TaskItem, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.section = section
        overdue = section == "overdue"
        self.setObjectName("overdueTaskRow" if overdue else "taskRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        title = task_title(item)
        self.setAccessibleName(title)

        self.checkbox = QCheckBox()
        self.checkbox.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.checkbox.setToolTip(self.tr("Mark as done"))
        self.checkbox.setAccessibleName(self.tr("Done: {title}").format(title=title))
        self.checkbox.toggled.connect(self._on_toggled)

        local = to_local(item.due_at)
        form = {"today": "time", "upcoming": "weekday"}.get(section, "date")
        self.time_label = QLabel(due_text(local, form, item.is_stay_in_touch))
        self.time_label.setObjectName("overdueTime" if overdue else "taskTime")
        self.time_label.setToolTip(QLocale().toString(local, "yyyy-MM-dd dddd HH:mm"))
        self.time_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000-00-00 00:00") + 8)

        self.title_label = QLabel(title)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setToolTip(item.notes or title)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(self.checkbox)
        layout.addWidget(self.time_label)
        layout.addWidget(self.title_label, 1)
        if item.recurrence != "none":
            repeat = QLabel("↻")
            repeat.setObjectName("repeatMark")
            repeat.setToolTip(self._repeat_text(item.recurrence))
            layout.addWidget(repeat)
        self.customer_button: QPushButton | None = None
        if item.customer_id is not None:
            self.customer_button = QPushButton(item.customer_name or "")
            self.customer_button.setObjectName("customerLink")
            self.customer_button.setFlat(True)
            self.customer_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.customer_button.setCursor(Qt.CursorShape.PointingHandCursor)
            self.customer_button.setToolTip(self.tr("Open the customer file"))
            customer_id = item.customer_id
            self.customer_button.clicked.connect(lambda: self.customer_clicked.emit(customer_id))
            layout.addWidget(self.customer_button)

    def _repeat_text(self, recurrence: str) -> str:
        return {
            "daily": self.tr("Repeats every day"), "weekly": self.tr("Repeats every week"),
            "monthly": self.tr("Repeats every month"), "yearly": self.tr("Repeats every year"),
        }[recurrence]

    def _on_toggled(self, checked: bool) -> None:
        if checked:
            self.checkbox.setEnabled(False)  # one completion per row, even on a double click
            self.completed.emit(self.item)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.edit_requested.emit(self.item)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Space:
            self.checkbox.setChecked(True)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_requested.emit(self.item)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.navigate.emit(self, -1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class TodayView(QWidget):
    """The Today page.

    ``open_customer(id)`` asks the window to show a customer file.
    ``undoable(description, undo)`` hands each completion or deletion to the
    window's undo stack: ``undo`` is plain service work returning ``Changes``,
    for the window to run on the write thread.  The page's own Undo button runs
    the same callable, and only the first of the two takes effect.
    New task has no shortcut here: the window's Ctrl+T reaches this page, and a
    second binding would make the key ambiguous.
    """

    open_customer = Signal(int)
    undoable = Signal(str, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self._rows: list[TaskRow] = []
        self._shown_day: QDate | None = None
        self.setStyleSheet(_STYLE)

        self.delete_action = QAction(self.tr("Delete task"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_current)
        self.addAction(self.delete_action)

        title = QLabel(self.tr("Today"))
        title.setObjectName("todayTitle")
        self.date_label = QLabel()
        self.date_label.setObjectName("todayDate")
        self.new_button = QPushButton(self.tr("New task"))
        self.new_button.clicked.connect(lambda: self.new_task())
        header = QHBoxLayout()
        header.addWidget(title)
        header.addSpacing(8)
        header.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBaseline)
        header.addStretch(1)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the tasks shown to Excel or CSV."))
        self.export_button.clicked.connect(self.export_tasks)
        header.addWidget(self.export_button)
        header.addWidget(self.new_button)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(QWidget())

        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self._empty_page())

        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self._undo_from_bar)
        bar = QHBoxLayout(self.undo_bar)
        bar.setContentsMargins(10, 4, 4, 4)
        bar.addWidget(self.undo_label, 1)
        bar.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._pending_undo: Callable[[], Changes] | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_VISIBLE_MS)
        self._undo_timer.timeout.connect(self._hide_undo)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.undo_bar)

        ctx.bus.changed.connect(self._on_changed)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._stale = True  # loaded when first shown: the app starts on the customer list

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _empty_page(self) -> QWidget:
        page = QWidget()
        title = QLabel(self.tr("Nothing due today. Enjoy your day."))
        title.setObjectName("emptyTitle")
        hint = QLabel(self.tr("Follow-ups you plan, and reminders to stay in touch, will show up here."))
        hint.setObjectName("emptyHint")
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_new_button = QPushButton(self.tr("Add a task"))
        self.empty_new_button.clicked.connect(lambda: self.new_task())
        layout = QVBoxLayout(page)
        layout.setSpacing(8)
        layout.addStretch(2)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        return page

    # loading -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload from the database; a slower, older load never overwrites a newer one."""
        self._stale = False
        self._generation += 1
        generation = self._generation
        now = self._ctx.clock()
        db = self._ctx.db
        self._ctx.runner.run(
            lambda _p: tasks.today(db, now, local_tz(now)),
            on_success=lambda result: self._show(result, generation),
            parent=self,
        )

    def _on_changed(self, changes: Changes, source: object) -> None:
        if source is not self and (changes.tasks or changes.customers):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def _check_day(self) -> None:
        if self._local_today() == self._shown_day:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # a hidden view reloads when next shown, not every minute in the background

    def _local_today(self) -> QDate:
        day = to_local(self._ctx.clock()).date()
        return QDate(day.year, day.month, day.day)

    def _show(self, result: TodayList, generation: int) -> None:
        if generation != self._generation:
            return
        focused = self.current_task()
        focused_index = self._rows.index(focused) if focused in self._rows else -1
        self._shown_day = self._local_today()
        self.date_label.setText(QLocale().toString(self._shown_day, "yyyy-MM-dd dddd"))
        self._rows = []
        # A fresh page swapped in whole: it shows at once (so focus can land on a row), and the old
        # one is only scheduled for deletion because a row on it may be emitting the signal we are in.
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        titles = self._section_labels()
        sections = (
            ("overdue", result.overdue, result.overdue_count),
            ("today", result.today, result.today_count),
            ("upcoming", result.upcoming, result.upcoming_count),
        )
        for key, items, total in sections:
            if items or key == "today":
                self._add_section(layout, key, titles[key], items, total)
        layout.addStretch(1)
        scrolled = self.scroll.verticalScrollBar().value()
        old = self.scroll.takeWidget()
        old.hide()
        old.deleteLater()
        self.scroll.setWidget(page)
        page.show()
        self.scroll.verticalScrollBar().setValue(scrolled)
        self.stack.setCurrentIndex(1 if result.is_empty else 0)
        self._restore_focus(focused.item.id if focused else None, focused_index)

    def _add_section(
        self, layout: QVBoxLayout, key: str, label: str, items: tuple[TaskItem, ...], total: int
    ) -> None:
        header = QWidget()
        header.setObjectName(f"{key}Section")
        title = QLabel(label)
        title.setObjectName("overdueSectionTitle" if key == "overdue" else "sectionTitle")
        count = QLabel(str(total) if total else "")
        count.setObjectName("sectionCount")
        row = QHBoxLayout(header)
        row.setContentsMargins(2, 12, 2, 2)
        row.addWidget(title)
        row.addWidget(count)
        row.addStretch(1)
        layout.addWidget(header)
        if not items:
            note = QLabel(self.tr("Nothing else due today."))
            note.setObjectName("sectionNote")
            note.setContentsMargins(13, 4, 0, 4)
            layout.addWidget(note)
        for item in items:
            task_row = TaskRow(item, key)
            task_row.completed.connect(self.complete)
            task_row.edit_requested.connect(lambda it: self.edit_task(it.id))
            task_row.customer_clicked.connect(self.open_customer)
            task_row.navigate.connect(self._navigate)
            layout.addWidget(task_row)
            self._rows.append(task_row)
        if total > len(items):
            more = QLabel(self.tr("Showing the first {shown} of {total}.").format(
                shown=QLocale().toString(len(items)), total=QLocale().toString(total)))
            more.setObjectName("sectionNote")
            more.setContentsMargins(13, 4, 0, 4)
            layout.addWidget(more)

    def _restore_focus(self, task_id: int | None, index: int) -> None:
        """Keep the keyboard where it was: on the same task, or on its neighbour after it left."""
        if index < 0 or not self._rows:
            return
        same = [row for row in self._rows if row.item.id == task_id]
        (same[0] if same else self._rows[min(index, len(self._rows) - 1)]).setFocus()

    def _navigate(self, row: TaskRow, step: int) -> None:
        index = self._rows.index(row) + step
        if 0 <= index < len(self._rows):
            self._rows[index].setFocus(Qt.FocusReason.TabFocusReason)

    def _section_labels(self) -> dict[str, str]:
        return {"overdue": self.tr("Overdue"), "today": self.tr("Today"), "upcoming": self.tr("Next 7 days")}

    def export_tasks(self) -> None:
        """Exactly the tasks on the page, in its order, with the section each is shown under."""
        from solocrm.ui import export_actions, labels

        sections = self._section_labels()
        headers = (self.tr("Section"), self.tr("Due"), self.tr("Task"), self.tr("Customer"), self.tr("Repeats"),
                   self.tr("Notes"))
        rows = [(sections[row.section], to_local(row.item.due_at), task_title(row.item),
                 row.item.customer_name or "", labels.recurrence(row.item.recurrence), row.item.notes or "")
                for row in self._rows]
        export_actions.export_rows(self._ctx, self.tr("Tasks"), headers, rows, self)

    # queries for the window and tests ----------------------------------------------------

    def rows(self) -> list[TaskRow]:
        return list(self._rows)

    def current_task(self) -> TaskRow | None:
        focused = self.focusWidget()
        return focused if isinstance(focused, TaskRow) and focused in self._rows else None

    # actions -------------------------------------------------------------------------------

    def new_task(self, customer_id: int | None = None) -> TaskDialog:
        dialog = TaskDialog(self._ctx, customer_id=customer_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_task(self, task_id: int) -> TaskDialog:
        dialog = TaskDialog(self._ctx, task_id=task_id, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def complete(self, item: TaskItem) -> None:
        now = self._ctx.clock()
        db = self._ctx.db
        title = task_title(item)

        def done(result: tuple[tasks.Completion, Changes]) -> None:
            completion, changes = result
            self._after_write(changes)
            undo = self._once(lambda: tasks.reopen(db, completion.task_id, completion.next_task_id))
            self._offer_undo(self.tr("Done: {title}").format(title=title), undo)
            self.undoable.emit(self.tr("Undo completing “{title}”").format(title=title), undo)

        self._ctx.runner.run(lambda _p: tasks.complete(db, item.id, now, local_tz(now)), write=True,
                             on_success=done, on_failure=self._write_failed, parent=self)

    def delete_current(self) -> None:
        row = self.current_task()
        if row is not None:
            self.delete(row.item)

    def delete(self, item: TaskItem) -> None:
        db = self._ctx.db
        title = task_title(item)

        def done(result: tuple[tasks.DeletedTask, Changes]) -> None:
            snapshot, changes = result
            self._after_write(changes)
            undo = self._once(lambda: tasks.restore_task(db, snapshot))
            self._offer_undo(self.tr("Deleted: {title}").format(title=title), undo)
            self.undoable.emit(self.tr("Undo deleting “{title}”").format(title=title), undo)

        self._ctx.runner.run(lambda _p: tasks.delete_task(db, item.id), write=True,
                             on_success=done, on_failure=self._write_failed, parent=self)

    def _after_write(self, changes: Changes) -> None:
        self._ctx.bus.publish(changes, self)
        self.refresh()

    def _write_failed(self, exc: BaseException) -> None:
        self.refresh()  # the task may have changed elsewhere; show what is really there
        if not isinstance(exc, UserError):
            raise exc
        show_user_error(self, exc)

    @staticmethod
    def _once(undo: Callable[[], Changes]) -> Callable[[], Changes]:
        """Undo is reachable from the page's bar and the window's stack; only the first call acts.

        Both callers run it on the single write thread, so a plain flag is enough.
        """
        used = [False]

        def run() -> Changes:
            if used[0]:
                return Changes()
            used[0] = True
            return undo()

        return run

    def _offer_undo(self, text: str, undo: Callable[[], Changes]) -> None:
        self._pending_undo = undo
        self.undo_label.setText(text)
        self.undo_bar.show()
        self._undo_timer.start()

    def _undo_from_bar(self) -> None:
        undo = self._pending_undo
        self._hide_undo()
        if undo is not None:
            self._ctx.runner.run(lambda _p: undo(), write=True, on_success=self._after_write,
                                 on_failure=self._write_failed, parent=self)

    def _hide_undo(self) -> None:
        self._pending_undo = None
        self._undo_timer.stop()
        self.undo_bar.hide()
