"""What the lead records in the feedback conversation, saved as you type.

`ConversationCard`: one finding as discussed with the headteacher: Agreed / Agreed as amended (edit the
text in place) / To explore further, and the headteacher's comment. `OutcomeForm`: the improvement
priority, proposed next steps (actions with who leads them and by when), the 90-day check-in date and
the headteacher's overall comment.

Privacy: reviewer-only notes and the names and notes behind the evidence are put into widgets only
when `show_names` is on; otherwise they are not in any widget at all (not merely hidden).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import AgreedAction, Finding, FindingStatus
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..models.findings_model import FindingsSnapshot, private_details, reference
from ..widgets.autosave import Autosaver
from ..widgets.triangulation_badge import TriangulationBadge, missing_text

STATUS_CHOICES = (FindingStatus.DRAFT, FindingStatus.AGREED, FindingStatus.AMENDED, FindingStatus.TO_EXPLORE)
STATUS_TEXT = {FindingStatus.DRAFT: "Not discussed yet", FindingStatus.AGREED: "Agreed",
               FindingStatus.AMENDED: "Agreed as amended", FindingStatus.TO_EXPLORE: "To explore further"}
CHECKIN_DAYS = 90
AUTOSAVE_MS = 700


class GrowingTextEdit(QPlainTextEdit):
    """A plain text field that grows with its text between `min_lines` and `max_lines`."""

    focus_left = Signal()

    def __init__(self, parent: QWidget | None = None, min_lines: int = 3, max_lines: int = 12):
        super().__init__(parent)
        self._min, self._max = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(lambda _s: self._fit())
        self._fit()

    def _fit(self) -> None:
        lines = max(self._min, min(self._max, int(self.document().documentLayout().documentSize().height())))
        margins = self.contentsMargins()
        height = lines * self.fontMetrics().lineSpacing() + 2 * round(self.document().documentMargin())
        self.setFixedHeight(height + margins.top() + margins.bottom() + 4)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001
        super().resizeEvent(event)
        self._fit()

    def focusOutEvent(self, event) -> None:  # noqa: N802, ANN001
        super().focusOutEvent(event)
        self.focus_left.emit()


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def label(text: str, buddy: QWidget) -> QLabel:
    lab = QLabel(text)
    lab.setBuddy(buddy)
    lab.setFont(theme.scaled_font(lab.font(), 1.0, bold=True))
    return lab


class StepBuilder(QObject):
    """Builds a long list of widgets a few at a time: the first `eager` steps at once, the rest on the
    next turns of the event loop, so a screen with many findings opens at once and fills in below."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._steps: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)

    def start(self, steps: list[Callable[[], object]], eager: int) -> None:
        self._steps = list(steps)
        self.run(eager)
        if self._steps:
            self._timer.start()

    def run(self, count: int) -> None:
        for _ in range(min(count, len(self._steps))):
            self._steps.pop(0)()

    def _tick(self) -> None:
        self.run(3)
        if not self._steps:
            self._timer.stop()

    def finish(self) -> None:
        self.run(len(self._steps))
        self._timer.stop()

    @property
    def pending(self) -> int:
        return len(self._steps)


class ConversationCard(QFrame):
    status_changed = Signal(str)
    saved = Signal(object)  # Finding

    def __init__(self, store: ReviewStore, review_id: str, finding: Finding, number: str,
                 snapshot: FindingsSnapshot, show_names: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id, self.finding = store, review_id, finding
        self.setObjectName("conversationCard")
        theme.set_role(self, "card")
        self.setAccessibleName(f"Finding {number}: {finding.kind.label}")
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)

        title = QLabel(f"{number}  {finding.kind.label}")
        title.setFont(theme.scaled_font(title.font(), 1.05, bold=True))
        self.text = GrowingTextEdit(self, 2, 12)
        self.text.setPlainText(finding.text)
        self.text.setAccessibleName(f"Text of finding {number} (edit to amend)")
        self.text.setToolTip("Edit the wording here if the headteacher and you agree an amendment.")
        support = snapshot.finding_support(finding)
        self.badge = TriangulationBadge("finding", self)
        self.badge.set_support(support)
        lines = [f"\u2022 {reference(e, snapshot.show_day)}" + "".join(
                     f"\n    {d}" for d in (private_details(e) if show_names else ()))
                 for e in snapshot.linked_evidence(finding.id)]
        if support.missing_evidence:
            lines.append(missing_text(support))
        if show_names and finding.reviewer_notes.strip():
            lines.append(f"Reviewer-only note: {finding.reviewer_notes.strip()}")
        self.evidence = QLabel("\n".join(lines) or "No evidence linked.")
        self.evidence.setWordWrap(True)
        self.evidence.setTextFormat(Qt.TextFormat.PlainText)
        self.evidence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.set_role(self.evidence, "muted")
        self.evidence.setAccessibleName("Evidence behind this finding")

        self.group = QButtonGroup(self)
        status_row = QHBoxLayout()
        status_row.addWidget(QLabel("Outcome:"))
        self.buttons: dict[FindingStatus, QRadioButton] = {}
        for status in STATUS_CHOICES:
            button = QRadioButton(STATUS_TEXT[status], self)
            button.setAccessibleName(f"{STATUS_TEXT[status]}, finding {number}")
            button.setChecked(status == finding.status)
            self.group.addButton(button)
            self.buttons[status] = button
            status_row.addWidget(button)
            button.toggled.connect(lambda on, s=status: on and self._set_status(s))
        status_row.addStretch(1)
        self.comment = GrowingTextEdit(self, 2, 8)
        self.comment.setPlainText(finding.head_comment)
        self.comment.setPlaceholderText("What the headteacher said about this finding")
        self.comment.setAccessibleName(f"Headteacher's comment on finding {number}")
        for edit in (self.text, self.comment):
            edit.textChanged.connect(self._typed)
            edit.focus_left.connect(self.autosaver.flush)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.evidence)
        layout.addLayout(status_row)
        layout.addWidget(label("Headteacher's comment", self.comment))
        layout.addWidget(self.comment)

    def _typed(self) -> None:
        if self.sender() is self.text and self.finding.status == FindingStatus.AGREED \
                and self.text.toPlainText() != self.finding.text:
            self.buttons[FindingStatus.AMENDED].setChecked(True)  # the agreed wording changed
        self.autosaver.touch()

    def _save(self) -> None:
        self.finding = self.store.update_finding(self.review_id, self.finding.id, text=self.text.toPlainText(),
                                                 head_comment=self.comment.toPlainText())
        self.saved.emit(self.finding)

    def _set_status(self, status: FindingStatus) -> None:
        if status == self.finding.status:
            return
        self.flush()
        try:
            self.finding = self.store.update_finding(self.review_id, self.finding.id, status=status)
        except (StoreError, KeyError) as exc:
            self.status_changed.emit(getattr(exc, "user_message", "That finding no longer exists."))
            return
        self.saved.emit(self.finding)
        if status == FindingStatus.AMENDED and not self.text.hasFocus():
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_status(self, status: FindingStatus) -> None:
        self.buttons[status].setChecked(True)

    def flush(self) -> bool:
        return self.autosaver.flush()


class ActionRow(QWidget):
    """One proposed next step: what, who leads it (a role), by when (optional)."""

    remove_requested = Signal(object)
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, action: AgreedAction, number: int,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id, self.action = store, review_id, action
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)
        self.text = QLineEdit(action.text, self)
        self.text.setPlaceholderText("Next step")
        self.text.setAccessibleName(f"Next step {number}")
        self.owner = QLineEdit(action.owner, self)
        self.owner.setPlaceholderText("Who leads it (a role)")
        self.owner.setAccessibleName(f"Who leads next step {number}")
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setMinimumDate(QDate(2000, 1, 1))
        self.due.setSpecialValueText("No date")
        self.due.setDate(to_qdate(action.due) if action.due else self.due.minimumDate())
        self.due.setAccessibleName(f"Due date of next step {number}")
        remove = QPushButton("Remove", self)
        remove.setAccessibleName(f"Remove next step {number}")
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        for edit in (self.text, self.owner):
            edit.textEdited.connect(lambda _t: self.autosaver.touch())
            edit.editingFinished.connect(self.autosaver.flush)
        self.due.dateChanged.connect(lambda _d: self.autosaver.save_now())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 5)
        row.addWidget(self.owner, 2)
        row.addWidget(self.due, 1)
        row.addWidget(remove)

    def _save(self) -> None:
        due = None if self.due.date() == self.due.minimumDate() else self.due.date().toPython()
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
        self.setAccessibleName("Improvement priority and next steps")
        review = store.review(review_id)
        outcome = store.outcome(review_id)
        self.autosaver = Autosaver(self._save, self, delay_ms=AUTOSAVE_MS)
        self.autosaver.status_changed.connect(self.status_changed)

        self.priority = GrowingTextEdit(self, 2, 8)
        self.priority.setPlainText(outcome.improvement_priority)
        self.priority.setPlaceholderText("The one priority the school will take to the improvement workshop")
        self.priority.setAccessibleName("Improvement priority")
        self.next_steps = GrowingTextEdit(self, 2, 8)
        self.next_steps.setPlainText(outcome.next_steps)
        self.next_steps.setPlaceholderText("Context for the improvement workshop (optional)")
        self.next_steps.setAccessibleName("Proposed next steps: context")
        self.head_comment = GrowingTextEdit(self, 2, 8)
        self.head_comment.setPlainText(outcome.head_comment)
        self.head_comment.setPlaceholderText("The headteacher's overall comment on the review")
        self.head_comment.setAccessibleName("Headteacher's overall comment")
        for edit in (self.priority, self.next_steps, self.head_comment):
            edit.textChanged.connect(self.autosaver.touch)
            edit.focus_left.connect(self.autosaver.flush)

        self.suggested_checkin = review.start_date + timedelta(days=CHECKIN_DAYS)
        self.checkin_saved = outcome.checkin_date is not None
        self.checkin = QDateEdit(self)
        self.checkin.setCalendarPopup(True)
        self.checkin.setDisplayFormat("dddd d MMMM yyyy")
        self.checkin.setDate(to_qdate(outcome.checkin_date or self.suggested_checkin))
        self.checkin.setAccessibleName("Date of the 90-day check-in")
        self.checkin.dateChanged.connect(self._checkin_changed)
        self.checkin_note = theme.muted_label("Suggested: 90 days after the review. It is saved with this form.")
        self.checkin_note.setVisible(not self.checkin_saved)

        self.actions_box = QVBoxLayout()
        self.actions_box.setSpacing(6)
        self.rows: list[ActionRow] = []
        for action in store.actions(review_id):
            self._add_row(action)
        add = QPushButton("Add a next step", self)
        add.setAccessibleName("Add a next step")
        add.clicked.connect(self.add_action)

        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(0, 1)
        widgets: list[QWidget | QHBoxLayout | QVBoxLayout] = [
            theme.heading("After the conversation", 2),
            label("Improvement priority", self.priority), self.priority,
            label("Proposed next steps for the improvement workshop", self.next_steps), self.next_steps,
            theme.muted_label("Each step: what, who leads it (a role, not a name), and by when."),
        ]
        for w in widgets:
            grid.addWidget(w, grid.rowCount(), 0)  # type: ignore[arg-type]
        grid.addLayout(self.actions_box, grid.rowCount(), 0)
        grid.addWidget(add, grid.rowCount(), 0, Qt.AlignmentFlag.AlignLeft)
        checkin_row = QHBoxLayout()
        checkin_row.addWidget(self.checkin)
        checkin_row.addWidget(self.checkin_note, 1)
        for w in (label("90-day check-in", self.checkin), checkin_row,
                  label("Headteacher's overall comment", self.head_comment), self.head_comment):
            if isinstance(w, QHBoxLayout):
                grid.addLayout(w, grid.rowCount(), 0)
            else:
                grid.addWidget(w, grid.rowCount(), 0)
        grid.setRowStretch(grid.rowCount(), 1)

    def _add_row(self, action: AgreedAction) -> ActionRow:
        row = ActionRow(self.store, self.review_id, action, len(self.rows) + 1, self)
        row.remove_requested.connect(self._remove)
        row.status_changed.connect(self.status_changed)
        self.rows.append(row)
        self.actions_box.addWidget(row)
        return row

    def add_action(self) -> ActionRow | None:
        try:
            action = self.store.create_action(self.review_id, "")
        except StoreError as exc:
            self.status_changed.emit(exc.user_message)
            return None
        row = self._add_row(action)
        row.text.setFocus(Qt.FocusReason.OtherFocusReason)
        return row

    def _remove(self, row: ActionRow) -> None:
        row.autosaver.stop()
        try:
            self.store.delete_action(self.review_id, row.action.id)
        except StoreError as exc:
            self.status_changed.emit(exc.user_message)
            return
        self.rows.remove(row)
        row.deleteLater()
        self.status_changed.emit("Next step removed")

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

    def flush(self) -> bool:
        ok = self.autosaver.flush()
        return all([row.flush() for row in self.rows]) and ok
