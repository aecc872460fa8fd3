"""Enquiry questions as toggle chips: one click (or Space) links or unlinks a question."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

from spp_desktop.domain.review import EnquiryQuestion

from .chips import CHIP_STYLE, make_chip
from .flow_layout import FlowLayout

ELIDE_EM = 26  # the width of a chip's text, in multiples of the font's "M"


def question_label(position: int) -> str:
    """Q1, Q2 ... (C1, C2 ... in Welsh) for the question at this 0-based position in the review."""
    return QCoreApplication.translate("QuestionChips", "Q{n}").format(n=position + 1)


class QuestionChips(QWidget):
    changed = Signal()

    def __init__(self, questions: Sequence[EnquiryQuestion], parent: QWidget | None = None):
        super().__init__(parent)
        self.setStyleSheet(CHIP_STYLE)
        self.setAccessibleName(self.tr("Enquiry questions this evidence is about"))
        layout = FlowLayout(self)
        self._chips: dict[str, QToolButton] = {}
        self._texts: dict[str, tuple[str, str]] = {}  # question id -> (Q1, the whole question)
        self._elided_at = -1
        em = self.fontMetrics().horizontalAdvance("M")
        for index, question in enumerate(questions):
            label = question_label(index)
            chip = make_chip(label, self, checkable=True)
            chip.setMinimumWidth(em * 6)  # a narrow window (or large text) shortens the question instead
            self._texts[question.id] = (label, question.text)
            chip.setToolTip(f"{label}: {question.text}")
            chip.setAccessibleName(self.tr("Link to {number}: {question}").format(number=label, question=question.text))
            chip.toggled.connect(self._on_toggled)
            layout.addWidget(chip)
            self._chips[question.id] = chip
        if not self._chips:
            empty = QLabel(self.tr("This review has no enquiry questions yet."), self)
            empty.setProperty("role", "muted")
            layout.addWidget(empty)
        self._order = [q.id for q in questions]
        self._quiet = False
        self._unknown: tuple[str, ...] = ()
        self._elide(em * ELIDE_EM)

    def _elide(self, width: int) -> None:
        """Each chip shows its question cut to `width` pixels (no more than ELIDE_EM ems)."""
        em = self.fontMetrics().horizontalAdvance("M")
        width = max(em * 4, min(width, em * ELIDE_EM))
        if width == self._elided_at:
            return
        self._elided_at = width
        for qid, chip in self._chips.items():
            label, text = self._texts[qid]
            chip.setText(f"{label}  {self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)}")

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        em = self.fontMetrics().horizontalAdvance("M")
        self._elide(event.size().width() - em * 5)  # room for "Q1", the gap and the chip's padding

    def _on_toggled(self, _checked: bool) -> None:
        if not self._quiet:
            self.changed.emit()

    def chip(self, question_id: str) -> QToolButton:
        return self._chips[question_id]

    def chips(self) -> list[QToolButton]:
        return [self._chips[q] for q in self._order]

    def selected_ids(self) -> tuple[str, ...]:
        return tuple(q for q in self._order if self._chips[q].isChecked())

    def set_selected(self, question_ids: Iterable[str]) -> None:
        ids = tuple(question_ids)
        wanted = set(ids)
        self._quiet = True
        try:
            for qid, chip in self._chips.items():
                chip.setChecked(qid in wanted)
        finally:
            self._quiet = False
        # Links to questions this review no longer has are kept as they are.
        self._unknown = tuple(q for q in ids if q not in self._chips)

    def value(self) -> tuple[str, ...]:
        return self.selected_ids() + self._unknown
