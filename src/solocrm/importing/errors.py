"""Errors an import can meet, each with a message that says what to do."""

from __future__ import annotations

from solocrm.errors import UserError


class UnreadableFile(UserError):
    """The file cannot be read as the kind it claims to be; nothing was imported."""


class MappingError(UserError):
    """The column mapping cannot work (a required field is not mapped, a mapping file is wrong)."""
