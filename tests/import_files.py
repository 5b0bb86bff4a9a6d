"""Real-world-shaped files for the import tests, made by the tests themselves."""

from __future__ import annotations

import base64
import quopri
from datetime import datetime
from pathlib import Path

PNG_1PX = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def gbk_csv_from_chinese_excel(path: Path) -> Path:
    """What Excel on Chinese Windows saves as "CSV (逗号分隔)": GBK, CRLF, a title line, quoted commas."""
    lines = [
        "2024年会员名单,,,,,,,",
        "姓名,手机号码,邮箱,公司,城市,生日,性别,标签",
        "张伟,138 1234 5678,zhangwei@qq.com,杭州青禾文化传媒有限公司,杭州,1990/1/5,男,VIP",
        '李娜,"+86 139-0000-1111, 0571-8765 4321",lina@163.com,,上海,1985年3月2日,女,"老客,批发"',
        "王芳,１３６００００２２２２,,,杭州,1992.12.30,女,",
        "赵敏,138123456789,,,北京,2024-02-30,女,",
        "陈静,,,,,,,",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gbk"))
    return path


def utf8_csv_with_one_gbk_line(path: Path, rows: int = 6000, gbk_line: int = 3002) -> Path:
    """A UTF-8 customer list someone pasted one line into from a GBK file: that line (1-based) is GBK."""
    lines = [line.encode("utf-8") for line in
             ["姓名,手机,城市", *(f"客户{i},1380000{i:04d},杭州" for i in range(rows))]]
    lines.insert(gbk_line - 1, "王芳,13900000000,北京".encode("gbk"))
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def xlsx_with_title_and_merged_cells(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet["A1"] = "青禾烘焙 客户档案（2024）"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "导出时间：2024-06-01"
    sheet.append(["客户名称", "联系电话", "电子邮箱", "出生日期", "会员卡号", "备注"])
    sheet.append(["刘洋", 13912345678, "liuyang@example.com", datetime(1988, 7, 9), "VIP0001", "喜欢少糖"])
    sheet.append(["周杰", "021-62345678", None, datetime(1975, 1, 31), "VIP0002", None])
    sheet.append([None, None, None, None, None, None])
    sheet.append(["吴磊", "+86 186 0000 3333", "wulei@example.com", "1995-05-05", 3, "老客户"])
    book.save(path)
    return path


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii").replace("=\n", "")


def android_vcf(path: Path) -> Path:
    """Android contacts export: vCard 2.1, names in QUOTED-PRINTABLE UTF-8 with CHARSET, soft line breaks."""
    note = _qp("老客户，每年中秋订月饼礼盒，喜欢五仁和蛋黄莲蓉")
    cards = [
        "BEGIN:VCARD", "VERSION:2.1",
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('孙')};{_qp('丽')};;;",
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('孙丽')}",
        "TEL;CELL;PREF:138-0000-4444", "TEL;HOME:0571 8888 1234",
        "EMAIL;HOME:sunli@qq.com",
        # a long quoted-printable value folded with soft line breaks, as Android writes it
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{note[:60]}=",
        note[60:],
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:2.1",
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('马超')}",
        "TEL;CELL:+8613500005555",
        "END:VCARD",
    ]
    path.write_bytes(("\r\n".join(cards) + "\r\n").encode("ascii"))
    return path


def iphone_vcf(path: Path) -> Path:
    """iPhone / iCloud export: vCard 3.0, item groups, escaped commas, folded base64 photo."""
    photo = base64.b64encode(PNG_1PX).decode("ascii")
    folded = "\r\n ".join(photo[i:i + 60] for i in range(0, len(photo), 60))
    cards = [
        "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
        "N:郭;静;;;", "FN:郭静", "ORG:星辰网络科技有限公司;市场部", "TITLE:市场总监",
        "item1.TEL;type=CELL;type=VOICE;type=pref:+86 137 0000 6666",
        "item2.EMAIL;type=INTERNET;type=pref:guojing@example.com",
        "item3.ADR;type=WORK:;;文三路 90 号\\, 5 楼;杭州;浙江省;310012;中国",
        "BDAY:1991-04-23",
        f"PHOTO;ENCODING=b;TYPE=PNG:{folded}",
        "END:VCARD",
        "BEGIN:VCARD", "VERSION:4.0", "FN:Emily Chen", "N:Chen;Emily;;;",
        "TEL;VALUE=uri;TYPE=cell:tel:+1-415-555-0100", "EMAIL:emily@example.com",
        f"PHOTO:data:image/png;base64,{photo}",
        "END:VCARD",
    ]
    path.write_text("\r\n".join(cards) + "\r\n", encoding="utf-8")
    return path


def cash_register_export(path: Path) -> Path:
    """A till's sales export: UTF-8 with BOM, receipt numbers, member phones, a refund of an earlier sale."""
    lines = [
        "小票号,交易时间,会员手机,会员姓名,商品名称,数量,实收金额,交易类型",
        "S0001,2024/03/01 10:15,13812345678,张伟,欧包,2,¥44.00,销售",
        "S0002,2024/03/01 11:02,13912345678,刘洋,生日蛋糕（8寸）,1,268,销售",
        "S0003,2024/03/02 09:40,13812345678,张伟,吐司,1,22.00,销售",
        "S0003,2024/03/02 18:00,13812345678,张伟,吐司,1,-22.00,退款",
        "S0004,2024/03/03 16:20,13700009999,新客人,曲奇礼盒,1,98元,销售",
        "S0005,2024/03/04 12:00,,,下午茶套餐,1,abc,销售",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


def xlsx_with_one_shared_string(path: Path, text: str) -> Path:
    """A minimal workbook as Excel lays it out, cell A1 one shared string: a "shared-string bomb" when long."""
    import zipfile
    from xml.sax.saxutils import escape

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels":
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml":
            f'<?xml version="1.0"?><worksheet {ns}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
            '<c r="B1" t="inlineStr"><is><t>电话</t></is></c></row></sheetData></worksheet>',
        "xl/sharedStrings.xml":
            f'<?xml version="1.0"?><sst {ns} count="1" uniqueCount="1"><si><t>{escape(text)}</t></si></sst>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def vcf_with_photo(path: Path, photo_base64: str) -> Path:
    """One contact whose PHOTO is the given base64 text, folded into 76-character lines as phones write it."""
    folded = "\r\n ".join(photo_base64[i:i + 75] for i in range(0, len(photo_base64), 75))
    cards = ["BEGIN:VCARD", "VERSION:3.0", "FN:郭静", "TEL;type=CELL:+86 137 0000 6666",
             f"PHOTO;ENCODING=b;TYPE=JPEG:{folded}", "END:VCARD"]
    path.write_text("\r\n".join(cards) + "\r\n", encoding="utf-8")
    return path
