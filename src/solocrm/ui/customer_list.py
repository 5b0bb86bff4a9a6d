"""The customer list: search as you type, filters, sortable columns, 100,000 rows smooth.

The model holds only the ordered ids of the current query; rows are fetched a
page at a time when the view asks for them, so scrolling anywhere costs one
small query and memory stays flat.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from solocrm.errors import DatabaseOpenError
from solocrm.services import customer_rows, customers
from solocrm.services.changes import Changes
from solocrm.services.customer_finder import CustomerFinder
from solocrm.services.customer_rows import CustomerRow
from solocrm.services.money import format_amount
from solocrm.services.search import CustomerQuery
from solocrm.ui import labels
from solocrm.ui.context import AppContext
from solocrm.ui.formatting import date_text

PAGE_SIZE = 200
PRELOAD_DELAY_MS = 300
CACHED_PAGES = 50
FILTER_MIN_WIDTH = 64  # px a filter may narrow to


@dataclass(frozen=True)
class Column:
    key: str
    header: Callable[[], str]
    value: Callable[[CustomerRow], str]
    sort: str | None = None
    visible: bool = True
    numeric: bool = False


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("CustomerList", text)


COLUMNS: tuple[Column, ...] = (
    Column("name", lambda: _tr("Name"), lambda r: r.name, "name"),
    Column("company", lambda: _tr("Company"), lambda r: r.company or "", "company"),
    Column("phone", lambda: _tr("Phone"), lambda r: r.phone or ""),
    Column("city", lambda: _tr("City"), lambda r: r.city or "", "city"),
    Column("tags", lambda: _tr("Tags"), lambda r: r.tags),
    Column("stage", lambda: _tr("Stage"), lambda r: labels.stage(r.stage), "stage"),
    Column("orders", lambda: _tr("Orders"), lambda r: str(r.order_count), "order_count", numeric=True),
    Column("spent", lambda: _tr("Total spent"), lambda r: format_amount(r.total_spent_minor), "total_spent",
           numeric=True),
    Column("last_order", lambda: _tr("Last order"), lambda r: date_text(r.last_order_at), "last_order_at"),
    Column("created", lambda: _tr("Added"), lambda r: date_text(r.created_at), "created_at", visible=False),
)


class CustomerTableModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = CustomerQuery()
        self.finder = CustomerFinder(ctx.db)
        self.ids: list[int] = []
        self._total = 0  # rows shown: more than len(ids) while the first load finishes off the GUI thread
        self._generation = 0
        self._loaded = False
        self._pages: OrderedDict[int, list[CustomerRow]] = OrderedDict()

    def set_query(self, query: CustomerQuery) -> None:
        if self._loaded and query == self.query:
            return  # sorting and filter widgets echo what is already shown while the view is built
        self.query = query
        self.reload()

    def reload(self) -> None:
        first = not self._loaded
        self._loaded = True
        self._generation += 1
        # The very first load shows its first page from a LIMIT query and fetches the rest of the
        # order in the background: on 100,000 customers that is most of the list's start-up cost.
        head = self.finder.head(self.query, PAGE_SIZE) if first else None
        partial = head is not None and head[1] > PAGE_SIZE
        self.beginResetModel()
        if partial:
            self.ids, self._total = head
        else:
            self.ids = self.finder.find(self.query)
            self._total = len(self.ids)
        self._pages.clear()
        self.endResetModel()
        if partial:
            self._load_rest(self._generation)

    def _load_rest(self, generation: int) -> None:
        finder, query = self.finder, self.query

        def loaded(ids: list[int]) -> None:
            if generation != self._generation:
                return  # a newer query has answered meanwhile
            finder.adopt(query, ids)
            if len(ids) == self._total:
                self.ids = ids
                self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))
            else:  # the file changed in between
                self.beginResetModel()
                self.ids, self._total = ids, len(ids)
                self._pages.clear()
                self.endResetModel()

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, DatabaseOpenError):  # closed meanwhile: nothing left to show
                raise exc

        self.ctx.runner.run(lambda _p: finder.base_ids(query), on_success=loaded, on_failure=failed,
                            background=True)

    def id_at(self, row: int) -> int | None:
        """The customer on ``row``; None for a row whose id is still loading."""
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def refresh_rows(self, ids: frozenset[int]) -> None:
        """Refetch cached pages holding ``ids`` without resetting the view."""
        for page_no in [p for p, rows in self._pages.items() if any(r.id in ids for r in rows)]:
            del self._pages[page_no]
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))

    def row_at(self, row: int) -> CustomerRow | None:
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            if start >= len(self.ids):
                return None  # still loading
            page = customer_rows.fetch(self.ctx.db, self.ids[start:start + PAGE_SIZE])
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_at(index.row())
            return column.value(row) if row else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self.id_at(index.row())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort
        if key is None:
            return
        query = replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if self._loaded:
            self.set_query(query)
        else:
            self.query = query  # the header announcing its initial order; the first load uses it


class CustomerListView(QWidget):
    """Search box, filter bar and the table; emits ``open_customer`` on Enter or double-click."""

    open_customer = Signal(int)
    delete_requested = Signal(int)
    new_customer_requested = Signal()
    export_requested = Signal()

    LAST_ORDER_RANGES = (("", None), ("30", 30), ("90", 90), ("180", 180), ("365", 365))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = CustomerTableModel(ctx, self)

        self.search = QLineEdit(placeholderText=self.tr("Search name, company, pinyin, phone, email or tag…"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("customerSearch")
        self._debounce = QTimer(self, singleShot=True, interval=120)
        self._debounce.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._open_first_if_single)

        self.tag_filter = QComboBox()
        self.stage_filter = QComboBox()
        self.city_filter = QComboBox()
        self.last_order_filter = QComboBox()
        self.spend_filter = QComboBox()
        self.archived_filter = QComboBox()
        self._fill_static_filters()
        for combo in (self.tag_filter, self.stage_filter, self.city_filter, self.last_order_filter,
                      self.spend_filter, self.archived_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
            # As wide as the choice when there is room; narrower (its text elided) on a small screen, so the
            # window fits a 1366 x 768 laptop at 125 % scaling.
            combo.setMinimumWidth(FILTER_MIN_WIDTH)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        add_button = QPushButton(self.tr("New customer"))
        add_button.clicked.connect(self.new_customer_requested)
        export_button = QPushButton(self.tr("Export…"))
        export_button.setToolTip(self.tr("Save exactly the customers and columns shown to Excel, CSV or vCard."))
        export_button.clicked.connect(self.export_requested)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(self._open_index)
        for col, width in zip(range(len(COLUMNS)), (120, 180, 130, 80, 140, 80, 70, 110, 100, 100)):
            self.table.setColumnWidth(col, width)

        open_action = QAction(self.tr("Open"), self.table)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self._open_current)
        delete_action = QAction(self.tr("Delete"), self.table)
        delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete_action.triggered.connect(self._delete_current)
        self.table.addActions([open_action, delete_action])

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(add_button)
        top.addWidget(export_button)
        filters = QHBoxLayout()
        for text, combo in ((self.tr("Tag"), self.tag_filter), (self.tr("Stage"), self.stage_filter),
                            (self.tr("City"), self.city_filter), (self.tr("Last order"), self.last_order_filter),
                            (self.tr("Spent"), self.spend_filter), (self.tr("Show"), self.archived_filter)):
            filters.addWidget(QLabel(text))
            filters.addWidget(combo)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)

        self._restore_columns()
        ctx.bus.changed.connect(self._on_changes)
        self.reload_filter_choices()
        self._apply_filters()
        # After the first paint, so that the window comes up first; the first keystroke then need not wait.
        self.preload_timer = QTimer(self, singleShot=True, interval=PRELOAD_DELAY_MS)
        self.preload_timer.timeout.connect(self._preload)
        self.preload_timer.start()

    def _preload(self) -> None:
        finder = self.model.finder

        def work(_progress: object) -> None:
            try:
                finder.preload()
            except DatabaseOpenError:
                pass  # closed meanwhile (window switching databases): nothing left to warm

        self.ctx.runner.run(work, background=True)

    # filters ---------------------------------------------------------------

    def _fill_static_filters(self) -> None:
        self.stage_filter.addItem(self.tr("All"), None)
        for code in labels.STAGE_CODES:
            self.stage_filter.addItem(labels.stage(code), code)
        self.last_order_filter.addItem(self.tr("Any time"), None)
        for days in (30, 90, 180, 365):
            self.last_order_filter.addItem(self.tr("Within %n days", "", days), days)
        self.last_order_filter.addItem(self.tr("Over 180 days ago"), -180)
        self.spend_filter.addItem(self.tr("Any"), None)
        for major in (1000, 5000, 20000):
            self.spend_filter.addItem(self.tr("≥ %1").replace("%1", format_amount(major * 100)), major * 100)
        self.archived_filter.addItem(self.tr("Active customers"), False)
        self.archived_filter.addItem(self.tr("Including archived"), True)

    def reload_filter_choices(self) -> None:
        for combo, values in ((self.tag_filter, customers.tag_names(self.ctx.db)),
                              (self.city_filter, customers.cities(self.ctx.db)[:200])):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_query(self) -> CustomerQuery:
        def one(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return () if value is None else (value,)

        now = self.ctx.clock()
        after = before = None
        days = self.last_order_filter.currentData()
        if days is not None and days > 0:
            after = now - timedelta(days=days)
        elif days is not None:
            before = now - timedelta(days=-days)
        return replace(
            self.model.query,
            text=self.search.text(),
            tags=one(self.tag_filter),
            stages=one(self.stage_filter),
            cities=one(self.city_filter),
            last_order_after=after,
            last_order_before=before,
            min_spent_minor=self.spend_filter.currentData(),
            include_archived=bool(self.archived_filter.currentData()),
        )

    def show_ids(self, ids: frozenset[int]) -> None:
        """Drill-down from elsewhere: show exactly these customers."""
        self.model.query = replace(self.model.query, ids=ids)
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.model.set_query(self.current_query())
        self._update_state()

    def _update_state(self) -> None:
        shown = self.model.rowCount()
        self.count_label.setText(self.tr("%Ln customer(s)", "", shown))
        if shown:
            self.stack.setCurrentWidget(self.table)
            return
        if self.search.text().strip():
            self.empty.setText(self.tr("No customer matches “%1”.\nTry part of the name, pinyin initials "
                                       "(zs for 张三) or a few digits of the phone.").replace("%1", self.search.text()))
        elif self._filtered():
            self.empty.setText(self.tr("No customers match these filters."))
        else:
            self.empty.setText(self.tr("No customers yet.\nAdd one with New customer, or bring in a list from Excel, "
                                       "CSV or phone contacts with File → Import (Ctrl+I)."))
        self.stack.setCurrentWidget(self.empty)

    def _filtered(self) -> bool:
        """Whether any filter narrows the list (its order aside)."""
        query = self.model.query
        return query != replace(CustomerQuery(), sort=query.sort, descending=query.descending)

    # actions ---------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _open_index(self, index) -> None:  # noqa: ANN001 - QModelIndex
        cid = self.model.id_at(index.row())
        if cid is not None:
            self.open_customer.emit(cid)

    def _open_current(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.open_customer.emit(cid)

    def _open_first_if_single(self) -> None:
        self._debounce.stop()
        self._apply_filters()
        if self.model.rowCount() == 1:
            self.open_customer.emit(self.model.ids[0])
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _delete_current(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.delete_requested.emit(cid)

    def _on_changes(self, changes: Changes, _source: object) -> None:
        self.model.finder.forget(changes)
        if changes.customers or changes.settings:
            row = self.table.currentIndex().row()
            self.model.reload()
            self.reload_filter_choices()
            self._update_state()
            if 0 <= row < self.model.rowCount():
                self.table.selectRow(row)
        elif changes.customer_ids or changes.orders:
            self.model.refresh_rows(changes.customer_ids)

    # columns ---------------------------------------------------------------

    def _column_menu(self, pos) -> None:  # noqa: ANN001 - QPoint
        menu = QMenu(self)
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.header())
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(i != 0)
            action.toggled.connect(lambda on, col=i: self._set_column_visible(col, on))
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()  # a child of the list: kept, every right-click would leave one more behind

    def _set_column_visible(self, column: int, visible: bool) -> None:
        self.table.setColumnHidden(column, not visible)
        QSettings().setValue("customerList/header", self.table.horizontalHeader().saveState())

    def _restore_columns(self) -> None:
        state = QSettings().value("customerList/header")
        if state is not None and self.table.horizontalHeader().restoreState(state):
            return
        for i, column in enumerate(COLUMNS):
            self.table.setColumnHidden(i, not column.visible)

    def save_state(self) -> None:
        QSettings().setValue("customerList/header", self.table.horizontalHeader().saveState())
