"""Importing customers: field by field into the database, de-duplicated, conflicts, undo, dry run, cancel."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from solocrm.db.database import Database
from solocrm.importing import batches, customer_import, mapping
from solocrm.importing.engine import BULK_ROWS, Background, ImportOptions, ImportReport, driver, run_import
from solocrm.importing.errors import MappingError
from solocrm.importing.sources import open_source
from solocrm.services import customers, timeline
from solocrm.services.customers import CustomerInput
from solocrm.services.search import CustomerQuery, customer_ids_statement
from tests.import_files import (
    PNG_1PX,
    android_vcf,
    gbk_csv_from_chinese_excel,
    iphone_vcf,
    xlsx_with_title_and_merged_cells,
)

NOW = datetime(2026, 6, 15, 9, 0)


def _import(db: Database, path: Path, kind: str = "customers", dry_run: bool = False, **options):  # noqa: ANN003, ANN202
    source = open_source(path)
    guessed = mapping.guess(kind, source.headers, source.preview)
    return run_import(db, source, ImportOptions(kind, guessed, **options), dry_run=dry_run, now=NOW)


def _dump(db: Database) -> list[list[tuple]]:
    conn = sqlite3.connect(db.path)
    try:
        return [conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall()
                for t in ("customer", "customer_phone", "customer_email", "customer_tag", "tag", "customer_change",
                          "custom_field", "custom_field_value", "customer_ref", "order", "import_batch")]
    finally:
        conn.close()


def _find(db: Database, text: str) -> list[int]:
    with db.session() as session:
        return list(session.scalars(customer_ids_statement(CustomerQuery(text=text))))


def test_gbk_csv_lands_field_by_field_and_bad_rows_are_listed(db: Database, tmp_path: Path) -> None:
    report = _import(db, gbk_csv_from_chinese_excel(tmp_path / "c.csv"))

    assert (report.rows_read, report.created, report.rejected) == (5, 4, 1)
    assert report.balanced()
    [reject] = report.rejects
    assert (reject.row, reject.column, reject.value) == (6, "手机号码", "138123456789")
    assert "“138123456789” is not a mobile number" in reject.reason
    assert "“2024-02-30” is not a real date" in reject.reason
    assert reject.cells == ("赵敏", "138123456789", "", "", "北京", "2024-02-30", "女", "")
    zhang = customers.load_input(db, _find(db, "张伟")[0])
    assert zhang.phones == ["138 1234 5678"]
    assert zhang.emails == ["zhangwei@qq.com"]
    assert (zhang.company, zhang.city, zhang.birthday, zhang.gender) == (
        "杭州青禾文化传媒有限公司", "杭州", date(1990, 1, 5), "male")
    assert zhang.tags == ["VIP"]
    li = customers.load_input(db, _find(db, "李娜")[0])
    assert li.phones == ["139 0000 1111", "0571 8765 4321"]
    assert (li.birthday, li.tags) == (date(1985, 3, 2), ["批发", "老客"])
    wang = customers.load_input(db, _find(db, "王芳")[0])
    assert wang.phones == ["136 0000 2222"] and wang.birthday == date(1992, 12, 30)
    assert _find(db, "zw") == _find(db, "张伟")  # pinyin initials are in the search index
    assert _find(db, "1234 5678") == _find(db, "张伟")
    notes = {(n.row, n.column): n.cleaned for n in report.notes}
    assert notes[(3, "生日")] == "1990-01-05"
    assert notes[(5, "手机号码")] == "136 0000 2222"


def test_a_row_without_phone_email_or_name_of_a_known_customer_is_rejected(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("姓名,手机\n,13800000000\n张伟,1380000\n,1390000\n", encoding="utf-8")
    report = _import(db, path)
    assert [r.row for r in report.rejects] == [2, 4]  # in the file's order, for the list and the rejects file
    assert report.rejects[0].reason.startswith("No name") and "not a mobile number" in report.rejects[1].reason
    assert [(p.row, p.value) for p in report.left_out] == [(3, "1380000")]  # 张伟 is kept without the number
    assert "not a mobile number" in report.left_out[0].reason and len(_find(db, "张伟")) == 1


def test_xlsx_and_vcards_import_with_refs_notes_and_photos(db: Database, tmp_path: Path) -> None:
    report = _import(db, xlsx_with_title_and_merged_cells(tmp_path / "c.xlsx"))
    assert (report.created, report.rejected) == (3, 0)
    liu = customers.load_input(db, _find(db, "刘洋")[0])
    assert (liu.phones, liu.birthday, liu.notes) == (["139 1234 5678"], date(1988, 7, 9), "喜欢少糖")
    with db.session() as session:
        refs = dict(session.execute(sqlite_text("SELECT ref, customer_id FROM customer_ref")).all())
    assert set(refs) == {"VIP0001", "VIP0002", "3"}

    _import(db, android_vcf(tmp_path / "a.vcf"))
    _import(db, iphone_vcf(tmp_path / "i.vcf"))
    sun = customers.load_input(db, _find(db, "孙丽")[0])
    assert sun.phones == ["138 0000 4444", "0571 8888 1234"]
    assert sun.notes == "老客户，每年中秋订月饼礼盒，喜欢五仁和蛋黄莲蓉"
    guo_id = _find(db, "郭静")[0]
    guo = customers.load_input(db, guo_id)
    assert (guo.company, guo.title, guo.city, guo.region, guo.birthday) == (
        "星辰网络科技有限公司 市场部", "市场总监", "杭州", "浙江省", date(1991, 4, 23))
    assert customers.photo(db, guo_id) == PNG_1PX
    emily = customers.load_input(db, _find(db, "emily")[0])
    assert emily.phones == ["+1 415-555-0100"]


def sqlite_text(sql: str):  # noqa: ANN201
    from sqlalchemy import text

    return text(sql)


def test_matching_rows_update_existing_customers_fill_only_and_conflicts_wait_for_a_choice(
        db: Database, tmp_path: Path) -> None:
    cid, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"], city="宁波", tags=["老客"]))
    path = tmp_path / "update.csv"
    path.write_text("姓名,手机,邮箱,城市,公司,标签\n张伟,+86 138 1234 5678,zw@example.com,杭州,青禾,VIP\n",
                    encoding="utf-8")

    report = _import(db, path)
    assert (report.updated, report.created) == (1, 0)
    assert [(c.field, c.existing, c.incoming) for c in report.conflicts] == [("city", "宁波", "杭州")]
    data = customers.load_input(db, cid)
    assert (data.city, data.company, data.emails, data.tags) == ("宁波", "青禾", ["zw@example.com"], ["VIP", "老客"])
    page = timeline.load(db, cid, now=NOW)
    history = {(i.fields["field"], i.fields["new"]) for i in page.items if i.kind == "change"}
    assert {("company", "青禾"), ("emails", "zw@example.com"), ("tags", "VIP, 老客")} <= history

    chosen = run_import(db, open_source(path), ImportOptions(
        "customers", mapping.guess("customers", ["姓名", "手机", "邮箱", "城市", "公司", "标签"], []),
        take_incoming=frozenset({(2, "city")})), now=NOW)
    assert chosen.updated == 1 and customers.load_input(db, cid).city == "杭州"

    again = _import(db, path)
    assert (again.skipped, again.updated, again.created) == (1, 0, 0)


def test_phones_and_emails_a_stored_customer_gains_come_after_those_they_had(db: Database, tmp_path: Path) -> None:
    cid, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"], emails=["zw@example.com"]))
    path = tmp_path / "more.csv"
    path.write_text("姓名,手机,邮箱\n张伟,13900000000 / 13812345678,zw@qq.com\n", encoding="utf-8")

    assert _import(db, path).updated == 1
    conn = sqlite3.connect(db.path)
    try:
        # position 0 is the number the customer list shows
        assert conn.execute("SELECT number, position FROM customer_phone WHERE customer_id = ? ORDER BY id",
                            (cid,)).fetchall() == [("+8613812345678", 0), ("+8613900000000", 1)]
        assert conn.execute("SELECT address, position FROM customer_email WHERE customer_id = ? ORDER BY id",
                            (cid,)).fetchall() == [("zw@example.com", 0), ("zw@qq.com", 1)]
    finally:
        conn.close()


def test_a_deleted_customer_can_be_put_back_after_an_import(db: Database, tmp_path: Path) -> None:
    # The import must not hand out the deleted customer's ids (and its phone's) to the customers it creates.
    customers.create(db, CustomerInput(name="王芳", phones=["13500000000"]))
    cid, _ = customers.create(db, CustomerInput(name="张伟", phones=["13812345678"], emails=["zw@example.com"]))
    deleted, _ = customers.delete_customer(db, cid)
    path = tmp_path / "new.csv"
    path.write_text("姓名,手机,邮箱\n李雷,13600000000,ll@qq.com\n", encoding="utf-8")
    assert _import(db, path).created == 1

    customers.restore_deleted(db, deleted)
    assert customers.load_input(db, cid).phones == ["138 1234 5678"]
    assert sorted(customers.load_input(db, c).name for c in _find(db, "qq.com") + _find(db, "example.com")) == [
        "张伟", "李雷"]


def test_duplicate_rows_in_one_file_merge_and_near_identical_names_are_flagged(db: Database, tmp_path: Path) -> None:
    customers.create(db, CustomerInput(name="張偉", company="青禾", phones=["13700000000"]))
    path = tmp_path / "dups.csv"
    path.write_text("姓名,手机,邮箱,公司\n"
                    "张伟,13812345678,,青禾\n"
                    "张伟,,zw@qq.com,\n"
                    "张伟,13812345678,zw@qq.com,\n"
                    "伟张,13900000000,,青禾\n", encoding="utf-8")
    report = _import(db, path)
    assert (report.created, report.merged) == (3, 1)
    found = {d.row: (d.reason, d.namesakes) for d in report.duplicates}
    # 张伟 and 伟张 each came with a phone of their own, as 張偉 has: most likely namesakes, listed only on request
    assert found == {2: ("traditional/simplified", True), 5: ("name in another order", True)}


def test_a_near_identical_name_without_a_phone_of_its_own_is_a_likely_duplicate(db: Database, tmp_path: Path) -> None:
    stored, _ = customers.create(db, CustomerInput(name="張偉", city="杭州", phones=["13700000000"]))
    no_phone, _ = customers.create(db, CustomerInput(name="李娜", city="杭州", emails=["ln@qq.com"]))
    path = tmp_path / "dups.csv"
    path.write_text("姓名,手机,邮箱,城市\n"
                    "张伟,,zw@qq.com,杭州\n"  # no phone: maybe 張偉 giving an email
                    "李娜,13900000000,,杭州\n"  # a phone, but the stored 李娜 has none: maybe her
                    "张伟,13800000000,,杭州\n", encoding="utf-8")  # another phone than 張偉's: a namesake
    report = _import(db, path)
    assert [(d.row, d.other_id, d.other_row, d.namesakes) for d in report.duplicates] == [
        (2, stored, None, False), (3, no_phone, None, False), (4, stored, None, True)]


def test_the_command_line_summary_of_a_big_file_groups_thousands() -> None:
    report = ImportReport("customers", "会员.csv", dry_run=False, rows_read=102000, created=99998, merged=2002)
    assert report.summary() == "102,000 rows read, 99,998 imported, 0 updated, 2,002 merged, 0 already there, " \
                               "0 rejected"


def test_a_write_that_fails_in_the_background_stops_there_and_reaches_the_import(tmp_path: Path) -> None:
    # Chunks queue up for the writing thread; after one fails, the ones queued behind it must not run (the
    # import then rolls back), and the failure must surface on the importing thread, not vanish with the thread.
    conn = sqlite3.connect(tmp_path / "t.sqlite3", isolation_level=None, check_same_thread=False)
    conn.execute("CREATE TABLE t (x INTEGER UNIQUE)")
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n"
    background = Background(conn, ahead=3)
    background.start((slow, ()), ("INSERT INTO t VALUES (1)", ()))  # all three are queued before any fails
    background.start(("INSERT INTO t VALUES (1)", ()))
    background.start(("INSERT INTO t VALUES (2)", ()))
    with pytest.raises(sqlite3.IntegrityError):
        background.wait()
    assert conn.execute("SELECT x FROM t").fetchall() == [(1,)]
    conn.close()


def test_later_rows_that_add_to_customers_already_written_in_a_big_file_keep_every_value(
        db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Big files insert new customers a chunk at a time while reading; a small chunk makes rows 1..10 written long
    # before the file's last rows repeat them with an email, a company and another tag.
    monkeypatch.setattr(customer_import, "WRITE_CHUNK", 100)
    before = _dump(db)
    count = BULK_ROWS + 200
    lines = [f"客户{i},1380000{i:04d},,老客,\n" for i in range(count)]
    lines += [f"客户{i},1380000{i:04d},k{i}@qq.com,回头客,青禾\n" for i in range(10)]
    path = tmp_path / "big.csv"
    path.write_text("姓名,手机,邮箱,标签,公司\n" + "".join(lines), encoding="utf-8")
    report = _import(db, path)
    assert (report.rows_read, report.created, report.merged) == (count + 10, count, 10)

    first = customers.load_input(db, _find(db, "13800000003")[0])
    assert (first.name, first.emails, first.company, sorted(first.tags)) == (
        "客户3", ["k3@qq.com"], "青禾", ["回头客", "老客"])
    assert _find(db, "k3@qq.com") == _find(db, "13800000003")  # the search index follows the rewrite
    assert len(_find(db, "qinghe")) == 10
    conn = sqlite3.connect(db.path)
    try:
        conn.execute("INSERT INTO customer_fts (customer_fts) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*), count(DISTINCT customer_id) FROM customer_change "
                            "WHERE field = 'created'").fetchone() == (count, count)
        assert conn.execute("SELECT count(*), count(DISTINCT name) FROM customer").fetchone() == (count, count)
        assert conn.execute("SELECT count(*) FROM customer_phone").fetchone()[0] == count
        assert conn.execute("SELECT count(*) FROM customer_tag").fetchone()[0] == count + 10
    finally:
        conn.close()

    batches.undo_batch(db, report.batch_id, now=NOW)
    assert _dump(db)[:-1] == before[:-1]


def test_an_import_reaches_the_database_file_itself_once_its_background_checkpoint_ran(
        db: Database, tmp_path: Path) -> None:
    # The commit leaves the write-ahead log to a checkpoint on another thread; the app's connection keeps its own.
    path = tmp_path / "many.csv"
    path.write_text("姓名,手机\n" + "".join(f"客户{i},1380000{i:04d}\n" for i in range(3000)), encoding="utf-8")
    assert _import(db, path).created == 3000

    db.wait_for_checkpoint()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db.path, copy)  # the file alone, without its -wal: what a file copy of the database takes
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 3000
    finally:
        conn.close()
    with db.session() as session:
        assert driver(session).execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


def test_undo_restores_the_database_exactly(db: Database, tmp_path: Path) -> None:
    customers.create(db, CustomerInput(name="张伟", phones=["13812345678"], city="宁波"))
    before = _dump(db)
    path = tmp_path / "u.csv"
    path.write_text("姓名,手机,邮箱,标签,鞋码\n张伟,13812345678,new@qq.com,VIP,42\n李雷,13600000000,,新标签,38\n",
                    encoding="utf-8")
    source = open_source(path)
    guessed = mapping.guess("customers", source.headers, source.preview)
    guessed["鞋码"] = "custom:鞋码"
    report = run_import(db, source, ImportOptions("customers", guessed), now=NOW)
    assert (report.created, report.updated) == (1, 1)
    assert customers.load_input(db, _find(db, "张伟")[0]).custom == {"鞋码": "42"}

    batches.undo_batch(db, report.batch_id, now=NOW)
    after = _dump(db)
    assert after[:-1] == before[:-1]  # every table but the history of imports itself
    assert [b.undone_at for b in batches.list_batches(db)] == [NOW]
    with pytest.raises(Exception, match="already undone"):
        batches.undo_batch(db, report.batch_id)


def test_dry_run_and_cancel_leave_the_database_as_it_was(db: Database, tmp_path: Path) -> None:
    before = _dump(db)
    path = gbk_csv_from_chinese_excel(tmp_path / "c.csv")
    dry = _import(db, path, dry_run=True)
    assert dry.created == 4 and dry.batch_id is None
    assert _dump(db) == before

    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    source = open_source(path)
    with pytest.raises(Cancelled):
        run_import(db, source, ImportOptions("customers", mapping.guess("customers", source.headers, source.preview)),
                   progress=lambda d, t: cancel(d, t) if d >= source.estimated_rows - 1 else None, now=NOW)
    assert _dump(db) == before
    _import(db, path)
    # An import skips checking the references it writes; afterwards the database checks them again.
    with db.session() as session, pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        driver(session).execute("INSERT INTO customer_phone (customer_id, number, position) VALUES (999, '+1', 0)")


def test_a_mapping_without_any_identity_column_is_refused(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("城市\n杭州\n", encoding="utf-8")
    with pytest.raises(MappingError, match="No column is mapped"):
        _import(db, path)


def test_ambiguous_day_month_dates_are_asked_once_per_file(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("Name,Birthday\nAnna,05/01/1990\nBen,06/02/1991\n", encoding="utf-8")
    with pytest.raises(MappingError, match="day/month or month/day"):
        _import(db, path)
    report = _import(db, path, date_order="dmy")
    assert report.created == 2
    assert customers.load_input(db, _find(db, "anna")[0]).birthday == date(1990, 1, 5)


def test_presets_are_reused_for_the_same_header_layout(db: Database) -> None:
    headers = ["客户", "电话号", "备注2"]
    mapping.save_preset(db, "customers", headers, {"客户": "name", "电话号": "phones", "备注2": "custom:爱好"})
    chosen, from_preset = mapping.initial(db, "customers", headers, [])
    assert from_preset and chosen == {"客户": "name", "电话号": "phones", "备注2": "custom:爱好"}
    assert mapping.initial(db, "customers", ["客户", "电话号"], [])[1] is False


def test_a_full_disk_stops_an_import_with_what_to_do_and_keeps_everything_stored(db: Database, tmp_path: Path) -> None:
    from sqlalchemy import event

    from solocrm.errors import DiskFull

    customers.create(db, CustomerInput(name="王老板", phones=["13700000000"]))
    before = _dump(db)
    conn = sqlite3.connect(db.path)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()

    def little_room(dbapi_conn, _record) -> None:  # noqa: ANN001 - the disk fills up a few pages on
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 5}")

    db.engine.dispose()
    event.listen(db.engine, "connect", little_room)
    path = tmp_path / "big.csv"
    path.write_text("姓名,手机,城市\n" + "".join(f"客户{i},1380000{i:04d},杭州\n" for i in range(3000)), encoding="utf-8")
    try:
        with pytest.raises(DiskFull, match="The disk is full, so this was not saved"):
            _import(db, path)
    finally:
        event.remove(db.engine, "connect", little_room)
        db.engine.dispose()
    assert _dump(db) == before
    assert _import(db, path).created == 3000  # with room again, the same file goes in


def test_cli_lists_likely_duplicates_and_counts_namesakes(db_path: Path, tmp_path: Path,
                                                          capsys) -> None:  # noqa: ANN001
    from solocrm.cli import main

    path = tmp_path / "c.csv"
    path.write_text("姓名,手机,邮箱,城市\n张伟,13700000000,,杭州\n张伟,,zw@qq.com,杭州\n张伟,13800000000,,杭州\n",
                    encoding="utf-8")
    assert main(["import", "customers", str(path), "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert "row 3: 张伟 may be the same as 张伟 (row 2, same name)" in out and "row 4:" not in out
    assert "Namesakes not listed: 1 (a name like a customer's in the same city or company, each with a phone" in out
