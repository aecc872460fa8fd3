"""Improve (Ctrl+6): the improvement workshop and the 90-day check-in, each with its PDF in English or Welsh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from spp_desktop.store.repository import ReviewStore

from ... import theme
from ...i18n import summary_language
from .checkin_tab import CheckinTab
from .export import export_pdf
from .workshop_tab import WorkshopTab


class ImprovementPage(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None, *,
                 documents_language: Callable[[], str] | None = None):
        super().__init__(parent)
        self.setObjectName("improvementPage")
        self.setAccessibleName(self.tr("Improvement workshop and check-in"))
        self._store, self.review_id = store, review_id
        self.workshop = WorkshopTab(store, review_id)
        self.checkin = CheckinTab(store, review_id)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Workshop and check-in"))
        self.tabs.addTab(self.workshop, self.tr("Improvement &workshop"))
        self.tabs.addTab(self.checkin, self.tr("90-day &check-in"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        for tab in (self.workshop, self.checkin):
            tab.status_changed.connect(self.status_changed)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language of the PDF"))
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Welsh (Cymraeg)"), "cy")
        self.language.setCurrentIndex(max(0, self.language.findData((documents_language or summary_language)())))
        self.export_button = QPushButton(self.tr("&Save as PDF…"))
        self.export_button.setAccessibleName(self.tr("Save the shown document as a PDF"))
        self.export_button.clicked.connect(lambda: self.export())
        top = QHBoxLayout()
        top.addWidget(theme.heading(self.tr("Improvement workshop and check-in"), 1), 1)
        top.addWidget(self.language)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def document(self) -> str:
        return "workshop" if self.tabs.currentWidget() is self.workshop else "checkin"

    def export(self, path: Path | None = None) -> str:
        self.flush()
        text = export_pdf(self, self._store, self.review_id, self.document(), self.language.currentData(), path)
        if text:
            self.status_changed.emit(text)
        return text

    def refresh(self) -> None:
        self.workshop.refresh()
        self.checkin.refresh()

    def flush(self) -> bool:
        return self.workshop.flush() and self.checkin.flush()
