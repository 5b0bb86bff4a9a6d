"""Helpers for the backup tests: keyring backends, a configured database, sample data, real subprocesses.

The keyring backends are real ``keyring`` backends (priority 1, so the app
treats them as a real keyring): one in memory, one in a JSON file for child
processes.  Nothing here mocks the file layer or SQLite.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from solocrm.backup import jobs, keys, store
from solocrm.db.database import Database

PASSPHRASE = "correct horse battery staple 7"
ROOT = Path(__file__).resolve().parents[1]


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class FileKeyring(KeyringBackend):
    """A keyring shared with child processes through SOLOCRM_TEST_KEYRING (a JSON file)."""

    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        path = Path(os.environ["SOLOCRM_TEST_KEYRING"])
        return json.loads(path.read_text()) if path.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}|{username}"] = password
        Path(os.environ["SOLOCRM_TEST_KEYRING"]).write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}|{username}", None)
        Path(os.environ["SOLOCRM_TEST_KEYRING"]).write_text(json.dumps(data))


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def fail_keyring() -> Iterator[None]:
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "backups"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def key_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, bytes]:
    """One identity and its passphrase-protected key file, made once: scrypt costs seconds per use."""
    identity = keys.generate_identity()
    folder = tmp_path_factory.mktemp("keys")
    keys.add_identity(folder, identity, PASSPHRASE)
    return identity, keys.keys_file(folder).read_bytes()


@pytest.fixture
def configured(db: Database, backup_dir: Path, memory_keyring: MemoryKeyring,
               key_template: tuple[str, bytes]) -> jobs.SetupResult:
    """A database with five customers and backups set up to ``backup_dir``, the key in the keyring.

    The same state ``jobs.set_up`` leaves (tested on its own), without paying for a new scrypt run.
    """
    identity, key_file = key_template
    add_customers(db.path, 5)
    keys.keys_file(backup_dir).write_bytes(key_file)
    assert keys.store_in_keyring(identity)
    recipient = keys.recipient_of(identity)
    config = store.BackupConfig(str(backup_dir.resolve()), recipient, {recipient: keys.mac_key(identity).hex()})
    store.save_config(db, config)
    return jobs.SetupResult(config, identity, keys.format_recovery_code(identity), True)


def add_customers(db_path: Path, n: int, prefix: str = "客户") -> None:
    """Insert ``n`` customers with raw SQL on a separate connection (committed)."""
    conn = sqlite3.connect(db_path, timeout=10)
    try:
        with conn:
            start = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
            conn.executemany(
                "INSERT INTO customer (kind, name, consent_marketing, archived, created_at, updated_at, order_count,"
                " total_spent_minor, stage, search_text) VALUES ('person', ?, 0, 0, ?, ?, 0, 0, 'prospect', ?)",
                [(f"{prefix}{start + i}", datetime(2026, 1, 1), datetime(2026, 1, 1), f"{prefix}{start + i}")
                 for i in range(n)],
            )
    finally:
        conn.close()


def count(db_path: Path, table: str = "customer") -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()


def integrity(db_path: Path) -> str:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def run_python(code: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                          env=full_env, cwd=ROOT, check=False)


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: str | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "solocrm", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=ROOT, input=stdin, check=False)


# ---------------------------------------------------------------- an independent age writer, to forge chunk layouts

_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
CHUNK = 64 * 1024


def _bech32_bytes(text: str) -> bytes:
    text = text.lower()
    data = [_BECH32.index(c) for c in text[text.rfind("1") + 1:]][:-6]  # drop the checksum
    acc = bits = 0
    out = bytearray()
    for value in data:
        acc = (acc << 5) | value
        bits += 5
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
    return bytes(out)


def _b64(data: bytes) -> bytes:
    import base64

    return base64.b64encode(data).rstrip(b"=")


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def age_encrypt_chunks(plaintext: bytes, recipient: str, layout=None) -> bytes:
    """Encrypt like age (X25519, 64 KiB STREAM chunks) written from the spec, not with rage.

    ``layout(chunks)`` may rewrite the list of (plaintext chunk, last flag)
    before encryption (counters follow list positions); used to forge final
    flags in the wrong place, empty final chunks, two final chunks.
    """
    import hmac as hmac_mod

    from cryptography.hazmat.primitives.asymmetric.x25519 import (
        X25519PrivateKey,
        X25519PublicKey,
    )
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = _bech32_bytes(recipient)
    file_key = os.urandom(16)
    ephemeral = X25519PrivateKey.generate()
    share = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
    wrap = _hkdf(shared, share + public, b"age-encryption.org/v1/X25519")
    body = ChaCha20Poly1305(wrap).encrypt(b"\x00" * 12, file_key, None)
    header = b"age-encryption.org/v1\n-> X25519 " + _b64(share) + b"\n" + _b64(body) + b"\n---"
    mac = hmac_mod.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    header += b" " + _b64(mac) + b"\n"
    nonce = os.urandom(16)
    aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    pieces = [plaintext[i: i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    chunks = [(piece, i == len(pieces) - 1) for i, piece in enumerate(pieces)]
    if layout is not None:
        chunks = layout(chunks)
    out = [header, nonce]
    for counter, (piece, last) in enumerate(chunks):
        out.append(aead.encrypt(counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00"), piece, None))
    return b"".join(out)


def split_backup(data: bytes) -> tuple[bytes, bytes, bytes, list[bytes]]:
    """(our header, age header, payload nonce, ciphertext chunks) of a .crmbak file's bytes."""
    outer_end = data.index(b"\n\n") + 2
    age_end = data.index(b"\n--- ", outer_end)
    age_end = data.index(b"\n", age_end + 1) + 1
    payload = data[age_end:]
    size = CHUNK + 16
    return (data[:outer_end], data[outer_end:age_end], payload[:16],
            [payload[i: i + size] for i in range(16, len(payload), size)])


def decrypt_plaintext(path: Path, identity: str) -> bytes:
    """The whole inner plaintext of a backup (header, manifest, image), via rage."""
    import pyrage

    outer, *_ = split_backup(path.read_bytes())
    return pyrage.decrypt(path.read_bytes()[len(outer):], [pyrage.x25519.Identity.from_str(identity)])
