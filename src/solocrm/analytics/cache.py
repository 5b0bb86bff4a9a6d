"""Results kept per data version, so reopening the Analytics page or a customer costs nothing.

Entries are keyed by (kind, database file, ``frames.data_version``, params).
The version changes whenever orders, answers, customers, tags or settings
change, so a stale entry is never served; storing a newer version drops the
older ones of that kind and file (a million orders' frames are tens of MB).
One lock serialises computations: the panel and a customer page asking at
once share one load of the data instead of doing it twice.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")

_SIZE = 12  # a 100,000-customer context is a few MB; a panel with its drill-down sets a few more
_entries: OrderedDict[tuple, Any] = OrderedDict()
_lock = threading.RLock()


def cached(kind: str, path: str, version: Hashable, params: Hashable, compute: Callable[[], T]) -> T:
    """The value for this key, computed under the lock when missing."""
    key = (kind, path, version, params)
    with _lock:
        if key in _entries:
            _entries.move_to_end(key)
            return _entries[key]
        value = compute()
        for old in [k for k in _entries if k[:2] == (kind, path) and k[2] != version]:
            del _entries[old]
        _entries[key] = value
        while len(_entries) > _SIZE:
            _entries.popitem(last=False)
        return value


def clear() -> None:
    with _lock:
        _entries.clear()
