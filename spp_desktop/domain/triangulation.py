"""Triangulation: which kinds of source stand behind each finding and each enquiry question."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .evidence import Evidence, EvidenceKind, SourceKind
from .findings import EvidenceLink, Finding
from .review import EnquiryQuestion


@dataclass(frozen=True)
class Support:
    """The evidence standing behind a finding or a question."""

    counts: Mapping[SourceKind, int]
    missing_evidence: int = 0  # links to evidence that has since been deleted

    @property
    def items(self) -> int:
        return sum(self.counts.values())

    @property
    def source_kinds(self) -> int:
        return sum(1 for n in self.counts.values() if n)

    @property
    def warning(self) -> str:
        if self.items == 0:
            return "No evidence linked yet."
        if self.source_kinds == 1:
            return "Rests on one kind of source only; look for a second (observation, voice, books, data)."
        return ""

    def describe(self) -> str:
        if not self.items:
            return "no evidence"
        parts = [f"{n} {kind.label.lower()}" for kind, n in self.counts.items() if n]
        return f"{self.items} item{'s' if self.items != 1 else ''} from {self.source_kinds} source kind{'s' if self.source_kinds != 1 else ''}: " + ", ".join(parts)


def _support(evidence: Iterable[Evidence | None]) -> Support:
    counts: Counter[SourceKind] = Counter({k: 0 for k in SourceKind})
    missing = 0
    for item in evidence:
        if item is None:
            missing += 1
        else:
            counts[item.source] += 1
    return Support(counts=dict(counts), missing_evidence=missing)


def finding_support(finding: Finding, links: Iterable[EvidenceLink], evidence_by_id: Mapping[str, Evidence]) -> Support:
    linked_ids = sorted({link.evidence_id for link in links if link.finding_id == finding.id})
    return _support(evidence_by_id.get(eid) for eid in linked_ids)


def question_support(question_id: str, evidence: Iterable[Evidence]) -> Support:
    return _support(e for e in evidence if question_id in e.question_ids)


def matrix(question_ids: Iterable[str], evidence: Iterable[Evidence]) -> dict[str, dict[SourceKind, int]]:
    """Enquiry questions x source kinds: how many evidence records of each kind bear on each question."""
    rows: dict[str, dict[SourceKind, int]] = {qid: {k: 0 for k in SourceKind} for qid in question_ids}
    for item in evidence:
        for qid in item.question_ids:
            if qid in rows:
                rows[qid][item.source] += 1
    return rows


def planned_sources(question: EnquiryQuestion) -> frozenset[SourceKind]:
    """The kinds of source the team planned for a question (from the evidence kinds chosen at the meeting)."""
    kinds = set()
    for value in question.planned_sources:
        try:
            kinds.add(EvidenceKind(value).source)
        except ValueError:
            continue
    return frozenset(kinds)


def coverage(questions: Iterable[EnquiryQuestion], evidence: Iterable[Evidence]) -> dict[str, dict[SourceKind, tuple[bool, int]]]:
    """For the midday huddle: per question and source kind, (planned?, records collected)."""
    questions = list(questions)
    counts = matrix([q.id for q in questions], evidence)
    return {q.id: {kind: (kind in planned_sources(q), n) for kind, n in counts[q.id].items()} for q in questions}
