"""``solocrm import KIND FILE``: the wizard's import without the GUI, with a summary and rejects file."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from solocrm.commands import add_db_option, db_path, notice, open_database

if TYPE_CHECKING:
    from solocrm.importing.engine import ImportReport

KINDS = ("customers", "orders", "interactions", "surveys")
RECORDS_NOTE = (
    "Orders, interactions and surveys: a row whose customer name matches a customer but whose phone, email or "
    "customer ID differs from theirs is a name conflict. It is not attached to that customer: it goes to a new "
    "customer and is listed (attach it in the import wizard instead). A malformed phone or email is left out and "
    "listed; the rest of its row is imported. An amount in another currency (\"$2,400.00\") is stored in that "
    "currency, which figures and reports do not add to the business currency.")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="import customers, orders, interactions or surveys from CSV, Excel or vCard",
                            description=RECORDS_NOTE)
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help="customers | orders | interactions | surveys")
    parser.add_argument("file", metavar="FILE", help="a .csv, .xlsx, .xls or .vcf file")
    add_db_option(parser)
    parser.add_argument("--mapping", metavar="FILE",
                        help='JSON mapping {"column header": "field", ...} (default: a saved preset or the guess)')
    parser.add_argument("--dry-run", action="store_true", help="check everything and report, but write nothing")
    parser.add_argument("--rejects", metavar="FILE", help="write the rows that could not be imported to this CSV")
    parser.add_argument("--date-order", choices=("ymd", "dmy", "mdy"),
                        help="how to read dates like 05/01/2024 (dmy: day first, mdy: month first)")
    parser.add_argument("--encoding", help="text encoding of a CSV file: utf-8, gb18030 (GBK), utf-16, big5... "
                                           "(default: detected from the whole file)")
    parser.add_argument("--skip-undecodable", action="store_true",
                        help="leave out the lines of a CSV file that cannot be read in its encoding (without this, "
                             "such lines stop the import)")
    parser.add_argument("--delimiter", help="CSV delimiter (default: detected); use \\t for tab")
    parser.add_argument("--sheet", help="the Excel sheet to read (default: the first with data)")
    parser.add_argument("--header-row", type=int, metavar="N", help="the row holding the column names (default: detected)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from solocrm.db.database import wait_for_writers
    from solocrm.importing import mapping, rejects
    from solocrm.importing.engine import ImportOptions, run_import
    from solocrm.importing.errors import UndecodableLines
    from solocrm.importing.sources import open_source

    delimiter = "\t" if args.delimiter in ("\\t", "tab") else args.delimiter
    try:
        source = open_source(args.file, encoding=args.encoding, delimiter=delimiter, sheet=args.sheet,
                             header_row=args.header_row, skip_undecodable=args.skip_undecodable)
    except UndecodableLines:
        print("Read the file in another encoding with --encoding NAME (utf-8, gb18030, big5...), or leave these "
              "lines out with --skip-undecodable.", file=sys.stderr)
        raise
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r{done:,} / {total:,} rows", end="", file=sys.stderr, flush=True)

    db = open_database(db_path(args))
    try:
        date_order = args.date_order
        if args.mapping:
            columns, file_order = mapping.load_mapping_file(args.mapping)
            chosen = {h: columns.get(h) for h in source.headers}
            date_order = date_order or file_order
        else:
            chosen, _preset = mapping.initial(db, args.kind, source.headers, source.preview)
        wait_for_writers(db.path, notice)  # even a dry run takes the write lock, to read what it would write over
        report = run_import(db, source, ImportOptions(args.kind, chosen, date_order=date_order),
                            dry_run=args.dry_run, progress=progress)
    finally:
        db.close()
    if show:
        print(file=sys.stderr)
    mapped = ", ".join(f"{h} → {k}" for h, k in chosen.items() if k)
    print(f"{source.path.name}: columns {mapped}")
    if source.skipped_lines:
        listed = ", ".join(str(line) for line in source.skipped_lines[:20])
        more = ", ..." if len(source.skipped_lines) > 20 else ""
        print(f"Lines left out because they cannot be read as {source.encoding.upper()}: {listed}{more} "
              f"({len(source.skipped_lines):,} in all)")
    prefix = "Dry run, nothing written: " if args.dry_run else ""
    print(f"{prefix}{report.summary()} ({report.seconds:.1f} s)")
    for reject in report.rejects[:20]:
        print(f"  row {reject.row}: {reject.reason}", file=sys.stderr)
    if report.rejected > 20:
        print(f"  ... and {report.rejected - 20:,} more rejected rows", file=sys.stderr)
    likely = [d for d in report.duplicates if not d.namesakes]
    for dup in likely[:10]:
        other = f"row {dup.other_row}" if dup.other_row else f"#{dup.other_id}"
        print(f"  row {dup.row}: {dup.name} may be the same as {dup.other_name} ({other}, {dup.reason})")
    if len(likely) > 10:
        print(f"  ... and {len(likely) - 10:,} more possible duplicates (see the Duplicates page in the app)")
    if namesakes := len(report.duplicates) - len(likely):
        print(f"  Namesakes not listed: {namesakes:,} (a name like a customer's in the same city or company, "
              "each with a phone number of their own)")
    _print_record_conflicts(report)
    for problem in report.left_out[:20]:
        print(f"  row {problem.row}: {problem.reason} (left out; the row is imported)", file=sys.stderr)
    if len(report.left_out) > 20:
        print(f"  ... and {len(report.left_out) - 20:,} more cells left out", file=sys.stderr)
    if report.conflicts and report.kind == "customers":
        kept = "are kept" if args.dry_run else "were kept"
        print(f"  {len(report.conflicts):,} values differ from the customer's current ones; the current values {kept} "
              "(choose in the import wizard to take the file's)")
    if args.rejects and report.rejects:
        rejects.write_rejects(args.rejects, source.headers, report.rejects)
        print(f"Rejected rows written to {args.rejects}")
    if report.batch_id is not None:
        print(f"Import #{report.batch_id}; undo it from File → Import history in the app.")
    return 0


def _print_record_conflicts(report: ImportReport) -> None:
    """Each name conflict of an orders/interactions/surveys import: whose, what differs, where the record went."""
    if report.kind == "customers" or not report.conflicts:
        return
    for c in report.conflicts[:10]:
        customer = f"row {c.other_row}" if c.other_row else f"#{c.customer_id}"
        print(f"  row {c.row}: {c.customer_name} ({customer}) has {c.field} {c.existing}, the file {c.incoming}: "
              "not attached to them, a new customer instead")
    if len(report.conflicts) > 10:
        print(f"  ... and {len(report.conflicts) - 10:,} more name conflicts")
    print("  Attach a row to the customer of the same name in the import wizard if it is the same person.")
