"""Bringing the stored lifecycle stages up to date: ``lifecycle.restage`` on the 100,000-customer demo.

The app runs it on every open and at local midnight, and every command on
open.  Measured three ways: the first open of a database never restaged (every
loyal customer is looked at), a day after the last restage (the everyday case:
few customers move), and 200 days after it (many churn at once, each with a
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


def _restage(db: Database, ctx: Context, days: int, first: bool) -> tuple[float, int]:
    """Seconds and customers moved restaging ``days`` after the demo's now (after one at now unless ``first``)."""
    with Session(db.engine) as session:
        churn_days = settings.stored(session, "churn_days")
        if not first:
            lifecycle.restage(session, churn_days, as_of=ctx.now)
            session.flush()
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
        for name, days, first in (("first", 1, True), ("1d", 1, False), ("200d", 200, False)):
            _restage(db, ctx, days, first)  # warm the page cache, as a second open would find it
            seconds, moved = _restage(db, ctx, days, first)
            log(f"  restage {name}: {moved:,} customers moved in {seconds:.3f} s")
            results += [Result(f"stages_restage_{name}", seconds, "s", TARGET_SECONDS),
                        Result(f"stages_moved_{name}", moved, "customers")]
        return results
    finally:
        db.close()
