"""The capture form for one evidence record, saved as you type.

Typing only restarts the autosave timer (see widgets/autosave.py). The save collects the form's
values, writes the fields that changed since the last save through `ReviewStore.update_evidence`,
and reports "Saved 10:32" (or the store's plain message: the text stays in the form).

A new record is `pending`: it exists only in the form (with the schedule slot's prefill) until the
first real input, which creates it in the store. A form opened and left untouched leaves no record,
so nothing blank travels in sync or team bundles.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import Evidence, EvidenceKind, defaults_for_kind_change
from spp_desktop.domain.review import Review

from ..i18n import label
from ..spelling.highlight import SpellChecking, speller_for
from ..widgets.autosave import Autosaver
from ..widgets.elapsed import ElapsedLabel
from ..widgets.flow_layout import FlowLayout
from ..widgets.language_hint import LanguageHint
from ..widgets.photo_strip import PhotoStrip
from ..widgets.question_chips import QuestionChips
from ..widgets.tab_leaves import tab_leaves
from ..widgets.tag_editor import TagEditor
from ..widgets.time_field import TimeField
from .capture_form_fields import (
    NOTES,
    REVIEWER_NOTES,
    FieldSpec,
    change_signal,
    family_of,
    field_text,
    is_text_area,
    make_editor,
    read_editor,
    write_editor,
)
from .photo_section import PhotoSection
from .prompt_panel import PromptPanel


def _bold(label: QLabel) -> QLabel:
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _section(text: str, parent: QWidget, buddy: QWidget | None = None) -> QLabel:
    label = _bold(QLabel(text, parent))
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class CaptureForm(QWidget):
    """Edits one record. Signals: `status_changed(str)` and `saved(Evidence)` after each save."""

    status_changed = Signal(str)
    saved = Signal(object)

    def __init__(self, store: Any, review: Review, evidence: Evidence, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = datetime.now, delay_ms: int | None = None,
                 pending: bool = False):
        super().__init__(parent)
        self.store = store
        self.pending = pending  # not in the store yet: created on the first real input
        self.review = review
        self.review_id = review.id
        self.evidence = evidence
        self.family = family_of(evidence.kind)
        self._clock = clock
        self.editors: dict[str, QWidget] = {}
        self.hints: dict[str, LanguageHint] = {}
        self.spelling: dict[str, SpellChecking] = {}
        self.setAccessibleName(self.tr("Evidence form"))
        options = {} if delay_ms is None else {"delay_ms": delay_ms, "max_wait_ms": max(delay_ms, 1000)}
        self.autosaver = Autosaver(self._save, self, clock=clock, **options)
        self.autosaver.status_changed.connect(self._on_status)
        self._build()
        self._load(evidence)
        self._snapshot = self.values()

    def pass_on_concern(self) -> None:
        """The safeguarding dialog (its words never enter this record: see concern_dialog.py)."""
        from .concern_dialog import ConcernDialog

        ConcernDialog(self.store, self.review_id, self, clock=self._clock).exec()

    # --- building ---------------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3 if font.pointSizeF() > 0 else 12)
        font.setBold(True)
        self.heading.setFont(font)
        self.status_label = QLabel("", self)
        self.status_label.setProperty("role", "muted")
        self.status_label.setAccessibleName(self.tr("Save status"))
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_label, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.concern_button = QPushButton(self.tr("Pass on a concern…"), self)
        self.concern_button.setAccessibleName(self.tr("Pass on a safeguarding concern"))
        self.concern_button.clicked.connect(self.pass_on_concern)
        self.concern_button.setEnabled(bool(getattr(self.store, "may_change", lambda *a: True)(
            self.review_id, "concern_notice", "new-concern")))
        top.addWidget(self.concern_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(top)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "problem")
        self.problem.setMargin(6)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.hide()
        outer.addWidget(self.problem)

        # When, and which kind within the family: label + field pairs that wrap on narrow widths.
        when_box = QWidget(self)
        when = FlowLayout(when_box, spacing=12)
        self.kind_combo = QComboBox(self)
        for kind in self.family.kinds:
            self.kind_combo.addItem(label(kind), kind.value)
        self.kind_combo.setAccessibleName(self.tr("Kind of evidence"))
        self.kind_combo.setEnabled(len(self.family.kinds) > 1)
        self.day_edit = QDateEdit(self)
        tab_leaves(self.day_edit)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.setAccessibleName(self.tr("Day"))
        self.start_field = TimeField("Start", self, clock=self._clock)
        self.end_field = TimeField("End", self, clock=self._clock)
        # Start and end stay on one line together while they fit, and only then wrap apart.
        groups = (((self.tr("Kind"), self.kind_combo),), ((self.tr("Day"), self.day_edit),),
                  ((self.tr("Start"), self.start_field), (self.tr("End"), self.end_field)))
        for group in groups:
            holder = QWidget(when_box)
            inner = FlowLayout(holder, spacing=12)
            for text, widget in group:
                pair = QWidget(holder)
                row = QHBoxLayout(pair)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(_section(text, pair, widget))
                widget.setParent(pair)
                row.addWidget(widget)
                inner.addWidget(pair)
            when.addWidget(holder)
        outer.addWidget(when_box)
        self.timer = ElapsedLabel(self._day, self.start_field.value, self.end_field.value, self._clock, self)
        top.insertWidget(1, self.timer, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        outer.addWidget(_section(self.tr("Enquiry questions"), self))
        self.questions = QuestionChips(self.review.questions, self)
        outer.addWidget(self.questions)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        outer.addLayout(form)
        for spec in self.family.fields:
            editor = self._add_editor(spec)
            if is_text_area(editor):
                self._add_text_block(outer, spec, editor)
            else:
                title = _section(field_text(spec.label), self, editor)
                title.setWordWrap(len(title.text()) > 32)  # only a long one: the form must fit a narrow window
                form.addRow(title, editor)

        self.prompt_panel: PromptPanel | None = None
        if "prompts" in self.editors:  # interviews and focus groups
            self.prompt_panel = PromptPanel(
                self.review.questions, self.questions.value, lambda: read_editor(self.editors["participants"]),
                self.editors["prompts"], self)  # type: ignore[arg-type]
            outer.addWidget(self.prompt_panel)

        self.tags = TagEditor(self)
        outer.addWidget(_section(self.tr("Tags"), self, self.tags.edit))
        outer.addWidget(self.tags)

        self._add_text_block(outer, NOTES, self._add_editor(NOTES),
                             caption=self.tr("Shared with the headteacher in summary."))
        private = QFrame(self)
        private.setProperty("role", "card")
        private.setAccessibleName(self.tr("Reviewer-only notes, never shown to the school"))
        box = QVBoxLayout(private)
        self._add_text_block(box, REVIEWER_NOTES, self._add_editor(REVIEWER_NOTES, private), parent=private,
                             caption=self.tr("Kept within the review team: never in the summary, the PDF or the "
                                             "school's copy."))
        outer.addWidget(private)

        self.photos: PhotoSection | None = None
        if self.family.photos:
            outer.addWidget(_section(self.tr("Photos of pupils' work"), self))
            self.photos = PhotoSection(self.store, self.review_id, self.evidence.id, self)
            self.photos.problem.connect(self._show_problem)
            self.photos.changed.connect(self._photos_changed)
            self.photos.before_attach = self.ensure_created  # a photo is real input: the record is made
            self.setAcceptDrops(True)
            outer.addWidget(self.photos)
        outer.addStretch(1)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.day_edit.dateChanged.connect(lambda _d: self.autosaver.touch())
        self.start_field.changed.connect(self.autosaver.touch)
        self.end_field.changed.connect(self.autosaver.touch)
        for changed in (self.day_edit.dateChanged, self.start_field.changed, self.end_field.changed):
            changed.connect(lambda *_: self.timer.refresh())
        self.questions.changed.connect(self.autosaver.save_now)
        if self.prompt_panel is not None:
            self.questions.changed.connect(self.prompt_panel.refresh)
            change_signal(self.editors["participants"]).connect(lambda *_: self.prompt_panel.refresh())
        self.tags.changed.connect(self.autosaver.touch)

    def _add_editor(self, spec: FieldSpec, parent: QWidget | None = None) -> QWidget:
        editor = make_editor(spec, parent or self)
        self.editors[spec.name] = editor
        signal = change_signal(editor)
        if is_text_area(editor):
            hint = LanguageHint(editor.toPlainText, parent or self)  # type: ignore[attr-defined]
            self.hints[spec.name] = hint
            self.spelling[spec.name] = SpellChecking(editor, speller_for(self.store))  # type: ignore[arg-type]
            signal.connect(self.autosaver.touch)
            signal.connect(hint.schedule)
        else:
            signal.connect(lambda *_: self.autosaver.touch())
        editor.installEventFilter(self)
        return editor

    def _add_text_block(self, layout: QVBoxLayout, spec: FieldSpec, editor: QWidget, *,
                        parent: QWidget | None = None, caption: str = "") -> None:
        owner = parent or self
        title = _section(field_text(spec.label), owner, editor)
        title.setWordWrap(True)  # a long heading (often longer in Welsh) wraps rather than widen the form
        layout.addWidget(title)
        if caption:
            note = QLabel(caption, owner)
            note.setWordWrap(True)
            note.setProperty("role", "muted")
            layout.addWidget(note)
        layout.addWidget(editor)
        layout.addWidget(self.hints[spec.name])

    # --- loading and reading ----------------------------------------------------------------------
    def _load(self, evidence: Evidence) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(evidence.kind.value), 0))
        self.kind_combo.blockSignals(False)
        self._update_heading()
        day = evidence.day or date.today()
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.blockSignals(False)
        self.start_field.set_value(evidence.start)
        self.end_field.set_value(evidence.end)
        self.questions.set_selected(evidence.question_ids)
        if self.prompt_panel is not None:
            self.prompt_panel.refresh()
        self.tags.set_tags(evidence.tags)
        for name, editor in self.editors.items():
            write_editor(editor, getattr(evidence, name, ""))
        for hint in self.hints.values():
            hint.check_now()
        self.timer.refresh()
        self._reload_photos()

    def _day(self) -> date:
        qdate = self.day_edit.date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def values(self) -> dict[str, Any]:
        qdate = self.day_edit.date()
        values: dict[str, Any] = {
            "kind": EvidenceKind(self.kind_combo.currentData()),
            "day": date(qdate.year(), qdate.month(), qdate.day()),
            "start": self.start_field.value(),
            "end": self.end_field.value(),
            "question_ids": self.questions.value(),
            "tags": self.tags.tags(),
        }
        for name, editor in self.editors.items():
            values[name] = read_editor(editor)
        return values

    @property
    def evidence_id(self) -> str:
        return self.evidence.id

    @property
    def kind(self) -> EvidenceKind:
        return EvidenceKind(self.kind_combo.currentData())

    def first_field(self) -> QWidget:
        return next(iter(self.editors.values()))

    def main_field(self) -> QWidget:
        """Where the writing goes: the family's big text area ("What was seen" ...), else the notes."""
        return next((e for e in self.editors.values() if is_text_area(e)), self.editors[NOTES.name])

    # --- saving -----------------------------------------------------------------------------------
    def _save(self) -> None:
        values = self.values()
        changes = {k: v for k, v in values.items() if self._snapshot.get(k) != v}
        if not changes:
            return
        if self.pending:
            self._create(values)
            return
        self.evidence = self.store.update_evidence(self.review_id, self.evidence.id, **changes)
        self._snapshot.update(changes)
        self.saved.emit(self.evidence)

    def _create(self, values: dict[str, Any]) -> None:
        fields = {k: v for k, v in values.items() if k != "kind"}
        self.evidence = self.store.create_evidence(self.review_id, EvidenceKind(values["kind"]), id=self.evidence.id,
                                                   slot_id=self.evidence.slot_id, **fields)
        self.pending = False
        self._snapshot = values
        self.saved.emit(self.evidence)

    def ensure_created(self) -> None:
        """Create the record now if it is still only in the form (before a photo is attached to it)."""
        if self.pending:
            self._create(self.values())

    def flush(self) -> bool:
        """Save pending typing now. False if it could not be saved (the message says why)."""
        return self.autosaver.flush()

    def close_form(self) -> bool:
        """Save and stop the timers; the form can then be thrown away."""
        ok = self.autosaver.flush()
        if ok:
            self.autosaver.stop()
        return ok

    @property
    def has_unsaved_changes(self) -> bool:
        return self.autosaver.dirty

    def _on_status(self, message: str) -> None:
        failing = self.autosaver.failing
        self.status_label.setText(self.tr("Not saved yet") if failing else message)
        self.problem.setText(message if failing else "")
        self.problem.setVisible(failing)
        self.status_changed.emit(message)

    def _kind_changed(self, _index: int) -> None:
        self._update_heading()
        for name, value in defaults_for_kind_change(self.kind, self.values()).items():
            write_editor(self.editors[name], value)
        self.autosaver.save_now()

    def _update_heading(self) -> None:
        self.heading.setText(label(self.kind))
        self.heading.setAccessibleName(label(self.kind))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.FocusOut and self.autosaver.dirty:
            self.autosaver.flush()
        return super().eventFilter(watched, event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.autosaver.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.close_form()
        super().closeEvent(event)

    # --- photos (the work is in photo_section.py) --------------------------------------------------
    @property
    def photo_strip(self) -> PhotoStrip | None:
        return self.photos.strip if self.photos is not None else None

    def _reload_photos(self) -> None:
        if self.photos is not None and not self.pending:
            self.photos.reload()

    def attach_photo_file(self, path: str | Path) -> bool:
        """Read, convert, strip, encrypt and attach the photo at `path`. False (with a message) if it cannot."""
        return self.photos is not None and self.photos.attach_files([path]) == 1

    def attach_photo_files(self, paths: list[str | Path]) -> int:
        return self.photos.attach_files(paths) if self.photos is not None else 0

    def photo_dialog(self) -> QFileDialog:
        assert self.photos is not None
        return self.photos.photo_dialog()

    forget_dialog_folder = staticmethod(PhotoSection.forget_dialog_folder)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        # Photos dropped anywhere on a form that takes photos are attached (the strip is far down).
        if self.photos is not None:
            self.photos.strip.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        if self.photos is not None:
            self.photos.strip.dropEvent(event)

    def _photos_changed(self) -> None:
        self.problem.hide()
        fresh = self.store.get_evidence(self.review_id, self.evidence.id)
        if fresh is not None:
            self.evidence = fresh
            self.saved.emit(fresh)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()
        self.status_changed.emit(message)
