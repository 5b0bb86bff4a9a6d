"""Puts migrations/ and resources/ into the wheel as solocrm/_bundled/, where solocrm.locations.shipped_dir looks.

pyproject.toml names this class as setuptools' build_py (``[tool.setuptools.cmdclass]``);
an editable install reads them from the checkout, so nothing is copied then.
"""

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("migrations", "resources")


class BuildPyWithShippedFiles(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "solocrm" / "_bundled"
        for name in SHIPPED:
            shutil.copytree(ROOT / name, target / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
