"""What the web may show of a review, read from its merged state: the facts behind its stage, and the
released outcome (agreed findings, improvement priority, actions, check-in). Never evidence, reviewer-only
notes, head's comments or team names: only the items the lead released with the head's consent (the
`release` record, an op like any other: written on the lead's laptop or by the web console's form)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sync.protocol import ReviewState

from .stages import Facts

RELEASE_PARTS = ("findings", "priority", "actions", "checkin")


def release_of(state: ReviewState) -> dict[str, Any] | None:
    """What the lead released (the review's `release` record), or None: nothing without the head's
    consent, or with nothing ticked."""
    entity = state.get("release", state.review_id)
    if entity is None or entity.deleted:
        return None
    values = entity.values()
    parts = {p: values.get(p) is True for p in RELEASE_PARTS}
    if values.get("head_consent") is not True or not any(parts.values()):
        return None
    return {**parts, "head_consent": True, "consent_date": str(values.get("consent_date") or "")}


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _live(state: ReviewState, entity: str) -> list[dict[str, Any]]:
    items = []
    for ent in state.of_kind(entity):
        items.append({"id": ent.entity_id, **ent.values()})
    return sorted(items, key=lambda i: (i.get("position") or 0, i["id"]))


def _checkin_notes(state: ReviewState) -> list[str]:
    """Progress notes of check-ins, where the state holds such records (entity 'checkin')."""
    notes = []
    for item in _live(state, "checkin"):
        # the laptop's check-in record (spp_desktop: pupil_changes, next_steps), or a note of another shape
        text = item.get("progress") or item.get("note") or item.get("pupil_changes") or item.get("next_steps") or ""
        if isinstance(text, str) and text.strip():
            notes.append(text.strip())
    return notes


def facts(state: ReviewState, start: str, end: str) -> Facts:
    summary = state.get("summary", state.review_id)
    values = summary.values() if summary and not summary.deleted else {}
    agreed = [f for f in _live(state, "finding") if f.get("status") in ("agreed", "amended")]
    return Facts(
        start=_date(start) or date.min,
        end=_date(end) or _date(start) or date.min,
        plan_slots=len(_live(state, "schedule_slot")),
        agreed_findings=len(agreed),
        priority=bool((values.get("improvement_priority") or "").strip()),
        checkin_date=_date(values.get("checkin_date")),
        checkin_done=bool(_checkin_notes(state)),
    )


@dataclass
class Outcome:
    focus: str = ""
    questions: list[dict[str, Any]] = field(default_factory=list)  # {text, strengths, areas, explore}
    priority: str = ""
    actions: list[dict[str, Any]] = field(default_factory=list)  # {text, owner, due}
    checkin_date: str = ""
    checkin_notes: list[str] = field(default_factory=list)


def focus_of(state: ReviewState) -> str:
    review = state.get("review", state.review_id)
    return str(review.value("focus_title", "") or "") if review else ""


def released_outcome(state: ReviewState, release: dict[str, Any]) -> Outcome:
    """Only the parts the release names; findings only when agreed (or amended) with the head."""
    out = Outcome(focus=focus_of(state))
    if release.get("findings"):
        questions = {q["id"]: {"text": q.get("text", ""), "strength": [], "area_to_develop": [],
                               "question_to_explore": []} for q in _live(state, "question")}
        other = {"text": "", "strength": [], "area_to_develop": [], "question_to_explore": []}
        for f in _live(state, "finding"):
            if f.get("status") not in ("agreed", "amended") or not (f.get("text") or "").strip():
                continue
            bucket = questions.get(f.get("question_id") or "", other)
            bucket.setdefault(f.get("kind") or "strength", []).append(f["text"].strip())
        groups = list(questions.values()) + [other]
        out.questions = [g for g in groups if g["strength"] or g["area_to_develop"] or g["question_to_explore"]]
    summary = state.get("summary", state.review_id)
    values = summary.values() if summary and not summary.deleted else {}
    if release.get("priority"):
        out.priority = str(values.get("improvement_priority") or "").strip()
    if release.get("actions"):
        out.actions = [{"text": a.get("text", ""), "owner": a.get("owner", ""), "due": a.get("due") or ""}
                       for a in _live(state, "action") if (a.get("text") or "").strip()]
    if release.get("checkin"):
        out.checkin_date = str(values.get("checkin_date") or "")
        out.checkin_notes = _checkin_notes(state)
    return out
