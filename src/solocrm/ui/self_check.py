"""``solocrm self-check``: proof that this copy of SoloCRM (a frozen bundle above all) works.

Headless and quick: opens or creates a database and migrates it, finds the
shipped resources, loads both translations and Qt's own, draws the icons, and
builds the real main window offscreen, the step that shows a module the
bundle forgot.  Prints one line per check, then OK; exit status 1 on the first
failure, with what failed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


class SelfCheckError(Exception):
    """A check found this copy of SoloCRM broken; the message says what is wrong."""


def _database(path: Path) -> str:
    from alembic.script import ScriptDirectory

    from solocrm.db import locks, migrate
    from solocrm.db.database import Database
    from solocrm.services import customer_rows

    db = Database.open(path)
    try:
        heads = set(ScriptDirectory.from_config(migrate.alembic_config()).get_heads())
        with db.engine.connect() as conn:
            from alembic.runtime.migration import MigrationContext

            current = set(MigrationContext.configure(conn).get_current_heads())
        if current != heads:
            raise SelfCheckError(f"database at {sorted(current)}, expected {sorted(heads)}")
        count = customer_rows.count(db, include_archived=True)
    finally:
        db.close()
    kind = "open file description" if locks.installed() else "the platform's"
    return f"database {path}: schema {'+'.join(sorted(heads))}, {count} customers, {kind} locks"


def _resources() -> str:
    from PySide6.QtGui import QImage

    from solocrm.commands.desktop import ICON_FILES
    from solocrm.locations import shipped_dir
    from solocrm.ui import style

    icons = shipped_dir("resources") / "icons"
    for size, name in ICON_FILES.items():
        image = QImage(str(icons / name))
        if image.isNull() or image.width() != size:
            raise SelfCheckError(f"icon {icons / name} missing or not {size}px")
    for name in style.NAV_ICONS:
        if style.nav_icon(name).pixmap(24, 24).isNull():
            raise SelfCheckError(f"navigation icon {name} cannot be drawn")
    return f"resources {shipped_dir('resources')}: {len(ICON_FILES)} app icons, {len(style.NAV_ICONS)} navigation icons"


def _translations(app: object) -> str:
    from solocrm.ui import i18n

    loaded = []
    for language in i18n.LANGUAGES:
        files = [Path(f).name for f in i18n.install(app, language)]  # type: ignore[arg-type]
        expected = {f"{i18n.QM_PREFIX}{language}.qm", f"qtbase_{language}.qm"}
        if not expected <= set(files):
            raise SelfCheckError(f"{language}: loaded {files}, expected {sorted(expected)}")
        loaded += files
    i18n.install(app, "en")  # type: ignore[arg-type]
    return "translations: " + ", ".join(loaded)


def _main_window(db_path: Path, data_dir: Path) -> str:
    from PySide6.QtWidgets import QApplication

    from solocrm.db.database import Database
    from solocrm.ui.bus import ChangeBus
    from solocrm.ui.context import AppContext
    from solocrm.ui.main_window import MainWindow
    from solocrm.ui.operations import OperationRunner

    db = Database.open(db_path)
    ctx = AppContext(db=db, bus=ChangeBus(), runner=OperationRunner())
    ctx.runner.inline = True
    try:
        window = MainWindow(ctx, data_dir)
        window.show()
        QApplication.processEvents()
        pages = window.pages.count()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    finally:
        ctx.runner.wait()
        db.close()
    return f"main window: {pages} pages built"


def run(db_path: Path | None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="solocrm-self-check-") as tmp:
        path = (db_path or Path(tmp) / "self-check.sqlite3").expanduser().resolve()
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)  # window state stays out
        app = QApplication.instance() or QApplication(sys.argv[:1])
        app.setOrganizationName("SoloCRM")
        app.setApplicationName("SoloCRM")
        checks: list[Callable[[], str]] = [
            lambda: _database(path),
            _resources,
            lambda: _translations(app),
            lambda: _main_window(path, Path(tmp)),
        ]
        for check in checks:
            try:
                print(check(), flush=True)
            except Exception as exc:  # noqa: BLE001 - every failure is reported, none is hidden
                print(f"self-check FAILED: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
                return 1
    print("OK", flush=True)
    return 0
