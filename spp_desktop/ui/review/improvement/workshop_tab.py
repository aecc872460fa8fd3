"""The improvement workshop: date, Champion, who took part, the priority (carried from the feedback
conversation), root causes for each agreed area to develop, and the actions (edited in place, keyboard first:
Insert adds, Delete removes). The lead or the Improvement Champion edits; others read."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.findings import FindingKind
from spp_desktop.domain.improvement import PARTICIPANT_ROLES
from spp_desktop.domain.review import Role
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ... import theme
from ...i18n import QT_TRANSLATE_NOOP
from ...widgets.autosave import Autosaver
from ...widgets.flow_layout import FlowLayout
from ...widgets.language_hint import LanguageHint
from ..planning.cells import date_text, parse_date, problem_text
from ..planning.meeting_tab import NO_DATE, from_qdate, to_qdate
from ..planning.roles import role_label

ACTION_COLUMNS = (QT_TRANSLATE_NOOP("WorkshopTab", "Action"), QT_TRANSLATE_NOOP("WorkshopTab", "Led by (role)"),
                  QT_TRANSLATE_NOOP("WorkshopTab", "Starts"), QT_TRANSLATE_NOOP("WorkshopTab", "By when"),
                  QT_TRANSLATE_NOOP("WorkshopTab", "Support from (partner school)"))
TEXT, OWNER, START, DUE, SUPPORT = range(len(ACTION_COLUMNS))
ROW_ID = Qt.ItemDataRole.UserRole + 1


def _editable_table(editable: bool, columns: int, name: str) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                          | QAbstractItemView.EditTrigger.AnyKeyPressed if editable
                          else QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class WorkshopTab(QWidget):
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("workshopTab")
        self._store, self.review_id = store, review_id
        self.editable = store.may_change(review_id, "workshop", review_id)
        self._loading = False

        self.date = QDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(self.tr("not yet"))
        self.date.setDisplayFormat("d MMMM yyyy")
        self.date.setAccessibleName(self.tr("Date of the improvement workshop"))
        self.date.dateChanged.connect(lambda _d: self._save_now())
        self.champion = QComboBox()
        self.champion.setAccessibleName(self.tr("Improvement Champion"))
        self.champion.currentIndexChanged.connect(lambda _i: self._save_now())
        self.roles: dict[str, QCheckBox] = {}
        roles = FlowLayout()
        for role in PARTICIPANT_ROLES:
            box = QCheckBox(role_label(role))
            box.toggled.connect(lambda _on: self._save_now())
            self.roles[role] = box
            roles.addWidget(box)
        roles_box = QWidget()
        roles_box.setLayout(roles)
        self.priority = QPlainTextEdit()
        self.priority.setAccessibleName(self.tr("Improvement priority"))
        self.priority.setMaximumHeight(self.fontMetrics().height() * 4)
        self.priority.textChanged.connect(self._typed)
        self.hint = LanguageHint(self.priority.toPlainText, self)
        self._autosave = Autosaver(self._save_typed, self)  # saves once typing pauses

        self.causes = _editable_table(self.editable, 2, self.tr("Root causes"))
        self.causes.setHorizontalHeaderLabels([self.tr("Area to develop"), self.tr("Root cause")])
        self.causes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.causes.itemChanged.connect(self._cause_changed)
        self.area = QComboBox()
        self.area.setAccessibleName(self.tr("Area to develop for a new root cause"))
        self.add_cause = QPushButton(self.tr("Add a root cause for"))
        self.add_cause.clicked.connect(self.add_root_cause)

        self.action_table = _editable_table(self.editable, len(ACTION_COLUMNS), self.tr("Actions"))
        self.action_table.setObjectName("workshopActions")
        self.action_table.setHorizontalHeaderLabels([self.tr(c) for c in ACTION_COLUMNS])
        self.action_table.horizontalHeader().setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.action_table.itemChanged.connect(self._action_changed)
        self.add_action = QPushButton(self.tr("Add &action (Insert)"))
        self.add_action.clicked.connect(self.new_action)
        self.remove_action = QPushButton(self.tr("Remove action (Delete)"))
        self.remove_action.clicked.connect(self.delete_action)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.action_table, context=Qt.ShortcutContext.WidgetShortcut
                  ).activated.connect(self.new_action)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.action_table, context=Qt.ShortcutContext.WidgetShortcut
                  ).activated.connect(self.delete_action)
        for widget in (self.date, self.champion, self.priority, self.area, self.add_cause, self.add_action,
                       self.remove_action, *self.roles.values()):
            widget.setEnabled(self.editable)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Improvement Champion"), self.champion)
        form.addRow(self.tr("Who took part"), roles_box)
        form.addRow(self.tr("Improvement priority"), self.priority)
        form.addRow("", self.hint)
        cause_row = QHBoxLayout()
        cause_row.addWidget(self.add_cause)
        cause_row.addWidget(self.area, 1)
        action_row = QHBoxLayout()
        action_row.addWidget(self.add_action)
        action_row.addWidget(self.remove_action)
        action_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(theme.heading(self.tr("Root causes"), 3))
        layout.addWidget(self.causes, 1)
        layout.addLayout(cause_row)
        layout.addWidget(theme.heading(self.tr("Actions"), 3))
        layout.addWidget(self.action_table, 2)
        layout.addLayout(action_row)
        if not self.editable:
            layout.addWidget(QLabel(self.tr("Only the lead reviewer or the Improvement Champion changes the "
                                            "workshop.")))
        self.refresh()

    # --- data ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self._loading = True
        review = self._store.review(self.review_id)
        workshop = self._store.workshop(self.review_id)
        self.date.setDate(to_qdate(workshop.date))
        self.champion.clear()
        self.champion.addItem(self.tr("Not chosen yet"), "")
        for member in review.team:
            if member.role in (Role.IMPROVEMENT_CHAMPION, Role.LEAD_REVIEWER):
                self.champion.addItem(member.name, member.id)
        self.champion.setCurrentIndex(max(0, self.champion.findData(workshop.champion_id)))
        for role, box in self.roles.items():
            box.setChecked(role in workshop.participants)
        if not self.priority.hasFocus():
            self.priority.setPlainText(workshop.improvement_priority)
        self._areas = {f.id: f for f in self._store.findings(self.review_id)
                       if f.kind == FindingKind.AREA_TO_DEVELOP and f.status.is_agreed}
        self.area.clear()
        for finding in self._areas.values():
            self.area.addItem(finding.text[:80], finding.id)
        causes = [c for c in self._store.root_causes(self.review_id) if c.finding_id in self._areas]
        self.causes.setRowCount(len(causes))
        for row, cause in enumerate(causes):
            area = QTableWidgetItem(self._areas[cause.finding_id].text)
            area.setFlags(area.flags() & ~Qt.ItemFlag.ItemIsEditable)
            text = QTableWidgetItem(cause.text)
            text.setData(ROW_ID, cause.id)
            self.causes.setItem(row, 0, area)
            self.causes.setItem(row, 1, text)
        actions = self._store.actions(self.review_id)
        self.action_table.setRowCount(len(actions))
        for row, action in enumerate(actions):
            for col, value in enumerate((action.text, action.owner, date_text(action.start), date_text(action.due),
                                         action.support_school)):
                item = QTableWidgetItem(value)
                item.setData(ROW_ID, action.id)
                self.action_table.setItem(row, col, item)
        self.causes.resizeRowsToContents()
        self.action_table.resizeRowsToContents()
        self._loading = False
        self.hint.check_now()

    # --- saving --------------------------------------------------------------------------------------
    def _typed(self) -> None:
        if not self._loading:
            self.hint.schedule()
            self._autosave.touch()

    def _save_now(self) -> None:
        if not self._loading:
            self._save()

    def _save(self) -> bool:
        if not self.editable:
            return True
        try:
            self._store.update_workshop(
                self.review_id, date=from_qdate(self.date.date()), champion_id=self.champion.currentData() or "",
                participants=[r for r, box in self.roles.items() if box.isChecked()],
                improvement_priority=self.priority.toPlainText())
        except (ValueError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
            return False
        return True

    def _save_typed(self) -> None:
        self._save()

    def flush(self) -> bool:
        self._autosave.flush()
        return self._save()

    def _run(self, done: str, call) -> None:  # type: ignore[no-untyped-def]
        try:
            call()
        except (ValueError, KeyError, StoreError) as exc:
            self.status_changed.emit(problem_text(exc))
        else:
            self.status_changed.emit(done)
        self.refresh()

    def _cause_changed(self, item: QTableWidgetItem) -> None:
        if not self._loading and item.column() == 1:
            cause_id = item.data(ROW_ID)
            self._run(self.tr("Root cause saved."),
                      lambda: self._store.update_root_cause(self.review_id, cause_id, item.text().strip()))

    def add_root_cause(self) -> None:
        finding_id = self.area.currentData()
        if finding_id and self.editable:
            self._run(self.tr("Root cause added: type it in the table."),
                      lambda: self._store.add_root_cause(self.review_id, finding_id, ""))

    def _action_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        action_id, column, text = item.data(ROW_ID), item.column(), item.text()

        def save() -> None:
            if column in (START, DUE):
                self._store.update_action(self.review_id, action_id,
                                          **{"start" if column == START else "due": parse_date(text)})
            else:
                field = {TEXT: "text", OWNER: "owner", SUPPORT: "support_school"}[column]
                self._store.update_action(self.review_id, action_id, **{field: text.strip()})
        self._run(self.tr("Action saved."), save)

    def new_action(self) -> None:
        if self.editable:
            self._run(self.tr("Action added: type what it is."),
                      lambda: self._store.create_action(self.review_id, self.tr("New action")))
            self.action_table.setFocus()
            self.action_table.setCurrentCell(self.action_table.rowCount() - 1, TEXT)

    def delete_action(self) -> None:
        item = self.action_table.item(self.action_table.currentRow(), 0) if self.action_table.currentRow() >= 0 else None
        if item is not None and self.editable:
            self._run(self.tr("Action removed."), lambda: self._store.delete_action(self.review_id, item.data(ROW_ID)))
