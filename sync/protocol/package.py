"""The review package: the JSON document a review travels in (server checkout, import, export).

`package_problem` checks a document and names the JSON path of the first problem. `package_to_ops`
turns it into operations with ids derived from the content, so every laptop (and the server) that reads
the same package makes the very same ops, and they merge as duplicates instead of conflicting.
`state_to_package` is the reverse: the merged state of a review as a package document.
The JSON Schema of this document is docs/review-package.schema.json.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from .hlc import HLC
from .ids import derived_id
from .merge import ReviewState
from .ops import Operation, OpKind
from .schema import ENTITIES, MAX_WALL_MS, MIN_WALL_MS, field_problem

# A package file is read whole: larger than any real review (photos travel apart), far below a memory problem.
MAX_PACKAGE_FILE_BYTES = 64 * 1024 * 1024
# Bytes alone do not bound memory: 64 MB of tiny records is ~400,000 of them (~2-3 GB to import). So the
# objects are counted as the file is parsed, and a package with more is refused before it fills memory.
# 30,000 is ten times the largest review measured (3,000 records); 20,000 records import in ~18 s at
# ~200 MB peak (benchmarks/bench_import.py).
MAX_PACKAGE_OBJECTS = 30_000

FORMAT = "spp-review-package"
FORMAT_VERSION = 1
PACKAGE_DEVICE = "package"
SERVER_DEVICE = "server"  # device and author of the server's own ops (spp-server admin edit-review, import-plan)

# package section -> (entity, field renames package->entity)
_LIST_SECTIONS: dict[str, str] = {
    "enquiry_questions": "question",
    "team": "team_member",
    "schedule": "schedule_slot",
    "evidence": "evidence",
    "attachments": "attachment",
    "findings": "finding",
    "actions": "action",
    "root_causes": "root_cause",
}
# package section -> entity of the one-per-review records (entity id = review id)
_SINGLE_SECTIONS: dict[str, str] = {
    "feedback": "summary",
    "meeting": "meeting",
    "workshop": "workshop",
    "checkin": "checkin",
}
_AFTER_REVIEW_DAY = ("evidence", "attachments", "findings", "actions", "root_causes")
_REQUIRED: dict[str, tuple[str, ...]] = {
    "question": ("text",),
    "team_member": ("name", "role"),
    "schedule_slot": ("day", "start", "end", "activity"),
    "evidence": ("kind",),
    "attachment": ("evidence_id", "sha256", "size"),
    "finding": ("question_id", "kind"),
    "action": ("text",),
    "root_cause": ("finding_id",),
}


class PackageError(ValueError):
    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def _check_id(value: Any, path: str) -> None:
    if not isinstance(value, str) or not value or len(value) > 100:
        raise PackageError(path, "must be a non-empty id of at most 100 characters")
    try:
        value.encode("utf-8")  # ids are hashed into derived op ids; a lone surrogate cannot be
    except UnicodeEncodeError:
        raise PackageError(path, "must be valid Unicode text") from None


def _check_entity(entity: str, item: Any, path: str, extra: Iterable[str] = ()) -> None:
    if not isinstance(item, dict):
        raise PackageError(path, "must be an object")
    _check_id(item.get("id"), f"{path}.id")
    for name in _REQUIRED.get(entity, ()):
        if item.get(name) in (None, ""):
            raise PackageError(f"{path}.{name}", "is required")
    allowed = set(ENTITIES[entity]) | {"id"} | set(extra)
    for name, value in item.items():
        if name not in allowed:
            raise PackageError(f"{path}.{name}", "is not a field of this record")
        if name in ENTITIES[entity]:
            problem = field_problem(entity, name, value)
            if problem:
                raise PackageError(f"{path}.{name}", problem)


def _too_many() -> PackageError:
    return PackageError("$", f"holds more than {MAX_PACKAGE_OBJECTS:,} records and other items, more than "
                             "a review package can hold, so it was not imported")


def parse_package_json(text: str) -> Any:
    """json.loads for a package file, counting objects as they are parsed: PackageError beyond
    MAX_PACKAGE_OBJECTS (raised part way, so the rest is never built). JSON errors are json's own."""
    count = 0

    def counted(obj: dict[str, Any]) -> dict[str, Any]:
        nonlocal count
        count += 1
        if count > MAX_PACKAGE_OBJECTS:
            raise _too_many()
        return obj

    return json.loads(text, object_hook=counted)


def package_problem(doc: Any) -> PackageError | None:
    """The first problem in a package document, with its JSON path, or None when it is valid."""
    try:
        validate_package(doc)
    except PackageError as exc:
        return exc
    return None


def validate_package(doc: Any) -> None:
    if not isinstance(doc, dict):
        raise PackageError("$", "must be a JSON object")
    if sum(len(v) for v in doc.values() if isinstance(v, list)) > MAX_PACKAGE_OBJECTS:
        raise _too_many()  # a document that did not come through parse_package_json
    if doc.get("format") != FORMAT:
        raise PackageError("$.format", f"must be {FORMAT!r}")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError("$.format_version", "must be a whole number")
    if version > FORMAT_VERSION:
        raise PackageError("$.format_version", f"is {version}, newer than this app understands ({FORMAT_VERSION}); update SPP Desktop")
    if "issued_at" in doc:
        try:
            datetime.fromisoformat(str(doc["issued_at"]).replace("Z", "+00:00"))
        except ValueError:
            raise PackageError("$.issued_at", "must be an ISO 8601 date and time") from None
    review = doc.get("review")
    if not isinstance(review, dict):
        raise PackageError("$.review", "is required and must be an object")
    _check_id(review.get("id"), "$.review.id")
    for name in ("host_school", "start_date", "end_date"):
        if review.get(name) in (None, ""):
            raise PackageError(f"$.review.{name}", "is required")
    for name in ("host_school", "partnership", "headteacher", "start_date", "end_date"):
        if name in review:
            problem = field_problem("review", name, review[name])
            if problem:
                raise PackageError(f"$.review.{name}", problem)
    focus = review.get("focus")
    if not isinstance(focus, dict) or not isinstance(focus.get("title"), str) or not focus["title"].strip():
        raise PackageError("$.review.focus.title", "is required")
    if not isinstance(focus.get("description", ""), str):
        raise PackageError("$.review.focus.description", "must be text")
    if review["end_date"] < review["start_date"]:
        raise PackageError("$.review.end_date", "is before the start date")
    for section, entity in _LIST_SECTIONS.items():
        items = doc.get(section, [])
        if not isinstance(items, list):
            raise PackageError(f"$.{section}", "must be a list")
        seen: set[str] = set()
        for i, item in enumerate(items):
            extra = ("evidence_ids",) if entity == "finding" else ()
            _check_entity(entity, item, f"$.{section}[{i}]", extra)
            if item["id"] in seen:
                raise PackageError(f"$.{section}[{i}].id", "is used twice")
            seen.add(item["id"])
            if entity == "finding":
                ids = item.get("evidence_ids", [])
                if not isinstance(ids, list) or not all(isinstance(x, str) for x in ids):
                    raise PackageError(f"$.{section}[{i}].evidence_ids", "must be a list of evidence ids")
    for section, entity in _SINGLE_SECTIONS.items():
        record = doc.get(section, {})
        if not isinstance(record, dict):
            raise PackageError(f"$.{section}", "must be an object")
        for name, value in record.items():
            if name not in ENTITIES[entity]:
                raise PackageError(f"$.{section}.{name}", f"is not a field of the {section}")
            problem = field_problem(entity, name, value)
            if problem:
                raise PackageError(f"$.{section}.{name}", problem)
    if "team_key" in doc and not isinstance(doc["team_key"], str):
        raise PackageError("$.team_key", "must be base64 text")


def issued_ms(doc: dict[str, Any]) -> int:
    text = str(doc.get("issued_at") or "1970-01-01T00:00:00+00:00").replace("Z", "+00:00")
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    # Within the bounds every copy enforces (schema.bounds_problem): an issue date before 2020 (or none)
    # stamps the package's ops 2020-01-01, so they still sort before every edit made on a laptop.
    return min(MAX_WALL_MS, max(MIN_WALL_MS, int(moment.timestamp() * 1000)))


def _op(review_id: str, hlc: HLC, entity: str, entity_id: str, fields: dict[str, Any]) -> Operation:
    fields = {k: v for k, v in fields.items() if v is not None}
    content = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return Operation(
        op_id=derived_id(review_id, entity, entity_id, content),
        review_id=review_id, device_id=PACKAGE_DEVICE, seq=0, author=PACKAGE_DEVICE, hlc=hlc,
        entity=entity, entity_id=entity_id, kind=OpKind.SET, fields=fields, parents={},
    )


def package_to_ops(doc: dict[str, Any]) -> list[Operation]:
    """Deterministic operations for a valid package (call validate_package first)."""
    review = doc["review"]
    review_id = review["id"]
    hlc = HLC(issued_ms(doc), 0, PACKAGE_DEVICE)
    focus = review.get("focus", {})
    header = {
        "host_school": review.get("host_school"), "partnership": review.get("partnership"),
        "headteacher": review.get("headteacher"), "start_date": review.get("start_date"),
        "end_date": review.get("end_date"), "focus_title": focus.get("title"),
        "focus_description": focus.get("description"),
    }
    # An empty optional text is the same as an absent one (as for the feedback below): state_to_package
    # writes "" for an absent partnership, headteacher or focus description, and its output must derive
    # the very same op (and so the same state hash) as the package it came from.
    ops = [_op(review_id, hlc, "review", review_id, {k: v for k, v in header.items() if v != ""})]
    for section, entity in _LIST_SECTIONS.items():
        for position, item in enumerate(doc.get(section, [])):
            fields = {k: v for k, v in item.items() if k in ENTITIES[entity]}
            if "position" in ENTITIES[entity] and "position" not in fields:
                fields["position"] = position
            ops.append(_op(review_id, hlc, entity, item["id"], fields))
            if entity == "finding":
                for evidence_id in item.get("evidence_ids", []):
                    link_id = derived_id(review_id, "evidence_link", item["id"], evidence_id)
                    ops.append(_op(review_id, hlc, "evidence_link", link_id,
                                   {"finding_id": item["id"], "evidence_id": evidence_id}))
    for section, entity in _SINGLE_SECTIONS.items():
        record = {k: v for k, v in doc.get(section, {}).items() if v not in (None, "", [])}
        if record:
            ops.append(_op(review_id, hlc, entity, review_id, record))
    return ops


def state_to_package(state: ReviewState, *, issued_at: str | None = None, include_evidence: bool = True) -> dict[str, Any]:
    """The merged state of a review as a package document (winning values; deleted records left out)."""
    review = state.get("review", state.review_id)
    values = review.values() if review else {}
    doc: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "issued_at": issued_at or datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "review": {
            "id": state.review_id,
            "host_school": values.get("host_school", ""),
            "partnership": values.get("partnership", ""),
            "headteacher": values.get("headteacher", ""),
            "start_date": values.get("start_date", ""),
            "end_date": values.get("end_date", ""),
            "focus": {"title": values.get("focus_title", ""), "description": values.get("focus_description", "")},
        },
    }
    sections = dict(_LIST_SECTIONS)
    if not include_evidence:
        for name in _AFTER_REVIEW_DAY:
            sections.pop(name)
    links: dict[str, list[str]] = {}
    for link in state.of_kind("evidence_link"):
        v = link.values()
        links.setdefault(v.get("finding_id", ""), []).append(v.get("evidence_id", ""))
    for section, entity in sections.items():
        items = []
        for ent in state.of_kind(entity):
            item = {"id": ent.entity_id, **{k: v for k, v in ent.values().items() if v is not None}}
            if entity == "finding":
                item["evidence_ids"] = sorted(links.get(ent.entity_id, []))
            items.append(item)
        items.sort(key=lambda i: (i.get("position", 0), i.get("day", ""), i.get("start", ""), i["id"]))
        doc[section] = items
    for section, entity in _SINGLE_SECTIONS.items():
        if not include_evidence and section != "meeting":
            continue
        record = state.get(entity, state.review_id)
        if record and not record.deleted:
            doc[section] = {k: v for k, v in record.values().items() if v is not None}
    return doc
