"""Feedback: a placeholder until the feedback screen is built (another issue)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from spp_desktop.store.repository import ReviewStore

from .. import theme


class FeedbackPage(QWidget):
    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedbackPage")
        self.setAccessibleName("Feedback")
        self.review_id = review_id
        box = QFrame()
        theme.set_role(box, "notice")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(theme.heading("The feedback summary comes in a later version.", 2))
        inner.addWidget(theme.muted_label("Here you will hold the feedback conversation with the headteacher and agree the initial findings."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(theme.heading("Feedback", 1))
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)

    def flush(self) -> bool:
        return True

    def refresh(self) -> None:
        pass
