"""What the findings, matrix and feedback screens show, worked out once from the store's domain objects.

`FindingsSnapshot.load(store, review_id)` reads the review, findings, links and evidence once. After a
link changes only the links are read again (`reload_links`): reading 500 evidence records costs ~20 ms,
the links a fraction of a millisecond, so badges and the matrix follow a link at once.

Evidence "bears on" an enquiry question when it was captured for that question (its `question_ids`) or
is linked to a finding under it: linking a record to a finding therefore shows in the question's badge
and in the matrix, without rewriting the evidence record another reviewer owns.

`EvidencePickerModel` lists evidence with a "linked to the selected finding" check box and can be
dragged onto a finding (MIME type EVIDENCE_MIME, one evidence id per line).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from spp_desktop.domain.evidence import Evidence, Observation, SourceKind
from spp_desktop.domain.findings import EvidenceLink, Finding, FindingKind
from spp_desktop.domain.review import EnquiryQuestion, Review
from spp_desktop.domain.triangulation import Support, finding_support, matrix, question_support
from spp_desktop.reports.labels import Labels, labels_for
from spp_desktop.reports.summary import evidence_reference
from spp_desktop.store.repository import ReviewStore

from ..i18n import QT_TRANSLATE_NOOP, current_language, label, short_day_name, translate, where_or_who

EVIDENCE_MIME = "application/x-spp-evidence-ids"
KIND_ORDER = (FindingKind.STRENGTH, FindingKind.AREA_TO_DEVELOP, FindingKind.QUESTION_TO_EXPLORE)
KIND_GROUP = {FindingKind.STRENGTH: QT_TRANSLATE_NOOP("FindingsModel", "Strengths"),
              FindingKind.AREA_TO_DEVELOP: QT_TRANSLATE_NOOP("FindingsModel", "Areas to develop"),
              FindingKind.QUESTION_TO_EXPLORE: QT_TRANSLATE_NOOP("FindingsModel", "Questions to explore further")}
SOURCE_ORDER = tuple(SourceKind)


def kind_group(kind: FindingKind) -> str:
    """The heading over findings of one kind ("Strengths" …), in the interface language."""
    return translate("FindingsModel", KIND_GROUP[kind])


@lru_cache(maxsize=4)
def _labels(language: str) -> Labels:
    return labels_for(language)  # the feedback summary's words: the same references on screen and in the PDF

_Index = QModelIndex | QPersistentModelIndex
_MIN, _MIN_T = date.min, time.min


def when_text(e: Evidence, show_day: bool) -> str:
    start = e.start.strftime("%H:%M") if e.start else ""
    return f"{short_day_name(e.day)} {start}".strip() if show_day and e.day else start


def reference(e: Evidence, show_day: bool = False) -> str:
    """A name-free reference by time and kind: "Tue 09:00 Lesson observation, Year 4 (Oak class)"."""
    ref = evidence_reference(e, _labels(current_language()))
    if show_day and e.day:
        ref = f"{short_day_name(e.day)} {ref}"
    return ref


def named_details(e: Evidence) -> list[str]:
    """What the Feedback page and Present show only with "Show names and evidence notes": who taught and
    the evidence notes. Never the reviewer-only notes: those are for the team and are drawn on no screen
    the school may see (see `reviewer_details`)."""
    lines = []
    if isinstance(e, Observation) and e.staff.strip():
        lines.append(translate("FindingsModel", "Staff: {text}").format(text=e.staff.strip()))
    if e.notes.strip():
        lines.append(translate("FindingsModel", "Notes: {text}").format(text=e.notes.strip()))
    return lines


def reviewer_details(e: Evidence) -> list[str]:
    """Everything behind a record, reviewer-only notes included: for the team's own Findings page only."""
    lines = named_details(e)
    if e.reviewer_notes.strip():
        lines.append(translate("FindingsModel", "Reviewer-only note: {text}").format(
            text=e.reviewer_notes.strip()))
    return lines


@dataclass
class FindingsSnapshot:
    review: Review
    findings: list[Finding]
    links: list[EvidenceLink]
    evidence: list[Evidence]
    evidence_by_id: dict[str, Evidence] = field(default_factory=dict)
    linked: dict[str, list[str]] = field(default_factory=dict)  # finding id -> evidence ids
    bearing: list[Evidence] = field(default_factory=list)  # evidence with linked questions added
    show_day: bool = False
    workshop_date: date | None = None  # the improvement workshop's, once set: the check-in counts from it

    @classmethod
    def load(cls, store: ReviewStore, review_id: str) -> FindingsSnapshot:
        snap = cls(store.review(review_id), store.findings(review_id), store.links(review_id),
                   store.evidence(review_id), workshop_date=store.workshop(review_id).date)
        snap._derive()
        return snap

    def reload_links(self, store: ReviewStore) -> None:
        self.links = store.links(self.review.id)
        self._derive_links()

    def reload_findings(self, store: ReviewStore) -> None:
        self.findings = store.findings(self.review.id)
        self._derive_links()

    def add_link(self, link: EvidenceLink) -> None:
        """A link the UI has just written to the store (cheaper than reading every link again)."""
        if not any(k.finding_id == link.finding_id and k.evidence_id == link.evidence_id for k in self.links):
            self.links.append(link)
            self._derive_links()

    def remove_link(self, finding_id: str, evidence_id: str) -> None:
        self.links = [k for k in self.links if not (k.finding_id == finding_id and k.evidence_id == evidence_id)]
        self._derive_links()

    def _derive(self) -> None:
        self.evidence_by_id = {e.id: e for e in self.evidence}
        self.show_day = self.review.end_date > self.review.start_date or len({e.day for e in self.evidence}) > 1
        self._derive_links()

    def _derive_links(self) -> None:
        live = {f.id: f for f in self.findings}
        self.linked = {}
        extra: dict[str, set[str]] = {}
        for link in self.links:
            finding = live.get(link.finding_id)
            if finding is None:
                continue
            ids = self.linked.setdefault(link.finding_id, [])
            if link.evidence_id not in ids:
                ids.append(link.evidence_id)
            item = self.evidence_by_id.get(link.evidence_id)
            if item is not None and finding.question_id not in item.question_ids:
                extra.setdefault(item.id, set()).add(finding.question_id)
        self.bearing = [replace(e, question_ids=e.question_ids + tuple(sorted(extra[e.id])))
                        if e.id in extra else e for e in self.evidence]

    # --- questions and findings -------------------------------------------------------------------
    @property
    def questions(self) -> list[EnquiryQuestion]:
        return sorted(self.review.questions, key=lambda q: (q.position, q.id))

    def question_number(self, question_id: str) -> int:
        for i, q in enumerate(self.questions, start=1):
            if q.id == question_id:
                return i
        return 0

    def findings_for(self, question_id: str) -> list[Finding]:
        return sorted((f for f in self.findings if f.question_id == question_id), key=lambda f: (f.position, f.id))

    def grouped(self, question_id: str) -> list[tuple[FindingKind, list[Finding]]]:
        found = self.findings_for(question_id)
        return [(kind, [f for f in found if f.kind == kind]) for kind in KIND_ORDER
                if any(f.kind == kind for f in found)]

    def finding(self, finding_id: str) -> Finding | None:
        return next((f for f in self.findings if f.id == finding_id), None)

    # --- support ------------------------------------------------------------------------------------
    def finding_support(self, finding: Finding) -> Support:
        return finding_support(finding, self.links, self.evidence_by_id)

    def question_support(self, question_id: str) -> Support:
        return question_support(question_id, self.bearing)

    def matrix(self) -> dict[str, dict[SourceKind, int]]:
        return matrix([q.id for q in self.questions], self.bearing)

    def linked_ids(self, finding_id: str) -> list[str]:
        return self.linked.get(finding_id, [])

    def linked_evidence(self, finding_id: str) -> list[Evidence]:
        """The linked records still present, in time order (deleted ones count in the support only)."""
        items = [self.evidence_by_id[i] for i in self.linked_ids(finding_id) if i in self.evidence_by_id]
        return sorted(items, key=lambda e: (e.day or _MIN, e.start or _MIN_T, e.kind.value, e.id))

    def evidence_for(self, question_id: str | None) -> list[Evidence]:
        if question_id is None:
            return list(self.evidence)
        return [e for e in self.bearing if question_id in e.question_ids]


# --- the evidence picker --------------------------------------------------------------------------
# Author before "Where / who" (which stretches), so two records of the same kind at the same time by two
# reviewers never look alike, however narrow the panel.
PICKER_COLUMNS = (QT_TRANSLATE_NOOP("FindingsModel", "Linked"), QT_TRANSLATE_NOOP("FindingsModel", "Time"),
                  QT_TRANSLATE_NOOP("FindingsModel", "Kind"), QT_TRANSLATE_NOOP("FindingsModel", "Author"),
                  QT_TRANSLATE_NOOP("FindingsModel", "Where / who"))
PICKER_AUTHOR = 3


class EvidencePickerModel(QAbstractTableModel):
    """Evidence rows; column 0 is checked when the record is linked to the selected finding."""

    link_toggled = Signal(str, bool)  # evidence id, linked

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[Evidence] = []
        self._cells: list[tuple[str, str, str, str]] = []
        self._tips: dict[int, str] = {}
        self._show_day = False
        self._linked: frozenset[str] = frozenset()
        self._enabled = False

    def set_rows(self, evidence: Sequence[Evidence], show_day: bool = False,
                 names: dict[str, str] | None = None) -> None:
        """`names`: team member id -> name, for the Author column."""
        names = names or {}
        self.beginResetModel()
        self._rows = list(evidence)
        self._cells = [(when_text(e, show_day), label(e.kind), names.get(e.author, ""), where_or_who(e))
                       for e in self._rows]
        self._tips = {}  # worked out when first asked for (hovering one row), not for all 500
        self._show_day = show_day
        self.endResetModel()

    def set_linked(self, evidence_ids: Iterable[str], enabled: bool = True) -> None:
        self._linked = frozenset(evidence_ids)
        self._enabled = enabled
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def is_linked(self, row: int) -> bool:
        return self._rows[row].id in self._linked

    def evidence_at(self, row: int) -> Evidence:
        return self._rows[row]

    def row_of(self, evidence_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == evidence_id), -1)

    # --- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(PICKER_COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if col == 0:
            linked = self._rows[row].id in self._linked
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if linked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return (translate("FindingsModel", "Linked") if linked
                        else translate("FindingsModel", "Not linked"))
            if role == Qt.ItemDataRole.ToolTipRole:
                return (translate("FindingsModel", "Linked to the selected finding") if linked
                        else translate("FindingsModel", "Tick to link to the selected finding"))
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cells[row][col - 1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cells[row][col - 1]  # the whole text of a cut cell; the full record is in the preview
        return None

    def preview(self, row: int) -> str:
        """Everything behind the record, for the picker's preview pane (the team's own page)."""
        if row not in self._tips:
            e = self._rows[row]
            author = self._cells[row][PICKER_AUTHOR - 1]
            head = f"{reference(e, self._show_day)} \u00b7 {author}" if author else reference(e, self._show_day)
            self._tips[row] = "\n\n".join([head, *reviewer_details(e)])
        return self._tips[row]

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if not self._enabled:
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.link_toggled.emit(self._rows[index.row()].id, bool(checked))
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0 and self._enabled:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("FindingsModel", PICKER_COLUMNS[section])
        return None

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [EVIDENCE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids: list[str] = []
        for index in indexes:
            eid = self._rows[index.row()].id
            if eid not in ids:
                ids.append(eid)
        data = QMimeData()
        data.setData(EVIDENCE_MIME, "\n".join(ids).encode())
        data.setText(translate("FindingsModel", "1 evidence record") if len(ids) == 1
                     else translate("FindingsModel", "{n} evidence records").format(n=len(ids)))
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.LinkAction | Qt.DropAction.CopyAction


def evidence_ids_from_mime(data: QMimeData) -> list[str]:
    if not data.hasFormat(EVIDENCE_MIME):
        return []
    raw = bytes(data.data(EVIDENCE_MIME).data()).decode("utf-8", "replace")
    return [line for line in raw.splitlines() if line.strip()]
