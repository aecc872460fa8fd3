"""A time of day that may be left blank, with a "Now" button beside it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QHBoxLayout, QTimeEdit, QToolButton, QWidget

from .tab_leaves import tab_leaves

BLANK = "--:--"


class TimeField(QWidget):
    """`value()` is a datetime.time or None (shown as --:--). Midnight stands for "not set"."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None,
                 clock: Callable[[], datetime] = datetime.now):
        """`label` is "Start" or "End" (which time this is; the texts shown are translated)."""
        super().__init__(parent)
        self._clock = clock
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QTimeEdit(self)
        self.edit.setDisplayFormat("HH:mm")
        self.edit.setMinimumTime(QTime(0, 0))
        self.edit.setSpecialValueText(BLANK)  # shown at the minimum, i.e. "not set"
        self.edit.setTime(QTime(0, 0))
        tab_leaves(self.edit)  # one Tab past the box, not one per section
        if label == "End":
            name, now_name, now_tip = (self.tr("End time"), self.tr("Set end time to now"),
                                       self.tr("Set the end time to the time now"))
        else:
            name, now_name, now_tip = (self.tr("Start time"), self.tr("Set start time to now"),
                                       self.tr("Set the start time to the time now"))
        self.edit.setAccessibleName(name)
        self.edit.setToolTip(self.tr("{name} (hours:minutes); leave at {blank} if not known").format(
            name=name, blank=BLANK))
        self.edit.timeChanged.connect(lambda _t: self.changed.emit())
        self.now_button = QToolButton(self)
        self.now_button.setText(self.tr("Now"))
        self.now_button.setAccessibleName(now_name)
        self.now_button.setToolTip(now_tip)
        self.now_button.clicked.connect(self.set_now)
        layout.addWidget(self.edit)
        layout.addWidget(self.now_button)
        self.setFocusProxy(self.edit)

    def value(self) -> time | None:
        qt = self.edit.time()
        if qt == QTime(0, 0):
            return None
        return time(qt.hour(), qt.minute())

    def set_value(self, value: time | None) -> None:
        qt = QTime(0, 0) if value is None else QTime(value.hour, value.minute)
        if qt != self.edit.time():
            self.edit.blockSignals(True)
            self.edit.setTime(qt)
            self.edit.blockSignals(False)

    def set_now(self) -> None:
        now = self._clock()
        self.edit.setTime(QTime(now.hour, now.minute) if (now.hour, now.minute) != (0, 0) else QTime(0, 1))
