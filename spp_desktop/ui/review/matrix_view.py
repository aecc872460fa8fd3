"""Evidence across enquiry questions: the matrix, the question list with its badges, the evidence picker.

The matrix shows, for every enquiry question, how many records of each kind of source bear on it, with
gaps shaded, so the team sees before the feedback conversation where evidence is thin.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QRectF, QSize, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.evidence import Evidence
from spp_desktop.domain.findings import Finding
from spp_desktop.domain.triangulation import Support

from .. import theme
from ..i18n import domain_text, label, translate
from ..models.findings_model import EvidencePickerModel, FindingsSnapshot
from ..models.matrix_model import (
    FIRST_SOURCE_COL,
    KINDS_COL,
    QUESTION_COL,
    QUESTION_ID_ROLE,
    MatrixModel,
    gap_colour,
)
from ..widgets.triangulation_badge import (
    WARNING_SIGN,
    TriangulationBadge,
    items_text,
    kinds_text,
    support_text,
    support_tooltip,
)


class MatrixView(QWidget):
    question_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("matrixView")
        self.setAccessibleName(self.tr("Evidence matrix"))
        self.model = MatrixModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Evidence matrix: enquiry questions by kind of source"))
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(False)
        self.table.setFont(theme.scaled_font(self.font(), 1.15))
        self.table.setStyleSheet("QTableView::item { padding: 0.45em 0.6em; }")
        self.table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._set_columns(False)
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.model.modelReset.connect(self.table.resizeRowsToContents)

        legend = QHBoxLayout()
        swatch = QLabel(translate("MatrixModel", "none"), self)
        swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
        swatch.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 3)
        swatch.setStyleSheet(f"background: {gap_colour().name()}; color: {theme.colour('muted').name()};"
                             f" border: 1px solid {theme.colour('mid').name()}; padding: 0.2em;")
        swatch.setAccessibleName(self.tr("Shaded cell"))
        legend.addWidget(swatch)
        legend.addWidget(theme.muted_label(self.tr("A gap: no evidence of this kind yet. Hover a cell for details; "
                                                   "press Enter on a question to open its findings.")), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(theme.heading(self.tr("Evidence matrix"), 2))
        layout.addWidget(theme.muted_label(self.tr(
            "How many evidence records bear on each enquiry question, by kind of source: captured for the "
            "question or linked to one of its findings. Triangulation needs at least two kinds.")))
        layout.addWidget(self.table)
        layout.addLayout(legend)
        layout.addSpacing(8)
        layout.addWidget(theme.heading(self.tr("Where evidence is thin"), 3))
        self.gaps = QLabel(self)
        self.gaps.setWordWrap(True)
        self.gaps.setTextFormat(Qt.TextFormat.PlainText)
        self.gaps.setAccessibleName(self.tr("Where evidence is thin"))
        layout.addWidget(self.gaps)
        layout.addStretch(1)

    def _set_columns(self, compact: bool) -> None:
        header = self.table.horizontalHeader()
        question, sources = ((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch) if compact
                             else (QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents))
        header.setSectionResizeMode(QUESTION_COL, question)
        for col in range(FIRST_SOURCE_COL, KINDS_COL + 1):
            header.setSectionResizeMode(col, sources)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        compact = event.size().width() < self.fontMetrics().averageCharWidth() * 110
        if compact != self.model.compact:
            self.model.set_compact(compact)
            self._set_columns(compact)
            self.table.resizeRowsToContents()

    def set_snapshot(self, snapshot: FindingsSnapshot) -> None:
        self.model.set_data(snapshot.questions, snapshot.matrix())
        lines = []
        for row in range(self.model.rowCount()):
            gaps = self.model.gaps(row)
            if gaps:
                names = [label(g).lower() for g in gaps]
                kinds = names[0] if len(names) == 1 else self.tr("{first} or {last}").format(
                    first=", ".join(names[:-1]), last=names[-1])
                lines.append(self.tr("Question {number}: no {kinds} yet.").format(number=row + 1, kinds=kinds))
        self.gaps.setText("\n".join(lines) or self.tr("Every question has evidence of every kind of source."))

    def _activated(self, index: QModelIndex) -> None:
        qid = self.model.data(index, QUESTION_ID_ROLE)
        if qid:
            self.question_activated.emit(str(qid))


def question_combo(parent: QWidget) -> QComboBox:
    """A drop-down of the enquiry questions, for narrow windows; never wider than it is given."""
    combo = QComboBox(parent)
    combo.setAccessibleName(translate("MatrixView", "Enquiry question"))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    combo.hide()
    return combo


def fill_question_combo(combo: QComboBox, snapshot: FindingsSnapshot, current: str | None,
                        extra: tuple[str, str] | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    for number, q in enumerate(snapshot.questions, start=1):
        combo.addItem(f"{number}. {q.text}", q.id)
        combo.setItemData(number - 1, q.text, Qt.ItemDataRole.ToolTipRole)
    if extra:
        combo.addItem(extra[1], extra[0])
    index = combo.findData(current)
    combo.setCurrentIndex(max(0, index))
    combo.blockSignals(False)


class QuestionTile(QFrame):
    """One enquiry question in the list: its text, its badge and how many findings it has."""

    clicked = Signal(str)
    step = Signal(object, int)  # this tile, -1 (Up) or +1 (Down)

    def __init__(self, question_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.question_id = question_id
        self.setObjectName("questionTile")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.badge = TriangulationBadge("question", self)
        self.count = theme.muted_label("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.count)
        self.selected = False

    def show_question(self, number: int, text: str, support: Support, count: str) -> None:
        self.text.setText(f"{number}. {text}")
        self.badge.set_support(support)
        self.count.setText(count)
        self.setAccessibleName(self.tr("Enquiry question {number}: {text}").format(number=number, text=text))
        self.setAccessibleDescription(f"{support_text(support)}. {domain_text(support.warning)} {self.count.text()}.")
        self.setToolTip(support_tooltip(support))

    def show_extra(self, title: str) -> None:
        self.text.setText(title)
        self.text.setFont(theme.scaled_font(self.font(), 1.0, bold=True))
        self.badge.hide()
        self.count.hide()
        self.setAccessibleName(title)

    def set_selected(self, selected: bool) -> None:
        if selected != self.selected:
            self.selected = selected
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        focused = self.hasFocus()
        border = theme.colour("text" if focused else "accent" if self.selected else "mid")
        width = 2 if (focused or self.selected) else 1
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, width))
        painter.setBrush(theme.colour("base" if self.selected else "alt_base"))
        rect = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.drawRoundedRect(rect, 6, 6)
        painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.clicked.emit(self.question_id)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit(self.question_id)
            return
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step.emit(self, -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class QuestionList(QScrollArea):
    """The enquiry questions as tiles; Up and Down move between them."""

    question_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, title: str | None = None):
        super().__init__(parent)
        self.setObjectName("questionList")
        self.setAccessibleName(self.tr("Enquiry questions"))
        title = title if title is not None else self.tr("Enquiry questions")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fm = self.fontMetrics()
        widest = f"{WARNING_SIGN} {items_text(999)} \u00b7 {kinds_text(4)}"  # the badge, in this language
        badge = fm.horizontalAdvance(widest) + fm.averageCharWidth() * 3
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(badge + 2 * 8 + 2 * 10 + scrollbar + 4)  # a tile's badge always fits
        box = QWidget()
        self._layout = QVBoxLayout(box)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self._layout.setSpacing(8)
        self._layout.addWidget(theme.heading(title, 3))
        self._layout.addStretch(1)
        self.setWidget(box)
        self.tiles: list[QuestionTile] = []
        self.current: str | None = None

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(max(self.minimumWidth(), self.fontMetrics().averageCharWidth() * 34),
                     self.fontMetrics().height() * 20)

    def set_questions(self, snapshot: FindingsSnapshot, current: str | None, *, agreed: bool = False,
                      extra: tuple[str, str] | None = None) -> None:
        """One tile per question (with "N findings", or "N of M agreed" when `agreed`), then `extra`
        (id, title) as a last tile without a badge, e.g. the improvement priority."""
        questions = snapshot.questions
        ids = [q.id for q in questions] + ([extra[0]] if extra else [])
        if [t.question_id for t in self.tiles] != ids:
            for tile in self.tiles:
                tile.deleteLater()
            self.tiles = []
            for i, qid in enumerate(ids):
                tile = QuestionTile(qid, self.widget())
                tile.clicked.connect(self.question_chosen)
                tile.step.connect(self._step)
                self._layout.insertWidget(1 + i, tile)
                self.tiles.append(tile)
        for number, (q, tile) in enumerate(zip(questions, self.tiles, strict=False), start=1):
            findings = snapshot.findings_for(q.id)
            if agreed:
                done = sum(1 for f in findings if f.status.is_agreed)
                count = self.tr("{done} of {total} agreed").format(done=done, total=len(findings))
            elif len(findings) == 1:
                count = self.tr("1 finding")
            else:
                count = self.tr("{n} findings").format(n=len(findings))
            tile.show_question(number, q.text, snapshot.question_support(q.id), count)
        if extra:
            self.tiles[-1].show_extra(extra[1])
        if current is not None:
            self.select(current)

    def select(self, question_id: str) -> None:
        self.current = question_id
        for tile in self.tiles:
            tile.set_selected(tile.question_id == question_id)

    def _step(self, tile: QuestionTile, step: int) -> None:
        i = self.tiles.index(tile) + step
        if 0 <= i < len(self.tiles):
            self.tiles[i].setFocus(Qt.FocusReason.TabFocusReason)
            self.question_chosen.emit(self.tiles[i].question_id)
            self.ensureWidgetVisible(self.tiles[i])


class EvidencePicker(QWidget):
    """Evidence for the chosen question (or all); tick to link to the selected finding, or drag."""

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.fontMetrics().averageCharWidth() * 62, self.fontMetrics().height() * 30)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("evidencePicker")
        self.setAccessibleName(self.tr("Evidence to link"))
        self.model = EvidencePickerModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.title = theme.heading(self.tr("Evidence"), 3)
        self.target = theme.muted_label("")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Filter evidence"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter evidence"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.show_all = QCheckBox(self.tr("Show all evidence"), self)
        self.show_all.setAccessibleName(self.tr("Show all evidence, not only this question's"))
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Evidence records"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.LinkAction)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # widths from the font, not ResizeToContents (which measures all 500 rows on every change)
        fm = self.table.fontMetrics()
        pad = fm.averageCharWidth() * 3
        samples = (str(self.model.headerData(0, Qt.Orientation.Horizontal)), "Wed 13:20", "Lesson observation",
                   "Daniel Okafor")
        for col, sample in enumerate(samples):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, fm.horizontalAdvance(sample) + pad)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setDefaultSectionSize(round(fm.height() * 1.7))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        toggle = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        toggle.setContext(Qt.ShortcutContext.WidgetShortcut)
        toggle.activated.connect(self.toggle_selected)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("Preview of the selected record"))
        self.preview.setPlaceholderText(self.tr("Select a record to read it in full here."))
        self.preview.setMaximumHeight(fm.lineSpacing() * 9)
        self.preview.setTabChangesFocus(True)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _old: self._show_preview(current))
        self.proxy.modelReset.connect(lambda: self._show_preview(self.table.currentIndex()))
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.target)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.preview)
        layout.addWidget(theme.muted_label(self.tr("Tick a record (or press Space) to link it to the selected "
                                                   "finding, or drag records onto any finding.")))

    def set_question_label(self, number: int) -> None:
        self.show_all.setText(self.tr("Show all evidence"))
        self.title.setText(self.tr("Evidence for question {number}").format(number=number) if number
                           else self.tr("Evidence"))

    def set_evidence(self, evidence: Sequence[Evidence], show_day: bool,
                     names: dict[str, str] | None = None) -> None:
        self.model.set_rows(evidence, show_day, names)

    def _show_preview(self, index: QModelIndex) -> None:
        if not index.isValid():
            self.preview.clear()
            return
        self.preview.setPlainText(self.model.preview(self.proxy.mapToSource(index).row()))

    def set_target(self, finding: Finding | None, number: int) -> None:
        if finding is None:
            self.target.setText(self.tr("Select or add a finding to link evidence to it."))
        else:
            excerpt = " ".join(finding.text.split())
            excerpt = excerpt[:70] + "\u2026" if len(excerpt) > 70 else excerpt
            text = self.tr("Linking to finding {number} ({kind})").format(number=number, kind=label(finding.kind).lower())
            self.target.setText(text + (f": \u201c{excerpt}\u201d" if excerpt else ""))
        self.target.setAccessibleName(self.target.text())

    def toggle_selected(self) -> None:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.proxy.mapToSource(self.table.currentIndex()).row()}
        for row in sorted(rows):
            linked = self.model.is_linked(row)
            self.model.setData(self.model.index(row, 0), Qt.CheckState.Unchecked if linked else Qt.CheckState.Checked,
                               Qt.ItemDataRole.CheckStateRole)
