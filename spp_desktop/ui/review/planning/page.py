"""Prepare: the pre-review meeting, the enquiry questions and the timetable, one tab each (Ctrl+5).

What the lead changes here is saved as ops and reaches every team laptop's Plan by sync or bundle; the
other members see the same tabs read-only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from spp_desktop.store.repository import ReviewStore

from ... import theme
from .meeting_tab import MeetingTab
from .questions_tab import QuestionsTab
from .timetable_tab import TimetableTab


class PlanningPage(QWidget):
    status_changed = Signal(str)
    plan_changed = Signal()

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planningPage")
        self.setAccessibleName(self.tr("Prepare the review"))
        self._store, self.review_id = store, review_id
        self.meeting = MeetingTab(store, review_id)
        self.questions = QuestionsTab(store, review_id)
        self.timetable = TimetableTab(store, review_id)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Planning"))
        self.tabs.addTab(self.meeting, self.tr("Pre-review &meeting"))
        self.tabs.addTab(self.questions, self.tr("Enquiry &questions"))
        self.tabs.addTab(self.timetable, self.tr("&Timetable"))
        for tab in (self.meeting, self.questions, self.timetable):
            tab.status_changed.connect(self.status_changed)
            tab.changed.connect(self.plan_changed)
        self.questions.changed.connect(self.timetable.refresh)  # question numbers in the timetable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.addWidget(theme.heading(self.tr("Prepare the review"), 1))
        layout.addWidget(theme.muted_label(self.tr("Agreed with the headteacher at the pre-review meeting; "
                                                   "the team sees it on the Plan after the next sync.")))
        layout.addWidget(self.tabs, 1)

    def refresh(self) -> None:
        self.meeting.refresh()
        self.questions.refresh()
        self.timetable.refresh()

    def flush(self) -> bool:
        return self.meeting.flush()
