"""Long work shows progress only after a moment, background work never interrupts the user, and closing
the window cancels what can be cancelled and silences the rest."""

from __future__ import annotations

import threading
import time

import shiboken6
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from solocrm.ui.operations import OperationRunner


def _run_slow(qtbot, background: bool) -> bool:  # noqa: ANN001
    """Whether a progress dialog was seen while 0.9 s of work ran."""
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    runner = OperationRunner()
    finished: list[str] = []
    seen: list[bool] = []
    runner.run(lambda _p: time.sleep(0.9) or "done", on_success=finished.append, parent=window,
               background=background, label="Working")

    def dialog_shown() -> bool:
        seen.append(any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
        return bool(finished)

    qtbot.waitUntil(dialog_shown, timeout=5000)
    return any(seen)


def test_slow_work_shows_progress(qtbot):
    assert _run_slow(qtbot, background=False)


def test_background_work_shows_nothing(qtbot):
    assert not _run_slow(qtbot, background=True)


def test_closing_cancels_cancellable_work_and_drops_its_answer(qtbot):
    """Quitting during an import: the import is cancelled (it rolls back) instead of running on unseen."""
    runner = OperationRunner()
    steps: list[int] = []
    answers: list[object] = []

    def work(progress) -> str:  # noqa: ANN001 - operations.Progress
        for step in range(500):  # 5 s when nobody cancels
            steps.append(step)
            progress.report(step, 500)
            time.sleep(0.01)
        return "finished"

    runner.run(work, on_success=answers.append, on_failure=answers.append, cancellable=True, background=True)
    qtbot.waitUntil(lambda: len(steps) > 2)
    runner.close()
    QApplication.processEvents()  # the answer, posted before the work ended, would be delivered now
    assert len(steps) < 500
    assert answers == []


def test_after_closing_an_answer_no_longer_reaches_its_view(qtbot):
    runner = OperationRunner()
    answers: list[object] = []
    runner.run(lambda _p: "saved", on_success=answers.append, background=True)
    runner.close()
    QApplication.processEvents()
    assert answers == []


def test_an_answer_for_a_widget_deleted_meanwhile_goes_nowhere(qtbot):
    """Esc on a dialog whose work is still running: the answer must not reach the deleted dialog."""
    runner = OperationRunner()
    dialog = QWidget()
    release = threading.Event()
    shown: list[str] = []
    runner.run(lambda _p: release.wait(5) and "checked", parent=dialog,
               on_success=lambda text: shown.append(dialog.windowTitle() + text))
    shiboken6.delete(dialog)
    release.set()
    runner.wait()
    QApplication.processEvents()
    assert shown == []
