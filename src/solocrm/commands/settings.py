"""``solocrm settings list|get KEY|set KEY VALUE``: the Settings page, scriptable.

``set`` goes through ``solocrm.settings.save``, so it checks a value as the
page does and has the same effect: new churn days restage every customer at
once.  A logo is given as the path of a PNG file ("" removes it).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from solocrm.commands import add_db_option, existing_db_path, open_database


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("settings", help="list, read or change the settings of a database")
    actions = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every setting with its value")
    add_db_option(listing)
    listing.set_defaults(func=run_list)
    get = actions.add_parser("get", help="the value of one setting")
    get.add_argument("key", metavar="KEY", help="a key from `solocrm settings list`")
    add_db_option(get)
    get.set_defaults(func=run_get)
    put = actions.add_parser("set", help="change one setting, checked as the Settings page checks it")
    put.add_argument("key", metavar="KEY", help="a key from `solocrm settings list`")
    put.add_argument("value", metavar="VALUE", help="the new value (for business_logo: a PNG file, or \"\")")
    add_db_option(put)
    put.set_defaults(func=run_set)


def _key(key: str) -> str:
    from solocrm import settings
    from solocrm.errors import ValidationError
    from solocrm.translatable import QT_TRANSLATE_NOOP

    if key not in {spec.key for spec in settings.SPECS}:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "There is no setting {key}. `solocrm settings list` shows every setting."), key=key)
    return key


def _shown(key: str, value: Any) -> str:
    """A value as one line of text; a logo by its size, not its base64 text."""
    from solocrm import settings

    if settings.spec(key).image:
        return f"(PNG, {len(value) * 3 // 4:,} bytes)" if value else ""
    return str(value)


def _parsed(key: str, text: str) -> Any:
    """``text`` from the command line as the setting stores it."""
    from solocrm import settings
    from solocrm.errors import ValidationError
    from solocrm.reports import logo
    from solocrm.translatable import QT_TRANSLATE_NOOP

    spec = settings.spec(key)
    if spec.image:
        if not text:
            return ""
        try:
            return logo.encode(Path(text).read_bytes())
        except OSError as exc:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "Cannot read {path}: {why}."), path=text,
                                  why=exc.strerror or exc) from exc
    if isinstance(spec.default, int):
        try:
            return int(text.replace(",", ""))
        except ValueError:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "{setting} takes a whole number, not {value}."),
                                  setting=spec.label, value=text) from None
    return text.strip()


def run_list(args: argparse.Namespace) -> int:
    from solocrm import settings

    db = open_database(existing_db_path(args), lock=False)
    try:
        values = settings.load(db)
    finally:
        db.close()
    width = max(len(spec.key) for spec in settings.SPECS)
    for spec in settings.SPECS:
        print(f"{spec.key:<{width}}  {_shown(spec.key, values[spec.key])}")
    return 0


def run_get(args: argparse.Namespace) -> int:
    from solocrm import settings

    key = _key(args.key)
    db = open_database(existing_db_path(args), lock=False)
    try:
        print(_shown(key, settings.get(db, key)))
    finally:
        db.close()
    return 0


def run_set(args: argparse.Namespace) -> int:
    from solocrm import settings

    key = _key(args.key)
    value = _parsed(key, args.value)
    db = open_database(existing_db_path(args))
    try:
        moved = settings.save(db, {key: value})
    finally:
        db.close()
    print(f"{key} = {_shown(key, value)}")
    if moved:
        print(f"{moved:,} customers moved to another stage")
    return 0
