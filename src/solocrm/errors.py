"""Errors a user can cause.

Each carries a message meant for the user (what happened and what to do). The
GUI shows it in a dialog and the CLI prints it and exits 1; anything else is a
bug and keeps its traceback.
"""

from __future__ import annotations

import json


class Explained(Exception):
    """An error whose text is written for the user, in a form the GUI can show in the user's language.

    The text is a template with ``{field}`` places filled from keyword
    arguments.  Raise sites mark the template with
    ``QT_TRANSLATE_NOOP("errors", ...)`` so it reaches the translation files;
    the GUI translates the template and fills it in (``ui.operations.user_text``).
    ``message`` is the English text, for the CLI, logs and files.
    """

    def __init__(self, template: str = "", /, **params: object) -> None:
        super().__init__(template.format(**params) if params else template)
        self.template = template
        self.params = params

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__

    def to_json(self) -> str:
        """The template and its fields as text to keep (the backup history), shown later in the reader's language."""
        return json.dumps(_kept(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Explained:
        """A kept message; plain text kept before templates were comes back as its own template."""
        try:
            kept = json.loads(text)
        except ValueError:
            return cls(text)
        return _restored(kept) if isinstance(kept, dict) and "template" in kept else cls(text)


def _kept(message: Explained) -> dict[str, object]:
    params = {key: _kept(value) if isinstance(value, Explained)
              else value if isinstance(value, (str, int, float, bool)) or value is None else str(value)
              for key, value in message.params.items()}
    return {"template": message.template or message.message, "params": params}


def _restored(kept: dict) -> Explained:
    params = {key: _restored(value) if isinstance(value, dict) else value for key, value in kept["params"].items()}
    return Explained(kept["template"], **params)


class UserError(Explained):
    """Base of every error whose message is written for the user."""


class ValidationError(UserError):
    """Input that cannot be saved; ``field`` names the form field to mark."""

    def __init__(self, message: str, field: str | None = None, **params: object) -> None:
        super().__init__(message, **params)
        self.field = field


class DatabaseOpenError(UserError):
    """The database file cannot be opened; the file is left untouched."""


class NotFound(UserError):
    pass


class DiskFull(UserError):
    """A disk is full: what was being written was not, and nothing written before was lost."""


class DatabaseBusy(UserError):
    """Another program holds the database's write lock: nothing was changed, and trying again later works."""
