"""Plan: the focus, the enquiry questions, the team, and each day's schedule with the current slot marked.

Activating a slot (double-click, Enter, or the button under the table) asks for the matching evidence
form, pre-filled from the slot: `slot_activated(ScheduleSlot, EvidenceKind)`. Slots that are not
evidence activities (a pre-brief, a team meeting) only show a short note.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import KIND, KINDS, EvidenceKind
from spp_desktop.domain.review import Review, ScheduleSlot
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..home import review_dates
from ..i18n import QT_TRANSLATE_NOOP, day_and_month, label
from ..icons import icon

Clock = Callable[[], datetime]

_ALIASES = {word: k.kind for k in KINDS for word in k.activity_words}  # the registry's activity words
COLUMNS = (QT_TRANSLATE_NOOP("PlanPage", "Time"), QT_TRANSLATE_NOOP("PlanPage", "Activity"),
           QT_TRANSLATE_NOOP("PlanPage", "Where"), QT_TRANSLATE_NOOP("PlanPage", "Who"),
           QT_TRANSLATE_NOOP("PlanPage", "Notes"))
SLOT_ROLE = Qt.ItemDataRole.UserRole + 1


class _IconWrapDelegate(QStyledItemDelegate):
    """Row heights for wrapped text beside an icon (Qt's own estimate forgets the icon's width)."""

    def __init__(self, table: QTableWidget):
        super().__init__(table)
        self._table = table

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        icon_width = opt.decorationSize.width() + 8 if not opt.icon.isNull() else 0
        available = max(20, self._table.columnWidth(index.column()) - icon_width - 16)
        metrics = QFontMetrics(opt.font)
        text = metrics.boundingRect(QRect(0, 0, available, 100_000), Qt.TextFlag.TextWordWrap, opt.text)
        return QSize(base.width(), max(base.height(), text.height() + 10))


def slot_evidence_kind(activity: str) -> EvidenceKind | None:
    """The evidence kind a schedule activity collects, or None for meetings and the like."""
    text = " ".join(activity.strip().lower().replace("_", " ").replace("-", " ").split())
    for k in KINDS:
        if text in (k.kind.value.replace("_", " "), k.label.lower()):
            return k.kind
    return _ALIASES.get(text)


def activity_label(activity: str) -> str:
    kind = slot_evidence_kind(activity)
    return label(kind) if kind is not None and activity in EvidenceKind._value2member_map_ else activity


def day_label(day: date, today: date) -> str:
    text = day_and_month(day)
    return QCoreApplication.translate("PlanPage", "{day} (today)").format(day=text) if day == today else text


class PlanPage(QWidget):
    slot_activated = Signal(object, object)  # ScheduleSlot, EvidenceKind
    evidence_opened = Signal(str)  # evidence id: my own record for the activated slot
    status_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, clock: Clock | None = None,
                 parent: QWidget | None = None, *, review: Review | None = None):
        super().__init__(parent)
        self.setObjectName("planPage")
        self.setAccessibleName(self.tr("Plan"))
        self._store = store
        self.review_id = review_id
        self._clock: Clock = clock or datetime.now
        self._review: Review = review or store.review(review_id)
        self._me = store.me(review_id)
        self._shown_day: date | None = None
        self._recorded: dict[str, list[tuple[str, str]]] = {}  # slot id -> [(author, evidence id)]
        self._build()
        self._show_review()
        self._timer = QTimer(self)
        self._timer.setInterval(30_000)
        self._timer.timeout.connect(self.update_current)
        self._timer.start()

    # --- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = theme.heading("", 1)
        self.subtitle = theme.muted_label("")

        self.day_tabs = QTabBar()
        self.day_tabs.setAccessibleName(self.tr("Review day"))
        self.day_tabs.setExpanding(False)
        self.day_tabs.currentChanged.connect(self._on_day_changed)
        self.only_mine = QCheckBox(self.tr("Only &my activities"))
        self.only_mine.setAccessibleName(self.tr("Show only my activities"))
        self.only_mine.toggled.connect(lambda _on: self._fill_table())
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_tabs, 1)
        day_row.addWidget(self.only_mine)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(column) for column in COLUMNS])
        self.table.setObjectName("scheduleTable")
        self.table.setAccessibleName(self.tr("Schedule"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegateForColumn(1, _IconWrapDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Schedule columns"))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.Interactive, QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in ((1, 24), (2, 22), (3, 18)):
            self.table.setColumnWidth(column, char * chars)
        self._row_fit = QTimer(self)  # row heights follow the wrapped text whenever widths change
        self._row_fit.setSingleShot(True)
        self._row_fit.setInterval(0)
        self._row_fit.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_: self._row_fit.start())
        header.geometriesChanged.connect(self._row_fit.start)
        self.table.activated.connect(lambda index: self.activate_row(index.row()))
        self.table.itemSelectionChanged.connect(self._update_start_button)

        self.start_button = QPushButton(icon("evidence"), self.tr("Start evidence for this slot"))
        self.start_button.setAccessibleName(self.tr("Start evidence for the selected slot"))
        self.start_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.start_button.clicked.connect(lambda: self.activate_row(self.table.currentRow()))
        self._hold_width(self.start_button, [self._start_text(k.kind) for k in KINDS])
        self.note = theme.muted_label(self.tr("Double-click a slot, or select it and press Enter, to start its "
                                              "evidence form."))
        self.note.setAccessibleName(self.tr("Schedule note"))
        self.open_button = QPushButton(icon("evidence"), self.tr("Open my evidence for this slot"))
        self.open_button.setAccessibleName(self.tr("Open my evidence for the selected slot"))
        self.open_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.open_button.clicked.connect(self.open_my_evidence)
        self.open_button.hide()
        below = QHBoxLayout()
        below.addWidget(self.note, 1)
        below.addWidget(self.open_button)
        below.addWidget(self.start_button)

        schedule = QWidget()
        left = QVBoxLayout(schedule)
        left.setContentsMargins(0, 0, 8, 0)
        self._schedule_heading = theme.heading(self.tr("Schedule"), 2)
        left.addWidget(self._schedule_heading)
        left.addLayout(day_row)
        left.addWidget(self.table, 1)
        left.addLayout(below)

        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(12, 0, 12, 12)
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setWidget(self.side)
        side_scroll.setAccessibleName(self.tr("Focus, enquiry questions and team"))
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._schedule_box, self._side_box = schedule, side_scroll

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(schedule)
        self.splitter.addWidget(side_scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([char * 160, char * 52])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.splitter, 1)
        self.setTabOrder(self.day_tabs, self.only_mine)
        self.setTabOrder(self.only_mine, self.table)
        self.setTabOrder(self.table, self.open_button)
        self.setTabOrder(self.open_button, self.start_button)

    def _fill_side(self) -> None:
        while self.side_layout.count():
            item = self.side_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        review = self._review
        self.side_layout.addWidget(theme.heading(self.tr("Focus"), 2))
        self.side_layout.addWidget(theme.heading(review.focus.title, 3))
        if review.focus.description:
            self.side_layout.addWidget(self._text(review.focus.description))
        self.side_layout.addSpacing(8)
        self.side_layout.addWidget(theme.heading(self.tr("Enquiry questions"), 2))
        for number, question in enumerate(sorted(review.questions, key=lambda q: q.position), start=1):
            self.side_layout.addWidget(self._text(f"<b>{number}.</b> {_escape(question.text)}", rich=True))
        self.side_layout.addSpacing(8)
        self.side_layout.addWidget(theme.heading(self.tr("Team"), 2))
        for member in review.team:
            school = f", {_escape(member.school)}" if member.school else ""
            you = self.tr(" (you)") if member.id == self._me else ""
            self.side_layout.addWidget(self._text(
                f"<b>{_escape(member.name)}</b>{you}<br>{label(member.role)}{school}", rich=True))
        if self._store.is_lead(self.review_id):  # the lead sees that concerns were passed on, never their words
            notices = self._store.concern_notices(self.review_id)
            if notices:
                from .concern_dialog import notice_text

                self.side_layout.addSpacing(8)
                self.side_layout.addWidget(theme.heading(self.tr("Safeguarding"), 2))
                for notice in notices:
                    at = f"{notice.time:%H:%M}" if notice.time else "?"
                    self.side_layout.addWidget(self._text(notice_text(at, notice.to_role)))
        self.side_layout.addStretch(1)

    @staticmethod
    def _text(text: str, rich: bool = False) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        return label

    # --- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the review (after an import or a sync) and show it again."""
        self._review = self._store.review(self.review_id)
        self._show_review()

    def _show_review(self) -> None:
        review = self._review
        self.title.setText(review.host_school)
        partnership = f"  ·  {review.partnership}" if review.partnership else ""
        self.subtitle.setText(f"{review_dates(review.start_date, review.end_date)}{partnership}")
        self._fill_side()
        today = self._clock().date()
        days = review.days
        self.day_tabs.blockSignals(True)
        while self.day_tabs.count():
            self.day_tabs.removeTab(0)
        for day in days:
            self.day_tabs.addTab(day_label(day, today))
        self.day_tabs.setVisible(len(days) > 1)
        wanted = self._shown_day if self._shown_day in days else (today if today in days else days[0])
        self.day_tabs.setCurrentIndex(days.index(wanted))
        self.day_tabs.blockSignals(False)
        self._shown_day = wanted
        self._fill_table()

    def _on_day_changed(self, index: int) -> None:
        days = self._review.days
        if 0 <= index < len(days):
            self._shown_day = days[index]
            self._fill_table()

    def visible_slots(self) -> list[ScheduleSlot]:
        if self._shown_day is None:
            return []
        slots = self._review.slots_on(self._shown_day)
        if self.only_mine.isChecked():
            slots = tuple(s for s in slots if self._me in s.reviewer_ids)
        return list(slots)

    def _load_recorded(self) -> None:
        """Which slots already have evidence (ticked on the plan, for the midday huddle)."""
        self._recorded = {}
        for item in self._store.evidence(self.review_id):
            if item.slot_id:
                self._recorded.setdefault(item.slot_id, []).append((item.author, item.id))

    def recorded_mark(self, slot: ScheduleSlot) -> str:
        authors = [a for a, _ in self._recorded.get(slot.id, [])]
        if not authors:
            return ""
        return self.tr("✓ Your evidence: open") if self._me in authors else self.tr("✓ Evidence collected")

    def my_evidence_for(self, slot: ScheduleSlot) -> str | None:
        return next((e for a, e in self._recorded.get(slot.id, []) if a == self._me), None)

    def _fill_table(self) -> None:
        self._load_recorded()
        slots = self.visible_slots()
        self.table.setRowCount(len(slots))
        names = {m.id: (self.tr("You") if m.id == self._me else m.name) for m in self._review.team}
        for row, slot in enumerate(slots):
            kind = slot_evidence_kind(slot.activity)
            who = ", ".join(names.get(r, "") for r in slot.reviewer_ids if r in names)
            mark = self.recorded_mark(slot)
            activity = activity_label(slot.activity) + (f"\n{mark}" if mark else "")
            values = (f"{slot.start:%H:%M}–{slot.end:%H:%M}", activity, slot.location, who, slot.notes)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(SLOT_ROLE, slot.id)
                item.setToolTip(value if column == 4 else "")
                self.table.setItem(row, column, item)
            activity_item = self.table.item(row, 1)
            if activity_item is not None:  # set just above
                activity_item.setIcon(icon(KIND[kind].icon) if kind is not None else icon("clock"))
        if self._shown_day is not None:
            self.table.setAccessibleName(self.tr("Schedule for {day}").format(
                day=day_label(self._shown_day, self._clock().date())))
        self.update_current(select=True)
        self.table.resizeRowsToContents()

    def current_rows(self) -> list[int]:
        """Rows of the table whose slot is happening now (by the injected clock)."""
        now = self._clock()
        return [row for row, slot in enumerate(self.visible_slots()) if slot.contains(now.date(), now.time())]

    def update_current(self, select: bool = False) -> None:
        current = set(self.current_rows())
        slots = self.visible_slots()
        for row in range(self.table.rowCount()):
            is_now = row in current
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None:
                    continue
                item.setBackground(QBrush(theme.colour("now")) if is_now else QBrush())
                font = QFont(self.table.font())
                font.setBold(is_now)
                item.setFont(font)
            time_item = self.table.item(row, 0)
            if time_item is not None and row < len(slots):
                base = f"{slots[row].start:%H:%M}–{slots[row].end:%H:%M}"
                time_item.setText(self.tr("{time}\nNow").format(time=base) if is_now else base)
                time_item.setData(Qt.ItemDataRole.AccessibleTextRole,
                                  self.tr("{time}, happening now").format(time=base) if is_now else base)
        if select and current:
            mine = [r for r in sorted(current) if self._me in slots[r].reviewer_ids]
            row = (mine or sorted(current))[0]
            self.table.selectRow(row)
            first_cell = self.table.item(row, 0)
            if first_cell is not None:
                self.table.scrollToItem(first_cell, QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_start_button()

    def _start_text(self, kind: EvidenceKind | None) -> str:
        return (self.tr("Start {kind}").format(kind=label(kind).lower()) if kind is not None
                else self.tr("Start evidence for this slot"))

    @staticmethod
    def _hold_width(button: QPushButton, texts: list[str]) -> None:
        """As wide as its longest text, so it never moves under the pointer as the selection changes."""
        shown = button.text()
        widest = 0
        for text in [*texts, shown]:
            button.setText(text)
            widest = max(widest, button.sizeHint().width())
        button.setText(shown)
        button.setMinimumWidth(widest)

    def _update_start_button(self) -> None:
        slot = self.slot_at(self.table.currentRow())
        kind = slot_evidence_kind(slot.activity) if slot is not None else None
        self.start_button.setEnabled(kind is not None)
        self.open_button.setVisible(slot is not None and self.my_evidence_for(slot) is not None)
        self.start_button.setText(self._start_text(kind))

    def slot_at(self, row: int) -> ScheduleSlot | None:
        slots = self.visible_slots()
        return slots[row] if 0 <= row < len(slots) else None

    def activate_row(self, row: int) -> None:
        slot = self.slot_at(row)
        if slot is None:
            return
        kind = slot_evidence_kind(slot.activity)
        if kind is None:
            text = self.tr("“{activity}” is not an evidence activity, so there is no form to start.").format(
                activity=slot.activity)
            self.note.setText(text)
            self.status_changed.emit(text)
            return
        self.slot_activated.emit(slot, kind)

    def open_my_evidence(self) -> None:
        """The "open" of a ticked slot: my own record for it, in the evidence page."""
        slot = self.slot_at(self.table.currentRow())
        mine = self.my_evidence_for(slot) if slot is not None else None
        if mine is not None:
            self.evidence_opened.emit(mine)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Side by side when there is room; the focus, questions and team below the schedule when not.
        On a short window (large scaling) the helper lines go, so the schedule keeps its rows."""
        super().resizeEvent(event)
        char, line = self.fontMetrics().averageCharWidth(), self.fontMetrics().height()
        narrow = event.size().width() < char * 125
        wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
        if self.splitter.orientation() != wanted:
            self.splitter.setOrientation(wanted)
            self.splitter.setSizes([7_000, 3_000] if narrow else [char * 160, char * 52])
        self._schedule_box.setMinimumWidth(0 if narrow else char * 60)
        self._side_box.setMinimumWidth(0 if narrow else char * 28)
        self._side_box.setMinimumHeight(line * 3 if narrow else 0)
        short = event.size().height() < line * 32
        for helper in (self.subtitle, self._schedule_heading, self.note):
            helper.setVisible(not short)

    def flush(self) -> bool:
        return True

    def focus_schedule(self) -> None:
        self.table.setFocus()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
