"""RFM scores and tiers, exactly as domain.md section 4 defines them.

Plain functions over one customer's figures; the analytics panel applies the
same thresholds to whole frames.
"""

from __future__ import annotations

from typing import Literal

Tier = Literal["high", "medium", "low", "churned"]

TIER_ACTIONS: dict[str, str] = {
    "high": "VIP care and premium offers",
    "medium": "Personalised cross-sell",
    "low": "Promotions to build the habit",
    "churned": "Ask why they left and make a win-back offer",
}


def recency_score(days_since_last: int | None) -> int:
    if days_since_last is None:
        return 1
    for limit, score in ((30, 5), (60, 4), (90, 3), (180, 2)):
        if days_since_last <= limit:
            return score
    return 1


def frequency_score(orders_per_year: int) -> int:
    for limit, score in ((12, 5), (8, 4), (4, 3), (2, 2)):
        if orders_per_year >= limit:
            return score
    return 1


def monetary_score(spend_per_year_minor: int) -> int:
    for limit_major, score in ((10_000, 5), (5_000, 4), (3_000, 3), (1_000, 2)):
        if spend_per_year_minor >= limit_major * 100:
            return score
    return 1


def tier(r: int, f: int, m: int) -> Tier:
    total = r + f + m
    if total >= 12:
        return "high"
    if total >= 8:
        return "medium"
    if total >= 4:
        return "low"
    return "churned"


def weighted_score(r: int, f: int, m: int) -> float:
    """Ranks customers inside a tier."""
    return 0.4 * r + 0.3 * f + 0.3 * m
