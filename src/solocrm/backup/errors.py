"""What can go wrong with a backup, in the classes a user must tell apart.

Each class has its own words because each asks the user for something
different: another file, another passphrase, a newer SoloCRM, a new disk.
``kind`` is the short name the CLI prints and the history records.
"""

from __future__ import annotations

from solocrm import errors
from solocrm.errors import UserError


class BackupError(UserError):
    kind = "backup failed"


class NotABackup(BackupError):
    kind = "not a SoloCRM backup"


class UnsupportedVersion(BackupError):
    kind = "unsupported version"


class WrongPassphrase(BackupError):
    kind = "wrong passphrase"


class WrongKey(BackupError):
    kind = "wrong key"


class KeyNeeded(BackupError):
    """The private key is not at hand (no keyring, nothing typed); nothing was damaged."""

    kind = "key needed"


class Damaged(BackupError):
    kind = "damaged or tampered"


class ContentCheckFailed(BackupError):
    kind = "content check failed"


class WriteFailed(BackupError):
    kind = "write failed"


class DiskFull(WriteFailed, errors.DiskFull):
    kind = "disk full"


class SnapshotFailed(BackupError):
    kind = "database busy or damaged"


class NotConfigured(BackupError):
    kind = "backups not set up"
