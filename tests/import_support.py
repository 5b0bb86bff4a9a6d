"""Driving the import wizard the way every wizard test starts: open a file, and check it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from solocrm.ui.import_wizard import ImportWizard


def checked_wizard(ctx, qtbot, path: Path) -> ImportWizard:  # noqa: ANN001 - fixtures
    """The wizard on its review step for ``path``, with the guessed mapping."""
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # read the file
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)  # check it
    return wizard


def opening_messages(ctx, qtbot, monkeypatch: pytest.MonkeyPatch, path: Path) -> tuple[ImportWizard, list[str]]:  # noqa: ANN001
    """The wizard after trying to read ``path``, and the warnings it showed."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    wizard = ImportWizard(ctx, path=str(path))
    qtbot.addWidget(wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    return wizard, shown
