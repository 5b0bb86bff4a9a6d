"""Layout pieces more than one page needs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget


def centred(paragraph: QWidget) -> QHBoxLayout:
    """A wrapped text centred between stretches, half the width: with an alignment flag instead, the layout
    gives a wrapped label one line's height and the rest of it is cut off."""
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(paragraph, 2)
    row.addStretch(1)
    return row
