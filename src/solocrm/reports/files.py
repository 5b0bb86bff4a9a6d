"""Writing a report file so that an existing one is replaced only by a complete new one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from solocrm.errors import UserError
from solocrm.translatable import QT_TRANSLATE_NOOP


class ReportWriteError(UserError):
    pass


def write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary file beside ``path``, then rename it over ``path``.

    The temporary file is in the same folder so the rename is atomic; if
    anything fails the old file stays as it was and the partial one is removed.
    """
    path = Path(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    except OSError as error:
        raise ReportWriteError(QT_TRANSLATE_NOOP(
            "errors", "Cannot write the report to {path}: {why}. Choose a folder that exists and that you may "
                      "write to."), path=path, why=error.strerror or error) from error
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        raise ReportWriteError(QT_TRANSLATE_NOOP(
            "errors", "Cannot write the report to {path}: {why}. Close the file if it is open in another program, "
                      "or choose another name."), path=path, why=error.strerror or error) from error
    finally:
        temporary.unlink(missing_ok=True)
