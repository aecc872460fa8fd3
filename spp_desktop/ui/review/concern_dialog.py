"""Pass on a safeguarding concern, from any capture form: to whom (by role) and when, and what was passed on.

The words are kept only in this laptop's encrypted store, never in the evidence; the team sees that a
concern was passed on, at what time and to which role.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.store.errors import StoreError

from ..i18n import QT_TRANSLATE_NOOP
from .planning.cells import problem_text

ROLES = {
    "dsl": QT_TRANSLATE_NOOP("ConcernDialog", "The designated safeguarding lead (DSL)"),
    "chair_of_governors": QT_TRANSLATE_NOOP("ConcernDialog", "The chair of governors (a concern about the head)"),
    "la_officer": QT_TRANSLATE_NOOP("ConcernDialog", "The local authority officer (a concern about the head)"),
}
SHORT = {
    "dsl": QT_TRANSLATE_NOOP("ConcernDialog", "the DSL"),
    "chair_of_governors": QT_TRANSLATE_NOOP("ConcernDialog", "the chair of governors"),
    "la_officer": QT_TRANSLATE_NOOP("ConcernDialog", "the local authority officer"),
}


def notice_text(at: str, role: str) -> str:
    """“A concern was passed on at 10:42 to the DSL”: all the team (and the lead) ever sees of it."""
    return QCoreApplication.translate("ConcernDialog", "A concern was passed on at {time} to {role}.").format(
        time=at, role=QCoreApplication.translate("ConcernDialog", SHORT.get(role, role)))


class ConcernDialog(QDialog):
    def __init__(self, store: object, review_id: str, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = datetime.now):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pass on a safeguarding concern"))
        self.setObjectName("concernDialog")
        self._store, self.review_id, self._clock = store, review_id, clock
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Passed on to"))
        for code, words in ROLES.items():
            self.role.addItem(self.tr(words), code)
        now = clock()
        self.time = QTimeEdit(QTime(now.hour, now.minute))
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("When it was passed on"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("What you saw or heard, as you passed it on"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Passed on to"), self.role)
        form.addRow(self.tr("At"), self.time)
        form.addRow(self.tr("What was passed on"), self.text)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Follow the school's safeguarding procedure first. These words stay on this laptop, "
                              "encrypted; they are never put in the evidence, the findings, a PDF or a sync. "
                              "The team sees only that a concern was passed on, when and to whom."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        moment = self._clock().replace(hour=self.time.time().hour(), minute=self.time.time().minute(), second=0,
                                       microsecond=0)
        try:
            self._store.pass_on_concern(self.review_id, self.text.toPlainText(),  # type: ignore[attr-defined]
                                        self.role.currentData(), moment)
        except (ValueError, StoreError) as exc:
            self.problem.setText(problem_text(exc))
            self.problem.show()
            return
        self.accept()
