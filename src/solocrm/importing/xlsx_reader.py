"""Excel .xlsx workbooks (also what WPS saves), read in streaming mode.

openpyxl's read-only mode streams rows without building the whole sheet, and
gives typed cells (numbers, dates) so nothing has to be re-parsed from text.
A damaged or truncated file raises whatever its zip or XML layer meets; all of
that becomes one UnreadableFile with a message the user can act on.

Excel writes characters XML cannot hold (and text that looks like its own
escapes) as ``_xHHHH_``; openpyxl leaves those as they are in cell text, so
they are turned back into the characters here.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from solocrm.importing import sources
from solocrm.importing.errors import UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP


def _damaged(path: Path) -> UnreadableFile:
    return UnreadableFile(QT_TRANSLATE_NOOP(
        "errors", "{file} is not a readable Excel file (it may be damaged or only partly copied). "
                  "Open it in Excel or WPS, save it again, and import the new file."), file=path.name)


def _load(path: Path):  # noqa: ANN202 - openpyxl Workbook
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure of the zip/XML layers means a damaged file
        if isinstance(exc, zipfile.BadZipFile) or "encrypt" not in str(exc).lower():
            raise _damaged(path) from None
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} is password-protected. Remove the password in "
                                                         "Excel, then import."), file=path.name) from None


def open_xlsx(path: Path, *, sheet: str | None = None, header_row: int | None = None) -> sources.Source:
    book = _load(path)
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} has no sheet “{sheet}”. Its sheets: {sheets}."),
                                 file=path.name, sheet=sheet, sheets=", ".join(names))
        chosen = sheet
        if chosen is None:
            chosen = next((n for n in names if _has_rows(book[n])), names[0] if names else None)
        if chosen is None:
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} has no sheets."), file=path.name)
        estimated = book[chosen].max_row or 0
    except UnreadableFile:
        book.close()
        raise
    except Exception:  # noqa: BLE001 - see module docstring
        book.close()
        raise _damaged(path) from None
    book.close()

    def reader() -> Iterator[tuple[int, list[object]]]:
        wb = _load(path)
        try:
            ws = wb[chosen]
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                yield number, [_unescape(v) if type(v) is str and "_x" in v else v for v in row]
        except UnreadableFile:
            raise
        except Exception:  # noqa: BLE001 - see module docstring
            raise _damaged(path) from None
        finally:
            wb.close()

    head = [row for _n, row in sources._take(reader(), sources.HEADER_SCAN_ROWS)]
    return sources.build(path, "xlsx", head, reader, estimated, header_row=header_row, sheet=chosen, sheets=names)


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _has_rows(ws) -> bool:  # noqa: ANN001 - openpyxl worksheet
    for row in ws.iter_rows(max_row=sources.HEADER_SCAN_ROWS, values_only=True):
        if any(v is not None for v in row):
            return True
    return False
