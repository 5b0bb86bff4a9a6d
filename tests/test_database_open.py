"""Database.open refuses what it must not touch, leaves it byte for byte, and says what to do."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from solocrm.db import migrate
from solocrm.db.database import SQLITE_MAGIC, Database
from solocrm.errors import DatabaseOpenError

NOBODY = 65534


def _fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_mtime_ns, stat.st_size


def _sidecars(path: Path) -> list[str]:
    """Files SQLite or a migration would leave beside ``path`` (the lock file is ours and harmless)."""
    return sorted(p.name for p in path.parent.iterdir() if p != path and not p.name.endswith(".lock"))


def _assert_refused(path: Path, *phrases: str) -> DatabaseOpenError:
    before = _fingerprint(path)
    sidecars = _sidecars(path)
    with pytest.raises(DatabaseOpenError) as caught:
        Database.open(path)
    assert _fingerprint(path) == before, "a refused file must be left exactly as it was"
    assert _sidecars(path) == sidecars
    message = caught.value.message
    assert str(path.resolve()) in message
    assert "not changed" in message or "try again" in message
    for phrase in phrases:
        assert phrase in message, message
    return caught.value


def _soloCRM_file(path: Path) -> Path:
    Database.open(path).close()
    return path


def test_new_path_is_created_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "new folder" / "客户.sqlite3"
    db = Database.open(path)
    try:
        assert path.is_file()
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()


@pytest.mark.parametrize(
    "content",
    [
        random.Random(7).randbytes(8192),
        "客户名单\n张三, 138 1234 5678\n".encode(),
        b"SQLite",  # shorter than the header
    ],
    ids=["random bytes", "text file", "truncated header"],
)
def test_refuses_file_that_is_not_sqlite(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    _assert_refused(db_path, "not an SQLite file", "Open the right file")


def test_refuses_damaged_sqlite_file(db_path: Path) -> None:
    db_path.write_bytes(SQLITE_MAGIC + random.Random(3).randbytes(8192))
    _assert_refused(db_path, "damaged", "restore a backup")


def test_refuses_sqlite_database_of_another_program(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)  # rollback journal: opening it in WAL would rewrite its header
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()
    _assert_refused(db_path, "another program", "Open a SoloCRM file")


def test_refuses_database_from_newer_soloCRM(db_path: Path) -> None:
    _soloCRM_file(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'f00dfacefeed'")
    conn.commit()
    conn.close()
    _assert_refused(db_path, "newer version", "Install the latest SoloCRM")


def test_refuses_database_open_in_another_copy(db_path: Path) -> None:
    first = Database.open(db_path)
    try:
        _assert_refused(db_path, "already open", "close it and try again")
    finally:
        first.close()
    Database.open(db_path).close()


def _refusal_as(uid: int | None, attempt: Callable[[], None]) -> str | None:
    """Run ``attempt`` (as ``uid`` in a forked child when given) and return the refusal message.

    Root may write to read-only files, so a test running as root can only see
    the refusal an ordinary user gets by becoming an ordinary user.
    """
    if uid is None:
        try:
            attempt()
        except DatabaseOpenError as exc:
            return exc.message
        return None
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child process
        status = 3
        try:
            os.setgid(uid)
            os.setuid(uid)
            status = 2
            try:
                attempt()
                status = 1
            except DatabaseOpenError as exc:
                os.write(write_end, exc.message.encode())
                status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        message = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == 3:
        pytest.skip("tests run as root, which may write to read-only files, and cannot switch to a plain user")
    assert code in (0, 1), f"child failed unexpectedly (exit {code})"
    return message if code == 0 else None


@pytest.mark.parametrize("what", ["file", "folder"])
def test_refuses_read_only_file_or_folder(what: str) -> None:
    as_root = os.geteuid() == 0
    # As root the check runs as "nobody", who must be able to reach the file: pytest's tmp_path is 0700.
    folder = Path(tempfile.mkdtemp(prefix="solocrm-ro-"))
    path = folder / "crm.sqlite3"
    try:
        _soloCRM_file(path)
        for leftover in folder.glob("*.lock"):
            leftover.unlink()
        folder.chmod(0o777 if what == "file" else 0o555)
        path.chmod(0o444 if what == "file" else 0o666)
        before = _fingerprint(path)

        message = _refusal_as(NOBODY if as_root else None, lambda: Database.open(path).close())

        assert message is not None, f"a read-only {what} was opened"
        assert "read-only" in message and "change its permissions" in message
        assert "not changed" in message
        assert _fingerprint(path) == before
    finally:
        folder.chmod(0o755)
        for child in folder.iterdir():
            child.unlink()
        folder.rmdir()


def test_refusal_releases_the_lock(db_path: Path) -> None:
    db_path.write_bytes(SQLITE_MAGIC + b"\0" * 100)
    with pytest.raises(DatabaseOpenError):
        Database.open(db_path)
    db_path.unlink()
    Database.open(db_path).close()  # the lock of the refused attempt did not stay behind


def test_a_closed_database_never_reopens_its_file(db_path: Path) -> None:
    """A timer still holding a closed Database (during a restore, say) must not touch the file."""
    from solocrm.services.customer_rows import count

    db = Database.open(db_path)
    db.close()
    with pytest.raises(DatabaseOpenError, match="closed"):
        count(db)
    reopened = Database.open(db_path)
    try:
        assert count(reopened) == 0
    finally:
        reopened.close()


def test_a_new_database_that_fails_to_open_leaves_no_empty_file_behind(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.sqlite3"

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(migrate, "upgrade_to_head", disk_full)
    with pytest.raises(OSError):
        Database.open(path)
    assert not path.exists()  # an empty file left here would be refused as "empty (0 bytes)" by every later open

    monkeypatch.undo()
    Database.open(path).close()  # once there is room, the same path opens as a new database
