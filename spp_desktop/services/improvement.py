"""The workshop plan and check-in note, gathered from the store for the PDF (as services/feedback.py does)."""

from __future__ import annotations

from spp_desktop.reports.improvement_pdf import ImprovementReport
from spp_desktop.store.repository import ReviewStore


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
