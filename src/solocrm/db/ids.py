"""Which ids a bulk writer (an import, the demo generator) may hand out itself.

Ids are never reused (AUTOINCREMENT), so undo can put a deleted row back
under its own id, and an import batch names what it added by id ranges,
which a later writer must stay above even once those rows are gone.
"""

from __future__ import annotations

import sqlite3


def first_free_id(conn: sqlite3.Connection, table: str) -> int:
    """Above every id ``table`` ever had and every id range an import batch recorded for it."""
    return 1 + conn.execute(
        f'SELECT max((SELECT coalesce(max(id), 0) FROM "{table}"), '
        "(SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = ?), "
        "(SELECT coalesce(max(last_id), 0) FROM import_batch_range WHERE table_name = ?))",
        (table, table)).fetchone()[0]
