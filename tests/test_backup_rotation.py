"""Rotation golden tests over 400 days: gaps, several backups a day, DST, ISO week 53 (backup.md test 16)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from solocrm.backup import jobs, store
from solocrm.backup.rotation import Candidate, check_policy, plan
from solocrm.backup.store import Policy
from solocrm.db.database import Database
from solocrm.errors import ValidationError
from tests.backup_support import (  # noqa: F401
    add_customers,
    backup_dir,
    configured,
    key_template,
    memory_keyring,
)

BERLIN = ZoneInfo("Europe/Berlin")  # has DST, unlike Asia/Shanghai
SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(tz, *args: int) -> datetime:
    return datetime(*args, tzinfo=tz).astimezone(UTC)


def _c(name: str, when: datetime, **kw: object) -> Candidate:
    return Candidate(name, when, kw.pop("verified", True), **kw)  # type: ignore[arg-type]


def test_small_golden_case_by_hand() -> None:
    tz = SHANGHAI
    backups = [
        _c("d1-09", _at(tz, 2026, 6, 1, 9)), _c("d1-18", _at(tz, 2026, 6, 1, 18)),
        _c("d2-09", _at(tz, 2026, 6, 2, 9)), _c("d4-09", _at(tz, 2026, 6, 4, 9)),
        _c("d4-23", _at(tz, 2026, 6, 4, 23, 30)), _c("d5-00", _at(tz, 2026, 6, 5, 0, 30)),
    ]
    result = plan(backups, Policy(last=1, daily=3, weekly=0, monthly=0, yearly=0), _at(tz, 2026, 6, 5, 12), tz)
    # newest per local day for the three newest days: 5th, 4th (23:30, not 09:00), 2nd
    assert sorted(result.keep) == ["d2-09", "d4-23", "d5-00"]
    assert result.remove == ["d1-09", "d1-18", "d4-09"]
    assert result.keep["d5-00"] == ["newest verified", "last", "daily"]


def test_buckets_use_local_dates_not_utc() -> None:
    # 2026-06-01 23:30 in Shanghai is 15:30 UTC; 2026-06-02 07:00 Shanghai is 2026-06-01 23:00 UTC
    late, early = _at(SHANGHAI, 2026, 6, 1, 23, 30), _at(SHANGHAI, 2026, 6, 2, 7)
    result = plan([_c("late", late), _c("early", early)], Policy(0, 2, 0, 0, 0), _at(SHANGHAI, 2026, 6, 3), SHANGHAI)
    assert set(result.keep) == {"late", "early"}  # two local days, though both are June 1st in UTC


def test_iso_week_53_is_its_own_week() -> None:
    # 2026 has 53 ISO weeks: Mon 2026-12-28 .. Sun 2027-01-03 is 2026-W53
    days = [_at(BERLIN, 2026, 12, 27, 12), _at(BERLIN, 2026, 12, 28, 12), _at(BERLIN, 2027, 1, 3, 12),
            _at(BERLIN, 2027, 1, 4, 12)]
    backups = [_c(f"b{i}", d) for i, d in enumerate(days)]
    result = plan(backups, Policy(0, 0, 3, 0, 0), _at(BERLIN, 2027, 1, 5), BERLIN)
    assert days[2].astimezone(BERLIN).isocalendar()[:2] == (2026, 53)
    assert set(result.keep) == {"b0", "b2", "b3"}  # W52 Sunday, W53 newest (Jan 3rd), W01
    assert result.remove == ["b1"]


def test_dst_changes_do_not_split_or_merge_days() -> None:
    # Berlin: clocks go forward 2026-03-29 02:00, back 2026-10-25 03:00
    stamps = [_at(BERLIN, 2026, 3, 29, 0, 30), _at(BERLIN, 2026, 3, 29, 3, 30), _at(BERLIN, 2026, 3, 29, 23, 59),
              datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 CEST
              datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 CET, the repeated hour
              _at(BERLIN, 2026, 10, 25, 23, 0)]
    backups = [_c(f"s{i}", t) for i, t in enumerate(stamps)]
    result = plan(backups, Policy(0, 10, 0, 0, 0), _at(BERLIN, 2026, 11, 1), BERLIN)
    assert set(result.keep) == {"s2", "s5"}  # one per local day: March 29th and October 25th


def _year_of_backups(seed: int) -> list[Candidate]:
    """400 days with gaps (vacations), several backups on busy days, at random local times."""
    rng = random.Random(seed)
    out = []
    day = datetime(2026, 1, 1, tzinfo=BERLIN)
    for n in range(400):
        current = day + timedelta(days=n)
        if 40 <= n < 61 or 200 <= n < 203 or rng.random() < 0.15:
            continue
        for k in range(rng.choice((1, 1, 1, 2, 3, 5))):
            local = current.replace(hour=rng.randrange(7, 23), minute=rng.randrange(60), second=k)
            out.append(_c(f"{local:%Y%m%d-%H%M%S}", local.astimezone(UTC)))
    return out


def _reference(backups: list[Candidate], policy: Policy, tz) -> set[str]:
    """The rule as restic documents it, written plainly: newest in each of the N newest buckets."""
    ordered = sorted(backups, key=lambda b: b.created_at, reverse=True)
    keep = {b.name for b in ordered[: policy.last]}
    for count, key in ((policy.daily, lambda t: t.date()), (policy.weekly, lambda t: t.isocalendar()[:2]),
                       (policy.monthly, lambda t: (t.year, t.month)), (policy.yearly, lambda t: t.year)):
        newest_in_bucket: dict[object, str] = {}
        for b in ordered:
            newest_in_bucket.setdefault(key(b.created_at.astimezone(tz)), b.name)
        buckets = sorted(newest_in_bucket, reverse=True)[:count]
        keep |= {newest_in_bucket[k] for k in buckets}
    return keep


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_400_days_match_the_documented_rule(seed: int) -> None:
    backups = _year_of_backups(seed)
    now = datetime(2027, 2, 5, tzinfo=UTC)
    policy = Policy()
    result = plan(backups, policy, now, BERLIN)
    assert set(result.keep) == _reference(backups, policy, BERLIN)
    assert set(result.keep) | set(result.remove) == {b.name for b in backups}
    # the defaults keep 3 + 7 + 5 + 12 + 3 at most, and more than the yearly count
    assert 10 <= len(result.keep) <= 30


GOLDEN_SEED_1 = {
    # 12 monthly: the newest of each month back from February 2027 (Dec 31st also the newest of 2026)
    "20260331-151300": ["monthly"], "20260430-201302": ["monthly"], "20260531-123200": ["monthly"],
    "20260629-154901": ["monthly"], "20260731-111600": ["monthly"], "20260831-151101": ["monthly"],
    "20260930-153000": ["monthly"], "20261031-220200": ["monthly"], "20261130-135401": ["monthly"],
    "20261231-211802": ["monthly", "yearly"],
    # 5 weekly: ISO weeks 2027-W05, W04, W03 (Sunday the 24th), W02, W01
    "20270110-154800": ["weekly"], "20270117-192402": ["weekly"],
    # 7 daily: the seven newest days that have a backup (gaps on the 27th, 29th-31st, Feb 2nd)
    "20270123-165100": ["daily"], "20270124-200000": ["daily", "weekly"], "20270125-220700": ["daily"],
    "20270126-185001": ["daily"], "20270128-165901": ["last", "daily", "weekly", "monthly"],
    "20270201-090300": ["last", "daily"],
    "20270203-073900": ["newest verified", "last", "daily", "weekly", "monthly", "yearly"],
}


def test_golden_keep_list_for_400_days() -> None:
    backups = _year_of_backups(1)
    result = plan(backups, Policy(), datetime(2027, 2, 5, tzinfo=UTC), BERLIN)
    assert result.keep == GOLDEN_SEED_1
    assert len(result.remove) == len(backups) - len(GOLDEN_SEED_1)


def test_protected_backups_are_never_deleted() -> None:
    now = datetime(2027, 2, 5, tzinfo=UTC)
    backups = _year_of_backups(2)
    oldest = backups[0]
    special = [
        _c("pinned-old", oldest.created_at - timedelta(days=30), pinned="before restoring x"),
        _c("unverified", oldest.created_at - timedelta(days=31), verified=False),
        _c("quarantined", oldest.created_at - timedelta(days=32), problem="damaged or tampered"),
        _c("future", now + timedelta(days=400)),
    ]
    result = plan(backups + special, Policy(1, 0, 0, 0, 0), now, BERLIN)
    for b in special:
        assert b.name in result.keep, b.name
    newest_real = max(backups, key=lambda b: b.created_at)
    assert newest_real.name in result.keep  # the future-dated one did not take the "last" slot
    assert len(result.remove) == len(backups) - 1


def test_only_unverified_backups_means_nothing_is_deleted() -> None:
    backups = [_c(f"u{i}", datetime(2026, 1, 1 + i, tzinfo=UTC), verified=False) for i in range(10)]
    assert plan(backups, Policy(1, 0, 0, 0, 0), datetime(2026, 2, 1, tzinfo=UTC), BERLIN).remove == []


def test_an_empty_policy_is_refused() -> None:
    with pytest.raises(ValidationError):
        check_policy(Policy(0, 0, 0, 0, 0))
    with pytest.raises(ValidationError):
        plan([], Policy(0, 0, 0, 0, 0), datetime(2026, 1, 1, tzinfo=UTC))


def test_prune_deletes_real_files_only_after_a_verified_backup(configured, db: Database, backup_dir: Path) -> None:  # noqa: F811
    store.update_config(db, policy=Policy(last=2, daily=0, weekly=0, monthly=0, yearly=0))
    made = []
    for i in range(4):
        add_customers(db.path, 1)
        made.append(jobs.create(db))
    names = sorted(p.name for p in backup_dir.glob("*.crmbak"))
    assert names == sorted(m.path.name for m in made[-2:])
    assert made[-1].pruned == (made[1].path.name,)
    assert set(store.catalog(db)) == set(names)


def test_a_live_database_that_fails_its_check_is_not_backed_up_and_the_last_good_backup_is_pinned(
        configured, db: Database, backup_dir: Path) -> None:  # noqa: F811
    import sqlite3

    from solocrm.backup.errors import SnapshotFailed

    good = jobs.create(db)
    assert good.outcome == "succeeded"
    add_customers(db.path, 3)
    # Damage the live file the way a failing disk does: an index no longer matches its table.
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, '(archived, name)', '(archived, created_at)') "
                 "WHERE name = 'ix_customer_archived_name'")
    conn.commit()
    conn.close()
    with pytest.raises(SnapshotFailed, match="failed its integrity check"):
        jobs.create(db, force=True)
    assert sorted(p.name for p in backup_dir.iterdir() if p.suffix != ".age") == [good.path.name]
    assert not list(backup_dir.glob("*.part"))
    assert store.catalog(db)[good.path.name].pinned == "last good backup before the database failed its check"
