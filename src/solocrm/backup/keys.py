"""Backup keys: the X25519 identity, the keyring, the passphrase-protected key file, the recovery code.

Scheduled backups encrypt to the public recipient kept in the database and
need no secret.  The private identity is needed to verify and restore; it
lives in the OS keyring when a real one exists (this is the only module that
touches ``keyring``), in ``solocrm-keys.age`` beside the backups (protected by
the user's passphrase, so a new machine needs only the folder and the
passphrase), and on paper as the recovery code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyrage

from solocrm.backup.errors import Damaged, KeyNeeded, WrongKey, WrongPassphrase
from solocrm.backup.files import FileLayer, write_safely
from solocrm.errors import Explained, ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

KEYRING_SERVICE = "SoloCRM backup key"
KEYS_FILE = "solocrm-keys.age"
KEY_FILE = Explained(QT_TRANSLATE_NOOP("errors", "The key file"))  # what a failed write names
# scrypt log2(N) we accept when opening a key file.  rage targets ~1 s and itself
# allows 16x that (4 GiB of memory at 22); 20 is 1 GiB and a few seconds at most.
MAX_SCRYPT_LOG_N = 20
MIN_PASSPHRASE = 10
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

def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough 0..4 score and a word for it: length and variety, with penalties for repeats."""
    if not passphrase:
        return 0, "empty"
    classes = sum(bool(re.search(p, passphrase)) for p in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]"))
    unique = len(set(passphrase))
    bits = len(passphrase) * min(2 + classes, 5) * min(unique / max(len(passphrase) * 0.6, 1), 1.0)
    score = 0 if bits < 28 else 1 if bits < 45 else 2 if bits < 60 else 3 if bits < 80 else 4
    return score, ("very weak", "weak", "fair", "strong", "very strong")[score]


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Use a passphrase of at least {count} characters; a few unrelated words are easy "
                      "to remember and hard to guess."), field="passphrase", count=MIN_PASSPHRASE)
    if passphrase_strength(passphrase)[0] < 2:
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This passphrase is too easy to guess. Add words, or mix in digits and symbols."),
                              field="passphrase")


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
        if isinstance(exc, pyrage.DecryptError) and "Decryption failed" in str(exc):
            raise WrongPassphrase(QT_TRANSLATE_NOOP(
                "errors", "Wrong passphrase: it does not unlock the backup key. Check Caps Lock and the keyboard "
                          "layout, or use the recovery code.")) from None
        raise Damaged(QT_TRANSLATE_NOOP(
            "errors", "{name} is damaged or tampered ({exc}). Use the recovery code instead."),
            name=path.name, exc=exc) from None
    return _decode(plain, path.name)


def write_keys_file(folder: Path, identities: list[str], passphrase: str, layer: FileLayer | None = None) -> Path:
    """Write (or replace) the key file safely; the old one stays until the new one is verified."""
    data = pyrage.passphrase.encrypt(_encode(identities), passphrase)
    _check_work_factor(data, KEYS_FILE)
    final = keys_file(folder)
    staged = folder / (KEYS_FILE + ".new")
    staged.unlink(missing_ok=True)

    def produce(out) -> None:
        out.write(data)

    def verify(part: Path, _digest: str) -> None:
        if part.read_bytes() != data:
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


def change_passphrase(folder: Path, old: str, new: str, layer: FileLayer | None = None) -> None:
    check_new_passphrase(new)
    write_keys_file(folder, unlock_keys_file(keys_file(folder), old), new, layer)
