"""What an operation may say: entities, their fields and types, and the size limits.

The laptop checks its own ops with this before writing them; the server checks every op it receives.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .ids import is_uuid
from .merge import DELETED
from .ops import Operation, OpKind

MAX_OPS_PER_BATCH = 500
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024  # a photo's bytes: the server's default limit; laptops refuse above it
MAX_BATCH_BYTES = 4 * 1024 * 1024  # a push's ops as JSON; the server's request limit (8 MB) leaves room
MAX_FIELD_BYTES = 1_000_000  # about 300 pages of notes in one field
MAX_OP_BYTES = 2_000_000
# Bounds every copy enforces, so nothing stored can overflow SQLite, datetime or a JSON reader.
MAX_SEQ = 2**53 - 1  # a device's op counter (exact in a double)
MIN_WALL_MS = 1_577_836_800_000  # 2020-01-01T00:00:00Z: no SPP review is older
MAX_WALL_MS = 253_402_300_799_999  # 9999-12-31: the last moment datetime can show
MAX_COUNTER = 2**32 - 1  # the HLC counter
MAX_ID_CHARS = 100  # ids of devices, authors, reviews, entities (as the server's columns)
CLOCK_AHEAD_MS = 24 * 3600 * 1000  # the server refuses ops stamped more than this ahead of its clock

STR, INT, BOOL, DATE, TIME, STR_LIST = "str", "int", "bool", "date", "time", "str_list"

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{2}:\d{2}(:\d{2})?$")

# The evidence kinds and their fields, as the wire contract: the laptop's registry of kinds (labels, families,
# forms) is spp_desktop.domain.evidence.KINDS. This package imports nothing of ours and servers are upgraded
# on their own, so a kind is added here on purpose, beside the registry; tests/unit/test_evidence_kinds.py
# fails until the two agree, and scripts/package_schema.py writes both into docs/review-package.schema.json.
EVIDENCE_KINDS = ("observation", "learning_walk", "interview", "focus_group", "book_scrutiny",
                  "data_review", "survey", "document")
FINDING_KINDS = ("strength", "area_to_develop", "question_to_explore")
FINDING_STATUSES = ("draft", "agreed", "amended", "to_explore")
ROLES = ("lead_reviewer", "reviewer", "headteacher", "improvement_champion")
ACTION_PROGRESS = ("", "not_started", "under_way", "done", "changed_course")
CONCERN_ROLES = ("dsl", "chair_of_governors", "la_officer")  # the DSL; when it concerns the head, the others
CLOSURE_REASONS = ("closed", "retention")  # closed by the partnership office; past its retention date

ENTITIES: dict[str, dict[str, str]] = {
    "review": {
        "host_school": STR, "partnership": STR, "headteacher": STR, "start_date": DATE, "end_date": DATE,
        "focus_title": STR, "focus_description": STR,
    },
    "question": {"text": STR, "position": INT, "theme": STR, "retired": BOOL, "planned_sources": STR_LIST},
    "team_member": {"name": STR, "role": STR, "school": STR},
    "schedule_slot": {
        "day": DATE, "start": TIME, "end": TIME, "activity": STR, "location": STR, "notes": STR,
        "reviewer_ids": STR_LIST, "position": INT,
        "group_name": STR, "host_staff": STR, "question_ids": STR_LIST,
    },
    # The pre-review meeting (one per review; entity id = review id), agreed with the headteacher.
    "meeting": {
        "date": DATE, "participants": STR_LIST, "self_review_summary": STR, "self_review_document": STR,
        "notes": STR,
    },
    "evidence": {
        "kind": STR, "author": STR, "day": DATE, "start": TIME, "end": TIME, "question_ids": STR_LIST,
        "tags": STR_LIST, "notes": STR, "reviewer_notes": STR, "slot_id": STR,
        # observation / learning walk
        "class_name": STR, "subject": STR, "staff": STR, "seen": STR, "pupil_voice": STR,
        # interview / focus group
        "participants": STR, "participant_count": INT, "prompts": STR, "role": STR,
        # book scrutiny
        "year_group": STR, "book_count": INT, "sample": STR, "looked_at": STR,
        # data review, survey, document
        "title": STR, "source_detail": STR, "content": STR,
    },
    "attachment": {
        "evidence_id": STR, "sha256": STR, "size": INT, "media_type": STR, "caption": STR,
        "width": INT, "height": INT,
    },
    "finding": {
        "question_id": STR, "kind": STR, "text": STR, "status": STR, "head_comment": STR,
        "reviewer_notes": STR, "author": STR, "position": INT,
    },
    "evidence_link": {"finding_id": STR, "evidence_id": STR},
    "action": {
        "text": STR, "owner": STR, "due": DATE, "position": INT,
        "start": DATE, "support_school": STR, "progress": STR, "progress_note": STR,
    },
    "summary": {"improvement_priority": STR, "next_steps": STR, "checkin_date": DATE, "head_comment": STR},
    # The improvement workshop (one per review; entity id = review id), facilitated by the Champion.
    "workshop": {
        "date": DATE, "champion_id": STR, "participants": STR_LIST, "improvement_priority": STR, "notes": STR,
    },
    "root_cause": {"finding_id": STR, "text": STR, "position": INT},
    # The 90-day check-in (one per review; entity id = review id).
    "checkin": {"date": DATE, "pupil_changes": STR, "next_steps": STR},
    # That a safeguarding concern was passed on (when, to whom by role): never its words, which stay on the
    # laptop it was written on.
    "concern_notice": {"day": DATE, "time": TIME, "to_role": STR, "author": STR},
    # What of the outcome the lead released to the partnership (the web console), with the head's consent:
    # one record per review, its id the review's id.
    "release": {"findings": BOOL, "priority": BOOL, "actions": BOOL, "checkin": BOOL, "head_consent": BOOL,
                "consent_date": DATE},
    # That the partnership closed the review (one record per review, its id the review's id; the server's
    # own op only): every laptop removes its copy at its next sync, after offering an export.
    "closure": {"closed_on": DATE, "reason": STR},
}

_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("evidence", "kind"): EVIDENCE_KINDS,
    ("finding", "kind"): FINDING_KINDS,
    ("finding", "status"): FINDING_STATUSES,
    ("team_member", "role"): ROLES,
    ("question", "planned_sources"): EVIDENCE_KINDS,
    ("action", "progress"): ACTION_PROGRESS,
    ("concern_notice", "to_role"): CONCERN_ROLES,
    ("closure", "reason"): CLOSURE_REASONS,
}


def _utf8_size(value: Any) -> int | None:
    """Bytes of the JSON form of a value, or None when it holds text that is not valid Unicode.

    JSON may spell lone UTF-16 surrogates ("\\ud800"); json.loads accepts them, but no UTF-8 encoder,
    database or state hash can take them, so they must be refused here rather than crash later.
    """
    try:
        return len(json.dumps(value, ensure_ascii=False).encode("utf-8"))
    except UnicodeEncodeError:
        return None


def _type_ok(kind: str, value: Any) -> bool:
    if value is None:
        return kind in (DATE, TIME)  # a date or time may be cleared
    if kind == STR:
        return isinstance(value, str)
    if kind == INT:
        return isinstance(value, int) and not isinstance(value, bool) and -(2**53) < value < 2**53
    if kind == BOOL:
        return isinstance(value, bool)
    if kind == DATE:
        return isinstance(value, str) and bool(_DATE.match(value))
    if kind == TIME:
        return isinstance(value, str) and bool(_TIME.match(value))
    if kind == STR_LIST:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return False


def field_problem(entity: str, name: str, value: Any) -> str | None:
    """Why a field value is not acceptable, or None."""
    if name == DELETED:
        return None if isinstance(value, bool) else "_deleted must be true or false"
    spec = ENTITIES.get(entity)
    if spec is None:
        return f"unknown entity {entity!r}"
    kind = spec.get(name)
    if kind is None:
        return f"unknown field {name!r} for {entity}"
    if not _type_ok(kind, value):
        return f"field {name!r} of {entity} must be of type {kind}"
    choices = _CHOICES.get((entity, name))
    if choices and kind == STR_LIST and any(v not in choices for v in value):
        return f"field {name!r} of {entity} must hold only {', '.join(choices)}"
    if choices and kind != STR_LIST and value not in choices:
        return f"field {name!r} of {entity} must be one of {', '.join(choices)}"
    size = _utf8_size(value)
    if size is None:
        return f"field {name!r} of {entity} holds text that is not valid Unicode"
    if size > MAX_FIELD_BYTES:
        return f"field {name!r} is larger than {MAX_FIELD_BYTES // 1000} kB"
    return None


def op_problem(op: Operation) -> str | None:
    """Why an operation is malformed, or None. Does not check who may make it."""
    if op.entity not in ENTITIES:
        return f"unknown entity {op.entity!r}"
    if not is_uuid(op.op_id):
        return "op_id must be a UUID"
    problem = bounds_problem(op)
    if problem:
        return problem
    if op.kind is OpKind.DELETE:
        if op.fields:
            return "a delete carries no fields"
    elif not op.fields:
        return f"a {op.kind.value} op must set at least one field"
    for name, value in op.fields.items():
        problem = field_problem(op.entity, name, value)
        if problem:
            return problem
    for name in op.parents:
        if name != DELETED and name not in ENTITIES[op.entity]:
            return f"parents name unknown field {name!r}"
    size = _utf8_size(op.to_wire())
    if size is None:
        return "operation holds text that is not valid Unicode"
    if size > MAX_OP_BYTES:
        return "operation too large"
    return None


def bounds_problem(op: Operation, *, now_ms: int | None = None) -> str | None:
    """Why an op's numbers are out of bounds, or None. With `now_ms` (the server's clock) the HLC may
    also be at most CLOCK_AHEAD_MS ahead of it."""
    if not 0 <= op.seq <= MAX_SEQ:
        return "seq must be below 2^53"
    wall = op.hlc.wall_ms
    if not MIN_WALL_MS <= wall <= MAX_WALL_MS:
        return "the clock time of the operation is before 2020 or impossibly far ahead"
    if now_ms is not None and wall > now_ms + CLOCK_AHEAD_MS:
        return "the clock time of the operation is more than 24 hours ahead of the server's clock"
    if not 0 <= op.hlc.counter <= MAX_COUNTER:
        return "the clock counter of the operation is out of range"
    for name in ("review_id", "device_id", "author", "entity_id"):
        if len(getattr(op, name)) > MAX_ID_CHARS:
            return f"{name} is longer than {MAX_ID_CHARS} characters"
    if op.hlc.device_id != op.device_id:
        return "the clock of the operation names another device"
    return None


def requires_lead(op: Operation) -> bool:
    """Only the lead reviewer may settle conflicts or mark findings agreed."""
    if op.kind is OpKind.RESOLVE:
        return True
    return op.entity == "finding" and op.fields.get("status") in ("agreed", "amended")

