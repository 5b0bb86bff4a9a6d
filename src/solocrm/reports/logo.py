"""The business logo as reports use it: PNG bytes kept in the settings as base64 text.

The GUI scales a chosen picture to at most ``MAX_SIDE`` pixels and stores it
as PNG; keeping it in the database (not as a path) means a backup, a restore
or a copy of the file to another computer keeps the logo on the reports.
"""

from __future__ import annotations

import base64
import binascii
import struct

MAX_SIDE = 600  # pixels: sharp at the 4 cm a title page prints it, small in the database
_PNG = b"\x89PNG\r\n\x1a\n"


def encode(png: bytes) -> str:
    return base64.b64encode(png).decode("ascii")


def decode(stored: str) -> bytes | None:
    """The PNG bytes of a stored logo; None when there is none or it is not a PNG."""
    if not stored:
        return None
    try:
        data = base64.b64decode(stored, validate=True)
    except (binascii.Error, ValueError):
        return None
    return data if size(data) is not None else None


def size(png: bytes) -> tuple[int, int] | None:
    """(width, height) from a PNG's header, None for anything else."""
    if len(png) < 24 or not png.startswith(_PNG) or png[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", png[16:24])
    return (width, height) if width and height else None
