"""What the documents are built from: the feedback summary (the review and what the feedback conversation
settled), and the workshop plan and check-in note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spp_desktop.domain.evidence import Evidence
from spp_desktop.domain.findings import AgreedAction, EvidenceLink, FeedbackOutcome, Finding
from spp_desktop.domain.improvement import CheckIn, RootCause, Workshop
from spp_desktop.domain.review import Review

NOTHING_TO_REPORT = (
    "There are no findings yet, so there is nothing to put in the feedback summary. Draft findings first."
)


class NothingToReport(Exception):
    """The review has no findings at all; an empty feedback summary would only confuse."""

    def __init__(self, message: str = NOTHING_TO_REPORT) -> None:
        super().__init__(message)


@dataclass(frozen=True)
class FeedbackReport:
    """Everything the feedback summary shows, as domain objects (the store builds it, the UI passes it on)."""

    review: Review
    findings: tuple[Finding, ...]
    links: tuple[EvidenceLink, ...]
    evidence: tuple[Evidence, ...]
    outcome: FeedbackOutcome
    actions: tuple[AgreedAction, ...]
    language: str = "en"
    workshop_date: date | None = None  # the improvement workshop's, once set: the check-in counts from it


@dataclass(frozen=True)
class ImprovementReport:
    """What the workshop plan and the check-in note PDFs are built from (reports/improvement_pdf.py)."""

    review: Review
    workshop: Workshop
    root_causes: tuple[RootCause, ...]
    findings: tuple[Finding, ...]
    actions: tuple[AgreedAction, ...]
    checkin: CheckIn
    language: str = "en"
