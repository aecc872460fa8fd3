"""What the web may show of a review, read from its merged state: the facts behind its stage, and the
released outcome (agreed findings, improvement priority, actions, check-in). Never evidence, reviewer-only
notes, head's comments or team names: only the items the lead released with the head's consent (the
`release` record, an op like any other: written on the lead's laptop or by the web console's form)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
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


def _single(state: ReviewState, entity: str) -> dict[str, Any]:
    """A one-per-review record (summary, workshop, check-in) as its values; {} when there is none."""
    found = state.get(entity, state.review_id)
    return found.values() if found and not found.deleted else {}


def _text(values: dict[str, Any], name: str) -> str:
    value = values.get(name)
    return value.strip() if isinstance(value, str) else ""


def _checkin_notes(state: ReviewState) -> list[str]:
    """The check-in record's words (what has changed for pupils, the next steps), when it exists."""
    checkin = _single(state, "checkin")
    return [text for text in (_text(checkin, "pupil_changes"), _text(checkin, "next_steps")) if text]


CHECKIN_AFTER_WORKSHOP = timedelta(days=90)


def facts(state: ReviewState, start: str, end: str) -> Facts:
    summary, workshop = _single(state, "summary"), _single(state, "workshop")
    agreed = [f for f in _live(state, "finding") if f.get("status") in ("agreed", "amended")]
    workshop_day = _date(workshop.get("date"))
    checkin_date = _date(summary.get("checkin_date"))
    if checkin_date is None and workshop_day:
        checkin_date = workshop_day + CHECKIN_AFTER_WORKSHOP
    return Facts(
        start=_date(start) or date.min,
        end=_date(end) or _date(start) or date.min,
        plan_slots=len(_live(state, "schedule_slot")),
        agreed_findings=len(agreed),
        priority=bool(_text(summary, "improvement_priority") or _text(workshop, "improvement_priority")),
        workshop_date=workshop_day,
        checkin_date=checkin_date,
        checkin_done=bool(_checkin_notes(state)),
        closed=bool(_single(state, "closure").get("closed_on")),
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
    summary, workshop = _single(state, "summary"), _single(state, "workshop")
    if release.get("priority"):  # the workshop may have refined the one from the feedback conversation
        out.priority = _text(workshop, "improvement_priority") or _text(summary, "improvement_priority")
    if release.get("actions"):
        with_progress = bool(release.get("checkin"))
        out.actions = [{"text": _text(a, "text"), "owner": _text(a, "owner"), "due": a.get("due") or "",
                        "progress": _text(a, "progress") if with_progress else "",
                        "progress_note": _text(a, "progress_note") if with_progress else ""}
                       for a in _live(state, "action") if _text(a, "text")]
    if release.get("checkin"):
        checkin = _single(state, "checkin")
        known = facts(state, "", "")
        out.checkin_date = str(checkin.get("date") or (known.checkin_date.isoformat() if known.checkin_date else ""))
        out.checkin_notes = _checkin_notes(state)
    return out


@dataclass
class SchoolView:
    """What the host school and the team see after the day: the workshop plan and the check-in."""

    workshop_date: str = ""
    participants: list[str] = field(default_factory=list)  # roles, never names
    priority: str = ""
    root_causes: list[str] = field(default_factory=list)
    checkin_date: str = ""
    pupil_changes: str = ""
    next_steps: str = ""
    actions: list[dict[str, Any]] = field(default_factory=list)  # {text, owner, due, progress, progress_note}

    @property
    def empty(self) -> bool:
        return not (self.workshop_date or self.priority or self.root_causes or self.checkin_date
                    or self.pupil_changes or self.actions)


def school_view(state: ReviewState) -> SchoolView:
    summary, workshop, checkin = _single(state, "summary"), _single(state, "workshop"), _single(state, "checkin")
    f = facts(state, "", "")
    return SchoolView(
        workshop_date=str(workshop.get("date") or ""),
        participants=[p for p in workshop.get("participants") or [] if isinstance(p, str)],
        priority=_text(workshop, "improvement_priority") or _text(summary, "improvement_priority"),
        root_causes=[_text(r, "text") for r in _live(state, "root_cause") if _text(r, "text")],
        checkin_date=str(checkin.get("date") or (f.checkin_date.isoformat() if f.checkin_date else "")),
        pupil_changes=_text(checkin, "pupil_changes"),
        next_steps=_text(checkin, "next_steps"),
        actions=[{"text": _text(a, "text"), "owner": _text(a, "owner"), "due": a.get("due") or "",
                  "progress": _text(a, "progress"), "progress_note": _text(a, "progress_note")}
                 for a in _live(state, "action") if _text(a, "text")],
    )
