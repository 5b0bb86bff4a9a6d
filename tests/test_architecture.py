"""The layering rules of design.md, checked so they cannot erode one import at a time.

Only ``solocrm.ui`` may import Qt: the services, analytics, reports and backup
must run from the CLI, scheduled jobs and scripts with no GUI installed.  And
the command line must start without loading the heavy libraries.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import solocrm

PACKAGE_DIR = Path(solocrm.__file__).resolve().parent
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy")
# Entry scripts that do their work at import time; they are scanned, not imported.
NOT_IMPORTABLE = {"solocrm.__main__"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_ui(module: str) -> bool:
    return module == "solocrm.ui" or module.startswith("solocrm.ui.")


def _core_modules() -> list[str]:
    names = ["solocrm"]
    for info in pkgutil.walk_packages([str(PACKAGE_DIR)], prefix="solocrm."):
        if not _is_ui(info.name) and info.name not in NOT_IMPORTABLE:
            names.append(info.name)
    return sorted(names)


def _imported_names(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append(node.module)
    return names


def _modules_loaded_after(statement: str) -> set[str]:
    """Top-level packages in sys.modules after running ``statement`` in a fresh interpreter."""
    code = f"{statement}\nimport json, sys\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_no_module_outside_ui_imports_qt_in_its_source() -> None:
    offenders = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        module = _module_name(path)
        if _is_ui(module):
            continue
        for name in _imported_names(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if name.split(".")[0] in QT_PACKAGES:
                offenders.append(f"{module} imports {name}")
    assert offenders == [], "only solocrm.ui may import Qt:\n" + "\n".join(offenders)


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = _core_modules()
    assert "solocrm.db.database" in modules and "solocrm.services.customers" in modules
    loaded = _modules_loaded_after("\n".join(f"import {name}" for name in modules))
    assert loaded.isdisjoint(QT_PACKAGES), f"a core module pulls in Qt: {sorted(loaded & set(QT_PACKAGES))}"


def test_cli_starts_without_heavy_libraries() -> None:
    loaded = _modules_loaded_after("import solocrm.cli")
    heavy = {"pandas", "matplotlib", "scipy", "PySide6"}
    assert loaded.isdisjoint(heavy), f"`import solocrm.cli` loads {sorted(loaded & heavy)}; import them in the command"
