"""After the review day: the pre-review meeting record, the improvement workshop and the 90-day check-in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .findings import CHECKIN_DAYS

Day = date  # the fields below are called `date`: this name keeps the type reachable inside the classes
CHECKIN_AFTER = timedelta(days=CHECKIN_DAYS)  # the programme counts 90 days from the workshop


class ActionProgress(StrEnum):
    """Progress on an action in neutral words: no grades, no red/amber/green."""

    NOT_STARTED = "not_started"
    UNDER_WAY = "under_way"
    DONE = "done"
    CHANGED_COURSE = "changed_course"

    @property
    def label(self) -> str:
        return {
            ActionProgress.NOT_STARTED: "Not started",
            ActionProgress.UNDER_WAY: "Under way",
            ActionProgress.DONE: "Done",
            ActionProgress.CHANGED_COURSE: "Changed course",
        }[self]


# Who takes part in the meetings, by role (not by name: the record travels to the partnership).
PARTICIPANT_ROLES = ("headteacher", "deputy_headteacher", "senior_leader", "subject_leader", "senco",
                     "class_teacher", "teaching_assistant", "governor", "lead_reviewer", "reviewer",
                     "improvement_champion")


@dataclass(frozen=True)
class PreReviewMeeting:
    date: date | None = None
    participants: tuple[str, ...] = ()  # PARTICIPANT_ROLES values
    self_review_summary: str = ""  # what the school shares of its self-review
    self_review_document: str = ""  # attachment id of the document the school shared
    notes: str = ""


@dataclass(frozen=True)
class RootCause:
    id: str
    finding_id: str  # the area to develop it explains
    text: str = ""
    position: int = 0


@dataclass(frozen=True)
class Workshop:
    date: date | None = None
    champion_id: str = ""  # team member id of the Improvement Champion
    participants: tuple[str, ...] = ()
    improvement_priority: str = ""  # carried from the feedback conversation, editable here
    notes: str = ""

    @property
    def default_checkin(self) -> Day | None:
        return self.date + CHECKIN_AFTER if self.date else None


@dataclass(frozen=True)
class CheckIn:
    date: date | None = None
    pupil_changes: str = ""  # what has changed for pupils
    next_steps: str = ""


class Stage(StrEnum):
    """Where a review is in the programme's cycle (the same codes as the server's web console)."""

    PLANNING = "pre_review"
    REVIEW_DAY = "review_day"
    FEEDBACK = "feedback"
    WORKSHOP = "workshop"
    CHECKIN = "checkin"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            Stage.PLANNING: "Planning",
            Stage.REVIEW_DAY: "Review day",
            Stage.FEEDBACK: "Feedback",
            Stage.WORKSHOP: "Improvement workshop",
            Stage.CHECKIN: "90-day check-in",
            Stage.CLOSED: "Closed",
        }[self]


def review_stage(start: date, end: date, today: date, *, priority_agreed: bool, workshop: Workshop,
                 checkin_done: bool) -> Stage:
    """Planning until the review day; then feedback until the improvement priority is agreed; the workshop
    until it has been held; the check-in until it is recorded; then closed."""
    if today < start:
        return Stage.PLANNING
    if today <= end:
        return Stage.REVIEW_DAY
    if not priority_agreed:
        return Stage.FEEDBACK
    if workshop.date is None or today < workshop.date:
        return Stage.WORKSHOP
    if not checkin_done:
        return Stage.CHECKIN
    return Stage.CLOSED


RETENTION_MONTHS = 12  # the server's default (SPP_SERVER_RETENTION_MONTHS); its purge is what applies


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day (31 January + 1 month = 28 February)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def keep_until(end: date, checkin: date | None, months: int = RETENTION_MONTHS) -> date:
    """Until when the review's evidence is kept: `months` after the check-in, else after its last day."""
    return add_months(checkin or end, months)
