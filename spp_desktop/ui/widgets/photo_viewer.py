"""A photo of pupils' work, large and upright, with its caption to read or write.

The picture is decoded in memory from the decrypted bytes the caller hands over (never written to
disk), turned upright by its EXIF orientation and scaled to the window. The caption is saved when the
viewer closes (`caption()` after `exec()`), so typing in it costs nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from .photo_strip import upright_image


class PhotoViewer(QDialog):
    def __init__(self, data: bytes | None, caption: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(self.tr("Photo viewer"))
        self.image: QImage | None = upright_image(data)
        layout = QVBoxLayout(self)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setMinimumSize(240, 180)
        self.picture.setAccessibleName(self.tr("Photo"))
        if self.image is None:
            self.picture.setText(self.tr("This photo is not on this laptop yet: it arrives with the next sync."))
            self.picture.setWordWrap(True)
        layout.addWidget(self.picture, 1)
        label = QLabel(self.tr("&Caption"), self)
        self.caption_edit = QLineEdit(caption, self)
        self.caption_edit.setPlaceholderText(self.tr("e.g. Year 5 writing: a paragraph redrafted after feedback"))
        self.caption_edit.setAccessibleName(self.tr("Caption"))
        label.setBuddy(self.caption_edit)
        layout.addWidget(label)
        layout.addWidget(self.caption_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.accept)  # Close and Escape keep the caption
        buttons.accepted.connect(self.accept)
        self.caption_edit.returnPressed.connect(self.accept)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(int(screen.width() * 0.7), int(screen.height() * 0.8))
        self.caption_edit.setFocus()

    def reject(self) -> None:
        self.accept()  # Escape closes; the caption typed so far is kept, as everywhere in the app

    def caption(self) -> str:
        return self.caption_edit.text().strip()

    def shown_size(self) -> QSize:
        """The size of the picture as drawn (for tests: a portrait photo is taller than wide)."""
        pixmap = self.picture.pixmap()
        return pixmap.size() if pixmap is not None and not pixmap.isNull() else QSize()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self.image is None:
            return
        room = self.picture.size()
        scaled = self.image.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(QPixmap.fromImage(scaled))
