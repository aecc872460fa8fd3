"""Presentation mode: the feedback conversation on a projector or a turned-around laptop.

Full screen, one enquiry question at a time, type scaled from the screen height. Left/Right move,
Page Down/Page Up (what a presenter's clicker sends) scroll a long question first and then move,
Home/End jump, Esc leaves, Ctrl+Shift+H shows or hides names and evidence notes. With a second screen it
opens there, so the lead keeps the feedback screen on the laptop.

The conversation can be recorded without leaving Present: Up/Down choose a finding, A marks it agreed,
M agreed as amended, E to explore further, D not discussed yet; C types the headteacher's comment on it
(on the last slide: the overall comment), Enter keeps it, Esc drops it. The window only asks
(`marked`, `commented`); the Feedback page saves and sends the new content back.

Names of staff and evidence notes are written into the slide only while "Show names" is on.
Reviewer-only notes (of findings and of evidence) are never written into a slide, whatever is toggled.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from spp_desktop.domain.findings import (
    AgreedAction,
    FeedbackOutcome,
    Finding,
    FindingStatus,
    checkin_or_suggested,
)

from .. import theme
from ..i18n import full_date, label, month_name
from ..models.findings_model import FindingsSnapshot, kind_group, named_details, reference
from ..shortcuts import NAMES_TOGGLE, native
from ..widgets.triangulation_badge import WARNING_SIGN, missing_text, support_text

LINES_PER_SCREEN = 34  # body text: the screen height holds about this many lines
MARK_KEYS = {Qt.Key.Key_A: FindingStatus.AGREED, Qt.Key.Key_M: FindingStatus.AMENDED,
             Qt.Key.Key_E: FindingStatus.TO_EXPLORE, Qt.Key.Key_D: FindingStatus.DRAFT}


def long_date(d: date) -> str:
    return f"{d.day} {month_name(d)} {d.year}"


class PresentationWindow(QWidget):
    index_changed = Signal(int)
    names_toggled = Signal(bool)
    closed = Signal(int)
    marked = Signal(str, object)  # finding id, FindingStatus
    commented = Signal(str, str)  # finding id ("" for the overall comment), the headteacher's words

    def __init__(self, snapshot: FindingsSnapshot, outcome: FeedbackOutcome, actions: list[AgreedAction],
                 *, show_names: bool = False, index: int = 0, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("presentation")
        self.setWindowTitle(self.tr("Feedback conversation"))
        self.setAccessibleName(self.tr("Presentation of the findings"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.snapshot, self.outcome, self.agreed_actions = snapshot, outcome, actions
        self.show_names = show_names
        self.index = 0
        self.selected = -1  # which finding of the slide A/M/E/D/C act on (-1: none yet)
        self._finding_labels: list[QLabel] = []
        self._slide_findings: list[Finding] = []
        self._comment_for = ""
        self._px = 24
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.footer = QLabel(self)
        self.privacy = QLabel(self)
        bottom = QHBoxLayout()
        bottom.addWidget(self.footer, 1)
        bottom.addWidget(self.privacy)
        self.comment_edit = QLineEdit(self)  # the headteacher's words, typed by the lead
        self.comment_edit.setAccessibleName(self.tr("Headteacher's comment"))
        self.comment_edit.returnPressed.connect(self._keep_comment)
        self.comment_edit.installEventFilter(self)
        self.comment_edit.hide()
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.scroll_area, 1)
        self.outer.addWidget(self.comment_edit)
        self.outer.addLayout(bottom)
        self._scale_from(self._screen_height())
        self.go(index)

    # --- size and slides ----------------------------------------------------------------------------
    def _screen_height(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.size().height() if screen else 768

    def _scale_from(self, height: int) -> None:
        self._px = max(14, round(height / LINES_PER_SCREEN))
        m = self._px
        self.outer.setContentsMargins(round(m * 2.2), round(m * 1.2), round(m * 2.2), round(m * 0.6))

    def font_for(self, factor: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(10, round(self._px * factor)))
        font.setBold(bold)
        return font

    @property
    def slide_count(self) -> int:
        return len(self.snapshot.questions) + 1  # the questions, then the improvement priority

    def go(self, index: int) -> None:
        index = max(0, min(self.slide_count - 1, index))
        moved = index != self.index
        if moved:
            self.selected = -1
        self.index = index
        self._render(keep_scroll=not moved)
        self.index_changed.emit(self.index)

    def update_content(self, snapshot: FindingsSnapshot, outcome: FeedbackOutcome,
                       actions: list[AgreedAction]) -> None:
        self.snapshot, self.outcome, self.agreed_actions = snapshot, outcome, actions
        self.index = min(self.index, self.slide_count - 1)
        self._render()

    def set_show_names(self, on: bool) -> None:
        if on != self.show_names:
            self.show_names = on
            self._render()
            self.names_toggled.emit(on)

    def _label(self, text: str, factor: float, *, bold: bool = False, muted: bool = False,
               colour: str | None = None) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setFont(self.font_for(factor, bold))
        if muted or colour:
            label.setStyleSheet(f"color: {theme.colour(colour or 'muted').name()};")
        return label

    def _render(self, keep_scroll: bool = True) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(round(self._px * 0.4))
        questions = self.snapshot.questions
        if self.index < len(questions):
            self._question_slide(layout, self.index)
        else:
            self._outcome_slide(layout)
        layout.addStretch(1)
        bar = self.scroll_area.verticalScrollBar()
        scrolled = bar.value() if keep_scroll else 0
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(box)
        box.adjustSize()
        bar.setValue(scrolled)  # a mark or a comment keeps the place; a new slide starts at the top
        self.footer.setFont(self.font_for(0.6))
        self.footer.setStyleSheet(f"color: {theme.colour('muted').name()};")
        self.footer.setText(self.tr("{n} of {total}   ← → to move · ↑ ↓ choose a finding · A agreed · M amended · "
                                    "E explore · C comment · Esc to leave").format(
            n=self.index + 1, total=self.slide_count))
        self.privacy.setFont(self.font_for(0.6))
        text = self.tr("Names showing ({shortcut} to hide)") if self.show_names else self.tr("Names hidden ({shortcut})")
        self.privacy.setText(text.format(shortcut=native(NAMES_TOGGLE)))
        self.privacy.setStyleSheet(f"color: {theme.colour('text' if self.show_names else 'muted').name()};")

    def _question_slide(self, layout: QVBoxLayout, i: int) -> None:
        snap = self.snapshot
        self._finding_labels, self._slide_findings = [], []
        question = snap.questions[i]
        support = snap.question_support(question.id)
        layout.addWidget(self._label(self.tr("Enquiry question {n} of {total}").format(
            n=i + 1, total=len(snap.questions)), 0.7, muted=True))
        layout.addWidget(self._label(question.text, 1.45, bold=True))
        layout.addWidget(self._label(self.tr("Evidence for this question: {support}").format(
            support=support_text(support)), 0.75, muted=True))
        groups = snap.grouped(question.id)
        if not groups:
            layout.addWidget(self._label(self.tr("No findings for this question yet."), 1.0, muted=True))
        for kind, findings in groups:
            layout.addSpacing(round(self._px * 0.5))
            layout.addWidget(self._label(kind_group(kind), 1.1, bold=True, colour="accent"))
            for finding in findings:
                text = self._label(finding.text or self.tr("(no text yet)"), 1.0)
                if len(self._slide_findings) == self.selected:
                    text.setStyleSheet(f"border-left: {max(3, self._px // 5)}px solid "
                                       f"{theme.colour('accent').name()}; padding-left: {self._px // 2}px;")
                self._finding_labels.append(text)
                self._slide_findings.append(finding)
                layout.addWidget(text)
                fs = snap.finding_support(finding)
                meta = [label(finding.status) if finding.status.value != "draft" else self.tr("Not discussed yet"),
                        f"{WARNING_SIGN} {support_text(fs)}" if fs.warning else support_text(fs)]
                if fs.items:
                    meta.append(", ".join(f"{label(k)} {n}" for k, n in fs.counts.items() if n))
                layout.addWidget(self._label(" \u00b7 ".join(meta), 0.72, muted=True))
                refs = [reference(e, snap.show_day) for e in snap.linked_evidence(finding.id)]
                details: list[str] = []
                if refs:
                    details.append("; ".join(refs))
                if fs.missing_evidence:
                    details.append(missing_text(fs))
                if self.show_names:
                    for e in snap.linked_evidence(finding.id):
                        details.extend(d[:240] + ("\u2026" if len(d) > 240 else "") for d in named_details(e))
                if details:
                    layout.addWidget(self._label("\n".join(details), 0.66, muted=True))
                if finding.head_comment.strip():
                    layout.addWidget(self._label(self.tr("Headteacher: “{comment}”").format(
                        comment=finding.head_comment.strip()), 0.8))
                layout.addSpacing(round(self._px * 0.3))

    def _outcome_slide(self, layout: QVBoxLayout) -> None:
        o = self.outcome
        self._finding_labels, self._slide_findings = [], []
        layout.addWidget(self._label(self.tr("After the conversation"), 0.7, muted=True))
        layout.addWidget(self._label(self.tr("Improvement priority"), 1.45, bold=True))
        layout.addWidget(self._label(o.improvement_priority.strip() or self.tr("Not agreed yet."), 1.1,
                                     muted=not o.improvement_priority.strip()))
        layout.addSpacing(self._px)
        layout.addWidget(self._label(self.tr("Proposed next steps for the improvement workshop"), 1.1, bold=True,
                                     colour="accent"))
        if o.next_steps.strip():
            layout.addWidget(self._label(o.next_steps.strip(), 0.9))
        actions = [a for a in self.agreed_actions if a.text.strip()]
        for action in actions:
            extra = ", ".join(p for p in (action.owner.strip(),
                                          self.tr("by {date}").format(date=long_date(action.due))
                                          if action.due else "") if p)
            layout.addWidget(self._label(f"\u2022 {action.text.strip()}" + (f" ({extra})" if extra else ""), 0.9))
        if not o.next_steps.strip() and not actions:
            layout.addWidget(self._label(self.tr("No next steps recorded yet."), 0.9, muted=True))
        layout.addSpacing(self._px)
        when, suggested = checkin_or_suggested(o, self.snapshot.review.start_date,
                                               self.snapshot.workshop_date)  # as in the PDF
        text = (self.tr("90-day check-in: {date} (suggested)") if suggested
                else self.tr("90-day check-in: {date}")).format(date=full_date(when))
        layout.addWidget(self._label(text, 1.0, bold=True))
        layout.addSpacing(self._px)
        layout.addWidget(self._label(self.tr("The headteacher's overall comment"), 1.1, bold=True, colour="accent"))
        layout.addWidget(self._label(o.head_comment.strip() or self.tr("None yet (C to type it)."), 0.9,
                                     muted=not o.head_comment.strip()))

    # --- keys and size ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        bar = self.scroll_area.verticalScrollBar()
        if QKeySequence(event.keyCombination()) == QKeySequence(NAMES_TOGGLE):
            self.set_show_names(not self.show_names)
        elif key == Qt.Key.Key_Right:
            self.go(self.index + 1)
        elif key == Qt.Key.Key_Left:
            self.go(self.index - 1)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Space):  # a clicker: the rest of a long question first
            if bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep())
            else:
                self.go(self.index + 1)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            if bar.value() > bar.minimum():
                bar.setValue(bar.value() - bar.pageStep())
            else:
                self.go(self.index - 1)
        elif key in MARK_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.mark(MARK_KEYS[Qt.Key(key)])
        elif key == Qt.Key.Key_C and not event.modifiers():
            self.start_comment()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(self.slide_count - 1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            step = 1 if key == Qt.Key.Key_Down else -1
            if self._slide_findings:
                self.choose(max(0, min(len(self._slide_findings) - 1, self.selected + step)))
            else:
                bar.setValue(bar.value() + step * bar.singleStep() * 3)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_F5):
            self.close()
        else:
            super().keyPressEvent(event)

    # --- recording the conversation ---------------------------------------------------------------
    def choose(self, position: int) -> None:
        """Select the slide's finding at `position` (what A/M/E/D/C act on) and bring it into view."""
        if not 0 <= position < len(self._slide_findings):
            return
        self.selected = position
        self._render()
        self.scroll_area.ensureWidgetVisible(self._finding_labels[position], 0, self._px * 3)

    @property
    def selected_finding(self) -> Finding | None:
        return self._slide_findings[self.selected] if 0 <= self.selected < len(self._slide_findings) else None

    def mark(self, status: FindingStatus) -> None:
        if self.selected_finding is None:
            self.choose(0)  # the first press picks the first finding; the next one marks it
            return
        self.marked.emit(self.selected_finding.id, status)

    def start_comment(self) -> None:
        on_outcome = self.index >= len(self.snapshot.questions)
        if not on_outcome and self.selected_finding is None:
            self.choose(0)
        finding = None if on_outcome else self.selected_finding
        if not on_outcome and finding is None:
            return  # no findings on this slide
        self._comment_for = finding.id if finding is not None else ""
        self.comment_edit.setFont(self.font_for(0.9))
        self.comment_edit.setPlaceholderText(self.tr("The headteacher's comment; Enter to keep it, Esc to drop it"))
        self.comment_edit.setText(finding.head_comment if finding is not None else self.outcome.head_comment)
        self.comment_edit.show()
        self.comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_comment(self) -> None:
        text = self.comment_edit.text().strip()
        self._end_comment()
        self.commented.emit(self._comment_for, text)

    def _end_comment(self) -> None:
        self.comment_edit.hide()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if (watched is self.comment_edit and event.type() == event.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            self._end_comment()  # Esc drops the comment, and does not leave Present
            return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        height = self._screen_height() if self.isFullScreen() else event.size().height()
        if max(14, round(height / LINES_PER_SCREEN)) != self._px:
            self._scale_from(height)
            self._render()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.closed.emit(self.index)
        super().closeEvent(event)

    def present(self, avoid_screen=None) -> None:  # noqa: ANN001
        """Full screen, on another screen than `avoid_screen` when there is one (a projector)."""
        screens = QGuiApplication.screens()
        target = next((s for s in screens if s is not avoid_screen), None) if len(screens) > 1 else None
        if target is not None:
            self.setScreen(target)
            self.move(target.geometry().topLeft())
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
