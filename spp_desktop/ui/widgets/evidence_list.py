"""The evidence list panel: search, filters, the table, New and Delete, the undo bar.

Used on the Evidence page; reusable wherever evidence is picked (e.g. linking evidence to findings)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import KINDS
from spp_desktop.domain.review import Review

from ..i18n import counted, label, short_day_name
from ..models.evidence_table import (
    AUTHOR,
    KIND,
    PHOTOS,
    QUESTIONS,
    SNIPPET,
    TIME,
    WHERE,
    EvidenceFilterProxy,
    EvidenceTableModel,
)
from .undo_bar import UndoBar

ALL = "__all__"
NO_QUESTION = ""
_ELIDE_EM = 18


class WhereAndSnippet(QStyledItemDelegate):
    """Where / who on the first line, the first words of the record's notes (muted) on the second; each
    line cut with an ellipsis only where the column is too narrow, and the whole text in the tooltip."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        first_words = index.sibling(index.row(), SNIPPET).data() or ""
        if not first_words:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        where, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget).adjusted(3, 2, -3, -2)
        metrics = opt.fontMetrics
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(text_role))
        top = rect.top() + max(0, (rect.height() - 2 * metrics.lineSpacing()) // 2)
        line = metrics.lineSpacing()
        painter.drawText(rect.left(), top, rect.width(), line, int(Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(where, Qt.TextElideMode.ElideRight, rect.width()))
        if not selected:
            painter.setPen(opt.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        painter.drawText(rect.left(), top + line, rect.width(), line, int(Qt.AlignmentFlag.AlignLeft),
                         metrics.elidedText(first_words, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class EvidenceList(QWidget):
    new_requested = Signal(object)  # EvidenceKind
    delete_requested = Signal()
    filters_changed = Signal()  # the search or a filter changed what is shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Evidence list"))
        self.model = EvidenceTableModel(self)
        self.proxy = EvidenceFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search all evidence"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search all evidence"))
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.textChanged.connect(lambda _t: self._update_count())
        self.search.textChanged.connect(lambda _t: self.filters_changed.emit())
        self.new_button = QPushButton(self.tr("New evidence"), self)
        self.new_button.setAccessibleName(self.tr("New evidence"))
        self.new_button.setAutoDefault(False)
        menu = QMenu(self.new_button)
        for kind in (k.kind for k in KINDS):
            action = QAction(label(kind), menu)
            action.triggered.connect(lambda _=False, k=kind: self.new_requested.emit(k))
            menu.addAction(action)
        self.new_button.setMenu(menu)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.kind_filter = self._combo(self.tr("Filter by kind"))
        self.question_filter = self._combo(self.tr("Filter by enquiry question"))
        self.author_filter = self._combo(self.tr("Filter by author"))
        for combo in (self.kind_filter, self.question_filter, self.author_filter):
            filters.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._apply_filters)
        layout.addLayout(filters)
        more = QHBoxLayout()
        self.day_filter = self._combo(self.tr("Filter by day"))
        self.tag_filter = self._combo(self.tr("Filter by tag"))
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setAccessibleName(self.tr("Clear the search and every filter"))
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_filters)
        self.day_filter.addItem(self.tr("All days"), ALL)
        self.tag_filter.addItem(self.tr("All tags"), ALL)
        for combo in (self.day_filter, self.tag_filter):
            more.addWidget(combo, 1)
            combo.currentIndexChanged.connect(self._apply_filters)
        more.addWidget(self.clear_button)
        layout.addLayout(more)

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Evidence records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TIME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        # Widths from the font, not from the contents: measuring every row on each change (an
        # autosave updates a row) costs thousands of data() calls with 1,000 records.
        metrics = self.table.fontMetrics()
        pad = metrics.horizontalAdvance("M") * 2
        # Kind fits its longest name in this language (it was cut). Where / who takes the rest of the
        # width, on two lines: where or who, then the first words of the notes (the Notes column, which
        # a laptop-width list has no room for beside it, is drawn there; screen readers get it as a column).
        longest_kind = max((label(k.kind) for k in KINDS), key=metrics.horizontalAdvance)
        widths = {TIME: "Wed 00:00", KIND: longest_kind, QUESTIONS: "Q1, Q2, Q3",
                  AUTHOR: "Daniel Okafo", PHOTOS: self.proxy.headerData(PHOTOS, Qt.Orientation.Horizontal)}
        for column, sample in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + pad)
        header.setSectionResizeMode(WHERE, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(SNIPPET, True)
        self.table.setItemDelegateForColumn(WHERE, WhereAndSnippet(self.table))
        header.setMinimumSectionSize(metrics.horizontalAdvance("M") * 3)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() * 2 + 10)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setProperty("role", "muted")
        self.count_label.setAccessibleName(self.tr("Number of records shown"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected record"))
        self.delete_button.setToolTip(self.tr("Delete the selected record (Delete). You can undo it."))
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self.delete_requested)
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        self.undo_bar = UndoBar(self)
        layout.addWidget(self.undo_bar)

        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_requested)
        # The source model's signals too, and after the proxy's: counting on the proxy's alone read the
        # model mid-change ("31 of 32 shown" after a delete with no filter on).
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                       self.proxy.layoutChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(self._update_count)
        self.model.modelReset.connect(self._refresh_row_filters)
        self.model.rowsInserted.connect(self._refresh_row_filters)
        self.model.dataChanged.connect(self._refresh_tags_soon)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    # --- filters ----------------------------------------------------------------------------------
    def set_review(self, review: Review) -> None:
        """Fill the filter choices from the review (questions, team); keeps the current choices."""
        keep = (self.kind_filter.currentData(), self.question_filter.currentData(),
                self.author_filter.currentData())
        for combo in (self.kind_filter, self.question_filter, self.author_filter):
            combo.blockSignals(True)
            combo.clear()
        self.kind_filter.addItem(self.tr("All kinds"), ALL)
        for kind in (k.kind for k in KINDS):
            self.kind_filter.addItem(label(kind), kind.value)
        self.question_filter.addItem(self.tr("All questions"), ALL)
        metrics = self.question_filter.fontMetrics()
        width = metrics.horizontalAdvance("M") * _ELIDE_EM
        for i, question in enumerate(review.questions):
            text = metrics.elidedText(question.text, Qt.TextElideMode.ElideRight, width)
            self.question_filter.addItem(f"Q{i + 1}  {text}", question.id)
            self.question_filter.setItemData(i + 1, question.text, Qt.ItemDataRole.ToolTipRole)
        self.question_filter.addItem(self.tr("Not linked to a question"), NO_QUESTION)
        self.author_filter.addItem(self.tr("Everyone"), ALL)
        for member in review.reviewers:
            self.author_filter.addItem(member.name, member.id)
        for combo, value in zip((self.kind_filter, self.question_filter, self.author_filter), keep, strict=True):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._apply_filters()

    def _refresh_row_filters(self, *_args: object) -> None:
        """Day and tag choices from the rows (and the review's days); keeps the current choices."""
        self._fill(self.day_filter, [(short_day_name(d) + d.strftime(" %d/%m"), d) for d in self.model.all_days()])
        self._fill(self.tag_filter, [(t, t) for t in self.model.all_tags()])

    def _refresh_tags_soon(self, *_args: object) -> None:
        if not getattr(self, "_tags_pending", False):
            self._tags_pending = True

            def run() -> None:
                self._tags_pending = False
                self._fill(self.tag_filter, [(t, t) for t in self.model.all_tags()])
            QTimer.singleShot(0, run)

    def _fill(self, combo: QComboBox, items: list[tuple[str, object]]) -> None:
        keep = combo.currentData()
        first = combo.itemText(0)
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(first, ALL)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(keep)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        if index < 0 and keep not in (None, ALL):
            self._apply_filters()  # the chosen tag is gone: show everything again

    def _apply_filters(self) -> None:
        def chosen(combo: QComboBox) -> str | None:
            value = combo.currentData()
            return None if value in (None, ALL) else value

        self.proxy.set_filters(chosen(self.kind_filter), chosen(self.question_filter), chosen(self.author_filter))
        self.proxy.set_day_and_tag(chosen(self.day_filter), chosen(self.tag_filter))  # type: ignore[arg-type]
        self._update_count()
        self.filters_changed.emit()

    def clear_filters(self) -> None:
        for combo in (self.kind_filter, self.question_filter, self.author_filter, self.day_filter, self.tag_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.clear()
        self._apply_filters()

    def _update_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total == 0:
            text = self.tr("No evidence yet")
        elif shown == total:
            text = counted(self.tr("%n record(s)", "", total), total)
        else:
            text = self.tr("{shown} of {total} records shown").format(shown=shown, total=total)
        self.count_label.setText(text)
        self.clear_button.setEnabled(self.proxy.is_filtered)
        self._update_buttons()

    # Set by the page: whether this laptop's reviewer may delete a record (the rule table: its author only).
    may_delete: Callable[[str], bool] = staticmethod(lambda _evidence_id: True)  # type: ignore[assignment]

    def _update_buttons(self) -> None:
        current = self.current_id()
        self.delete_button.setEnabled(current is not None and self.may_delete(current))

    # --- selection --------------------------------------------------------------------------------
    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return self.proxy.evidence_at(index.row()).id

    def select(self, evidence_id: str | None) -> bool:
        """Select (and scroll to) a record without telling anyone. False if it is filtered out."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            row = self.proxy.proxy_row_of(evidence_id) if evidence_id else -1
            if row < 0:
                selection.clearSelection()
                selection.clearCurrentIndex()
                return False
            index = self.proxy.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
            self.table.scrollTo(index)
            return True
        finally:
            selection.blockSignals(False)
            self._update_buttons()
