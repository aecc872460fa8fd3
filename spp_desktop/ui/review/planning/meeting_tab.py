"""The pre-review meeting: its date and who took part (by role), the focus, and the school's self-review
summary (text, and the document the school shared, kept encrypted). Saved as the lead types (autosave)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.improvement import PARTICIPANT_ROLES
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ...widgets.autosave import Autosaver
from ...widgets.flow_layout import FlowLayout
from ...widgets.language_hint import LanguageHint
from .cells import problem_text
from .roles import role_label

NO_DATE = QDate(2000, 1, 1)


def to_qdate(d: date | None) -> QDate:
    return QDate(d.year, d.month, d.day) if d else NO_DATE


def from_qdate(q: QDate) -> date | None:
    return None if q == NO_DATE else date(q.year(), q.month(), q.day())


class MeetingTab(QWidget):
    status_changed = Signal(str)
    changed = Signal()

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("meetingTab")
        self._store, self.review_id = store, review_id
        self.editable = store.may_change(review_id, "meeting", review_id)
        self._loading = False

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("not yet"))
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName(self.tr("Date of the pre-review meeting"))
        self.date.dateChanged.connect(lambda _d: self._save_now())
        self.roles: dict[str, QCheckBox] = {}
        roles = FlowLayout()
        for role in PARTICIPANT_ROLES:
            box = QCheckBox(role_label(role))
            box.toggled.connect(lambda _on: self._save_now())
            self.roles[role] = box
            roles.addWidget(box)
        roles_box = QWidget()
        roles_box.setLayout(roles)
        roles_box.setAccessibleName(self.tr("Who took part, by role"))

        self.focus_title = QLineEdit()
        self.focus_title.setAccessibleName(self.tr("Focus"))
        self.focus_description = QPlainTextEdit()
        self.focus_description.setAccessibleName(self.tr("Focus description"))
        self.focus_description.setMaximumHeight(self.fontMetrics().height() * 5)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Summary of the school's self-review"))
        self.summary.setPlaceholderText(self.tr("What the school shared of its self-review, in its own words"))
        self.hint = LanguageHint(self.summary.toPlainText, self)
        self.document = QLabel()
        self.document.setAccessibleName(self.tr("The school's self-review document"))
        self.attach_button = QPushButton(self.tr("Attach the school's &document…"))
        self.attach_button.clicked.connect(self.choose_document)
        doc_row = QHBoxLayout()
        doc_row.addWidget(self.document, 1)
        doc_row.addWidget(self.attach_button)

        self._autosave = Autosaver(self._save_typed, self)  # saves once typing pauses
        for edit in (self.focus_title, self.focus_description, self.summary):
            signal = edit.textChanged
            signal.connect(self._typed)
        for widget in (self.date, self.focus_title, self.focus_description, self.summary, self.attach_button,
                       *self.roles.values()):
            widget.setEnabled(self.editable)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Who took part"), roles_box)
        form.addRow(self.tr("Focus"), self.focus_title)
        form.addRow(self.tr("Focus description"), self.focus_description)
        form.addRow(self.tr("Self-review summary"), self.summary)
        form.addRow("", self.hint)
        form.addRow(self.tr("Document"), doc_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if not self.editable:
            layout.addWidget(QLabel(self.tr("Only the lead reviewer records the pre-review meeting.")))
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        review = self._store.review(self.review_id)
        meeting = self._store.meeting(self.review_id)
        self.date.setDate(to_qdate(meeting.date))
        for role, box in self.roles.items():
            box.setChecked(role in meeting.participants)
        for edit, text in ((self.focus_title, review.focus.title), (self.focus_description, review.focus.description),
                           (self.summary, meeting.self_review_summary)):
            if edit.hasFocus():
                continue  # never overwrite what is being typed
            if isinstance(edit, QLineEdit):
                edit.setText(text)
            else:
                edit.setPlainText(text)
        name = ""
        if meeting.self_review_document:
            photo = next((a for a in self._store.photos(self.review_id, self.review_id)
                          if a.id == meeting.self_review_document), None)
            name = photo.caption if photo else ""
        self.document.setText(name or self.tr("No document attached"))
        self._loading = False
        self.hint.check_now()

    def _typed(self) -> None:
        if self._loading:
            return
        self.hint.schedule()
        self._autosave.touch()

    def _save_now(self) -> None:
        if not self._loading:
            self._save()

    def _save(self) -> bool:
        if not self.editable:
            return True
        try:
            title = self.focus_title.text().strip()
            changes = {"focus_description": self.focus_description.toPlainText()}
            if title:
                changes["focus_title"] = title
            self._store.update_review(self.review_id, **changes)
            self._store.update_meeting(
                self.review_id, date=from_qdate(self.date.date()),
                participants=[r for r, box in self.roles.items() if box.isChecked()],
                self_review_summary=self.summary.toPlainText())
        except (ValueError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            return False
        self.changed.emit()
        return True

    def _save_typed(self) -> None:
        self._save()

    def flush(self) -> bool:
        self._autosave.flush()
        return self._save()

    def choose_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The school's self-review document"))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        media = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument."
                 "wordprocessingml.document", ".odt": "application/vnd.oasis.opendocument.text"}
        try:
            self._store.attach_self_review(self.review_id, path.read_bytes(), path.name,
                                           media.get(path.suffix.lower(), "application/octet-stream"))
        except OSError:
            self.status_changed.emit(self.tr("That file cannot be read."))
            return
        except (ValueError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            return
        self.status_changed.emit(self.tr("The document is kept, encrypted, with the review."))
        self.refresh()

