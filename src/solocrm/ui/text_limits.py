"""Text fields that hold no more than their column does: typing stops there, a longer paste is refused.

The limits come from the services (``customers.TEXT_LIMITS``, ``orders.TEXT_LIMITS``, ``tasks.TITLE_MAX``), which
take them from the database columns, so a value the dialog takes is one the service saves, the export writes
and the import takes back.  A paste is refused whole rather than cut: the user sees why and decides what to keep.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLineEdit

from solocrm.errors import ValidationError
from solocrm.services.limits import too_long


class _AtMost(QValidator):
    """Refuses any edit that leaves more than ``limit`` characters.

    Qt undoes a refused key press or paste and emits ``inputRejected``; a text
    already too long (set by the program) can still be shortened.
    """

    def __init__(self, limit: int, parent: QLineEdit) -> None:
        super().__init__(parent)
        self.limit = limit

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # noqa: D102 - Qt's contract
        state = QValidator.State.Acceptable if len(text) <= self.limit else QValidator.State.Invalid
        return state, text, pos


def limit_length(edit: QLineEdit, field: str, limit: int | None, refused: Callable[[ValidationError], None]) -> None:
    """Hold ``edit`` to ``limit`` characters (None: no limit); ``refused`` shows why an input was not taken."""
    if limit is None:
        return
    edit.setValidator(_AtMost(limit, edit))
    edit.inputRejected.connect(lambda: refused(too_long(field, limit)))
