"""Errors an import can meet, each with a message that says what to do."""

from __future__ import annotations

from collections.abc import Sequence

from solocrm.errors import UserError
from solocrm.translatable import QT_TRANSLATE_NOOP

LISTED_LINES = 5


class UnreadableFile(UserError):
    """The file cannot be read as the kind it claims to be; nothing was imported."""


class OverLimit(UnreadableFile):
    """Part of the file is bigger than any real table (a damaged or hostile file); nothing was imported.

    The limits are far above what Excel, WPS, phones or tills write, and are
    checked while reading, so such a file stops early instead of filling memory.
    """


class UndecodableLines(UnreadableFile):
    """Some lines do not decode in the encoding the rest of the file is in; the user chooses another or to skip them."""

    def __init__(self, encoding: str, lines: Sequence[int], samples: Sequence[bytes] = ()) -> None:
        listed = ", ".join(str(line) for line in lines[:LISTED_LINES]) + (", …" if len(lines) > LISTED_LINES else "")
        super().__init__(QT_TRANSLATE_NOOP("errors", "Lines that cannot be read as {encoding}: {lines} ({count} in "
                                                     "all). Nothing was imported. Choose another text encoding, or "
                                                     "skip these lines."),
                         encoding=encoding.upper(), lines=listed, count=len(lines))
        self.encoding = encoding
        self.lines = tuple(lines)
        self.samples = tuple(samples)  # the bytes of the first listed lines, to show read in another encoding


class MappingError(UserError):
    """The column mapping cannot work (a required field is not mapped, a mapping file is wrong)."""
