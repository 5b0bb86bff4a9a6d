"""How long a saved text may be, and how that is said: one message for the dialogs and the services.

Each field's limit is its column's length (``db.models.max_length``): the
dialogs stop typing there, the services refuse more and the import says so,
so whatever is saved exports and imports back whole.
"""

from __future__ import annotations

from collections.abc import Mapping

from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP


def too_long(field: str, limit: int) -> ValidationError:
    """The error of a ``field`` given more than ``limit`` characters."""
    return ValidationError(QT_TRANSLATE_NOOP("errors", "Keep this to {limit} characters or fewer."), field=field,
                           limit=limit)


def length_errors(data: object, limits: Mapping[str, int | None]) -> list[ValidationError]:
    """One error for each of ``data``'s text attributes longer than its limit (None: no limit)."""
    return [too_long(name, limit) for name, limit in limits.items()
            if limit is not None and len(getattr(data, name) or "") > limit]
