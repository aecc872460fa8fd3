"""The sync part of the status bar: progress while a sync runs (stage and counts, Cancel), a problem
in one sentence (with "Sign in again…" when the sign-in expired), and "2 conflicts to settle".

`ProgressRelay` carries a worker's progress callbacks to the UI thread by a queued signal.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QWidget

from .. import theme
from ..i18n import counted
from ..icons import icon
from .words import stage_text


class ProgressRelay(QObject):
    """`callback(stage, done, total)` may be called on any thread; `progressed` arrives on the UI thread.
    `cancelled()` is what the worker polls; `cancel()` sets it."""

    progressed = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._stop = threading.Event()

    def callback(self, stage: str, done: int, total: int) -> None:
        self.progressed.emit(stage, int(done), int(total))

    def cancel(self) -> None:
        self._stop.set()

    def cancelled(self) -> bool:
        return self._stop.is_set()


def _flat_button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    return button


class SyncStatusWidget(QWidget):
    cancel_requested = Signal()
    sign_in_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncStatus")
        char = self.fontMetrics().averageCharWidth()
        self.stage = QLabel()
        self.stage.setAccessibleName(self.tr("Sync progress"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(char * 16)
        self.bar.setMaximumHeight(self.fontMetrics().height())
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.cancel = _flat_button(self.tr("Cancel"), "cancelSync")
        self.cancel.setToolTip(self.tr("Stop syncing; what is done so far is kept"))
        self.cancel.clicked.connect(self.cancel_requested)

        self.problem = QLabel()
        self.problem.setAccessibleName(self.tr("Sync problem"))
        self.problem.setWordWrap(False)
        self.problem.setMaximumWidth(char * 90)
        theme.set_role(self.problem, "error")
        self.sign_in_again = _flat_button(self.tr("Sign in again…"), "signInAgain")
        self.sign_in_again.clicked.connect(self.sign_in_requested)

        self.conflicts = _flat_button("", "conflictsButton")
        self.conflicts.setIcon(icon("warning"))
        self.conflicts.clicked.connect(self.conflicts_requested)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        for widget in (self.stage, self.bar, self.cancel, self.problem, self.sign_in_again, self.conflicts):
            layout.addWidget(widget)
        self.show_idle()
        self.show_problem("")
        self.show_conflicts(0)

    # --- progress -----------------------------------------------------------------------------------
    @property
    def syncing(self) -> bool:
        return self.bar.isVisibleTo(self)

    def show_started(self, text: str = "") -> None:
        self.stage.setText(text or self.tr("Syncing…"))
        self.bar.setRange(0, 0)
        self.cancel.setEnabled(True)
        for widget in (self.stage, self.bar, self.cancel):
            widget.show()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(stage_text(stage, done, total))
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, done * 1000 // total))
        else:
            self.bar.setRange(0, 0)  # busy: the total is not known yet

    def show_cancelling(self) -> None:
        self.stage.setText(self.tr("Stopping after this step…"))
        self.cancel.setEnabled(False)

    def show_idle(self) -> None:
        for widget in (self.stage, self.bar, self.cancel):
            widget.hide()

    # --- problems and conflicts ---------------------------------------------------------------------
    def show_problem(self, text: str, *, details: str = "", offer_sign_in: bool = False,
                     signed_in_before: bool = True) -> None:
        metrics = self.problem.fontMetrics()
        self.problem.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.problem.maximumWidth()))
        self.problem.setToolTip(details or text)
        self.problem.setProperty("fullText", text)
        self.problem.setVisible(bool(text))
        self.sign_in_again.setText(self.tr("Sign in again…") if signed_in_before else self.tr("Sign in…"))
        self.sign_in_again.setVisible(bool(text) and offer_sign_in)

    def problem_text(self) -> str:
        return str(self.problem.property("fullText") or "")

    def show_conflicts(self, count: int) -> None:
        self.conflicts.setText(counted(self.tr("%n conflict(s) to settle", "", count), count))
        self.conflicts.setAccessibleName(self.conflicts.text())
        self.conflicts.setToolTip(self.tr("Two team members changed the same thing; see both versions"))
        self.conflicts.setVisible(count > 0)

