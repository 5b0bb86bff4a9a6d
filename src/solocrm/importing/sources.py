"""A file as rows of cells, whatever it was: CSV, .xlsx, .xls or vCard.

Every reader gives the same ``Source``: the header cells, a few preview rows,
and ``rows()`` which streams the data rows again from the file, so a million
rows never sit in memory at once.  Spreadsheets often carry a title, a date or
a merged banner above the real header; ``find_header_row`` skips those.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import dropwhile
from pathlib import Path

from solocrm.exporting.formulas import restore_row
from solocrm.importing.errors import OverLimit, UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP

PREVIEW_ROWS = 50
MAX_COLUMNS = 1_000
MAX_CELL_CHARS = 32_767  # Excel's own limit for a cell: no spreadsheet holds a longer one
HEADER_SCAN_ROWS = 30
Cell = object  # str | int | float | date | datetime | bytes | None

_NUMBERISH = re.compile(r"^[\s\d.,:/\-+()¥$%年月日]*$")


@dataclass
class Source:
    """Rows of one table in a file; ``header_row`` and row numbers are 1-based, as the user sees them."""

    path: Path
    kind: str  # csv | xlsx | xls | vcf
    headers: list[str]
    header_row: int
    preview: list[list[Cell]]
    estimated_rows: int
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    skipped_lines: tuple[int, ...] = ()  # lines (1-based) of a text file left out because they do not decode
    _reader: object = None  # a callable returning the iterator of (row number, cells)

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(row number, cells) for every data row below the header, empty rows left out.

        Rows are padded to the header's width; a CSV row may be longer (see engine.overflow).
        A CSV cell the app quoted so that no spreadsheet runs it comes back as it was stored
        (``exporting.formulas``).
        """
        width = len(self.headers)
        from_csv = self.kind == "csv"
        for number, cells in self._reader():  # type: ignore[operator]
            if from_csv:
                cells = restore_row(cells)  # type: ignore[arg-type]
            for cell in cells:
                if cell is not None and (type(cell) is not str or cell.strip()):
                    break
            else:
                continue  # nothing filled in
            if len(cells) < width:
                yield number, [*cells, *[None] * (width - len(cells))]
            else:
                yield number, cells if type(cells) is list else list(cells)


def too_wide(row: int, count: int) -> OverLimit:
    """The error for a row of more columns than any real table (mapping guesses cost columns squared)."""
    return OverLimit(QT_TRANSLATE_NOOP("errors", "Row {row} has {count} columns, more than the {limit} an import "
                                                 "takes. Nothing was imported; check the file."),
                     row=row, count=count, limit=MAX_COLUMNS)


def too_long(row: int) -> OverLimit:
    """The error for a cell longer than a spreadsheet can hold (a cell that size is filler or a runaway quote)."""
    return OverLimit(QT_TRANSLATE_NOOP("errors", "Row {row} has a cell longer than {limit} characters, the most a "
                                                 "spreadsheet cell holds. Nothing was imported; check the file."),
                     row=row, limit=MAX_CELL_CHARS)


def within_limits(rows: Iterable[tuple[int, list[Cell]]]) -> Iterator[tuple[int, list[Cell]]]:
    """The rows as read, stopping at the first wider or with a longer cell than any real table."""
    for number, cells in rows:
        if len(cells) > MAX_COLUMNS:
            raise too_wide(number, len(cells))
        if any(type(c) is str and len(c) > MAX_CELL_CHARS for c in cells):
            raise too_long(number)
        yield number, cells


def _filled(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _is_label(cell: Cell) -> bool:
    return isinstance(cell, str) and bool(cell.strip()) and not _NUMBERISH.match(cell)


def find_header_row(rows: Sequence[Sequence[Cell]]) -> int:
    """Index of the header among the first rows: the first with several cells, all labels, as wide as the table.

    A title ("2024年会员名单", merged across the sheet) has one filled cell; a
    header has many, and none is a number or date.
    """
    widths = [sum(_filled(c) for c in row) for row in rows]
    widest = max(widths, default=0)
    if widest == 0:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The file has no rows. Choose a file with a header row and "
                                                         "data."))
    need = max(min(2, widest), (widest * 6 + 9) // 10)
    for index, row in enumerate(rows):
        filled = [c for c in row if _filled(c)]
        if len(filled) >= need and all(_is_label(c) or isinstance(c, str) for c in filled) and \
                sum(_is_label(c) for c in filled) * 2 >= len(filled):
            return index
    return next(i for i, w in enumerate(widths) if w)


def header_names(cells: Sequence[Cell]) -> list[str]:
    """Header texts, with a name for blank ones and duplicates told apart ("电话", "电话 (2)")."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = _text(cell).replace("\n", " ").strip() or f"Column {index + 1}"
        count = seen.get(text, 0) + 1
        seen[text] = count
        names.append(text if count == 1 else f"{text} ({count})")
    while names and names[-1].startswith("Column ") and names[-1][7:].isdigit():
        names.pop()  # trailing blank columns that only held stray formatting
    return names


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        return cell.isoformat(" ")
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)


def build(path: Path, kind: str, head: list[list[Cell]], reader: object, estimated_rows: int,
          header_row: int | None = None, **options: object) -> Source:
    """A Source from the first rows of a table; ``header_row`` (1-based) overrides detection."""
    index = find_header_row(head) if header_row is None else header_row - 1
    if not 0 <= index < len(head):
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "Row {row} is not in the first {count} rows of the file."),
                             row=header_row, count=len(head))
    header = restore_row(head[index]) if kind == "csv" else head[index]  # type: ignore[arg-type]
    headers = header_names(header)
    if not headers:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The header row is empty. Choose the row that names the "
                                                         "columns."))
    skip = index + 1

    def data_rows() -> Iterator[tuple[int, list[Cell]]]:
        # the rows down to the header are dropped; dropwhile tests no row after them
        return dropwhile(lambda row: row[0] <= skip, reader())  # type: ignore[operator]

    source = Source(path=path, kind=kind, headers=headers, header_row=index + 1, preview=[],
                    estimated_rows=max(estimated_rows - skip, 0), _reader=data_rows, **options)  # type: ignore[arg-type]
    source.preview = [cells for _n, cells in _take(source.rows(), PREVIEW_ROWS)]
    return source


def _take(iterator: Iterator, count: int) -> list:
    out = []
    for item in iterator:
        out.append(item)
        if len(out) >= count:
            break
    return out


def open_source(path: Path | str, *, encoding: str | None = None, delimiter: str | None = None,
                sheet: str | None = None, header_row: int | None = None, skip_undecodable: bool = False) -> Source:
    """Read ``path`` by what it contains (the extension can lie), with the user's overrides.

    ``skip_undecodable`` leaves out the lines of a CSV file that do not decode
    (see ``csv_reader.open_csv``); without it they stop the import.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except FileNotFoundError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{path} does not exist. Check the file name."),
                             path=path) from None
    except IsADirectoryError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{path} is a folder. Choose a file."), path=path) from None
    except OSError as exc:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{path} cannot be read: {why}."), path=path,
                             why=exc.strerror) from None
    if not head:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} is empty. Choose a file with a header row and "
                                                         "data."), file=path.name)
    if head.startswith(b"PK\x03\x04"):
        from solocrm.importing import xlsx_reader

        return xlsx_reader.open_xlsx(path, sheet=sheet, header_row=header_row)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        from solocrm.importing import xls_reader

        return xls_reader.open_xls(path, sheet=sheet, header_row=header_row)
    from solocrm.importing import csv_reader, vcard

    if vcard.looks_like_vcard(head):
        return vcard.open_vcard(path, encoding=encoding)
    try:
        return csv_reader.open_csv(path, encoding=encoding, delimiter=delimiter, header_row=header_row,
                                   skip_undecodable=skip_undecodable)
    except UnreadableFile as exc:
        # a till's "Excel" export is often text named .xls, so text is tried first; when it is not text either,
        # the name says what the user meant to give, and "save as CSV UTF-8" would send them the wrong way
        claimed = _CLAIMED_KINDS.get(path.suffix.lower())
        if claimed is None or isinstance(exc, OverLimit):
            raise
        raise UnreadableFile(claimed, file=path.name) from None


_CLAIMED_KINDS = {
    ".xlsx": QT_TRANSLATE_NOOP("errors", "{file} is not an Excel file (its content is neither a workbook nor text). "
                                         "Open it in Excel or WPS to check, or choose another file."),
    ".vcf": QT_TRANSLATE_NOOP("errors", "{file} is not a vCard file (it does not start with BEGIN:VCARD). Export "
                                        "the contacts again, or choose another file."),
}
_CLAIMED_KINDS[".xls"] = _CLAIMED_KINDS[".xlsm"] = _CLAIMED_KINDS[".xlsx"]
