"""The timetable editor: one day's slots in a table edited in place, keyboard first.

Type over a cell (or F2), Enter saves it as an op (a new start moves the slot, keeping its length); Insert adds a slot after the selected one, Ctrl+D
duplicates it, Delete removes it, and "Copy this day to" repeats the day's shape on another day. Only the
lead reviewer edits (the store refuses anyone else, as the server does); others see the same table.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.review import Review, ScheduleSlot
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ...i18n import QT_TRANSLATE_NOOP, day_and_month
from ..plan_page import activity_label, slot_evidence_kind
from .cells import parse_questions, parse_team, parse_time, problem_text, questions_text, team_text

COLUMNS = (QT_TRANSLATE_NOOP("TimetableTab", "Start"), QT_TRANSLATE_NOOP("TimetableTab", "End"),
           QT_TRANSLATE_NOOP("TimetableTab", "Activity"), QT_TRANSLATE_NOOP("TimetableTab", "Place"),
           QT_TRANSLATE_NOOP("TimetableTab", "Class or group"), QT_TRANSLATE_NOOP("TimetableTab", "Team"),
           QT_TRANSLATE_NOOP("TimetableTab", "Host staff"), QT_TRANSLATE_NOOP("TimetableTab", "Questions"))
START, END, ACTIVITY, PLACE, GROUP, TEAM, HOST, QUESTIONS = range(len(COLUMNS))
SLOT_ID = Qt.ItemDataRole.UserRole + 1


def review_days(review: Review) -> list[date]:
    """Every day of the review, and any day a slot was planned on outside it."""
    days = {review.start_date + timedelta(days=n) for n in range((review.end_date - review.start_date).days + 1)}
    return sorted(days | {s.day for s in review.schedule})


class TimetableTab(QWidget):
    status_changed = Signal(str)
    changed = Signal()

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timetableTab")
        self._store, self.review_id = store, review_id
        self._review = store.review(review_id)
        self._filling = False
        self.editable = store.may_change(review_id, "schedule_slot", "new-slot")

        self.day = QComboBox()
        self.day.setAccessibleName(self.tr("Review day"))
        self.day.currentIndexChanged.connect(lambda _i: self.fill())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("timetableTable")
        self.table.setAccessibleName(self.tr("Timetable"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed if self.editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in ((START, 8), (END, 8), (ACTIVITY, 20), (PLACE, 16), (GROUP, 16), (TEAM, 20), (HOST, 16)):
            self.table.setColumnWidth(column, char * chars)
        self.table.itemChanged.connect(self._on_item_changed)

        self.add_button = QPushButton(self.tr("&Add slot (Insert)"))
        self.add_button.clicked.connect(self.add_slot)
        self.duplicate_button = QPushButton(self.tr("D&uplicate slot (Ctrl+D)"))
        self.duplicate_button.clicked.connect(self.duplicate_slot)
        self.delete_button = QPushButton(self.tr("Remo&ve slot (Delete)"))
        self.delete_button.clicked.connect(self.delete_slot)
        self.copy_to = QComboBox()
        self.copy_to.setAccessibleName(self.tr("Day to copy this day's slots to"))
        self.copy_button = QPushButton(self.tr("Cop&y this day to"))
        self.copy_button.clicked.connect(self.copy_day)
        buttons = QHBoxLayout()
        for widget in (self.add_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copy_to)
        for control in (self.add_button, self.duplicate_button, self.delete_button, self.copy_button, self.copy_to):
            control.setEnabled(self.editable)
        for keys, slot in ((QKeySequence(Qt.Key.Key_Insert), self.add_slot),
                           (QKeySequence("Ctrl+D"), self.duplicate_slot),
                           (QKeySequence(Qt.Key.Key_Delete), self.delete_slot)):
            shortcut = QShortcut(keys, self.table, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        help_text = (self.tr("Type over a cell and press Enter to save it. Team: names separated by commas. "
                             "Questions: their numbers, e.g. 1, 3.") if self.editable else
                     self.tr("Only the lead reviewer changes the timetable; this is the plan as agreed."))
        self.note = QLabel(help_text)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Timetable note"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day:")))
        top.addWidget(self.day)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.refresh()

    # --- data ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._review = self._store.review(self.review_id)
        shown = self.shown_day()
        days = review_days(self._review)
        for combo in (self.day, self.copy_to):
            combo.blockSignals(True)
            combo.clear()
            for day in days:
                combo.addItem(day_and_month(day), day)
            combo.blockSignals(False)
        if shown in days:
            self.day.setCurrentIndex(days.index(shown))
        self.fill()

    def shown_day(self) -> date | None:
        return self.day.currentData()

    def slots(self) -> list[ScheduleSlot]:
        day = self.shown_day()
        return list(self._review.slots_on(day)) if day else []

    def fill(self, keep: str | None = None) -> None:
        keep = keep or self.selected_slot_id()
        column = max(0, self.table.currentColumn())
        self._filling = True
        slots = self.slots()
        self.table.setRowCount(len(slots))
        questions = self._review.questions
        for row, slot in enumerate(slots):
            values = (f"{slot.start:%H:%M}", f"{slot.end:%H:%M}", activity_label(slot.activity), slot.location,
                      slot.group_name, team_text(slot.reviewer_ids, self._review.team), slot.host_staff,
                      questions_text(slot.question_ids, questions))
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(SLOT_ID, slot.id)
                self.table.setItem(row, col, item)
        self._filling = False
        ids = [s.id for s in slots]
        if keep in ids:
            self.table.setCurrentCell(ids.index(keep), column)
        elif slots:
            self.table.setCurrentCell(0, column)
        current = self.shown_day()
        for i in range(self.copy_to.count()):  # copying a day onto itself makes no sense
            self.copy_to.model().item(i).setEnabled(self.copy_to.itemData(i) != current)  # type: ignore[attr-defined]
        if self.copy_to.currentData() == current:
            others = [i for i in range(self.copy_to.count()) if self.copy_to.itemData(i) != current]
            if others:
                self.copy_to.setCurrentIndex(others[0])

    def selected_slot_id(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.data(SLOT_ID) if item is not None else None

    # --- editing -------------------------------------------------------------------------------------
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        slot_id = item.data(SLOT_ID)
        try:
            if item.column() == START:  # a new start moves the slot, keeping its length
                slot = self._store.slot(self.review_id, slot_id)
                if slot is None:
                    raise KeyError("That slot is no longer on the plan.")
                self._store.move_slot(self.review_id, slot_id, slot.day, parse_time(item.text()))
            else:
                self._store.update_slot(self.review_id, slot_id, **self._changes(item.column(), item.text()))
        except (ValueError, KeyError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
        else:
            self.status_changed.emit(self.tr("Timetable saved."))
            self.changed.emit()
        self._review = self._store.review(self.review_id)
        self.fill(keep=slot_id)

    def _changes(self, column: int, text: str) -> dict[str, object]:
        review = self._review
        if column == END:
            return {"end": parse_time(text)}
        if column == ACTIVITY:
            kind = slot_evidence_kind(text)
            return {"activity": kind.value if kind is not None else text.strip()}
        if column == TEAM:
            return {"reviewer_ids": parse_team(text, review.team)}
        if column == QUESTIONS:
            return {"question_ids": parse_questions(text, review.questions)}
        return {{PLACE: "location", GROUP: "group_name", HOST: "host_staff"}[column]: text.strip()}

    def _guard(self, action: str, call) -> None:  # type: ignore[no-untyped-def]
        if not self.editable:
            return
        try:
            made = call()
        except (ValueError, KeyError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            return
        self.status_changed.emit(action)
        self.changed.emit()
        self._review = self._store.review(self.review_id)
        self.fill(keep=getattr(made, "id", None))
        self.table.setFocus()

    def add_slot(self) -> None:
        day = self.shown_day()
        if day is None:
            return
        current = next((s for s in self.slots() if s.id == self.selected_slot_id()), None)
        start = current.end if current else (self.slots()[-1].end if self.slots() else time(9, 0))
        end = datetime_plus(start, 30)
        self._guard(self.tr("Slot added: type its activity."),
                    lambda: self._store.add_slot(self.review_id, day, start, end, EvidenceKind.OBSERVATION.value))

    def duplicate_slot(self) -> None:
        slot_id = self.selected_slot_id()
        if slot_id:
            self._guard(self.tr("Slot duplicated."), lambda: self._store.duplicate_slot(self.review_id, slot_id))

    def delete_slot(self) -> None:
        slot_id = self.selected_slot_id()
        if slot_id:
            self._guard(self.tr("Slot removed."), lambda: self._store.delete_slot(self.review_id, slot_id))

    def copy_day(self) -> None:
        source, target = self.shown_day(), self.copy_to.currentData()
        if source and target:
            self._guard(self.tr("The day's slots were copied to {day}.").format(day=day_and_month(target)),
                        lambda: self._store.copy_day(self.review_id, source, target))


def datetime_plus(moment: time, minutes: int) -> time:
    total = min(moment.hour * 60 + moment.minute + minutes, 23 * 60 + 59)
    return time(total // 60, total % 60)
