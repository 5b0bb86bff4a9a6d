"""What every benchmark shares: the result record, timing, percentiles, memory.

Benchmarks are measurements, never pass/fail tests: each result says its
target so a reader (or CI log) can see how far off it is, and, where one makes
sense, a baseline measured in the same run so numbers from different machines
can be compared through the ratio.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

# Every bench measures "as of" this moment, so a reused database gives comparable figures.
BENCH_NOW = datetime(2026, 6, 15, 9, 0, 0)
DEFAULT_SEED = 1


@dataclass(frozen=True)
class Result:
    name: str
    value: float
    unit: str
    target: float | None = None  # an upper bound; None when the figure is informational
    baseline: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "value": round(self.value, 3), "unit": self.unit,
                               "target": self.target}
        if self.baseline is not None:
            out["baseline"] = round(self.baseline, 3)
            out["ratio"] = round(self.value / self.baseline, 2) if self.baseline else None
        return out


@dataclass(frozen=True)
class Context:
    """What a bench module gets: the demo database to measure and how it was made."""

    db_path: Path
    customers: int
    seed: int
    now: datetime = BENCH_NOW


def log(message: str) -> None:
    """Progress goes to stderr so stdout stays pure JSON."""
    print(message, file=sys.stderr, flush=True)


def timed_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile: with few samples it reports a value actually observed."""
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


def median(values: list[float]) -> float:
    return statistics.median(values)


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
