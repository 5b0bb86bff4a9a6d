"""One customer on one page: who they are, key figures, and a timeline of everything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from solocrm.analytics import rfm
from solocrm.errors import NotFound
from solocrm.services import customers, interactions, orders, surveys, tasks, timeline
from solocrm.services.changes import Changes
from solocrm.services.money import format_amount
from solocrm.services.timeline import CustomerPage as PageData
from solocrm.services.timeline import TimelineItem
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.customer_insights import CustomerInsightsPanel
from solocrm.ui.formatting import date_text, datetime_text, to_local
from solocrm.ui.modal import run_dialog

KIND_COLOURS = {
    "order": "#2f7d6d", "refund": "#c0392b", "interaction": "#2d6cdf", "survey": "#b7791f",
    "task": "#7b4fbf", "change": "#7f8c8d", "stage": "#16a085",
}


class FigureCard(QFrame):
    def __init__(self, title: str, value: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setStyleSheet("#figureCard { border: 1px solid palette(mid); border-radius: 8px; }")
        caption = QLabel(title)
        caption.setStyleSheet("color: palette(placeholder-text); font-size: 9pt;")
        self.value = QLabel(value)
        self.value.setStyleSheet("font-size: 14pt; font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(caption)
        layout.addWidget(self.value)
        if hint:
            self.setToolTip(hint)


class CustomerPage(QWidget):
    back_requested = Signal()
    delete_requested = Signal(int)
    open_customer = Signal(int)
    undoable = Signal(str, object)  # description, callable returning Changes

    def __init__(self, ctx: AppContext, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.data: PageData | None = None

        back = QToolButton()
        back.setText(self.tr("← Back"))
        back.setToolTip(self.tr("Back to the list (Alt+Left)"))
        back.clicked.connect(self.back_requested)
        self.photo = QLabel()
        self.photo.setFixedSize(56, 56)
        self.name = QLabel()
        self.name.setObjectName("customerName")
        self.name.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: palette(placeholder-text);")
        self.tags = QLabel()
        title_box = QVBoxLayout()
        title_box.addWidget(self.name)
        title_box.addWidget(self.subtitle)
        title_box.addWidget(self.tags)

        buttons = QHBoxLayout()
        for text, slot, shortcut in (
            (self.tr("Edit"), self.edit, "Ctrl+E"),
            (self.tr("Add order"), self.add_order, "Ctrl+Shift+O"),
            (self.tr("Log interaction"), self.add_interaction, "Ctrl+Shift+I"),
            (self.tr("Record survey"), self.add_survey, "Ctrl+Shift+S"),
            (self.tr("Add task"), self.add_task, None),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
                button.setToolTip(shortcut)
            buttons.addWidget(button)
        more = QPushButton(self.tr("More"))  # a push button's size leaves room for its menu arrow
        menu = QMenu(more)
        self.archive_action = menu.addAction(self.tr("Archive"), self.toggle_archived)
        self.export_orders_action = menu.addAction(self.tr("Export orders to Excel / CSV…"), self.export_orders)
        menu.addAction(self.tr("Delete customer…"), lambda: self.delete_requested.emit(self.customer_id))
        more.setMenu(menu)
        buttons.addWidget(more)

        header = QHBoxLayout()
        header.addWidget(back, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(title_box, 1)
        header.addLayout(buttons)

        self.figures = QGridLayout()
        self.figures.setSpacing(8)

        self.details = QFormLayout()
        self.details.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        details_box = QWidget()
        details_box.setLayout(self.details)
        details_scroll = QScrollArea()
        details_scroll.setWidget(details_box)
        details_scroll.setWidgetResizable(True)
        details_scroll.setMinimumWidth(280)

        self.timeline = QListWidget()
        self.timeline.setObjectName("timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setSpacing(2)
        self.timeline.setAlternatingRowColors(True)
        self.timeline.itemActivated.connect(self._edit_item)
        delete_item = QAction(self.tr("Delete entry"), self.timeline)
        delete_item.setShortcut(QKeySequence.StandardKey.Delete)
        delete_item.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_item.triggered.connect(self._delete_item)
        self.timeline.addAction(delete_item)
        self.timeline_empty = QLabel(self.tr("Nothing recorded yet. Add an order, log a call or a WeChat "
                                             "chat, and it appears here."))
        self.timeline_empty.setWordWrap(True)
        self.timeline_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        timeline_box = QWidget()
        timeline_layout = QVBoxLayout(timeline_box)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        timeline_title = QLabel(self.tr("Timeline"))
        timeline_title.setStyleSheet("font-weight: 600;")
        timeline_layout.addWidget(timeline_title)
        timeline_layout.addWidget(self.timeline, 1)
        timeline_layout.addWidget(self.timeline_empty)

        split = QSplitter()
        split.addWidget(details_scroll)
        split.addWidget(timeline_box)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 700])

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.figures)
        self.insights = CustomerInsightsPanel(ctx, customer_id)
        layout.addWidget(self.insights)
        layout.addWidget(split, 1)

        ctx.bus.changed.connect(self._on_changes)
        self.reload()

    def export_orders(self) -> None:
        """This customer's orders and refunds as the timeline shows them, newest first."""
        from solocrm.ui import export_actions

        headers = (self.tr("Date"), self.tr("Product or service"), self.tr("Quantity"), self.tr("Amount"),
                   self.tr("Currency"), self.tr("Channel"), self.tr("Status"), self.tr("Order number"))
        rows = [(to_local(item.at), item.title, item.fields.get("quantity"),
                 None if item.amount_minor is None else item.amount_minor / 100, item.fields.get("currency"),
                 labels.channel(item.fields.get("channel") or ""), labels.order_status(item.fields.get("status") or ""),
                 item.fields.get("order_no") or "")
                for item in self.data.items if item.kind in ("order", "refund")]
        name = self.tr("Orders of %1").replace("%1", self.data.header.name)
        export_actions.export_rows(self.ctx, name, headers, rows, self)

    # data ------------------------------------------------------------------

    def reload(self) -> None:
        self.data = timeline.load(self.ctx.db, self.customer_id, now=self.ctx.clock())
        self._show_header()
        self._show_figures()
        self._show_details()
        self._show_timeline()

    def _on_changes(self, changes: Changes, _source: object) -> None:
        if self.customer_id in changes.customer_ids or changes.settings:
            try:
                self.reload()
            except NotFound:
                return  # deleted: the main window leaves this page
        elif changes.tasks:
            self.reload()

    def _show_header(self) -> None:
        h = self.data.header
        self.name.setText(h.name + ("  " + self.tr("(archived)") if h.archived else ""))
        parts = [labels.kind(h.kind)]
        parts += [p for p in (h.title, h.company) if p]
        self.subtitle.setText(" · ".join(parts))
        self.tags.setText("  ".join(f"#{t}" for t in h.tags))
        self.tags.setVisible(bool(h.tags))
        self.archive_action.setText(self.tr("Restore from archive") if h.archived else self.tr("Archive"))
        pixmap = self._photo_pixmap()
        self.photo.setVisible(pixmap is not None)
        if pixmap is not None:
            self.photo.setPixmap(pixmap)

    def _photo_pixmap(self) -> QPixmap | None:
        data = customers.photo(self.ctx.db, self.customer_id)
        if not data:
            return None
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            return None
        return pixmap.scaled(56, 56, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)

    def _show_figures(self) -> None:
        while self.figures.count():
            widget = self.figures.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        f = self.data.figures
        cards = (
            (self.tr("Total spent"), format_amount(f.total_spent_minor, f.currency), ""),
            (self.tr("Orders"), str(f.paid_order_count), self.tr("Paid orders; refunds are not counted.")),
            (self.tr("Last order"), date_text(f.last_order_at) or "—", ""),
            (self.tr("Average order"),
             "—" if f.average_order_minor is None else format_amount(f.average_order_minor, f.currency), ""),
            (self.tr("Membership"), labels.membership(f.membership_tier),
             self.tr("By total spend: Silver from ¥1,000, Gold from ¥5,000, Diamond from ¥20,000.")),
            (self.tr("Stage"), labels.stage(f.stage),
             self.tr("Computed from orders: prospect, new, repeat, loyal, churned.")),
            (self.tr("RFM"), f"{f.rfm_r}-{f.rfm_f}-{f.rfm_m} · {labels.rfm_tier(f.rfm_tier)}",
             self.tr("Recency, frequency and monetary scores (1-5) over the last 12 months. "
                     "Suggested: %1").replace("%1", self._tier_action(f.rfm_tier))),
        )
        for col, (title, value, hint) in enumerate(cards):
            self.figures.addWidget(FigureCard(title, value, hint), 0, col)

    def _tier_action(self, tier: str) -> str:
        return {
            "high": self.tr("VIP care and premium offers"),
            "medium": self.tr("personalised cross-sell"),
            "low": self.tr("promotions to build the habit"),
            "churned": self.tr("ask why they left and make a win-back offer"),
        }.get(tier, rfm.TIER_ACTIONS.get(tier, ""))

    def _show_details(self) -> None:
        while self.details.rowCount():
            self.details.removeRow(0)
        h = self.data.header

        def add(label: str, value: str | None) -> None:
            if value:
                text = QLabel(value)
                text.setWordWrap(True)
                text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.details.addRow(label, text)

        add(self.tr("Phones"), "\n".join(h.phones))
        add(self.tr("Emails"), "\n".join(h.emails))
        add(self.tr("WeChat"), h.wechat_id)
        add(self.tr("City"), " ".join(p for p in (h.region, h.city) if p))
        add(self.tr("Address"), h.address)
        add(self.tr("Industry"), h.industry)
        add(self.tr("Birthday"), date_text(h.birthday))
        add(self.tr("Source"), " · ".join(p for p in (h.source_channel, h.source_campaign) if p))
        if h.referred_by_id is not None:
            link = QLabel(f'<a href="#">{h.referred_by_name}</a>')
            link.linkActivated.connect(lambda _l, cid=h.referred_by_id: self.open_customer.emit(cid))
            self.details.addRow(self.tr("Referred by"), link)
        add(self.tr("Prefers"), " · ".join(p for p in (
            labels.channel(h.preferred_channel) if h.preferred_channel else None, h.preferred_hours) if p))
        add(self.tr("Marketing"), self.tr("Agreed") if h.consent_marketing else self.tr("No consent"))
        for name, value in h.custom.items():
            add(name, value)
        add(self.tr("Personal"), h.personal_details)
        add(self.tr("Notes"), h.notes)
        add(self.tr("Customer since"), date_text(h.created_at))
        add(self.tr("Last contact"), date_text(h.last_contact_at))

    def _show_timeline(self) -> None:
        self.timeline.setUpdatesEnabled(False)
        self.timeline.clear()
        for item in self.data.items:
            title, detail = self.describe(item)
            text = f"{datetime_text(item.at)}   {title}"
            if detail:
                text += "\n" + detail
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, (item.kind, item.record_id))
            entry.setForeground(QColor(KIND_COLOURS.get(item.kind, "#333333")))
            self.timeline.addItem(entry)
        self.timeline.setUpdatesEnabled(True)
        has_items = bool(self.data.items)
        self.timeline.setVisible(has_items)
        self.timeline_empty.setVisible(not has_items)

    def describe(self, item: TimelineItem) -> tuple[str, str]:
        """The words for one timeline entry, in the user's language."""
        f = item.fields
        if item.kind in ("order", "refund"):
            amount = format_amount(item.amount_minor or 0, f.get("currency") or "CNY")
            head = self.tr("Refunded order %1") if item.kind == "refund" else self.tr("Order %1")
            parts = [item.title + (f" × {f['quantity']}" if f.get("quantity", 1) != 1 else "")]
            if f.get("channel"):
                parts.append(f["channel"])
            if f.get("order_no"):
                parts.append(self.tr("No. %1").replace("%1", f["order_no"]))
            return head.replace("%1", amount), " · ".join(p for p in parts if p)
        if item.kind == "interaction":
            direction = self.tr("from customer") if f.get("direction") == "in" else self.tr("to customer")
            head = (self.tr("%1 (%2): %3").replace("%1", labels.channel(f.get("channel", "other")))
                    .replace("%2", direction).replace("%3", item.title))
            return head, item.detail
        if item.kind == "survey":
            if f.get("kind") == "nps":
                head = self.tr("NPS %1 / 10").replace("%1", str(f.get("score")))
            else:
                head = self.tr("Satisfaction %1 / 5").replace("%1", str(f.get("score")))
            return head, item.detail
        if item.kind == "task":
            done = f.get("done_at")
            head = (self.tr("Task done: %1") if done else self.tr("Task due: %1")).replace("%1", item.title)
            extra = labels.recurrence(f.get("recurrence", "none")) if f.get("recurrence", "none") != "none" else ""
            return head, " · ".join(p for p in (extra, item.detail) if p)
        if item.kind == "stage":
            days = f.get("days_without_order")
            return (self.tr("Stage: %1 → %2").replace("%1", labels.stage(f.get("old") or ""))
                    .replace("%2", labels.stage(f.get("new") or "")),
                    "" if days is None else self.tr("No order for %1 days").replace("%1", f"{days:,}"))
        field = f.get("field", "")
        if field == "created":
            return self.tr("Customer added"), ""
        old, new = (labels.field_value(field, value) if value else self.tr("(empty)")
                    for value in (f.get("old"), f.get("new")))
        return self.tr("%1 changed").replace("%1", labels.field_name(field)), f"{old} → {new}"

    # actions ---------------------------------------------------------------

    def _run(self, work: Callable[[], Changes]) -> None:
        self.ctx.runner.run(lambda _p: work(), write=True, parent=self,
                            on_success=lambda changes: self.ctx.bus.publish(changes, self))

    def edit(self) -> None:
        from solocrm.ui.customer_dialog import CustomerDialog

        run_dialog(CustomerDialog(self.ctx, self.customer_id, parent=self))

    def add_order(self) -> None:
        from solocrm.ui.record_dialogs import OrderDialog

        run_dialog(OrderDialog(self.ctx, self.customer_id, parent=self))

    def add_interaction(self) -> None:
        from solocrm.ui.record_dialogs import InteractionDialog

        run_dialog(InteractionDialog(self.ctx, self.customer_id, parent=self))

    def add_survey(self) -> None:
        from solocrm.ui.record_dialogs import SurveyDialog

        run_dialog(SurveyDialog(self.ctx, self.customer_id, parent=self))

    def add_task(self) -> None:
        from solocrm.ui.task_dialog import TaskDialog

        run_dialog(TaskDialog(self.ctx, customer_id=self.customer_id, parent=self))

    def toggle_archived(self) -> None:
        archived = not self.data.header.archived
        self._run(lambda: customers.set_archived(self.ctx.db, self.customer_id, archived))

    def _edit_item(self, entry: QListWidgetItem) -> None:
        kind, record_id = entry.data(Qt.ItemDataRole.UserRole)
        from solocrm.ui import record_dialogs
        from solocrm.ui.task_dialog import TaskDialog

        if kind in ("order", "refund"):
            run_dialog(record_dialogs.OrderDialog(self.ctx, self.customer_id, record_id, parent=self))
        elif kind == "interaction":
            run_dialog(record_dialogs.InteractionDialog(self.ctx, self.customer_id, record_id, parent=self))
        elif kind == "survey":
            run_dialog(record_dialogs.SurveyDialog(self.ctx, self.customer_id, record_id, parent=self))
        elif kind == "task":
            run_dialog(TaskDialog(self.ctx, task_id=record_id, parent=self))

    def _delete_item(self) -> None:
        entry = self.timeline.currentItem()
        if entry is None:
            return
        kind, record_id = entry.data(Qt.ItemDataRole.UserRole)
        db = self.ctx.db
        actions: dict[str, tuple[Callable, Callable]] = {
            "order": (orders.delete_order, orders.restore_order),
            "refund": (orders.delete_order, orders.restore_order),
            "interaction": (interactions.delete_interaction, interactions.restore_interaction),
            "survey": (surveys.delete_survey, surveys.restore_survey),
            "task": (tasks.delete_task, tasks.restore_task),
        }
        if kind not in actions:
            return
        delete, restore = actions[kind]
        description = self.tr("Undo delete entry")

        def done(result: tuple) -> None:
            snapshot, changes = result
            self.undoable.emit(description, lambda: restore(db, snapshot))
            self.ctx.bus.publish(changes, self)

        self.ctx.runner.run(lambda _p: delete(db, record_id), write=True, parent=self, on_success=done)
