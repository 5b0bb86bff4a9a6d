"""The business logo's editor on the settings page: a preview, Choose… and Remove.

A chosen picture is read with Qt (PNG, JPEG, BMP, GIF, WebP), scaled down to
``logo.MAX_SIDE`` pixels and kept as PNG, so reports get one format whatever
the user picked, and the database stays small.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from solocrm.reports import logo

PREVIEW_HIGH = 48
IMAGE_FILTER = "*.png *.jpg *.jpeg *.bmp *.gif *.webp"


def png_of(image: QImage) -> bytes:
    """``image`` scaled to fit ``logo.MAX_SIDE`` (never enlarged) and encoded as PNG."""
    if max(image.width(), image.height()) > logo.MAX_SIDE:
        image = image.scaled(logo.MAX_SIDE, logo.MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


class LogoEditor(QWidget):
    """Holds the stored form of the logo (base64 PNG text, "" for none)."""

    changed = Signal()
    refused = Signal(str)  # a message for the user: the chosen file could not be read

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value = ""
        self.preview = QLabel()
        self.preview.setFixedHeight(PREVIEW_HIGH)
        self.preview.setMinimumWidth(PREVIEW_HIGH)
        self.choose_button = QPushButton(self.tr("Choose image…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.setValue("", user=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose_button)
        layout.addWidget(self.remove_button)
        self._show()

    def value(self) -> str:
        return self._value

    def setValue(self, value: str, user: bool = False) -> None:  # noqa: N802 - Qt naming, like the editors beside it
        if value != self._value:
            self._value = value
            self._show()
            if user:
                self.changed.emit()

    def choose(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(self, self.tr("Choose your logo"), "",
                                                    self.tr("Images") + f" ({IMAGE_FILTER})")
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        image = QImage(path)
        if image.isNull():
            self.refused.emit(self.tr("“{name}” is not a picture SoloCRM can read. Choose a PNG or JPEG file.")
                              .format(name=path.rsplit("/", 1)[-1]))
            return
        self.setValue(logo.encode(png_of(image)), user=True)

    def _show(self) -> None:
        png = logo.decode(self._value)
        self.remove_button.setEnabled(png is not None)
        if png is None:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(pixmap.scaledToHeight(PREVIEW_HIGH, Qt.TransformationMode.SmoothTransformation))
