"""The Findings page: findings per enquiry question (with the evidence picker) and the evidence matrix.

Two tabs over one review: "Findings" (`FindingsView`) and "Evidence matrix" (`MatrixView`), which
follows every link and every change of the findings. Enter or a double click on a matrix row opens
that question's findings. The shell calls `flush()` and `refresh()` and listens to `status_changed`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from spp_desktop.store.repository import ReviewStore

from .findings_view import FindingsView
from .matrix_view import MatrixView


class FindingsPage(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findingsPage")
        self.setAccessibleName(self.tr("Findings"))
        self.review_id = review_id
        self.view = FindingsView(store, review_id, self)
        self.matrix = MatrixView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Findings and evidence matrix"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("&Findings"))
        self.tabs.addTab(self.matrix, self.tr("Evidence &matrix"))
        self.view.status_changed.connect(self.status_changed)
        self.view.data_changed.connect(self._update_matrix)
        self.matrix.question_activated.connect(self.open_question)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.tabs)
        self._update_matrix()
        self._shown_once = False

    def _update_matrix(self) -> None:
        self.matrix.set_snapshot(self.view.snapshot)
        gaps = sum(len(self.matrix.model.gaps(row)) for row in range(self.matrix.model.rowCount()))
        if not gaps:
            label = self.tr("Evidence &matrix")
        elif gaps == 1:
            label = self.tr("Evidence &matrix (1 gap)")
        else:
            label = self.tr("Evidence &matrix ({n} gaps)").format(n=gaps)
        self.tabs.setTabText(self.tabs.indexOf(self.matrix), label)
        self.tabs.setTabToolTip(self.tabs.indexOf(self.matrix),
                                self.tr("Enquiry questions by kind of source: where evidence is thin"))

    def open_question(self, question_id: str) -> None:
        self.tabs.setCurrentWidget(self.view)
        self.view.set_question(question_id)

    def show_matrix(self) -> None:
        self.tabs.setCurrentWidget(self.matrix)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if event.spontaneous():
            return
        if self._shown_once:  # back from another page: evidence or links may have changed
            QTimer.singleShot(0, self.refresh)
        self._shown_once = True

    def flush(self) -> bool:
        return self.view.flush()

    def refresh(self) -> None:
        self.view.refresh()
        self._update_matrix()
