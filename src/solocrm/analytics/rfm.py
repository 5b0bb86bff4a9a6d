"""RFM scores and tiers, exactly as domain.md section 4 defines them.

The scalar functions score one customer (services/lifecycle.py); the
``*_scores``/``tiers`` functions apply the same thresholds to whole numpy
columns for the analytics panel.  Both read the one threshold table below.
numpy is imported inside the column functions: the GUI loads this module at
start for the scalar ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np

Tier = Literal["high", "medium", "low", "churned"]
TIERS: tuple[Tier, ...] = ("high", "medium", "low", "churned")

TIER_ACTIONS: dict[str, str] = {
    "high": "VIP care and premium offers",
    "medium": "Personalised cross-sell",
    "low": "Promotions to build the habit",
    "churned": "Ask why they left and make a win-back offer",
}

# (limit, score), best score first.  R: at most that many days since the last
# order; F: at least that many orders in 12 months; M: at least that spend (major units).
RECENCY_DAYS = ((30, 5), (60, 4), (90, 3), (180, 2))
FREQUENCY_ORDERS = ((12, 5), (8, 4), (4, 3), (2, 2))
MONETARY_MAJOR = ((10_000, 5), (5_000, 4), (3_000, 3), (1_000, 2))
# Lowest R+F+M of each tier; below the last one a customer counts as churned.
TIER_FLOORS = ((12, "high"), (8, "medium"), (4, "low"))


def recency_score(days_since_last: int | None) -> int:
    if days_since_last is None:
        return 1
    for limit, score in RECENCY_DAYS:
        if days_since_last <= limit:
            return score
    return 1


def frequency_score(orders_per_year: int) -> int:
    for limit, score in FREQUENCY_ORDERS:
        if orders_per_year >= limit:
            return score
    return 1


def monetary_score(spend_per_year_minor: int) -> int:
    for limit_major, score in MONETARY_MAJOR:
        if spend_per_year_minor >= limit_major * 100:
            return score
    return 1


def tier(r: int, f: int, m: int) -> Tier:
    total = r + f + m
    for floor, name in TIER_FLOORS:
        if total >= floor:
            return name  # type: ignore[return-value]
    return "churned"


def weighted_score(r: int, f: int, m: int) -> float:
    """Ranks customers inside a tier."""
    return 0.4 * r + 0.3 * f + 0.3 * m


# --- whole columns ---------------------------------------------------------------------------


def recency_scores(days_since_last: "np.ndarray") -> "np.ndarray":
    """Scores for a column of day counts; a negative count means "never ordered" (score 1)."""
    import numpy as np

    limits = np.array([limit for limit, _score in RECENCY_DAYS])  # ascending: 30, 60, 90, 180
    days = np.asarray(days_since_last)
    scores = 5 - np.searchsorted(limits, days, side="left")
    return np.where(days < 0, 1, scores).astype(np.int8)


def frequency_scores(orders_per_year: "np.ndarray") -> "np.ndarray":
    import numpy as np

    limits = np.array([limit for limit, _score in reversed(FREQUENCY_ORDERS)])  # 2, 4, 8, 12
    return (1 + np.searchsorted(limits, np.asarray(orders_per_year), side="right")).astype(np.int8)


def monetary_scores(spend_per_year_minor: "np.ndarray") -> "np.ndarray":
    import numpy as np

    limits = np.array([limit * 100 for limit, _score in reversed(MONETARY_MAJOR)], dtype=np.int64)
    return (1 + np.searchsorted(limits, np.asarray(spend_per_year_minor), side="right")).astype(np.int8)


def tiers(r: "np.ndarray", f: "np.ndarray", m: "np.ndarray") -> "np.ndarray":
    """Tier of each row as an index into ``TIERS``."""
    import numpy as np

    total = r.astype(np.int16) + f + m
    codes = np.full(total.shape, TIERS.index("churned"), dtype=np.int8)
    for floor, name in reversed(TIER_FLOORS):
        codes[total >= floor] = TIERS.index(name)
    return codes


def weighted_scores(r: "np.ndarray", f: "np.ndarray", m: "np.ndarray") -> "np.ndarray":
    return 0.4 * r + 0.3 * f + 0.3 * m
