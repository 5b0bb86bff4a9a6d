"""Keys: passphrase file, recovery code, keyring rules (backup.md tests 6, 7, 15)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import keyring
import pytest

from solocrm.backup import jobs, keys, store, strength
from solocrm.backup.errors import Damaged, WrongKey, WrongPassphrase
from solocrm.db.database import Database
from solocrm.errors import ValidationError
from tests.backup_support import (  # noqa: F401
    PASSPHRASE,
    MemoryKeyring,
    add_customers,
    backup_dir,
    memory_keyring,
)


def test_wrong_passphrase_is_told_apart_from_damage(tmp_path: Path) -> None:
    identity = keys.generate_identity()
    keys.add_identity(tmp_path, identity, PASSPHRASE)
    assert keys.unlock_keys_file(keys.keys_file(tmp_path), PASSPHRASE) == [identity]
    with pytest.raises(WrongPassphrase, match="Wrong passphrase"):
        keys.unlock_keys_file(keys.keys_file(tmp_path), PASSPHRASE + "x")

    data = bytearray(keys.keys_file(tmp_path).read_bytes())
    data[-5] ^= 1  # payload damage, right passphrase
    keys.keys_file(tmp_path).write_bytes(bytes(data))
    with pytest.raises(Damaged):
        keys.unlock_keys_file(keys.keys_file(tmp_path), PASSPHRASE)
    keys.keys_file(tmp_path).write_bytes(b"hello")
    with pytest.raises(Damaged):
        keys.unlock_keys_file(keys.keys_file(tmp_path), PASSPHRASE)


@pytest.mark.parametrize("log_n", [22, 40, 64, 0])
def test_absurd_kdf_parameters_are_refused_fast(tmp_path: Path, log_n: int) -> None:
    keys.add_identity(tmp_path, keys.generate_identity(), PASSPHRASE)
    path = keys.keys_file(tmp_path)
    path.write_bytes(re.sub(rb"(-> scrypt \S+) \d+", rb"\1 " + str(log_n).encode(), path.read_bytes(), count=1))
    started = time.monotonic()
    with pytest.raises(Damaged, match="absurd"):
        keys.unlock_keys_file(path, PASSPHRASE)
    assert time.monotonic() - started < 1.0


def test_recovery_code_round_trip_and_typo(tmp_path: Path) -> None:
    identity = keys.generate_identity()
    code = keys.format_recovery_code(identity)
    assert code.startswith("AGE-SECRET-KEY-1 ")
    assert keys.parse_recovery_code(code.lower().replace(" ", "\n ")) == identity
    typo = code[:-3] + ("Q" if code[-3] != "Q" else "P") + code[-2:]
    with pytest.raises(WrongKey, match="mistyped"):
        keys.parse_recovery_code(typo)


def test_weak_passphrases_need_confirmation_and_strength_is_shown() -> None:
    with pytest.raises(ValidationError):
        keys.check_new_passphrase("short")
    with pytest.raises(ValidationError):
        keys.check_new_passphrase("aaaaaaaaaaaaaaa")
    with pytest.raises(ValidationError):
        keys.check_new_passphrase("   ", accept_weak=True)
    keys.check_new_passphrase("short", accept_weak=True)
    keys.check_new_passphrase(PASSPHRASE)
    assert strength.estimate("abc").score < strength.estimate(PASSPHRASE).score


def test_change_passphrase_rewrites_only_the_key_file(tmp_path: Path, db: Database, memory_keyring) -> None:  # noqa: F811
    add_customers(db.path, 3)
    setup = jobs.set_up(db, tmp_path / "bk", PASSPHRASE)
    made = jobs.create(db)
    before = made.path.read_bytes()
    jobs.change_passphrase(db, PASSPHRASE, "new passphrase for 2027!")
    assert made.path.read_bytes() == before
    folder = tmp_path / "bk"
    assert keys.unlock_keys_file(keys.keys_file(folder), "new passphrase for 2027!") == [setup.identity]
    with pytest.raises(WrongPassphrase):
        keys.unlock_keys_file(keys.keys_file(folder), PASSPHRASE)
    assert sorted(p.name for p in folder.iterdir()) == sorted([made.path.name, keys.KEYS_FILE])


def test_a_new_key_keeps_old_backups_openable(tmp_path: Path, db: Database, memory_keyring) -> None:  # noqa: F811
    add_customers(db.path, 3)
    first = jobs.set_up(db, tmp_path / "bk", PASSPHRASE)
    old = jobs.create(db)
    second = jobs.set_up(db, tmp_path / "bk", PASSPHRASE)  # e.g. after a leak
    add_customers(db.path, 1)
    new = jobs.create(db)
    assert first.config.recipient != second.config.recipient
    from_file = jobs.identities(None, folder=tmp_path / "bk", passphrase=PASSPHRASE)
    assert from_file == [second.identity, first.identity]
    for made in (old, new):
        jobs.verify_file(made.path, from_file)


# ---------------------------------------------------------------- 15. keyrings that do not count

def _plaintext_keyring(tmp_path: Path):
    from keyrings.alt.file import PlaintextKeyring

    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "plain_keyring.cfg")
    return backend


@pytest.mark.parametrize("backend_name", ["fail", "null", "plaintext"])
def test_unfit_keyrings_never_hold_the_key_and_backups_wait_for_it(
        tmp_path: Path, db: Database, backup_dir: Path, backend_name: str) -> None:  # noqa: F811
    from keyring.backends import fail, null

    backend = {"fail": fail.Keyring, "null": null.Keyring}.get(backend_name, lambda: _plaintext_keyring(tmp_path))()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        assert not keys.keyring_status().usable
        add_customers(db.path, 4)
        setup = jobs.set_up(db, backup_dir, PASSPHRASE)
        assert not setup.in_keyring
        if backend_name == "plaintext":
            path = Path(backend.file_path)
            assert not path.exists() or setup.identity not in path.read_text()
        made = jobs.create(db, trigger="scheduled")
        assert made.outcome == "unverified" and made.path.exists()
        assert store.catalog(db)[made.path.name].verified_at is None
        assert store.history(db)[0].outcome == "unverified"
        assert jobs.prune(db) == []  # unverified backups never count nor go

        assert jobs.identities(store.load_config(db)) == []  # nothing on this computer opens it
        have = jobs.identities(store.load_config(db), passphrase=PASSPHRASE)
        assert jobs.verify_pending(db, have) == [made.path.name]
        assert store.catalog(db)[made.path.name].verified_at is not None
    finally:
        keyring.set_keyring(previous)


def test_a_real_keyring_holds_the_key_and_reads_it_back(db: Database, backup_dir: Path,  # noqa: F811
                                                        memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    add_customers(db.path, 2)
    setup = jobs.set_up(db, backup_dir, PASSPHRASE)
    assert setup.in_keyring
    assert memory_keyring.secrets == {(keys.KEYRING_SERVICE, setup.config.recipient): setup.identity}
    assert jobs.create(db).outcome == "succeeded"


def test_a_keyring_that_loses_the_key_does_not_count(db: Database, backup_dir: Path) -> None:  # noqa: F811
    class Forgetful(MemoryKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            return None

    previous = keyring.get_keyring()
    keyring.set_keyring(Forgetful())
    try:
        assert not jobs.set_up(db, backup_dir, PASSPHRASE).in_keyring
    finally:
        keyring.set_keyring(previous)
