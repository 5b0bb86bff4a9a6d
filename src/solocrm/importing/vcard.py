"""vCard files (.vcf) as phones and mail apps export them: versions 2.1, 3.0 and 4.0.

Android writes 2.1 with Chinese names as QUOTED-PRINTABLE UTF-8 bytes and a
CHARSET parameter; iPhone writes 3.0 with ``item1.`` groups and base64 photos;
4.0 puts photos in ``data:`` URIs and phones in ``tel:`` URIs.  Each contact
becomes one row of fixed columns, several phones or emails joined with "; ",
so the same mapping and cleaning serve vCards and spreadsheets alike.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import quopri
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from solocrm.importing import sources
from solocrm.importing.errors import OverLimit, UnreadableFile
from solocrm.importing.values import CellError
from solocrm.translatable import QT_TRANSLATE_NOOP

HEADERS = ["Name", "Phones", "Emails", "Company", "Title", "Address", "City", "Region", "Birthday",
           "Notes", "Tags", "Photo"]
_PROPERTY = re.compile(r"^(?:[A-Za-z0-9\-]+\.)?(?P<name>[A-Za-z0-9\-]+)(?P<params>(?:;[^:]*)?):(?P<value>.*)$", re.S)
_HAN = re.compile(r"[\u3400-\u9fff]")
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_PHOTO_BYTES = 5 << 20  # a phone's contact photo is tens of KB; a camera original a few MB


def looks_like_vcard(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf\r\n\t ").upper()
    return text.startswith(b"BEGIN:VCARD") or text.replace(b"\x00", b"").startswith(b"BEGIN:VCARD")


@dataclass
class Contact:
    name: str = ""
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    company: str = ""
    title: str = ""
    address: str = ""
    city: str = ""
    region: str = ""
    birthday: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    photo: bytes | CellError | None = None  # a CellError when the photo cannot be decoded
    structured_name: str = ""

    def cells(self) -> list[object]:
        return [self.name or self.structured_name or self.company, "; ".join(self.phones), "; ".join(self.emails),
                self.company, self.title, self.address, self.city, self.region, self.birthday, self.notes,
                ", ".join(self.tags), self.photo]


def _decode_file(data: bytes) -> str:
    from solocrm.importing.csv_reader import detect_encoding

    reading = detect_encoding(data[:65536], lambda: (data,))
    try:
        return data.decode(reading.encoding)
    except UnicodeDecodeError:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The vCard file mixes text encodings and cannot be read. "
                                                         "Export the contacts again.")) from None


def _unfold(text: str) -> list[str]:
    """Logical lines: RFC folding (CRLF + space) and 2.1 quoted-printable soft breaks ("=" at line end).

    The pieces of a line are joined once at the end: a photo folded into
    100,000 lines of 76 characters costs one pass, not one copy per line.
    """
    lines: list[list[str]] = []
    qp_open = False
    for raw in re.split(r"\r\n|\r|\n", text):
        if lines and qp_open:
            pieces = lines[-1]
            if pieces[-1].endswith("="):
                pieces[-1] = pieces[-1][:-1]
                raw = raw.lstrip()
            if raw:
                pieces.append(raw)
        elif lines and raw[:1] in (" ", "\t"):
            if raw[1:]:
                lines[-1].append(raw[1:])
        else:
            lines.append([raw])
        first = lines[-1][0]
        qp_open = lines[-1][-1].endswith("=") and "QUOTED-PRINTABLE" in first.split(":", 1)[0].upper()
    return ["".join(pieces) for pieces in lines]


def _params(text: str) -> tuple[dict[str, str], set[str]]:
    """Named parameters (upper-cased keys) and bare 2.1 ones (CELL, QUOTED-PRINTABLE, HOME...)."""
    named: dict[str, str] = {}
    bare: set[str] = set()
    for part in filter(None, text.split(";")):
        key, sep, value = part.partition("=")
        if sep:
            named[key.strip().upper()] = value.strip().strip('"')
        else:
            bare.add(key.strip().upper())
    return named, bare


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split(value: str, sep: str) -> list[str]:
    return [_unescape(p) for p in re.split(r"(?<!\\)" + re.escape(sep), value)]


def _value(named: dict[str, str], bare: set[str], value: str) -> str | bytes:
    encoding = named.get("ENCODING", "").upper()
    if "QUOTED-PRINTABLE" in bare:
        encoding = "QUOTED-PRINTABLE"
    if "BASE64" in bare:
        encoding = "BASE64"
    if encoding == "QUOTED-PRINTABLE":
        charset = named.get("CHARSET", "UTF-8")
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = "utf-8"
        return quopri.decodestring(value.encode("latin-1", "replace")).decode(charset, "replace")
    if encoding in ("B", "BASE64"):
        try:
            return base64.b64decode(re.sub(r"\s+", "", value), validate=False)
        except (binascii.Error, ValueError):
            return b""
    return value


def _photo(text: str, row: int) -> bytes | CellError | None:
    """The picture in base64 ``text``, or the cell problem that it is not base64 (the contact comes without it)."""
    text = re.sub(r"\s+", "", text)
    if len(text) > MAX_PHOTO_BYTES * 4 // 3 + 4:
        raise OverLimit(QT_TRANSLATE_NOOP("errors", "The photo of the contact in row {row} is larger than {limit} "
                                                    "MB. Nothing was imported; export the contacts without photos or "
                                                    "with smaller ones."), row=row, limit=MAX_PHOTO_BYTES >> 20)
    try:
        return base64.b64decode(text, validate=True) or None
    except (binascii.Error, ValueError):
        return CellError(QT_TRANSLATE_NOOP("errors", "the photo is damaged (not valid base64)"))


def _name_from_n(parts: list[str]) -> str:
    family, given = (parts + ["", ""])[:2]
    if _HAN.search(family + given):
        return (family + given).strip()
    return " ".join(p for p in (given, family) if p).strip()


def _apply(contact: Contact, name: str, named: dict[str, str], bare: set[str], raw: str, row: int) -> None:
    """Add one property to ``contact``, the ``row`` (as numbered in the import) it becomes."""
    if name == "PHOTO":
        if raw.startswith("data:") and "base64," in raw:
            contact.photo = _photo(raw.split("base64,", 1)[1], row)
        elif named.get("ENCODING", "").upper() in ("B", "BASE64") or "BASE64" in bare:
            contact.photo = _photo(raw, row)
        return
    value = _value(named, bare, raw)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if name == "FN":
        contact.name = _unescape(value).strip()
    elif name == "N":
        contact.structured_name = _name_from_n(_split(value, ";"))
    elif name == "TEL":
        number = _unescape(value).strip()
        if number.lower().startswith("tel:"):
            number = number[4:]
        number = re.sub(r";ext=", " ext. ", number, flags=re.I)  # 4.0 "tel:" URIs: ";" would split the numbers
        if number:
            contact.phones.append(number)
    elif name == "EMAIL":
        if value.strip():
            contact.emails.append(_unescape(value).strip())
    elif name == "ORG":
        contact.company = " ".join(p for p in _split(value, ";") if p).strip()
    elif name == "TITLE":
        contact.title = _unescape(value).strip()
    elif name == "ADR" and not contact.address:
        parts = (_split(value, ";") + [""] * 7)[:7]
        _pobox, extended, street, city, region, _postal, _country = (p.strip() for p in parts)
        contact.address = " ".join(p for p in (street, extended) if p)
        contact.city, contact.region = city, region
    elif name == "BDAY":
        contact.birthday = value.strip()
    elif name == "NOTE":
        contact.notes = _unescape(value).strip()
    elif name == "CATEGORIES":
        contact.tags.extend(t.strip() for t in _split(value, ",") if t.strip())


def parse(text: str) -> list[Contact]:
    contacts: list[Contact] = []
    current: Contact | None = None
    for line in _unfold(text):
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            current = Contact()
            continue
        if upper == "END:VCARD":
            if current is not None and (current.name or current.structured_name or current.company
                                        or current.phones or current.emails):
                contacts.append(current)
            current = None
            continue
        if current is None:
            continue
        match = _PROPERTY.match(line)
        if match is None:
            continue
        named, bare = _params(match["params"])
        _apply(current, match["name"].upper(), named, bare, match["value"], row=len(contacts) + 2)
    if current is not None:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The vCard file ends in the middle of a contact (it may be "
                                                         "cut off). Export it again."))
    return contacts


def open_vcard(path: Path, *, encoding: str | None = None) -> sources.Source:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "This vCard file is larger than 200 MB; export fewer "
                                                         "contacts at a time."))
    data = path.read_bytes()
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "The file cannot be read as {encoding}."),
                                 encoding=encoding) from None
    else:
        text = _decode_file(data)
    contacts = parse(text)
    if not contacts:
        raise UnreadableFile(QT_TRANSLATE_NOOP("errors", "{file} holds no contacts."), file=path.name)
    rows = [contact.cells() for contact in contacts]

    def reader() -> Iterator[tuple[int, list[object]]]:
        yield 1, list(HEADERS)
        yield from sources.within_limits(enumerate(rows, start=2))

    return sources.build(path, "vcf", [list(HEADERS)], reader, len(rows) + 1, header_row=1)
