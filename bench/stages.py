"""Bringing the stored lifecycle stages up to date: ``lifecycle.restage`` on the 100,000-customer demo.

The app runs it on every open and at local midnight, and every command on
open.  Measured twice: a day after the demo's "now" (the everyday case: few
customers move) and 200 days after it (many churn at once, each with a
history row).  Each run is rolled back, so the reused database keeps the
stages the other benches measure against.
"""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy.orm import Session

from bench.common import Context, Result, log
from solocrm import settings
from solocrm.db.database import Database
from solocrm.services import lifecycle

TARGET_SECONDS = 1.0


def _restage(db: Database, ctx: Context, days: int) -> tuple[float, int]:
    with Session(db.engine) as session:
        churn_days = settings.stored(session, "churn_days")
        start = time.perf_counter()
        moved = lifecycle.restage(session, churn_days, as_of=ctx.now + timedelta(days=days))
        session.flush()
        seconds = time.perf_counter() - start
        session.rollback()
    return seconds, moved


def run(ctx: Context) -> list[Result]:
    db = Database.open(ctx.db_path, lock=False)
    try:
        results = []
        for days in (1, 200):
            _restage(db, ctx, days)  # warm the page cache, as a second open would find it
            seconds, moved = _restage(db, ctx, days)
            log(f"  restage +{days} days: {moved:,} customers moved in {seconds:.3f} s")
            results += [Result(f"stages_restage_{days}d", seconds, "s", TARGET_SECONDS),
                        Result(f"stages_moved_{days}d", moved, "customers")]
        return results
    finally:
        db.close()
