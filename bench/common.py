"""What every benchmark shares: the result record, timing, percentiles, memory.

Benchmarks are measurements, never pass/fail tests: each result says its
target so a reader (or CI log) can see how far off it is, and, where one makes
sense, a baseline measured in the same run so numbers from different machines
can be compared through the ratio.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
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

ROOT = Path(__file__).resolve().parents[1]

# What a child started by run_in_child runs: the named function, then its result and peak as JSON.
_CHILD = """
import json, importlib, sys
from bench.common import peak_rss_mb
result = getattr(importlib.import_module(sys.argv[1]), sys.argv[2])(*sys.argv[3:])
print(json.dumps({"result": result, "peak_mb": peak_rss_mb()}))
"""


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
    """Peak resident memory of this process's own program so far, in MB (MiB).

    On Linux this is VmHWM, which starts afresh when a process starts a program.
    ru_maxrss does not: a child started with (v)fork + exec keeps its parent's
    high-water mark, so a small child of a big bench runner would report the
    runner's peak.  ru_maxrss (KiB on Linux, bytes on macOS) is the fallback
    where there is no /proc.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_in_child(module: str, function: str, *args: str) -> tuple[Any, float]:
    """``module.function(*args)`` run in a fresh Python process: its JSON result and that process's peak MB.

    A bench's work whose memory it reports runs here, so the figure counts only
    that work, never what the runner (or an earlier bench) held.  Only
    ``bench.common`` and ``module`` are imported before the call.
    """
    paths = [str(ROOT), str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    done = subprocess.run([sys.executable, "-c", _CHILD, module, function, *args], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": os.pathsep.join(paths)}, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{module}.{function} failed in its child process:\n{done.stderr}")
    out = json.loads(done.stdout.strip().splitlines()[-1])
    return out["result"], out["peak_mb"]
