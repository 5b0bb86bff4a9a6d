"""Restore a backup over a database without ever harming it.

1. Decrypt and check into ``<db>.restoring`` beside the database (same disk,
   so the final step is a rename; readable by the user alone, and given the
   replaced file's mode before the swap): authenticated, hash, integrity_check,
   revision known, row counts as the manifest says; then migrate it to head.
2. Take a pinned, encrypted safety backup of the current database, so the
   restore itself can be undone.
3. Carry the backup settings, history and catalog over from the current
   database (restoring an old backup must not bring back an old key).
4. Swap under a journal: the database, ``-wal`` and ``-shm`` are moved aside
   together (a stale WAL beside a restored file silently replays old pages),
   then the new file is renamed in.  ``recover`` finishes an interrupted swap
   on the next start: while ``.restoring`` exists every live file is old and
   is moved aside; once it is renamed, the database is the new one.  A kill
   at any step leaves the old or the new database, complete.

The database must be closed by its owner first; restore takes the same file
lock ``Database.open`` uses, so a database open in a window is refused.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from solocrm.backup import jobs, keys, snapshot, store
from solocrm.backup.container import Opened, open_backup
from solocrm.backup.errors import (
    BackupError,
    ContentCheckFailed,
    UnsupportedVersion,
    WriteFailed,
)
from solocrm.backup.files import FileLayer, io_error
from solocrm.backup.swap import (
    aside_dir,
    discard_prepared,
    recover,
    restoring_path,
    swap,
)
from solocrm.db import migrate
from solocrm.db.database import Database, Notice, make_engine, wait_for_writers
from solocrm.errors import DatabaseOpenError, Explained
from solocrm.locations import private_dir, private_file
from solocrm.translatable import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], None]
CARRIED_TABLES = ("backup_config", "backup_run", "backup_file")
SAFETY_FOLDER = "SoloCRM safety backups"  # beside the database, when the backup folder is not at hand


@dataclass(frozen=True)
class RestoreResult:
    manifest_created_at: str
    row_counts: dict[str, int]
    migrated_from: list[str]
    safety_backup: Path | None
    kept_aside: Path | None  # the old files, kept when no encrypted safety copy could be made


def restore(backup: Path, db_path: Path, have: list[str], *, progress: Progress | None = None,
            layer: FileLayer | None = None, notice: Notice | None = None) -> RestoreResult:
    """Replace the database at ``db_path`` by the one in ``backup`` (see the module docstring).

    A database another program is writing to is waited for (``notice`` hears
    it), then refused with DatabaseBusy before anything is made: no prepared
    file, no safety backup.
    """
    layer = layer or FileLayer()
    db_path = Path(db_path).expanduser().resolve()
    private_dir(db_path.parent)
    recover(db_path, layer)
    lock = FileLock(str(db_path) + ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseOpenError(QT_TRANSLATE_NOOP(
            "errors", "{name} is open in SoloCRM. Close that window (or use the Backup page there) and restore "
                      "again. Nothing was changed."), name=db_path.name) from None
    try:
        wait_for_writers(db_path, notice)
        new = restoring_path(db_path)
        opened, migrated_from = _prepare(backup, new, have, progress)
        try:
            safety, keep_aside = _safety_backup(db_path, backup, have, opened, notice)
            _carry_over(db_path, new)
            if db_path.exists():  # the restored file keeps the mode the user's file had
                shutil.copymode(db_path, new)
        except BaseException:
            discard_prepared(new)
            raise
        swap(db_path, new, layer, keep_aside)
    finally:
        lock.release()
    aside = aside_dir(db_path) if keep_aside else None
    return RestoreResult(opened.manifest.created_at, opened.manifest.row_counts, migrated_from, safety, aside)


def _scaled(progress: Progress | None, start: int, end: int) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(start + (end - start) * done // max(total, 1), 1000)


def _prepare(backup: Path, new: Path, have: list[str], progress: Progress | None) -> tuple[Opened, list[str]]:
    discard_prepared(new)
    try:
        with private_file(new).open("r+b") as out:
            opened = open_backup(backup, have, image_out=out, progress=_scaled(progress, 0, 700))
            out.flush()
            os.fsync(out.fileno())
        manifest = opened.manifest
        from alembic.script import ScriptDirectory  # heavy; only when a backup is restored

        script = ScriptDirectory.from_config(migrate.alembic_config())
        for revision in manifest.schema_revisions:
            try:
                script.get_revision(revision)
            except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
                raise UnsupportedVersion(QT_TRANSLATE_NOOP(
                    "errors", "{name} was made by a newer SoloCRM ({app_version}, schema {revision}). Install the "
                              "latest SoloCRM to restore it. Nothing was changed."),
                    name=backup.name, app_version=manifest.app_version, revision=revision) from None
        described = snapshot.describe(new)
        if (described.integrity != "ok" or described.sha256 != manifest.image_sha256
                or described.row_counts != manifest.row_counts):
            raise ContentCheckFailed(QT_TRANSLATE_NOOP(
                "errors", "{name} decrypted, but the database inside fails its check ({detail}). Nothing was "
                          "changed; use another backup."), name=backup.name, detail=described.integrity[:200])
        if progress is not None:
            progress(800, 1000)
        migrated_from = []
        if set(manifest.schema_revisions) != set(script.get_heads()):
            migrated_from = manifest.schema_revisions
            engine = make_engine(new)
            try:
                migrate.upgrade_to_head(engine, new)
            except DatabaseOpenError as exc:
                raise ContentCheckFailed(QT_TRANSLATE_NOOP(
                    "errors", "{name} could not be brought up to date: {message}"),
                    name=backup.name, message=exc.message) from None
            finally:
                engine.dispose()
        for extra in new.parent.glob(new.name + ".before-*.bak"):
            extra.unlink()
        return opened, migrated_from
    except OSError as exc:
        discard_prepared(new)
        raise io_error(exc, Explained(QT_TRANSLATE_NOOP("errors", "The restored database"))) from exc
    except BaseException:
        discard_prepared(new)
        raise


def _safety_backup(db_path: Path, backup: Path, have: list[str], opened: Opened,
                   notice: Notice | None) -> tuple[Path | None, bool]:
    """Back up the current database, pinned.  Returns (its path, keep the old files aside instead)."""
    if not db_path.exists():
        return None, False
    try:
        db = Database.open(db_path, lock=False)
    except DatabaseOpenError:
        return None, True  # the database we replace cannot even be opened: keep its files
    try:
        config = store.load_config(db)
        if config is None:
            # never set up here (a fresh install): encrypt to the key of the backup being restored
            identity = next(i for i in have if keys.recipient_of(i) == opened.recipient)
            config = store.BackupConfig(str(SAFETY_FOLDER), opened.recipient,
                                        {opened.recipient: keys.mac_key(identity).hex()})
        folder = config.folder if config.folder.is_dir() else db_path.parent / SAFETY_FOLDER
        folder.mkdir(exist_ok=True)
        result = jobs.create(db, trigger="restore", force=True, pin=f"before restoring {backup.name}",
                             destination=folder, config=config, notice=notice)
        return result.path, False
    except BackupError:
        return None, True
    finally:
        db.close()


def _carry_over(db_path: Path, new: Path) -> None:
    """Copy backup settings, history and catalog from the database being replaced into the new one."""
    if not db_path.exists():
        return
    conn = sqlite3.connect(new, isolation_level=None)
    try:
        conn.execute("ATTACH DATABASE ? AS old", (str(db_path),))
        old_tables = {r[0] for r in conn.execute("SELECT name FROM old.sqlite_master WHERE type='table'")}
        if "backup_config" not in old_tables or not conn.execute("SELECT count(*) FROM old.backup_config").fetchone()[0]:
            return
        conn.execute("BEGIN")
        for table in CARRIED_TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA main.table_info({table})")]
            names = ", ".join(f'"{c}"' for c in columns)
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM old.{table}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE old")
    except sqlite3.DatabaseError:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    finally:
        conn.close()
    if Path(str(new) + "-wal").exists():
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "The restored database could not be closed cleanly. Nothing was changed; try again."))
