"""Reading files as people have them: GBK CSV from Chinese Excel, xlsx with a title, .xls, phone vCards."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from solocrm.importing import mapping, values
from solocrm.importing.errors import UndecodableLines, UnreadableFile
from solocrm.importing.sources import open_source
from tests.import_files import (
    PNG_1PX,
    android_vcf,
    gbk_csv_from_chinese_excel,
    utf8_csv_with_one_gbk_line,
    iphone_vcf,
    xlsx_with_title_and_merged_cells,
)


def test_gbk_csv_with_title_line_is_read_and_its_columns_guessed(tmp_path: Path) -> None:
    source = open_source(gbk_csv_from_chinese_excel(tmp_path / "会员.csv"))
    assert source.encoding == "gb18030"
    assert source.header_row == 2
    assert source.headers == ["姓名", "手机号码", "邮箱", "公司", "城市", "生日", "性别", "标签"]
    assert source.preview[1][1] == "+86 139-0000-1111, 0571-8765 4321"
    guessed = mapping.guess("customers", source.headers, source.preview)
    assert guessed == {"姓名": "name", "手机号码": "phones", "邮箱": "emails", "公司": "company", "城市": "city",
                       "生日": "birthday", "性别": "gender", "标签": "tags"}


@pytest.mark.parametrize(("encoding", "delimiter"), [("utf-16", "\t"), ("utf-8-sig", ";"), ("utf-8", ",")])
def test_encodings_and_delimiters_are_detected(tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = tmp_path / "people.txt"
    path.write_bytes(delimiter.join(["Name", "Mobile", "City"]).encode(encoding) +
                     "\r\n王芳{0}13600002222{0}杭州\r\n".format(delimiter).encode(encoding.replace("-sig", "")
                                                                            .replace("utf-16", "utf-16-le")))
    source = open_source(path)
    assert source.delimiter == delimiter
    assert source.headers == ["Name", "Mobile", "City"]
    assert source.preview == [["王芳", "13600002222", "杭州"]]


def test_one_gbk_line_in_a_utf8_file_is_named_not_read_as_mojibake(tmp_path: Path) -> None:
    path = utf8_csv_with_one_gbk_line(tmp_path / "客户.csv", gbk_line=3002)
    with pytest.raises(UndecodableLines) as refused:
        open_source(path)
    assert refused.value.encoding == "utf-8" and refused.value.lines == (3002,)
    assert "Lines that cannot be read as UTF-8: 3002 (1 in all)" in refused.value.message
    assert refused.value.samples[0].decode("gbk") == "王芳,13900000000,北京"

    source = open_source(path, skip_undecodable=True)
    assert source.encoding == "utf-8" and source.skipped_lines == (3002,)
    assert source.headers == ["姓名", "手机", "城市"]
    rows = list(source.rows())
    assert len(rows) == 6000 and ["王芳", "13900000000", "北京"] not in [cells for _n, cells in rows]
    assert rows[3000] == (3003, ["客户3000", "13800003000", "杭州"])  # row numbers stay the file's

    as_gbk = open_source(path, encoding="gb18030")  # the user's choice is taken as it is
    assert as_gbk.skipped_lines == () and as_gbk.headers[0] != "姓名"


def test_a_gbk_file_with_a_line_of_utf8_reads_as_gbk_with_that_line_named(tmp_path: Path) -> None:
    path = gbk_csv_from_chinese_excel(tmp_path / "会员.csv")
    path.write_bytes(path.read_bytes() + "孙丽,13700000000,,,杭州,,女,\r\n".encode())
    with pytest.raises(UndecodableLines) as refused:
        open_source(path)
    assert refused.value.encoding == "gb18030" and refused.value.lines == (8,)
    source = open_source(path, skip_undecodable=True)
    assert source.headers[0] == "姓名" and len(list(source.rows())) == 5


def test_several_undecodable_lines_are_listed_with_their_count(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    lines = ["姓名,手机".encode(), *(f"客户{i},1380000{i:04d}".encode() for i in range(100))]
    for number in (5, 20, 21, 60, 80, 99, 101):
        lines[number - 1] = f"坏{number},1390000{number:04d}".encode("gbk")
    path.write_bytes(b"\r\n".join(lines))
    with pytest.raises(UndecodableLines) as refused:
        open_source(path)
    assert "Lines that cannot be read as UTF-8: 5, 20, 21, 60, 80, … (7 in all)" in refused.value.message
    assert len(list(open_source(path, skip_undecodable=True).rows())) == 93


def test_a_multiline_record_holding_an_undecodable_line_is_skipped_whole(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_bytes("姓名,备注\n张伟,\"第一行\n".encode() + "第二行".encode("gbk") + "\"\n李娜,好\n".encode())
    source = open_source(path, skip_undecodable=True)
    assert source.skipped_lines == (3,)
    assert [cells for _n, cells in source.rows()] == [["李娜", "好"]]


def test_xlsx_skips_title_and_merged_rows_and_keeps_typed_cells(tmp_path: Path) -> None:
    source = open_source(xlsx_with_title_and_merged_cells(tmp_path / "客户.xlsx"))
    assert source.sheet == "客户"
    assert source.header_row == 3
    assert source.headers == ["客户名称", "联系电话", "电子邮箱", "出生日期", "会员卡号", "备注"]
    assert source.preview[0] == ["刘洋", 13912345678, "liuyang@example.com", datetime(1988, 7, 9), "VIP0001",
                                 "喜欢少糖"]
    assert len(source.preview) == 3  # the empty row is left out
    guessed = mapping.guess("customers", source.headers, source.preview)
    assert guessed["会员卡号"] == "ref" and guessed["出生日期"] == "birthday" and guessed["联系电话"] == "phones"


def test_legacy_xls_is_read_with_dates(tmp_path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for col, text in enumerate(["姓名", "电话", "生日"]):
        sheet.write(0, col, text)
    sheet.write(1, 0, "黄磊")
    sheet.write(1, 1, "13600001111")
    sheet.write(1, 2, datetime(1990, 2, 3), xlwt.easyxf(num_format_str="yyyy-mm-dd"))
    path = tmp_path / "old.xls"
    book.save(str(path))
    source = open_source(path)
    assert source.kind == "xls"
    assert source.preview == [["黄磊", "13600001111", datetime(1990, 2, 3).date()]]


def test_android_vcard_quoted_printable_with_charset(tmp_path: Path) -> None:
    source = open_source(android_vcf(tmp_path / "contacts.vcf"))
    first, second = source.preview
    row = dict(zip(source.headers, first))
    assert row["Name"] == "孙丽"
    assert row["Phones"] == "138-0000-4444; 0571 8888 1234"
    assert row["Emails"] == "sunli@qq.com"
    assert row["Notes"] == "老客户，每年中秋订月饼礼盒，喜欢五仁和蛋黄莲蓉"
    assert dict(zip(source.headers, second))["Name"] == "马超"


def test_iphone_and_v4_vcards_with_photos_groups_and_escapes(tmp_path: Path) -> None:
    source = open_source(iphone_vcf(tmp_path / "iCloud.vcf"))
    guo, emily = (dict(zip(source.headers, r)) for r in source.preview)
    assert guo["Name"] == "郭静"
    assert guo["Company"] == "星辰网络科技有限公司 市场部"
    assert guo["Title"] == "市场总监"
    assert guo["Phones"] == "+86 137 0000 6666"
    assert guo["Address"] == "文三路 90 号, 5 楼"
    assert (guo["City"], guo["Region"], guo["Birthday"]) == ("杭州", "浙江省", "1991-04-23")
    assert guo["Photo"] == PNG_1PX
    assert emily["Phones"] == "+1-415-555-0100"
    assert emily["Photo"] == PNG_1PX


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"PK\x03\x04 not really a zip", "not a readable Excel file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1broken", "not a readable .xls"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off", "ends in the middle of a contact"),
    (bytes(range(256)) * 4, "not"),
])
def test_unreadable_files_raise_a_user_error_with_a_message(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as info:
        open_source(path)
    assert message in info.value.message


def test_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="does not exist"):
        open_source(tmp_path / "nope.csv")


@pytest.mark.parametrize(("cell", "expected"), [
    ("138 1234 5678", ["+8613812345678"]), ("+86-138-1234-5678", ["+8613812345678"]),
    ("0086 13812345678", ["+8613812345678"]), ("８６１３８１２３４５６７８", ["+8613812345678"]),
    (13812345678.0, ["+8613812345678"]), ("021-6234 5678", ["+862162345678"]),
    ("13812345678 / 13912345678", ["+8613812345678", "+8613912345678"]),
    ("13812345678、13812345678", ["+8613812345678"]),
])
def test_phone_cleaning(cell: object, expected: list[str]) -> None:
    assert values.phones(cell, "CN") == (expected, [])


@pytest.mark.parametrize(("cell", "order", "expected"), [
    ("2024-1-5", "ymd", datetime(2024, 1, 5)), ("2024/01/05", "ymd", datetime(2024, 1, 5)),
    ("2024年1月5日", "ymd", datetime(2024, 1, 5)), ("2024.1.5", "ymd", datetime(2024, 1, 5)),
    ("2024-01-05 14:30", "ymd", datetime(2024, 1, 5, 14, 30)), (45296, "ymd", datetime(2024, 1, 5)),
    ("20240105", "ymd", datetime(2024, 1, 5)), ("05/01/2024", "dmy", datetime(2024, 1, 5)),
    ("05/01/2024", "mdy", datetime(2024, 5, 1)), ("25/12/2023", "ymd", datetime(2023, 12, 25)),
])
def test_date_cleaning(cell: object, order: str, expected: datetime) -> None:
    assert values.parse_datetime(cell, order)[0] == expected


def test_ambiguous_day_month_is_not_guessed() -> None:
    with pytest.raises(values.CellError, match="day and month order"):
        values.parse_datetime("05/01/2024", "ymd")
    assert values.date_order(["05/01/2024", "06/02/2024"]) is None
    assert values.date_order(["05/01/2024", "25/02/2024"]) == "dmy"


@pytest.mark.parametrize(("cell", "minor"), [
    ("¥1,280.50", 128050), ("1280元", 128000), ("1.2万", 1200000), ("(300)", -30000), ("-22.00", -2200),
    ("￥９８", 9800), (128.5, 12850), (0.1 + 0.2, 30),
])
def test_amount_cleaning(cell: object, minor: int) -> None:
    assert values.amount(cell) == (minor, "CNY")


@pytest.mark.parametrize("cell", ["12.345", "1,28,0", "abc", "1.2345678万"])
def test_amounts_that_would_need_a_guess_are_refused(cell: str) -> None:
    with pytest.raises(values.CellError):
        values.amount(cell)


@pytest.mark.parametrize(("name", "message"), [("bad.xlsx", "bad.xlsx is not an Excel file"),
                                               ("bad.vcf", "bad.vcf is not a vCard file")])
def test_random_bytes_named_as_excel_or_vcard_say_so_not_save_as_csv(tmp_path: Path, name: str,
                                                                     message: str) -> None:
    path = tmp_path / name
    path.write_bytes(bytes(range(128, 256)) * 8 + bytes(range(1, 32)) * 4)
    with pytest.raises(UnreadableFile) as info:
        open_source(path)
    assert message in info.value.message
