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
from solocrm.importing.errors import OverLimit, UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP

# Sheet XML packs 5 to 20 times; a part packed 100 times over is filler, not data.  Small files are let through
# whatever their ratio (an empty workbook packs well), and nothing unpacks past 2 GiB.
MAX_RATIO = 100
RATIO_FROM_BYTES = 16 << 20
MAX_UNPACKED_BYTES = 2 << 30


def _damaged(path: Path) -> UnreadableFile:
    return UnreadableFile(QT_TRANSLATE_NOOP(
        "errors", "{file} is not a readable Excel file (it may be damaged or only partly copied). "
                  "Open it in Excel or WPS, save it again, and import the new file."), file=path.name)


def _check_sizes(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to far more than any real one, before openpyxl unpacks them.

    openpyxl holds every shared string in memory, so a few hundred KB of zip
    can expand to gigabytes ("zip bomb").  The sizes checked are the ones the
    zip declares, which zipfile also never reads past.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _damaged(path) from None
    total = sum(part.file_size for part in parts)
    packed = max(sum(part.compress_size for part in parts), 1)
    if total > MAX_UNPACKED_BYTES or (total > RATIO_FROM_BYTES and total > MAX_RATIO * packed):
        raise OverLimit(QT_TRANSLATE_NOOP(
            "errors", "{file} would unpack to {size} MB, more than a real workbook ({ratio} times its size; the "
                      "limit is {limit} times, or {most} MB). Nothing was imported; check the file."),
            file=path.name, size=total >> 20, ratio=total // packed, limit=MAX_RATIO, most=MAX_UNPACKED_BYTES >> 20)


def _load(path: Path):  # noqa: ANN202 - openpyxl Workbook
    import openpyxl

    _check_sizes(path)
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
            yield from sources.within_limits(_cleaned(ws.iter_rows(values_only=True)))
        except UnreadableFile:
            raise
        except Exception:  # noqa: BLE001 - see module docstring
            raise _damaged(path) from None
        finally:
            wb.close()

    head = [row for _n, row in sources._take(reader(), sources.HEADER_SCAN_ROWS)]
    return sources.build(path, "xlsx", head, reader, estimated, header_row=header_row, sheet=chosen, sheets=names)


def _cleaned(rows: Iterator[tuple]) -> Iterator[tuple[int, list[object]]]:
    """Numbered rows with Excel's escapes undone and the empty cells at their end left out.

    A sheet whose recorded size reaches column XFD (formatting applied to whole
    rows) pads every row that wide; what counts against the column limit is the data.
    """
    for number, row in enumerate(rows, start=1):
        cells = [_unescape(v) if type(v) is str and "_x" in v else v for v in row]
        while cells and cells[-1] is None:
            cells.pop()
        yield number, cells


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def _has_rows(ws) -> bool:  # noqa: ANN001 - openpyxl worksheet
    for row in ws.iter_rows(max_row=sources.HEADER_SCAN_ROWS, values_only=True):
        if any(v is not None for v in row):
            return True
    return False
