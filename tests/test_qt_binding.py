"""The Qt binding the app runs on must not leak: PySide6 6.12.0 loses a reference to None on
every void call, and the app aborts ("none_dealloc") after a few thousand of them."""

from __future__ import annotations

import sys


def test_void_qt_calls_keep_none_alive(qapp):  # noqa: ANN001 - pytest-qt's QApplication
    before = sys.getrefcount(None)
    for _ in range(500):
        qapp.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50
