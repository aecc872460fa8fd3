"""Offline team merge: "Export for the team…" writes the review's encrypted bundle to a file the user
picks; "Import from a team member…" applies one and says what it added. Both run on a worker.

A refused bundle (another review, damaged or altered, another team's key, a newer format) changes
nothing; its message is shown as it is. The outcome is said in a message box over `window` (not
blocking: `message_box` while it is open) and by `finished(ok, text)`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from spp_desktop.services import sync_service as service
from spp_desktop.store.repository import ReviewStore

from ..i18n import counted
from ..i18n_sync import sync_error_text
from ..tasks import Task, run_in_background

SUFFIX = ".sppteam"


def initials(name: str) -> str:
    """ "Sam O'Neill" -> "SO": enough for a lead collecting three bundles to tell them apart."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isalpha()]
    return "".join(c for c in "".join(letters).upper() if "A" <= c <= "Z")[:4]


def bundle_name(store: ReviewStore, review_id: str, now: datetime) -> str:
    """team-bundle-JB-2026-03-12-1642.sppteam: who (initials, as the forms ask for staff) and when, to the
    minute; no school in the name."""
    me = store.me(review_id)
    member = next((m for m in store.review(review_id).team if m.id == me), None)
    who = initials(member.name) if member is not None else ""
    return f"team-bundle-{who + '-' if who else ''}{now:%Y-%m-%d-%H%M}{SUFFIX}"


def _start_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def ask_path(parent: QWidget, title: str, *, save: bool, file_filter: str, suggested: str = "") -> str | None:
    """A file dialog that leaves no folder name behind in Qt's QtProject.conf (folder names can name a
    school or a person): its history and last folder are reset before Qt saves them."""
    dialog = QFileDialog(parent, title, str(Path(_start_folder()) / suggested) if suggested else _start_folder(),
                         file_filter)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(SUFFIX.lstrip("."))
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = dialog.selectedFiles() if dialog.exec() else []
    dialog.setHistory([])
    dialog.setDirectory(str(Path.home()))
    dialog.deleteLater()
    return chosen[0] if chosen else None


class BundleActions(QObject):
    finished = Signal(bool, str)  # ok, what happened in words
    imported = Signal(str)  # review id that received changes

    def __init__(self, window: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.task: Task | None = None
        self.message_box: QMessageBox | None = None
        self.finished.connect(self._show)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def _filter(self) -> str:
        return self.tr("Team bundles (*{suffix});;All files (*)").format(suffix=SUFFIX)

    # --- export -------------------------------------------------------------------------------------
    def no_team_key_reason(self) -> str:
        return self.tr("This review was imported from a package, not checked out from the server, so it has "
                       "no team key: team bundles cannot be made for it. Check the review out from the server "
                       "(File ▸ Reviews on the server…) to share your evidence with the team.")

    def choose_export(self, parent: QWidget, store: ReviewStore, review_id: str) -> None:
        if not store.has_team_key(review_id):  # said before any file is chosen, not after
            self.finished.emit(False, self.no_team_key_reason())
            return
        suggested = bundle_name(store, review_id, datetime.now())
        path = ask_path(parent, self.tr("Export for the team"), save=True, file_filter=self._filter(),
                        suggested=suggested)
        if path:
            self.export_to(store, review_id, path)

    def export_to(self, store: ReviewStore, review_id: str, path: str | Path) -> Task | None:
        if self.task is not None:
            return None
        opener = store.worker_opener()  # made here, on the UI thread; the worker opens its connection
        self.task = run_in_background(service.in_worker, opener, service.export_bundle_file, review_id, path)
        self.task.succeeded.connect(lambda result: self._exported(result, Path(path)))
        self.task.failed.connect(self._failed)
        return self.task

    def _exported(self, result: Any, path: Path) -> None:
        self.task = None
        changes = counted(self.tr("%n change(s)", "", result.ops), result.ops)
        photos = counted(self.tr("%n photo(s)", "", result.photos), result.photos)
        self.finished.emit(True, self.tr(
            "Saved {changes} and {photos} to {file}. The file is encrypted for the review team: only team "
            "members who checked out this review can open it. Pass it on by USB stick, a shared drive or "
            "e-mail.").format(changes=changes, photos=photos, file=path.name))

    # --- import -------------------------------------------------------------------------------------
    def choose_import(self, parent: QWidget, store: ReviewStore, review_id: str | None) -> None:
        path = ask_path(parent, self.tr("Import from a team member"), save=False, file_filter=self._filter())
        if path:
            self.import_from(store, path, review_id)

    def import_from(self, store: ReviewStore, path: str | Path, review_id: str | None = None) -> Task | None:
        if self.task is not None:
            return None
        opener = store.worker_opener()  # made here, on the UI thread; the worker opens its connection
        self.task = run_in_background(service.in_worker, opener, service.import_bundle_file, path, review_id)
        self.task.succeeded.connect(self._imported)
        self.task.failed.connect(self._failed)
        return self.task

    def _imported(self, result: Any) -> None:
        self.task = None
        if result.added == 0 and result.photos == 0:
            text = self.tr("Nothing new: this laptop already had everything in that bundle.")
        else:
            changes = counted(self.tr("%n change(s)", "", result.added), result.added)
            photos = counted(self.tr("%n photo(s)", "", result.photos), result.photos)
            text = self.tr("Added {changes} and {photos} from the team member's bundle.").format(
                changes=changes, photos=photos)
            if result.duplicates:
                text += " " + counted(self.tr("%n change(s) (was|were) here already.", "", result.duplicates),
                                      result.duplicates)
        self.imported.emit(result.review_id)
        self.finished.emit(True, text)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        self.finished.emit(False, sync_error_text(exc))

    # --- saying what happened -----------------------------------------------------------------------
    def _show(self, ok: bool, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning, self.tr("Team bundle"),
                          text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("bundleMessage")
        self.close_message()
        self.message_box = box
        box.finished.connect(lambda _r: self.close_message(box))
        box.open()

    def close_message(self, box: QMessageBox | None = None) -> None:
        if self.message_box is not None and (box is None or box is self.message_box):
            self.message_box.deleteLater()
            self.message_box = None

    def forget(self) -> None:
        """On lock: close the message, and let a task still running report to nobody."""
        self.close_message()
        if self.task is not None:
            self.task.succeeded.disconnect()
            self.task.failed.disconnect()
            self.task = None
