"""The app's look: calm spacing, a quiet navigation bar, tinted navigation icons.

Everything is derived from the current palette, so the light and the dark
system themes both look right, and it is rebuilt when the system switches
between them while SoloCRM runs.  The platform's own widget style is kept (no
forced Fusion): buttons, fields and dialogs look native on every system.
The one accent colour is the app icon's green.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QListWidgetItem

from solocrm.locations import shipped_dir

ACCENT = QColor("#2f7d6d")  # the app icon's green
ACCENT_ON_DARK = QColor("#5cb8a3")  # the same green, light enough to read on a dark background
NAV_ICONS = ("today", "customers", "duplicates", "analytics", "reports", "import", "backup", "settings")
NAV_ROW_HEIGHT = 36  # set on the item: a stylesheet height is measured too late for the list's first layout


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def accent(palette: QPalette) -> QColor:
    return QColor(ACCENT_ON_DARK if is_dark(palette) else ACCENT)


def _mix(a: QColor, b: QColor, share_of_b: float) -> str:
    mixed = QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * share_of_b,
        a.greenF() + (b.greenF() - a.greenF()) * share_of_b,
        a.blueF() + (b.blueF() - a.blueF()) * share_of_b,
    )
    return mixed.name()


def stylesheet(palette: QPalette) -> str:
    """The application stylesheet for ``palette``: only what the platform style leaves bare."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    green = accent(palette)
    nav_background = _mix(window, text, 0.04)
    return f"""
QListWidget#navigation {{
    background: {nav_background};
    border: none;
    border-right: 1px solid {_mix(window, text, 0.12)};
    padding: 10px 8px;
    outline: 0;
}}
QListWidget#navigation::item {{
    color: {text.name()};
    padding: 0 10px;
    margin: 1px 0;
    border-radius: 6px;
    border: none;
}}
QListWidget#navigation::item:hover {{
    background: {_mix(window, text, 0.08)};
}}
QListWidget#navigation::item:selected {{
    background: {_mix(window, green, 0.18)};
    color: {text.name()};
}}
QTableView {{
    gridline-color: {_mix(palette.color(QPalette.ColorRole.Base), text, 0.08)};
}}
QStatusBar {{
    color: {_mix(window, text, 0.75)};
}}
"""


class _NavIconEngine(QIconEngine):
    """Draws an SVG outline in the palette's colour at paint time, so a theme switch recolours it."""

    def __init__(self, renderer: QSvgRenderer) -> None:
        super().__init__()
        self._renderer = renderer

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        palette = QGuiApplication.palette()
        if mode == QIcon.Mode.Selected:
            color = accent(palette)
        elif mode == QIcon.Mode.Disabled:
            color = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
        else:
            color = palette.color(QPalette.ColorRole.WindowText)
        layer = QImage(rect.size() * painter.device().devicePixelRatioF(), QImage.Format.Format_ARGB32_Premultiplied)
        layer.fill(Qt.GlobalColor.transparent)
        p = QPainter(layer)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer.render(p, QRectF(0, 0, layer.width(), layer.height()))
        p.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        p.fillRect(layer.rect(), color)
        p.end()
        painter.drawImage(QRectF(rect), layer)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> "_NavIconEngine":
        return _NavIconEngine(self._renderer)


def nav_icon(name: str) -> QIcon:
    """A navigation icon (one of NAV_ICONS): an outline in the text colour, green when selected."""
    renderer = QSvgRenderer(str(shipped_dir("resources") / "icons" / "nav" / f"{name}.svg"))
    if not renderer.isValid():
        raise FileNotFoundError(f"navigation icon {name!r} is missing or broken")
    return QIcon(_NavIconEngine(renderer))


def nav_item(icon: str, text: str) -> QListWidgetItem:
    """An entry of the navigation list: its icon (one of NAV_ICONS), its text, a comfortable height."""
    item = QListWidgetItem(nav_icon(icon), text)
    item.setSizeHint(QSize(0, NAV_ROW_HEIGHT))  # the list gives every row its full width
    return item


class _ThemeFollower(QObject):
    """Re-applies the stylesheet when the system switches between light and dark."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        app.styleHints().colorSchemeChanged.connect(self.reapply)

    def reapply(self) -> None:
        self._app.setStyleSheet(stylesheet(self._app.palette()))


def apply(app: QApplication) -> None:
    """Style ``app`` now and whenever the system colour scheme changes."""
    app.setStyleSheet(stylesheet(app.palette()))
    _ThemeFollower(app)
