"""A lesson timer: how long since the record's start time ("18:24 since 10:30"), ticking each second.

Shown while the record is happening (today, started, no end yet); once the end is set it shows the
length instead ("45 min"). It reads the form's own start and end, so there is nothing extra to start
or stop, and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

TimeSource = Callable[[], "time | None"]


def elapsed_text(day: date | None, start: time | None, end: time | None, now: datetime) -> str:
    """The timer's words, or "" when there is nothing to time."""
    if start is None or day is None:
        return ""
    begun = datetime.combine(day, start)
    if end is not None:
        minutes = int((datetime.combine(day, end) - begun).total_seconds() // 60)
        return QCoreApplication.translate("ElapsedLabel", "{minutes} min").format(minutes=minutes) if minutes > 0 else ""
    if day != now.date() or now < begun:
        return ""
    seconds = int((now - begun).total_seconds())
    hours, rest = divmod(seconds, 3600)
    clock = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return QCoreApplication.translate("ElapsedLabel", "{elapsed} since {start}").format(elapsed=clock, start=start.strftime("%H:%M"))


class ElapsedLabel(QLabel):
    def __init__(self, day: Callable[[], date | None], start: TimeSource, end: TimeSource,
                 clock: Callable[[], datetime] = datetime.now, parent: QWidget | None = None):
        super().__init__(parent)
        self._day, self._start, self._end, self._clock = day, start, end, clock
        self.setProperty("role", "muted")
        self.setObjectName("lessonTimer")
        self.setAccessibleName(self.tr("Lesson timer"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        text = elapsed_text(self._day(), self._start(), self._end(), self._clock())
        if text != self.text():
            self.setText(text)
        self.setVisible(bool(text))
        running = bool(text) and self._end() is None
        if running and not self._timer.isActive():
            self._timer.start()
        elif not running:
            self._timer.stop()
