"""What each capture form asks for: the evidence families and their fields, and the editors for them.

A family is a group of kinds that share a form (observation and learning walk; interview and focus
group; book scrutiny; data review, survey and document). The reviewer can switch kind within it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from spp_desktop.domain.evidence import EvidenceKind, Participants

from ..i18n import QT_TRANSLATE_NOOP

LINE, TEXT, INT, CHOICE = "line", "text", "int", "choice"
CONTEXT = "CaptureForm"  # the translation context of the labels and placeholders below

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
    FieldSpec("class_name", QT_TRANSLATE_NOOP("CaptureForm", "Class or year group"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. Year 4 (Oak class)")),
    FieldSpec("subject", QT_TRANSLATE_NOOP("CaptureForm", "Subject or activity"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. English: whole-class reading")),
    FieldSpec("staff", QT_TRANSLATE_NOOP("CaptureForm", "Staff (role or initials only)"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. Class teacher (JB)")),
    FieldSpec("seen", QT_TRANSLATE_NOOP("CaptureForm", "What was seen"), TEXT,
              QT_TRANSLATE_NOOP("CaptureForm", "What pupils and adults did and said, as you saw it"),
              lines=BIG_TEXT_LINES),
    FieldSpec("pupil_voice", QT_TRANSLATE_NOOP("CaptureForm", "Pupil voice"), TEXT,
              QT_TRANSLATE_NOOP("CaptureForm", "What pupils said, in their words")),
), photos=True)

INTERVIEW = Family("interview", (EvidenceKind.INTERVIEW, EvidenceKind.FOCUS_GROUP), (
    FieldSpec("participants", QT_TRANSLATE_NOOP("CaptureForm", "Who with"), CHOICE,
              choices=tuple((p.value, p.label) for p in Participants)),  # labels translated as "Domain"
    FieldSpec("role", QT_TRANSLATE_NOOP("CaptureForm", "Role (never a name)"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. SENCo, English lead, Year 6 pupils")),
    FieldSpec("participant_count", QT_TRANSLATE_NOOP("CaptureForm", "Number of people"), INT,
              minimum=1, maximum=500),
    FieldSpec("prompts", QT_TRANSLATE_NOOP("CaptureForm", "Questions asked and what was said"), TEXT,
              QT_TRANSLATE_NOOP("CaptureForm", "The questions you asked and the answers, in their words"),
              lines=BIG_TEXT_LINES),
))

BOOK_SCRUTINY = Family("book_scrutiny", (EvidenceKind.BOOK_SCRUTINY,), (
    FieldSpec("year_group", QT_TRANSLATE_NOOP("CaptureForm", "Year group or class"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. Year 5")),
    FieldSpec("subject", QT_TRANSLATE_NOOP("CaptureForm", "Subject"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. English")),
    FieldSpec("book_count", QT_TRANSLATE_NOOP("CaptureForm", "Books looked at"), INT, minimum=0, maximum=1000),
    FieldSpec("sample", QT_TRANSLATE_NOOP("CaptureForm", "Sample"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. disadvantaged pupils, SEND, a range of attainment")),
    FieldSpec("looked_at", QT_TRANSLATE_NOOP("CaptureForm", "What the scrutiny looked at"), TEXT,
              QT_TRANSLATE_NOOP("CaptureForm", "What you looked for and what the books showed"),
              lines=BIG_TEXT_LINES),
), photos=True)

OTHER = Family("other", (EvidenceKind.DATA_REVIEW, EvidenceKind.SURVEY, EvidenceKind.DOCUMENT), (
    FieldSpec("title", QT_TRANSLATE_NOOP("CaptureForm", "Title"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. Autumn reading assessment")),
    FieldSpec("source_detail", QT_TRANSLATE_NOOP("CaptureForm", "Where it came from"),
              placeholder=QT_TRANSLATE_NOOP("CaptureForm", "e.g. provided by the English lead")),
    FieldSpec("content", QT_TRANSLATE_NOOP("CaptureForm", "What it shows"), TEXT,
              QT_TRANSLATE_NOOP("CaptureForm", "The figures, answers or passages that bear on the enquiry questions"),
              lines=BIG_TEXT_LINES),
))

FAMILIES = (OBSERVATION, INTERVIEW, BOOK_SCRUTINY, OTHER)

NOTES = FieldSpec("notes", QT_TRANSLATE_NOOP("CaptureForm", "Notes"), TEXT,
                  QT_TRANSLATE_NOOP("CaptureForm", "What was seen and heard, described neutrally"),
                  lines=BIG_TEXT_LINES)
REVIEWER_NOTES = FieldSpec(
    "reviewer_notes", QT_TRANSLATE_NOOP("CaptureForm", "Reviewer-only notes (never shown to the school)"), TEXT,
    QT_TRANSLATE_NOOP("CaptureForm", "Thoughts for the review team: things to check, questions to follow up"))


def field_text(text: str) -> str:
    """A field's label or placeholder in the interface language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def family_of(kind: EvidenceKind) -> Family:
    return next(f for f in FAMILIES if kind in f.kinds)


FOCUS_GROUP_SIZE = 6  # "several": a typical pupil focus group


def new_record_defaults(kind: EvidenceKind) -> dict[str, Any]:
    """What a new record of this kind starts with: a focus group is usually several pupils."""
    if kind is EvidenceKind.FOCUS_GROUP:
        return {"participants": Participants.PUPILS.value, "participant_count": FOCUS_GROUP_SIZE}
    return {}


def defaults_for_kind_change(new_kind: EvidenceKind, values: dict[str, Any]) -> dict[str, Any]:
    """Switching between interview and focus group: move untouched defaults along (1 member of staff
    <-> several pupils); anything the reviewer chose stays."""
    who, count = values.get("participants"), values.get("participant_count")
    if new_kind is EvidenceKind.FOCUS_GROUP and (who, count) == (Participants.STAFF.value, 1):
        return new_record_defaults(new_kind)
    if new_kind is EvidenceKind.INTERVIEW and (who, count) == (Participants.PUPILS.value, FOCUS_GROUP_SIZE):
        return {"participants": Participants.STAFF.value, "participant_count": 1}
    return {}


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
        text.setPlaceholderText(field_text(spec.placeholder))
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
            combo.addItem(QCoreApplication.translate("Domain", label), value)
        editor = combo
    else:
        line = QLineEdit(parent)
        line.setPlaceholderText(field_text(spec.placeholder))
        line.setClearButtonEnabled(False)
        editor = line
    editor.setAccessibleName(field_text(spec.label))
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
