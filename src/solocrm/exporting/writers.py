"""Writing a table (headers + typed rows) to CSV, .xlsx or vCard files.

Rows are streamed: a 100,000-row export never holds the workbook in memory
(``exporting.xlsx`` writes the sheet row by row).  A file is written beside
the target and moved into place at the end, so a failed or cancelled export
never leaves half a file.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from solocrm.errors import UserError
from solocrm.exporting.formulas import neutralise
from solocrm.importing.engine import no_cycle_collection
from solocrm.translatable import QT_TRANSLATE_NOOP

FORMATS = ("csv", "xlsx", "vcf")
Progress = Callable[[int, int], None]


class ExportError(UserError):
    """The export file cannot be written; nothing was left behind."""


def _csv_value(value: object) -> object:
    """A cell as CSV writes it: text that a spreadsheet would run as a formula is neutralised."""
    if type(value) is str:
        return neutralise(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


class _Atomic:
    """A temporary file next to ``path`` that replaces it only on success."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tmp = path.with_name(f".{path.name}.partial")

    def __enter__(self) -> Path:
        if self.path.is_dir():
            raise ExportError(QT_TRANSLATE_NOOP("errors", "{path} is a folder. Choose a file name."), path=self.path)
        if not self.path.parent.is_dir():
            raise ExportError(QT_TRANSLATE_NOOP("errors", "The folder {folder} does not exist. Choose another place."),
                              folder=self.path.parent)
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        if exc_type is None:
            try:
                os.replace(self.tmp, self.path)
            except OSError as error:
                self.tmp.unlink(missing_ok=True)
                raise ExportError(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {why}."), path=self.path,
                                  why=error.strerror) from None
        else:
            self.tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError) and not isinstance(exc, UserError):
                raise ExportError(QT_TRANSLATE_NOOP("errors", "Cannot write {path}: {why}."), path=self.path,
                                  why=exc.strerror) from None


def write_table(path: Path, fmt: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                total: int = 0, progress: Progress | None = None, sheet_title: str = "Export") -> int:
    """Write ``rows`` under ``headers``; returns how many rows were written."""
    if fmt not in ("csv", "xlsx"):
        raise ExportError(QT_TRANSLATE_NOOP("errors", "Unknown format “{format}”. Choose csv or xlsx."), format=fmt)
    count = 0
    with no_cycle_collection(), _Atomic(Path(path)) as tmp:
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow([neutralise(header) for header in headers])
                for row in rows:
                    writer.writerow([_csv_value(v) for v in row])
                    count += 1
                    if progress is not None and count % 2000 == 0:
                        progress(count, total)
        else:
            count = _write_xlsx(tmp, headers, rows, total, progress, sheet_title)
    if progress is not None:
        progress(count, count)
    return count


def _write_xlsx(tmp: Path, headers: Sequence[str], rows: Iterable[Sequence[object]], total: int,
                progress: Progress | None, sheet_title: str) -> int:
    from solocrm.exporting import xlsx

    report = None if progress is None else (lambda done: progress(done, total))
    return xlsx.write_table(tmp, headers, rows, sheet_title, report)


def _vcard_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


def _fold(line: str) -> str:
    """RFC 6350 folding at 75 octets, never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        length = len(char.encode("utf-8"))
        if size + length > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += length
    out.append(current)
    return "\r\n".join(out)


def vcard(contact: dict[str, object]) -> str:
    """One vCard 3.0 from name, phones, emails, company, title, address, city, region, birthday, notes, photo."""
    import base64

    name = str(contact["name"])
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_vcard_escape(name)}"]
    if any("\u3400" <= ch <= "\u9fff" for ch in name) and len(name) >= 2:
        lines.append(f"N:{_vcard_escape(name[0])};{_vcard_escape(name[1:])};;;")
    else:
        parts = name.rsplit(" ", 1)
        lines.append(f"N:{_vcard_escape(parts[-1])};{_vcard_escape(parts[0] if len(parts) > 1 else '')};;;")
    for phone in contact.get("phones") or ():
        lines.append(f"TEL;TYPE=CELL:{str(phone).replace(';ext=', ' ext. ')}")  # as phones dial an extension
    for email in contact.get("emails") or ():
        lines.append(f"EMAIL;TYPE=INTERNET:{email}")
    if contact.get("company"):
        lines.append(f"ORG:{_vcard_escape(str(contact['company']))}")
    if contact.get("title"):
        lines.append(f"TITLE:{_vcard_escape(str(contact['title']))}")
    if contact.get("address") or contact.get("city"):
        lines.append("ADR;TYPE=HOME:;;" + ";".join(_vcard_escape(str(contact.get(k) or ""))
                                                 for k in ("address", "city", "region")) + ";;")
    if isinstance(contact.get("birthday"), date):
        lines.append(f"BDAY:{contact['birthday'].isoformat()}")  # type: ignore[union-attr]
    if contact.get("tags"):
        lines.append("CATEGORIES:" + ",".join(_vcard_escape(t) for t in contact["tags"]))  # type: ignore[union-attr]
    if contact.get("notes"):
        lines.append(f"NOTE:{_vcard_escape(str(contact['notes']))}")
    photo = contact.get("photo")
    if isinstance(photo, bytes) and photo:
        kind = "PNG" if photo.startswith(b"\x89PNG") else "JPEG"
        lines.append(f"PHOTO;ENCODING=b;TYPE={kind}:" + base64.b64encode(photo).decode("ascii"))
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def write_vcards(path: Path, contacts: Iterable[dict[str, object]], total: int = 0,
                 progress: Progress | None = None) -> int:
    count = 0
    with no_cycle_collection(), _Atomic(Path(path)) as tmp:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            for contact in contacts:
                fh.write(vcard(contact))
                count += 1
                if progress is not None and count % 2000 == 0:
                    progress(count, total)
    if progress is not None:
        progress(count, count)
    return count
