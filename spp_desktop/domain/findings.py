"""Findings, their links to evidence, the feedback outcome and agreed actions. No grades anywhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

CHECKIN_DAYS = 90  # the programme dates the check-in this many days after the improvement workshop


class FindingKind(StrEnum):
    STRENGTH = "strength"
    AREA_TO_DEVELOP = "area_to_develop"
    QUESTION_TO_EXPLORE = "question_to_explore"

    @property
    def label(self) -> str:
        return {
            FindingKind.STRENGTH: "Strength",
            FindingKind.AREA_TO_DEVELOP: "Area to develop",
            FindingKind.QUESTION_TO_EXPLORE: "Question to explore further",
        }[self]


class FindingStatus(StrEnum):
    DRAFT = "draft"
    AGREED = "agreed"
    AMENDED = "amended"  # agreed after editing in the feedback conversation
    TO_EXPLORE = "to_explore"  # not agreed; to explore further

    @property
    def label(self) -> str:
        return {
            FindingStatus.DRAFT: "Draft",
            FindingStatus.AGREED: "Agreed",
            FindingStatus.AMENDED: "Agreed as amended",
            FindingStatus.TO_EXPLORE: "To explore further",
        }[self]

    @property
    def is_agreed(self) -> bool:
        return self in (FindingStatus.AGREED, FindingStatus.AMENDED)


@dataclass(frozen=True)
class Finding:
    id: str
    question_id: str
    kind: FindingKind
    text: str = ""
    status: FindingStatus = FindingStatus.DRAFT
    head_comment: str = ""
    reviewer_notes: str = ""  # reviewer-only
    author: str = ""
    position: int = 0


@dataclass(frozen=True)
class EvidenceLink:
    id: str
    finding_id: str
    evidence_id: str


@dataclass(frozen=True)
class AgreedAction:
    """An action: proposed in the feedback conversation, planned in the improvement workshop."""

    id: str
    text: str
    owner: str = ""  # a role, e.g. "English lead"
    due: date | None = None  # by when
    position: int = 0
    start: date | None = None
    support_school: str = ""  # the partner school brokered to support it
    progress: str = ""  # an ActionProgress value, set at the 90-day check-in
    progress_note: str = ""


@dataclass(frozen=True)
class FeedbackOutcome:
    """What the feedback conversation settled beyond the findings."""

    improvement_priority: str = ""
    next_steps: str = ""
    checkin_date: date | None = None  # the 90-day check-in
    head_comment: str = ""  # overall comment from the headteacher


def suggested_checkin(review_start: date, workshop_day: date | None = None) -> date:
    """The 90-day check-in date offered until one is agreed (the screen, Present and the PDF all use it):
    90 days after the improvement workshop once it is dated, else 90 days after the review as a first guess."""
    return (workshop_day or review_start) + timedelta(days=CHECKIN_DAYS)


def checkin_or_suggested(outcome: FeedbackOutcome, review_start: date,
                         workshop_day: date | None = None) -> tuple[date, bool]:
    """The check-in date to show, and whether it is only the suggestion (no date agreed yet)."""
    if outcome.checkin_date is not None:
        return outcome.checkin_date, False
    return suggested_checkin(review_start, workshop_day), True


@dataclass(frozen=True)
class Release:
    """What the lead releases of the outcome to the partnership (its web console), with the head's consent.
    Nothing is released without consent; reviewer-only notes and evidence never are."""

    findings: bool = False  # the agreed findings
    priority: bool = False  # the improvement priority
    actions: bool = False
    checkin: bool = False  # the check-in and its progress
    head_consent: bool = False
    consent_date: date | None = None

    @property
    def released(self) -> bool:
        return self.head_consent and (self.findings or self.priority or self.actions or self.checkin)
