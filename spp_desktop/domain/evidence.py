"""Evidence records collected on review day.

Every kind shares a header (who, when, which enquiry questions, tags, notes) and adds its own fields.
`notes` is shared with the headteacher in summary form; `reviewer_notes` never leaves the review team.

This module is also the one registry of evidence kinds (`KINDS`, `FAMILIES` at the end): each kind's value,
label, family (the record class and the fields its form asks for), source kind for triangulation, icon, the
plan activities that start it and its "New …" actions. The capture forms, the evidence list, the plan, the
main window, the feedback summary, the translation catalogue (ui/domain_strings.py) and the package JSON
Schema (scripts/package_schema.py) read it. The protocol keeps its own copy of the kind values and field
types in sync/protocol/schema.py (it is the wire contract with servers and imports nothing of ours);
tests/unit/test_evidence_kinds.py fails when the two disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from enum import StrEnum
from typing import Any, Literal


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
        return KIND[self].label

    @property
    def source(self) -> SourceKind:
        return KIND[self].source

    @property
    def family(self) -> Family:
        return KIND[self].family


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


# --- the registry of evidence kinds -----------------------------------------------------------------
# To add a kind: a member of EvidenceKind above and a Kind in KINDS below (with a new Family, if its
# record has fields of its own: a record class above, its fields here). Then add the value to
# sync/protocol/schema.py (EVIDENCE_KINDS, and new fields to ENTITIES["evidence"]), run
# scripts/package_schema.py and scripts/update_translations.sh, and give the Welsh words. The tests
# in tests/unit/test_evidence_kinds.py say what is missing.

Editor = Literal["line", "text", "int", "choice"]
LINE: Editor = "line"
TEXT: Editor = "text"
INT: Editor = "int"
CHOICE: Editor = "choice"
BIG_TEXT_LINES = 7
SMALL_TEXT_LINES = 4


@dataclass(frozen=True)
class KindField:
    """A field of a family's records: how its form asks for it and what the package schema says of it.

    `label` and `placeholder` are English and translated in the Qt context "CaptureForm"."""

    name: str
    label: str
    editor: Editor = LINE
    placeholder: str = ""
    about: str = ""  # what it holds, for docs/review-package.schema.json
    lines: int = SMALL_TEXT_LINES  # visible lines of a text area
    minimum: int = 0
    maximum: int = 999
    choices: tuple[tuple[str, str], ...] = ()  # (value, label); labels translated in the context "Domain"

    @property
    def is_int(self) -> bool:
        return self.editor == INT


@dataclass(frozen=True)
class Family:
    """Kinds that share a record class and a form; the reviewer can switch kind within a family."""

    key: str
    record: type[Evidence]
    fields: tuple[KindField, ...]
    photos: bool = False  # the form offers photos of pupils' work
    main_text: str = ""  # the field holding the record's main text (the list's snippet), else the notes
    location_field: str = ""  # where a schedule slot's class or room goes in a new record
    # The fields the feedback summary may show beside the kind (privacy: where, never who taught or what
    # was noted). Interview and BookScrutiny records are worded by reports/summary.py itself.
    reference: tuple[str, ...] = ()

    @property
    def kinds(self) -> tuple[EvidenceKind, ...]:
        return tuple(k.kind for k in KINDS if k.family is self)


@dataclass(frozen=True)
class NewAction:
    """A "New …" action of the main window (toolbar and Review menu), in the context "MainWindow"."""

    text: str  # with its mnemonic, e.g. "New &observation"
    shortcut: str = ""


@dataclass(frozen=True)
class Kind:
    kind: EvidenceKind
    label: str  # English; translated in the context "Domain" (on screen and in the PDFs)
    family: Family
    source: SourceKind
    icon: str  # a resources/icons name
    activity_words: tuple[str, ...] = ()  # plan activities, besides its value and label, that start it
    defaults: tuple[tuple[str, Any], ...] = ()  # what a new record starts with, beyond the class defaults
    new_action: NewAction | None = None
    start_choice: str = ""  # its button on an empty evidence page, in the context "EvidencePage"


OBSERVATION_FAMILY = Family("observation", Observation, (
    KindField("class_name", "Class or year group", placeholder="e.g. Year 4 (Oak class)",
              about='class or year group, e.g. "Year 4 (Oak class)".'),
    KindField("subject", "Subject or activity", placeholder="e.g. English: whole-class reading",
              about="the subject."),
    KindField("staff", "Staff (role or initials only)", placeholder="e.g. Class teacher (JB)",
              about='staff by role or initials only, e.g. "Class teacher (RM)".'),
    KindField("seen", "What was seen", TEXT, "What pupils and adults did and said, as you saw it",
              about="what was seen.", lines=BIG_TEXT_LINES),
    KindField("pupil_voice", "Pupil voice", TEXT, "What pupils said, in their words",
              about="what pupils said, without names."),
), photos=True, main_text="seen", location_field="class_name", reference=("class_name", "subject"))

INTERVIEW_FAMILY = Family("interview", Interview, (
    KindField("participants", "Who with", CHOICE, choices=tuple((p.value, p.label) for p in Participants),
              about="who with; the app uses staff, pupils, parents, governors or leaders."),
    KindField("role", "Role (never a name)", placeholder="e.g. SENCo, English lead, Year 6 pupils",
              about='the role(s) of those interviewed, never a name, e.g. "SENCo".'),
    KindField("participant_count", "Number of people", INT, minimum=1, maximum=500,
              about="how many people took part."),
    KindField("prompts", "Questions asked and what was said", TEXT,
              "The questions you asked and the answers, in their words", about="the questions asked.",
              lines=BIG_TEXT_LINES),
), main_text="prompts")

BOOK_SCRUTINY_FAMILY = Family("book_scrutiny", BookScrutiny, (
    KindField("year_group", "Year group or class", placeholder="e.g. Year 5", about="the year group(s)."),
    KindField("subject", "Subject", placeholder="e.g. English", about="the subject."),
    KindField("book_count", "Books looked at", INT, minimum=0, maximum=1000,
              about="how many books were looked at."),
    KindField("sample", "Sample", placeholder="e.g. disadvantaged pupils, SEND, a range of attainment",
              about='how the sample was made up, e.g. "disadvantaged, SEND".'),
    KindField("looked_at", "What the scrutiny looked at", TEXT, "What you looked for and what the books showed",
              about="what the scrutiny looked at.", lines=BIG_TEXT_LINES),
), photos=True, main_text="looked_at", location_field="year_group")

OTHER_FAMILY = Family("other", OtherEvidence, (
    KindField("title", "Title", placeholder="e.g. Autumn reading assessment", about="its title."),
    KindField("source_detail", "Where it came from", placeholder="e.g. provided by the English lead",
              about='where it came from, e.g. "Autumn assessment data".'),
    KindField("content", "What it shows", TEXT,
              "The figures, answers or passages that bear on the enquiry questions",
              about="what it shows (the record's main text).", lines=BIG_TEXT_LINES),
), main_text="content", location_field="source_detail", reference=("title",))

FAMILIES: tuple[Family, ...] = (OBSERVATION_FAMILY, INTERVIEW_FAMILY, BOOK_SCRUTINY_FAMILY, OTHER_FAMILY)

FOCUS_GROUP_SIZE = 6  # "several": a typical pupil focus group

# In this order in menus, filters and lists.
KINDS: tuple[Kind, ...] = (
    Kind(EvidenceKind.OBSERVATION, "Lesson observation", OBSERVATION_FAMILY, SourceKind.OBSERVATION, "observation",
         activity_words=("lesson observation", "observation"),
         new_action=NewAction("New &observation", "Ctrl+Shift+O"), start_choice="New observation"),
    Kind(EvidenceKind.LEARNING_WALK, "Learning walk", OBSERVATION_FAMILY, SourceKind.OBSERVATION, "observation"),
    Kind(EvidenceKind.INTERVIEW, "Interview", INTERVIEW_FAMILY, SourceKind.VOICE, "interview",
         new_action=NewAction("New &interview", "Ctrl+Shift+I"), start_choice="New interview"),
    Kind(EvidenceKind.FOCUS_GROUP, "Focus group", INTERVIEW_FAMILY, SourceKind.VOICE, "interview",
         activity_words=("pupil voice",),
         defaults=(("participants", Participants.PUPILS.value), ("participant_count", FOCUS_GROUP_SIZE))),
    Kind(EvidenceKind.BOOK_SCRUTINY, "Book scrutiny", BOOK_SCRUTINY_FAMILY, SourceKind.BOOK_SCRUTINY, "book",
         activity_words=("book look", "work scrutiny"),
         new_action=NewAction("New &book scrutiny", "Ctrl+Shift+B"), start_choice="New book scrutiny"),
    Kind(EvidenceKind.DATA_REVIEW, "Data review", OTHER_FAMILY, SourceKind.DATA, "other", activity_words=("data",),
         start_choice="Other evidence"),
    # a pupil survey is pupil voice (with a data review: two kinds)
    Kind(EvidenceKind.SURVEY, "Survey", OTHER_FAMILY, SourceKind.VOICE, "other"),
    Kind(EvidenceKind.DOCUMENT, "Document", OTHER_FAMILY, SourceKind.DATA, "other",
         activity_words=("documents", "document review")),
)
KIND: dict[EvidenceKind, Kind] = {k.kind: k for k in KINDS}

EVIDENCE_CLASS: dict[EvidenceKind, type[Evidence]] = {k.kind: k.family.record for k in KINDS}

# Fields holding free text a reviewer typed (privacy tests and search use this).
TEXT_FIELDS = frozenset({"notes", "reviewer_notes"} | {f.name for family in FAMILIES for f in family.fields
                                                        if not f.is_int})


def family_of(kind: EvidenceKind) -> Family:
    return KIND[kind].family


def new_record_defaults(kind: EvidenceKind) -> dict[str, Any]:
    """What a new record of this kind starts with (a focus group: several pupils)."""
    return dict(KIND[kind].defaults)


def defaults_for_kind_change(new_kind: EvidenceKind, values: dict[str, Any]) -> dict[str, Any]:
    """Switching kind within a family: move the untouched defaults of the old kind along to the new kind's
    (interview <-> focus group: 1 member of staff <-> several pupils); anything the reviewer chose stays."""
    family = family_of(new_kind)
    names = list(dict.fromkeys(name for kind in family.kinds for name, _value in KIND[kind].defaults))
    if not names:
        return {}

    def starts(kind: EvidenceKind) -> dict[str, Any]:
        own = dict(KIND[kind].defaults)
        blank = family.record(id="", kind=kind)
        return {name: own.get(name, getattr(blank, name)) for name in names}

    target = starts(new_kind)
    current = {name: values.get(name) for name in names}
    if current != target and any(current == starts(kind) for kind in family.kinds if kind is not new_kind):
        return target
    return {}


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
