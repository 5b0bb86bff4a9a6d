"""Backup keys: the X25519 identity, the keyring, the passphrase-protected key file, the recovery code.

Scheduled backups encrypt to the public recipient kept in the database and
need no secret.  The private identity is needed to verify and restore; it
lives in the OS keyring when a real one exists (this is the only module that
touches ``keyring``), in ``solocrm-keys.age`` beside the backups (protected by
the user's passphrase, so a new machine needs only the folder and the
passphrase), and on paper as the recovery code.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from solocrm.backup import strength
from solocrm.backup.errors import Damaged, KeyNeeded, WrongKey, WrongPassphrase
from solocrm.backup.files import FileLayer, write_safely
from solocrm.errors import Explained, ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

KEYRING_SERVICE = "SoloCRM backup key"
KEYS_FILE = "solocrm-keys.age"
KEY_FILE = Explained(QT_TRANSLATE_NOOP("errors", "The key file"))  # what a failed write names
# scrypt log2(N) of the key files we write: a constant, never this machine's speed.  rage picks
# "one second here", so a fast machine wrote 2^21 and a slower one (or our own cap) refused it.
# 2^18 is 256 MiB and about a second on a modest laptop; every rage accepts it (it allows its own
# one-second factor + 4, and a machine needing a second for 2^14 is long gone).
SCRYPT_LOG_N = 18
# What we accept when opening one: everything SoloCRM ever wrote (earlier versions let rage choose;
# 2^21, 2 GiB, is a machine eight times faster than one that picks 2^18), refusing absurd values fast.
MAX_SCRYPT_LOG_N = 21
_REJECTED_BACKENDS = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


# ---------------------------------------------------------------- identities

def generate_identity() -> str:
    return str(pyrage.x25519.Identity.generate())


def recipient_of(identity: str) -> str:
    return str(pyrage.x25519.Identity.from_str(identity).to_public())


def mac_key(identity: str) -> bytes:
    """A one-way key for the manifest MAC: safe to keep with the database, useless for decrypting."""
    return hmac.new(b"solocrm-backup-manifest-mac-v1", identity.encode("ascii"), hashlib.sha256).digest()


RECOVERY_PREFIX = "AGE-SECRET-KEY-1"


def format_recovery_code(identity: str) -> str:
    """The identity in groups of six after its prefix, easier to copy by hand; parse_recovery_code reads it back."""
    rest = identity[len(RECOVERY_PREFIX):]
    return " ".join([RECOVERY_PREFIX] + [rest[i: i + 6] for i in range(0, len(rest), 6)])


def parse_recovery_code(text: str) -> str:
    """The identity in a typed or pasted recovery code; bech32's checksum catches a mistyped letter."""
    code = re.sub(r"\s+", "", text).upper()
    try:
        pyrage.x25519.Identity.from_str(code)
    except Exception:  # noqa: BLE001 - pyrage raises several types for a bad string
        raise WrongKey(QT_TRANSLATE_NOOP(
            "errors", "That recovery code is not valid: a character is missing or mistyped. It starts with "
                      "AGE-SECRET-KEY-1; check it against your printed copy.")) from None
    return code


# ---------------------------------------------------------------- keyring

@dataclass(frozen=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str = ""


def keyring_status() -> KeyringStatus:
    """Only a real, encrypted keyring counts: not the fail, null or plaintext keyrings.alt backends."""
    try:
        import keyring
        from keyring.backends import chainer

        backend = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - an absent or broken keyring is a state, not a crash
        return KeyringStatus(False, "none", f"no keyring is available ({exc})")
    backends = backend.backends if isinstance(backend, chainer.ChainerBackend) else [backend]
    real = [b for b in backends if not type(b).__module__.startswith(_REJECTED_BACKENDS) and _priority(b) >= 1]
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if not real:
        return KeyringStatus(False, name, "this system has no secure keyring (only a placeholder or a "
                                          "plain-text one), so the key is not kept on this computer")
    return KeyringStatus(True, name)


def _priority(backend: object) -> float:
    try:
        return float(type(backend).priority)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a backend that cannot tell its priority is not one to trust
        return -1.0


def store_in_keyring(identity: str) -> bool:
    """Keep the identity in the keyring; True only when it was written and reads back the same."""
    if not keyring_status().usable:
        return False
    import keyring

    recipient = recipient_of(identity)
    try:
        keyring.set_password(KEYRING_SERVICE, recipient, identity)
        return keyring.get_password(KEYRING_SERVICE, recipient) == identity
    except Exception:  # noqa: BLE001 - a locked or refusing keyring means "not stored"
        return False


def load_from_keyring(recipient: str) -> str | None:
    if not keyring_status().usable:
        return None
    import keyring

    try:
        identity = keyring.get_password(KEYRING_SERVICE, recipient)
    except Exception:  # noqa: BLE001
        return None
    if identity and recipient_of(identity) == recipient:
        return identity
    return None


# ---------------------------------------------------------------- the passphrase-protected key file

class WeakPassphrase(ValidationError):
    """A new passphrase below ``strength.ENOUGH_BITS``: allowed only once the user confirmed it."""


def weak_passphrase(passphrase: str) -> WeakPassphrase | None:
    """The warning for a new passphrase that is easy to guess, or None when it is strong enough."""
    found = strength.estimate(passphrase)
    if found.enough:
        return None
    return WeakPassphrase(QT_TRANSLATE_NOOP(
        "errors", "This passphrase is easy to guess: about {bits} bits of strength, and SoloCRM asks for {enough}. "
                  "Anyone who gets hold of your backup folder can try guesses against it without limit. Common "
                  "passwords, names, dates, keyboard patterns and set phrases count for little; four or more "
                  "unrelated words, or a sentence of your own in any language, count for much more."),
        field="passphrase", bits=round(found.bits), enough=strength.ENOUGH_BITS)


def check_new_passphrase(passphrase: str, *, accept_weak: bool = False) -> None:
    """Refuse an empty passphrase, and a weak one unless the user confirmed it (``accept_weak``)."""
    if not passphrase.strip():
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Enter a passphrase: four or more unrelated words, or a sentence of your own in any "
                      "language."), field="passphrase")
    warning = weak_passphrase(passphrase)
    if warning is not None and not accept_weak:
        raise warning


def keys_file(folder: Path) -> Path:
    return folder / KEYS_FILE


def _encode(identities: list[str]) -> bytes:
    return json.dumps({"solocrm_backup_identities": identities}).encode("ascii")


def _decode(data: bytes, name: str) -> list[str]:
    try:
        identities = json.loads(data)["solocrm_backup_identities"]
        for identity in identities:
            pyrage.x25519.Identity.from_str(identity)
    except Exception:  # noqa: BLE001
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} opened but does not hold SoloCRM backup keys. Restore it from another copy."),
            name=name) from None
    return list(identities)


def _check_work_factor(data: bytes, name: str) -> None:
    """Refuse absurd scrypt parameters before rage spends minutes and gigabytes on them."""
    header = data[:1024]
    for match in re.finditer(rb"^-> scrypt \S+ (\S+)$", header, re.MULTILINE):
        try:
            log_n = int(match.group(1))
        except ValueError:
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is damaged (its key-stretching parameters are unreadable)."), name=name) from None
        if not 1 <= log_n <= MAX_SCRYPT_LOG_N:
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "{name} is damaged or tampered: it asks for an absurd amount of work to unlock (scrypt "
                          "2^{log_n}), so it was refused."), name=name, log_n=log_n)


def unlock_keys_file(path: Path, passphrase: str) -> list[str]:
    """The identities in a key file (newest first); WrongPassphrase is told apart from damage."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyNeeded(QT_TRANSLATE_NOOP(
            "errors", "There is no key file ({name}) in {parent}. Use the recovery code instead, or pick the "
                      "folder that holds your backups."), name=path.name, parent=path.parent) from None
    if not data.startswith(b"age-encryption.org/v1\n-> scrypt "):
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is not a passphrase-protected SoloCRM key file, or it is damaged."), name=path.name)
    _check_work_factor(data, path.name)
    try:
        plain = pyrage.passphrase.decrypt(data, passphrase)
    except Exception as exc:  # noqa: BLE001 - a cut payload surfaces as OSError, not DecryptError
        if "xcessive work" in str(exc):
            # rage's cap is this machine's one-second factor + 4: a file a faster machine wrote (an earlier
            # SoloCRM let rage choose) is opened here rather than locking the owner out
            plain = age_passphrase_decrypt(data, passphrase, path.name)
        elif isinstance(exc, pyrage.DecryptError) and "Decryption failed" in str(exc):
            raise _wrong_passphrase() from None
        else:
            raise _damaged(path.name, exc) from None
    return _decode(plain, path.name)


# ---------------------------------------------------------------- age passphrase files at a fixed work factor
# pyrage.passphrase.encrypt has no work-factor argument (rage times this machine), so the key file is
# written here, to the age v1 spec (C2SP age.md, "scrypt recipient stanza" and "payload"): still a
# plain age file that rage, pyrage and the `age` tool open with the passphrase.  It is read with pyrage
# and checked that way right after writing (write_keys_file), so a mistake here cannot go unnoticed.
# The reader below is for what rage refuses to open on a slow machine (see unlock_keys_file).

_SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
_CHUNK = 64 * 1024


def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _hkdf(key: bytes, salt: bytes | None, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def age_passphrase_encrypt(plaintext: bytes, passphrase: str, log_n: int = SCRYPT_LOG_N) -> bytes:
    """An age file for ``passphrase`` whose scrypt work factor is 2^``log_n``, whatever this machine's speed."""
    file_key, salt, nonce = os.urandom(16), os.urandom(16), os.urandom(16)
    wrap_key = hashlib.scrypt(passphrase.encode("utf-8"), salt=_SCRYPT_LABEL + salt, n=1 << log_n, r=8, p=1,
                              maxmem=1024 * (1 << log_n) + (32 << 20), dklen=32)
    body = ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, None)
    header = b"age-encryption.org/v1\n-> scrypt %s %d\n%s\n---" % (_b64(salt), log_n, _b64(body))
    mac = hmac.new(_hkdf(file_key, None, b"header"), header, hashlib.sha256).digest()
    stream = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    chunks = [plaintext[i: i + _CHUNK] for i in range(0, len(plaintext), _CHUNK)] or [b""]
    payload = b"".join(stream.encrypt(i.to_bytes(11, "big") + (b"\x01" if i == len(chunks) - 1 else b"\x00"),
                                      chunk, None) for i, chunk in enumerate(chunks))
    return header + b" " + _b64(mac) + b"\n" + nonce + payload


_AGE_SCRYPT = re.compile(rb"age-encryption\.org/v1\n-> scrypt ([A-Za-z0-9+/]{22}) (\d{1,2})\n([A-Za-z0-9+/]{43})\n"
                         rb"(---) ([A-Za-z0-9+/]{43})\n")


def age_passphrase_decrypt(data: bytes, passphrase: str, name: str) -> bytes:
    """Open an age passphrase file at any work factor (checked by the caller): the reverse of the writer above.

    Only for files rage refuses on this machine as too slow to open; every
    tag is checked as rage does (the wrapped key, the header MAC, each chunk
    and its final flag) before the plaintext is returned.
    """
    found = _AGE_SCRYPT.fullmatch(data[: data.find(b"\n", data.find(b"\n---") + 1) + 1])
    if found is None:
        raise _damaged(name, "its header is not an age passphrase header")
    salt, log_n, body, mac = (found.group(1), int(found.group(2)), found.group(3), found.group(5))
    wrap_key = hashlib.scrypt(passphrase.encode("utf-8"), salt=_SCRYPT_LABEL + _unb64(salt), n=1 << log_n, r=8,
                              p=1, maxmem=1024 * (1 << log_n) + (32 << 20), dklen=32)
    try:
        file_key = ChaCha20Poly1305(wrap_key).decrypt(bytes(12), _unb64(body), None)
    except InvalidTag:
        raise _wrong_passphrase() from None
    header = data[: found.end(4)]
    if not hmac.compare_digest(hmac.new(_hkdf(file_key, None, b"header"), header, hashlib.sha256).digest(),
                               _unb64(mac)):
        raise _damaged(name, "its header fails its check")
    payload = data[found.end():]
    stream = ChaCha20Poly1305(_hkdf(file_key, payload[:16], b"payload"))
    sealed = [payload[i: i + _CHUNK + 16] for i in range(16, len(payload), _CHUNK + 16)]
    try:
        if not sealed or (len(sealed) > 1 and len(sealed[-1]) == 16):
            raise InvalidTag  # no chunk at all, or an empty final chunk after others
        return b"".join(stream.decrypt(i.to_bytes(11, "big") + (b"\x01" if i == len(sealed) - 1 else b"\x00"),
                                       chunk, None) for i, chunk in enumerate(sealed))
    except InvalidTag:
        raise _damaged(name, "a chunk fails its check, or the file is cut short or extended") from None


def _unb64(text: bytes) -> bytes:
    return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)


def _wrong_passphrase() -> WrongPassphrase:
    return WrongPassphrase(QT_TRANSLATE_NOOP(
        "errors", "Wrong passphrase: it does not unlock the backup key. Check Caps Lock and the keyboard "
                  "layout, or use the recovery code."))


def _damaged(name: str, exc: object) -> Damaged:
    return Damaged(QT_TRANSLATE_NOOP(
        "errors", "{name} is damaged or tampered ({exc}). Use the recovery code instead."), name=name, exc=exc)


def write_keys_file(folder: Path, identities: list[str], passphrase: str, layer: FileLayer | None = None) -> Path:
    """Write (or replace) the key file safely; the old one stays until the new one is verified.

    Verified means read back byte for byte and opened by rage with the passphrase: the file we
    wrote ourselves is exactly what age readers accept.
    """
    data = age_passphrase_encrypt(_encode(identities), passphrase)
    final = keys_file(folder)
    staged = folder / (KEYS_FILE + ".new")
    staged.unlink(missing_ok=True)

    def produce(out) -> None:
        out.write(data)

    def verify(part: Path, _digest: str) -> None:
        if part.read_bytes() != data or pyrage.passphrase.decrypt(data, passphrase) != _encode(identities):
            raise Damaged(QT_TRANSLATE_NOOP(
                "errors", "The key file read back from {folder} differs from what was written; the drive may be "
                          "failing. Nothing was replaced."), folder=folder)

    write_safely(staged, produce, verify, layer, what=KEY_FILE)
    (layer or FileLayer()).rename(staged, final)
    (layer or FileLayer()).fsync_dir(folder)
    return final


def add_identity(folder: Path, identity: str, passphrase: str, layer: FileLayer | None = None) -> list[str]:
    """Put ``identity`` first in the folder's key file (made when missing); older ones stay to open old backups."""
    path = keys_file(folder)
    existing = unlock_keys_file(path, passphrase) if path.exists() else []
    identities = [identity] + [i for i in existing if i != identity]
    write_keys_file(folder, identities, passphrase, layer)
    return identities


def change_passphrase(folder: Path, old: str, new: str, layer: FileLayer | None = None, *,
                      accept_weak: bool = False) -> None:
    check_new_passphrase(new, accept_weak=accept_weak)
    write_keys_file(folder, unlock_keys_file(keys_file(folder), old), new, layer)
