"""The main window: navigation, pages, the undo stack and window state.

Pages do their own work; the window only routes between them (open a
customer, go back), keeps the undo stack and remembers its geometry.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from solocrm.locations import AppPaths
from solocrm.services import customer_rows, customers
from solocrm.services.changes import Changes
from solocrm.ui.context import AppContext
from solocrm.ui.customer_list import CustomerListView
from solocrm.ui.modal import run_dialog
from solocrm.ui.reminders import ReminderService
from solocrm.ui.stage_keeper import StageKeeper
from solocrm.ui.style import nav_item
from solocrm.ui.today_view import TodayView
from solocrm.ui.welcome import WelcomePage
from solocrm.ui.window_size import resize_within_screen

if TYPE_CHECKING:  # the customer page, its dialog, About and backups load when first needed, not at start-up
    from solocrm.ui.backup_scheduler import BackupBanner, BackupScheduler
    from solocrm.ui.customer_page import CustomerPage

UNDO_LIMIT = 50
BACKGROUND_START_MS = 1500


class MainWindow(QMainWindow):
    # ask the application to open the demo database, or to leave it for the user's own
    explore_demo = Signal()
    leave_demo = Signal()
    database_replaced = Signal(Path)  # a restore swapped the file: the application reopens it

    def __init__(self, ctx: AppContext, data_dir: Path, is_demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data_dir = data_dir
        self._undo: list[tuple[str, Callable[[], Changes]]] = []
        self.setWindowTitle(self.tr("SoloCRM — %1").replace("%1", ctx.db.path.name))
        resize_within_screen(self, 1200, 780)  # until the last session's size is restored

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.add_customer.connect(self.new_customer)
        self.welcome.explore_demo.connect(self.explore_demo)
        self.welcome.import_file.connect(self.import_data)
        self.today = TodayView(ctx)
        self.today.open_customer.connect(self.open_customer)
        self.today.undoable.connect(self.push_undo)
        self.customers = CustomerListView(ctx)
        self.customers.open_customer.connect(self.open_customer)
        self.customers.new_customer_requested.connect(self.new_customer)
        self.customers.delete_requested.connect(self.delete_customer)
        self.customers.export_requested.connect(self.export_list)
        self.welcome.restore_backup.connect(self._restore_from_welcome)
        self.customer_page: CustomerPage | None = None
        for page in (self.welcome, self.today, self.customers):
            self.pages.addWidget(page)

        # Pages other than these are built, and their modules imported, on the first visit:
        # the window must come up fast on 100,000 customers.
        self._nav_factories: list[Callable[[], QWidget]] = []
        self._nav_pages: list[QWidget | None] = []
        self._nav_labels: list[str] = []
        for icon, text, factory in (
            ("today", self.tr("Today"), lambda: self.today),
            ("customers", self.tr("Customers"), lambda: self.customers),
            ("duplicates", self.tr("Duplicates"), self._make_duplicates),
            ("analytics", self.tr("Analytics"), self._make_analytics),
            ("reports", self.tr("Reports"), self._make_reports),
            ("backup", self.tr("Backup"), self._make_backup),
            ("settings", self.tr("Settings"), self._make_settings),
        ):
            self.nav.addItem(nav_item(icon, text))
            self._nav_factories.append(factory)
            self._nav_pages.append(None)
            self._nav_labels.append(text)
        self.nav.currentRowChanged.connect(self._nav_changed)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if is_demo:
            outer.addWidget(self._demo_banner())
        self._outer, self._banner_index = outer, outer.count()  # where the backup banner goes once checked
        self.backup_banner: BackupBanner | None = None
        self.backup_scheduler: BackupScheduler | None = None
        self._is_demo = is_demo
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.pages, 1)
        outer.addLayout(row, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self.tray = self._make_tray()
        self.reminders = ReminderService(ctx, self.tray, self)
        self.reminders.notify.connect(lambda title, text: self.statusBar().showMessage(
            self.tr("%1: %2").replace("%1", title).replace("%2", text), 15000))
        # Background jobs start once the window is up: their threads would compete with its first paint.
        self._background_start = QTimer(self, singleShot=True, interval=BACKGROUND_START_MS)
        self._background_start.timeout.connect(self._start_background)
        self._background_start.start()
        ctx.bus.changed.connect(self._on_changes)
        self.stages = StageKeeper(ctx, self)  # stored stages follow time: now, off the GUI thread, and at midnight
        self.stages.start()
        self._restore_state()
        self._show_start_page()

    def _start_background(self) -> None:
        """Reminders, the backup schedule and its warning banner (their modules load here, not at start-up)."""
        from solocrm.ui.backup_scheduler import BackupBanner, BackupScheduler

        self.reminders.start()
        self.backup_banner = BackupBanner(self.ctx)
        self.backup_banner.open_backups.connect(
            lambda: self.nav.setCurrentRow(self._nav_labels.index(self.tr("Backup"))))
        self._outer.insertWidget(self._banner_index, self.backup_banner)
        self.backup_scheduler = BackupScheduler(self.ctx, self)
        if not self._is_demo:
            self.backup_scheduler.start()

    # building --------------------------------------------------------------

    def _demo_banner(self) -> QWidget:
        banner = QWidget()
        banner.setObjectName("demoBanner")
        banner.setStyleSheet("#demoBanner { background: #fff4d6; } #demoBanner QLabel { color: #5c4400; }")
        layout = QHBoxLayout(banner)
        layout.addWidget(QLabel(self.tr("You are exploring demo data. Nothing here is yours.")))
        layout.addStretch(1)
        back = QPushButton(self.tr("Back to my data"))
        back.clicked.connect(self.leave_demo)
        layout.addWidget(back)
        return banner

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New customer…"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_customer)
        new_task = QAction(self.tr("New &task…"), self)
        new_task.setShortcut(QKeySequence("Ctrl+T"))
        new_task.triggered.connect(self.new_task)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setObjectName("quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        import_action = QAction(self.tr("&Import…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.import_data)
        history = QAction(self.tr("Import &history…"), self)
        history.triggered.connect(self.import_history)
        export_customers = QAction(self.tr("&Export all customers…"), self)
        export_customers.triggered.connect(lambda: self.export_all("customers"))
        export_orders = QAction(self.tr("Export all &orders…"), self)
        export_orders.triggered.connect(lambda: self.export_all("orders"))
        file_menu.addActions([new, new_task])
        file_menu.addSeparator()
        file_menu.addActions([import_action, history, export_customers, export_orders])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.undo_action.setEnabled(False)
        find = QAction(self.tr("&Find customer"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        edit_menu.addActions([self.undo_action, find])

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, text in enumerate(self._nav_labels):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, row=i: self.nav.setCurrentRow(row))
            view_menu.addAction(action)
        back = QAction(self.tr("&Back"), self)
        back.setShortcuts([QKeySequence.StandardKey.Back, QKeySequence("Alt+Left")])
        back.triggered.connect(self.go_back)
        view_menu.addAction(back)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About SoloCRM"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def _make_tray(self) -> QSystemTrayIcon | None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return None
        tray = QSystemTrayIcon(self.windowIcon(), self)
        tray.setToolTip("SoloCRM")
        tray.activated.connect(lambda _reason: self.bring_to_front())
        tray.show()
        return tray

    # navigation ------------------------------------------------------------

    def _show_start_page(self) -> None:
        if customer_rows.count(self.ctx.db, include_archived=True) == 0:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(-1)
            self.nav.blockSignals(False)
            self.pages.setCurrentWidget(self.welcome)
            # First focus to the welcome page: the navigation list, focused with no row, picks its first
            # row and the welcome page would be gone before anyone saw it.
            self.welcome.setFocus()
        else:
            self.nav.setCurrentRow(1)

    def _nav_changed(self, row: int) -> None:
        if 0 <= row < len(self._nav_pages):
            self.pages.setCurrentWidget(self.nav_page(row))

    def nav_page(self, row: int) -> QWidget:
        """The page of navigation entry ``row``, built on its first visit."""
        page = self._nav_pages[row]
        if page is None:
            page = self._nav_factories[row]()
            self._nav_pages[row] = page
            self.pages.addWidget(page)
        return page

    def _make_duplicates(self) -> QWidget:
        from solocrm.ui.duplicates_page import DuplicatesPage

        page = DuplicatesPage(self.ctx)
        page.undoable.connect(self.push_undo)
        page.open_customer.connect(self.open_customer)
        return page

    def _make_analytics(self) -> QWidget:
        from solocrm.ui.analytics_page import AnalyticsPage

        page = AnalyticsPage(self.ctx)
        page.show_customers.connect(lambda ids: (self.customers.show_ids(ids), self.nav.setCurrentRow(1)))
        page.open_customer.connect(self.open_customer)
        page.undoable.connect(self.push_undo)
        return page

    def _make_backup(self) -> QWidget:
        from solocrm.ui.backup_page import BackupPage

        page = BackupPage(self.ctx)
        page.database_replaced.connect(self.database_replaced)
        return page

    @property
    def backup_page(self):  # noqa: ANN201 - BackupPage, whose module loads on the first visit
        return self.nav_page(self._nav_labels.index(self.tr("Backup")))

    def _restore_from_welcome(self) -> None:
        page = self.backup_page
        self.pages.setCurrentWidget(page)
        page.restore_from_file()

    def _make_settings(self) -> QWidget:
        from solocrm.ui.settings_page import SettingsPage

        return SettingsPage(self.ctx, self.data_dir)

    def _make_reports(self) -> QWidget:
        from solocrm.ui.reports_page import ReportsPage

        return ReportsPage(self.ctx)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(1)
        self.customers.search.setFocus()
        self.customers.search.selectAll()

    def open_customer(self, customer_id: int) -> None:
        if self.customer_page is not None:
            self.pages.removeWidget(self.customer_page)
            self.customer_page.deleteLater()
        from solocrm.ui.customer_page import CustomerPage

        page = CustomerPage(self.ctx, customer_id)
        page.back_requested.connect(self.go_back)
        page.delete_requested.connect(self.delete_customer)
        page.undoable.connect(self.push_undo)
        page.open_customer.connect(self.open_customer)
        self.customer_page = page
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)

    def go_back(self) -> None:
        if self.pages.currentWidget() is self.customer_page:
            row = self.nav.currentRow()
            self.pages.setCurrentWidget(self.nav_page(row) if row >= 0 else self.customers)

    def bring_to_front(self) -> None:
        self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    # actions ---------------------------------------------------------------

    def new_customer(self) -> None:
        from solocrm.ui.customer_dialog import CustomerDialog

        dialog = CustomerDialog(self.ctx, parent=self)
        if run_dialog(dialog) and dialog.saved_id is not None:
            self.open_customer(dialog.saved_id)

    def new_task(self) -> None:
        from solocrm.ui.task_dialog import TaskDialog

        customer_id = self.customer_page.customer_id if self.pages.currentWidget() is self.customer_page else None
        run_dialog(TaskDialog(self.ctx, customer_id=customer_id, parent=self))

    def delete_customer(self, customer_id: int) -> None:
        data = customers.load_input(self.ctx.db, customer_id)
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete %1 with all their orders, interactions, surveys and tasks?\n"
                    "You can undo this with Ctrl+Z.").replace("%1", data.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(result: tuple[customers.DeletedCustomer, Changes]) -> None:
            snapshot, changes = result
            self.push_undo(self.tr("Undo delete %1").replace("%1", snapshot.name),
                           lambda: customers.restore_deleted(self.ctx.db, snapshot))
            if self.pages.currentWidget() is self.customer_page:
                self.go_back()
            self.ctx.bus.publish(changes, self)
            self.statusBar().showMessage(
                self.tr("Deleted %1. Press Ctrl+Z to undo.").replace("%1", snapshot.name), 10000)

        self.ctx.runner.run(lambda _p: customers.delete_customer(self.ctx.db, customer_id), write=True,
                            parent=self, on_success=done)

    def import_data(self) -> None:
        from solocrm.ui.import_wizard import ImportWizard

        run_dialog(ImportWizard(self.ctx, parent=self))

    def import_history(self) -> None:
        from solocrm.ui.import_wizard import ImportHistoryDialog

        run_dialog(ImportHistoryDialog(self.ctx, self))

    def export_all(self, kind: str) -> None:
        from solocrm.ui import export_actions

        export_actions.export_all(self.ctx, kind, self, self.statusBar().showMessage)

    def export_list(self) -> None:
        from solocrm.ui import export_actions

        export_actions.export_customer_list(self.ctx, self.customers, self, self.statusBar().showMessage)

    def push_undo(self, description: str, undo: Callable[[], Changes]) -> None:
        self._undo.append((description, undo))
        del self._undo[:-UNDO_LIMIT]
        self._update_undo_action()

    def undo(self) -> None:
        if not self._undo:
            return
        description, undo = self._undo.pop()
        self._update_undo_action()

        def done(changes: Changes | None) -> None:
            if changes is not None:
                self.ctx.bus.publish(changes, self)
            self.statusBar().showMessage(self.tr("Done: %1").replace("%1", description), 5000)

        self.ctx.runner.run(lambda _p: undo(), write=True, parent=self, on_success=done)

    def _update_undo_action(self) -> None:
        if self._undo:
            self.undo_action.setText(self._undo[-1][0])
            self.undo_action.setEnabled(True)
        else:
            self.undo_action.setText(self.tr("&Undo"))
            self.undo_action.setEnabled(False)

    def _on_changes(self, changes: Changes, _source: object) -> None:
        if changes.customers and self.pages.currentWidget() is self.welcome:
            if customer_rows.count(self.ctx.db, include_archived=True):
                self.nav.setCurrentRow(1)

    def about(self) -> None:
        from solocrm.ui.about_dialog import AboutDialog

        run_dialog(AboutDialog(self.ctx.db.path, self.data_dir, AppPaths.default().log_dir, self))

    # state -----------------------------------------------------------------

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        self.customers.save_state()
        # Nothing may touch the database once the window is gone (it is closed next): every timer of every page,
        # dialog and service in the window stops, those a new page brings too, then the work ends.
        for timer in self.findChildren(QTimer):
            timer.stop()
        self.ctx.runner.close()
        super().closeEvent(event)
