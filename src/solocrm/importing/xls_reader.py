"""Legacy Excel 97-2003 .xls files (old tills and accounting software still write them)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from solocrm.importing import sources
from solocrm.importing.errors import UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP


def open_xls(path: Path, *, sheet: str | None = None, header_row: int | None = None) -> sources.Source:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), on_demand=True)
    except Exception:  # noqa: BLE001 - xlrd raises many kinds of errors on damaged files
        raise UnreadableFile(QT_TRANSLATE_NOOP(
            "errors", "{file} is not a readable .xls file (it may be damaged). Open it in Excel or WPS, "
                      "save it as .xlsx, and import that file."), file=path.name) from None
    names = book.sheet_names()
    if sheet is not None and sheet not in names:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} has no sheet “{sheet}”. Its sheets: {sheets}."),
                             file=path.name, sheet=sheet, sheets=", ".join(names))
    try:
        chosen = sheet or next((n for n in names if book.sheet_by_name(n).nrows), names[0])
        ws = book.sheet_by_name(chosen)
        rows = [[_cell(ws.cell(r, c), book.datemode, xlrd) for c in range(ws.ncols)] for r in range(ws.nrows)]
    except Exception:  # noqa: BLE001 - as above
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} is damaged; save it again in Excel or WPS and "
                                                         "retry."), file=path.name) from None
    finally:
        book.release_resources()

    def reader() -> Iterator[tuple[int, list[object]]]:
        yield from enumerate(rows, start=1)

    return sources.build(path, "xls", rows[: sources.HEADER_SCAN_ROWS], reader, len(rows),
                         header_row=header_row, sheet=chosen, sheets=names)


def _cell(cell, datemode: int, xlrd) -> object:  # noqa: ANN001 - xlrd types
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            value = xlrd.xldate_as_datetime(cell.value, datemode)
        except Exception:  # noqa: BLE001 - an out-of-range serial stays a number
            return cell.value
        return value.date() if value.time() == value.min.time() else value
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    return cell.value
