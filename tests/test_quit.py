"""Quitting never crashes: the real app, on a real database, opens every page and dialog once, then quits.

The app runs as its own process with ``SOLOCRM_TOUR`` (see ``solocrm.ui.tour``):
it visits every navigation page and a customer's page, clicks every button and
menu command, closes each dialog that opens, and quits with File → Quit.  A
crash on quit (a widget deleted twice, a thread or timer outliving its owner)
shows as a non-zero exit status or as Qt's warning on stderr.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import solocrm.ui

SRC = str(Path(__file__).resolve().parents[1] / "src")
# Qt's words for an object deleted by the wrong owner, from the wrong thread, or while still in use
OWNERSHIP_WARNINGS = ("QObject", "QThread", "QBasicTimer", "QTimer", "QWidget", "QSocketNotifier",
                      "Fatal Python error", "Traceback", "malloc", "double free")
# Dialogs that open only after something happened, which a tour that closes every dialog never lets happen
SHOWN_ONLY_AFTER = {
    "RecoveryCodeDialog": "backups were set up",
    "UnlockDialog": "a backup made with a key is verified or restored",
    "ChangePassphraseDialog": "backups were set up",
    "MergeDialog": "a group of duplicates is chosen",
    "CrashDialog": "a bug",
}


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
            "SOLOCRM_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "share")}


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    tmp_path = tmp_path_factory.mktemp("quit")
    db = tmp_path / "shop.sqlite3"
    subprocess.run([sys.executable, "-m", "solocrm", "demo", "--db", str(db), "--customers", "200"],
                   env=_env(tmp_path), check=True, capture_output=True, timeout=300)
    return subprocess.run([sys.executable, "-X", "faulthandler", "-m", "solocrm", "--db", str(db)],
                          env={**_env(tmp_path), "SOLOCRM_TOUR": "1"}, capture_output=True, text=True,
                          timeout=600)


def _dialog_classes() -> set[str]:
    """Every dialog SoloCRM defines."""
    from PySide6.QtWidgets import QDialog

    for module in pkgutil.iter_modules(solocrm.ui.__path__):
        importlib.import_module(f"solocrm.ui.{module.name}")
    found, todo = set(), [QDialog]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("solocrm.ui") and not sub.__name__.startswith("_"):
                found.add(sub.__name__)
    return found


def test_the_app_quits_cleanly_after_opening_every_page_and_dialog(tour: subprocess.CompletedProcess[str]) -> None:
    assert tour.returncode == 0, tour.stderr[-3000:]
    assert tour.stdout.splitlines()[-1] == "tour: done", tour.stdout
    warnings = [line for line in tour.stderr.splitlines() if line.startswith(OWNERSHIP_WARNINGS)]
    assert warnings == []


def test_a_closed_dialog_does_not_live_on_in_the_window(tour: subprocess.CompletedProcess[str]) -> None:
    assert [line for line in tour.stdout.splitlines() if line.startswith("tour: left behind")] == []


def test_the_tour_opens_every_dialog_a_user_can_open_straight_away(tour: subprocess.CompletedProcess[str]) -> None:
    closed = {line.removeprefix("tour: closed ") for line in tour.stdout.splitlines()}
    assert _dialog_classes() - set(SHOWN_ONLY_AFTER) - closed == set()
    assert {"ImportWizard", "CustomerDialog", "TaskDialog", "OrderDialog", "AboutDialog"} <= closed


def test_once_the_window_is_closed_none_of_its_timers_runs(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The database closes right after the window: a page's timer firing then would query a closed database."""
    from PySide6.QtCore import QTimer

    from solocrm.ui.main_window import MainWindow

    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    for row in range(window.nav.count()):  # every page built, with the timers it starts
        window.nav_page(row)
    assert [t for t in window.findChildren(QTimer) if t.isActive()]
    window.close()
    assert [t.parent().metaObject().className() for t in window.findChildren(QTimer) if t.isActive()] == []
