"""Help > About tells what this copy is and what it is built from; the style follows light and dark themes."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette

from solocrm import __version__
from solocrm.ui import style
from solocrm.ui.about_dialog import AboutDialog


@pytest.fixture
def about(qtbot, tmp_path: Path) -> AboutDialog:  # noqa: ANN001
    dialog = AboutDialog(tmp_path / "shop.sqlite3", tmp_path, tmp_path / "log")
    qtbot.addWidget(dialog)
    return dialog


def _texts(dialog: AboutDialog) -> str:
    from PySide6.QtWidgets import QLabel

    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_shows_the_version_and_where_the_data_is(about: AboutDialog, tmp_path: Path) -> None:
    text = _texts(about)
    assert f"SoloCRM {__version__}" in text
    assert str(tmp_path / "shop.sqlite3") in text and str(tmp_path / "log") in text


def test_about_lists_bundled_components_with_their_licences(about: AboutDialog) -> None:
    rows = {about.table.item(r, 0).text(): about.table.item(r, 2).text() for r in range(about.table.rowCount())}
    assert "LGPL-3.0" in rows["PySide6_Essentials"]
    assert rows["SQLAlchemy"] == "MIT" and rows["alembic"] == "MIT"
    assert "pytest" not in rows  # the test extra is not shipped
    row = next(r for r in range(about.table.rowCount()) if about.table.item(r, 0).text() == "SQLAlchemy")
    about.table.selectRow(row)
    assert "Permission is hereby granted" in about.licence_text.toPlainText()


def test_help_about_opens_the_dialog(ctx, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:  # noqa: ANN001
    from solocrm.ui.main_window import MainWindow

    shown = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: shown.append(_texts(self)) or 0)
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.about()
    assert shown and str(ctx.db.path) in shown[0]


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.Base, QColor(window))
    return palette


def test_the_stylesheet_is_drawn_from_the_palette_so_dark_themes_stay_dark() -> None:
    light = style.stylesheet(_palette("#f0f0f0", "#1a1a1a"))
    dark = style.stylesheet(_palette("#202020", "#e8e8e8"))
    assert "#e8e8e8" in dark and "#1a1a1a" not in dark
    assert light != dark
    assert style.accent(_palette("#202020", "#e8e8e8")).lightnessF() > style.accent(
        _palette("#f0f0f0", "#1a1a1a")).lightnessF()


def _ink(icon: QIcon, mode: QIcon.Mode) -> set[tuple[int, int, int]]:
    """The colours of the icon's opaque pixels."""
    image = icon.pixmap(24, 24, mode).toImage()
    return {image.pixelColor(x, y).getRgb()[:3] for x in range(24) for y in range(24)
            if image.pixelColor(x, y).alpha() == 255}


def test_navigation_icons_take_the_text_colour_and_the_accent_when_selected(qapp) -> None:  # noqa: ANN001
    text = qapp.palette().color(QPalette.ColorRole.WindowText).getRgb()[:3]
    green = style.accent(qapp.palette()).getRgb()[:3]
    for name in style.NAV_ICONS:
        icon = style.nav_icon(name)
        assert _ink(icon, QIcon.Mode.Normal) == {text}, name
        assert _ink(icon, QIcon.Mode.Selected) == {green}, name



@pytest.mark.parametrize("customers", [0, 40])
def test_no_wrapped_text_on_any_page_is_cut_off(ctx, qtbot, tmp_path: Path, customers: int) -> None:  # noqa: ANN001
    """A wrapped label given less height than its text needs shows half a line (the empty Backup page did)."""
    from PySide6.QtWidgets import QLabel

    from solocrm.services import demo
    from solocrm.ui.main_window import MainWindow

    if customers:
        demo.generate(ctx.db, customers, seed=5, now=ctx.clock())
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()

    def cut_off() -> list[tuple[str, int, int]]:
        found = []
        for label in window.findChildren(QLabel):
            if label.isVisible() and label.wordWrap() and label.text():
                margins = label.height() - label.contentsRect().height()
                needed = label.heightForWidth(label.contentsRect().width()) + margins
                if label.height() < needed:
                    found.append((label.text()[:40], label.height(), needed))
        return found

    cut = {}
    if not customers:  # a new file opens on the welcome page
        with contextlib.suppress(qtbot.TimeoutError):
            qtbot.waitUntil(lambda: not cut_off(), timeout=2000)
        if cut_off():
            cut["welcome"] = cut_off()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        with contextlib.suppress(qtbot.TimeoutError):  # what is still cut once the page has settled is reported
            qtbot.waitUntil(lambda: not cut_off(), timeout=2000)
        if cut_off():
            cut[window.nav.item(row).text()] = cut_off()
    assert not cut


def test_the_window_fits_a_small_laptop_screen(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """1366 x 768 at 125 % scaling leaves 1093 x 614 points; every page must fit, however narrow."""
    from solocrm.services import demo
    from solocrm.ui.main_window import MainWindow

    demo.generate(ctx.db, 40, seed=5, now=ctx.clock())  # filled lists and choices are the widest
    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
    qtbot.wait(20)
    assert window.minimumSizeHint().width() <= 1093
    assert window.minimumSizeHint().height() <= 614


def test_a_first_window_opens_within_the_screen(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    from solocrm.ui.import_wizard import ImportWizard
    from solocrm.ui.main_window import MainWindow
    from solocrm.ui.window_size import SCREEN_SHARE

    room = QApplication.primaryScreen().availableGeometry()
    window = MainWindow(ctx, tmp_path)
    wizard = ImportWizard(ctx)
    for widget in (window, wizard):
        qtbot.addWidget(widget)
        assert widget.width() <= max(room.width() * SCREEN_SHARE, widget.minimumSizeHint().width())
        assert widget.height() <= room.height() * SCREEN_SHARE


def test_a_new_file_opens_on_the_welcome_page_and_stays_there(ctx, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """The navigation list, focused with no row chosen, would pick Today and hide the welcome page at once."""
    from solocrm.ui.main_window import MainWindow

    window = MainWindow(ctx, tmp_path)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.wait(50)
    assert window.pages.currentWidget() is window.welcome
    assert window.nav.currentRow() == -1
