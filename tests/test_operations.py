"""Long work shows progress only after a moment, and background work never interrupts the user."""

from __future__ import annotations

import time

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
