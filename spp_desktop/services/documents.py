"""What a review's documents are made from, gathered from the store once for the UI, the CLI and the
export a closed review offers: the feedback summary, the workshop plan and the check-in note.

The renderers (reports/feedback_pdf.py, reports/improvement_pdf.py) import reportlab, which takes about
120 ms: callers import them when a document is made, never at start-up.
"""

from __future__ import annotations

from spp_desktop.reports.model import FeedbackReport, ImprovementReport
from spp_desktop.store.repository import ReviewStore


def feedback_report(store: ReviewStore, review_id: str, *, language: str = "en") -> FeedbackReport:
    return FeedbackReport(
        review=store.review(review_id),
        findings=tuple(store.findings(review_id)),
        links=tuple(store.links(review_id)),
        evidence=tuple(store.evidence(review_id)),
        outcome=store.outcome(review_id),
        actions=tuple(store.actions(review_id)),
        language=language,
        workshop_date=store.workshop(review_id).date,
    )


def improvement_report(store: ReviewStore, review_id: str, *, language: str = "en") -> ImprovementReport:
    return ImprovementReport(
        review=store.review(review_id),
        workshop=store.workshop(review_id),
        root_causes=tuple(store.root_causes(review_id)),
        findings=tuple(f for f in store.findings(review_id) if f.status.is_agreed),
        actions=tuple(store.actions(review_id)),
        checkin=store.checkin(review_id),
        language=language,
    )


def has_workshop_plan(plan: ImprovementReport) -> bool:
    """The workshop is dated or has actions: there is a plan to keep."""
    return plan.workshop.date is not None or bool(plan.actions)


def has_checkin_note(plan: ImprovementReport) -> bool:
    """Something was recorded at the check-in."""
    return bool(plan.checkin.pupil_changes.strip() or plan.checkin.next_steps.strip()
                or any(a.progress for a in plan.actions))
