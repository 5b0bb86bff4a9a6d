"""CSV and other delimited text, in whatever encoding Excel, WPS or a till wrote it.

Chinese Windows saves "CSV" as GBK (GB18030 reads it and is a superset), newer
Excel as UTF-8 with a BOM, "Unicode text" as UTF-16 with tabs.  Detection is a
fixed order of checks, not a statistical guess, so the same bytes always read
the same way; the wizard and ``--encoding`` override it.
"""

from __future__ import annotations

import codecs
import csv
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from solocrm.importing import sources
from solocrm.importing.errors import UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP

SAMPLE_BYTES = 256 * 1024
DELIMITERS = (",", ";", "\t", "|")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "big5")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Fields of a million-row file can be long (notes); the default 128 KiB limit rejects real files.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def detect_encoding(sample: bytes) -> str:
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    pairs = sample[: len(sample) // 2 * 2]
    if pairs:
        odd_nuls = pairs[1::2].count(0)
        even_nuls = pairs[0::2].count(0)
        if odd_nuls > len(pairs) // 8 and even_nuls == 0:
            return "utf-16-le"
        if even_nuls > len(pairs) // 8 and odd_nuls == 0:
            return "utf-16-be"
    for name in ("utf-8", "gb18030"):
        try:
            codecs.getincrementaldecoder(name)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return name
    raise UnreadableFile(QT_TRANSLATE_NOOP(
        "errors", "The file's text encoding is not UTF-8, UTF-16 or GBK. Open it in Excel or WPS and save it "
                  "as “CSV UTF-8”, then import that file."))


def _check_text(text: str) -> None:
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\r\n")
    if "\x00" in text or controls > max(len(text) // 100, 2):
        raise UnreadableFile(QT_TRANSLATE_NOOP(
            "errors", "This does not look like a text (CSV) file. Choose a CSV, Excel (.xlsx/.xls) or vCard (.vcf) "
                      "file."))


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of the same width (comma on a tie)."""
    lines = [line for line in text.splitlines()[:40] if line.strip()]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            count += chunk.count(b"\n")
    return count + 1


def open_csv(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
             header_row: int | None = None) -> sources.Source:
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
    encoding = encoding or detect_encoding(sample)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "Unknown text encoding “{encoding}”. Choose one of {known}."),
                             encoding=encoding, known=", ".join(ENCODINGS)) from None
    try:
        text = codecs.getincrementaldecoder(encoding)(errors="strict").decode(sample, final=len(sample) < SAMPLE_BYTES)
    except UnicodeDecodeError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The file cannot be read as {encoding}. Choose another "
                                                         "encoding."), encoding=encoding) from None
    _check_text(text)
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    elif len(delimiter) != 1:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The delimiter must be one character, such as , ; or a tab."))

    def reader() -> Iterator[tuple[int, list[str]]]:
        with path.open("r", encoding=encoding, newline="", errors="strict") as fh:
            rows = csv.reader(fh, delimiter=delimiter)
            number = 0
            try:
                for number, row in enumerate(rows, start=1):  # noqa: B007 - number is used after the loop
                    yield number, row
            except UnicodeDecodeError:
                raise UnreadableFile(QT_TRANSLATE_NOOP(
                    "errors", "Line {line} cannot be read as {encoding}: the file mixes text encodings. "
                              "Save it again as “CSV UTF-8” in Excel or WPS."), line=number + 1, encoding=encoding
                ) from None
            except csv.Error as exc:
                raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "Line {line} is not valid CSV ({why}). Check its "
                                                                 "quotes."), line=number + 1, why=exc) from None

    head = [row for _n, row in sources._take(reader(), sources.HEADER_SCAN_ROWS)]
    for row in head:
        if any("\x00" in cell for cell in row):
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "This does not look like a text (CSV) file."))
    return sources.build(path, "csv", head, reader, _count_lines(path), header_row=header_row,
                         encoding=encoding, delimiter=delimiter)

