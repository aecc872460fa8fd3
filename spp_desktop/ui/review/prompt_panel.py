"""Prompts beside an interview or focus group: the enquiry questions ticked for the record, then a few
open prompts for who is in the room (domain/prompts.py). Enter, a double-click or "Insert" types the
prompt into the notes field as a new line, ready for the answer, and puts the cursor after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.prompts import prompts_for
from spp_desktop.domain.review import EnquiryQuestion

from ..i18n import domain_text


class _PromptList(QListWidget):
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class PromptPanel(QWidget):
    def __init__(self, questions: Sequence[EnquiryQuestion], selected: Callable[[], Sequence[str]],
                 participants: Callable[[], str], target: QPlainTextEdit, parent: QWidget | None = None):
        super().__init__(parent)
        self._questions = list(questions)
        self._selected = selected
        self._participants = participants
        self.target = target
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Prompts"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        note = QLabel(self.tr("Enter or double-click puts a prompt into the notes, ready for the answer."), self)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        self.list = _PromptList(self)
        self.list.setAccessibleName(self.tr("Prompts for this interview"))
        self.list.setWordWrap(True)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.list.itemActivated.connect(self._insert_item)
        self.list.itemDoubleClicked.connect(self._insert_item)
        self.insert_button = QPushButton(self.tr("Insert prompt"), self)
        self.insert_button.setAutoDefault(False)
        self.insert_button.setAccessibleName(self.tr("Insert the selected prompt into the notes"))
        self.insert_button.clicked.connect(lambda: self._insert_item(self.list.currentItem()))
        title.setBuddy(self.list)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.insert_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.refresh()

    def prompts(self) -> list[str]:
        chosen = set(self._selected())
        asked = [q.text for q in self._questions if q.id in chosen]
        return asked + [domain_text(p) for p in prompts_for(self._participants())]

    def refresh(self) -> None:
        self.list.clear()
        for text in self.prompts():
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _insert_item(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.insert(item.text())

    def insert(self, prompt: str) -> None:
        """Type the prompt as its own line at the end of the notes, then a new line for the answer."""
        cursor = self.target.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        existing = self.target.toPlainText()
        lead = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
        asked = self.tr("Q: {prompt}").format(prompt=prompt)
        cursor.insertText(f"{lead}{asked}\n")
        self.target.setTextCursor(cursor)
        self.target.setFocus(Qt.FocusReason.OtherFocusReason)
