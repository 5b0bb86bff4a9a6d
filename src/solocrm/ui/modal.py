"""The one way SoloCRM shows a modal dialog: exec() it, then delete it.

PySide hands a dialog to Python when exec() returns.  A dialog Python cannot
free, because its own signals hold lambdas or bound methods that hold it (a
reference cycle through Qt), then lives on as a hidden child of its parent;
at quit both the parent and PySide's clean-up delete it, and the app crashes
("shared QObject was deleted directly", heap corruption).  Deleting it here
makes its life end with its answer, whatever it holds.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` until it is answered and return the answer (QDialog.DialogCode).

    The dialog is deleted once control is back in the event loop, so the caller
    may still read what was entered right after this returns.
    """
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
