"""The Duplicates tool: find customers who are probably the same person and merge them, field by field.

A merge keeps every order, interaction, survey answer, task and tag of all of
them and is undoable (Ctrl+Z through ``undoable``, or from the import history).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from solocrm.importing import batches, dedupe, merge
from solocrm.services.changes import Changes
from solocrm.services.contact_values import display_phone
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.modal import run_dialog


def _t(text: str) -> str:
    return QCoreApplication.translate("DuplicatesPage", text)


def reason_label(reason: str) -> str:
    return {"same phone": _t("Same phone number"), "same email": _t("Same email"),
            "similar name, same company": _t("Similar name, same company"),
            "similar name, same city": _t("Similar name, same city")}.get(reason, reason)


class MergeDialog(QDialog):
    """Choose who to keep and, for every field where they differ, whose value wins."""

    def __init__(self, ctx: AppContext, plan: merge.MergePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.batch_id: int | None = None
        self.setWindowTitle(self.tr("Merge customers"))
        self.keep = QComboBox()
        self.keep.setObjectName("mergeKeep")
        for cid, name in zip(plan.customer_ids, plan.names):
            self.keep.addItem(f"{name} (#{cid})", cid)
        form = QFormLayout()
        form.addRow(self.tr("Keep"), self.keep)
        self.choices: dict[str, QComboBox] = {}
        for choice in plan.choices:
            combo = QComboBox()
            for cid, value in choice.values:
                combo.addItem(f"{labels.field_value(choice.field, value)}  (#{cid})", cid)
            self.choices[choice.field] = combo
            form.addRow(labels.field_name(choice.field), combo)
        united = plan.united
        kept = [self.tr("Phones: %1").replace("%1", ", ".join(display_phone(p) for p in united["phones"]) or "—"),
                self.tr("Emails: %1").replace("%1", ", ".join(united["emails"]) or "—"),
                self.tr("Tags: %1").replace("%1", ", ".join(united["tags"]) or "—")]
        counts = [self._moved(kind, n) for kind in ("order", "interaction", "survey_response", "task")
                  if (n := plan.moved.get(kind, 0))]
        moved = (self.tr("Moved to the kept customer: %1.").replace("%1", self.tr(", ").join(counts)) if counts
                 else self.tr("Nothing else to move: no orders, interactions, survey answers or tasks."))
        info = QLabel("\n".join([*kept, moved, self.tr("You can undo the merge afterwards.")]))
        info.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        buttons.accepted.connect(self._merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(info)
        layout.addWidget(buttons)

    def _moved(self, kind: str, count: int) -> str:
        """``count`` records of ``kind`` in words, singular for one."""
        if kind == "order":
            return self.tr("%n orders", "", count)
        if kind == "interaction":
            return self.tr("%n interactions", "", count)
        if kind == "survey_response":
            return self.tr("%n survey answers", "", count)
        return self.tr("%n tasks", "", count)

    def _merge(self) -> None:
        keep = self.keep.currentData()
        others = [cid for cid in self.plan.customer_ids if cid != keep]
        chosen = {field: combo.currentData() for field, combo in self.choices.items()}

        def done(result: tuple[int, Changes]) -> None:
            self.batch_id, changes = result
            self.ctx.bus.publish(changes, self)
            self.accept()

        self.ctx.runner.run(lambda _p: merge.merge(self.ctx.db, keep, others, chosen, now=self.ctx.clock()),
                            write=True, parent=self, on_success=done, label=self.tr("Merging…"))


class DuplicatesPage(QWidget):
    """Groups of likely duplicates, found on demand; merge the selected group."""

    undoable = Signal(str, object)
    open_customer = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.groups: list[dedupe.DuplicateGroup] = []  # all found
        self.shown: list[dedupe.DuplicateGroup] = []  # the table's rows
        title = QLabel(self.tr("Duplicates"))
        title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        explain = QLabel(self.tr("Customers who share a phone number or email, or whose names look alike "
                                 "(张伟 / 張偉 / 伟张, same pinyin) with the same company or city."))
        explain.setWordWrap(True)
        self.find_button = QPushButton(self.tr("Find duplicates"))
        self.find_button.setObjectName("findDuplicates")
        self.find_button.clicked.connect(self.find)
        self.merge_button = QPushButton(self.tr("Merge…"))
        self.merge_button.setObjectName("mergeGroup")
        self.merge_button.clicked.connect(self.merge_selected)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Customers"), self.tr("Why"), self.tr("How many")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the names; the others are short
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._group_chosen)
        self.members_hint = QLabel(self.tr("Tick the customers who are one person: only they are merged."))
        self.members_hint.setWordWrap(True)
        self.members = QTableWidget(0, 6)
        self.members.setObjectName("duplicateMembers")
        self.members.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Phones"), self.tr("Emails"),
                                                self.tr("Company"), self.tr("City"), self.tr("Orders")])
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.verticalHeader().setVisible(False)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setColumnWidth(0, 200)
        self.members.setColumnWidth(1, 260)
        self.members.setColumnWidth(2, 200)
        self.members.setColumnWidth(3, 200)
        self.members.itemChanged.connect(lambda _item: self._update())
        self.members.doubleClicked.connect(lambda index: self.open_customer.emit(
            self.members.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)))
        found = QWidget()
        found_layout = QVBoxLayout(found)
        found_layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.members_hint)
        below_layout.addWidget(self.members, 1)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        found_layout.addWidget(split)
        self.empty = QLabel(self.tr("Press “Find duplicates” to check your customers."))
        self.empty.setObjectName("duplicatesEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(found)
        top = QHBoxLayout()
        top.addWidget(self.find_button)
        top.addWidget(self.merge_button)
        top.addStretch(1)
        self.namesakes_box = QCheckBox()
        self.namesakes_box.setObjectName("showNamesakes")
        self.namesakes_box.setToolTip(self.tr("Customers with alike names in one city or company who each have "
                                              "a phone number of their own are most likely different people."))
        self.namesakes_box.hide()
        self.namesakes_box.toggled.connect(self._list)
        top.addWidget(self.namesakes_box)
        self.found_label = QLabel()
        self.found_label.setObjectName("duplicatesFound")
        top.addWidget(self.found_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(explain)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._update()

    def find(self) -> None:
        self.ctx.runner.run(lambda p: dedupe.find_groups(self.ctx.db, p.report), on_success=self._show,
                            parent=self, label=self.tr("Looking for duplicates…"), cancellable=True)

    def _show(self, groups: Sequence[dedupe.DuplicateGroup]) -> None:
        self.groups = list(groups)
        self._list()

    def _list(self) -> None:
        """The groups found, namesakes with phones of their own only when asked for."""
        hidden = sum(g.namesakes for g in self.groups)
        self.namesakes_box.setText(self.tr("Also show namesakes with their own phone numbers (%Ln)", "", hidden))
        self.namesakes_box.setVisible(bool(hidden))
        self.shown = [g for g in self.groups if self.namesakes_box.isChecked() or not g.namesakes]
        self.found_label.setText(self.tr("%Ln group(s) to check", "", len(self.shown)) if self.shown else "")
        self.table.setRowCount(len(self.shown))
        for row, group in enumerate(self.shown):
            text = "  ·  ".join(f"{n} (#{i})" for i, n in zip(group.customer_ids, group.names))
            for col, value in enumerate((text, reason_label(group.reason), str(len(group.customer_ids)))):
                self.table.setItem(row, col, QTableWidgetItem(value))
        if self.shown:
            self.stack.setCurrentIndex(1)
            self.table.blockSignals(True)  # the first row may be selected already; its members changed anyway
            self.table.selectRow(0)
            self.table.blockSignals(False)
            self._group_chosen()
        elif hidden:
            self.empty.setText(self.tr("No likely duplicates. The customers with alike names each have a phone "
                                       "number of their own, so they are most likely different people."))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.setText(self.tr("No duplicates found. Your customer file is clean."))
            self.stack.setCurrentWidget(self.empty)
        self._update()

    def _group_chosen(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.shown):
            self.members.setRowCount(0)
            self._update()
            return
        ids = self.shown[row].customer_ids
        self.ctx.runner.run(lambda _p: dedupe.members(self.ctx.db, ids), parent=self, on_success=self._show_members)

    def _show_members(self, found: Sequence[dedupe.Member]) -> None:
        self.members.blockSignals(True)
        self.members.setRowCount(len(found))
        for row, member in enumerate(found):
            first = QTableWidgetItem(f"{member.name} (#{member.id})")
            first.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            first.setCheckState(Qt.CheckState.Checked)
            first.setData(Qt.ItemDataRole.UserRole, member.id)
            self.members.setItem(row, 0, first)
            for col, value in enumerate((", ".join(display_phone(p) for p in member.phones), ", ".join(member.emails),
                                         member.company or "", member.city or "", str(member.order_count)), start=1):
                self.members.setItem(row, col, QTableWidgetItem(value))
        self.members.blockSignals(False)
        self._update()

    def ticked(self) -> list[int]:
        """The group's customers the user keeps ticked: the ones a merge takes."""
        return [self.members.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.members.rowCount())
                if self.members.item(row, 0).checkState() == Qt.CheckState.Checked]

    def _update(self) -> None:
        self.merge_button.setEnabled(bool(self.shown) and self.table.currentRow() >= 0 and len(self.ticked()) > 1)

    def merge_selected(self) -> None:
        ids = self.ticked()
        if len(ids) < 2:
            return
        self.ctx.runner.run(lambda _p: merge.plan(self.ctx.db, ids), parent=self, on_success=self._ask)

    def _ask(self, plan: merge.MergePlan) -> None:
        dialog = MergeDialog(self.ctx, plan, self)
        if not run_dialog(dialog) or dialog.batch_id is None:
            return
        batch_id = dialog.batch_id
        db, clock = self.ctx.db, self.ctx.clock
        self.undoable.emit(self.tr("Undo merge of %1").replace("%1", " + ".join(plan.names)),
                           lambda: batches.undo_batch(db, batch_id, now=clock()))
        gone = set(plan.customer_ids) - {dialog.keep.currentData()}
        remaining = []
        for group in self.groups:  # merged-away customers leave every group; a group of one is no group
            kept = [(cid, name) for cid, name in zip(group.customer_ids, group.names) if cid not in gone]
            if len(kept) > 1:
                remaining.append(replace(group, customer_ids=tuple(c for c, _n in kept),
                                         names=tuple(n for _c, n in kept)))
        self._show(remaining)
