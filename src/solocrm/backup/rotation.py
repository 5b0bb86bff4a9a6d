"""Which backups to keep: restic ``forget`` semantics with protections that never prune.

Buckets are the local date (day, ISO week, month, year) of the authenticated
creation time; walking from the newest, each rule keeps the newest backup of
each of its first N buckets, and a backup kept by any rule is kept.  Only
verified backups take part.  Never deleted, whatever the counts: the newest
verified backup, pinned ones, unverified or quarantined ones (we cannot tell
what they hold), and future-dated ones (a wrong clock must not eat history).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from solocrm.backup.store import Policy
from solocrm.errors import ValidationError
from solocrm.translatable import QT_TRANSLATE_NOOP

FUTURE_TOLERANCE = timedelta(minutes=5)


@dataclass(frozen=True)
class Candidate:
    name: str
    created_at: datetime  # aware, UTC
    verified: bool
    pinned: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class Plan:
    keep: dict[str, list[str]]  # name -> reasons
    remove: list[str]


def check_policy(policy: Policy) -> None:
    counts = (policy.last, policy.daily, policy.weekly, policy.monthly, policy.yearly)
    if any(c < 0 for c in counts):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "Keep counts cannot be negative."))
    if not any(counts):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "errors", "This rotation policy would keep nothing. Keep at least one backup in some rule."))


def _buckets(tz: tzinfo) -> list[tuple[str, Callable[[datetime, int], object]]]:
    def local(t: datetime) -> datetime:
        return t.astimezone(tz)

    return [
        ("last", lambda t, i: i),
        ("daily", lambda t, i: local(t).date()),
        ("weekly", lambda t, i: local(t).isocalendar()[:2]),
        ("monthly", lambda t, i: (local(t).year, local(t).month)),
        ("yearly", lambda t, i: local(t).year),
    ]


def plan(backups: Sequence[Candidate], policy: Policy, now: datetime, tz: tzinfo | None = None) -> Plan:
    """Decide; deletes nothing.  ``now`` is aware; ``tz`` defaults to the machine's local zone."""
    check_policy(policy)
    tz = tz or datetime.now(UTC).astimezone().tzinfo
    keep: dict[str, list[str]] = {}

    def protect(name: str, reason: str) -> None:
        keep.setdefault(name, []).append(reason)

    counted = []
    for b in backups:
        if b.pinned:
            protect(b.name, f"pinned: {b.pinned}")
        if not b.verified or b.problem:
            protect(b.name, "not verified" if not b.problem else f"quarantined: {b.problem}")
        elif b.created_at > now + FUTURE_TOLERANCE:
            protect(b.name, "dated in the future")
        else:
            counted.append(b)
    counted.sort(key=lambda b: (b.created_at, b.name), reverse=True)
    if counted:
        protect(counted[0].name, "newest verified")
    for rule, bucket in _buckets(tz):
        left = getattr(policy, rule)
        last: object = object()
        for index, b in enumerate(counted):
            if left <= 0:
                break
            value = bucket(b.created_at, index)
            if value != last:
                last = value
                left -= 1
                protect(b.name, rule)
    remove = [b.name for b in counted if b.name not in keep]
    return Plan(keep, sorted(remove))
