"""Cohort retention: of the customers whose first order fell in a month, how many bought again k months later.

Months are the user's local calendar months.  Cell (cohort, k) is the share of
the cohort with at least one paid order in month cohort + k; cells in the
future of the as-of date are empty (NaN), not 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from solocrm.analytics.frames import DAY, Frames
from solocrm.analytics.snapshot import Snapshot

MONTHS = 12


def month_number(local_seconds: np.ndarray | int) -> np.ndarray:
    """Months since January 1970 of local times (0 = 1970-01)."""
    days = np.asarray(local_seconds) // DAY
    return days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)


def month_label(month: int) -> str:
    return str(np.datetime64(int(month), "M"))  # "2026-06"


@dataclass(frozen=True)
class CohortTable:
    months: tuple[str, ...]  # cohort labels, oldest first ("2025-07")
    sizes: np.ndarray  # customers per cohort
    rates: np.ndarray  # (cohort, months after) shares 0-1, NaN where not yet observable
    cells: dict[tuple[int, int], np.ndarray]  # (cohort row, k) -> customer positions active then


def retention(frames: Frames, snap: Snapshot, members: np.ndarray, months: int = MONTHS) -> CohortTable:
    """The last ``months`` cohorts up to the snapshot's month, each followed up to ``months`` months."""
    last_month = int(month_number(snap.at))
    first_month = last_month - months + 1
    cohort_of = np.full(frames.customers, -1, dtype=np.int64)
    bought = members & snap.has_ordered
    cohort_of[bought] = month_number(snap.first[bought]) - first_month
    in_window = cohort_of >= 0

    chosen = frames.order_paid & (frames.order_ts <= snap.at) & in_window[frames.order_customer]
    who = frames.order_customer[chosen]
    offset = month_number(frames.order_ts[chosen]) - first_month - cohort_of[who]
    pairs = np.unique(who * months + offset)  # each (customer, months after) once
    who, offset = pairs // months, pairs % months
    row = cohort_of[who]

    sizes = np.bincount(cohort_of[in_window], minlength=months)
    counts = np.zeros((months, months))
    np.add.at(counts, (row, offset), 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rates = counts / sizes[:, None]
    observable = (np.arange(months)[:, None] + np.arange(months)[None, :]) < months
    rates[~observable | (sizes[:, None] == 0)] = np.nan
    order = np.lexsort((who, offset, row))
    keys = row[order] * months + offset[order]
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]) if len(keys) else np.array([], dtype=np.int64)
    cells = {
        (int(keys[s] // months), int(keys[s] % months)): who[order][s:e]
        for s, e in zip(starts, np.r_[starts[1:], len(keys)].astype(np.int64))
    }
    labels = tuple(month_label(first_month + i) for i in range(months))
    return CohortTable(labels, sizes, rates, cells)
