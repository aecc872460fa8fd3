"""The evidence list: a table model over Evidence objects and a proxy that filters and searches.

`EvidenceTableModel.set_rows(evidence, review)` is all a caller needs; the model precomputes each
row's display strings and a case-folded search text once, so filtering 1,000 records and searching
their decrypted text takes a few milliseconds and never touches the store.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from spp_desktop.domain.evidence import FAMILIES, Evidence, EvidenceKind
from spp_desktop.domain.review import Review

from ..i18n import QT_TRANSLATE_NOOP, counted, label, short_day_name, where_or_who
from ..icons import icon
from ..widgets.question_chips import question_label

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = (QT_TRANSLATE_NOOP("EvidenceTableModel", "Time"), QT_TRANSLATE_NOOP("EvidenceTableModel", "Kind"),
           QT_TRANSLATE_NOOP("EvidenceTableModel", "Where / who"), QT_TRANSLATE_NOOP("EvidenceTableModel", "Questions"),
           QT_TRANSLATE_NOOP("EvidenceTableModel", "Author"), QT_TRANSLATE_NOOP("EvidenceTableModel", "Photos"),
           QT_TRANSLATE_NOOP("EvidenceTableModel", "Notes"))
TIME, KIND, WHERE, QUESTIONS, AUTHOR, PHOTOS, SNIPPET = range(len(COLUMNS))
# The main text of each family (the registry's), for the snippet: what was seen, said or shown, else the notes.
_MAIN_TEXT = (*dict.fromkeys(f.main_text for f in FAMILIES if f.main_text), "notes")
_SNIPPET_CHARS = 160


def snippet(e: Evidence) -> str:
    """The first words of a record's main text, on one line."""
    for name in _MAIN_TEXT:
        text = " ".join(str(getattr(e, name, "") or "").split())
        if text:
            return text[:_SNIPPET_CHARS] + ("\u2026" if len(text) > _SNIPPET_CHARS else "")
    return ""


_Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Row:
    evidence: Evidence
    cells: tuple[str, ...]
    sort_keys: tuple[object, ...]
    tooltip: str
    haystack: str  # case-folded text for search


def _question_numbers(review: Review | None) -> dict[str, str]:
    if review is None:
        return {}
    return {q.id: question_label(i) for i, q in enumerate(review.questions)}


def time_text(evidence: Evidence, show_day: bool) -> str:
    start = evidence.start.strftime("%H:%M") if evidence.start else ""
    if show_day and evidence.day:
        return f"{short_day_name(evidence.day)} {start}".strip()
    return start


class EvidenceTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._review: Review | None = None
        self._qnum: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._show_day = False
        self._sort_column = TIME
        self._descending = False

    # --- feeding ----------------------------------------------------------------------------------
    def set_rows(self, evidence: Sequence[Evidence], review: Review | None = None) -> None:
        self.beginResetModel()
        self._review = review
        self._qnum = _question_numbers(review)
        self._names = {m.id: m.name for m in review.team} if review else {}
        self._show_day = len({e.day for e in evidence if e.day}) > 1 or bool(review and len(review.days) > 1)
        self._rows = [self._make_row(e) for e in evidence]
        self._rows.sort(key=self._sort_key, reverse=self._descending)
        self.endResetModel()

    def update_evidence(self, evidence: Evidence) -> None:
        """Replace one record in place (after an autosave), or append it if it is new."""
        row = self.row_of(evidence.id)
        if row < 0:
            new = self._make_row(evidence)
            key = self._sort_key(new)
            at = next((i for i, r in enumerate(self._rows)
                       if (self._sort_key(r) < key if self._descending else self._sort_key(r) > key)), len(self._rows))
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.insert(at, new)
            self.endInsertRows()
            return
        # Edited rows stay where they are (no jumping while typing); the next sort or refresh places them.
        self._rows[row] = self._make_row(evidence)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def remove_evidence(self, evidence_id: str) -> None:
        row = self.row_of(evidence_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._rows.pop(row)
            self.endRemoveRows()

    def _make_row(self, e: Evidence) -> _Row:
        questions = ", ".join(self._qnum.get(q, "?") for q in e.question_ids)
        author = self._names.get(e.author, "")
        photos = len(e.attachment_ids)
        kind_label = label(e.kind) if isinstance(e.kind, EvidenceKind) else str(e.kind)
        where = where_or_who(e)
        first_words = snippet(e)
        cells = (time_text(e, self._show_day), kind_label, where, questions, author,
                 str(photos) if photos else "", first_words)
        when = f"{e.day.isoformat() if e.day else ''} {e.start.strftime('%H:%M') if e.start else ''}"
        sort_keys = (when, kind_label.casefold(), where.casefold(), questions, author.casefold(), photos,
                     first_words.casefold())
        linked = [q for q in self._review.questions if q.id in e.question_ids] if self._review else []
        tooltip = "\n".join([f"{kind_label}: {where}" if where else kind_label,
                             *(f"{self._qnum[q.id]}: {q.text}" for q in linked)])
        haystack = "\n".join((e.searchable_text(), kind_label, where, author, questions)).casefold()
        return _Row(e, cells, sort_keys, tooltip, haystack)

    # --- sorting (here, in Python, rather than in the proxy: the proxy would ask data() for every
    # comparison, tens of thousands of calls for 1,000 records) ------------------------------------------
    def _sort_key(self, row: _Row) -> tuple[object, object]:
        return (row.sort_keys[self._sort_column], row.sort_keys[TIME])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[i.row()].evidence.id if i.isValid() else None for i in persistent]
        self._rows.sort(key=self._sort_key, reverse=self._descending)
        rows = {r.evidence.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(rows[i], old.column()) if i in rows else QModelIndex() for i, old in zip(ids, persistent, strict=True)
        ])
        self.layoutChanged.emit()

    # --- reading ----------------------------------------------------------------------------------
    def evidence_at(self, row: int) -> Evidence:
        return self._rows[row].evidence

    def haystack(self, row: int) -> str:
        return self._rows[row].haystack

    def all_tags(self) -> list[str]:
        return sorted({t for row in self._rows for t in row.evidence.tags}, key=str.casefold)

    def all_days(self) -> list[date]:
        days = {row.evidence.day for row in self._rows if row.evidence.day}
        if self._review is not None:
            days |= set(self._review.days)
        return sorted(days)

    def row_of(self, evidence_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.evidence.id == evidence_id:
                return i
        return -1

    def all_evidence(self) -> list[Evidence]:
        return [r.evidence for r in self._rows]

    @property
    def review(self) -> Review | None:
        return self._review

    # --- Qt model API -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.DecorationRole:
            # A drawn icon: the paperclip character is missing from many fonts (it showed as a box).
            return icon("photo") if column == PHOTOS and row.evidence.attachment_ids else None
        if role == SORT_ROLE:
            return row.sort_keys[column]
        if role == ID_ROLE:
            return row.evidence.id
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == PHOTOS and row.evidence.attachment_ids:
                n = len(row.evidence.attachment_ids)
                return counted(self.tr("%n photo(s) attached", "", n), n)
            if column in (WHERE, SNIPPET) and row.cells[SNIPPET]:
                return f"{row.tooltip}\n\n{row.cells[SNIPPET]}"
            return row.tooltip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == PHOTOS:
                n = len(row.evidence.attachment_ids)
                if not n:
                    return self.tr("No photos")
                return counted(self.tr("%n photo(s)", "", n), n)
            return row.cells[column] or self.tr("none")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("EvidenceTableModel", COLUMNS[section])
        return None


class EvidenceFilterProxy(QSortFilterProxyModel):
    """Filter by kind, enquiry question and author, and search all text (every word must match)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._kinds: frozenset[str] | None = None
        self._question: str | None = None
        self._author: str | None = None
        self._day: date | None = None
        self._tag: str | None = None
        self._terms: tuple[str, ...] = ()
        self._source: EvidenceTableModel = EvidenceTableModel(self)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # rows are filtered here, sorted by the source model

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model().sort(column, order)

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, EvidenceTableModel):  # the filters read the evidence model's own rows
            raise TypeError("EvidenceFilterProxy filters an EvidenceTableModel")
        self._source = model
        super().setSourceModel(model)

    def _model(self) -> EvidenceTableModel:
        return self._source

    # --- filters ----------------------------------------------------------------------------------
    def set_kinds(self, kinds: Sequence[EvidenceKind | str] | None) -> None:
        """Only these kinds (None: all)."""
        self._change(lambda: setattr(self, "_kinds", None if kinds is None else frozenset(str(k) for k in kinds)))

    def set_kind(self, kind: EvidenceKind | str | None) -> None:
        self.set_kinds(None if kind is None else [kind])

    def set_question(self, question_id: str | None) -> None:
        """Only records linked to this question; "" for records linked to no question."""
        self._change(lambda: setattr(self, "_question", question_id))

    def set_author(self, member_id: str | None) -> None:
        self._change(lambda: setattr(self, "_author", member_id))

    def set_search(self, text: str) -> None:
        terms = tuple(text.casefold().split())
        if terms != self._terms:
            self._change(lambda: setattr(self, "_terms", terms))

    def set_filters(self, kind: EvidenceKind | str | None, question: str | None, author: str | None) -> None:
        """Kind, question and author at once: one pass over the rows instead of three."""
        new = (None if kind is None else frozenset({str(kind)}), question, author)
        if new == (self._kinds, self._question, self._author):
            return

        def apply() -> None:
            self._kinds, self._question, self._author = new
        self._change(apply)

    def set_day_and_tag(self, day: date | None, tag: str | None) -> None:
        if (day, tag) != (self._day, self._tag):
            def apply() -> None:
                self._day, self._tag = day, tag
            self._change(apply)

    def clear_filters(self) -> None:
        def reset() -> None:
            self._kinds = self._question = self._author = self._day = self._tag = None
            self._terms = ()
        self._change(reset)

    @property
    def is_filtered(self) -> bool:
        return bool(self._kinds is not None or self._question is not None or self._author is not None
                    or self._day is not None or self._tag is not None or self._terms)

    def _change(self, apply: object) -> None:
        self.beginFilterChange()
        apply()  # type: ignore[operator]
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self._model()
        evidence = model.evidence_at(source_row)
        if self._kinds is not None and str(evidence.kind) not in self._kinds:
            return False
        if self._question is not None:
            if self._question == "":
                if evidence.question_ids:
                    return False
            elif self._question not in evidence.question_ids:
                return False
        if self._author is not None and evidence.author != self._author:
            return False
        if self._day is not None and evidence.day != self._day:
            return False
        if self._tag is not None and self._tag not in evidence.tags:
            return False
        if self._terms:
            haystack = model.haystack(source_row)
            return all(term in haystack for term in self._terms)
        return True

    def evidence_at(self, proxy_row: int) -> Evidence:
        return self._model().evidence_at(self.mapToSource(self.index(proxy_row, 0)).row())

    def proxy_row_of(self, evidence_id: str) -> int:
        source_row = self._model().row_of(evidence_id)
        if source_row < 0:
            return -1
        return self.mapFromSource(self._model().index(source_row, 0)).row()
