"""The .crmbak file: a short plaintext header of ours, then an age file.

Layout::

    SOLOCRM-BACKUP\\n
    version: 1\\n
    recipient: age1...\\n          public key the file is encrypted to
    check: <16 hex>\\n             sha256 of the lines above, truncated
    \\n
    <age file, X25519 recipient>  plaintext: INNER header, manifest JSON, SQLite image

Why a plaintext header in front of age: age recipients are anonymous, so a
damaged X25519 stanza and a backup made with another key both read "no
matching key".  Naming the recipient lets us say "made with another key"
without decrypting, and call a header that fails to open with the right key
what it is: damaged.  The header is authenticated after decryption (its hash
is in the manifest), and its own check line tells a flipped bit from a
future format version.

Why a MAC in the manifest: anyone holding the public key can make an age file
for it, so age alone cannot tell our backup from a forged one.  The MAC key
is derived from the private key (keys.mac_key) and kept with the database,
so unattended backups can sign without the private key and verification
catches a forged file.  Everything age authenticates chunk by chunk is only
trusted once the whole stream, the sizes, the hash and the MAC all check.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import re
import struct
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyrage

from solocrm.backup.errors import (
    ContentCheckFailed,
    Damaged,
    NotABackup,
    UnsupportedVersion,
    WrongKey,
)
from solocrm.backup.keys import mac_key, recipient_of
from solocrm.translatable import QT_TRANSLATE_NOOP

FORMAT_VERSION = 1
OUTER_MAGIC = b"SOLOCRM-BACKUP\n"
MAX_OUTER_HEADER = 512
INNER = struct.Struct(">8sHI")  # magic, format version, manifest length
INNER_MAGIC = b"SOLOCRM\x00"
MAX_MANIFEST = 1 << 20
AGE_MAGIC = b"age-encryption.org/v1\n"
READ_SIZE = 1 << 20
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")  # bech32 of an X25519 public key
SUFFIX = ".crmbak"

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OuterHeader:
    version: int
    recipient: str
    raw: bytes


@dataclass(frozen=True)
class Manifest:
    """What the backup holds, authenticated inside the encryption."""

    app_version: str
    created_at: str  # ISO 8601 UTC, "2026-06-15T09:00:00Z"
    schema_revisions: list[str]
    image_size: int
    image_sha256: str
    integrity: str
    row_counts: dict[str, int]
    reason: str = "manual"
    outer_sha256: str = ""
    format: int = FORMAT_VERSION
    mac: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    def signed(self, mac_key: bytes) -> Manifest:
        data = asdict(self)
        data["mac"] = _mac(mac_key, data)
        return Manifest(**data)

    def mac_ok(self, mac_key: bytes) -> bool:
        return hmac.compare_digest(self.mac, _mac(mac_key, asdict(self)))

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


def _mac(key: bytes, data: dict) -> str:
    body = {k: v for k, v in data.items() if k != "mac"}
    return hmac.new(key, json.dumps(body, sort_keys=True, ensure_ascii=False).encode(), "sha256").hexdigest()


# ---------------------------------------------------------------- the manifest's schema

_HEX64 = re.compile(r"[0-9a-f]{64}")
_CREATED_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
_SHORT = 200  # a version, a revision, a table name, a reason
_MANY = 1000  # revisions, tables
_MAX_IMAGE = 1 << 47  # SQLite's own largest database is 2^32 pages of 64 KiB = 2^48; no real one is near 2^47


def _text(value: object, most: int = _SHORT) -> bool:
    return isinstance(value, str) and len(value) <= most


def _count(value: object, most: int) -> bool:
    return type(value) is int and 0 <= value <= most  # not bool, not float


# Every field: whether a value is one SoloCRM writes.  Checked before any value is used.
_FIELDS: dict[str, Callable[[object], bool]] = {
    "app_version": _text,
    "created_at": lambda v: isinstance(v, str) and bool(_CREATED_AT.fullmatch(v)),
    "schema_revisions": lambda v: isinstance(v, list) and len(v) <= _MANY and all(_text(r) for r in v),
    "image_size": lambda v: _count(v, _MAX_IMAGE),
    "image_sha256": lambda v: isinstance(v, str) and bool(_HEX64.fullmatch(v)),
    "integrity": lambda v: _text(v, 10_000),
    "row_counts": lambda v: isinstance(v, dict) and len(v) <= _MANY
    and all(_text(k) and _count(n, 1 << 63) for k, n in v.items()),
    "reason": lambda v: _text(v, 1000),  # "before restoring <a file name of up to 255 bytes>"
    "outer_sha256": lambda v: isinstance(v, str) and bool(_HEX64.fullmatch(v)),
    "format": lambda v: v == FORMAT_VERSION,
    "mac": lambda v: isinstance(v, str) and bool(_HEX64.fullmatch(v)),
    "extra": lambda v: isinstance(v, dict) and len(v) <= _MANY,
}
_REQUIRED = ("app_version", "created_at", "schema_revisions", "image_size", "image_sha256", "integrity",
             "row_counts", "outer_sha256", "mac")


def parse_manifest(data: bytes, name: str) -> Manifest:
    """The manifest in ``data``, every field checked for type, range and size; else the refusal that fits.

    The one place a manifest's values are checked: what it says is used for
    sizes, hashes and dates only after this returns.  A later format number is
    a newer SoloCRM; anything else unexpected is damage or tampering.
    """
    try:
        fields = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        fields = None
    if not isinstance(fields, dict):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered (its manifest cannot be read)."), name=name)
    version = fields.get("format", FORMAT_VERSION)
    if type(version) is int and version > FORMAT_VERSION:
        raise UnsupportedVersion(QT_TRANSLATE_NOOP(
            "errors", "{name} was written by a newer SoloCRM (inner format {version}). Install the latest "
                      "SoloCRM to open it."), name=name, version=version)
    wrong = [key for key in fields if key not in _FIELDS or not _FIELDS[key](fields[key])]
    wrong += [key for key in _REQUIRED if key not in fields]
    if wrong:
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered (its manifest has an impossible value: {field})."),
            name=name, field=str(wrong[0])[:40])
    return Manifest(**fields)


# ---------------------------------------------------------------- outer header

def outer_header(recipient: str) -> bytes:
    body = OUTER_MAGIC + f"version: {FORMAT_VERSION}\nrecipient: {recipient}\n".encode("ascii")
    return body + f"check: {hashlib.sha256(body).hexdigest()[:16]}\n\n".encode("ascii")


def _near(a: bytes, b: bytes, most: int = 2) -> bool:
    """Same length and at most ``most`` bytes differ: a damaged copy rather than another file."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) <= most


def read_outer_header(fh: BinaryIO, name: str = "This file") -> OuterHeader:
    """Read and check the plaintext header; the stream is left at the start of the age file."""
    head = fh.read(len(OUTER_MAGIC))
    if head != OUTER_MAGIC:
        if _near(head, OUTER_MAGIC):
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is a damaged SoloCRM backup (its first line is corrupted). Use another backup."),
                name=name)
        raise NotABackup(QT_TRANSLATE_NOOP(
            "errors", "{name} is not a SoloCRM backup. Choose a .crmbak file written by SoloCRM."), name=name)
    raw = head
    lines: dict[str, str] = {}
    while True:
        line = fh.readline(MAX_OUTER_HEADER)
        raw += line
        if not line.endswith(b"\n") or len(raw) > MAX_OUTER_HEADER:
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is a damaged SoloCRM backup (its header is cut or garbled). Use another backup."),
                name=name)
        if line == b"\n":
            break
        key, sep, value = line.decode("ascii", "replace").rstrip("\n").partition(": ")
        if not sep:
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is a damaged SoloCRM backup (its header is garbled). Use another backup."), name=name)
        lines[key] = value
    body = raw[: raw.rfind(b"check: ")] if b"check: " in raw else b""
    if not body or lines.get("check") != hashlib.sha256(body).hexdigest()[:16]:
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is a damaged SoloCRM backup (its header fails its check). Use another backup."),
            name=name)
    try:
        version = int(lines["version"])
        recipient = lines["recipient"]
    except (KeyError, ValueError):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is a damaged SoloCRM backup (its header is incomplete). Use another backup."),
            name=name) from None
    if version > FORMAT_VERSION:
        raise UnsupportedVersion(QT_TRANSLATE_NOOP(
            "errors", "{name} was written by a newer SoloCRM (backup format {version}). Install the latest "
                      "SoloCRM to open it."), name=name, version=version)
    if version != FORMAT_VERSION or not _RECIPIENT.fullmatch(recipient):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is a damaged SoloCRM backup (its header is garbled). Use another backup."), name=name)
    return OuterHeader(version, recipient, raw)


def peek_recipient(path: Path) -> str:
    """The public key a backup was made for, without decrypting anything."""
    with path.open("rb") as fh:
        return read_outer_header(fh, path.name).recipient


# ---------------------------------------------------------------- writing

class _PlaintextReader(io.RawIOBase):
    """Inner header and manifest, then the image, read in pieces; hashes the image as it goes."""

    def __init__(self, prefix: bytes, image: BinaryIO, image_size: int, progress: Progress | None) -> None:
        super().__init__()
        self.prefix = memoryview(prefix)
        self.image = image
        self.image_size = image_size
        self.sha256 = hashlib.sha256()
        self.done = 0
        self.progress = progress
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            return self._readinto(buffer)
        except BaseException as exc:
            self.error = exc
            raise

    def _readinto(self, buffer) -> int:
        if self.prefix:
            n = min(len(buffer), len(self.prefix))
            buffer[:n] = self.prefix[:n]
            self.prefix = self.prefix[n:]
            return n
        n = self.image.readinto(buffer)
        if n:
            self.sha256.update(memoryview(buffer)[:n])
            self.done += n
            if self.progress is not None:
                self.progress(self.done, self.image_size)
        return n or 0


def write_backup(out: BinaryIO, image_path: Path, manifest: Manifest, recipient: str, mac_key: bytes,
                 progress: Progress | None = None) -> Manifest:
    """Encrypt ``image_path`` with ``manifest`` to ``recipient``, streaming into ``out``.

    The image is hashed again while it is encrypted; if it no longer matches
    the manifest (it changed underneath, or memory flipped a bit) the write
    fails rather than producing a backup whose content check would fail.
    """
    header = outer_header(recipient)
    manifest = Manifest(**{**asdict(manifest), "outer_sha256": hashlib.sha256(header).hexdigest()}).signed(mac_key)
    body = json.dumps(asdict(manifest), ensure_ascii=False, sort_keys=True).encode("utf-8")
    prefix = INNER.pack(INNER_MAGIC, FORMAT_VERSION, len(body)) + body
    out.write(header)
    sink = _Remembering(out)
    with image_path.open("rb") as image:
        reader = _PlaintextReader(prefix, image, manifest.image_size, progress)
        try:
            pyrage.encrypt_io(io.BufferedReader(reader, READ_SIZE), sink,
                              [pyrage.x25519.Recipient.from_str(recipient)])
        except pyrage.EncryptError:
            # rage wraps what our file objects raised; give the caller the original (disk full...)
            raise (sink.error or reader.error or RuntimeError("encryption failed")) from None
    if reader.done != manifest.image_size or reader.sha256.hexdigest() != manifest.image_sha256:
        raise ContentCheckFailed(QT_TRANSLATE_NOOP(
            "errors", "The database snapshot changed while it was being encrypted (a disk or memory fault). No "
                      "backup was written; try again."))
    return manifest


class _Remembering(io.RawIOBase):
    """Passes writes on and remembers the exception a write raised, which rage would wrap."""

    def __init__(self, out: BinaryIO) -> None:
        super().__init__()
        self.out = out
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        try:
            return self.out.write(data)
        except BaseException as exc:
            self.error = exc
            raise


# ---------------------------------------------------------------- reading

class _PlaintextSink(io.RawIOBase):
    """Parses what decryption yields: inner header, manifest, image (hashed, optionally written)."""

    def __init__(self, name: str, image_out: BinaryIO | None) -> None:
        super().__init__()
        self.name = name
        self.image_out = image_out
        self.buffer = bytearray()
        self.manifest: Manifest | None = None
        self.sha256 = hashlib.sha256()
        self.image_bytes = 0
        self.error: BaseException | None = None

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        try:
            return self._write(data)
        except BaseException as exc:
            self.error = exc
            raise

    def _write(self, data) -> int:
        n = len(data)
        if self.manifest is None:
            self.buffer += data
            if not self._parse_prefix():
                return n
            data, self.buffer = bytes(self.buffer), bytearray()
        if data:
            self.image_bytes += len(data)
            if self.image_bytes > self.manifest.image_size:
                raise ContentCheckFailed(QT_TRANSLATE_NOOP(
                    "errors", "{name} holds more data than its manifest says. Use another backup."), name=self.name)
            self.sha256.update(data)
            if self.image_out is not None:
                self.image_out.write(data)
        return n

    def _parse_prefix(self) -> bool:
        if len(self.buffer) < INNER.size:
            return False
        magic, version, length = INNER.unpack_from(self.buffer)
        if magic != INNER_MAGIC:
            raise NotABackup(QT_TRANSLATE_NOOP(
                "errors", "{name} is encrypted to your key but is not a SoloCRM backup."), name=self.name)
        if version > FORMAT_VERSION:
            raise UnsupportedVersion(QT_TRANSLATE_NOOP(
                "errors", "{name} was written by a newer SoloCRM (inner format {version}). Install the latest "
                          "SoloCRM to open it."), name=self.name, version=version)
        if version != FORMAT_VERSION or length > MAX_MANIFEST:
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is damaged or tampered (its manifest is impossibly large)."), name=self.name)
        if len(self.buffer) < INNER.size + length:
            return False
        self.manifest = parse_manifest(bytes(self.buffer[INNER.size: INNER.size + length]), self.name)
        del self.buffer[: INNER.size + length]
        return True


class _HashingReader(io.RawIOBase):
    """Reads the ciphertext for pyrage and hashes every byte, to compare with what was written."""

    def __init__(self, raw: BinaryIO, sha256: hashlib._Hash, total: int, progress: Progress | None) -> None:
        super().__init__()
        self.raw = raw
        self.sha256 = sha256
        self.total = total
        self.done = 0
        self.progress = progress
        self.error: BaseException | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            n = self.raw.readinto(buffer)
            if n:
                self.sha256.update(memoryview(buffer)[:n])
                self.done += n
                if self.progress is not None:
                    self.progress(self.done, self.total)
            return n or 0
        except BaseException as exc:
            self.error = exc
            raise


@dataclass(frozen=True)
class Opened:
    manifest: Manifest
    recipient: str
    file_sha256: str
    file_size: int


def open_backup(path: Path, identities: Sequence[str], *, image_out: BinaryIO | None = None,
                progress: Progress | None = None) -> Opened:
    """Decrypt and check ``path`` completely; the image goes to ``image_out`` when given.

    ``identities`` are private keys (AGE-SECRET-KEY-1...); the MAC key is
    derived from the one that matches.  Raises a BackupError subclass that names
    what is wrong.  Whatever reached ``image_out`` must be thrown away by the
    caller on error: it is not trusted until this function returns.
    """
    name = path.name
    with path.open("rb") as raw:
        total = path.stat().st_size
        outer = read_outer_header(raw, name)
        usable = [i for i in identities if recipient_of(i) == outer.recipient]
        if not usable:
            raise WrongKey(QT_TRANSLATE_NOOP(
                "errors", "{name} was made with another key ({detail}). Unlock it with the passphrase or recovery "
                          "code of the setup that made it."), name=name, detail=_short(outer.recipient))
        file_hash = hashlib.sha256(outer.raw)
        head = raw.read(len(AGE_MAGIC))
        if not _near(head, AGE_MAGIC):
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is damaged or tampered (the encrypted part does not start as it should)."), name=name)
        file_hash.update(head)
        reader = _HashingReader(raw, file_hash, total, progress)
        sink = _PlaintextSink(name, image_out)
        # rage hands over small pieces; buffered, the sink checks and hashes large ones (far fewer Python calls)
        buffered = io.BufferedWriter(sink, READ_SIZE)
        try:
            pyrage.decrypt_io(io.BufferedReader(_Prepend(head, reader), READ_SIZE), buffered,
                              [pyrage.x25519.Identity.from_str(i) for i in usable])
            buffered.flush()
        except BaseException as exc:  # noqa: BLE001 - sorted below: ours re-raised, rage's classified
            own = sink.error or reader.error
            if own is not None:
                raise own from None  # ours (a content check, a cancel, a read error), wrapped by rage or not
            _raise_decrypt_error(exc, name)
    manifest = sink.manifest
    if manifest is None:
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered (it ends before its manifest)."), name=name)
    if not manifest.mac_ok(mac_key(usable[0])):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is tampered or forged: its authentication code does not match your key."), name=name)
    if manifest.outer_sha256 != hashlib.sha256(outer.raw).hexdigest():
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered (its plaintext header was changed)."), name=name)
    if sink.image_bytes != manifest.image_size or sink.sha256.hexdigest() != manifest.image_sha256:
        raise ContentCheckFailed(QT_TRANSLATE_NOOP(
            "errors", "{name} failed its content check: the database inside does not match the manifest's size "
                      "and hash. Use another backup."), name=name)
    if manifest.integrity != "ok":
        raise ContentCheckFailed(QT_TRANSLATE_NOOP(
            "errors", "{name} failed its content check: the database was already damaged when it was backed up "
                      "({detail})."), name=name, detail=manifest.integrity[:200])
    return Opened(manifest, outer.recipient, file_hash.hexdigest(), total)


def _raise_decrypt_error(exc: BaseException, name: str) -> None:
    if isinstance(exc, pyrage.DecryptError):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered ({detail}). Use another backup."),
            name=name, detail=_age_reason(exc)) from None
    if isinstance(exc, Exception):  # rage reports a bad chunk, a cut or an extended file as OSError
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered (an encrypted chunk fails its check, or the file is cut "
                      "short or extended). Use another backup."), name=name) from None
    raise exc


class _Prepend(io.RawIOBase):
    """Put back the bytes read to check the age magic."""

    def __init__(self, head: bytes, rest: io.RawIOBase) -> None:
        super().__init__()
        self.head = memoryview(head)
        self.rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        return self.rest.readinto(buffer)


def _short(recipient: str) -> str:
    return recipient[:12] + "…" + recipient[-6:]


def _age_reason(exc: Exception) -> str:
    text = str(exc)
    if "No matching keys" in text:
        return "its key stanza does not open with the key it names"
    if "MAC" in text:
        return "its encryption header fails its check"
    return "its encryption header cannot be read"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(READ_SIZE):
            digest.update(chunk)
    return digest.hexdigest()
