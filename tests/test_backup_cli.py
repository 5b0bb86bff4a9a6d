"""`solocrm backup ...`: exit codes and the error class in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from solocrm.backup import jobs
from solocrm.cli import main
from tests.backup_support import PASSPHRASE, add_customers, fail_keyring, memory_keyring  # noqa: F401


@pytest.fixture
def cli_setup(tmp_path: Path, capsys: pytest.CaptureFixture[str], fail_keyring) -> tuple[Path, Path, Path, str]:  # noqa: F811
    """A database set up through the CLI on a machine without a keyring: (db, folder, passphrase file, output)."""
    db = tmp_path / "shop.sqlite3"
    folder = tmp_path / "usb"
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    assert main(["demo", "--db", str(db), "--customers", "20"]) == 0
    capsys.readouterr()
    assert main(["backup", "init", "--db", str(db), "--to", str(folder), "--passphrase-file", str(secret)]) == 0
    return db, folder, secret, capsys.readouterr().out


def test_init_create_list_verify_restore(cli_setup, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, folder, secret, out = cli_setup
    assert "Recovery code" in out and "NOT kept on this computer" in out
    code = next(line.strip() for line in out.splitlines() if line.strip().startswith("AGE-SECRET-KEY-1"))
    (tmp_path / "code.txt").write_text(code + "\n")

    assert main(["backup", "create", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "NOT yet verified" in out
    assert main(["backup", "create", "--db", str(db)]) == 0
    assert "Skipped: nothing changed" in capsys.readouterr().out

    assert main(["backup", "list", "--db", str(db)]) == 0
    assert "not yet verified" in capsys.readouterr().out
    assert main(["backup", "verify", "--db", str(db), "--all", "--passphrase-file", str(secret)]) == 0
    assert "OK " in capsys.readouterr().out
    assert main(["backup", "list", "--db", str(db)]) == 0
    assert " verified" in capsys.readouterr().out

    backup = next(folder.glob("*.crmbak"))
    target = tmp_path / "elsewhere.sqlite3"
    assert main(["backup", "restore", str(backup), "--db", str(target), "--recovery-code-file",
                 str(tmp_path / "code.txt")]) == 0
    assert "Restored" in capsys.readouterr().out


def test_errors_exit_1_with_their_class(cli_setup, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db, folder, _secret, _out = cli_setup
    main(["backup", "create", "--db", str(db)])
    backup = next(folder.glob("*.crmbak"))
    capsys.readouterr()

    assert main(["backup", "verify", str(backup)]) == 1
    assert "key needed" in capsys.readouterr().err

    monkeypatch.setenv("SOLOCRM_BACKUP_PASSPHRASE", "not the passphrase at all")
    assert main(["backup", "verify", str(backup), "--db", str(db)]) == 1
    assert "wrong passphrase" in capsys.readouterr().err.lower()

    monkeypatch.setenv("SOLOCRM_BACKUP_PASSPHRASE", PASSPHRASE)
    damaged = tmp_path / "damaged.crmbak"
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 4
    damaged.write_bytes(bytes(data))
    (tmp_path / "notes.crmbak").write_text("把这个文件当作备份")
    assert main(["backup", "verify", str(damaged), str(tmp_path / "notes.crmbak"), str(backup),
                 "--db", str(db)]) == 1
    out = capsys.readouterr().out
    assert "FAILED" in out and "damaged or tampered" in out and "not a SoloCRM backup" in out
    assert f"OK      {backup}" in out

    before = db.read_bytes()
    assert main(["backup", "restore", str(damaged), "--db", str(db), "--yes"]) == 1
    assert "damaged or tampered" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_create_reports_a_missing_drive(cli_setup, capsys: pytest.CaptureFixture[str]) -> None:
    db, folder, _secret, _out = cli_setup
    folder.rename(folder.with_name("unplugged"))
    assert main(["backup", "create", "--db", str(db)]) == 1
    assert "write failed" in capsys.readouterr().err


def test_create_needs_backups_set_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "plain.sqlite3"
    assert main(["demo", "--db", str(db), "--customers", "3"]) == 0
    assert main(["backup", "create", "--db", str(db)]) == 1
    assert "backup init" in capsys.readouterr().err


def test_init_without_a_passphrase_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["backup", "init", "--db", str(tmp_path / "x.sqlite3"), "--to", str(tmp_path / "b")]) == 1
    assert "passphrase is needed" in capsys.readouterr().err


def test_prune_and_verified_create(tmp_path: Path, memory_keyring, capsys: pytest.CaptureFixture[str],  # noqa: F811
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "shop.sqlite3"
    monkeypatch.setenv("SOLOCRM_BACKUP_PASSPHRASE", PASSPHRASE)
    assert main(["backup", "init", "--db", str(db), "--to", str(tmp_path / "b")]) == 0
    assert "kept in this computer's keyring" in capsys.readouterr().out
    for _ in range(2):
        add_customers(db, 1)
        assert main(["backup", "create", "--db", str(db)]) == 0
        assert "Written and verified" in capsys.readouterr().out
    assert main(["backup", "prune", "--db", str(db), "--dry-run"]) == 0
    assert "Nothing to prune" in capsys.readouterr().out
    assert len(jobs.list_backups(None, tmp_path / "b")) == 2
