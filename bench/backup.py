"""Encrypted backup and restore of a ~500 MiB database against `sqlite3 .backup` + `openssl enc`.

    python bench/backup.py [--db PATH] [--size-mib N]
    python bench/run.py --only backup

The database under test is the bench's demo database padded with a table of
incompressible blobs (attachments, in effect) to ``--size-mib``.  In the same
run, the baseline copies it with the sqlite3 shell's ``.backup`` and encrypts
the copy with ``openssl enc -aes-256-ctr``: it checks nothing.  Our job (in a
child process, so its peak memory is its own) takes the snapshot, runs the
integrity check, encrypts, writes safely and decrypts the whole file again to
verify it.  Targets: at most 4x the baseline's wall time, peak memory under
150 MiB; restore likewise (against ``openssl enc -d`` + ``sqlite3 .restore``).
The time split, the chosen scrypt work factor of the key file and the time of
a verify are reported too.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and a source checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Context, Result, log, peak_rss_mb, run_in_child

TARGET_RATIO = 4.0
TARGET_RSS_MB = 150.0
KEY = "00" * 32
IV = "00" * 16

def backup_job(db_path: str, folder: str, target: str, identity: str) -> dict:
    """Back up, split the time, verify and restore as the app does; run by run_in_child, so its memory is its own.

    The backup's own peak is taken right after it; run_in_child's peak of the
    whole process is the restore's (it comes last).
    """
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    keyring.set_keyring(Memory())
    from solocrm.backup import container, jobs, keys, restore, snapshot, store
    from solocrm.db.database import Database

    source, backups = Path(db_path), Path(folder)
    out: dict = {}
    db = Database.open(source, lock=False)
    if store.load_config(db) is None:
        # a fixed key, put in place without the passphrase step (its KDF time is measured apart)
        keys.store_in_keyring(identity)
        recipient = keys.recipient_of(identity)
        store.save_config(db, store.BackupConfig(str(backups), recipient, {recipient: keys.mac_key(identity).hex()}))
    t = time.perf_counter()
    made = jobs.create(db, force=True)
    out["backup_s"] = time.perf_counter() - t
    out["backup_outcome"] = made.outcome
    out["backup_file"] = str(made.path)
    db.close()
    out["backup_peak_mb"] = peak_rss_mb()

    # the split, measured piece by piece on the same file
    image = Path(str(source) + ".bench-snapshot")
    t = time.perf_counter()
    src = sqlite3.connect(source)
    snapshot.copy_connection(src, image, deadline=60)
    src.close()
    out["split_snapshot_s"] = time.perf_counter() - t
    t = time.perf_counter()
    snap = snapshot.describe(image)
    out["split_check_s"] = time.perf_counter() - t
    manifest = container.Manifest(app_version="bench", created_at="2026-06-15T09:00:00Z",
                                  schema_revisions=snap.schema_revisions, image_size=snap.size,
                                  image_sha256=snap.sha256, integrity=snap.integrity, row_counts=snap.row_counts)
    enc = backups / "split.crmbak"
    t = time.perf_counter()
    with enc.open("wb") as fh:
        container.write_backup(fh, image, manifest, keys.recipient_of(identity), keys.mac_key(identity))
        fh.flush()
        os.fsync(fh.fileno())
    out["split_encrypt_write_s"] = time.perf_counter() - t
    t = time.perf_counter()
    jobs.verify_file(made.path, [identity])
    out["verify_s"] = time.perf_counter() - t
    image.unlink()
    enc.unlink()

    t = time.perf_counter()
    restore.restore(made.path, Path(target), [identity])
    out["restore_s"] = time.perf_counter() - t
    return out


def pad_database(source: Path, dest: Path, size_mib: int) -> None:
    """A copy of ``source`` grown to ``size_mib`` with incompressible blobs (like attached photos)."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(dest)
    src.backup(dst)
    src.close()
    dst.execute("CREATE TABLE IF NOT EXISTS bench_attachment (id INTEGER PRIMARY KEY, data BLOB)")
    page = dst.execute("PRAGMA page_size").fetchone()[0]
    while dst.execute("PRAGMA page_count").fetchone()[0] * page < size_mib * 1024 * 1024:
        dst.executemany("INSERT INTO bench_attachment (data) VALUES (randomblob(60000))", [()] * 200)
        dst.commit()
    dst.execute("PRAGMA journal_mode=WAL")
    dst.close()


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - start


def baseline(db: Path, work: Path) -> tuple[float, float]:
    """(backup, restore) seconds of sqlite3 .backup + openssl enc, and openssl enc -d + sqlite3 .restore."""
    copy, enc, dec, target = work / "base.sqlite3", work / "base.enc", work / "base.dec", work / "base-restored.sqlite3"
    backup = _timed(["sqlite3", str(db), f".backup '{copy}'"])
    backup += _timed(["openssl", "enc", "-aes-256-ctr", "-K", KEY, "-iv", IV, "-in", str(copy), "-out", str(enc)])
    restore = _timed(["openssl", "enc", "-d", "-aes-256-ctr", "-K", KEY, "-iv", IV, "-in", str(enc), "-out", str(dec)])
    restore += _timed(["sqlite3", str(target), f".restore '{dec}'"])
    for path in (copy, enc, dec, target):
        path.unlink(missing_ok=True)
    return backup, restore


def kdf_seconds() -> tuple[float, int]:
    """Time of one passphrase key derivation as rage tunes it on this machine, and its log2(N)."""
    import re

    import pyrage

    start = time.perf_counter()
    data = pyrage.passphrase.encrypt(b"x", "bench passphrase")
    elapsed = time.perf_counter() - start
    return elapsed, int(re.search(rb"-> scrypt \S+ (\d+)", data).group(1))


def measure(source: Path, size_mib: int) -> list[Result]:
    for tool in ("sqlite3", "openssl"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench backup needs the {tool} command (apt-get install -y {tool})")
    from solocrm.backup import keys

    with tempfile.TemporaryDirectory(prefix="solocrm-bench-backup-") as tmp:
        work = Path(tmp)
        db = work / "big.sqlite3"
        log(f"padding a copy of {source.name} to {size_mib} MiB")
        pad_database(source, db, size_mib)
        folder = work / "backups"
        folder.mkdir()
        # warm the page cache for both sides alike, then alternate baseline and ours
        _timed(["sqlite3", str(db), "PRAGMA quick_check"])
        base_backup, base_restore = baseline(db, work)
        log("running the backup job in a child process")
        ours, peak_mb = run_in_child("bench.backup", "backup_job", str(db), str(folder),
                                     str(work / "restored.sqlite3"), keys.generate_identity())
        base_backup2, base_restore2 = baseline(db, work)
        base_backup, base_restore = min(base_backup, base_backup2), min(base_restore, base_restore2)
        size = db.stat().st_size / (1024 * 1024)
    kdf, log_n = kdf_seconds()
    return [
        Result("backup_db_size", size, "MiB"),
        Result("backup_total", ours["backup_s"], "s", target=TARGET_RATIO * base_backup, baseline=base_backup),
        Result("backup_peak_rss", ours["backup_peak_mb"], "MB", target=TARGET_RSS_MB),
        Result("backup_split_snapshot", ours["split_snapshot_s"], "s"),
        Result("backup_split_integrity_hash_counts", ours["split_check_s"], "s"),
        Result("backup_split_encrypt_write", ours["split_encrypt_write_s"], "s"),
        Result("backup_verify", ours["verify_s"], "s"),
        Result("restore_total", ours["restore_s"], "s", target=TARGET_RATIO * base_restore, baseline=base_restore),
        Result("backup_restore_peak_rss", peak_mb, "MB", target=TARGET_RSS_MB),
        Result("backup_kdf_time", kdf, "s"),
        Result("backup_kdf_scrypt_log2_n", log_n, "log2(N)"),
    ]


def run(ctx: Context) -> list[Result]:
    return measure(ctx.db_path, 500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database to pad (default: a new 2,000-customer demo)")
    parser.add_argument("--size-mib", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="solocrm-bench-src-") as tmp:
        source = args.db
        if source is None:
            source = Path(tmp) / "demo.sqlite3"
            subprocess.run([sys.executable, "-m", "solocrm", "demo", "--db", str(source), "--customers", "2000"],
                           check=True, capture_output=True)
        results = measure(source, args.size_mib)
    print(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
