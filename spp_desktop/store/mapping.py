"""Between merged entity states (field values as JSON) and domain objects."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum
from typing import Any, TypeVar

from spp_desktop.domain.evidence import EVIDENCE_CLASS, Attachment, Evidence, EvidenceKind
from spp_desktop.domain.findings import (
    AgreedAction,
    EvidenceLink,
    FeedbackOutcome,
    Finding,
    FindingKind,
    FindingStatus,
    Release,
)
from spp_desktop.domain.improvement import CheckIn, PreReviewMeeting, RootCause, Workshop
from spp_desktop.domain.review import EnquiryQuestion, Focus, Review, Role, ScheduleSlot, TeamMember
from sync.protocol.merge import EntityState
from sync.protocol.schema import DATE, ENTITIES, STR_LIST, TIME

T = TypeVar("T")


def to_wire(value: Any) -> Any:
    """A Python value as the JSON value an operation carries."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list | set | frozenset):
        return [to_wire(v) for v in value]
    return value


def wire_fields(entity: str, changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - set(ENTITIES[entity])
    if unknown:
        raise ValueError(f"{entity} has no field(s) {', '.join(sorted(unknown))}")
    return {k: to_wire(v) for k, v in changes.items()}


def _from_wire(kind: str, value: Any) -> Any:
    if value is None:
        return None
    try:
        if kind == DATE:
            return date.fromisoformat(value)
        if kind == TIME:
            return time.fromisoformat(value)
    except ValueError:
        return None
    if kind == STR_LIST:
        return tuple(value)
    return value


def decoded(state: EntityState) -> dict[str, Any]:
    spec = ENTITIES[state.entity]
    return {k: _from_wire(spec[k], v) for k, v in state.values().items() if k in spec}


def _build(cls: type[T], entity_id: str, values: dict[str, Any], **extra: Any) -> T:
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kwargs = {k: v for k, v in values.items() if k in names and v is not None}
    kwargs.update(extra)
    return cls(id=entity_id, **kwargs)  # type: ignore[call-arg]


def evidence_from_state(state: EntityState, attachment_ids: tuple[str, ...] = ()) -> Evidence | None:
    values = decoded(state)
    try:
        kind = EvidenceKind(str(values.get("kind")))
    except ValueError:
        return None
    values["kind"] = kind
    return _build(EVIDENCE_CLASS[kind], state.entity_id, values, attachment_ids=attachment_ids)


def attachment_from_state(state: EntityState) -> Attachment:
    return _build(Attachment, state.entity_id, decoded(state))


def finding_from_state(state: EntityState) -> Finding:
    values = decoded(state)
    values["kind"] = FindingKind(values.get("kind", FindingKind.STRENGTH.value))
    values["status"] = FindingStatus(values.get("status", FindingStatus.DRAFT.value))
    values.setdefault("question_id", "")
    return _build(Finding, state.entity_id, values)


def link_from_state(state: EntityState) -> EvidenceLink:
    values = decoded(state)
    return EvidenceLink(state.entity_id, values.get("finding_id", ""), values.get("evidence_id", ""))


def action_from_state(state: EntityState) -> AgreedAction:
    values = decoded(state)
    values.setdefault("text", "")
    return _build(AgreedAction, state.entity_id, values)


def outcome_from_state(state: EntityState | None) -> FeedbackOutcome:
    if state is None or state.deleted:
        return FeedbackOutcome()
    values = decoded(state)
    names = {f.name for f in dataclasses.fields(FeedbackOutcome)}
    return FeedbackOutcome(**{k: v for k, v in values.items() if k in names and v is not None})


def question_from_state(state: EntityState) -> EnquiryQuestion:
    values = decoded(state)
    values.setdefault("text", "")
    return _build(EnquiryQuestion, state.entity_id, values)


def _singleton(cls: type[T], state: EntityState | None) -> T:
    """The one-per-review records (meeting, workshop, check-in): empty until first written."""
    if state is None or state.deleted:
        return cls()
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in decoded(state).items() if k in names and v is not None})


def meeting_from_state(state: EntityState | None) -> PreReviewMeeting:
    return _singleton(PreReviewMeeting, state)


def workshop_from_state(state: EntityState | None) -> Workshop:
    return _singleton(Workshop, state)


def checkin_from_state(state: EntityState | None) -> CheckIn:
    return _singleton(CheckIn, state)


def root_cause_from_state(state: EntityState) -> RootCause:
    values = decoded(state)
    values.setdefault("finding_id", "")
    return _build(RootCause, state.entity_id, values)


def release_from_state(state: EntityState | None) -> Release:
    if state is None or state.deleted:
        return Release()
    values = decoded(state)
    names = {f.name for f in dataclasses.fields(Release)}
    return Release(**{k: v for k, v in values.items() if k in names and v is not None})


def review_from_states(
    review: EntityState,
    questions: list[EntityState],
    members: list[EntityState],
    slots: list[EntityState],
) -> Review:
    v = decoded(review)
    start = v.get("start_date") or date.today()
    team = []
    for m in members:
        mv = decoded(m)
        try:
            role = Role(mv.get("role", "reviewer"))
        except ValueError:
            role = Role.REVIEWER
        team.append(TeamMember(m.entity_id, mv.get("name", ""), role, mv.get("school", "")))
    schedule = []
    for s in slots:
        sv = decoded(s)
        if sv.get("day") and sv.get("start") and sv.get("end"):
            schedule.append(ScheduleSlot(
                id=s.entity_id, day=sv["day"], start=sv["start"], end=sv["end"],
                activity=sv.get("activity", ""), location=sv.get("location", ""), notes=sv.get("notes", ""),
                reviewer_ids=sv.get("reviewer_ids", ()), position=sv.get("position", 0),
                group_name=sv.get("group_name", ""), host_staff=sv.get("host_staff", ""),
                question_ids=sv.get("question_ids", ()),
            ))
    qs = [question_from_state(q) for q in questions]
    qs.sort(key=lambda q: (q.position, q.id))
    return Review(
        id=review.entity_id,
        host_school=v.get("host_school", ""),
        start_date=start,
        end_date=v.get("end_date") or start,
        focus=Focus(v.get("focus_title", ""), v.get("focus_description", "")),
        partnership=v.get("partnership", ""),
        headteacher=v.get("headteacher", ""),
        questions=tuple(q for q in qs if not q.retired),
        retired_questions=tuple(q for q in qs if q.retired),
        schedule=tuple(sorted(schedule, key=lambda s: (s.day, s.start, s.position))),
        team=tuple(team),
    )
