"""What goes into the feedback summary, worked out from the domain objects (no layout here).

Privacy rule: evidence is shown only by its time, its kind and where or with whom it was collected
(class, year group, subject, participants, number of books, title). Never its notes, reviewer-only notes,
the staff field or anything else a reviewer typed about people.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time

from spp_desktop.domain.evidence import (
    KIND,
    BookScrutiny,
    Evidence,
    Interview,
    Participants,
    SourceKind,
)
from spp_desktop.domain.findings import EvidenceLink, Finding, FindingKind, FindingStatus
from spp_desktop.domain.review import EnquiryQuestion
from spp_desktop.domain.triangulation import finding_support

from .labels import Labels
from .model import FeedbackReport, NothingToReport

KIND_ORDER = (FindingKind.STRENGTH, FindingKind.AREA_TO_DEVELOP, FindingKind.QUESTION_TO_EXPLORE)
SOURCE_ORDER = tuple(SourceKind)


@dataclass(frozen=True)
class EvidenceSummary:
    """The evidence behind one finding, as the headteacher may see it."""

    items: int
    source_kinds: int
    counts: tuple[tuple[SourceKind, int], ...]  # non-zero counts, in a fixed order
    references: tuple[tuple[str, tuple[str, ...]], ...]  # (day label or "", "09:15 Lesson observation, Year 4", ...)
    missing: int  # links to evidence that has since been deleted


@dataclass(frozen=True)
class FindingEntry:
    number: str  # "2.3": question 2, third agreed finding
    finding: Finding
    evidence: EvidenceSummary


@dataclass(frozen=True)
class QuestionSection:
    number: int | None  # None for findings whose enquiry question no longer exists
    question: EnquiryQuestion | None
    groups: tuple[tuple[FindingKind, tuple[FindingEntry, ...]], ...]  # only kinds with agreed findings
    to_explore: tuple[Finding, ...]  # raised in the conversation, not agreed: to explore further
    drafts_left_out: int


def _clock(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _where_or_who(item: Evidence, labels: Labels) -> tuple[str, str]:
    """(detail, separator): where or with whom, never who taught or what was noted. Interviews and book
    scrutinies are worded here; any other record shows its family's `reference` fields (the registry's)."""
    if isinstance(item, BookScrutiny):
        place = ", ".join(p.strip() for p in (item.year_group, item.subject) if p.strip())
        books = labels.books(item.book_count) if item.book_count > 0 else ""
        if place and books:
            return f"{place} ({books})", ", "
        return place or books, ", "
    if isinstance(item, Interview):
        raw = (item.participants or "").strip()
        who = labels.get(f"who_{raw}", raw) if raw in Participants._value2member_map_ else raw
        if not who:
            return "", ""
        if item.participant_count and item.participant_count > 1:
            who = f"{who} ({item.participant_count})"
        return labels.fmt("with_who", who=who), " "
    spec = KIND.get(item.kind)
    names = spec.family.reference if spec is not None else ()
    return ", ".join(text for text in (str(getattr(item, name, "") or "").strip() for name in names) if text), ", "


def evidence_reference(item: Evidence, labels: Labels) -> str:
    """One evidence record as a short, name-free reference: "09:15 Lesson observation, Year 4"."""
    when = []
    if item.start is not None:
        when.append(_clock(item.start))
    what = labels.domain(item.kind.label)
    detail, separator = _where_or_who(item, labels)
    if detail:
        what = f"{what}{separator}{detail}"
    return " ".join([*when, what])


def _reference_key(item: Evidence) -> tuple[date, time, str, str]:
    return (item.day or date.max, item.start or time.max, item.kind.value, item.id)


def summarise_evidence(
    finding: Finding,
    links: Sequence[EvidenceLink],
    evidence_by_id: Mapping[str, Evidence],
    labels: Labels,
    *,
    show_day: bool,
) -> EvidenceSummary:
    """Counts by source kind (domain triangulation rules) and time-ordered references for one finding."""
    linked_ids = sorted({link.evidence_id for link in links if link.finding_id == finding.id})
    support = finding_support(finding, links, evidence_by_id)
    present = sorted((evidence_by_id[eid] for eid in linked_ids if eid in evidence_by_id), key=_reference_key)
    counts = tuple((k, support.counts.get(k, 0)) for k in SOURCE_ORDER if support.counts.get(k, 0))
    by_day: dict[str, list[str]] = {}
    for e in present:
        day = labels.day_month(e.day) if show_day and e.day is not None else ""
        by_day.setdefault(day, []).append(evidence_reference(e, labels))
    return EvidenceSummary(
        items=support.items,
        source_kinds=support.source_kinds,
        counts=counts,
        references=tuple((day, tuple(refs)) for day, refs in by_day.items()),
        missing=support.missing_evidence,
    )


def _spans_several_days(report: FeedbackReport) -> bool:
    if report.review.end_date > report.review.start_date:
        return True
    return len({e.day for e in report.evidence if e.day is not None}) > 1


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.position, f.id))


def build_sections(report: FeedbackReport, labels: Labels) -> tuple[QuestionSection, ...]:
    """One section per enquiry question (position order), plus one for findings whose question is gone."""
    if not report.findings:
        raise NothingToReport()
    evidence_by_id = {e.id: e for e in report.evidence}
    links_by_finding: dict[str, list[EvidenceLink]] = {}
    for link in report.links:
        links_by_finding.setdefault(link.finding_id, []).append(link)
    show_day = _spans_several_days(report)

    questions = sorted(report.review.questions, key=lambda q: (q.position, q.id))
    known = {q.id for q in questions}
    by_question: dict[str | None, list[Finding]] = {q.id: [] for q in questions}
    for f in report.findings:
        by_question.setdefault(f.question_id if f.question_id in known else None, []).append(f)

    slots: list[tuple[int | None, EnquiryQuestion | None, list[Finding]]] = [
        (i, q, by_question[q.id]) for i, q in enumerate(questions, start=1)
    ]
    if by_question.get(None):
        slots.append((None, None, by_question[None]))

    sections = []
    for number, question, findings in slots:
        ordered = _ordered(findings)
        agreed = [f for f in ordered if f.status.is_agreed]
        counter = 0
        groups = []
        for kind in KIND_ORDER:
            entries = []
            for f in (f for f in agreed if f.kind == kind):
                counter += 1
                label = f"{number}.{counter}" if number is not None else str(counter)
                summary = summarise_evidence(
                    f, links_by_finding.get(f.id, []), evidence_by_id, labels, show_day=show_day
                )
                entries.append(FindingEntry(label, f, summary))
            if entries:
                groups.append((kind, tuple(entries)))
        sections.append(
            QuestionSection(
                number=number,
                question=question,
                groups=tuple(groups),
                to_explore=tuple(f for f in ordered if f.status == FindingStatus.TO_EXPLORE),
                drafts_left_out=sum(1 for f in ordered if f.status == FindingStatus.DRAFT),
            )
        )
    return tuple(sections)
