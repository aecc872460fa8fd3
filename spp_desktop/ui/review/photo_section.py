"""The photos part of a capture form: attach several at once or by dropping, view with a caption,
remove with undo.

Every photo goes through `ReviewStore.add_photo` (HEIC/WebP converted, EXIF/GPS stripped, encrypted);
the bytes only ever exist decrypted in memory, for the thumbnails and the viewer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QVBoxLayout, QWidget

from spp_desktop.store.errors import (
    MAX_PHOTO_BYTES,
    MAX_PHOTO_FILE_BYTES,
    PhotoNotAccepted,
    PhotoTooLarge,
    StoreError,
)

from ..i18n import error_text
from ..widgets.photo_strip import PhotoStrip
from ..widgets.photo_viewer import PhotoViewer
from ..widgets.undo_bar import UndoBar

PHOTO_PATTERNS = "*.jpg *.jpeg *.png *.heic *.heif *.webp *.JPG *.JPEG *.PNG *.HEIC *.HEIF *.WEBP"


class PhotoSection(QWidget):
    """Signals: `problem(str)` for a plain message, `changed()` after photos were added or removed."""

    problem = Signal(str)
    changed = Signal()

    def __init__(self, store: Any, review_id: str, evidence_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.review_id = review_id
        self.evidence_id = evidence_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.strip = PhotoStrip(self)
        self.undo_bar = UndoBar(self)
        layout.addWidget(self.strip)
        layout.addWidget(self.undo_bar)
        self.strip.attach_requested.connect(self.choose_photos)
        self.strip.remove_requested.connect(self.remove_photo)
        self.strip.open_requested.connect(self.open_viewer)
        self.strip.files_dropped.connect(self.attach_files)
        self.viewer: PhotoViewer | None = None
        self.before_attach: Callable[[], object] = lambda: None  # the form creates a new record first

    # --- showing ----------------------------------------------------------------------------------
    def reload(self) -> bool:
        try:
            photos = self.store.photos(self.review_id, self.evidence_id)
            shown = [(p.id, p.caption, self.store.photo_bytes(self.review_id, p.id)) for p in photos]
        except StoreError as exc:
            self.problem.emit(error_text(exc))
            return False
        self.strip.set_photos(shown)
        return True

    def open_viewer(self, attachment_id: str) -> None:
        """Show the photo large (window-modal, not a nested event loop); its caption is saved on close."""
        if self.viewer is not None:
            self.viewer.close()
        viewer = self.make_viewer(attachment_id)
        if viewer is None:
            return
        self.viewer = viewer
        viewer.finished.connect(lambda _result: self._viewer_closed(attachment_id, viewer))
        viewer.open()

    def _viewer_closed(self, attachment_id: str, viewer: PhotoViewer) -> None:
        self.save_caption(attachment_id, viewer)
        if self.viewer is viewer:
            self.viewer = None
        viewer.deleteLater()

    def make_viewer(self, attachment_id: str) -> PhotoViewer | None:
        """The viewer for one photo, not yet shown (tests drive it without a modal exec())."""
        try:
            photo = next((p for p in self.store.photos(self.review_id, self.evidence_id) if p.id == attachment_id), None)
            if photo is None:
                return None
            data = self.store.photo_bytes(self.review_id, attachment_id)
        except StoreError as exc:
            self.problem.emit(error_text(exc))
            return None
        index = self.strip.attachment_ids().index(attachment_id) + 1 if attachment_id in self.strip.attachment_ids() else 1
        return PhotoViewer(data, photo.caption, self.tr("Photo {n}").format(n=index), self)

    def save_caption(self, attachment_id: str, viewer: PhotoViewer) -> None:
        try:
            self.store.set_photo_caption(self.review_id, attachment_id, viewer.caption())
        except (StoreError, KeyError) as exc:
            self.problem.emit(error_text(exc) if isinstance(exc, StoreError) else self.tr("That photo was removed."))
            return
        self.reload()
        self.strip.select(attachment_id)
        self.changed.emit()

    # --- attaching --------------------------------------------------------------------------------
    def photo_dialog(self) -> QFileDialog:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation) or str(Path.home())
        dialog = QFileDialog(self, self.tr("Attach photos of pupils' work"), start,
                             self.tr("Photos ({patterns})").format(patterns=PHOTO_PATTERNS))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        return dialog

    @staticmethod
    def forget_dialog_folder(dialog: QFileDialog) -> None:
        """Qt writes a file dialog's history and last folder to QtProject.conf in the clear when it is
        destroyed; a folder name can name a school or a child, so leave only the home folder there."""
        dialog.setHistory([])
        dialog.setDirectory(str(Path.home()))
        dialog.deleteLater()

    def choose_photos(self) -> None:
        dialog = self.photo_dialog()
        chosen = dialog.selectedFiles() if dialog.exec() else []
        self.forget_dialog_folder(dialog)
        if chosen:
            self.attach_files(chosen)

    def attach_files(self, paths: Sequence[str | Path]) -> int:
        """Attach each file; the number attached. The files that could not be are named in one message."""
        attached, refused = 0, []
        try:
            self.before_attach()
        except StoreError as exc:
            self.problem.emit(error_text(exc))
            return 0
        for path in paths:
            message = self._attach_one(Path(path), several=len(paths) > 1)
            if message:
                refused.append(message)
            else:
                attached += 1
        if attached:
            self.reload()
            self.changed.emit()
        if refused:
            self.problem.emit(" ".join(refused))
        return attached

    def _attach_one(self, path: Path, *, several: bool) -> str:
        """"" when attached, else the reason in plain words (naming the file when several were chosen)."""
        try:
            size = path.stat().st_size
            data = path.read_bytes() if size <= MAX_PHOTO_FILE_BYTES else b""  # too large: never read whole
        except OSError:
            return self.tr("The file {name} could not be read.").format(name=path.name)
        try:
            if size > MAX_PHOTO_FILE_BYTES:
                raise PhotoTooLarge(size, MAX_PHOTO_BYTES)
            self.store.add_photo(self.review_id, self.evidence_id, data)
        except PhotoNotAccepted as exc:  # too large, damaged, not a photo: the store's sentence, translated
            reason = error_text(exc)
        except StoreError as exc:
            return error_text(exc)
        else:
            return ""
        finally:
            del data
        return self.tr("{name}: {reason}").format(name=path.name, reason=reason) if several else reason

    # --- removing ---------------------------------------------------------------------------------
    def remove_photo(self, attachment_id: str) -> None:
        try:
            self.store.remove_photo(self.review_id, attachment_id)
        except StoreError as exc:
            self.problem.emit(error_text(exc))
            return
        self.reload()
        self.changed.emit()
        self.undo_bar.offer(self.tr("Photo removed."), lambda: self.restore_photo(attachment_id))

    def restore_photo(self, attachment_id: str) -> None:
        try:
            self.store.restore_photo(self.review_id, attachment_id)
        except StoreError as exc:
            self.problem.emit(error_text(exc))
            return
        self.reload()
        self.strip.select(attachment_id)
        self.changed.emit()
