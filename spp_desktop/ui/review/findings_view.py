"""Findings, per enquiry question: draft strengths, areas to develop and questions to explore further,
each with the evidence behind it and a triangulation badge.

Left, the enquiry questions with what stands behind each; in the middle, the findings of the chosen
question as cards (text saved as you type); on the right, the evidence picker: tick a record to link it
to the selected finding, or drag records onto any finding. Everything goes through ReviewStore methods.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeySequence,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import Finding, FindingKind
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..i18n import error_text, label
from ..models.findings_model import FindingsSnapshot
from ..widgets.autosave import saved_message
from ..widgets.triangulation_badge import TriangulationBadge
from ..widgets.undo_bar import UndoBar
from .finding_cards import FindingCard, StepBuilder
from .matrix_view import EvidencePicker, QuestionList, fill_question_combo, question_combo

NARROW_CHARS = 150  # narrower than this many average characters: the compact layout
EAGER_CARDS = 3  # cards built before the screen first shows; the rest follow on the next event-loop turns
T = TypeVar("T")


class FindingsView(QWidget):
    status_changed = Signal(str)
    data_changed = Signal()  # findings or links changed: the matrix follows

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.review_id = store, review_id
        self.setObjectName("findingsView")
        self.setAccessibleName(self.tr("Findings by enquiry question"))
        self.snapshot = FindingsSnapshot.load(store, review_id)
        self.question_id: str | None = None
        self.selected: str | None = None
        self.cards: dict[str, FindingCard] = {}
        self.builder = StepBuilder(self)

        self.questions = QuestionList(self)
        self.questions.question_chosen.connect(self.set_question)

        centre = QWidget(self)
        self.centre = centre
        self.question_combo = question_combo(centre)  # in place of the question list when narrow
        self.question_combo.activated.connect(lambda i: self.set_question(self.question_combo.itemData(i)))
        self.q_title = theme.heading("", 2)
        self.q_text = QLabel(centre)
        self.q_text.setWordWrap(True)
        self.q_text.setFont(theme.scaled_font(self.font(), 1.1))
        self.q_badge = TriangulationBadge("question", centre)
        buttons = QHBoxLayout()
        self.add_buttons: dict[FindingKind, QPushButton] = {}
        for kind, text in ((FindingKind.STRENGTH, self.tr("Add &strength")),
                           (FindingKind.AREA_TO_DEVELOP, self.tr("Add &area to develop")),
                           (FindingKind.QUESTION_TO_EXPLORE, self.tr("Add &question to explore"))):
            button = QPushButton(text, centre)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(lambda _=False, k=kind: self.add_finding(k))
            buttons.addWidget(button)
            self.add_buttons[kind] = button
        buttons.addStretch(1)
        self.undo = UndoBar(centre)
        self.cards_box = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_box)
        self.cards_layout.setContentsMargins(0, 0, 6, 0)
        self.cards_layout.setSpacing(10)
        self.empty = theme.muted_label(self.tr("No findings for this question yet. Add a strength, an area to "
                                               "develop or a question to explore further, then link the evidence "
                                               "behind it."))
        scroll = QScrollArea(centre)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.cards_box)
        self.scroll_area = scroll
        c = QVBoxLayout(centre)
        c.setContentsMargins(12, 0, 12, 0)
        c.addWidget(self.question_combo)
        head = QHBoxLayout()
        head.addWidget(self.q_title, 1)
        head.addWidget(self.q_badge, 0, Qt.AlignmentFlag.AlignTop)
        c.addLayout(head)
        c.addWidget(self.q_text)
        c.addLayout(buttons)
        c.addWidget(self.undo)
        c.addWidget(scroll, 1)

        self.picker = EvidencePicker(self)
        self.picker.model.link_toggled.connect(lambda eid, on: self._toggle_link(eid, on))
        self.picker.show_all.toggled.connect(lambda _on: self._fill_picker())

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setChildrenCollapsible(False)
        for widget, stretch in ((self.questions, 0), (centre, 5), (self.picker, 4)):
            split.addWidget(widget)
            split.setStretchFactor(split.indexOf(widget), stretch)
        self.split = split
        # A narrow window (or 200% scaling): the question list becomes a drop-down and the picker a tab.
        self.narrow_tabs = QTabWidget(self)
        self.narrow_tabs.setAccessibleName(self.tr("Findings and evidence to link"))
        self.narrow_tabs.hide()
        split.addWidget(self.narrow_tabs)
        split.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.narrow = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo.trigger)

        self._show_questions()
        first = self.snapshot.questions[0].id if self.snapshot.questions else None
        if first:
            self.set_question(first)

    # --- layout -------------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.set_narrow(event.size().width() < self.fontMetrics().averageCharWidth() * NARROW_CHARS)

    def set_narrow(self, narrow: bool) -> None:
        if narrow == self.narrow:
            return
        self.narrow = narrow
        if narrow:
            self.narrow_tabs.addTab(self.centre, self.tr("Findings for this question"))
            self.narrow_tabs.addTab(self.picker, self.tr("Link evidence"))
            self.narrow_tabs.show()
        else:
            self.split.insertWidget(1, self.centre)
            self.split.insertWidget(2, self.picker)
            self.narrow_tabs.hide()
            self.centre.show()
            self.picker.show()
        self.questions.setVisible(not narrow)
        self.question_combo.setVisible(narrow)
        self.q_title.setVisible(not narrow)  # the drop-down shows the question
        self.q_text.setVisible(not narrow)

    # --- questions ----------------------------------------------------------------------------------
    def _show_questions(self) -> None:
        self.questions.set_questions(self.snapshot, self.question_id)
        fill_question_combo(self.question_combo, self.snapshot, self.question_id)

    def set_question(self, question_id: str) -> None:
        if question_id == self.question_id and self.cards:
            return
        self.flush()
        self.question_id = question_id
        self.questions.select(question_id)
        fill_question_combo(self.question_combo, self.snapshot, question_id)
        number = self.snapshot.question_number(question_id)
        question = self.snapshot.review.question(question_id)
        self.q_title.setText(self.tr("Enquiry question {number}").format(number=number))
        self.q_text.setText(question.text if question else "")
        self.q_text.setAccessibleName(question.text if question else "")
        self.q_badge.set_support(self.snapshot.question_support(question_id))
        self._build_cards(None)  # selects the first finding
        self.picker.set_question_label(number)
        self._fill_picker()

    def _build_cards(self, select: str | None) -> None:
        self.builder.finish()
        for card in self.cards.values():
            card.autosaver.stop()
            card.hide()
            card.deleteLater()
        self.cards = {}
        while self.cards_layout.count():
            self.cards_layout.takeAt(0)
        findings = self.snapshot.findings_for(self.question_id or "")
        steps: list[Callable[[], object]] = [partial(self._add_card, f, n) for n, f in enumerate(findings, start=1)]

        def finish() -> None:
            self.empty.setVisible(not findings)
            self.cards_layout.addWidget(self.empty)
            self.cards_layout.addStretch(1)

        steps.append(finish)
        self.builder.start(steps, EAGER_CARDS)
        if select is not None:
            self.builder.finish()  # the card asked for must be there now (a new or restored finding)
        self.selected = None
        self.select_finding(select if select in self.cards else (findings[0].id if findings else None))

    def show_finding(self, finding_id: str) -> None:
        """Open a finding: its question, selected for linking, scrolled into view."""
        finding = self.snapshot.finding(finding_id)
        if finding is None:
            return
        self.set_question(finding.question_id)
        self.finish_building()
        self.select_finding(finding_id)
        card = self.cards.get(finding_id)
        if card is not None:
            QTimer.singleShot(0, lambda: self._scroll_to(card))

    def _scroll_to(self, card: FindingCard) -> None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # cards laid out first
        self.scroll_area.ensureWidgetVisible(card, 0, 0)

    def finish_building(self) -> None:
        """Build every card of the question shown now (they are otherwise built a few at a time)."""
        self.builder.finish()

    def _add_card(self, finding: Finding, number: int) -> None:
        card = FindingCard(self.store, self.review_id, finding, number, self.cards_box)
        card.activated.connect(self.select_finding)
        card.delete_requested.connect(self.delete_finding)
        card.evidence_dropped.connect(self.link)
        card.status_changed.connect(self.status_changed)
        card.saved.connect(self._card_saved)
        card.show_support(self.snapshot)
        card.set_selected(finding.id == self.selected)
        self.cards[finding.id] = card
        self.cards_layout.addWidget(card)

    def select_finding(self, finding_id: str | None) -> None:
        if finding_id == self.selected and finding_id is not None:
            return
        self.selected = finding_id
        for fid, card in self.cards.items():
            card.set_selected(fid == finding_id)
        finding = self.snapshot.finding(finding_id) if finding_id else None
        numbers = [f.id for f in self.snapshot.findings_for(self.question_id or "")]
        self.picker.set_target(finding, numbers.index(finding_id) + 1 if finding_id in numbers else 0)
        self.picker.model.set_linked(self.snapshot.linked_ids(finding_id) if finding_id else (), finding is not None)

    def _fill_picker(self) -> None:
        question = None if self.picker.show_all.isChecked() else self.question_id
        self.picker.set_evidence(self.snapshot.evidence_for(question), self.snapshot.show_day,
                                 {m.id: m.name for m in self.snapshot.review.team})
        self.picker.model.set_linked(self.snapshot.linked_ids(self.selected) if self.selected else (),
                                     self.selected is not None)

    # --- changes ------------------------------------------------------------------------------------
    def add_finding(self, kind: FindingKind) -> FindingCard | None:
        if self.question_id is None:
            return None
        question_id = self.question_id
        if self._guard(lambda: self.store.create_finding(self.review_id, question_id, kind, "")) is None:
            return None
        new = self.snapshot.findings_for(self.question_id)
        self.snapshot.reload_findings(self.store)
        created = [f for f in self.snapshot.findings_for(self.question_id) if f not in new]
        self._after_findings_change(created[-1].id if created else None)
        card = self.cards.get(created[-1].id) if created else None
        if card is not None:
            QTimer.singleShot(0, lambda: card.text.setFocus(Qt.FocusReason.OtherFocusReason))
            QTimer.singleShot(0, lambda: self._scroll_to(card))
        return card

    def delete_finding(self, finding_id: str) -> None:
        card = self.cards.get(finding_id)
        if card is not None:
            card.flush()
        kind = label(card.finding.kind) if card else self.tr("Finding")
        if not self._succeeded(partial(self.store.delete_finding, self.review_id, finding_id)):
            return
        self.snapshot.reload_findings(self.store)
        self.snapshot.reload_links(self.store)
        self._after_findings_change(None)
        self.undo.offer(self.tr("{kind} deleted.").format(kind=kind), lambda: self._restore(finding_id))

    def _restore(self, finding_id: str) -> None:
        if self._succeeded(partial(self.store.restore_finding, self.review_id, finding_id)):
            self.snapshot.reload_findings(self.store)
            self.snapshot.reload_links(self.store)
            self._after_findings_change(finding_id)

    def _after_findings_change(self, select: str | None) -> None:
        self._build_cards(select)
        self._update_support()
        self.data_changed.emit()

    def link(self, finding_id: str, evidence_ids: list[str]) -> None:
        for evidence_id in evidence_ids:
            if evidence_id not in self.snapshot.evidence_by_id:
                continue
            link = self._guard(partial(self.store.link_evidence, self.review_id, finding_id, evidence_id))
            if link is None:
                break
            self.snapshot.add_link(link)
        self._links_changed(finding_id)
        self.select_finding(finding_id)

    def unlink(self, finding_id: str, evidence_ids: list[str]) -> None:
        for evidence_id in evidence_ids:
            if self._succeeded(partial(self.store.unlink_evidence, self.review_id, finding_id, evidence_id)):
                self.snapshot.remove_link(finding_id, evidence_id)
        self._links_changed(finding_id)

    def _toggle_link(self, evidence_id: str, on: bool) -> None:
        if self.selected is None:
            return
        (self.link if on else self.unlink)(self.selected, [evidence_id])

    def _links_changed(self, finding_id: str) -> None:
        self._update_support(finding_id)
        self.picker.model.set_linked(self.snapshot.linked_ids(self.selected) if self.selected else (),
                                     self.selected is not None)
        self.data_changed.emit()

    def _update_support(self, only: str | None = None) -> None:
        for fid, card in self.cards.items():
            if only is None or fid == only:
                card.show_support(self.snapshot)
        if self.question_id:
            self.q_badge.set_support(self.snapshot.question_support(self.question_id))
        self._show_questions()

    def _card_saved(self, finding: Finding) -> None:
        self.snapshot.findings = [finding if f.id == finding.id else f for f in self.snapshot.findings]
        card = self.cards.get(finding.id)
        if card is not None:
            card.status.setText(label(finding.status))

    def _guard(self, call: Callable[[], T]) -> T | None:
        """Run a store call; report "Saved 10:32" or the store's plain message (then None)."""
        try:
            result = call()
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return None
        except KeyError:
            self.status_changed.emit(self.tr("That finding no longer exists."))
            return None
        self.status_changed.emit(saved_message(datetime.now()))
        return result

    def _succeeded(self, call: Callable[[], None]) -> bool:
        """_guard for a store call that returns nothing: whether it ran without a refusal."""

        def run() -> bool:
            call()
            return True

        return self._guard(run) is not None

    # --- the page protocol --------------------------------------------------------------------------
    def flush(self) -> bool:
        return all([card.flush() for card in self.cards.values()])

    def refresh(self) -> None:
        """Read the store again (after a sync or another page's changes); keeps the place."""
        self.flush()
        fresh = FindingsSnapshot.load(self.store, self.review_id)
        old = self.snapshot
        if (fresh.findings, fresh.links, fresh.evidence, fresh.review) == (old.findings, old.links, old.evidence,
                                                                            old.review):
            return
        self.snapshot = fresh
        question = self.question_id if fresh.review.question(self.question_id or "") else None
        self.question_id = None
        self._show_questions()
        target = question or (fresh.questions[0].id if fresh.questions else None)
        if target:
            keep = self.selected
            self.set_question(target)
            if keep in self.cards:
                self.select_finding(keep)
        self.data_changed.emit()
