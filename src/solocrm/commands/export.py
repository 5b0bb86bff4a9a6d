"""``solocrm export KIND --format csv|xlsx|vcf --out FILE``."""

from __future__ import annotations

import argparse

from solocrm.commands import add_db_option, existing_db_path, open_database


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="export customers or orders to CSV, Excel or vCard")
    parser.add_argument("kind", choices=("customers", "orders"), metavar="KIND", help="customers | orders")
    parser.add_argument("--format", required=True, choices=("csv", "xlsx", "vcf"),
                        help="csv (UTF-8 for Excel), xlsx, or vcf (vCard 3.0, customers only)")
    parser.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from solocrm.exporting import exports

    db = open_database(existing_db_path(args), lock=False)
    try:
        if args.kind == "customers":
            count = exports.export_customers(db, args.out, args.format)
        else:
            count = exports.export_orders(db, args.out, args.format)
    finally:
        db.close()
    print(f"{count} {args.kind} written to {args.out}")
    return 0
