"""The partnership closed a review: say so in plain words, offer to save its documents, then remove the
laptop's copy. Opened after a sync or a team bundle brings the closure, and from the review's Home card."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.services.closing import ClosedReview, StillUnsynced, export_documents, remove_closed_review
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import error_text, full_date, summary_language


class ClosedReviewDialog(QDialog):
    removed = Signal(str)  # the review id, once its copy is gone from this laptop

    def __init__(self, store: ReviewStore, closed: ClosedReview, parent: QWidget | None = None, *,
                 before_remove: Callable[[str], bool] | None = None):
        super().__init__(parent)
        self._before_remove = before_remove  # the window leaves the review's pages (False: it could not)
        self.setObjectName("closedReviewDialog")
        self.store, self.closed = store, closed
        self.setWindowTitle(self.tr("Review closed"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(theme.heading(self.tr("The review of {school} has been closed").format(
            school=closed.host_school), 2))
        self.explanation = self._text(self.tr(
            "The partnership closed this review on {date}. Its evidence, photos and notes will now be removed "
            "from this laptop; the partnership's server keeps its outcome. If you need them, save the review's "
            "documents first (the feedback summary, the workshop plan and the check-in note, as PDF files that "
            "are not encrypted: keep them as the data-sharing agreement says).").format(
            date=full_date(closed.closed_on)))
        layout.addWidget(self.explanation)
        self.waiting = self._text("")
        layout.addWidget(self.waiting)
        self.result_label = self._text("")
        self.result_label.setObjectName("closedReviewResult")
        self.result_label.hide()
        layout.addWidget(self.result_label)

        buttons = QDialogButtonBox()
        self.save_button = QPushButton(self.tr("&Save documents…"))
        self.remove_button = QPushButton(self.tr("&Remove from this laptop"))
        self.later_button = QPushButton(self.tr("&Not now"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(lambda: self.save_documents())
        self.remove_button.clicked.connect(self.remove)
        self.later_button.clicked.connect(self.reject)
        self.save_button.setDefault(True)  # Enter saves; removing is never one keystroke away
        layout.addWidget(buttons)
        self.update_from(closed)

    def update_from(self, closed: ClosedReview) -> None:
        """The review as it is now (a sync may have sent the changes that kept it here)."""
        self.closed = closed
        self.waiting.setText(self.tr(
            "{n} changes made on this laptop have not reached the server yet, so the review stays until they "
            "have: sync again, then remove it.").format(n=closed.unsynced) if closed.unsynced > 1 else self.tr(
            "1 change made on this laptop has not reached the server yet, so the review stays until it has: "
            "sync again, then remove it."))
        self.waiting.setVisible(closed.unsynced > 0)
        self.remove_button.setEnabled(closed.unsynced == 0)

    @staticmethod
    def _text(words: str) -> QLabel:
        label = QLabel(words)
        label.setWordWrap(True)
        return label

    def _say(self, words: str) -> None:
        self.result_label.setText(words)
        self.result_label.show()

    def save_documents(self, folder: Path | None = None) -> list[Path]:
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the documents"),
                                                      str(Path.home()))
            if not chosen:
                return []
            folder = Path(chosen)
        try:
            written = export_documents(self.store, self.closed.review_id, folder, language=summary_language())
        except (OSError, StoreError) as exc:
            reason = (exc.strerror or str(exc)) if isinstance(exc, OSError) else error_text(exc)
            self._say(self.tr("The documents could not be saved in {folder}: {reason}. Nothing was removed.").format(
                folder=str(folder), reason=reason))
            return []
        if written:
            self._say(self.tr("Saved in {folder}: {names}.").format(
                folder=str(folder), names=", ".join(p.name for p in written)))
        else:
            self._say(self.tr("This review has no documents yet (no agreed findings, workshop or check-in)."))
        return written

    def remove(self) -> bool:
        if self._before_remove is not None and not self._before_remove(self.closed.review_id):
            self._say(self.tr("Some typing in this review could not be saved, so it was not removed. Try again."))
            return False
        try:
            remove_closed_review(self.store, self.closed.review_id)
        except StillUnsynced as exc:
            self.update_from(replace(self.closed, unsynced=exc.count))  # says why, and disables Remove
            return False
        except StoreError as exc:
            self._say(error_text(exc))
            return False
        self.removed.emit(self.closed.review_id)
        self.accept()
        return True
