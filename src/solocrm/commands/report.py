"""``solocrm report``: the PDF or Excel report without the GUI (for a scheduled month-end report)."""

from __future__ import annotations

import argparse
from datetime import date

from solocrm.commands import add_db_option, existing_db_path, open_database
from solocrm.reports import SECTIONS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD") from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "report", help="write a PDF or Excel business report for a period",
        description="Write the business report (the Analytics figures, tables and charts) for a period as a PDF "
                    "or an Excel workbook. Dates are YYYY-MM-DD in local time. An existing file is replaced only "
                    "once the new one is complete.")
    add_db_option(parser)
    parser.add_argument("--from", dest="start", type=_date, required=True, metavar="DATE", help="first day")
    parser.add_argument("--to", dest="end", type=_date, required=True, metavar="DATE", help="last day")
    parser.add_argument("--format", choices=("pdf", "xlsx"), default=None,
                        help="file format (default: from the --out file name)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="report language (default: zh_CN)")
    parser.add_argument("--sections", nargs="+", choices=SECTIONS, default=list(SECTIONS), metavar="SECTION",
                        help=f"sections to include, in any of: {', '.join(SECTIONS)} (default: all)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from solocrm.errors import ValidationError
    from solocrm.reports import excel, pdf, sections

    path = existing_db_path(args)
    out = Path(args.out)
    kind = args.format or out.suffix.lower().lstrip(".")
    if kind not in ("pdf", "xlsx"):
        raise ValidationError(f"Cannot tell the format from {out.name!r}; add --format pdf or --format xlsx.")
    db = open_database(path, lock=False)
    try:
        report = sections.build(db, args.start, args.end, args.lang, tuple(args.sections))
    finally:
        db.close()
    (pdf if kind == "pdf" else excel).render(report, out)
    print(f"Wrote {out}")
    return 0
