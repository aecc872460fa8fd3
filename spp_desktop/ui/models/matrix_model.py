"""The evidence matrix: enquiry questions x kinds of source, with counts, so gaps show at a glance.

`set_data(questions, counts)` takes the domain's `matrix()` result. When the questions are the same it
only emits `dataChanged` (selection and scroll stay put); recomputing for 500 records takes well under
a millisecond, so the matrix follows every link and every evidence change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from spp_desktop.domain.evidence import SourceKind
from spp_desktop.domain.review import EnquiryQuestion

from .. import theme

SOURCES = tuple(SourceKind)
QUESTION_COL = 0
FIRST_SOURCE_COL = 1
KINDS_COL = FIRST_SOURCE_COL + len(SOURCES)
HEADERS = ("Enquiry question", *(s.label for s in SOURCES), "Kinds of source")
SHORT_HEADERS = ("Question", "Observation", "Voice", "Books", "Data", "Kinds")  # a narrow window
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def gap_colour() -> QColor:
    """The shade of an empty cell: the calm amber of the theme, a step stronger so gaps stand out."""
    base = theme.colour("now")
    return base.lighter(125) if theme.is_dark() else base.darker(106)


def gap_tooltip(source: SourceKind) -> str:
    return f"No {source.label.lower()} yet for this question"


def count_tooltip(source: SourceKind, n: int, number: int) -> str:
    return f"{n} {source.label.lower()} record{'s' if n != 1 else ''} bear{'s' if n == 1 else ''} on question {number}"


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._questions: list[EnquiryQuestion] = []
        self._counts: list[tuple[int, ...]] = []
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """Short headers and "Q1" for the question (full text in tooltips), for a narrow window."""
        if compact != self.compact:
            self.compact = compact
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
            if self._questions:
                self.dataChanged.emit(self.index(0, QUESTION_COL), self.index(len(self._questions) - 1, QUESTION_COL))

    def set_data(self, questions: Sequence[EnquiryQuestion], counts: Mapping[str, Mapping[SourceKind, int]]) -> None:
        rows = [tuple(counts.get(q.id, {}).get(s, 0) for s in SOURCES) for q in questions]
        if [q.id for q in questions] == [q.id for q in self._questions] and self._questions:
            self._questions = list(questions)
            if rows != self._counts:
                self._counts = rows
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, KINDS_COL))
            return
        self.beginResetModel()
        self._questions = list(questions)
        self._counts = rows
        self.endResetModel()

    def count(self, row: int, source: SourceKind) -> int:
        return self._counts[row][SOURCES.index(source)]

    def gaps(self, row: int) -> list[SourceKind]:
        return [s for s, n in zip(SOURCES, self._counts[row], strict=True) if not n]

    def question_at(self, row: int) -> EnquiryQuestion:
        return self._questions[row]

    # --- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._questions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        question, counts = self._questions[row], self._counts[row]
        if role == QUESTION_ID_ROLE:
            return question.id
        if col == QUESTION_COL:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"Q{row + 1}" if self.compact else f"{row + 1}. {question.text}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"Enquiry question {row + 1}: {question.text}"
            return None
        if col == KINDS_COL:
            kinds = sum(1 for n in counts if n)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{kinds} of {len(SOURCES)}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{sum(counts)} records from {kinds} kind{'s' if kinds != 1 else ''} of source"
                        + ("; look for a second kind." if kinds < 2 else "."))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == Qt.ItemDataRole.BackgroundRole and kinds < 2:
                return QBrush(gap_colour())
            return None
        source = SOURCES[col - FIRST_SOURCE_COL]
        n = counts[col - FIRST_SOURCE_COL]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else "none"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{n} {source.label}" if n else gap_tooltip(source)
        if role == Qt.ItemDataRole.ToolTipRole:
            return count_tooltip(source, n, row + 1) if n else gap_tooltip(source)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole and not n:
            return QBrush(gap_colour())
        if role == Qt.ItemDataRole.ForegroundRole and not n:
            return QBrush(theme.colour("muted"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return SHORT_HEADERS[section] if self.compact else HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return f"Q{section + 1}"
        return None
