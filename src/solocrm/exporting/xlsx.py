"""A streaming .xlsx writer for one typed table: the few parts of SpreadsheetML an export needs.

General workbook libraries spend tens of microseconds per cell (100,000
customers took openpyxl two minutes, xlsxwriter fifteen seconds); an export
needs one sheet of typed cells, a bold frozen header and two date formats,
so the sheet XML is written here as text, row by row, straight into the zip.
Strings are written inline (no shared-strings table to hold in memory); Excel,
WPS, LibreOffice and openpyxl read them as ordinary text cells.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

MAX_TEXT = 32767  # Excel refuses a file with a longer cell
EXCEL_EPOCH = datetime(1899, 12, 30)
EPOCH_DAY = EXCEL_EPOCH.date()
# Cell styles, as indexes into styles.xml's cellXfs below.
HEADER_STYLE, DATE_STYLE, DATETIME_STYLE = 1, 2, 3
FLUSH_ROWS = 500

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CONTENT_TYPES = _HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>")
_ROOT_RELS = _HEAD + (
    f'<Relationships xmlns="{_PACKAGE_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>")
_WORKBOOK_RELS = _HEAD + (
    f'<Relationships xmlns="{_PACKAGE_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>")
_STYLES = _HEAD + (
    f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>")
_SHEET_START = _HEAD + (
    f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    "</sheetView></sheetViews><sheetData>")
_SHEET_END = "</sheetData></worksheet>"

# What plain text cannot hold as is: markup characters, control characters XML forbids,
# and text that Excel would read as one of its own _xHHHH_ escapes.
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
_MARKUP = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def column_name(index: int) -> str:
    """A, B, ... Z, AA, AB ... for the 0-based column ``index``."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    if text in _MARKUP:
        return _MARKUP[text]
    if len(text) > 1:  # a literal "_x0041_": escape its underscore so Excel shows it as written
        return "_x005F" + text
    return f"_x{ord(text):04X}_"


def _text_cell(ref: str, value: str, style: str = "") -> str:
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    if _SPECIAL.search(value):
        value = _SPECIAL.sub(_escape, value)
    space = ' xml:space="preserve"' if value[:1].isspace() or value[-1:].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{value}</t></is></c>'


def _cell(ref: str, value: object) -> str:
    """One cell's XML, typed by the Python value; "" for None (an empty cell is not written)."""
    if isinstance(value, str):
        return _text_cell(ref, value) if value else ""
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, (Decimal, float)):
        return f'<c r="{ref}"><v>{value}</v></c>' if math.isfinite(value) else ""
    if isinstance(value, datetime):
        delta = value.replace(tzinfo=None) - EXCEL_EPOCH
        serial = delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
        return f'<c r="{ref}" s="{DATETIME_STYLE}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{DATE_STYLE}"><v>{(value - EPOCH_DAY).days}</v></c>'
    return _text_cell(ref, str(value))


def write_table(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]], sheet_title: str,
                progress: Callable[[int], None] | None = None) -> int:
    """Write ``headers`` (bold, frozen) and ``rows`` as the only sheet of a new workbook; returns the row count.

    ``progress`` is called with the rows written so far every few hundred rows.
    """
    letters = [column_name(i) for i in range(len(headers))]
    title = _SPECIAL.sub(_escape, sheet_title.translate(str.maketrans("", "", "[]:*?/\\"))[:31]) or "Sheet1"
    workbook = _HEAD + (f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                        f'<sheet name="{title.replace(chr(34), "&quot;")}" sheetId="1" r:id="rId1"/>'
                        "</sheets></workbook>")
    count = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", workbook)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            header = "".join(_text_cell(f"{letter}1", str(text), f' s="{HEADER_STYLE}"')
                             for letter, text in zip(letters, headers))
            pending = [_SHEET_START, f'<row r="1">{header}</row>']
            for number, row in enumerate(rows, start=2):
                cells = "".join([_text_cell(f"{letter}{number}", value) if type(value) is str and value
                                 else _cell(f"{letter}{number}", value)
                                 for letter, value in zip(letters, row) if value is not None])
                pending.append(f'<row r="{number}">{cells}</row>')
                count += 1
                if count % FLUSH_ROWS == 0:
                    sheet.write("".join(pending).encode())
                    pending.clear()
                    if progress is not None:
                        progress(count)
            pending.append(_SHEET_END)
            sheet.write("".join(pending).encode())
    return count
