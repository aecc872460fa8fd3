"""A review's stage in the programme's cycle and what is overdue, computed from its dates and what its
merged state holds (findings, the summary, the workshop and check-in records). One small pure function,
to swap for stored stages if reviews ever carry them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

STAGES = ("pre_review", "review_day", "feedback", "workshop", "checkin", "closed")
PLAN_DUE_DAYS = 7  # the plan for the day should exist a week before it


@dataclass(frozen=True)
class Facts:
    """What the merged state says about a review (see outcome.facts)."""

    start: date
    end: date
    plan_slots: int = 0
    agreed_findings: int = 0
    priority: bool = False  # an improvement priority agreed (feedback conversation or workshop)
    workshop_date: date | None = None  # the improvement workshop's day, once planned
    checkin_date: date | None = None
    checkin_done: bool = False
    closed: bool = False  # the partnership closed it (spp-server admin close-review, or the retention purge)


def stage_of(facts: Facts, today: date) -> str:
    if facts.closed:
        return "closed"
    if today < facts.start:
        return "pre_review"
    if today <= facts.end:
        return "review_day"
    if facts.agreed_findings == 0:
        return "feedback"
    if facts.workshop_date is None or facts.workshop_date > today:
        return "workshop"  # until the improvement workshop has been held
    if not facts.checkin_done:
        return "checkin"
    return "closed"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter: 31 Jan + 1 = 28/29 Feb)."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # unreachable: every month has 28 days


def retention_date(facts: Facts, months: int) -> date:
    """Until when the review's evidence is kept: `months` after the check-in, or after its last day."""
    return add_months(facts.checkin_date or facts.end, months)


def overdue(facts: Facts, today: date) -> list[str]:
    """Codes of what is late: 'checkin' (a check-in past its date), 'plan' (no plan a week before)."""
    late = []
    if facts.checkin_date and facts.checkin_date < today and not facts.checkin_done:
        late.append("checkin")
    if facts.plan_slots == 0 and facts.start - timedelta(days=PLAN_DUE_DAYS) <= today <= facts.end:
        late.append("plan")
    return late
