"""Hostile and broken files stop early with a message naming the limit, never filling memory or the terminal."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pytest

import solocrm
from solocrm.db.database import Database
from solocrm.importing import mapping, sources, vcard
from solocrm.importing.engine import ImportOptions, run_import
from solocrm.importing.errors import OverLimit
from solocrm.importing.sources import open_source
from tests.import_files import PNG_1PX, vcf_with_photo, xlsx_with_one_shared_string


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(solocrm.__file__).parents[1]), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "solocrm", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_a_shared_string_bomb_is_refused_before_it_is_unpacked_and_the_cli_says_so(tmp_path: Path) -> None:
    bomb = xlsx_with_one_shared_string(tmp_path / "bomb.xlsx", "A" * (17 << 20))  # 19 KB unpacking to 17 MB
    done = _cli("import", "customers", str(bomb), "--db", str(tmp_path / "crm.sqlite3"))
    assert done.returncode == 1
    assert "bomb.xlsx would unpack to 17 MB" in done.stderr and "the limit is 100 times" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stdout + done.stderr) < 1000


def test_an_xlsx_cell_longer_than_excel_allows_stops_naming_the_row(tmp_path: Path) -> None:
    path = xlsx_with_one_shared_string(tmp_path / "long.xlsx", "x" * (sources.MAX_CELL_CHARS + 1))
    with pytest.raises(OverLimit, match="Row 1 has a cell longer than 32767 characters"):
        open_source(path)


@pytest.mark.parametrize(("line", "message"), [
    (",".join(f"c{i}" for i in range(sources.MAX_COLUMNS + 1)), "Row 2 has 1001 columns, more than the 1000"),
    ("张三," + "y" * (sources.MAX_CELL_CHARS + 1), "Row 2 has a cell longer than 32767 characters"),
])
def test_a_csv_row_wider_or_with_a_longer_cell_than_any_table_stops_naming_the_row(
        tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(f"姓名,电话\n{line}\n", encoding="utf-8")
    with pytest.raises(OverLimit, match=message):
        open_source(path)


def test_a_quote_that_never_closes_stops_at_the_cell_limit_and_the_cli_says_so(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    rest = "\n".join(["王五,13900000000"] * 3000)  # 45,000 characters of lines swallowed by the open quote
    path.write_text(f'姓名,电话\n"张三,13800000000\n{rest}\n', encoding="utf-8")
    done = _cli("import", "customers", str(path), "--db", str(tmp_path / "crm.sqlite3"))
    assert done.returncode == 1
    assert "Row 2 has a cell longer than 32767 characters" in done.stderr and len(done.stderr) < 1000


def test_a_vcard_photo_over_the_limit_stops_naming_the_contact(tmp_path: Path) -> None:
    photo = base64.b64encode(b"\xff" * (vcard.MAX_PHOTO_BYTES + 3)).decode("ascii")
    path = vcf_with_photo(tmp_path / "big.vcf", photo)
    with pytest.raises(OverLimit, match="The photo of the contact in row 2 is larger than 5 MB"):
        open_source(path)


def test_a_vcard_photo_at_the_limit_is_imported_whole(tmp_path: Path) -> None:
    picture = PNG_1PX + b"\x00" * (vcard.MAX_PHOTO_BYTES - len(PNG_1PX))
    path = vcf_with_photo(tmp_path / "big.vcf", base64.b64encode(picture).decode("ascii"))
    assert open_source(path).preview[0][-1] == picture


def test_a_vcard_photo_that_is_not_base64_is_listed_and_the_contact_imported(db: Database, tmp_path: Path) -> None:
    path = vcf_with_photo(tmp_path / "bad.vcf", "iVBOR*not~base64!!")
    source = open_source(path)
    report = run_import(db, source, ImportOptions("customers", mapping.guess("customers", source.headers,
                                                                             source.preview)))
    assert (report.created, report.rejected) == (1, 0)
    assert [(p.row, p.column, p.reason) for p in report.left_out] == [
        (2, "Photo", "Photo: the photo is damaged (not valid base64)")]
    assert db.path.exists()


def test_a_rejected_cell_is_cut_short_in_what_the_cli_prints(tmp_path: Path) -> None:
    path = tmp_path / "orders.csv"
    path.write_text("订单号,手机,金额,日期\nA1,13812345678,100," + "9" * 30_000 + "\n", encoding="utf-8")
    done = _cli("import", "orders", str(path), "--db", str(tmp_path / "crm.sqlite3"))
    assert done.returncode == 0 and "1 rejected" in done.stdout
    assert "9" * 80 + "…" in done.stderr and len(done.stderr) < 1000


def test_text_named_xlsx_over_a_limit_names_the_limit_not_the_file_kind(tmp_path: Path) -> None:
    path = tmp_path / "till.xlsx"  # tills save CSV under an Excel name
    path.write_text("姓名,电话\n张三," + "y" * (sources.MAX_CELL_CHARS + 1) + "\n", encoding="utf-8")
    with pytest.raises(OverLimit, match="Row 2 has a cell longer than 32767 characters"):
        open_source(path)
