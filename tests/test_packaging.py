"""The desktop bundle: built from packaging/solocrm.spec, started headless as a user's machine would.

The real bundle is built (about three minutes on two cores), once for this
module, into a temporary folder; then the frozen app must print its version,
pass its self-check (database, migrations, translations, icons, main window),
open a real database to a usable window, and add itself to the menu.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import build  # noqa: E402
import bundle_contents  # noqa: E402

from solocrm import __version__  # noqa: E402


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bundle")
    build.build(folder / "dist", folder / "work", release_translations=False)  # test_i18n checks the .qm
    return folder / "dist"


def _run(exe: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    # No PYTHONPATH or venv: the bundle must bring everything it needs.
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    clean.update({"QT_QPA_PLATFORM": "offscreen", **(env or {})})
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=clean, timeout=300, cwd="/")


def test_the_frozen_app_reports_its_version(dist: Path) -> None:
    result = _run(build.command_line_executable(dist), "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"SoloCRM {__version__}"


def test_the_frozen_app_passes_its_self_check_on_a_new_database(dist: Path, tmp_path: Path) -> None:
    db = tmp_path / "fresh.sqlite3"
    result = _run(build.command_line_executable(dist), "self-check", "--db", str(db))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "OK"
    bundle_root = str(build.app_path(dist))
    assert any(line.startswith("resources " + bundle_root) for line in lines), "resources must come from the bundle"
    if sys.platform.startswith("linux"):  # no file dialog can drop the database's locks (solocrm.db.locks)
        assert any(line.startswith("database ") and line.endswith("open file description locks") for line in lines)
    assert db.exists()


def test_the_frozen_app_opens_to_a_usable_window_and_joins_the_menu(dist: Path, tmp_path: Path) -> None:
    from solocrm.db.database import Database
    from solocrm.services import customers

    db_path = tmp_path / "shop.sqlite3"
    db = Database.open(db_path)
    customers.create(db, customers.CustomerInput(name="王芳"))
    db.close()
    share = tmp_path / "share"
    result = _run(build.command_line_executable(dist), "--db", str(db_path),
                  env={"SOLOCRM_QUIT_WHEN_READY": "1", "SOLOCRM_DATA_DIR": str(tmp_path / "data"),
                       "XDG_DATA_HOME": str(share), "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("ready")
    entry = (share / "applications" / "solocrm.desktop").read_text(encoding="utf-8")
    assert f"Exec={build.command_line_executable(dist)}" in entry


def test_the_bundle_leaves_out_what_solocrm_never_loads(dist: Path) -> None:
    app = build.app_path(dist)
    files = [p.relative_to(app).as_posix() for p in app.rglob("*") if p.is_file()]
    assert not [f for f in files if "QtQuick" in f or "Qt6Qml" in f or "QtWebEngine" in f or "Qt63D" in f]
    assert not [f for f in files if "platformthemes/libqgtk3" in f or "libgtk-3" in f]
    assert not [f for f in files if f.startswith("_internal/pandas/")]
    translations = sorted(Path(f).name for f in files if f.endswith(".qm"))
    assert translations == ["qt_en.qm", "qt_zh_CN.qm", "qtbase_en.qm", "qtbase_zh_CN.qm",
                            "solocrm_en.qm", "solocrm_zh_CN.qm"]


def test_unused_files_are_recognised_and_used_ones_kept() -> None:
    keep = bundle_contents.keep_in_bundle
    assert not keep("PySide6/Qt/lib/libQt6Quick.so.6")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so")
    assert keep("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert keep("resources/translations/solocrm_zh_CN.qm")


def test_a_system_library_only_a_dropped_plugin_needed_is_dropped_too() -> None:
    entries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
        ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
        ("libfreetype.so.6", "/usr/lib/libfreetype.so.6", "BINARY"),
        ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
    ]
    needs = {"/qt/libqgtk3.so": ["libcairo.so.2", "libfreetype.so.6"], "/qt/libQt6Gui.so.6": ["libfreetype.so.6"]}
    kept = bundle_contents.prune_binaries(entries, lambda path: [(n, n) for n in needs.get(path, [])])
    assert [e[0] for e in kept] == ["PySide6/Qt/lib/libQt6Gui.so.6", "libfreetype.so.6", "libpython3.11.so.1.0"]
