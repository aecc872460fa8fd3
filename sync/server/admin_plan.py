"""Planning from the partnership office: `spp-server admin edit-review` and `import-plan`.

Both become operations like a laptop's (device and author "server"), made against the review's merged
state on the server (their parents are the values they replace), so they merge, sync and travel in
bundles like the lead's own edits. The slots of an imported plan get ids derived from the row, so
importing the same file again changes nothing.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sync.protocol import Operation, uuid7
from sync.protocol.hlc import HLC
from sync.protocol.ids import derived_id
from sync.protocol.ops import OpKind
from sync.protocol.package import SERVER_DEVICE
from sync.protocol.schema import EVIDENCE_KINDS, op_problem
from sync.protocol.signing import sign_op

from .admin import AdminError
from .state import ReviewStates
from .storage import PendingOp, Storage, canonical_json, now_ms

PLAN_COLUMNS = ("day", "start", "end", "activity", "place", "group", "reviewers", "host staff", "questions")
ACTIVITY_WORDS = {k.replace("_", " "): k for k in EVIDENCE_KINDS}


def _review(storage: Storage, review_id: str) -> dict[str, Any]:
    review = storage.review(review_id)
    if review is None:
        raise AdminError("There is no such review.")
    return review


def append_server_ops(storage: Storage, review_id: str, changes: Iterable[tuple[str, str, dict[str, Any]]]) -> int:
    """Write (entity, entity_id, fields) changes as server ops; returns how many were stored."""
    state = ReviewStates(storage).state(review_id)
    private, _ = storage.signing_key()  # the server's own ops are signed by its key (sync.protocol.signing)
    base_seq = storage.cursor(review_id) or 0
    wall = now_ms()
    pending = []
    for i, (entity, entity_id, fields) in enumerate(changes):
        current = state.get(entity, entity_id)
        if current is not None and current.exists:
            fields = {k: v for k, v in fields.items() if current.value(k) != v}
            if not fields:
                continue
        parents = {k: h for k in fields if current is not None and (h := current.heads(k))}
        op = Operation(uuid7(), review_id, SERVER_DEVICE, base_seq + i + 1, SERVER_DEVICE, HLC(wall, i, SERVER_DEVICE),
                       entity, entity_id, OpKind.SET, fields, parents)
        problem = op_problem(op)
        if problem:
            raise AdminError(f"That change is not valid: {problem}.")
        op = sign_op(op, storage.signing_key()[0])  # the server's own ops carry its signature (docs/sync.md)
        pending.append(PendingOp(op.op_id, op.device_id, op.author, canonical_json(op.to_wire())))
    if pending:
        storage.append_ops(review_id, pending)
    return len(pending)


def _questions(storage: Storage, review_id: str) -> list[tuple[str, dict[str, Any]]]:
    state = ReviewStates(storage).state(review_id)
    items = [(q.entity_id, q.values()) for q in state.of_kind("question") if not q.values().get("retired")]
    return sorted(items, key=lambda item: (item[1].get("position", 0), item[0]))


def edit_review(
    storage: Storage,
    review_id: str,
    *,
    focus: str | None = None,
    focus_description: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    add_questions: Sequence[str] = (),
    edit_questions: Sequence[tuple[str, str]] = (),  # (number from 1, new text)
    retire_questions: Sequence[str] = (),
) -> int:
    """Focus, dates and enquiry questions (numbered as `list-questions` shows them). Returns ops written."""
    review = _review(storage, review_id)
    state = ReviewStates(storage).state(review_id)
    head = state.get("review", review_id)
    current = head.values() if head else {}
    header: dict[str, Any] = {}
    if focus is not None:
        if not focus.strip():
            raise AdminError("The focus needs a title.")
        header["focus_title"] = focus.strip()
    if focus_description is not None:
        header["focus_description"] = focus_description
    start = start_date or current.get("start_date") or review["start_date"]
    end = end_date or current.get("end_date") or review["end_date"]
    for value in (start, end):
        try:
            date.fromisoformat(value)
        except ValueError:
            raise AdminError(f"{value!r} is not a date (YYYY-MM-DD).") from None
    if end < start:
        raise AdminError("The review cannot end before it starts.")
    if start_date:
        header["start_date"] = start
    if end_date:
        header["end_date"] = end
    changes: list[tuple[str, str, dict[str, Any]]] = []
    if header:
        changes.append(("review", review_id, header))
    questions = _questions(storage, review_id)

    def numbered(number: str) -> str:
        if not number.isdigit() or not 1 <= int(number) <= len(questions):
            raise AdminError(f"There is no question {number}; the review has {len(questions)}.")
        return questions[int(number) - 1][0]

    for number, text in edit_questions:
        if not text.strip():
            raise AdminError("An enquiry question needs some words.")
        changes.append(("question", numbered(number), {"text": text.strip()}))
    for number in retire_questions:
        changes.append(("question", numbered(number), {"retired": True}))
    top = max((q[1].get("position", 0) for q in questions), default=-1)
    for i, text in enumerate(t for t in add_questions if t.strip()):
        changes.append(("question", uuid7(), {"text": text.strip(), "position": top + 1 + i}))
    written = append_server_ops(storage, review_id, changes)
    if start_date or end_date:
        storage.set_review_dates(review_id, start, end)
    return written


def list_questions(storage: Storage, review_id: str) -> list[str]:
    _review(storage, review_id)
    return [str(values.get("text", "")) for _, values in _questions(storage, review_id)]


def _day(value: str, review: dict[str, Any], line: int) -> str:
    value = value.strip()
    if value.isdigit():  # "1", "2": the review's first, second day
        return (date.fromisoformat(review["start_date"]) + timedelta(days=int(value) - 1)).isoformat()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise AdminError(f"Line {line}: the day {value!r} is neither a date (YYYY-MM-DD) nor a day number.") from None


def _time(value: str, line: int, column: str) -> str:
    value = value.strip()
    parts = value.replace(".", ":").split(":")
    if len(parts) != 2 or not all(p.isdigit() for p in parts) or int(parts[0]) > 23 or int(parts[1]) > 59:
        raise AdminError(f"Line {line}: the {column} time {value!r} is not a time such as 09:15.")
    return f"{int(parts[0]):02d}:{int(parts[1]):02d}"


def import_plan(storage: Storage, review_id: str, path: Path) -> int:
    """The timetable from CSV (PLAN_COLUMNS; reviewers by username and questions by number, ';' between).

    Every row is checked before anything is written: a bad file changes nothing. Returns the slots written."""
    review = _review(storage, review_id)
    team = {m["username"]: m["user_id"] for m in storage.team(review_id)}
    questions = [qid for qid, _ in _questions(storage, review_id)]
    changes: list[tuple[str, str, dict[str, Any]]] = []
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise AdminError(f"Cannot read {path}: {exc.strerror}.") from None
    with handle:
        reader = csv.DictReader(handle)
        columns = [c.strip().lower() for c in reader.fieldnames or []]
        missing = [c for c in ("day", "start", "end", "activity") if c not in columns]
        if missing:
            raise AdminError(f"The file has no column {', '.join(missing)}; the columns are {', '.join(PLAN_COLUMNS)}.")
        for line, raw in enumerate(reader, start=2):
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if isinstance(v, str)}
            if not any(row.values()):
                continue
            day = _day(row.get("day", ""), review, line)
            start, end = _time(row.get("start", ""), line, "start"), _time(row.get("end", ""), line, "end")
            if end <= start:
                raise AdminError(f"Line {line}: the slot ends before it starts.")
            activity = row.get("activity", "")
            if not activity:
                raise AdminError(f"Line {line}: the activity is empty.")
            activity = ACTIVITY_WORDS.get(activity.lower(), activity)
            reviewer_ids = []
            for name in filter(None, (n.strip().lower() for n in row.get("reviewers", "").split(";"))):
                if name not in team:
                    raise AdminError(f"Line {line}: {name} is not on this review's team; assign them first.")
                reviewer_ids.append(team[name])
            question_ids = []
            for number in filter(None, (n.strip() for n in row.get("questions", "").split(";"))):
                if not number.isdigit() or not 1 <= int(number) <= len(questions):
                    raise AdminError(f"Line {line}: there is no question {number}; the review has {len(questions)}.")
                question_ids.append(questions[int(number) - 1])
            place, group = row.get("place", ""), row.get("group", "")
            slot_id = derived_id(review_id, "schedule_slot", day, start, activity, place, group)
            changes.append(("schedule_slot", slot_id, {
                "day": day, "start": start, "end": end, "activity": activity, "location": place,
                "group_name": group, "host_staff": row.get("host staff", ""), "reviewer_ids": reviewer_ids,
                "question_ids": question_ids, "position": line - 2,
            }))
    return append_server_ops(storage, review_id, changes)
