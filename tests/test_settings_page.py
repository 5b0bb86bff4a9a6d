"""The settings page, driven as a user would: type, pick, Save or Revert, reopen the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from solocrm import settings
from solocrm.db.database import Database
from solocrm.services.changes import Changes
from solocrm.ui.settings_page import SettingsPage
from tests.conftest import type_text

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    # The offscreen platform's note about window size hints says nothing about our code.
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
]


@pytest.fixture
def page(qtbot, ctx, tmp_path: Path) -> SettingsPage:  # noqa: ANN001
    widget = SettingsPage(ctx, tmp_path / "data")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type_into_spin(qtbot, page: SettingsPage, key: str, text: str) -> None:  # noqa: ANN001
    spin = page.editors[key]
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, text)


def _click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_shows_stored_values_with_save_and_revert_disabled(page: SettingsPage) -> None:
    assert page.editors["churn_days"].value() == 180
    assert page.editors["phone_region"].currentData() == "CN"
    assert page.editors["churn_days"].minimum() == 1
    assert page.editors["churn_days"].maximum() == 3650
    assert not page.save_button.isEnabled()
    assert not page.revert_button.isEnabled()
    assert page.database_label.text() == str(page._ctx.db.path)


def test_change_churn_days_save_and_reopen(qtbot, page: SettingsPage, ctx, db_path: Path) -> None:  # noqa: ANN001
    _type_into_spin(qtbot, page, "churn_days", "90")
    assert page.editors["churn_days"].value() == 90
    assert page.save_button.isEnabled() and page.revert_button.isEnabled()

    with qtbot.waitSignal(ctx.bus.changed) as published:
        _click(qtbot, page.save_button)

    assert published.args == [Changes(settings=True), page]
    assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()
    assert page.status.text() == "Saved."
    ctx.db.close()
    reopened = Database.open(db_path)
    try:
        assert settings.get(reopened, "churn_days") == 90
        assert settings.get(reopened, "phone_region") == "CN"
    finally:
        reopened.close()


def test_revert_restores_saved_values_and_saves_nothing(qtbot, page: SettingsPage, ctx) -> None:  # noqa: ANN001
    _type_into_spin(qtbot, page, "churn_days", "45")
    type_text(qtbot, page.editors["business_name"], "好味道烘焙")
    combo = page.editors["phone_region"]
    combo.setCurrentIndex(combo.findData("HK"))
    assert set(page.pending_changes()) == {"churn_days", "business_name", "phone_region"}

    _click(qtbot, page.revert_button)

    assert page.editors["churn_days"].value() == 180
    assert page.editors["business_name"].text() == ""
    assert combo.currentData() == "CN"
    assert not page.save_button.isEnabled() and not page.revert_button.isEnabled()
    assert settings.load(ctx.db) == {spec.key: spec.default for spec in settings.SPECS}


def test_editing_back_to_the_saved_value_disables_save(qtbot, page: SettingsPage) -> None:  # noqa: ANN001
    _type_into_spin(qtbot, page, "churn_days", "181")
    assert page.save_button.isEnabled()
    _type_into_spin(qtbot, page, "churn_days", "180")
    assert not page.save_button.isEnabled()


def test_language_is_saved_and_takes_effect_on_restart(qtbot, page: SettingsPage, ctx) -> None:  # noqa: ANN001
    combo = page.editors["language"]
    combo.setCurrentIndex(combo.findData("zh_CN"))
    _click(qtbot, page.save_button)
    assert settings.get(ctx.db, "language") == "zh_CN"
    assert "next time SoloCRM starts" in page.status.text()


def test_settings_saved_elsewhere_are_shown(page: SettingsPage, ctx) -> None:  # noqa: ANN001
    settings.save(ctx.db, {"default_cadence_days": 14})
    ctx.bus.publish(Changes(settings=True), source=None)
    assert page.editors["default_cadence_days"].value() == 14
    assert not page.save_button.isEnabled()


def test_open_folder_opens_the_data_folder(
    qtbot, page: SettingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # noqa: ANN001
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    _click(qtbot, page.open_data_folder)
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "data")]


def _picture(path: Path, width: int, height: int) -> Path:
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f7d6d"))
    image.save(str(path))
    return path


def test_a_chosen_logo_is_stored_as_a_small_png_and_can_be_removed(qtbot, page: SettingsPage, ctx,  # noqa: ANN001
                                                                  tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from solocrm.reports import logo

    photo = _picture(tmp_path / "门店标志.jpg", 2400, 1200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(photo), ""))
    editor = page.editors["business_logo"]
    assert not editor.remove_button.isEnabled() and editor.preview.text() == "No logo"
    _click(qtbot, editor.choose_button)
    assert editor.preview.pixmap().height() == 48
    with qtbot.waitSignal(ctx.bus.changed):
        _click(qtbot, page.save_button)
    png = logo.decode(settings.get(ctx.db, "business_logo"))
    assert png is not None and logo.size(png) == (logo.MAX_SIDE, logo.MAX_SIDE // 2)

    _click(qtbot, editor.remove_button)
    with qtbot.waitSignal(ctx.bus.changed):
        _click(qtbot, page.save_button)
    assert settings.get(ctx.db, "business_logo") == ""


def test_a_file_that_is_no_picture_is_refused_with_a_message(qtbot, page: SettingsPage, ctx,  # noqa: ANN001
                                                            tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    broken = tmp_path / "logo.png"
    broken.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(broken), ""))
    _click(qtbot, page.editors["business_logo"].choose_button)
    assert "“logo.png” is not a picture SoloCRM can read" in page.status.text()
    assert not page.save_button.isEnabled()
    assert settings.get(ctx.db, "business_logo") == ""
