"""The journaled swap that puts a restored database in place, and its recovery after a crash.

Kept apart from restore.py and free of database imports, so ``Database.open``
can call ``recover`` first thing without an import cycle.

While ``<db>.restoring`` exists every live file (database, ``-wal``, ``-shm``)
is the old one and is moved aside; once it is renamed to ``<db>``, the
database is the new one.  The journal says a swap is under way; ``recover``
rolls it forward, so a kill at any step leaves the old or the new database,
complete, and never a stale WAL beside the new file.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from solocrm.backup.errors import WriteFailed
from solocrm.backup.files import FileLayer, io_error
from solocrm.errors import Explained
from solocrm.locations import private_dir
from solocrm.translatable import QT_TRANSLATE_NOOP

SIDE_FILES = ("-wal", "-shm", "")  # moved aside together; the database last


def restoring_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restoring")


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".restore-journal")


def aside_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".before-restore")


def discard_prepared(new: Path) -> None:
    """Delete a prepared restore (plaintext copies of every customer), with the journal a kill may leave."""
    for suffix in (*SIDE_FILES, "-journal"):
        Path(str(new) + suffix).unlink(missing_ok=True)
    for extra in new.parent.glob(new.name + ".before-*.bak"):
        extra.unlink(missing_ok=True)


def _write_journal(db_path: Path, layer: FileLayer, keep_aside: bool) -> None:
    journal = journal_path(db_path)
    staging = journal.with_name(journal.name + ".tmp")
    data = json.dumps({"keep_aside": keep_aside}).encode()
    staging.unlink(missing_ok=True)
    fd = layer.create(staging)
    try:
        layer.write(fd, data)
        layer.fsync(fd)
    finally:
        layer.close(fd)
    layer.rename(staging, journal)
    layer.fsync_dir(db_path.parent)


def swap(db_path: Path, new: Path, layer: FileLayer, keep_aside: bool) -> None:
    aside = aside_dir(db_path)
    if aside.exists():  # kept by an earlier restore that could not make a safety backup: keep it still
        aside.rename(aside.with_name(f"{aside.name}-{int(time.time())}"))
    try:
        _write_journal(db_path, layer, keep_aside)
    except OSError as exc:
        journal_path(db_path).unlink(missing_ok=True)
        discard_prepared(new)
        raise io_error(exc, Explained(QT_TRANSLATE_NOOP("errors", "The restore journal"))) from exc
    try:
        _finish(db_path, layer)
    except OSError as exc:
        # the journal stays: the next start (recover) completes the swap
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "The restore was interrupted by a disk error ({detail}). It will be completed the next "
                      "time SoloCRM opens this database; nothing is lost."), detail=exc.strerror or exc) from exc


def _finish(db_path: Path, layer: FileLayer) -> None:
    """Roll the journaled swap forward from wherever it stopped."""
    journal = journal_path(db_path)
    try:
        keep_aside = bool(json.loads(journal.read_bytes() or b"{}").get("keep_aside"))
    except ValueError:
        keep_aside = True
    new = restoring_path(db_path)
    aside = aside_dir(db_path)
    if new.exists():
        private_dir(aside)
        for suffix in SIDE_FILES:
            live = Path(str(db_path) + suffix)
            if live.exists():
                layer.rename(live, aside / live.name)
        layer.fsync_dir(aside)
        layer.fsync_dir(db_path.parent)
        layer.rename(new, db_path)
        layer.fsync_dir(db_path.parent)
    if not db_path.exists() and aside.exists():
        # neither the new file nor the old one in place (cannot happen by the steps above): put the old back
        for moved in aside.iterdir():
            layer.rename(moved, db_path.parent / moved.name)
        layer.fsync_dir(db_path.parent)
    elif aside.exists() and not keep_aside:
        shutil.rmtree(aside)
    journal.unlink(missing_ok=True)
    layer.fsync_dir(db_path.parent)


def recover(db_path: Path, layer: FileLayer | None = None) -> str | None:
    """Finish or clean up a restore a crash interrupted; call before opening ``db_path``.

    Returns what was done ("finished", "discarded") or None when nothing was pending.
    """
    layer = layer or FileLayer()
    db_path = Path(db_path)
    journal = journal_path(db_path)
    staging = journal.with_name(journal.name + ".tmp")
    if journal.exists():
        _finish(db_path, layer)
        staging.unlink(missing_ok=True)
        return "finished"
    staging.unlink(missing_ok=True)
    if restoring_path(db_path).exists() or list(db_path.parent.glob(restoring_path(db_path).name + "*")):
        discard_prepared(restoring_path(db_path))
        return "discarded"
    return None
