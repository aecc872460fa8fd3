"""A FeedbackReport from a merged review state (sync.protocol.ReviewState), as the server holds it.

The conversions are the laptop store's own (spp_desktop.store.mapping: pure, domain and protocol only),
so the server's PDF is the laptop's PDF for the same ops.
"""

from __future__ import annotations

from spp_desktop.reports import FeedbackReport, build_pdf_bytes
from spp_desktop.store.mapping import (
    action_from_state,
    evidence_from_state,
    finding_from_state,
    link_from_state,
    outcome_from_state,
    review_from_states,
)
from sync.protocol import ReviewState
from sync.protocol.merge import EntityState


def _review_entity(state: ReviewState) -> EntityState:
    return state.get("review", state.review_id) or EntityState("review", state.review_id)


def report_from_state(state: ReviewState, language: str = "en") -> FeedbackReport:
    photos: dict[str, list[str]] = {}
    for att in state.of_kind("attachment"):
        photos.setdefault(str(att.value("evidence_id", "")), []).append(att.entity_id)
    evidence = []
    for ent in state.of_kind("evidence"):
        item = evidence_from_state(ent, tuple(sorted(photos.get(ent.entity_id, []))))
        if item is not None:
            evidence.append(item)
    review = review_from_states(
        _review_entity(state), list(state.of_kind("question")), list(state.of_kind("team_member")),
        list(state.of_kind("schedule_slot")),
    )
    findings = sorted((finding_from_state(f) for f in state.of_kind("finding")),
                      key=lambda f: (f.position, f.id))
    actions = sorted((action_from_state(a) for a in state.of_kind("action")), key=lambda a: (a.position, a.id))
    return FeedbackReport(
        review=review,
        findings=tuple(findings),
        links=tuple(link_from_state(link) for link in state.of_kind("evidence_link")),
        evidence=tuple(evidence),
        outcome=outcome_from_state(state.get("summary", state.review_id)),
        actions=tuple(actions),
        language=language,
    )


def summary_pdf_from_state(state: ReviewState, language: str = "en") -> bytes:
    """The feedback summary PDF (raises NothingToReport when the review has no findings)."""
    return build_pdf_bytes(report_from_state(state, language))
