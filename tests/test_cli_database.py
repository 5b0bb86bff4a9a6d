"""Which database the command line works on: only the one the user named, wherever --db stands.

Real ``solocrm`` processes, each with its own data folder (SOLOCRM_DATA_DIR),
so a command that fell back to the default database would be seen doing it.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from solocrm.db.database import Database
from solocrm.errors import DatabaseOpenError

ROOT = Path(__file__).resolve().parents[1]


def solocrm(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOLOCRM_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])])}
    return subprocess.run([sys.executable, "-m", "solocrm", *args], capture_output=True, text=True, timeout=180,
                          env=env, cwd=tmp_path, check=False)


def customers(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database made once; tests that write to it copy it first."""
    folder = tmp_path_factory.mktemp("shop")
    result = solocrm(folder, "--db", "shop.sqlite3", "demo", "--customers", "3")  # --db before the command
    assert result.returncode == 0, result.stderr
    return folder / "shop.sqlite3"


def test_db_before_the_command_is_the_database_imported_into(shop: Path, tmp_path: Path) -> None:
    db = tmp_path / "shop.sqlite3"
    db.write_bytes(shop.read_bytes())
    (tmp_path / "c.csv").write_text("name,phone\n张三丰,13800138000\n", encoding="utf-8")
    result = solocrm(tmp_path, "--db", "shop.sqlite3", "import", "customers", "c.csv")
    assert result.returncode == 0, result.stderr
    assert customers(db)[-1] == "张三丰"
    assert not (tmp_path / "data").exists()  # the default database was neither made nor touched


@pytest.mark.parametrize("command", [
    ("export", "customers", "--format", "csv", "--out", "out.csv"),
    ("analytics",),
    ("report", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "r.pdf"),
    ("backup", "create"),
    ("backup", "verify", "--all"),
    ("backup", "list"),
], ids=" ".join)
@pytest.mark.parametrize("where", ["before", "after"])
def test_a_command_that_reads_refuses_a_database_that_is_not_there(tmp_path: Path, command: tuple[str, ...],
                                                                   where: str) -> None:
    db = ["--db", "typo.sqlite3"]
    result = solocrm(tmp_path, *(db + list(command) if where == "before" else list(command) + db))
    assert result.returncode == 1
    assert "There is no database at typo.sqlite3. Check the path given with --db" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no database, no lock file, no output


@pytest.mark.parametrize("command", [
    ("import", "customers", "c.csv"),
    ("demo", "--customers", "2"),
    ("export", "customers", "--format", "csv", "--out", "out.csv"),
    ("backup", "create"),
    ("backup", "list"),
], ids=" ".join)
def test_an_empty_file_is_refused_and_left_empty(tmp_path: Path, command: tuple[str, ...]) -> None:
    (tmp_path / "c.csv").write_text("name\n李四\n", encoding="utf-8")
    empty = tmp_path / "shop.sqlite3"
    empty.write_bytes(b"")
    result = solocrm(tmp_path, *command, "--db", "shop.sqlite3")
    assert result.returncode == 1
    assert "is empty (0 bytes), so it is not a SoloCRM database" in result.stderr
    assert "delete the empty file first" in result.stderr and "Traceback" not in result.stderr
    assert empty.stat().st_size == 0
    assert not Path(f"{empty}-wal").exists()


def test_the_app_refuses_an_empty_file_too(tmp_path: Path) -> None:
    empty = tmp_path / "shop.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseOpenError, match="is empty"):
        Database.open(empty)
    assert empty.stat().st_size == 0
    assert not list(tmp_path.glob("shop.sqlite3-*"))  # no -wal, no -shm: SQLite never opened it


def test_db_twice_with_different_paths_is_bad_usage(shop: Path, tmp_path: Path) -> None:
    result = solocrm(tmp_path, "--db", str(shop), "export", "customers", "--format", "csv", "--out", "out.csv",
                     "--db", "other.sqlite3")
    assert result.returncode == 2
    assert "--db is given twice with different paths" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_db_twice_naming_the_same_file_is_one_database(shop: Path, tmp_path: Path) -> None:
    result = solocrm(shop.parent, "--db", str(shop), "export", "customers", "--format", "csv",
                     "--out", str(tmp_path / "out.csv"), "--db", "./shop.sqlite3")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 customers written")


def test_db_with_a_command_that_uses_none_is_bad_usage(tmp_path: Path) -> None:
    result = solocrm(tmp_path, "--db", "shop.sqlite3", "remove-desktop-entry")
    assert result.returncode == 2
    assert "remove-desktop-entry does not use a database" in result.stderr


@pytest.mark.parametrize("name", ["50% off?.sqlite3", "店 #1%20.sqlite3"])
def test_the_file_named_is_the_file_opened_whatever_its_name(shop: Path, tmp_path: Path, name: str) -> None:
    named = tmp_path / name
    named.write_bytes(shop.read_bytes())
    result = solocrm(tmp_path, "export", "customers", "--format", "csv", "--out", "out.csv", "--db", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("3 customers written")  # read from the file named, not from a new one
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(name)) == ["out.csv"]
