"""``solocrm backup``: set up, create, verify, restore, list, prune and schedule encrypted backups.

Exit status: 0 when the job was done completely (a backup written, and
verified where the key is at hand; the output says which), 1 with the error
class in words (wrong passphrase, damaged or tampered, not a SoloCRM backup,
unsupported version, content check failed, disk full...), 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from solocrm.commands import add_db_option, db_path, existing_db_path, notice

PASSPHRASE_ENV = "SOLOCRM_BACKUP_PASSPHRASE"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="encrypted backups: init, create, verify, restore, list, prune, schedule")
    actions = parser.add_subparsers(dest="backup_command", metavar="ACTION", required=True)

    def key_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--passphrase-file", metavar="FILE", help=f"read the passphrase from FILE (or set {PASSPHRASE_ENV})")
        p.add_argument("--recovery-code-file", metavar="FILE", help="read the recovery code from FILE")

    p = actions.add_parser("init", help="set up backups of a database to a folder (makes the key)")
    add_db_option(p)
    p.add_argument("--to", metavar="DIR", required=True, help="backup folder (a USB drive, a synced folder...)")
    p.add_argument("--passphrase-file", metavar="FILE", help=f"read the new passphrase from FILE (or set {PASSPHRASE_ENV})")
    p.add_argument("--weak-passphrase-ok", action="store_true",
                   help="keep a passphrase below the recommended strength without asking")
    p.add_argument("--schedule", choices=("off", "hourly", "daily", "weekly"), default="daily")
    p.add_argument("--at", default="12:30", metavar="HH:MM", help="time of day for daily and weekly backups")
    p.set_defaults(func=run_init)

    p = actions.add_parser("create", help="back up now (needs no passphrase)")
    add_db_option(p)
    p.add_argument("--to", metavar="DIR", help="write to DIR instead of the configured folder (no pruning)")
    p.add_argument("--force", action="store_true", help="back up even when nothing changed")
    p.add_argument("--scheduled", action="store_true", help=argparse.SUPPRESS)  # run by the OS timer
    p.set_defaults(func=run_create)

    p = actions.add_parser("verify", help="decrypt and check backups completely")
    add_db_option(p)
    p.add_argument("files", nargs="*", metavar="FILE")
    p.add_argument("--all", action="store_true", help="verify every backup in the configured folder")
    key_options(p)
    p.set_defaults(func=run_verify)

    p = actions.add_parser("restore", help="replace the database by the one in a backup")
    add_db_option(p)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    key_options(p)
    p.set_defaults(func=run_restore)

    p = actions.add_parser("list", help="list backups with their state")
    add_db_option(p)
    p.add_argument("--to", metavar="DIR", help="folder to list (default: the configured one)")
    p.set_defaults(func=run_list)

    p = actions.add_parser("prune", help="delete backups the rotation policy does not keep")
    add_db_option(p)
    p.add_argument("--dry-run", action="store_true", help="only say what would be deleted")
    p.set_defaults(func=run_prune)

    p = actions.add_parser("schedule", help="backups while the app is closed (OS timer)")
    p.add_argument("schedule_action", choices=("install", "remove", "status"))
    add_db_option(p)
    p.add_argument("--method", choices=("systemd", "cron"), help="Linux: force a timer kind")
    p.set_defaults(func=run_schedule)


# ---------------------------------------------------------------- helpers

def _fail(exc: Exception) -> int:
    from solocrm.backup.errors import BackupError

    kind = exc.kind if isinstance(exc, BackupError) else "error"
    message = str(getattr(exc, "message", exc))
    if not message.lower().startswith(kind):
        message = f"{kind}: {message}"
    print(f"solocrm backup: {message}", file=sys.stderr)
    return 1


def _open(args: argparse.Namespace, *, missing: str = "refuse"):
    """The database an action works on, once a restore a crash interrupted is finished.

    ``missing`` says what a database that is not there means: "refuse" (the
    default: a mistyped --db must not become a new database), "none" (None:
    a restore onto a new computer; verify and list of backup files when no
    --db was given) or "create" (init).
    """
    from solocrm.backup import swap
    from solocrm.db.database import Database

    path = db_path(args)
    swap.recover(path)
    if missing == "none" and not path.exists():
        return None
    return Database.open(path if missing == "create" else existing_db_path(args), lock=False)


def _files_only(args: argparse.Namespace) -> str:
    """Verify and list work on backup files alone, unless --db names a database (which must be there)."""
    return "refuse" if args.db else "none"


def _read_secret_file(path: str) -> str:
    """The passphrase or recovery code in ``path``: UTF-8 text (a BOM is allowed), its final line break dropped."""
    from solocrm.errors import UserError
    from solocrm.translatable import QT_TRANSLATE_NOOP

    try:
        return Path(path).read_text(encoding="utf-8-sig").rstrip("\r\n")
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "{path} is not UTF-8 text, so the passphrase or code in it cannot be read. Save it as UTF-8 "
                      "(\"Unicode\" in most editors) and try again."), path=path) from None


def _environment_text(name: str) -> str:
    """An environment variable's value, refused when its bytes are not UTF-8 (Python keeps them as surrogates)."""
    from solocrm.errors import UserError
    from solocrm.translatable import QT_TRANSLATE_NOOP

    value = os.environ[name]
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UserError(QT_TRANSLATE_NOOP(
            "errors", "The {name} environment variable is not UTF-8 text, so the passphrase in it cannot be read. "
                      "Set it again from a UTF-8 terminal, or use --passphrase-file."), name=name) from None
    return value


def _passphrase(args: argparse.Namespace, *, new: bool = False) -> str | None:
    """From --passphrase-file, the environment, or a terminal prompt (None when none of them)."""
    import getpass

    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file)
    if os.environ.get(PASSPHRASE_ENV):
        return _environment_text(PASSPHRASE_ENV)
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("New backup passphrase: " if new else "Backup passphrase: ")
    if new and getpass.getpass("Repeat it: ") != first:
        from solocrm.errors import ValidationError

        raise ValidationError("The two passphrases differ. Nothing was set up.")
    return first


def _identities(args: argparse.Namespace, config, files: list[Path]) -> list[str]:
    """Keys for ``files``: the keyring's first; then the passphrase or recovery code when still needed."""
    from solocrm.backup import jobs
    from solocrm.backup.errors import BackupError, KeyNeeded

    have = jobs.identities(config)
    code = _read_secret_file(args.recovery_code_file) if args.recovery_code_file else None
    if code:
        have += jobs.identities(None, recovery_code=code)

    def missing() -> bool:
        for f in files:
            try:
                if jobs.needed_key(f, have):
                    return True
            except (BackupError, OSError):
                continue  # the file itself is the problem; verify reports it
        return False

    if not missing():
        return have
    passphrase = _passphrase(args)
    if passphrase is None:
        if code:
            return have
        raise KeyNeeded("The private key is not in this computer's keyring. Give the passphrase with "
                        f"--passphrase-file or {PASSPHRASE_ENV}, or the recovery code with --recovery-code-file.")
    folders = [f.parent for f in files] + ([config.folder] if config else [])
    for folder in dict.fromkeys(folders):
        if (folder / "solocrm-keys.age").exists():
            return have + jobs.unlock_for(files, folder, passphrase)
    raise KeyNeeded("No key file (solocrm-keys.age) was found beside the backup. Use the recovery code, or "
                    "copy the key file from the backup folder next to the backup.")


def _keep_weak(args: argparse.Namespace, warning: Exception) -> bool:
    """Explain why the new passphrase is weak (in the system's language) and ask whether to keep it.

    Without a terminal the answer is --weak-passphrase-ok.
    """
    from solocrm.ui.messages import in_system_language  # only QtCore, and only for a weak passphrase

    if args.weak_passphrase_ok:
        return True
    print(in_system_language(warning), file=sys.stderr)
    if not sys.stdin.isatty():
        print("Nothing was set up. To keep this passphrase anyway, run again with --weak-passphrase-ok.",
              file=sys.stderr)
        return False
    if input("Use this passphrase anyway? [y/N] ").strip().lower() == "y":
        return True
    print("Nothing was set up.", file=sys.stderr)
    return False


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


# ---------------------------------------------------------------- actions

def run_init(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs, keys
    from solocrm.backup.store import Schedule
    from solocrm.errors import UserError

    try:
        db = _open(args, missing="create")
    except UserError as exc:
        return _fail(exc)
    try:
        passphrase = _passphrase(args, new=True)
        if passphrase is None:
            raise UserError(f"A passphrase is needed: give --passphrase-file FILE or set {PASSPHRASE_ENV}.")
        warning = keys.weak_passphrase(passphrase)
        if warning is not None and not _keep_weak(args, warning):
            return 1
        result = jobs.set_up(db, Path(args.to), passphrase, schedule=Schedule(kind=args.schedule, at=args.at),
                             notice=notice, accept_weak=warning is not None)
    except UserError as exc:
        return _fail(exc)
    finally:
        db.close()
    status = keys.keyring_status()
    print(f"Backups of {db.path} go to {result.config.destination}")
    print(f"Schedule: {args.schedule}" + (f" at {args.at}" if args.schedule in ("daily", "weekly") else ""))
    print("Key: " + ("kept in this computer's keyring" if result.in_keyring else
                     f"NOT kept on this computer ({status.reason}); backups will be written and marked "
                     "'not yet verified' until you give the passphrase"))
    print("\nRecovery code (write it down and keep it somewhere safe; with a backup file it restores "
          "everything, even without the passphrase):\n")
    print("    " + result.recovery_code + "\n")
    return 0


def run_create(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs
    from solocrm.errors import UserError

    try:
        db = _open(args)
    except UserError as exc:
        return _fail(exc)
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\r{done * 100 // max(total, 1)}%", end="", file=sys.stderr, flush=True)

    try:
        result = jobs.create(db, trigger="timer" if args.scheduled else "cli", force=args.force,
                             destination=Path(args.to) if args.to else None, progress=progress, notice=notice)
    except UserError as exc:
        return _fail(exc)
    finally:
        db.close()
        if show:
            print(file=sys.stderr)
    if result.outcome == "skipped":
        print(f"Skipped: {result.reason.message}.")
    elif result.outcome == "unverified":
        print(f"Written: {result.path} ({_size(result.path.stat().st_size)}), NOT yet verified: the key is not "
              "in this computer's keyring. Run `solocrm backup verify --all` with the passphrase.")
    else:
        print(f"Written and verified: {result.path} ({_size(result.path.stat().st_size)})")
        for name in result.pruned:
            print(f"Pruned (rotation policy): {name}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs, store
    from solocrm.backup.container import SUFFIX
    from solocrm.errors import UserError

    try:
        db = _open(args, missing=_files_only(args))
    except UserError as exc:
        return _fail(exc)
    try:
        config = store.load_config(db) if db else None
        files = [Path(f) for f in args.files]
        if args.all:
            if config is None:
                return _fail(UserError("--all needs a database with backups set up (--db)."))
            files += sorted(config.folder.glob("*" + SUFFIX))
        if not files:
            print("solocrm backup verify: give FILE... or --all", file=sys.stderr)
            return 2
        try:
            have = _identities(args, config, files)
        except UserError as exc:
            return _fail(exc)
        failed = 0
        for path in files:
            try:
                opened = jobs.verify_file(path, have, db if (config and path.parent.resolve() == config.folder.resolve()) else None)
            except (UserError, OSError) as exc:
                failed += 1
                kind = getattr(exc, "kind", "cannot read")
                print(f"FAILED  {path}: {kind}: {getattr(exc, 'message', exc)}")
                continue
            m = opened.manifest
            print(f"OK      {path}: made {m.created_at} by SoloCRM {m.app_version}, {m.total_rows} records")
    finally:
        if db is not None:
            db.close()
    return 1 if failed else 0


def run_restore(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs, restore, store
    from solocrm.errors import UserError

    path = Path(args.file)
    target = db_path(args).expanduser().resolve()
    try:
        if not path.is_file():
            raise UserError(f"There is no backup file at {path}.")
        db = _open(args, missing="none")
        config = store.load_config(db) if db else None
        if db is not None:
            db.close()
        have = _identities(args, config, [path])
        opened = jobs.verify_file(path, have)
        m = opened.manifest
        print(f"Backup made {m.created_at} by SoloCRM {m.app_version}: "
              + ", ".join(f"{n} {t}" for t, n in m.row_counts.items() if n))
        question = f"Replace {target} with this backup? A safety backup is taken first. [y/N] "
        if not args.yes and sys.stdin.isatty() and input(question).lower() != "y":
            print("Nothing was changed.")
            return 1
        result = restore.restore(path, target, have, notice=notice)
    except UserError as exc:
        return _fail(exc)
    print(f"Restored {target} from {path}.")
    if result.migrated_from:
        print(f"Brought up to date from schema {', '.join(result.migrated_from)}.")
    if result.safety_backup:
        print(f"The database it replaced is kept as {result.safety_backup} (pinned).")
    if result.kept_aside:
        print(f"The database it replaced could not be backed up; its files are kept in {result.kept_aside}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs, store
    from solocrm.errors import UserError

    try:
        db = _open(args, missing=_files_only(args))
    except UserError as exc:
        return _fail(exc)
    try:
        config = store.load_config(db) if db else None
        folder = Path(args.to) if args.to else (config.folder if config else None)
        if folder is None:
            return _fail(UserError("Give --to DIR, or a database with backups set up (--db)."))
        listed = jobs.list_backups(db, folder)
    finally:
        if db is not None:
            db.close()
    if not listed:
        print(f"No backups in {folder}.")
    for item in listed:
        when = f"{item.record.created_at:%Y-%m-%d %H:%M} UTC" if item.record else "?"
        pin = f"  pinned: {item.record.pinned}" if item.record and item.record.pinned else ""
        print(f"{item.path.name}  {when}  {_size(item.size)}  {item.state}{pin}")
    return 0


def run_prune(args: argparse.Namespace) -> int:
    from solocrm.backup import jobs
    from solocrm.errors import UserError

    try:
        db = _open(args)
        try:
            removed = jobs.prune(db, dry_run=args.dry_run, notice=notice)
        finally:
            db.close()
    except UserError as exc:
        return _fail(exc)
    verb = "Would delete" if args.dry_run else "Deleted"
    for name in removed:
        print(f"{verb} {name}")
    if not removed:
        print("Nothing to prune.")
    return 0


def run_schedule(args: argparse.Namespace) -> int:
    from solocrm.backup import os_timer, store
    from solocrm.errors import UserError

    try:
        db = _open(args)
        try:
            config = store.require_config(db)
        finally:
            db.close()
        if args.schedule_action == "install":
            status = os_timer.install(db.path, config.schedule, args.method)
        elif args.schedule_action == "remove":
            status = os_timer.remove(db.path)
        else:
            status = os_timer.status(db.path)
    except UserError as exc:
        return _fail(exc)
    state = "installed" if status.installed else "not installed"
    print(f"OS timer {state} ({status.method}): {status.detail}")
    return 0
