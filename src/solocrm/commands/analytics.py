"""``solocrm analytics``: the Analytics panel's figures on the command line, as text or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from solocrm.commands import add_db_option, existing_db_path, open_database

if TYPE_CHECKING:
    from solocrm.analytics.panel import Segment

SEGMENT_KEYS = {"tag": "tags", "city": "cities", "tier": "tiers", "stage": "stages", "source": "sources"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def _segment_part(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or key not in SEGMENT_KEYS or not value:
        raise argparse.ArgumentTypeError(
            f"{text!r}: write KEY=VALUE with KEY one of {', '.join(SEGMENT_KEYS)} (e.g. tag=VIP)")
    return key, value


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "analytics", help="print the analytics figures (CSAT, NPS, CLV, churn, RFM, lifecycle)",
        description="Print the Analytics page's figures for a period. Dates are YYYY-MM-DD in local time.")
    add_db_option(parser)
    parser.add_argument("--as-of", type=_date, metavar="DATE",
                        help="analyse as if today were DATE: later orders are ignored (default: today)")
    parser.add_argument("--from", dest="start", type=_date, metavar="DATE",
                        help="first day of the period (default: 12 months before --to)")
    parser.add_argument("--to", dest="end", type=_date, metavar="DATE",
                        help="last day of the period (default: the as-of date)")
    parser.add_argument("--segment", type=_segment_part, action="append", default=[], metavar="KEY=VALUE",
                        help="only these customers; KEY is tag, city, tier, stage or source; repeat to combine "
                             "(same key: any of the values; different keys: all of them)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from solocrm import settings
    from solocrm.analytics import contract, frames, panel
    from solocrm.db.models import utcnow
    from solocrm.errors import ValidationError

    path = existing_db_path(args)
    now = utcnow()
    offset = frames.local_offset(now)
    as_of = now if args.as_of is None else min(panel.end_of_day(args.as_of, offset), now)
    as_of_day = panel.local_date(as_of, offset)
    end = args.end or as_of_day
    start = args.start or panel.preset_period("12m", end)[0]
    if start > end:
        raise ValidationError("--from is after --to. Swap the dates.")
    values: dict[str, list[str]] = {field: [] for field in SEGMENT_KEYS.values()}
    for key, value in args.segment:
        values[SEGMENT_KEYS[key]].append(value)
    segment = panel.Segment(**{field: tuple(v) for field, v in values.items()})
    _check_segment(segment)

    db = open_database(path, lock=False)
    try:
        result = panel.compute(db, panel.Query(as_of, start, end, segment))
        currency = settings.get(db, "currency")
    finally:
        db.close()
    if args.format == "json":
        json.dump(contract.to_json(result, currency), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(contract.to_text(result, currency))
    return 0


def _check_segment(segment: Segment) -> None:
    from solocrm.analytics import rfm, snapshot
    from solocrm.errors import ValidationError

    for tier in segment.tiers:
        if tier not in rfm.TIERS:
            raise ValidationError(f"Unknown tier {tier!r}; use one of {', '.join(rfm.TIERS)}.")
    for stage in segment.stages:
        if stage not in snapshot.STAGES:
            raise ValidationError(f"Unknown stage {stage!r}; use one of {', '.join(snapshot.STAGES)}.")
