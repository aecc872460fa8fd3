"""The Evidence page: the list of records on the left, the open record's capture form on the right.

The shell calls: `new_evidence(kind, slot)`, `open_evidence(id)`, `focus_search()`, `flush()`,
`refresh()`, and listens to `status_changed(str)`. Everything goes through ReviewStore methods.

Nothing typed is lost: switching records, hiding the page and closing it flush the open form
first; if that save fails (disk full), the form stays open with its text and keeps retrying.

A new record starts in the form only and is created on the first real input (see CaptureForm), so
an abandoned blank form leaves nothing behind. Starting a schedule slot you already have a record of
(that kind, by you) opens that record again, with a notice offering "Start another record".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import KINDS, Evidence, EvidenceKind, new_evidence, new_record_defaults
from spp_desktop.domain.review import ScheduleSlot
from spp_desktop.store.errors import StoreError

from ..i18n import error_text, label
from ..place import cursor_of, put_cursor
from ..widgets.evidence_list import EvidenceList
from ..widgets.flow_layout import FlowLayout
from .capture_form import CaptureForm
from .capture_form_fields import family_of, slot_prefill
from .slot_records import SlotNotice

_EMPTY_CHOICES = tuple((k.kind, k.start_choice) for k in KINDS if k.start_choice)  # context "EvidencePage"


class EvidencePage(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: Any, review_id: str, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] = datetime.now, autosave_ms: int | None = None):
        super().__init__(parent)
        self.store = store
        self.review_id = review_id
        self._clock = clock
        self._autosave_ms = autosave_ms
        self.form: CaptureForm | None = None
        self._deleted: list[tuple[str, str]] = []  # (evidence id, kind label), most recent last
        self.setAccessibleName(self.tr("Evidence"))
        self.review = store.review(review_id)

        self.list = EvidenceList(self)
        self.list.may_delete = lambda evidence_id: store.may_delete(review_id, "evidence", evidence_id)
        self.list.new_requested.connect(lambda kind: self.new_evidence(kind))
        self.list.delete_requested.connect(self.delete_selected)
        self.list.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.list.table.activated.connect(self._on_activated)
        self.list.table.doubleClicked.connect(self._on_activated)
        # When a filter or search hides the open record, Qt would move the selection to a neighbour,
        # which Delete would then act on: keep the selection on the open record, or on nothing.
        for signal in (self.list.proxy.rowsRemoved, self.list.proxy.rowsInserted, self.list.proxy.layoutChanged):
            signal.connect(self._follow_open_record)
        self.list.filters_changed.connect(self._close_if_filtered_out)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._build_empty())
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes straight to the form's fields
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack.addWidget(self.scroll_area)

        self.slot_notice = SlotNotice(self)
        right = QWidget(self)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.slot_notice)
        right_box.addWidget(self.stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        em = self.fontMetrics().horizontalAdvance("M")
        self.list.setMinimumWidth(em * 24)
        self.stack.setMinimumWidth(em * 30)
        self.splitter.setSizes([em * 50, em * 54])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.splitter)

        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)
        self.refresh()

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        box = QVBoxLayout(page)
        box.addStretch(1)
        text = QLabel(self.tr("Choose a record on the left to read or edit it, or start a new one."), page)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setProperty("role", "muted")
        box.addWidget(text)
        row = FlowLayout(spacing=8)  # the buttons wrap when their (longer, translated) names do not fit
        for kind, source_text in _EMPTY_CHOICES:
            text_of = self.tr(source_text)
            button = QPushButton(text_of, page)
            button.setAccessibleName(text_of)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=kind: self.new_evidence(k))
            row.addWidget(button)
        holder = QHBoxLayout()
        holder.addStretch(1)
        holder.addLayout(row, 6)
        holder.addStretch(1)
        box.addLayout(holder)
        box.addStretch(2)
        return page

    # --- the contract the shell uses -------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the review and the list (after sync or import); keeps the open record."""
        try:
            self.review = self.store.review(self.review_id)
            rows = self.store.evidence(self.review_id)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return
        current = self.form.evidence_id if self.form and not self.form.pending else None
        self.list.model.set_rows(rows, self.review)
        self.list.set_review(self.review)
        if current and self.list.model.row_of(current) < 0 and self.form and not self.form.has_unsaved_changes:
            self._close_form()  # deleted elsewhere (e.g. by sync)
            current = None
        self.list.select(current)

    def new_evidence(self, kind: EvidenceKind, slot: ScheduleSlot | None = None, *,
                     again: bool = False) -> Evidence | None:
        """Open a form for a new record (pre-filled from the schedule slot, if any). The record itself is
        created on the first real input. A slot you captured already opens your record of it instead,
        unless `again` (the notice's "Start another record")."""
        self.slot_notice.dismiss()
        existing = self._slot_record(kind, slot) if slot is not None and not again else None
        if existing is not None and self.open_evidence(existing.id) and self.form is not None:
            self.form.main_field().setFocus(Qt.FocusReason.OtherFocusReason)
            self.slot_notice.offer(existing, lambda: self.new_evidence(kind, slot, again=True))
            return existing
        if not self._leave_form():
            return None
        values: dict[str, Any] = dict(new_record_defaults(kind))
        if slot is not None:
            values.update(day=slot.day, start=slot.start, end=slot.end, slot_id=slot.id)
            values.update(slot_prefill(kind, slot.location))
        else:
            now = self._clock()
            values.update(day=now.date(), start=now.time().replace(second=0, microsecond=0))
        draft = new_evidence(kind, self.store.new_record_id(), **values)
        self.list.clear_filters()  # the new record must be visible in the list once it is made
        self._show_form(draft, pending=True)
        # From the plan the class is filled in already: the writing starts in the main text.
        field = self.form.main_field() if slot is not None else self.form.first_field()  # type: ignore[union-attr]
        field.setFocus()
        return draft

    def _slot_record(self, kind: EvidenceKind, slot: ScheduleSlot) -> Evidence | None:
        """Your latest record of this kind's family made from `slot`, if any (a colleague's of the same
        lesson is theirs: yours is still to write)."""
        family, me = family_of(kind), self.store.me(self.review_id)
        found = [e for e in self.list.model.all_evidence()
                 if e.slot_id == slot.id and family_of(e.kind) is family and e.author == me]
        return found[-1] if found else None

    def open_evidence(self, evidence_id: str) -> bool:
        """Open a record's form. False if the current form could not be saved first, or it is gone."""
        self.slot_notice.dismiss()
        if self.form is not None and self.form.evidence_id == evidence_id:
            return True
        if not self._leave_form():
            self.list.select(self.form.evidence_id if self.form else None)
            return False
        try:
            evidence = self.store.get_evidence(self.review_id, evidence_id)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return False
        if evidence is None:
            self.status_changed.emit(self.tr("That evidence record no longer exists."))
            self.list.model.remove_evidence(evidence_id)
            return False
        self._show_form(evidence)
        return True

    def focus_search(self) -> None:
        self.list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search.selectAll()

    def flush(self) -> bool:
        """Save pending typing now. False if it could not be saved (the message says why)."""
        return self.form.flush() if self.form is not None else True

    def place_detail(self) -> dict[str, Any]:
        """The open record, the field with the focus, its cursor, and the scroll position (after a lock)."""
        if self.form is None:
            return {}
        detail: dict[str, Any] = {"evidence_id": self.form.evidence_id,
                                  "scroll": self.scroll_area.verticalScrollBar().value()}
        focused = QApplication.focusWidget()
        for name, editor in self.form.editors.items():
            if focused is not None and (focused is editor or editor.isAncestorOf(focused)):
                detail["field"] = name
                detail.update(cursor_of(editor))
        return detail

    def return_to(self, detail: dict[str, Any]) -> None:
        """Open the record again with the cursor where it was."""
        evidence_id = detail.get("evidence_id")
        if not evidence_id or not self.open_evidence(str(evidence_id)) or self.form is None:
            return
        editor = self.form.editors.get(str(detail.get("field", "")))
        if editor is not None:
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            put_cursor(editor, detail)
        scroll = int(detail.get("scroll", 0))
        # the form is laid out on the next turn of the event loop: scroll then
        QTimer.singleShot(0, self, lambda: self.scroll_area.verticalScrollBar().setValue(scroll))

    # --- deleting and undo ------------------------------------------------------------------------
    def delete_selected(self) -> None:
        evidence_id = self.list.current_id()
        if evidence_id is not None:
            self.delete_evidence(evidence_id)

    def delete_evidence(self, evidence_id: str) -> bool:
        row = self.list.model.row_of(evidence_id)
        kind_text = label(self.list.model.evidence_at(row).kind) if row >= 0 else self.tr("Evidence")
        if self.form is not None and self.form.evidence_id == evidence_id:
            self.form.flush()  # what was typed is part of what Undo brings back
            kind_text = label(self.form.kind)
        try:
            self.store.delete_evidence(self.review_id, evidence_id)
        except StoreError as exc:
            self.status_changed.emit(error_text(exc))
            return False
        if self.form is not None and self.form.evidence_id == evidence_id:
            self._close_form()
        proxy_row = self.list.proxy.proxy_row_of(evidence_id)
        self.list.model.remove_evidence(evidence_id)
        self._deleted.append((evidence_id, kind_text))
        self.list.undo_bar.offer(self.tr("{kind} deleted.").format(kind=kind_text), self.undo_delete)
        self.status_changed.emit(self.tr("{kind} deleted. Press Ctrl+Z to undo.").format(kind=kind_text))
        if self.form is not None:
            self.list.select(self.form.evidence_id)  # the selection follows the open record
        elif self.list.proxy.rowCount():  # keep the keyboard's place in the list
            next_row = min(max(proxy_row, 0), self.list.proxy.rowCount() - 1)
            self.list.select(self.list.proxy.evidence_at(next_row).id)
        self.list.table.setFocus()
        return True

    def undo_delete(self) -> bool:
        """Bring back the most recently deleted record. False if there is none."""
        if not self._deleted:
            return False
        evidence_id, kind_text = self._deleted.pop()
        self.list.undo_bar.dismiss()
        try:
            self.store.restore_evidence(self.review_id, evidence_id)
            restored = self.store.get_evidence(self.review_id, evidence_id)
        except StoreError as exc:
            self._deleted.append((evidence_id, kind_text))
            self.status_changed.emit(error_text(exc))
            return False
        if restored is None:
            return False
        self.list.model.update_evidence(restored)
        self.list.select(restored.id)
        self.open_evidence(restored.id)
        self.status_changed.emit(self.tr("{kind} restored.").format(kind=kind_text))
        return True

    # --- the form ---------------------------------------------------------------------------------
    def _show_form(self, evidence: Evidence, *, pending: bool = False) -> None:
        self._close_form()
        form = CaptureForm(self.store, self.review, evidence, self, clock=self._clock,
                           delay_ms=self._autosave_ms, pending=pending)
        form.status_changed.connect(self.status_changed)
        form.saved.connect(self._on_saved)
        self.form = form
        self.scroll_area.setWidget(form)
        self.stack.setCurrentWidget(self.scroll_area)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.list.select(evidence.id)

    def _leave_form(self) -> bool:
        """Save and close the open form. False (and it stays open) if its typing cannot be saved."""
        if self.form is None:
            return True
        if not self.form.close_form():
            return False
        self._close_form()
        return True

    def _close_form(self) -> None:
        form, self.form = self.form, None
        if form is None:
            return
        form.autosaver.stop()
        form.status_changed.disconnect(self.status_changed)
        form.saved.disconnect(self._on_saved)
        self.scroll_area.takeWidget()
        form.hide()
        form.deleteLater()
        self.stack.setCurrentIndex(0)

    def _follow_open_record(self, *_args: object) -> None:
        if self.form is not None and self.list.current_id() != self.form.evidence_id:
            self.list.select(self.form.evidence_id)

    def _close_if_filtered_out(self) -> None:
        """A record the search or a filter now hides does not stay open beside a list without it (it is
        saved first; if it cannot be, it stays open so no typing is lost)."""
        if self.form is None or (self.form.pending and not self.form.has_unsaved_changes):
            return  # a blank new form is in no list: nothing to hide
        if self.form.pending:
            self.form.flush()  # typed into but not yet saved: this creates it
        if self.list.proxy.proxy_row_of(self.form.evidence_id) < 0:
            self._leave_form()

    def _on_saved(self, evidence: Evidence) -> None:
        new = self.list.model.row_of(evidence.id) < 0
        self.list.model.update_evidence(evidence)
        if new:  # the first input created it: it joins the list (the filters were cleared when it opened)
            self.list.select(evidence.id)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Only follow the user: a row moving under an autosave must not switch the open record.
        if current.isValid() and self.list.table.hasFocus():
            self.open_evidence(self.list.proxy.evidence_at(current.row()).id)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.open_evidence(self.list.proxy.evidence_at(index.row()).id) and self.form:
            self.form.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        super().closeEvent(event)
