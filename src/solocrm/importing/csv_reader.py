"""CSV and other delimited text, in whatever encoding Excel, WPS or a till wrote it.

Chinese Windows saves "CSV" as GBK (GB18030 reads it and is a superset), newer
Excel as UTF-8 with a BOM, "Unicode text" as UTF-16 with tabs.  Detection is a
fixed order of checks over the whole file, not one sample, so the same bytes
always read the same way; the wizard and ``--encoding`` override it.  Lines
that do not decode are never read as mojibake: the user is told which, and
chooses another encoding or to skip them.
"""

from __future__ import annotations

import codecs
import csv
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from solocrm.importing import sources
from solocrm.importing.errors import LISTED_LINES, UndecodableLines, UnreadableFile
from solocrm.translatable import QT_TRANSLATE_NOOP

SAMPLE_BYTES = 256 * 1024
_BLOCK_BYTES = 1 << 20
_ASCII_PROBE = b'\n\r,"'
# from a character to the end of its line: one match per line holding such a character
_UNDECODED_LINE = re.compile("[\udc80-\udcff][^\n]*")  # the bytes surrogateescape kept
_NON_ASCII_LINE = re.compile("[^\x00-\x7f][^\n]*")
DELIMITERS = (",", ";", "\t", "|")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "big5")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# The csv module checks every field against this in C, at no cost per row: a longer one (a quoted field can
# span lines: a quote that never closes) stops the file before it fills memory.
csv.field_size_limit(sources.MAX_CELL_CHARS)
_FIELD_LIMIT = "field larger than field limit"  # how the csv module says so


@dataclass(frozen=True)
class Reading:
    """How the whole file reads in one encoding: its line count and the lines (1-based) that do not decode."""

    encoding: str
    lines: int
    undecodable: tuple[int, ...] = ()
    evidence: int = 0  # lines with non-ASCII bytes: what a vote between encodings weighs


def _marked_encoding(sample: bytes) -> str | None:
    """UTF-16 or UTF-8 told by a BOM or by NUL bytes in every other place; None when only the text can tell."""
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
    return None


def _line_oriented(encoding: str) -> bool:
    """Whether line ends, commas and quotes are the same single bytes as in ASCII, so lines can be read one by one."""
    return _ASCII_PROBE.decode(encoding, errors="replace") == _ASCII_PROBE.decode("ascii")


def read_as(blocks: Iterable[bytes], encoding: str) -> Reading:
    """Decode every block strictly; only a block that fails is searched for the lines that hold its bad bytes.

    A block that decodes whole costs one C-speed decode, so a clean file is
    read at the speed of counting its lines; a block that decodes whole and
    holds non-ASCII text counts all its lines as evidence for the encoding.
    """
    if not _line_oriented(encoding):
        return _read_whole(blocks, encoding)
    lines = evidence = 0
    undecodable: list[int] = []
    ends_open = False
    for block in blocks:
        count = block.count(b"\n")
        try:
            block.decode(encoding)
        except UnicodeDecodeError:
            text = block.decode(encoding, errors="surrogateescape")
            evidence += len(_NON_ASCII_LINE.findall(text))
            undecodable += _undecodable_lines(text, lines + 1)
        else:
            if not block.isascii():
                evidence += count
        lines += count
        ends_open = not block.endswith(b"\n")
    return Reading(encoding, lines + ends_open, tuple(undecodable), evidence)


def _undecodable_lines(text: str, first: int) -> list[int]:
    """The numbers of the lines of ``text`` (its first is line ``first``) holding bytes that did not decode."""
    numbers = []
    number, position = first, 0
    for match in _UNDECODED_LINE.finditer(text):
        number += text.count("\n", position, match.start())
        position = match.start()
        numbers.append(number)
    return numbers


def _read_whole(blocks: Iterable[bytes], encoding: str) -> Reading:
    """UTF-16 and the like: a line end is two bytes, so the file is decoded as one stream, strictly."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    lines = 0
    try:
        for block in blocks:
            lines += decoder.decode(block).count("\n")
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The file cannot be read as {encoding}. Choose another "
                                                         "encoding."), encoding=encoding) from None
    return Reading(encoding, lines + 1)


def detect_encoding(sample: bytes, blocks: Callable[[], Iterable[bytes]]) -> Reading:
    """The encoding the whole file reads best in: a BOM or UTF-16's NULs, else UTF-8 or GBK by a vote of its lines.

    Valid UTF-8 almost never happens by chance in GBK text, so UTF-8 wins
    when more than half of the non-ASCII lines read as UTF-8; GB18030 (a
    superset of GBK) otherwise.  One stray GBK line in a UTF-8 file is thus
    reported as a line that does not decode, not a reason to read 6,000
    others as mojibake; the same bytes always read the same way.
    """
    marked = _marked_encoding(sample)
    if marked:
        return read_as(blocks(), marked)
    utf8 = read_as(blocks(), "utf-8")
    if len(utf8.undecodable) * 2 < utf8.evidence:
        return utf8
    gbk = read_as(blocks(), "gb18030")
    return gbk if len(gbk.undecodable) <= len(utf8.undecodable) else utf8


def file_blocks(path: Path) -> Iterator[bytes]:
    """The file in blocks of about 1 MiB, each ending at a line end, so no line is split between two."""
    rest = b""
    with path.open("rb") as fh:
        while chunk := fh.read(_BLOCK_BYTES):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            rest = chunk[cut:]
            if cut:
                yield chunk[:cut]
    if rest:
        yield rest


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
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        except csv.Error:  # a field past the limit: reading the rows says so
            continue
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def raw_lines(path: Path, numbers: Iterable[int]) -> list[bytes]:
    """The bytes of the given lines (1-based), without their line ends: lines to show read in another encoding."""
    wanted = sorted(set(numbers))
    found: list[bytes] = []
    first = 1
    for block in file_blocks(path):
        count = block.count(b"\n") + (not block.endswith(b"\n"))  # the lines this block holds
        inside = [number - first for number in wanted if first <= number < first + count]
        if inside:
            lines = block.split(b"\n")
            found += [lines[index].rstrip(b"\r") for index in inside]
        first += count
    return found


def _without_lines(numbered: Iterator[tuple[int, list[str]]], rows: Any,
                   lines: frozenset[int]) -> Iterator[tuple[int, list[str]]]:
    """The records none of whose lines is in ``lines``; a record spans the lines after the last one to ``line_num``."""
    first = 1
    for number, row in numbered:
        last = rows.line_num
        if not any(line in lines for line in range(first, last + 1)):
            yield number, row
        first = last + 1


def open_csv(path: Path, *, encoding: str | None = None, delimiter: str | None = None,
             header_row: int | None = None, skip_undecodable: bool = False) -> sources.Source:
    """The file as a Source; lines that do not decode stop it unless the user chose to skip them.

    The whole file is decoded once here (in C, block by block) to choose or
    check the encoding; rows are then streamed from it as often as needed.
    """
    with path.open("rb") as fh:
        sample = fh.read(SAMPLE_BYTES)
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "Unknown text encoding “{encoding}”. Choose one of "
                                                             "{known}."),
                                 encoding=encoding, known=", ".join(ENCODINGS)) from None
        reading = read_as(file_blocks(path), encoding)
    else:
        reading = detect_encoding(sample, lambda: file_blocks(path))
    encoding = reading.encoding
    if reading.undecodable and not skip_undecodable:
        raise UndecodableLines(encoding, reading.undecodable,
                               raw_lines(path, reading.undecodable[:LISTED_LINES]))
    # undecodable bytes become lone surrogates, in rows the reader leaves out: the line structure stays intact
    errors = "surrogateescape" if reading.undecodable else "strict"
    text = codecs.getincrementaldecoder(encoding)(errors=errors).decode(sample, final=len(sample) < SAMPLE_BYTES)
    _check_text(text)
    if delimiter is None:
        delimiter = sniff_delimiter(text)
    elif len(delimiter) != 1:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The delimiter must be one character, such as , ; or a tab."))
    skipped = frozenset(reading.undecodable)

    def reader() -> Iterator[tuple[int, list[str]]]:
        with path.open("r", encoding=encoding, newline="", errors=errors) as fh:
            rows = csv.reader(fh, delimiter=delimiter)
            numbered = enumerate(rows, start=1)
            number = 0
            try:
                for number, row in _without_lines(numbered, rows, skipped) if skipped else numbered:  # noqa: B007
                    if len(row) > sources.MAX_COLUMNS:
                        raise sources.too_wide(number, len(row))
                    yield number, row
            except UnicodeDecodeError:  # the file was changed since it was opened
                raise UnreadableFile(QT_TRANSLATE_NOOP(
                    "errors", "Line {line} cannot be read as {encoding}: the file mixes text encodings. "
                              "Save it again as “CSV UTF-8” in Excel or WPS."), line=number + 1, encoding=encoding
                ) from None
            except csv.Error as exc:
                if str(exc).startswith(_FIELD_LIMIT):
                    raise sources.too_long(number + 1) from None
                raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "Line {line} is not valid CSV ({why}). Check its "
                                                                 "quotes."), line=number + 1, why=exc) from None

    head = [row for _n, row in sources._take(reader(), sources.HEADER_SCAN_ROWS)]
    for row in head:
        if any("\x00" in cell for cell in row):
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "This does not look like a text (CSV) file."))
    return sources.build(path, "csv", head, reader, reading.lines, header_row=header_row,
                         encoding=encoding, delimiter=delimiter, skipped_lines=reading.undecodable)
