"""CSV cells that Excel, WPS or LibreOffice would run as a formula, written so they stay text.

A customer named ``=HYPERLINK("http://x","y")`` or with notes
``=cmd|' /C calc'!A0`` would run when the owner or their accountant opens a
CSV export: a spreadsheet reads a cell starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return as a formula.  As OWASP recommends, such a
cell is written with a single quote in front.  A value made only of digits,
spaces and ``+-().,`` (an amount "-5", a phone "+86 138 1234 5678") cannot
call anything and is written as it is, so it stays a number to the reader.

The quote is added to any text that starts with quotes followed by a formula
character too (``'=x`` is written ``''=x``), so the importer's ``restore``
removes exactly one quote from exactly the cells ``neutralise`` changed: a
CSV export imports back to the text that was stored.  .xlsx exports need none
of this: their text cells are typed as text, never formulas.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_MAY_NEED_QUOTE = frozenset("=+-@\t\r'")  # first characters worth a closer look: nearly no cell has one
_QUOTED_FORMULA = re.compile(r"'*[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[+-][0-9][0-9 ().,+-]*\Z")


def neutralise(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: quoted when it would start a formula."""
    if text[:1] in _MAY_NEED_QUOTE and _QUOTED_FORMULA.match(text) and not _PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text ``neutralise`` was given: its one added quote taken off again."""
    if text[:1] == "'" and _QUOTED_FORMULA.match(text, 1):
        return text[1:]
    return text


def restore_row(cells: Sequence[str]) -> Sequence[str]:
    """A CSV row's cells restored; a row with no quote at all (nearly every row) is returned as it is."""
    if "'" not in "".join(cells):
        return cells
    return [restore(cell) for cell in cells]
