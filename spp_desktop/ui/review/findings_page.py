"""Findings: a placeholder until the findings screen is built (another issue)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from spp_desktop.store.repository import ReviewStore

from .. import theme


class FindingsPage(QWidget):
    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findingsPage")
        self.setAccessibleName("Findings")
        self.review_id = review_id
        box = QFrame()
        theme.set_role(box, "notice")
        inner = QVBoxLayout(box)
        inner.setContentsMargins(20, 16, 20, 16)
        inner.addWidget(theme.heading("Findings come in a later version.", 2))
        inner.addWidget(theme.muted_label("Here you will gather the evidence into strengths, areas to develop and questions to explore, for each enquiry question."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(theme.heading("Findings", 1))
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addStretch(1)

    def flush(self) -> bool:
        return True

    def refresh(self) -> None:
        pass
