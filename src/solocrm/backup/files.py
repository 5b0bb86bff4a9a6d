"""The file layer every backup write goes through, and the safe-write recipe.

All writes of backup files and key files pass through one ``FileLayer`` so
that tests can put a failing layer in its place (disk full at write, an I/O
error at fsync or rename) and see the job fail with older backups untouched.

Safe write: ``<name>.part``, fsync, drop it from the page cache, re-read and
verify it, rename over nothing, fsync the folder.  A ``.part`` file is never
a backup; leftovers of a killed run are removed when the next one starts.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from solocrm.backup.errors import DiskFull, WriteFailed
from solocrm.errors import Explained
from solocrm.translatable import QT_TRANSLATE_NOOP

PART_SUFFIX = ".part"
T = TypeVar("T")


class FileLayer:
    """Thin wrappers over the OS calls a write needs; subclass to inject faults."""

    def create(self, path: Path) -> int:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)

    def write(self, fd: int, data: bytes | memoryview) -> None:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def rename(self, src: Path, dst: Path) -> None:
        os.replace(src, dst)

    def fsync_dir(self, folder: Path) -> None:
        if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
            return
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def drop_cache(self, path: Path) -> None:
        """Ask the OS to forget cached pages, so the re-read comes from the disk, not memory."""
        if hasattr(os, "posix_fadvise"):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


class HashingWriter(io.RawIOBase):
    """A writable file object over a FileLayer fd that hashes and counts what passes."""

    def __init__(self, layer: FileLayer, fd: int) -> None:
        super().__init__()
        self.layer = layer
        self.fd = fd
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.layer.write(self.fd, data)
        self.sha256.update(data)
        self.size += len(data)
        return len(data)


def io_error(exc: OSError, what: Explained) -> WriteFailed:
    """The user-facing class for an OS error while writing ``what``."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFull(QT_TRANSLATE_NOOP(
            "errors", "The disk is full: {what} could not be written. Free some space on the backup drive or "
                      "choose another folder. Older backups were not touched."), what=what)
    return WriteFailed(QT_TRANSLATE_NOOP(
        "errors", "{what} could not be written ({detail}). Check that the backup drive is connected and "
                  "writable. Older backups were not touched."), what=what, detail=exc.strerror or exc)


def remove_leftover_parts(folder: Path, pattern: str = "*" + PART_SUFFIX) -> list[Path]:
    """Delete ``.part`` files a killed run left behind; they are never backups."""
    removed = []
    if folder.is_dir():
        for part in folder.glob(pattern):
            try:
                part.unlink()
                removed.append(part)
            except OSError:
                pass
    return removed


def write_safely(final: Path, produce: Callable[[HashingWriter], None],
                 verify: Callable[[Path, str], T], layer: FileLayer | None = None,
                 what: Explained | None = None) -> tuple[T, str, int]:
    """Write ``final`` through a verified ``.part`` file; return (verify result, sha256, size).

    ``produce`` writes the content; ``verify(part, sha256)`` re-reads the part
    and raises if it is not exactly what was written.  On any failure the part
    is removed and ``final`` never appears.
    """
    layer = layer or FileLayer()
    if final.exists():
        raise WriteFailed(QT_TRANSLATE_NOOP(
            "errors", "{final} already exists; nothing was overwritten."), final=final)
    part = final.with_name(final.name + PART_SUFFIX)
    try:
        try:
            fd = layer.create(part)
        except FileExistsError:
            part.unlink()
            fd = layer.create(part)
        writer = HashingWriter(layer, fd)
        try:
            produce(writer)
            layer.fsync(fd)
        finally:
            layer.close(fd)
        digest = writer.sha256.hexdigest()
        layer.drop_cache(part)
        result = verify(part, digest)
        layer.rename(part, final)
        layer.fsync_dir(final.parent)
    except OSError as exc:
        _discard(part)
        raise io_error(exc, what or Explained(QT_TRANSLATE_NOOP("errors", "The backup"))) from exc
    except BaseException:
        _discard(part)
        raise
    return result, digest, writer.size


def _discard(part: Path) -> None:
    try:
        part.unlink()
    except OSError:
        pass
