"""Where SoloCRM keeps and finds its files.

One object holds the user's directories so tests and the CLI can point the app
somewhere else; nothing is created at import time.  Shipped files (migrations,
resources) are looked up in one place that works from a clone, an installed
wheel and a frozen bundle alike.  Every file and folder SoloCRM creates that
holds customer data is created through ``private_file`` / ``private_dir``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "SoloCRM"
DB_FILENAME = "solocrm.sqlite3"
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> "AppPaths":
        override = os.environ.get("SOLOCRM_DATA_DIR")
        if override:
            base = Path(override)
            return cls(data_dir=base, log_dir=base / "logs")
        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            log_dir=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )

    @property
    def default_db(self) -> Path:
        return self.data_dir / DB_FILENAME


def shipped_dir(name: str) -> Path:
    """Return the directory of shipped files called ``name`` ("migrations", "resources").

    A frozen build unpacks them beside the code, a wheel carries them inside the
    package (``solocrm/_bundled``), and a clone has them at the project root.
    """
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / name)
    here = Path(__file__).resolve().parent
    candidates.append(here / "_bundled" / name)
    candidates.append(here.parents[1] / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped directory {name!r} not found in {candidates}")


def private_dir(path: Path) -> Path:
    """Create the folder ``path``, and each missing parent, for the user alone: other accounts cannot list it.

    Parents too (as XDG asks), because the log folder is made first, inside
    ``SOLOCRM_DATA_DIR``.  An existing folder keeps its mode: it may be one the
    user chose (their Documents), and its mode is theirs to set.  Windows has no
    POSIX modes; a new folder there inherits its parent's access list.
    """
    if not path.parent.exists():
        private_dir(path.parent)
    path.mkdir(mode=PRIVATE_DIR_MODE, exist_ok=True)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty and readable by the user alone, before anything writes customer data into it.

    SQLite gives a database's ``-wal``, ``-shm`` and ``-journal`` files the mode
    of the database file, so creating the file here before SQLite opens it keeps
    those private too.  An existing file keeps its mode (the user's to set).
    Windows has no POSIX modes; the file inherits its folder's access list.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
    except FileExistsError:
        pass
    return path
