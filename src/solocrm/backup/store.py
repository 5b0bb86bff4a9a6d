"""Backup settings, run history and file catalog, kept in the database itself.

Keeping them with the data means ``--db`` alone is enough for the CLI and the
OS timer.  A restore carries these tables over from the database it replaces
(restore.carry_over), so restoring an old backup never brings back an old key,
a forgotten destination or a history without the newest backups.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select

from solocrm.backup.errors import NotConfigured
from solocrm.db.database import Database
from solocrm.db.models import BackupConfigEntry, BackupFile, BackupRun
from solocrm.errors import Explained
from solocrm.translatable import QT_TRANSLATE_NOOP

CONFIG_KEY = "config"


@dataclass(frozen=True)
class Schedule:
    kind: str = "daily"  # off | hourly | daily | weekly
    at: str = "12:30"  # HH:MM local, daily and weekly
    weekday: int = 4  # 0 Monday .. 6 Sunday, weekly

    @property
    def interval_hours(self) -> float:
        return {"hourly": 1, "daily": 24, "weekly": 168}.get(self.kind, 0)


@dataclass(frozen=True)
class Policy:
    """restic ``forget`` counts; defaults from backup.md."""

    last: int = 3
    daily: int = 7
    weekly: int = 5
    monthly: int = 12
    yearly: int = 3


@dataclass(frozen=True)
class BackupConfig:
    destination: str
    recipient: str  # age1...: scheduled backups encrypt to it, no secret needed
    mac_keys: dict[str, str]  # recipient -> hex MAC key (keys.mac_key), every key this setup has had
    schedule: Schedule = field(default_factory=Schedule)
    policy: Policy = field(default_factory=Policy)

    @property
    def folder(self) -> Path:
        return Path(self.destination)

    def mac_key_bytes(self) -> dict[str, bytes]:
        return {r: bytes.fromhex(k) for r, k in self.mac_keys.items()}

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> BackupConfig:
        data = json.loads(text)
        return cls(destination=data["destination"], recipient=data["recipient"], mac_keys=data["mac_keys"],
                   schedule=Schedule(**data.get("schedule", {})), policy=Policy(**data.get("policy", {})))


def load_config(db: Database) -> BackupConfig | None:
    with db.session() as s:
        row = s.get(BackupConfigEntry, CONFIG_KEY)
        return BackupConfig.from_json(row.value) if row else None


def require_config(db: Database) -> BackupConfig:
    config = load_config(db)
    if config is None:
        raise NotConfigured(QT_TRANSLATE_NOOP(
            "errors", "Backups are not set up for this database yet. Run `solocrm backup init --to FOLDER` or "
                      "open the Backup page."))
    return config


def save_config(db: Database, config: BackupConfig) -> None:
    with db.session() as s:
        s.merge(BackupConfigEntry(key=CONFIG_KEY, value=config.to_json()))


def update_config(db: Database, **changes: object) -> BackupConfig:
    config = replace(require_config(db), **changes)
    save_config(db, config)
    return config


# ---------------------------------------------------------------- history

@dataclass(frozen=True)
class RunRecord:
    started_at: datetime
    finished_at: datetime | None
    trigger: str
    outcome: str  # succeeded | unverified | skipped | failed | setup
    reason: Explained  # kept as its template, so the history reads in the language of whoever opens it
    file_name: str | None = None
    size: int | None = None


def record_run(db: Database, run: RunRecord) -> None:
    with db.session() as s:
        s.add(BackupRun(started_at=run.started_at, finished_at=run.finished_at, trigger=run.trigger,
                        outcome=run.outcome, reason=run.reason.to_json(), file_name=run.file_name, size=run.size))


def history(db: Database, limit: int = 200) -> list[RunRecord]:
    with db.session() as s:
        rows = s.scalars(select(BackupRun).order_by(BackupRun.started_at.desc(), BackupRun.id.desc()).limit(limit))
        return [RunRecord(r.started_at, r.finished_at, r.trigger, r.outcome, Explained.from_json(r.reason),
                          r.file_name, r.size) for r in rows]


# ---------------------------------------------------------------- catalog

@dataclass(frozen=True)
class FileRecord:
    name: str
    created_at: datetime  # naive UTC, from the manifest
    size: int
    file_sha256: str
    image_sha256: str
    data_fingerprint: str
    recipient: str
    total_rows: int
    verified_at: datetime | None
    pinned: str | None = None
    problem: str | None = None


def _record(row: BackupFile) -> FileRecord:
    return FileRecord(row.name, row.created_at, row.size, row.file_sha256, row.image_sha256, row.data_fingerprint,
                      row.recipient, row.total_rows, row.verified_at, row.pinned, row.problem)


def catalog(db: Database) -> dict[str, FileRecord]:
    with db.session() as s:
        return {row.name: _record(row) for row in s.scalars(select(BackupFile))}


def put_file(db: Database, record: FileRecord) -> None:
    with db.session() as s:
        s.merge(BackupFile(**asdict(record)))


def set_pin(db: Database, name: str, reason: str) -> None:
    with db.session() as s:
        row = s.get(BackupFile, name)
        if row is not None and not row.pinned:
            row.pinned = reason


def set_problem(db: Database, name: str, problem: str | None) -> None:
    with db.session() as s:
        row = s.get(BackupFile, name)
        if row is not None:
            row.problem = problem


def forget_files(db: Database, names: list[str]) -> None:
    with db.session() as s:
        s.execute(delete(BackupFile).where(BackupFile.name.in_(names)))
