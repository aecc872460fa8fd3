"""The evidence matrix: enquiry questions x kinds of source, with counts, so gaps show at a glance.

`set_data(questions, counts)` takes the domain's `matrix()` result. When the questions are the same it
only emits `dataChanged` (selection and scroll stay put); recomputing for 500 records takes well under
a millisecond, so the matrix follows every link and every evidence change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from spp_desktop.domain.evidence import SourceKind
from spp_desktop.domain.review import EnquiryQuestion
from spp_desktop.domain.triangulation import planned_sources

from .. import theme
from ..i18n import QT_TRANSLATE_NOOP, counted, label, translate
from ..widgets.question_chips import question_label

SOURCES = tuple(SourceKind)
QUESTION_COL = 0
FIRST_SOURCE_COL = 1
KINDS_COL = FIRST_SOURCE_COL + len(SOURCES)
# Source words, translated when shown (the source kinds' labels are translated as "Domain" words).
HEADERS = (QT_TRANSLATE_NOOP("MatrixModel", "Enquiry question"), *(s.label for s in SOURCES),
           QT_TRANSLATE_NOOP("MatrixModel", "Kinds of source"))
SHORT_HEADERS = (QT_TRANSLATE_NOOP("MatrixModel", "Question"), QT_TRANSLATE_NOOP("MatrixModel", "Observation"),
                 QT_TRANSLATE_NOOP("MatrixModel", "Voice"), QT_TRANSLATE_NOOP("MatrixModel", "Books"),
                 QT_TRANSLATE_NOOP("MatrixModel", "Data"), QT_TRANSLATE_NOOP("MatrixModel", "Kinds"))  # narrow



def header_text(section: int, *, short: bool = False) -> str:
    if short:
        return translate("MatrixModel", SHORT_HEADERS[section])
    if FIRST_SOURCE_COL <= section < KINDS_COL:
        return label(SOURCES[section - FIRST_SOURCE_COL])
    return translate("MatrixModel", HEADERS[section])
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def gap_colour() -> QColor:
    """The shade of an empty cell: the calm amber of the theme, a step stronger so gaps stand out."""
    base = theme.colour("now")
    return base.lighter(125) if theme.is_dark() else base.darker(106)


def gap_tooltip(source: SourceKind) -> str:
    return translate("MatrixModel", "No {kind} yet for this question").format(
        kind=label(source).lower())


class MatrixWords(QObject):
    """The matrix's counts (lupdate marks a plural entry only in `self.tr(text, "", n)`)."""

    def bearing(self, source: SourceKind, n: int, number: int) -> str:
        text = counted(self.tr("%n record(s) ({kind}) (bears|bear) on question {number}", "", n), n)
        return text.format(kind=label(source).lower(), number=number)


_words = MatrixWords()


def count_tooltip(source: SourceKind, n: int, number: int) -> str:
    return _words.bearing(source, n, number)


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

    def planned(self, row: int, source: SourceKind) -> bool:
        """Did the team plan this kind of source for the question (at the pre-review meeting)?"""
        return source in planned_sources(self._questions[row])

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
                return question_label(row) if self.compact else f"{row + 1}. {question.text}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return translate("MatrixModel", "Enquiry question {number}: {text}").format(number=row + 1,
                                                                                           text=question.text)
            return None
        if col == KINDS_COL:
            kinds = sum(1 for n in counts if n)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return translate("MatrixModel", "{n} of {total}").format(n=kinds, total=len(SOURCES))
            if role == Qt.ItemDataRole.ToolTipRole:
                text = (translate("MatrixModel", "{records} records from 1 kind of source") if kinds == 1
                        else translate("MatrixModel", "{records} records from {n} kinds of source")
                        ).format(records=sum(counts), n=kinds)
                return text + (translate("MatrixModel", "; look for a second kind.") if kinds < 2 else ".")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == Qt.ItemDataRole.BackgroundRole and kinds < 2:
                return QBrush(gap_colour())
            return None
        source = SOURCES[col - FIRST_SOURCE_COL]
        n = counts[col - FIRST_SOURCE_COL]
        planned = source in planned_sources(question)
        if role == Qt.ItemDataRole.DisplayRole:
            if planned:  # planned against collected, for the midday huddle
                return (translate("MatrixModel", "{n} · planned").format(n=n) if n
                        else translate("MatrixModel", "planned, none yet"))
            return str(n) if n else translate("MatrixModel", "none")
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            text = (f"{n} {label(source)}" if role == Qt.ItemDataRole.AccessibleTextRole else
                    count_tooltip(source, n, row + 1)) if n else gap_tooltip(source)
            return text + (translate("MatrixModel", " (planned)") if planned else "")
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
            return header_text(section, short=self.compact)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return header_text(section)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return question_label(section)
        return None
