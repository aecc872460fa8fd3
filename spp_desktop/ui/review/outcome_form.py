"""What the feedback conversation settles beyond the findings, saved as you type.

`OutcomeForm`: the improvement priority, proposed next steps for the improvement workshop (each an
`ActionRow`: what, who leads it as a role, by when), the 90-day check-in date (suggested: 90 days after
the review starts) and the headteacher's overall comment. The per-finding marks and comments are on the
`ConversationCard`s (finding_cards.py).
"""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import AgreedAction, suggested_checkin
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import error_text
from ..widgets.autosave import Autosaver
from ..widgets.tab_leaves import tab_leaves
from .finding_cards import AUTOSAVE_MS, GrowingTextEdit, label
from .release_box import ReleaseBox


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class ActionRow(QWidget):
    """One proposed next step: what, who leads it (a role), by when (optional).

    "By when" is a tick box and a date: without a tick the step has no date, and the date box (and its
    calendar) waits at `default_due` (the last day of the review), never at a far-off
    "no date" sentinel."""

    remove_requested = Signal(object)
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, action: AgreedAction, number: int,
                 parent: QWidget | None = None, *, default_due: date | None = None):
        super().__init__(parent)
        self.store, self.review_id, self.action = store, review_id, action
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)
        self.text = QLineEdit(action.text, self)
        self.text.setPlaceholderText(self.tr("Next step"))
        self.text.setAccessibleName(self.tr("Next step {number}").format(number=number))
        self.owner = QLineEdit(action.owner, self)
        self.owner.setPlaceholderText(self.tr("Who leads it (a role)"))
        self.owner.setAccessibleName(self.tr("Who leads next step {number}").format(number=number))
        self.has_due = QCheckBox(self.tr("By"), self)
        self.has_due.setAccessibleName(self.tr("Next step {number} has a date").format(number=number))
        self.has_due.setToolTip(self.tr("Tick to give this step a date; untick for no date"))
        self.has_due.setChecked(action.due is not None)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setDate(to_qdate(action.due or default_due or date.today()))
        self.due.setEnabled(action.due is not None)
        self.due.setAccessibleName(self.tr("Due date of next step {number}").format(number=number))
        self.has_due.toggled.connect(self._due_toggled)
        tab_leaves(self.due)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setAccessibleName(self.tr("Remove next step {number}").format(number=number))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        for edit in (self.text, self.owner):
            edit.textEdited.connect(lambda _t: self.autosaver.touch())
            edit.editingFinished.connect(self.autosaver.flush)
        self.due.dateChanged.connect(lambda _d: self.autosaver.save_now())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 5)
        row.addWidget(self.owner, 2)
        row.addWidget(self.has_due)
        row.addWidget(self.due, 1)
        row.addWidget(remove)

    def _due_toggled(self, on: bool) -> None:
        self.due.setEnabled(on)
        if on:
            self.due.setFocus(Qt.FocusReason.OtherFocusReason)
        self.autosaver.save_now()

    @property
    def due_date(self) -> date | None:
        # QDate.toPython gives a datetime.date; PySide6's stub types it `object`
        return cast(date, self.due.date().toPython()) if self.has_due.isChecked() else None

    def _save(self) -> None:
        due = self.due_date
        self.action = self.store.update_action(self.review_id, self.action.id, text=self.text.text(),
                                               owner=self.owner.text(), due=due)

    def flush(self) -> bool:
        return self.autosaver.flush()


class OutcomeForm(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id = store, review_id
        self.setObjectName("outcomeForm")
        self.setAccessibleName(self.tr("Improvement priority and next steps"))
        review = store.review(review_id)
        outcome = store.outcome(review_id)
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)

        self.priority = GrowingTextEdit(self, 2, 8)
        self.priority.setPlainText(outcome.improvement_priority)
        self.priority.setPlaceholderText(self.tr("The one priority the school will take to the improvement workshop"))
        self.priority.setAccessibleName(self.tr("Improvement priority"))
        self.next_steps = GrowingTextEdit(self, 2, 8)
        self.next_steps.setPlainText(outcome.next_steps)
        self.next_steps.setPlaceholderText(self.tr("Context for the improvement workshop (optional)"))
        self.next_steps.setAccessibleName(self.tr("Proposed next steps: context"))
        self.head_comment = GrowingTextEdit(self, 2, 8)
        self.head_comment.setPlainText(outcome.head_comment)
        self.head_comment.setPlaceholderText(self.tr("The headteacher's overall comment on the review"))
        self.head_comment.setAccessibleName(self.tr("Headteacher's overall comment"))
        for edit in (self.priority, self.next_steps, self.head_comment):
            edit.textChanged.connect(self.autosaver.touch)
            edit.focus_left.connect(self.autosaver.flush)

        workshop_day = store.workshop(review_id).date
        self.suggested_checkin = suggested_checkin(review.start_date, workshop_day)
        self.default_due = review.end_date  # where a next step's calendar opens: the review day (today, then)
        self.checkin_saved = outcome.checkin_date is not None
        self.checkin = QDateEdit(self)
        self.checkin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.checkin.setCalendarPopup(True)
        self.checkin.setDisplayFormat("dddd d MMMM yyyy")
        self.checkin.setDate(to_qdate(outcome.checkin_date or self.suggested_checkin))
        self.checkin.setAccessibleName(self.tr("Date of the 90-day check-in"))
        tab_leaves(self.checkin)
        self.checkin.dateChanged.connect(self._checkin_changed)
        self.checkin_note = theme.muted_label(
            self.tr("Suggested: 90 days after the improvement workshop. It is saved with this form.") if workshop_day
            else self.tr("Suggested: 90 days after the review. It is saved with this form."))
        self.checkin_note.setVisible(not self.checkin_saved)

        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(6)
        self.rows: list[ActionRow] = []
        for action in store.actions(review_id):
            self._add_row(action)
        add = QPushButton(self.tr("Add a next step"), self)
        add.setAccessibleName(self.tr("Add a next step"))
        add.clicked.connect(self.add_action)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        widgets: list[QWidget | QHBoxLayout | QVBoxLayout] = [
            theme.heading(self.tr("After the conversation"), 2),
            label(self.tr("Improvement priority"), self.priority, True), self.priority,
            label(self.tr("Proposed next steps for the improvement workshop"), self.next_steps, True),
            self.next_steps,
            theme.muted_label(self.tr("Each step: what, who leads it (a role, not a name), and by when.")),
        ]
        for w in widgets:
            grid.addWidget(w, grid.rowCount(), 0)  # type: ignore[arg-type]
        grid.addLayout(self.actions_box, grid.rowCount(), 0)
        grid.addWidget(add, grid.rowCount(), 0, Qt.AlignmentFlag.AlignLeft)
        checkin_row = QHBoxLayout()
        checkin_row.addWidget(self.checkin)
        checkin_row.addWidget(self.checkin_note, 1)
        checkin_row.addStretch(0)  # the date keeps its size once the note has gone
        for w in (label(self.tr("90-day check-in"), self.checkin, True), checkin_row,
                  label(self.tr("Headteacher's overall comment"), self.head_comment, True), self.head_comment):
            if isinstance(w, QHBoxLayout):
                grid.addLayout(w, grid.rowCount(), 0)
            else:
                grid.addWidget(w, grid.rowCount(), 0)
        self.release_box = ReleaseBox(store, review_id, self)
        self.release_box.status_changed.connect(self.status_changed)
        grid.addWidget(self.release_box, grid.rowCount(), 0)
        grid.setRowStretch(grid.rowCount(), 1)

    def _add_row(self, action: AgreedAction) -> ActionRow:
        row = ActionRow(self.store, self.review_id, action, len(self.rows) + 1, self, default_due=self.default_due)
        row.remove_requested.connect(self._remove)
        row.status_changed.connect(self.status_changed)
        self.rows.append(row)
        self.actions_box.addWidget(row)
        return row

    def add_action(self) -> ActionRow | None:
        try:
            action = self.store.create_action(self.review_id, "")
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return None
        row = self._add_row(action)
        row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def _remove(self, row: ActionRow) -> None:
        row.autosaver.stop()
        try:
            self.store.delete_action(self.review_id, row.action.id)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return
        self.rows.remove(row)
        row.deleteLater()
        self.status_changed.emit(self.tr("Next step removed"))

    def _checkin_changed(self, _d: QDate) -> None:
        self.autosaver.save_now()

    def _save(self) -> None:
        self.store.update_outcome(self.review_id, improvement_priority=self.priority.toPlainText(),
                                  next_steps=self.next_steps.toPlainText(),
                                  head_comment=self.head_comment.toPlainText(),
                                  checkin_date=self.checkin.date().toPython())
        if not self.checkin_saved:
            self.checkin_saved = True
            self.checkin_note.hide()

    def set_head_comment(self, text: str) -> None:
        """The overall comment was typed in Present (and saved there): show it without saving again."""
        if self.head_comment.toPlainText() != text:
            self.head_comment.blockSignals(True)
            self.head_comment.setPlainText(text)
            self.head_comment.blockSignals(False)

    def flush(self) -> bool:
        ok = self.autosaver.flush()
        return all([row.flush() for row in self.rows]) and ok
