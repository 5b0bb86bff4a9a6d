"""Demo generation: the 100,000-customer database the other benches measure, and its build time."""

from __future__ import annotations

import time
from datetime import datetime
from pathlib import Path

from bench.common import Result, log, peak_rss_mb
from solocrm.db.database import Database
from solocrm.services import demo

TARGET_SECONDS = 60.0


def build(path: Path, customers: int, seed: int, now: datetime) -> list[Result]:
    """Generate into a new file at ``path``; opening (migrating) the file is not part of the timing."""
    db = Database.open(path)
    try:
        last_report = [0.0]

        def progress(done: int, total: int) -> None:
            if time.perf_counter() - last_report[0] > 5:
                last_report[0] = time.perf_counter()
                log(f"  demo: {done:,}/{total:,} customers")

        start = time.perf_counter()
        summary = demo.generate(db, customers, seed=seed, now=now, progress=progress)
        seconds = time.perf_counter() - start
    finally:
        db.close()
    log(f"  demo: {summary}")
    return [
        Result("demo_generate", seconds, "s", TARGET_SECONDS),
        Result("demo_customers", summary.customers, "customers"),
        Result("demo_orders", summary.orders, "orders"),
        Result("demo_interactions", summary.interactions, "interactions"),
        Result("demo_db_size", path.stat().st_size / 1e6, "MB"),
        Result("demo_peak_rss", peak_rss_mb(), "MB"),
    ]
