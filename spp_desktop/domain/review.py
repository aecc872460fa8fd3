"""The review being carried out: host school, focus, enquiry questions, schedule and team."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum


class Role(StrEnum):
    LEAD_REVIEWER = "lead_reviewer"
    REVIEWER = "reviewer"
    HEADTEACHER = "headteacher"
    IMPROVEMENT_CHAMPION = "improvement_champion"

    @property
    def label(self) -> str:
        return {
            Role.LEAD_REVIEWER: "Lead reviewer",
            Role.REVIEWER: "Reviewer",
            Role.HEADTEACHER: "Headteacher",
            Role.IMPROVEMENT_CHAMPION: "Improvement Champion",
        }[self]


@dataclass(frozen=True)
class TeamMember:
    id: str
    name: str
    role: Role
    school: str = ""

    @property
    def is_reviewer(self) -> bool:
        return self.role in (Role.LEAD_REVIEWER, Role.REVIEWER)


@dataclass(frozen=True)
class Focus:
    title: str
    description: str = ""


@dataclass(frozen=True)
class EnquiryQuestion:
    id: str
    text: str
    position: int = 0
    theme: str = ""  # from the enquiry-framework library, e.g. "Curriculum"
    retired: bool = False  # kept (evidence may point at it) but no longer asked
    planned_sources: tuple[str, ...] = ()  # EvidenceKind values the team means to gather


@dataclass(frozen=True)
class ScheduleSlot:
    """One planned activity on a review day, e.g. 09:15 observation in Year 4."""

    id: str
    day: date
    start: time
    end: time
    activity: str  # an EvidenceKind value, e.g. "observation", or free text such as "Pre-brief"
    location: str = ""  # class, year group or room
    notes: str = ""
    reviewer_ids: tuple[str, ...] = ()
    position: int = 0
    group_name: str = ""  # the class or group seen, e.g. "Year 4 readers"
    host_staff: str = ""  # the host school's member of staff who joins the activity
    question_ids: tuple[str, ...] = ()  # the enquiry questions it serves

    def contains(self, day: date, moment: time) -> bool:
        return self.day == day and self.start <= moment < self.end


@dataclass(frozen=True)
class Review:
    id: str
    host_school: str
    start_date: date
    end_date: date
    focus: Focus
    partnership: str = ""
    headteacher: str = ""
    questions: tuple[EnquiryQuestion, ...] = ()  # the questions still asked, in order
    retired_questions: tuple[EnquiryQuestion, ...] = ()
    schedule: tuple[ScheduleSlot, ...] = ()
    team: tuple[TeamMember, ...] = ()

    @property
    def lead_reviewer(self) -> TeamMember | None:
        return next((m for m in self.team if m.role == Role.LEAD_REVIEWER), None)

    @property
    def reviewers(self) -> tuple[TeamMember, ...]:
        return tuple(m for m in self.team if m.is_reviewer)

    def question(self, question_id: str) -> EnquiryQuestion | None:
        return next((q for q in self.questions + self.retired_questions if q.id == question_id), None)

    def member(self, member_id: str) -> TeamMember | None:
        return next((m for m in self.team if m.id == member_id), None)

    def slots_on(self, day: date) -> tuple[ScheduleSlot, ...]:
        return tuple(sorted((s for s in self.schedule if s.day == day), key=lambda s: (s.start, s.position)))

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(sorted({s.day for s in self.schedule} | {self.start_date}))


@dataclass(frozen=True)
class ReviewSummary:
    """A line on the home screen: one review held on this laptop."""

    id: str
    host_school: str
    start_date: date
    end_date: date
    focus: str
    unsynced_changes: int = 0
    evidence_count: int = 0
    last_synced_ms: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
