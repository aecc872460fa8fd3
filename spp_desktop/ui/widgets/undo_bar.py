"""A quiet, non-modal bar: "Observation deleted. Undo" that goes away by itself after a while."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

UNDO_TIMEOUT_MS = 10_000


class UndoBar(QFrame):
    def __init__(self, parent: QWidget | None = None, timeout_ms: int = UNDO_TIMEOUT_MS):
        super().__init__(parent)
        self.setProperty("role", "notice")
        self.setAccessibleName(self.tr("Undo bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setAccessibleName(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.setAutoDefault(False)
        self.undo_button.clicked.connect(self.trigger)
        close = QToolButton(self)
        close.setText("\u00d7")
        close.setAccessibleName(self.tr("Dismiss"))
        close.setToolTip("Dismiss")
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self._action: Callable[[], object] | None = None  # what it returns is not used
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def offer(self, message: str, action: Callable[[], object]) -> None:
        self._action = action
        self.label.setText(message)
        self.undo_button.setAccessibleDescription(message)
        self.show()
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._action is not None

    def trigger(self) -> bool:
        """Run the undo on offer (if any) and hide. True if there was one."""
        action, self._action = self._action, None
        self.hide()
        self._timer.stop()
        if action is None:
            return False
        action()
        return True

    def dismiss(self) -> None:
        self._action = None
        self._timer.stop()
        self.hide()

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)
