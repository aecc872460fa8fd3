"""Thumbnails of the photos attached to a record, with "Attach photos…" and "Remove".

The strip only shows pictures: the form hands it decrypted bytes, which are decoded and scaled in
memory, upright by their EXIF orientation. Nothing is cached to disk. Photos whose bytes are not on
this laptop yet (not synced) show a placeholder. Files dropped on the strip are offered for
attaching (`files_dropped`); a double-click or Enter asks for the viewer (`open_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QImageReader, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

THUMB_EM = 7  # thumbnail size in multiples of the font's "M" width


def upright_image(data: bytes | None) -> QImage | None:
    """The picture from image bytes, turned upright by its EXIF orientation; None if missing or bad."""
    if not data:
        return None
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a portrait phone photo is stored sideways with an orientation flag
    image = reader.read()
    return None if image.isNull() else image


def thumbnail(data: bytes | None, size: int) -> QPixmap | None:
    """A scaled pixmap from image bytes, in memory only; None if the bytes are missing or bad."""
    image = upright_image(data)
    if image is None:
        return None
    scaled = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    return QPixmap.fromImage(scaled)


def local_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    """The local files a drag carries (a web link or text is not a photo file)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class _ThumbList(QListWidget):
    delete_pressed = Signal()
    open_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem() is not None:
            self.delete_pressed.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.open_pressed.emit()
            return
        super().keyPressEvent(event)


class PhotoStrip(QWidget):
    attach_requested = Signal()
    remove_requested = Signal(str)  # attachment id
    open_requested = Signal(str)  # attachment id
    files_dropped = Signal(list)  # local file paths

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.thumb_size = self.fontMetrics().horizontalAdvance("M") * THUMB_EM
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = _ThumbList(self)
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setIconSize(QSize(self.thumb_size, self.thumb_size))
        self.list.setSpacing(4)
        self.list.setAccessibleName(self.tr("Attached photos"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.list.setFixedHeight(self.thumb_size + self.fontMetrics().height() * 2 + 24)
        self.list.delete_pressed.connect(self._remove_current)
        self.list.open_pressed.connect(self._open_current)
        self.list.itemDoubleClicked.connect(lambda item: self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.list.setAcceptDrops(False)  # drops land on the strip itself (the list would take them as moves)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel(self.tr("No photos yet: attach them or drop them here. Photos are stored "
                                    "encrypted, without location or camera data."), self)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "muted")
        buttons = QHBoxLayout()
        self.attach_button = QPushButton(self.tr("Attach photos…"), self)
        self.attach_button.setAccessibleName(self.tr("Attach photos of pupils' work"))
        self.attach_button.setAutoDefault(False)
        self.attach_button.clicked.connect(self.attach_requested)
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.remove_button.setAccessibleName(self.tr("Remove the selected photo"))
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove_current)
        self.view_button = QPushButton(self.tr("View"), self)
        self.view_button.setAccessibleName(self.tr("View the selected photo and its caption"))
        self.view_button.setAutoDefault(False)
        self.view_button.clicked.connect(self._open_current)
        buttons.addWidget(self.attach_button)
        buttons.addWidget(self.view_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(buttons)
        self.set_photos([])

    def set_photos(self, photos: list[tuple[str, str, bytes | None]]) -> None:
        """(attachment id, caption, decrypted bytes or None) for each photo."""
        self.list.clear()
        for index, (attachment_id, caption, data) in enumerate(photos, start=1):
            pixmap = thumbnail(data, self.thumb_size)
            label = caption or self.tr("Photo {n}").format(n=index)
            item = QListWidgetItem(label if pixmap else self.tr("{photo}\n(not on this laptop yet)").format(photo=label))
            if pixmap is not None:
                item.setIcon(QIcon(pixmap))
            item.setData(Qt.ItemDataRole.UserRole, attachment_id)
            item.setToolTip(label)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            self.list.addItem(item)
        self.list.setVisible(bool(photos))
        self.empty.setVisible(not photos)
        if photos:
            self.list.setCurrentRow(len(photos) - 1)
        self._update_buttons()

    def count(self) -> int:
        return self.list.count()

    def attachment_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def select(self, attachment_id: str) -> None:
        ids = self.attachment_ids()
        if attachment_id in ids:
            self.list.setCurrentRow(ids.index(attachment_id))

    def _update_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.remove_button.setEnabled(chosen)
        self.view_button.setEnabled(chosen)

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802, ANN001
        event.acceptProposedAction() if local_files(event) else event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        files = local_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)

    def _remove_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(Qt.ItemDataRole.UserRole))
