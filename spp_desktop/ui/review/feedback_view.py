"""The feedback conversation: findings with what stands behind them, one enquiry question at a time.

The lead marks each finding Agreed / Agreed as amended / To explore further and types the headteacher's
comment; then the improvement priority, next steps and the 90-day check-in (`OutcomeForm`). F5 presents
it full screen; Ctrl+Shift+H shows or hides names and evidence notes (hidden by default); reviewer-only
notes are never shown on this page or in Present. "Export feedback summary (PDF)…" builds the report on
this thread and renders it on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import Finding, FindingKind
from spp_desktop.reports.model import NothingToReport
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import QT_TRANSLATE_NOOP, error_text, summary_language
from ..models.findings_model import FindingsSnapshot, kind_group
from ..shortcuts import NAMES_TOGGLE, native
from ..tasks import Task, run_in_background
from ..widgets.autosave import is_saved_message
from ..widgets.triangulation_badge import TriangulationBadge
from . import feedback_export as export_words
from .finding_cards import ConversationCard, StepBuilder
from .matrix_view import QuestionList, fill_question_combo, question_combo
from .outcome_form import OutcomeForm
from .presentation import PresentationWindow

OUTCOME = "__outcome__"
# In English here (tests compare against them); shown through note() in the interface language.
NOT_ENCRYPTED = QT_TRANSLATE_NOOP("FeedbackView", "The PDF is not encrypted. Share it only as your data-sharing "
                                                  "agreement allows.")
HIDDEN_NOTE = QT_TRANSLATE_NOOP("FeedbackView", "Names of staff and pupils and evidence notes are hidden. "
                                                "Reviewer-only notes are never shown here.")
NARROW_CHARS = 115  # narrower than this many average characters: a drop-down in place of the list
EAGER_STEPS = 4  # a heading and the first cards are built before the screen shows; the rest just after
SHOWN_NOTE = QT_TRANSLATE_NOOP("FeedbackView", "Names and evidence notes are showing. Hide them ({shortcut}) "
                                               "before the screen is shared.")


def note(text: str) -> str:
    """One of the notes above, in the interface language (with the platform's way of writing the toggle)."""
    return QCoreApplication.translate("FeedbackView", text).replace("{shortcut}", native(NAMES_TOGGLE))


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class FeedbackView(QWidget):
    status_changed = Signal(str)
    export_finished = Signal(str)  # the message shown

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None, *,
                 choose_path: Callable[[str], str] | None = None,
                 confirm_left_out: Callable[[QWidget, str], bool] | None = None, present_key: bool = True,
                 documents_language: Callable[[], str] | None = None):
        super().__init__(parent)
        self.store, self.review_id = store, review_id
        self.documents_language = documents_language or summary_language  # asked at each export
        self.setObjectName("feedbackView")
        self.setAccessibleName(self.tr("Feedback conversation"))
        self.choose_path = choose_path or self._ask_path
        self.confirm_left_out = confirm_left_out or export_words.confirm_left_out
        self.exported_path = ""
        self.snapshot = FindingsSnapshot.load(store, review_id)
        self.current: str = ""
        self.cards: dict[str, ConversationCard] = {}
        self.presentation: PresentationWindow | None = None
        self.export_task: Task | None = None

        self.context = QLabel(self)
        self.context.setWordWrap(True)
        self.present_button = QPushButton(self.tr("Present (F5)"), self)
        self.present_button.setAccessibleName(self.tr("Present full screen"))
        self.present_button.setToolTip(self.tr("Full screen, large type, one enquiry question at a time (F5)"))
        self.present_button.clicked.connect(self.present)
        self.names = QCheckBox(self.tr("Show names and evidence notes ({shortcut})").format(
            shortcut=native(NAMES_TOGGLE)), self)
        self.names.setAccessibleName(self.tr("Show names and evidence notes"))
        self.names.setToolTip(self.tr("Names of staff and pupils, and evidence notes. Reviewer-only notes are "
                                      "never shown here."))
        self.names.toggled.connect(self._names_toggled)
        self.export_button = QPushButton(self.tr("Export feedback summary (PDF)…"), self)
        self.export_button.setAccessibleName(self.tr("Export feedback summary as PDF"))
        self.export_button.setToolTip(note(NOT_ENCRYPTED))
        self.export_button.clicked.connect(self.export_pdf)
        theme.set_role(self.export_button, "primary")
        self.privacy_note = theme.muted_label(note(HIDDEN_NOTE))
        self.message_box = QFrame(self)
        theme.set_role(self.message_box, "notice")
        self.message = QLabel(self.message_box)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Export message"))
        message_row = QHBoxLayout(self.message_box)
        message_row.addWidget(self.message, 1)
        self.open_button = QPushButton(self.tr("Open"), self.message_box)
        self.open_button.setAccessibleName(self.tr("Open the feedback summary"))
        self.open_button.clicked.connect(lambda: export_words.open_file(self.exported_path))
        self.folder_button = QPushButton(self.tr("Show in folder"), self.message_box)
        self.folder_button.setAccessibleName(self.tr("Show the feedback summary in its folder"))
        self.folder_button.clicked.connect(lambda: export_words.show_in_folder(self.exported_path))
        self.print_button = QPushButton(self.tr("Print…"), self.message_box)
        self.print_button.setAccessibleName(self.tr("Print the feedback summary"))
        self.print_button.clicked.connect(lambda: self.print_exported())
        for button in (self.open_button, self.folder_button, self.print_button):
            button.setAutoDefault(False)
            button.hide()
            message_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.message_box.hide()

        top = QHBoxLayout()
        self.title = theme.heading(self.tr("Feedback conversation"), 1)
        top.addWidget(self.title, 1)
        top.addWidget(self.present_button)
        top.addWidget(self.export_button)
        under = QHBoxLayout()
        under.addWidget(self.context, 3)
        self.encrypted_note = encrypted = theme.muted_label(note(NOT_ENCRYPTED))
        encrypted.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        under.addWidget(encrypted, 2)
        second = QHBoxLayout()
        second.addWidget(self.names)
        second.addWidget(self.privacy_note, 1)

        self.nav = QuestionList(self, self.tr("Conversation"))
        self.nav.question_chosen.connect(self.show_item)
        self.nav_combo = question_combo(self)  # in place of the list in a narrow window
        self.nav_combo.activated.connect(lambda i: self.show_item(self.nav_combo.itemData(i)))
        self.question_box = QWidget()
        self.question_scroll = _scroll(self.question_box)
        self._outcome_form: OutcomeForm | None = None  # built when first shown
        self._outcome_scroll: QScrollArea | None = None
        self.builder = StepBuilder(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.question_scroll)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.nav)
        split.addWidget(self.stack)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        self.split = split
        self._shown_once = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addLayout(under)
        layout.addLayout(second)
        layout.addWidget(self.nav_combo)
        layout.addWidget(split, 1)
        layout.addWidget(self.message_box)  # below: a message never pushes the list under the pointer
        split.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.narrow = False

        # In the main window F5 is its Review menu's "Present" (any page); on its own the view has the key.
        for keys, slot in ((("F5", self.present),) if present_key else ()) + ((NAMES_TOGGLE, self.names.toggle),):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        self._show_context()
        self._fill_nav()
        first = self.snapshot.questions[0].id if self.snapshot.questions else OUTCOME
        self.show_item(first)

    @property
    def outcome_form(self) -> OutcomeForm:
        return self._outcome_page()[0]

    def _outcome_page(self) -> tuple[OutcomeForm, QScrollArea]:
        """The outcome form and the scroll area it sits in on the stack, both built when first wanted."""
        if self._outcome_form is None or self._outcome_scroll is None:
            self._outcome_form = OutcomeForm(self.store, self.review_id)
            self._outcome_form.status_changed.connect(self._status)
            self._outcome_scroll = _scroll(self._outcome_form)
            self.stack.addWidget(self._outcome_scroll)
        return self._outcome_form, self._outcome_scroll

    # --- what is shown ------------------------------------------------------------------------------
    @property
    def show_names(self) -> bool:
        return self.names.isChecked()

    def _show_context(self) -> None:
        review = self.snapshot.review
        parts = [review.host_school, review.focus.title]
        if self.show_names and review.headteacher:
            parts.append(self.tr("Headteacher: {name}").format(name=review.headteacher))
        self.context.setText(" \u00b7 ".join(p for p in parts if p))

    def _fill_nav(self) -> None:
        extra = (OUTCOME, self.tr("Improvement priority and next steps"))
        self.nav.set_questions(self.snapshot, self.current or None, agreed=True, extra=extra)
        fill_question_combo(self.nav_combo, self.snapshot, self.current or None, extra)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        narrow = event.size().width() < self.fontMetrics().averageCharWidth() * NARROW_CHARS
        if narrow != self.narrow:
            self.narrow = narrow
            self.nav.setVisible(not narrow)
            self.nav_combo.setVisible(narrow)
            # room for the findings: the title, context and notes give way (the export button's
            # tooltip, the file dialog and the message after export still say the PDF is not encrypted)
            for widget in (self.title, self.context, self.encrypted_note, self.privacy_note):
                widget.setVisible(not narrow)

    def question_ids(self) -> list[str]:
        return [q.id for q in self.snapshot.questions] + [OUTCOME]

    def show_item(self, item_id: str) -> None:
        if item_id == self.current:
            return
        self.flush_cards()
        self.current = item_id
        self.nav.select(item_id)
        self.nav_combo.setCurrentIndex(max(0, self.nav_combo.findData(item_id)))
        if item_id == OUTCOME:
            self.stack.setCurrentWidget(self._outcome_page()[1])
        else:
            self._build_question()
            self.stack.setCurrentIndex(0)
        if self.presentation is not None:
            self.presentation.go(self.question_ids().index(item_id))

    def _build_question(self) -> None:
        self.builder.finish()
        for card in self.cards.values():
            card.autosaver.stop()
        self.cards = {}
        old = self.question_scroll.takeWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.question_box = QWidget()
        lay = QVBoxLayout(self.question_box)
        lay.setContentsMargins(4, 0, 10, 10)
        self.question_scroll.setWidget(self.question_box)
        snap = self.snapshot
        question = snap.review.question(self.current)
        if question is None:
            return
        number = snap.question_number(question.id)
        lay.addWidget(theme.heading(self.tr("Enquiry question {n} of {total}").format(
            n=number, total=len(snap.questions)), 3))
        text = theme.heading(question.text, 2)
        lay.addWidget(text)
        badge = TriangulationBadge("question", self.question_box)
        badge.set_support(snap.question_support(question.id))
        lay.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        groups = snap.grouped(question.id)
        if not groups:
            lay.addWidget(theme.muted_label(self.tr("No findings for this question yet. Draft them on the Findings "
                                                    "page.")))
        steps: list[Callable[[], object]] = []
        counter = 0
        for kind, findings in groups:
            steps.append(partial(self._add_group_heading, lay, kind))
            for finding in findings:
                counter += 1
                steps.append(partial(self._add_card, lay, finding, f"{number}.{counter}"))
        steps.append(lambda: lay.addStretch(1))
        self.builder.start(steps, EAGER_STEPS)

    def _add_group_heading(self, layout: QVBoxLayout, kind: FindingKind) -> None:
        layout.addSpacing(6)
        layout.addWidget(theme.heading(kind_group(kind), 3))

    def _add_card(self, layout: QVBoxLayout, finding: Finding, number: str) -> None:
        card = ConversationCard(self.store, self.review_id, finding, number, self.snapshot, self.show_names,
                                self.question_box)
        card.status_changed.connect(self._status)
        card.saved.connect(self._card_saved)
        self.cards[finding.id] = card
        layout.addWidget(card)

    def finish_building(self) -> None:
        """Build every card of the question shown now (they are otherwise built a few at a time)."""
        self.builder.finish()

    def _names_toggled(self, on: bool) -> None:
        self.privacy_note.setText(note(SHOWN_NOTE if on else HIDDEN_NOTE))
        theme.set_role(self.privacy_note, "error" if on else "muted")
        self._show_context()
        if self.current != OUTCOME:
            self.flush_cards()
            self._build_question()
        if self.presentation is not None:
            self.presentation.set_show_names(on)

    def _card_saved(self, finding: Finding) -> None:
        self.snapshot.findings = [finding if f.id == finding.id else f for f in self.snapshot.findings]
        self._fill_nav()
        if self.presentation is not None:
            self._update_presentation()

    def _status(self, text: str) -> None:
        self.status_changed.emit(text)
        if self.presentation is not None and is_saved_message(text):
            self._update_presentation()

    # --- presentation -------------------------------------------------------------------------------
    def present(self) -> PresentationWindow:
        if self.presentation is not None:
            self.presentation.raise_()
            self.presentation.activateWindow()
            return self.presentation
        self.flush()
        window = PresentationWindow(self.snapshot, self.store.outcome(self.review_id),
                                    self.store.actions(self.review_id), show_names=self.show_names,
                                    index=self.question_ids().index(self.current) if self.current else 0)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.index_changed.connect(lambda i: self.show_item(self.question_ids()[i]))
        window.names_toggled.connect(self.names.setChecked)
        window.marked.connect(lambda finding_id, status: self._from_present(finding_id, status=status))
        window.commented.connect(self._comment_from_present)
        window.closed.connect(self._presentation_closed)
        self.presentation = window
        window.present(avoid_screen=self.screen())
        return window

    def _comment_from_present(self, finding_id: str, text: str) -> None:
        if finding_id:
            self._from_present(finding_id, head_comment=text)
            return
        try:  # the overall comment, on the last slide
            self.flush()
            self.store.update_outcome(self.review_id, head_comment=text)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return
        if self._outcome_form is not None:
            self._outcome_form.set_head_comment(text)
        self._update_presentation()

    def _from_present(self, finding_id: str, **changes: object) -> None:
        """A mark or comment made in Present: saved here, and the page and the slide show it."""
        try:
            self.flush_cards()
            self.store.update_finding(self.review_id, finding_id, **changes)
            self.snapshot = FindingsSnapshot.load(self.store, self.review_id)
        except (StoreError, KeyError) as exc:
            self.status_changed.emit(error_text(exc) if isinstance(exc, StoreError) else str(exc))
            return
        self._fill_nav()
        if self.current != OUTCOME:
            self._build_question()
        self._update_presentation()

    def _update_presentation(self) -> None:
        if self.presentation is not None:
            self.presentation.update_content(self.snapshot, self.store.outcome(self.review_id),
                                             self.store.actions(self.review_id))

    def _presentation_closed(self, index: int) -> None:
        self.presentation = None
        self.show_item(self.question_ids()[index])
        self.present_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- export -------------------------------------------------------------------------------------
    def _ask_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export feedback summary (PDF) — the file is not encrypted"), suggested,
            self.tr("PDF files (*.pdf)"))
        return path

    def suggested_path(self) -> str:
        review = self.snapshot.review
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("Feedback summary - {school} - {date}.pdf").format(school=review.host_school,
                                                                          date=review.start_date.isoformat())
        return str(Path(folder) / "".join(c for c in name if c not in '<>:"/\\|?*'))

    def export_pdf(self) -> Task | None:
        self.flush()
        from spp_desktop.services.documents import feedback_report  # reportlab loads on first export

        report = feedback_report(self.store, self.review_id, language=self.documents_language())
        if not report.findings:
            self.show_message(self._nothing_to_report(), problem=True)
            return None
        counts = export_words.left_out(report)
        if counts and not self.confirm_left_out(self, export_words.left_out_text(counts)):
            self.show_item(self.snapshot.questions[counts[0][0] - 1].id)  # back to the first to discuss
            return None
        path = self.choose_path(self.suggested_path())
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.export_button.setEnabled(False)
        self.show_message(self.tr("Preparing the feedback summary…"))
        from spp_desktop.reports.feedback_pdf import render_feedback_pdf

        task = run_in_background(render_feedback_pdf, report, Path(path))
        task.succeeded.connect(lambda _v: self._exported(path))
        task.failed.connect(self._export_failed)
        task.finished.connect(lambda: self.export_button.setEnabled(True))
        self.export_task = task
        return task

    def _exported(self, path: str) -> None:
        self.show_message(self.tr("Feedback summary saved to {path}.").format(path=path) + " " + note(NOT_ENCRYPTED))
        self.exported_path = path
        for button in (self.open_button, self.folder_button, self.print_button):
            button.show()

    def print_exported(self, printer=None) -> None:  # noqa: ANN001 (a QPrinter; None: ask with the dialog)
        problem = export_words.print_file(self, self.exported_path, printer)
        if problem:
            self.show_message(problem, problem=True)

    def _nothing_to_report(self) -> str:
        return self.tr("There are no findings yet, so there is nothing to put in the feedback summary. Draft "
                       "findings first.")

    def _export_failed(self, exc: object) -> None:
        if isinstance(exc, NothingToReport):
            text = self._nothing_to_report()
        elif isinstance(exc, OSError):
            reason = exc.strerror or self.tr("the folder cannot be written")
            text = self.tr("The PDF could not be written there ({reason}). Choose another folder and try "
                           "again.").format(reason=reason)
        else:
            text = self.tr("The PDF could not be made. Nothing was written. Try again, and if it keeps failing, "
                           "export the review package instead.")
        self.show_message(text, problem=True)

    def show_message(self, text: str, problem: bool = False) -> None:
        for button in (self.open_button, self.folder_button, self.print_button):
            button.hide()
        self.message.setText(text)
        theme.set_role(self.message_box, "problem" if problem else "notice")
        self.message_box.show()
        self.export_finished.emit(text)

    def place_detail(self) -> dict[str, str]:
        return {"item": self.current} if self.current else {}

    def return_to(self, detail: dict[str, str]) -> None:
        if detail.get("item") in self.question_ids():
            self.show_item(detail["item"])

    # --- the page protocol --------------------------------------------------------------------------
    def flush_cards(self) -> bool:
        return all([card.flush() for card in self.cards.values()])

    def flush(self) -> bool:
        ok = self.flush_cards()
        return (self._outcome_form is None or self._outcome_form.flush()) and ok

    def refresh(self) -> None:
        try:
            self.flush()
            fresh = FindingsSnapshot.load(self.store, self.review_id)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return
        old = self.snapshot
        if (fresh.findings, fresh.links, fresh.evidence, fresh.review) == (old.findings, old.links, old.evidence,
                                                                            old.review):
            return
        self.snapshot = fresh
        self._fill_nav()
        current, self.current = self.current, ""
        self.show_item(current if current in self.question_ids() else self.question_ids()[0])
        self._update_presentation()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if event.spontaneous():
            return
        if self._shown_once:  # shown again: the Findings page or a sync may have changed things
            QTimer.singleShot(0, self.refresh)
        self._shown_once = True
