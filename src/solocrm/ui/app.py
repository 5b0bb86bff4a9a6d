"""Starting the desktop app: one window per database, friendly refusals, demo switching."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from solocrm import __version__, settings
from solocrm.commands.desktop import APP_ID, ensure_bundle_entry
from solocrm.db.database import Database
from solocrm.errors import DatabaseOpenError
from solocrm.locations import AppPaths, shipped_dir
from solocrm.ui import i18n, style, tour
from solocrm.ui.bus import ChangeBus
from solocrm.ui.context import AppContext
from solocrm.ui.messages import user_text
from solocrm.ui.operations import OperationRunner

CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC",
             "Hiragino Sans GB", "WenQuanYi Micro Hei", "Noto Sans SC")
LATIN_FONTS = ("Segoe UI", "Helvetica Neue", "Noto Sans", "Cantarell", "Ubuntu", "DejaVu Sans", "Liberation Sans",
               "Arial")
DEMO_CUSTOMERS = 2000


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


def pick_font(app: QApplication, language: str) -> None:
    """Chinese from a font that writes it well, not whatever the platform falls back to.

    In Chinese that font writes everything.  In English, Latin text comes from
    a Latin font first: a CJK font sets “quotes” and other punctuation full
    width, which looks wrong in an English sentence; Chinese names still fall
    back to the CJK font.
    """
    families = set(QFontDatabase.families())
    cjk = next((family for family in CJK_FONTS if family in families), None)
    latin = None if language.startswith("zh") else next((f for f in LATIN_FONTS if f in families), None)
    chosen = [family for family in (latin, cjk) if family]
    if chosen:
        font = QFont(app.font())
        font.setFamilies(chosen)
        font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
        app.setFont(font)


def use_language(app: QApplication, language: str) -> None:
    """Speak ``language`` (translations, and the font that writes it best); call before building windows."""
    i18n.install(app, language)
    pick_font(app, language)


def instance_key(db_path: Path) -> str:
    return "solocrm-" + hashlib.sha1(str(db_path.resolve()).encode()).hexdigest()[:16]


def ask_running_instance_to_raise(key: str) -> bool:
    """True when another SoloCRM already has this database open (and was asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(500):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(500)
    socket.disconnectFromServer()
    return True


class Application(QObject):
    """Owns the open database and its window; swaps both when the user switches to demo data."""

    def __init__(self, qt_app: QApplication, paths: AppPaths) -> None:
        super().__init__()
        self.qt_app = qt_app
        self.paths = paths
        self.own_db: Path | None = None
        self.ctx: AppContext | None = None
        self.window = None
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._raise_on_request)

    @property
    def demo_db(self) -> Path:
        return self.paths.data_dir / "demo.sqlite3"

    def open(self, path: Path, parent: QWidget | None = None) -> bool:
        from solocrm.ui.main_window import MainWindow

        try:
            db = Database.open(path)
        except DatabaseOpenError as exc:
            QMessageBox.critical(parent, _tr("SoloCRM cannot open this database"), user_text(exc))
            return False
        if self.own_db is None:
            self.own_db = db.path
            use_language(self.qt_app, i18n.resolve(settings.get(db, "language")))
        old_window, old_ctx = self.window, self.ctx
        # The application's children, so no thread that let go of them last can delete them; retire() does.
        self.ctx = AppContext(db=db, bus=ChangeBus(self), runner=OperationRunner(self))
        is_demo = db.path == self.demo_db.resolve() and db.path != self.own_db
        self.window = MainWindow(self.ctx, self.paths.data_dir, is_demo=is_demo)
        self.window.explore_demo.connect(self.explore_demo)
        self.window.leave_demo.connect(lambda: self._switch(self.own_db))
        self.window.database_replaced.connect(self._switch)
        self.window.show()
        if old_window is not None and old_ctx is not None:
            self.retire(old_window, old_ctx)
        return True

    @staticmethod
    def retire(window: QWidget, ctx: AppContext) -> None:
        """Take down a window and what it used, each before what it depends on.

        The window stops its timers and waits for its work (closeEvent) and goes with its
        dialogs; the runner drops answers still on their way to it; the database closes last.
        """
        window.close()
        window.deleteLater()
        ctx.runner.close()
        ctx.runner.deleteLater()
        ctx.bus.deleteLater()
        ctx.db.close()

    def shut_down(self) -> None:
        """After the event loop: delete the window and the rest while Qt still runs.

        Left to Python's exit, PySide deletes every object Python owns in no set order,
        children of an already deleted window among them: a crash on quit.
        """
        self.server.close()
        if self.window is not None and self.ctx is not None:
            self.retire(self.window, self.ctx)
            self.window = self.ctx = None
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _switch(self, path: Path | None) -> None:
        if path is None:
            return
        current = self.window
        current.close()  # stops its timers and waits for its work before the database closes
        current.ctx.db.close()
        if not self.open(path):
            self.open(current.ctx.db.path)

    def explore_demo(self) -> None:
        if self.demo_db.exists():
            self._switch(self.demo_db)
            return

        def build(progress) -> None:  # noqa: ANN001 - operations.Progress
            from solocrm.services import demo

            db = Database.open(self.demo_db)
            try:
                demo.generate(db, customers=DEMO_CUSTOMERS, progress=lambda d, t: progress.report(d, t))
            except BaseException:
                db.close()
                self.demo_db.unlink(missing_ok=True)
                raise
            db.close()

        self.ctx.runner.run(build, write=True, parent=self.window, label=_tr("Creating demo data…"),
                            on_success=lambda _r: self._switch(self.demo_db))

    def _raise_on_request(self) -> None:
        connection = self.server.nextPendingConnection()
        connection.readyRead.connect(lambda: self.window is not None and self.window.bring_to_front())
        connection.disconnected.connect(connection.deleteLater)


def run(db_path: Path) -> int:
    qt_app = QApplication.instance() or QApplication(sys.argv)
    qt_app.setOrganizationName("SoloCRM")
    qt_app.setApplicationName("SoloCRM")
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName(APP_ID)
    icon = shipped_dir("resources") / "icons" / "solocrm.png"
    if icon.exists():
        qt_app.setWindowIcon(QIcon(str(icon)))
    use_language(qt_app, i18n.resolve(i18n.SYSTEM))  # until the database's own setting is read
    style.apply(qt_app)
    ensure_bundle_entry()

    key = instance_key(db_path)
    if ask_running_instance_to_raise(key):
        return 0
    paths = AppPaths.default()
    from solocrm.ui.crash import install_excepthook

    app = Application(qt_app, paths)
    handler = install_excepthook(paths.log_dir, lambda: app.window)
    QLocalServer.removeServer(key)
    app.server.listen(key)
    if not app.open(db_path):
        return 1
    quit_when = os.environ.get("SOLOCRM_QUIT_WHEN_READY")  # benches: time to a usable window, memory
    if quit_when:
        def ready() -> None:
            if quit_when == "idle":  # also let background work (search texts) finish, for memory
                app.ctx.runner.wait()
            print("ready", flush=True)
            qt_app.quit()

        QTimer.singleShot(3000 if quit_when == "idle" else 0, ready)  # idle: after the delayed background starts
    if os.environ.get(tour.ENV):  # the quit test: every page and dialog once, then File → Quit
        tour.start(app.window)
    status = qt_app.exec()
    app.shut_down()
    handler.uninstall()
    return status
