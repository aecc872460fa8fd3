"""The 90-day check-in: its date (90 days after the workshop unless chosen), progress on each action in
neutral words, what has changed for pupils, and next steps."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.improvement import ActionProgress
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP, label
from ...widgets.autosave import Autosaver
from ...widgets.language_hint import LanguageHint
from ..planning.cells import problem_text
from ..planning.meeting_tab import NO_DATE, from_qdate, to_qdate
from .workshop_tab import ROW_ID, _editable_table

COLUMNS = (QT_TRANSLATE_NOOP("CheckinTab", "Action"), QT_TRANSLATE_NOOP("CheckinTab", "Progress"),
           QT_TRANSLATE_NOOP("CheckinTab", "Note"))
ACTION, PROGRESS, NOTE = range(len(COLUMNS))


class CheckinTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checkinTab")
        self._store, self.review_id = store, review_id
        self.editable = store.may_change(review_id, "checkin", review_id)
        self._loading = False

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("not yet (90 days after the workshop)"))
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName(self.tr("Date of the 90-day check-in"))
        self.date.dateChanged.connect(self._date_changed)
        self.table = _editable_table(self.editable, len(COLUMNS), self.tr("Progress on the actions"))
        self.table.setObjectName("checkinProgress")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(PROGRESS, self.fontMetrics().averageCharWidth() * 22)
        self.table.itemChanged.connect(self._note_changed)
        self.pupils = QPlainTextEdit()
        self.pupils.setAccessibleName(self.tr("What has changed for pupils"))
        self.next_steps = QPlainTextEdit()
        self.next_steps.setAccessibleName(self.tr("Next steps"))
        self.hint = LanguageHint(lambda: self.pupils.toPlainText() + "\n" + self.next_steps.toPlainText(), self)
        self._autosave = Autosaver(self._save_typed, self)
        for edit in (self.pupils, self.next_steps):
            edit.textChanged.connect(self._typed)
            edit.setEnabled(self.editable)
        self.date.setEnabled(self.editable)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(theme.heading(self.tr("Progress on the actions"), 3))
        layout.addWidget(self.table, 1)
        layout.addWidget(theme.heading(self.tr("What has changed for pupils"), 3))
        layout.addWidget(self.pupils)
        layout.addWidget(theme.heading(self.tr("Next steps"), 3))
        layout.addWidget(self.next_steps)
        layout.addWidget(self.hint)
        if not self.editable:
            layout.addWidget(QLabel(self.tr("Only the lead reviewer or the Improvement Champion records the "
                                            "check-in.")))
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        checkin = self._store.checkin(self.review_id)
        self.date.setDate(to_qdate(checkin.date))
        actions = self._store.actions(self.review_id)
        self.table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            what = QTableWidgetItem(action.text)
            what.setFlags(what.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, ACTION, what)
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Progress on “{action}”").format(action=action.text))
            combo.addItem(self.tr("Not reviewed yet"), "")
            for progress in ActionProgress:
                combo.addItem(label(progress), progress.value)
            combo.setCurrentIndex(max(0, combo.findData(action.progress)))
            combo.setEnabled(self.editable)
            combo.currentIndexChanged.connect(lambda _i, a=action.id, c=combo: self._progress_changed(a, c))
            self.table.setCellWidget(row, PROGRESS, combo)
            note = QTableWidgetItem(action.progress_note)
            note.setData(ROW_ID, action.id)
            self.table.setItem(row, NOTE, note)
        self.table.resizeRowsToContents()
        for edit, text in ((self.pupils, checkin.pupil_changes), (self.next_steps, checkin.next_steps)):
            if not edit.hasFocus():
                edit.setPlainText(text)
        self._loading = False
        self.hint.check_now()

    def _run(self, done: str, call) -> bool:  # type: ignore[no-untyped-def]
        try:
            call()
        except (ValueError, KeyError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            return False
        if done:
            self.status_changed.emit(done)
        return True

    def _progress_changed(self, action_id: str, combo: QComboBox) -> None:
        if not self._loading:
            self._run(self.tr("Progress saved."),
                      lambda: self._store.set_progress(self.review_id, action_id, combo.currentData() or ""))

    def _note_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading and item.column() == NOTE:
            action_id = item.data(ROW_ID)
            self._run(self.tr("Progress saved."),
                      lambda: self._store.update_action(self.review_id, action_id, progress_note=item.text().strip()))

    def _date_changed(self) -> None:
        if not self._loading and self.editable:
            self._run(self.tr("Check-in date saved."),
                      lambda: self._store.update_checkin(self.review_id, date=from_qdate(self.date.date())))

    def _typed(self) -> None:
        if not self._loading:
            self.hint.schedule()
            self._autosave.touch()

    def _save_typed(self) -> None:
        self._save()

    def _save(self) -> bool:
        if not self.editable:
            return True
        return self._run("", lambda: self._store.update_checkin(
            self.review_id, pupil_changes=self.pupils.toPlainText(), next_steps=self.next_steps.toPlainText()))

    def flush(self) -> bool:
        self._autosave.flush()
        return self._save()
