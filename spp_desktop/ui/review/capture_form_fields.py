"""What each capture form asks for: the evidence families and their fields, and the editors for them.

A family is a group of kinds that share a form (observation and learning walk; interview and focus
group; book scrutiny; data review, survey and document). The reviewer can switch kind within it. The
families and their fields come from the domain's registry (spp_desktop.domain.evidence.FAMILIES); their
labels and placeholders are translated in the context "CaptureForm" (ui/domain_strings.py marks them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from spp_desktop.domain import evidence as kinds
from spp_desktop.domain.evidence import EvidenceKind

from ..i18n import QT_TRANSLATE_NOOP

LINE, TEXT, INT, CHOICE = kinds.LINE, kinds.TEXT, kinds.INT, kinds.CHOICE
CONTEXT = "CaptureForm"  # the translation context of the labels and placeholders below and of the registry's

BIG_TEXT_LINES = kinds.BIG_TEXT_LINES
SMALL_TEXT_LINES = kinds.SMALL_TEXT_LINES
FOCUS_GROUP_SIZE = kinds.FOCUS_GROUP_SIZE


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


def _family(family: kinds.Family) -> Family:
    """A family of the domain's registry (spp_desktop.domain.evidence.FAMILIES), as its form shows it."""
    return Family(family.key, family.kinds, tuple(
        FieldSpec(f.name, f.label, f.editor, f.placeholder, f.lines, f.minimum, f.maximum, f.choices)
        for f in family.fields), photos=family.photos)


FAMILIES = tuple(_family(f) for f in kinds.FAMILIES)
_BY_KEY = {f.key: f for f in FAMILIES}

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
    return _BY_KEY[kinds.family_of(kind).key]


def slot_prefill(kind: EvidenceKind, location: str) -> dict[str, str]:
    """Where a schedule slot's class or room goes in a new record of this kind."""
    field = kinds.family_of(kind).location_field
    return {field: location} if location and field else {}


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
