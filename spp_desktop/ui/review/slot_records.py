"""Starting a schedule slot you have already captured opens your record of it again.

A second blank record made by starting the same slot twice is easy to miss and splits the notes of
one lesson in two; coming back to the lesson you were writing is the common case. So the existing
record opens (no question in the way), and a quiet notice above it offers "Start another record"
for the rare second one (e.g. two visits to the same class).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from spp_desktop.domain.evidence import Evidence

from ..i18n import label, translate


class SlotNotice(QFrame):
    """ "You have started this slot before: your Lesson observation from 09:00 is open." [Start another]"""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("slotNotice")
        self.setProperty("role", "notice")
        self.setAccessibleName(translate("SlotRecords", "This slot has a record already"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.start_button = QPushButton(translate("SlotRecords", "Start another record"), self)
        self.start_button.setAutoDefault(False)
        self.start_button.clicked.connect(self._start)
        close = QToolButton(self)
        close.setText("\u00d7")
        close.setAccessibleName(translate("SlotRecords", "Dismiss"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        row.addWidget(self.label, 1)
        row.addWidget(self.start_button)
        row.addWidget(close)
        self._start_new: Callable[[], object] | None = None
        self.hide()

    def offer(self, existing: Evidence, start_new: Callable[[], object]) -> None:
        when = f"{existing.start:%H:%M}" if existing.start else ""
        text = (translate("SlotRecords", "You have started this slot before: your {kind} from {time} is open "
                          "again, to carry on writing.") if when else
                translate("SlotRecords", "You have started this slot before: your {kind} is open again, to "
                          "carry on writing.")).format(kind=label(existing.kind), time=when)
        self.label.setText(text)
        self.start_button.setAccessibleDescription(text)
        self._start_new = start_new
        self.show()

    def _start(self) -> None:
        start, self._start_new = self._start_new, None
        self.hide()
        if start is not None:
            start()

    def dismiss(self) -> None:
        self._start_new = None
        self.hide()
