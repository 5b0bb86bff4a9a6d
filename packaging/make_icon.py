"""Draws the app icon so it can be regenerated: `python packaging/make_icon.py`.

Writes resources/icons/solocrm.png (256 px) and solocrm-<size>.png (what the app,
the menu entry and the bundle use), and packaging/icons/solocrm.ico (Windows .exe)
and solocrm.icns (macOS .app) through Pillow, so building needs no converter.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath  # noqa: E402


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addRoundedRect(QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92), size * 0.2, size * 0.2)
    p.fillPath(path, QColor("#2f7d6d"))
    p.setPen(QColor("#ffffff"))
    font = QFont("Noto Sans CJK SC")
    font.setPixelSize(int(size * 0.5))
    font.setBold(True)
    p.setFont(font)
    p.drawText(QRectF(0, 0, size, size * 0.92), Qt.AlignmentFlag.AlignCenter, "客")
    p.setBrush(QColor("#f2c14e"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(size * 0.66, size * 0.66, size * 0.2, size * 0.2))
    p.end()
    return image


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    out = Path(__file__).resolve().parents[1] / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(out / "solocrm.png"))
    for size in (16, 32, 48, 64, 128):
        draw(size).save(str(out / f"solocrm-{size}.png"))

    from PIL import Image

    platform_icons = Path(__file__).resolve().parent / "icons"
    platform_icons.mkdir(exist_ok=True)
    large = platform_icons / "solocrm-1024.png.tmp"
    draw(1024).save(str(large), "PNG")
    with Image.open(large) as image:
        image.save(platform_icons / "solocrm.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
        image.save(platform_icons / "solocrm.icns")
    large.unlink()
