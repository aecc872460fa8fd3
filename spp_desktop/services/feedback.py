"""Gather what the feedback summary needs from the store."""

from __future__ import annotations

from spp_desktop.reports.model import FeedbackReport
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
