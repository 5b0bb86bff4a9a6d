"""Search as you type: one query per keystroke, timed the way the customer list runs it.

Targets come from what feels instant while typing: the median keystroke under
30 ms, the slow tail (p95) under 100 ms.  Queries are typed progressively from
real customers in the database: Chinese names one to three characters at a
time, pinyin in full and as initials letter by letter, and phone numbers digit
by digit, so the short, unselective prefixes ("1", "z", "王") that match the
most rows are measured as often as a user would hit them.

The list answers keystrokes with ``CustomerFinder`` (filters and sort in SQL
once, then an in-memory scan of search texts); each keystroke is also timed
through the SQL statement alone (FTS5 trigram, LIKE under three characters) as
the same-run comparison ("sql").  Between customers the box is cleared, as a
user starting a new search would.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from bench.common import Context, Result, log, median, percentile, timed_ms
from solocrm.db.database import Database
from solocrm.db.models import Customer, CustomerPhone
from solocrm.services.customer_finder import CustomerFinder
from solocrm.services.search import CustomerQuery, customer_ids_statement, pinyin_keys

TARGET_MEDIAN_MS = 30.0
TARGET_P95_MS = 100.0
SAMPLE_CUSTOMERS = 25  # per kind


def _typed(word: str, longest: int | None = None) -> list[str]:
    """What the search box holds after each keystroke."""
    return [word[:n] for n in range(1, min(len(word), longest or len(word)) + 1)]


def _keystrokes(db: Database, seed: int) -> dict[str, list[list[str]]]:
    """Per kind, one list of successive search-box contents per sampled customer."""
    with db.session() as session:
        people = session.execute(
            select(Customer.name, CustomerPhone.number)
            .join(CustomerPhone, (CustomerPhone.customer_id == Customer.id) & (CustomerPhone.position == 0))
            .where(Customer.kind == "person", Customer.archived.is_(False))
        ).all()
    sample = random.Random(seed).sample(people, min(SAMPLE_CUSTOMERS, len(people)))
    kinds: dict[str, list[list[str]]] = {"name": [], "pinyin_full": [], "pinyin_initials": [], "phone": []}
    for name, number in sample:
        full, initials = pinyin_keys(name).split(" ")
        kinds["name"].append(_typed(name, 3))
        kinds["pinyin_full"].append(_typed(full))
        kinds["pinyin_initials"].append(_typed(initials))
        kinds["phone"].append(_typed(number.removeprefix("+86")))
    return kinds


def _run_query(db: Database, text: str) -> int:
    with db.session() as session:
        return len(session.scalars(customer_ids_statement(CustomerQuery(text=text))).all())


def _time_typing(finder: CustomerFinder, searches: list[list[str]]) -> list[tuple[float, str]]:
    timings = []
    for typed in searches:
        finder.find(CustomerQuery())  # the box is cleared before each new search
        timings += [(timed_ms(lambda q=q: finder.find(CustomerQuery(text=q))), q) for q in typed]
    return timings


def _kind_results(kind: str, ms: list[float], baseline: float, targets: bool = True) -> list[Result]:
    return [
        Result(f"{kind}_median", median(ms), "ms", TARGET_MEDIAN_MS if targets else None, baseline),
        Result(f"{kind}_p95", percentile(ms, 95), "ms", TARGET_P95_MS if targets else None, baseline),
    ]


def run(ctx: Context) -> list[Result]:
    db = Database.open(ctx.db_path, lock=False)
    try:
        finder = CustomerFinder(db)
        # Baseline: the list with an empty search box, all ids in name order (no cache).
        baseline = median([timed_ms(lambda: _run_query(db, "")) for _ in range(5)])
        # The first query that needs texts loads them once, as when the list opens.
        results = [Result("search_texts_first_load", timed_ms(lambda: finder.find(CustomerQuery(text="zz"))), "ms")]
        for kind, searches in _keystrokes(db, ctx.seed).items():
            timings = _time_typing(finder, searches)
            ms = [t for t, _ in timings]
            slowest = sorted(timings, reverse=True)[:3]
            log(f"  search {kind}: {len(ms)} keystrokes, slowest "
                + ", ".join(f"{q!r} {t:.0f} ms" for t, q in slowest))
            sql_ms = [timed_ms(lambda q=q: _run_query(db, q)) for typed in searches for q in typed]
            results += _kind_results(f"search_{kind}", ms, baseline)
            # For reference: the same queries as SQL alone (the command line's path), which the list avoids.
            results += _kind_results(f"search_{kind}_sql", sql_ms, baseline, targets=False)
        return results
    finally:
        db.close()
