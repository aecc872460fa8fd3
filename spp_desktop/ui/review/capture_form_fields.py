"""What each capture form asks for: the evidence families and their fields, and the editors for them.

A family is a group of kinds that share a form (observation and learning walk; interview and focus
group; book scrutiny; data review, survey and document). The reviewer can switch kind within it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from spp_desktop.domain.evidence import EvidenceKind, Participants

LINE, TEXT, INT, CHOICE = "line", "text", "int", "choice"
BIG_TEXT_LINES = 7
SMALL_TEXT_LINES = 4


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = LINE
    placeholder: str = ""
    lines: int = SMALL_TEXT_LINES  # visible lines of a text area
    minimum: int = 0
    maximum: int = 999
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)


@dataclass(frozen=True)
class Family:
    key: str
    kinds: tuple[EvidenceKind, ...]
    fields: tuple[FieldSpec, ...]
    photos: bool = False


OBSERVATION = Family("observation", (EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK), (
    FieldSpec("class_name", "Class or year group", placeholder="e.g. Year 4 (Oak class)"),
    FieldSpec("subject", "Subject or activity", placeholder="e.g. English: whole-class reading"),
    FieldSpec("staff", "Staff (role or initials only)", placeholder="e.g. Class teacher (JB)"),
    FieldSpec("seen", "What was seen", TEXT, "What pupils and adults did and said, as you saw it",
              lines=BIG_TEXT_LINES),
    FieldSpec("pupil_voice", "Pupil voice", TEXT, "What pupils said, in their words"),
), photos=True)

INTERVIEW = Family("interview", (EvidenceKind.INTERVIEW, EvidenceKind.FOCUS_GROUP), (
    FieldSpec("participants", "Who with", CHOICE, choices=tuple((p.value, p.label) for p in Participants)),
    FieldSpec("participant_count", "Number of people", INT, minimum=1, maximum=500),
    FieldSpec("prompts", "Questions asked and what was said", TEXT,
              "The questions you asked and the answers, in their words", lines=BIG_TEXT_LINES),
))

BOOK_SCRUTINY = Family("book_scrutiny", (EvidenceKind.BOOK_SCRUTINY,), (
    FieldSpec("year_group", "Year group or class", placeholder="e.g. Year 5"),
    FieldSpec("subject", "Subject", placeholder="e.g. English"),
    FieldSpec("book_count", "Books looked at", INT, minimum=0, maximum=1000),
    FieldSpec("sample", "Sample", placeholder="e.g. disadvantaged pupils, SEND, a range of attainment"),
    FieldSpec("looked_at", "What the scrutiny looked at", TEXT,
              "What you looked for and what the books showed", lines=BIG_TEXT_LINES),
), photos=True)

OTHER = Family("other", (EvidenceKind.DATA_REVIEW, EvidenceKind.SURVEY, EvidenceKind.DOCUMENT), (
    FieldSpec("title", "Title", placeholder="e.g. Autumn reading assessment"),
    FieldSpec("source_detail", "Where it came from", placeholder="e.g. provided by the English lead"),
))

FAMILIES = (OBSERVATION, INTERVIEW, BOOK_SCRUTINY, OTHER)

NOTES = FieldSpec("notes", "Notes", TEXT, "What was seen and heard, described neutrally",
                  lines=BIG_TEXT_LINES)
REVIEWER_NOTES = FieldSpec("reviewer_notes", "Reviewer-only notes (never shown to the school)", TEXT,
                           "Thoughts for the review team: things to check, questions to follow up")


def family_of(kind: EvidenceKind) -> Family:
    return next(f for f in FAMILIES if kind in f.kinds)


def slot_prefill(kind: EvidenceKind, location: str) -> dict[str, str]:
    """Where a schedule slot's class or room goes in a new record of this kind."""
    if not location:
        return {}
    family = family_of(kind)
    if family is OBSERVATION:
        return {"class_name": location}
    if family is BOOK_SCRUTINY:
        return {"year_group": location}
    if family is OTHER:
        return {"source_detail": location}
    return {}


# --- editors ----------------------------------------------------------------------------------------
def make_editor(spec: FieldSpec, parent: QWidget) -> QWidget:
    editor: QWidget
    if spec.kind == TEXT:
        text = QPlainTextEdit(parent)
        text.setTabChangesFocus(True)  # Tab moves on; keyboard users are never trapped
        text.setPlaceholderText(spec.placeholder)
        line_height = text.fontMetrics().lineSpacing()
        text.setMinimumHeight(line_height * spec.lines + 12)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        editor = text
    elif spec.kind == INT:
        spin = QSpinBox(parent)
        spin.setRange(spec.minimum, spec.maximum)
        spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0000") + 40)
        editor = spin
    elif spec.kind == CHOICE:
        combo = QComboBox(parent)
        for value, label in spec.choices:
            combo.addItem(label, value)
        editor = combo
    else:
        line = QLineEdit(parent)
        line.setPlaceholderText(spec.placeholder)
        line.setClearButtonEnabled(False)
        editor = line
    editor.setAccessibleName(spec.label)
    editor.setObjectName(f"field_{spec.name}")
    return editor


def read_editor(editor: QWidget) -> Any:
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    if isinstance(editor, QSpinBox):
        return editor.value()
    if isinstance(editor, QComboBox):
        data = editor.currentData()
        return data if data is not None else editor.currentText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


def write_editor(editor: QWidget, value: Any) -> None:
    editor.blockSignals(True)
    try:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value or "")
            editor.moveCursor(QTextCursor.MoveOperation.End)  # carry on writing where the notes end
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index < 0 and value:
                editor.addItem(str(value), value)  # a value from elsewhere (e.g. a package): keep it
                index = editor.count() - 1
            editor.setCurrentIndex(max(index, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value or "")
            editor.setCursorPosition(0)
    finally:
        editor.blockSignals(False)


def change_signal(editor: QWidget) -> Any:
    """The signal that fires when the user changes this editor."""
    if isinstance(editor, QPlainTextEdit):
        return editor.textChanged
    if isinstance(editor, QSpinBox):
        return editor.valueChanged
    if isinstance(editor, QComboBox):
        return editor.currentIndexChanged
    assert isinstance(editor, QLineEdit)
    return editor.textEdited


def is_text_area(editor: QWidget) -> bool:
    return isinstance(editor, QPlainTextEdit)


ALIGN_TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
