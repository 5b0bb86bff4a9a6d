"""Where SoloCRM keeps and finds its files.

One object holds the user's directories so tests and the CLI can point the app
somewhere else; nothing is created at import time.  Shipped files (migrations,
resources) are looked up in one place that works from a clone, an installed
wheel and a frozen bundle alike.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "SoloCRM"
DB_FILENAME = "solocrm.sqlite3"


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
