"""Crashes and failing disks (backup.md tests 10, 11, 13): real processes killed, real write errors."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from solocrm.backup import jobs, restore, snapshot, store, swap
from solocrm.backup.container import SUFFIX
from solocrm.backup.errors import DiskFull, WriteFailed
from solocrm.backup.files import FileLayer
from solocrm.db.database import Database
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    ROOT,
    add_customers,
    backup_dir,
    configured,
    count,
    integrity,
    key_template,
    memory_keyring,
)


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# ---------------------------------------------------------------- 11. disk full, I/O errors

class FailingLayer(FileLayer):
    def __init__(self, at: str, error: int, after_bytes: int = 0) -> None:
        self.at = at
        self.error = error
        self.after_bytes = after_bytes
        self.written = 0

    def _fail(self) -> None:
        raise OSError(self.error, os.strerror(self.error))

    def write(self, fd: int, data) -> None:
        if self.at == "write" and self.written + len(data) > self.after_bytes:
            self._fail()
        self.written += len(data)
        super().write(fd, data)

    def fsync(self, fd: int) -> None:
        if self.at == "fsync":
            self._fail()
        super().fsync(fd)

    def rename(self, src: Path, dst: Path) -> None:
        if self.at == "rename":
            self._fail()
        super().rename(src, dst)


@pytest.mark.parametrize("at, error, kind", [
    ("write", errno.ENOSPC, DiskFull), ("write", errno.EIO, WriteFailed),
    ("fsync", errno.EIO, WriteFailed), ("rename", errno.EIO, WriteFailed), ("fsync", errno.ENOSPC, DiskFull),
])
def test_write_errors_fail_the_job_and_leave_older_backups_alone(
        configured, db: Database, backup_dir: Path, at: str, error: int, kind: type) -> None:  # noqa: F811
    jobs.create(db)
    add_customers(db.path, 2)
    jobs.create(db)
    before = _hashes(backup_dir)
    add_customers(db.path, 2000)
    with pytest.raises(kind) as info:
        jobs.create(db, layer=FailingLayer(at, error, after_bytes=100_000))
    assert "Older backups were not touched" in info.value.message
    assert _hashes(backup_dir) == before
    assert not list(backup_dir.glob("*.part"))
    last = store.history(db)[0]
    assert last.outcome == "failed" and last.reason.message == info.value.message  # kept, to show in any language
    assert not snapshot.snapshot_path(db.path).exists()


def _recover_directly(path: Path) -> None:
    assert swap.recover(path) == "finished"


def _open_as_the_app_does(path: Path) -> None:
    Database.open(path).close()


@pytest.mark.parametrize("next_start", [_recover_directly, _open_as_the_app_does])
def test_disk_error_in_the_middle_of_the_swap_is_completed_on_the_next_start(
        configured, db: Database, next_start) -> None:  # noqa: F811, ANN001
    made = jobs.create(db)
    add_customers(db.path, 4)
    db.close()

    class RenameFailsOnce(FileLayer):
        renames = 0

        def rename(self, src: Path, dst: Path) -> None:
            RenameFailsOnce.renames += 1
            if RenameFailsOnce.renames == 3:  # journal in place, some of the old files moved aside
                raise OSError(errno.EIO, "Input/output error")
            super().rename(src, dst)

    with pytest.raises(WriteFailed, match="completed the next time"):
        restore.restore(made.path, db.path, [configured.identity], layer=RenameFailsOnce())
    assert swap.journal_path(db.path).exists()
    next_start(db.path)
    assert count(db.path) == 5 and integrity(db.path) == "ok"
    assert not swap.journal_path(db.path).exists()


def test_missing_destination_fails_with_a_clear_reason(configured, db: Database, backup_dir: Path) -> None:  # noqa: F811
    backup_dir.rename(backup_dir.with_name("unplugged"))
    with pytest.raises(WriteFailed, match="not available"):
        jobs.create(db)


# ---------------------------------------------------------------- 10. kill the backup process

CHILD_ENV = {"PYTHON_KEYRING_BACKEND": "tests.backup_support.FileKeyring"}


def test_killing_backups_at_random_points_leaves_only_parts_and_good_files(tmp_path: Path) -> None:
    env = {**os.environ, **CHILD_ENV, "SOLOCRM_TEST_KEYRING": str(tmp_path / "keyring.json"),
           "SOLOCRM_BACKUP_PASSPHRASE": PASSPHRASE, "PYTHONPATH": os.pathsep.join(
               [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    db_path = tmp_path / "live.sqlite3"
    folder = tmp_path / "backups"
    cli = [sys.executable, "-m", "solocrm", "backup"]
    subprocess.run([sys.executable, "-m", "solocrm", "demo", "--db", str(db_path), "--customers", "400"],
                   env=env, check=True, capture_output=True, cwd=ROOT)
    subprocess.run([*cli, "init", "--db", str(db_path), "--to", str(folder)], env=env, check=True,
                   capture_output=True, cwd=ROOT)
    identity = json.loads((tmp_path / "keyring.json").read_text()).popitem()[1]
    # time one run to aim the kills inside it
    started = time.monotonic()
    subprocess.run([*cli, "create", "--db", str(db_path), "--force"], env=env, check=True, capture_output=True,
                   cwd=ROOT)
    duration = time.monotonic() - started
    rng = random.Random(10)
    killed = 0
    for _ in range(12):
        child = subprocess.Popen([*cli, "create", "--db", str(db_path), "--force"], env=env, cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * duration)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
            killed += 1
        child.wait()
    assert killed >= 6
    names = [p.name for p in folder.iterdir()]
    assert all(n.endswith((SUFFIX, SUFFIX + ".part")) or n == "solocrm-keys.age" for n in names), names
    for final in folder.glob("*" + SUFFIX):
        jobs.verify_file(final, [identity])
    assert integrity(db_path) == "ok"
    # the next run cleans up what the killed ones left
    subprocess.run([*cli, "create", "--db", str(db_path), "--force"], env=env, check=True, capture_output=True,
                   cwd=ROOT)
    assert not list(folder.glob("*.part"))
    assert not snapshot.snapshot_path(db_path).exists()


# ---------------------------------------------------------------- 13. kill during each step of the restore swap

CHILD = """
import os, signal, sys
from pathlib import Path
from solocrm.backup import restore
from solocrm.backup.files import FileLayer

kill_at = int(sys.argv[1])
calls = [0]

class Dying(FileLayer):
    def _step(self):
        calls[0] += 1
        if calls[0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

for name in ("create", "write", "fsync", "rename", "fsync_dir"):
    def wrap(self, *a, _name=name):
        self._step()
        return getattr(FileLayer, _name)(self, *a)
    setattr(Dying, name, wrap)

restore.restore(Path(sys.argv[2]), Path(sys.argv[3]), [sys.argv[4]], layer=Dying())
print("steps", calls[0])
"""


def test_a_kill_at_any_step_of_the_swap_leaves_the_old_or_the_new_database(
        configured, db: Database, tmp_path: Path) -> None:  # noqa: F811
    old_backup = jobs.create(db)  # 5 customers: "new" after restore
    add_customers(db.path, 6)
    db.close()
    old_count, new_count = 11, 5
    pristine = tmp_path / "pristine"
    pristine.mkdir()
    for suffix in ("", "-wal", "-shm"):
        if Path(str(db.path) + suffix).exists():
            (pristine / (db.path.name + suffix)).write_bytes(Path(str(db.path) + suffix).read_bytes())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}

    def run(kill_at: int) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", CHILD, str(kill_at), str(old_backup.path), str(db.path),
                               configured.identity], env=env, capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)

    def reset() -> None:
        for p in db.path.parent.glob(db.path.name + "*"):
            if p.is_dir():
                import shutil

                shutil.rmtree(p)
            else:
                p.unlink()
        for p in pristine.iterdir():
            (db.path.parent / p.name).write_bytes(p.read_bytes())

    reset()
    clean = run(0)
    assert clean.returncode == 0, clean.stderr
    steps = int(clean.stdout.split()[-1])
    assert steps >= 8
    seen = set()
    for kill_at in range(1, steps + 1):
        reset()
        died = run(kill_at)
        assert died.returncode == -signal.SIGKILL, (kill_at, died.stderr)
        swap.recover(db.path)  # what the next start does
        assert integrity(db.path) == "ok", kill_at
        customers = count(db.path)
        assert customers in (old_count, new_count), kill_at
        seen.add(customers)
        leftovers = [p.name for p in db.path.parent.glob(db.path.name + ".*") if not p.name.endswith(".lock")]
        assert leftovers == [], (kill_at, leftovers)
        Database.open(db.path).close()
    assert seen == {old_count, new_count}
