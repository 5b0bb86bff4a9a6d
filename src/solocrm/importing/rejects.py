"""The rejected rows as a file to fix and import again: the original columns plus the reason."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from solocrm.exporting.writers import write_table
from solocrm.importing.engine import Reject


def _english(reject: Reject) -> str:
    return f"row {reject.row}: {reject.reason}"


def write_rejects(path: Path | str, headers: Sequence[str], rejects: Sequence[Reject],
                  why_header: str = "Why it was not imported", why: Callable[[Reject], str] = _english) -> int:
    """CSV (UTF-8 with BOM) or .xlsx by the file's extension; the reason column comes first.

    ``why_header`` and ``why`` word that column (the GUI passes the user's language; the CLI keeps English).
    """
    fmt = "xlsx" if str(path).lower().endswith(".xlsx") else "csv"
    rows = ([why(r), *r.cells] for r in rejects)
    return write_table(Path(path), fmt, [why_header, *headers], rows, len(rejects))
