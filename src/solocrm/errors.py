"""Errors a user can cause.

Each carries a message meant for the user (what happened and what to do). The
GUI shows it in a dialog and the CLI prints it and exits 1; anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Base of every error whose message is written for the user."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class ValidationError(UserError):
    """Input that cannot be saved; ``field`` names the form field to mark."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class DatabaseOpenError(UserError):
    """The database file cannot be opened; the file is left untouched."""


class NotFound(UserError):
    pass
