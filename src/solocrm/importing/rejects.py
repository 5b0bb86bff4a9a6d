"""The rejected rows as a file to fix and import again: the original columns plus the reason."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from solocrm.exporting.writers import write_table
from solocrm.importing.engine import Reject


def write_rejects(path: Path | str, headers: Sequence[str], rejects: Sequence[Reject]) -> int:
    """CSV (UTF-8 with BOM) or .xlsx by the file's extension; the reason column comes first."""
    fmt = "xlsx" if str(path).lower().endswith(".xlsx") else "csv"
    rows = ([f"row {r.row}: {r.reason}", *r.cells] for r in rejects)
    return write_table(Path(path), fmt, ["Why it was not imported", *headers], rows, len(rejects))
