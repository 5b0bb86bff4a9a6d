"""The backup jobs the GUI, the CLI and the OS timer run: set up, create, verify, prune, list.

Each job is a plain function over an open Database; progress is a plain
``(done, total)`` callback (it may raise to cancel).  Every run or skip is
recorded in the history with its reason, failures included.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from filelock import Timeout

from solocrm import __version__
from solocrm.backup import keys, rotation, snapshot, store
from solocrm.backup.container import (
    SUFFIX,
    Manifest,
    Opened,
    file_sha256,
    open_backup,
    peek_recipient,
    write_backup,
)
from solocrm.backup.errors import BackupError, KeyNeeded, SnapshotFailed, WriteFailed, WrongKey
from solocrm.backup.files import FileLayer, remove_leftover_parts, write_safely
from solocrm.db.database import Database, Notice, wait_for_writers
from solocrm.db.models import utcnow
from solocrm.errors import DatabaseBusy, Explained
from solocrm.translatable import QT_TRANSLATE_NOOP

Progress = Callable[[int, int], None]
SCALE = 1000  # progress is reported in thousandths of the whole job


def _iso(t: datetime) -> str:
    return t.replace(microsecond=0).isoformat() + "Z"


def parse_iso(text: str) -> datetime:
    """Naive UTC from a manifest's created_at."""
    return datetime.fromisoformat(text.rstrip("Z")).replace(tzinfo=None)


# ---------------------------------------------------------------- setup

@dataclass(frozen=True)
class SetupResult:
    config: store.BackupConfig
    identity: str
    recovery_code: str
    in_keyring: bool


def set_up(db: Database, destination: Path, passphrase: str, *, schedule: store.Schedule | None = None,
           layer: FileLayer | None = None, clock: Callable[[], datetime] = utcnow,
           notice: Notice | None = None, accept_weak: bool = False) -> SetupResult:
    """Make a key, save it (keyring, key file beside the backups), and keep the settings with the database.

    Running it again makes a new key (after a leak); old keys stay in the key
    file and the settings so old backups still open.  A weak passphrase is
    refused unless the user confirmed it (``accept_weak``).  Another program's
    write is waited for first, so a busy database leaves no key file without
    settings.
    """
    keys.check_new_passphrase(passphrase, accept_weak=accept_weak)
    wait_for_writers(db.path, notice)
    destination = destination.expanduser().resolve()
    try:
        destination.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "Cannot use {destination} for backups: {strerror}."),
            destination=destination, strerror=exc.strerror) from None
    identity = keys.generate_identity()
    recipient = keys.recipient_of(identity)
    keys.add_identity(destination, identity, passphrase, layer)
    in_keyring = keys.store_in_keyring(identity)
    old = store.load_config(db)
    mac_keys = dict(old.mac_keys) if old else {}
    mac_keys[recipient] = keys.mac_key(identity).hex()
    config = store.BackupConfig(
        destination=str(destination), recipient=recipient, mac_keys=mac_keys,
        schedule=schedule or (old.schedule if old else store.Schedule()),
        policy=old.policy if old else store.Policy(),
    )
    store.save_config(db, config)
    now = clock()
    store.record_run(db, store.RunRecord(now, now, "setup", "setup", Explained(
        QT_TRANSLATE_NOOP("errors", "backups set up") if old is None
        else QT_TRANSLATE_NOOP("errors", "new key made; older backups keep opening with the old one"))))
    return SetupResult(config, identity, keys.format_recovery_code(identity), in_keyring)


# ---------------------------------------------------------------- identities

def identities(config: store.BackupConfig | None, *, folder: Path | None = None, passphrase: str | None = None,
               recovery_code: str | None = None) -> list[str]:
    """Every private key at hand: the keyring's, the key file's (with the passphrase), the recovery code."""
    found: list[str] = []
    if config is not None:
        for recipient in [config.recipient, *config.mac_keys]:
            identity = keys.load_from_keyring(recipient)
            if identity and identity not in found:
                found.append(identity)
    if recovery_code:
        found.append(keys.parse_recovery_code(recovery_code))
    if passphrase is not None:
        folder = folder or (config.folder if config else None)
        if folder is None:
            raise KeyNeeded(QT_TRANSLATE_NOOP(
                "errors", "Pick the folder that holds your backups and the key file."))
        for identity in keys.unlock_keys_file(keys.keys_file(folder), passphrase):
            if identity not in found:
                found.append(identity)
                keys.store_in_keyring(identity)
    return found


def unlock_for(files: list[Path], folder: Path, passphrase: str) -> list[str]:
    """The identities in ``folder``'s key file, refused when the file opens but holds the key of none of ``files``.

    That key file belongs to another backup setup (two setups with one
    passphrase, a key file copied from the wrong folder): saying so beats
    "made with another key", which reads like a wrong passphrase.
    """
    found = identities(None, folder=folder, passphrase=passphrase)
    held = {keys.recipient_of(i) for i in found}
    wanted = set()
    for path in files:
        try:
            wanted.add(peek_recipient(path))
        except (BackupError, OSError):
            continue  # the file itself is the problem; verify reports it
    if wanted and not wanted & held:
        raise WrongKey(QT_TRANSLATE_NOOP(
            "errors", "The key file {key_file} opened with your passphrase, but it belongs to another backup setup: "
                      "it does not hold the key these backups were made with. Use the key file from the folder "
                      "where they were made, or their recovery code."), key_file=keys.keys_file(folder))
    return found


def needed_key(path: Path, have: list[str]) -> bool:
    """True when none of ``have`` opens ``path`` (so the user must be asked for a passphrase)."""
    return peek_recipient(path) not in {keys.recipient_of(i) for i in have}


# ---------------------------------------------------------------- create

@dataclass(frozen=True)
class CreateResult:
    outcome: str  # succeeded | unverified | skipped
    path: Path | None
    reason: Explained
    manifest: Manifest | None = None
    pruned: tuple[str, ...] = ()


def _file_name(db_path: Path, folder: Path, when: datetime) -> Path:
    local = when.replace(tzinfo=UTC).astimezone()
    stem = f"{db_path.stem}-{local:%Y%m%d-%H%M%S}"
    candidate = folder / f"{stem}{SUFFIX}"
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = folder / f"{stem}-{n}{SUFFIX}"
        n += 1
    return candidate


def create(db: Database, *, trigger: str = "manual", destination: Path | None = None,
           force: bool = False, pin: str | None = None, layer: FileLayer | None = None,
           progress: Progress | None = None, clock: Callable[[], datetime] = utcnow,
           snapshot_deadline: float = 60.0, config: store.BackupConfig | None = None,
           notice: Notice | None = None) -> CreateResult:
    """Take, encrypt, write and verify one backup; prune old ones once it verified.

    ``force`` backs up even when nothing changed; ``destination`` and
    ``config`` override the stored settings (restore's safety copy).  Raises a BackupError on
    failure (also recorded in the history); the destination then holds exactly
    what it held before.  A backup ends by writing to the database (catalog,
    history), so it first waits for another program's write to finish
    (``notice`` hears that it waits) and raises DatabaseBusy, with nothing
    written, when it does not.
    """
    wait_for_writers(db.path, notice)
    config = config or store.require_config(db)
    started = clock()
    try:
        lock = snapshot.backup_lock(db.path)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            result = CreateResult("skipped", None, Explained(QT_TRANSLATE_NOOP(
                "errors", "another backup of this database is running")))
            _record(db, started, clock(), trigger, result)
            return result
        try:
            result = _create_locked(db, config, trigger, destination, force, pin, layer, progress, clock,
                                    snapshot_deadline)
        finally:
            lock.release()
    except BackupError as exc:
        store.record_run(db, store.RunRecord(started, clock(), trigger, "failed", exc))
        raise
    _record(db, started, clock(), trigger, result)
    return result


def _record(db: Database, started: datetime, finished: datetime, trigger: str, result: CreateResult) -> None:
    size = result.path.stat().st_size if result.path and result.path.exists() else None
    store.record_run(db, store.RunRecord(started, finished, trigger, result.outcome, result.reason,
                                         result.path.name if result.path else None, size))


def _report(progress: Progress | None, start: int, end: int) -> Progress | None:
    if progress is None:
        return None
    return lambda done, total: progress(start + (end - start) * done // max(total, 1), SCALE)


def _create_locked(db: Database, config: store.BackupConfig, trigger: str, destination: Path | None, force: bool,
                   pin: str | None, layer: FileLayer | None, progress: Progress | None,
                   clock: Callable[[], datetime], deadline: float) -> CreateResult:
    folder = (destination or config.folder).expanduser()
    if not folder.is_dir():
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "The backup folder {folder} is not available. Connect the drive or choose another folder "
                      "on the Backup page."), folder=folder)
    remove_leftover_parts(folder, "*" + SUFFIX + ".part")
    image = snapshot.snapshot_path(db.path)
    check: snapshot.IntegrityCheck | None = None
    try:
        # The integrity check, the slowest step on a large file, runs while the backup is encrypted,
        # written and read back; the file is kept only once the check has said "ok".
        snap = snapshot.take(db.path, image, deadline=deadline, progress=_report(progress, 0, 200), wait=False)
        check = snap.check
        files = store.catalog(db)
        newest = max((f for f in files.values() if f.verified_at and not f.problem),
                     key=lambda f: f.created_at, default=None)

        def require_integrity() -> None:
            assert check is not None
            integrity = check.result()
            if integrity != "ok":
                if newest is not None:
                    store.set_pin(db, newest.name, "last good backup before the database failed its check")
                raise SnapshotFailed(QT_TRANSLATE_NOOP(
                    "errors", "Your database failed its integrity check, so it was not backed up over your good "
                              "backups ({detail}). The last good backup is pinned; restore it from the Backup page."),
                    detail=integrity[:200])

        if not snap.row_counts:  # unreadable: the check tells what is wrong
            require_integrity()
        latest = max(files.values(), key=lambda f: f.created_at, default=None)
        if not force and latest is not None and latest.data_fingerprint == snap.fingerprint and (folder / latest.name).exists():
            require_integrity()
            return CreateResult("skipped", None, Explained(QT_TRANSLATE_NOOP("errors",
                                                                             "nothing changed since the last backup")))
        total = sum(snap.row_counts.values())
        if newest is not None and newest.total_rows > 0 and total * 2 < newest.total_rows:
            store.set_pin(db, newest.name, f"records dropped from {newest.total_rows} to {total}")
        now = clock()
        # "ok" is what every kept file says: a file whose check fails is never kept (require_integrity).
        manifest = Manifest(app_version=__version__, created_at=_iso(now), schema_revisions=snap.schema_revisions,
                            image_size=snap.size, image_sha256=snap.sha256, integrity="ok",
                            row_counts=snap.row_counts, reason=pin or trigger)
        identity = keys.load_from_keyring(config.recipient)
        final = _file_name(db.path, folder, now)
        written: list[Manifest] = []

        def produce(out) -> None:
            written.append(write_backup(out, image, manifest, config.recipient,
                                        bytes.fromhex(config.mac_keys[config.recipient]),
                                        _report(progress, 200, 700)))

        def verify(part: Path, digest: str) -> Opened | None:
            if identity is None:  # no key here: the file's hash is all that can be compared
                opened, intact = None, file_sha256(part) == digest
            else:
                opened = open_backup(part, [identity], progress=_report(progress, 700, 1000))
                intact = opened.file_sha256 == digest and opened.manifest.image_sha256 == snap.sha256
            if not intact:
                raise WriteFailed(QT_TRANSLATE_NOOP(
                    "errors", "The backup read back differs from what was written; the drive may be failing. "
                              "Nothing was kept."))
            require_integrity()
            return opened

        opened, digest, size = write_safely(final, produce, verify, layer)
    finally:
        if check is not None:
            check.cancel()  # done already, or its answer is no longer needed
        image.unlink(missing_ok=True)
    verified_at = clock() if opened is not None else None
    try:
        store.put_file(db, store.FileRecord(final.name, now, size, digest, snap.sha256, snap.fingerprint,
                                            config.recipient, total, verified_at, pinned=pin))
    except DatabaseBusy:
        # Another program began writing since the job started: a file the catalog does not know would never be
        # pruned nor offered as verified; trying again later makes it whole.  (Any other failure keeps it: a
        # verified backup is worth more than a tidy folder when, say, the database's disk is full.)
        final.unlink(missing_ok=True)
        raise
    if opened is None:
        return CreateResult("unverified", final, Explained(QT_TRANSLATE_NOOP(
            "errors", "written; not yet verified: the key is not on this computer (enter the passphrase to verify)")),
            written[0])
    pruned: tuple[str, ...] = ()
    if destination is None:
        pruned = tuple(prune(db, clock=clock))
    return CreateResult("succeeded", final, Explained(QT_TRANSLATE_NOOP("errors", "written and verified")),
                        written[0], pruned)


# ---------------------------------------------------------------- verify

def verify_file(path: Path, have: list[str], db: Database | None = None,
                progress: Progress | None = None, clock: Callable[[], datetime] = utcnow) -> Opened:
    """Decrypt and check one backup completely; record the result in the catalog when ``db`` is given."""
    try:
        opened = open_backup(path, have, progress=progress)
    except KeyNeeded:
        raise
    except BackupError as exc:
        if db is not None and exc.kind not in ("wrong key",):
            store.set_problem(db, path.name, f"{exc.kind}: {exc.message}")
        raise
    if db is not None:
        record = store.catalog(db).get(path.name)
        m = opened.manifest
        store.put_file(db, store.FileRecord(
            path.name, parse_iso(m.created_at), opened.file_size, opened.file_sha256, m.image_sha256,
            record.data_fingerprint if record else "", opened.recipient, m.total_rows, clock(),
            pinned=record.pinned if record else None, problem=None))
    return opened


def verify_pending(db: Database, have: list[str], clock: Callable[[], datetime] = utcnow) -> list[str]:
    """Verify the backups written while the key was away; returns the names now verified."""
    config = store.require_config(db)
    done = []
    recipients = {keys.recipient_of(i) for i in have}
    for record in store.catalog(db).values():
        path = config.folder / record.name
        if record.verified_at is None and record.recipient in recipients and path.exists():
            try:
                verify_file(path, have, db, clock=clock)
                done.append(record.name)
            except BackupError:
                continue
    return done


# ---------------------------------------------------------------- list and prune

@dataclass(frozen=True)
class Listed:
    path: Path
    size: int
    record: store.FileRecord | None

    @property
    def state(self) -> str:
        if self.record is None:
            return "not checked here"
        if self.record.problem:
            return "quarantined"
        return "verified" if self.record.verified_at else "not yet verified"


def list_backups(db: Database | None, folder: Path) -> list[Listed]:
    files = store.catalog(db) if db is not None else {}
    found = [Listed(p, p.stat().st_size, files.get(p.name)) for p in folder.glob("*" + SUFFIX) if p.is_file()]
    return sorted(found, key=lambda l: (l.record.created_at if l.record else datetime.min, l.path.name),
                  reverse=True)


def prune(db: Database, *, clock: Callable[[], datetime] = utcnow, dry_run: bool = False,
          notice: Notice | None = None) -> list[str]:
    """Delete what the rotation policy does not keep; only verified, unchanged files are ever deleted.

    Another program's write is waited for first: files deleted while the
    catalog cannot be told would stay listed in it.
    """
    if not dry_run:
        wait_for_writers(db.path, notice)
    config = store.require_config(db)
    rotation.check_policy(config.policy)
    candidates = []
    for listed in list_backups(db, config.folder):
        r = listed.record
        if r is None:
            continue
        problem = r.problem
        if r.verified_at and listed.size != r.size:
            problem = "the file changed since it was verified"
        candidates.append(rotation.Candidate(r.name, r.created_at.replace(tzinfo=UTC),
                                             r.verified_at is not None, r.pinned, problem))
    result = rotation.plan(candidates, config.policy, clock().replace(tzinfo=UTC))
    if dry_run:
        return result.remove
    removed = []
    for name in result.remove:
        try:
            (config.folder / name).unlink()
            removed.append(name)
        except FileNotFoundError:
            removed.append(name)
        except OSError:
            continue
    store.forget_files(db, removed)
    return removed


def free_space(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def change_passphrase(db: Database, old: str, new: str, layer: FileLayer | None = None, *,
                      accept_weak: bool = False) -> None:
    """Rewrite only the key file; backups stay as they are."""
    keys.change_passphrase(store.require_config(db).folder, old, new, layer, accept_weak=accept_weak)


def move_destination(db: Database, destination: Path) -> store.BackupConfig:
    """Back up somewhere else from now on; the key file comes along so the new folder is self-sufficient."""
    config = store.require_config(db)
    destination = destination.expanduser().resolve()
    try:
        destination.mkdir(parents=True, exist_ok=True)
        source = keys.keys_file(config.folder)
        if source.exists() and not keys.keys_file(destination).exists():
            data = source.read_bytes()
            write_safely(keys.keys_file(destination), lambda out: out.write(data),
                         lambda part, _d: None if part.read_bytes() == data else _mismatch(), what=keys.KEY_FILE)
    except OSError as exc:
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "Cannot use {destination} for backups: {strerror}."),
            destination=destination, strerror=exc.strerror) from None
    new = replace(config, destination=str(destination))
    store.save_config(db, new)
    return new


def _mismatch() -> None:
    raise WriteFailed(QT_TRANSLATE_NOOP(
        "errors", "The key file read back differs from what was written; the drive may be failing."))
