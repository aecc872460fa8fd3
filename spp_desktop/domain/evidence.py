"""Evidence records collected on review day.

Every kind shares a header (who, when, which enquiry questions, tags, notes) and adds its own fields.
`notes` is shared with the headteacher in summary form; `reviewer_notes` never leaves the review team.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from enum import StrEnum
from typing import Any


class EvidenceKind(StrEnum):
    OBSERVATION = "observation"
    LEARNING_WALK = "learning_walk"
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus_group"
    BOOK_SCRUTINY = "book_scrutiny"
    DATA_REVIEW = "data_review"
    SURVEY = "survey"
    DOCUMENT = "document"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def source(self) -> SourceKind:
        return _KIND_SOURCE[self]


class SourceKind(StrEnum):
    """The kinds of source that count for triangulation."""

    OBSERVATION = "observation"  # lesson observations and learning walks
    VOICE = "voice"  # interviews, focus groups and surveys: what pupils, staff or parents say
    BOOK_SCRUTINY = "book_scrutiny"
    DATA = "data"  # data review, documents

    @property
    def label(self) -> str:
        return {
            SourceKind.OBSERVATION: "Observation",
            SourceKind.VOICE: "Interview / focus group / survey",
            SourceKind.BOOK_SCRUTINY: "Book scrutiny",
            SourceKind.DATA: "Data / document",
        }[self]


_KIND_LABELS = {
    EvidenceKind.OBSERVATION: "Lesson observation",
    EvidenceKind.LEARNING_WALK: "Learning walk",
    EvidenceKind.INTERVIEW: "Interview",
    EvidenceKind.FOCUS_GROUP: "Focus group",
    EvidenceKind.BOOK_SCRUTINY: "Book scrutiny",
    EvidenceKind.DATA_REVIEW: "Data review",
    EvidenceKind.SURVEY: "Survey",
    EvidenceKind.DOCUMENT: "Document",
}
_KIND_SOURCE = {
    EvidenceKind.OBSERVATION: SourceKind.OBSERVATION,
    EvidenceKind.LEARNING_WALK: SourceKind.OBSERVATION,
    EvidenceKind.INTERVIEW: SourceKind.VOICE,
    EvidenceKind.FOCUS_GROUP: SourceKind.VOICE,
    EvidenceKind.BOOK_SCRUTINY: SourceKind.BOOK_SCRUTINY,
    EvidenceKind.DATA_REVIEW: SourceKind.DATA,
    EvidenceKind.SURVEY: SourceKind.VOICE,  # a pupil survey is pupil voice (with a data review: two kinds)
    EvidenceKind.DOCUMENT: SourceKind.DATA,
}


class Participants(StrEnum):
    """Who an interview or focus group was with."""

    STAFF = "staff"
    PUPILS = "pupils"
    PARENTS = "parents"
    GOVERNORS = "governors"
    LEADERS = "leaders"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True)
class Evidence:
    """Fields every evidence record has."""

    id: str
    kind: EvidenceKind
    author: str = ""  # team member id of the reviewer who collected it
    day: date | None = None
    start: time | None = None
    end: time | None = None
    question_ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    reviewer_notes: str = ""  # reviewer-only: never shown to the head, never in the PDF
    attachment_ids: tuple[str, ...] = ()
    slot_id: str = ""

    @property
    def source(self) -> SourceKind:
        return self.kind.source

    @property
    def where_or_who(self) -> str:
        return ""

    def searchable_text(self) -> str:
        parts: list[str] = []
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str):
                parts.append(value)
            elif isinstance(value, tuple):
                parts.extend(v for v in value if isinstance(v, str))
        return "\n".join(parts)

    def with_changes(self, **changes: Any) -> Evidence:
        return replace(self, **changes)


@dataclass(frozen=True)
class Observation(Evidence):
    """A lesson observation or a learning walk (several short classroom visits)."""

    kind: EvidenceKind = EvidenceKind.OBSERVATION
    class_name: str = ""  # class or year group, e.g. "Year 4 (Oak)"
    subject: str = ""
    staff: str = ""  # role or initials only, e.g. "Class teacher (JB)"
    seen: str = ""  # what was seen
    pupil_voice: str = ""

    @property
    def where_or_who(self) -> str:
        return ", ".join(p for p in (self.class_name, self.subject) if p)


@dataclass(frozen=True)
class Interview(Evidence):
    """An interview or a focus group with staff, pupils, parents or governors."""

    kind: EvidenceKind = EvidenceKind.INTERVIEW
    participants: str = Participants.STAFF.value
    participant_count: int = 1
    prompts: str = ""
    role: str = ""  # the role(s) of those interviewed, never a name: e.g. "SENCo", "English lead"

    @property
    def where_or_who(self) -> str:
        label = Participants(self.participants).label if self.participants in Participants._value2member_map_ else self.participants
        if self.role:
            label = f"{label}: {self.role}"
        return f"{label} ({self.participant_count})" if self.participant_count else label


@dataclass(frozen=True)
class BookScrutiny(Evidence):
    kind: EvidenceKind = EvidenceKind.BOOK_SCRUTINY
    year_group: str = ""
    subject: str = ""
    book_count: int = 0
    sample: str = ""  # e.g. "disadvantaged, SEND"
    looked_at: str = ""  # what the scrutiny looked at

    @property
    def where_or_who(self) -> str:
        books = f"{self.book_count} books" if self.book_count else ""
        return ", ".join(p for p in (self.year_group, self.subject, books) if p)


@dataclass(frozen=True)
class OtherEvidence(Evidence):
    """A data review, a survey or a document."""

    kind: EvidenceKind = EvidenceKind.DATA_REVIEW
    title: str = ""
    source_detail: str = ""  # where it came from, e.g. "Autumn assessment data"
    content: str = ""  # what the data, survey or document shows: the main text of the record

    @property
    def where_or_who(self) -> str:
        return self.title


EVIDENCE_CLASS: dict[EvidenceKind, type[Evidence]] = {
    EvidenceKind.OBSERVATION: Observation,
    EvidenceKind.LEARNING_WALK: Observation,
    EvidenceKind.INTERVIEW: Interview,
    EvidenceKind.FOCUS_GROUP: Interview,
    EvidenceKind.BOOK_SCRUTINY: BookScrutiny,
    EvidenceKind.DATA_REVIEW: OtherEvidence,
    EvidenceKind.SURVEY: OtherEvidence,
    EvidenceKind.DOCUMENT: OtherEvidence,
}

# Fields holding free text a reviewer typed (privacy tests and search use this).
TEXT_FIELDS = frozenset(
    {"notes", "reviewer_notes", "class_name", "subject", "staff", "seen", "pupil_voice", "prompts",
     "year_group", "sample", "looked_at", "title", "source_detail", "participants", "role", "content"}
)


def new_evidence(kind: EvidenceKind, evidence_id: str, **values: Any) -> Evidence:
    cls = EVIDENCE_CLASS[kind]
    return cls(id=evidence_id, kind=kind, **values)


@dataclass(frozen=True)
class Attachment:
    """A photo of pupils' work. The bytes live encrypted in the store; this is its description."""

    id: str
    evidence_id: str
    sha256: str
    size: int
    media_type: str = "image/jpeg"
    caption: str = ""
    width: int = 0
    height: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False)
