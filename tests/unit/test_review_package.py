"""The demo review package, the package JSON Schema (docs/review-package.schema.json) and validate_package.

The schema is documentation that other tools can check against, so it must say what validate_package says:
the demo passes both, and broken variants fail both at the same JSON path. The demo must itself be a
review the programme would recognise: every kind of evidence, neutral language, triangulated findings.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind, SourceKind
from spp_desktop.domain.language import check_language
from sync.protocol import schema as proto
from sync.protocol.merge import ReviewState
from sync.protocol.package import (
    _LIST_SECTIONS,
    _REQUIRED,
    FORMAT,
    FORMAT_VERSION,
    package_problem,
    package_to_ops,
    state_to_package,
    validate_package,
)

ROOT = Path(__file__).resolve().parents[2]
DEMO_PATH = ROOT / "resources" / "demo" / "demo-review.json"
SCHEMA_PATH = ROOT / "docs" / "review-package.schema.json"


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    return _load(DEMO_PATH)


@pytest.fixture(scope="module")
def package_schema() -> dict[str, Any]:
    return _load(SCHEMA_PATH)


# --- JSON Schema validators -------------------------------------------------------------------------
# schemathesis (a test dependency) brings jsonschema_rs; the pure-Python jsonschema is used too when present.
# Each adapter returns the errors as (JSON path of the instance, keyword, message).

SchemaError = tuple[str, str, str]


def _json_path(parts: Any) -> str:
    out = "$"
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def _jsonschema_rs(schema: dict[str, Any]) -> Callable[[Any], list[SchemaError]]:
    import jsonschema_rs

    validator = jsonschema_rs.Draft202012Validator(schema)

    def errors(doc: Any) -> list[SchemaError]:
        return [(_json_path(e.instance_path), str(e.schema_path[-1]), e.message) for e in validator.iter_errors(doc)]

    return errors


def _jsonschema(schema: dict[str, Any]) -> Callable[[Any], list[SchemaError]]:
    import jsonschema

    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    def errors(doc: Any) -> list[SchemaError]:
        return [(_json_path(e.absolute_path), str(e.validator), e.message) for e in validator.iter_errors(doc)]

    return errors


def _available_validators() -> list[Any]:
    params = []
    for name, factory in (("jsonschema_rs", _jsonschema_rs), ("jsonschema", _jsonschema)):
        try:
            __import__(name)
        except ImportError:
            continue
        params.append(pytest.param(factory, id=name))
    return params or [pytest.param(None, id="no-validator", marks=pytest.mark.skip(reason="no JSON Schema validator installed"))]


@pytest.fixture(scope="module", params=_available_validators())
def schema_errors(request, package_schema) -> Callable[[Any], list[SchemaError]]:
    return request.param(package_schema)


# --- helpers ----------------------------------------------------------------------------------------


def _strings(value: Any, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{path}[{i}]")


def _evidence_of(doc: dict[str, Any], kind: str) -> int:
    return next(i for i, e in enumerate(doc["evidence"]) if e["kind"] == kind)


# --- the demo is a valid package --------------------------------------------------------------------


def test_demo_passes_validate_package(demo):
    validate_package(demo)
    assert package_problem(demo) is None
    assert demo["format"] == FORMAT and demo["format_version"] == FORMAT_VERSION


def test_demo_passes_the_json_schema(demo, schema_errors):
    assert schema_errors(demo) == []


def test_schema_is_a_draft_2020_12_schema(package_schema):
    assert package_schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert package_schema.get("title") and package_schema.get("description")
    for name, definition in package_schema["$defs"].items():
        if definition.get("type") == "object":
            assert definition.get("title") and definition.get("description"), name


# --- the schema says what validate_package and schema.ENTITIES say ----------------------------------

_TYPE_REFS = {
    proto.STR: {"#/$defs/text", "#/$defs/required_text"},
    proto.INT: {"#/$defs/whole_number"},
    proto.DATE: {"#/$defs/date", "#/$defs/date_or_null"},
    proto.TIME: {"#/$defs/time", "#/$defs/time_or_null"},
    proto.STR_LIST: {"#/$defs/text_list"},
    proto.BOOL: {"#/$defs/boolean"},
}
_ENUMS = {
    ("evidence", "kind"): proto.EVIDENCE_KINDS,
    ("finding", "kind"): proto.FINDING_KINDS,
    ("finding", "status"): proto.FINDING_STATUSES,
    ("team_member", "role"): proto.ROLES,
    ("action", "progress"): proto.ACTION_PROGRESS,
}
_LIST_ENUMS = {("question", "planned_sources"): proto.EVIDENCE_KINDS}
_SINGLES = [("feedback", "summary"), ("meeting", "meeting"), ("workshop", "workshop"), ("checkin", "checkin")]


@pytest.mark.parametrize("section,entity", list(_LIST_SECTIONS.items()) + _SINGLES)
def test_schema_records_match_the_entities(package_schema, section, entity):
    defs = package_schema["$defs"]
    prop = package_schema["properties"][section]
    single = (section, entity) in _SINGLES
    ref = prop["$ref"] if single else prop["items"]["$ref"]
    record = defs[ref.rsplit("/", 1)[1]]
    assert record["type"] == "object" and record["additionalProperties"] is False
    expected = set(proto.ENTITIES[entity])
    if not single:
        expected.add("id")
    if entity == "finding":
        expected.add("evidence_ids")
    assert set(record["properties"]) == expected
    required = set(_REQUIRED.get(entity, ()))
    assert set(record.get("required", [])) == (required | {"id"} if not single else set())
    for name, kind in proto.ENTITIES[entity].items():
        field = record["properties"][name]
        if (entity, name) in _ENUMS:
            assert field["enum"] == list(_ENUMS[entity, name]), name
            continue
        if (entity, name) in _LIST_ENUMS:
            assert field["type"] == "array" and field["items"]["enum"] == list(_LIST_ENUMS[entity, name]), name
            continue
        assert field["$ref"] in _TYPE_REFS[kind], name
        if name in required:  # "" and null count as missing
            assert field["$ref"] in ("#/$defs/required_text", "#/$defs/date", "#/$defs/time", "#/$defs/whole_number"), name
        elif kind in (proto.DATE, proto.TIME):  # a date or time may be cleared
            assert field["$ref"].endswith("_or_null"), name


def test_schema_patterns_match_the_protocol(package_schema):
    defs = package_schema["$defs"]
    for good, bad, key in (("2026-11-24", "24/11/2026", "date"), ("09:00", "9am", "time"), ("09:00:30", "0900", "time")):
        assert re.search(defs[key]["pattern"], good) and proto.field_problem("evidence", "day" if key == "date" else "start", good) is None
        assert not re.search(defs[key]["pattern"], bad) and proto.field_problem("evidence", "day" if key == "date" else "start", bad)
    assert defs["whole_number"]["exclusiveMaximum"] == 2**53 and defs["whole_number"]["exclusiveMinimum"] == -(2**53)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting (or, with value DELETE, removing) the member at a simple path such as 'evidence.3.kind'."""

    def mutate(doc: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = doc
        for part in parents:
            target = target[part]
        if value is DELETE:
            del target[last]
        else:
            target[last] = value

    return mutate


DELETE = object()


def _first_kind(kind: str, name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(doc: dict[str, Any]) -> None:
        doc["evidence"][_evidence_of(doc, kind)][name] = value

    return mutate


def _path_of_first(kind: str, name: str) -> Callable[[dict[str, Any]], str]:
    return lambda doc: f"$.evidence[{_evidence_of(doc, kind)}].{name}"


# (id, mutation, expected path of the problem: text or a function of the document)
BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], Any]] = [
    ("no host school", _set("review.host_school", DELETE), "$.review.host_school"),
    ("blank host school", _set("review.host_school", ""), "$.review.host_school"),
    ("host school not text", _set("review.host_school", 7), "$.review.host_school"),
    ("no review", _set("review", DELETE), "$.review"),
    ("no review id", _set("review.id", DELETE), "$.review.id"),
    ("review id too long", _set("review.id", "x" * 101), "$.review.id"),
    ("bad start date", _set("review.start_date", "24/11/2026"), "$.review.start_date"),
    ("no start date", _set("review.start_date", None), "$.review.start_date"),
    ("blank focus", _set("review.focus.title", "   "), "$.review.focus.title"),
    ("focus description not text", _set("review.focus.description", ["x"]), "$.review.focus.description"),
    ("wrong format", _set("format", "spp-review"), "$.format"),
    ("newer version", _set("format_version", 2), "$.format_version"),
    ("version not a number", _set("format_version", "1"), "$.format_version"),
    ("version true", _set("format_version", True), "$.format_version"),
    ("bad issued_at", _set("issued_at", "next Tuesday"), "$.issued_at"),
    ("wrong evidence kind", _set("evidence.3.kind", "lesson_grade"), "$.evidence[3].kind"),
    ("no evidence kind", _set("evidence.3.kind", DELETE), "$.evidence[3].kind"),
    ("bad evidence day", _set("evidence.5.day", "2026-11-24T09:00"), "$.evidence[5].day"),
    ("bad evidence time", _set("evidence.2.start", "9am"), "$.evidence[2].start"),
    ("unknown evidence field", _set("evidence.2.grade", "2"), "$.evidence[2].grade"),
    ("deleted flag in a package", _set("evidence.2._deleted", True), "$.evidence[2]._deleted"),
    ("empty evidence id", _set("evidence.0.id", ""), "$.evidence[0].id"),
    ("question ids not a list", _set("evidence.4.question_ids", "q1"), "$.evidence[4].question_ids"),
    ("tag not text", _set("evidence.4.tags", ["SEND", 3]), "$.evidence[4].tags"),
    ("count as text", _first_kind("focus_group", "participant_count", "8"), _path_of_first("focus_group", "participant_count")),
    ("count as fraction", _first_kind("book_scrutiny", "book_count", 7.5), _path_of_first("book_scrutiny", "book_count")),
    ("evidence not a list", _set("evidence", {}), "$.evidence"),
    ("evidence record not an object", _set("evidence.1", "observation"), "$.evidence[1]"),
    ("unknown role", _set("team.1.role", "inspector"), "$.team[1].role"),
    ("no team member name", _set("team.0.name", ""), "$.team[0].name"),
    ("no slot activity", _set("schedule.0.activity", DELETE), "$.schedule[0].activity"),
    ("slot day cleared", _set("schedule.0.day", None), "$.schedule[0].day"),
    ("unknown finding status", _set("findings.0.status", "graded"), "$.findings[0].status"),
    ("unknown finding field", _set("findings.0.score", 3), "$.findings[0].score"),
    ("evidence ids not a list", _set("findings.1.evidence_ids", "abc"), "$.findings[1].evidence_ids"),
    ("no finding question", _set("findings.2.question_id", ""), "$.findings[2].question_id"),
    ("action without text", _set("actions", [{"id": "a1", "text": ""}]), "$.actions[0].text"),
    ("attachment size as text", _set("attachments", [{"id": "p1", "evidence_id": "e", "sha256": "ab", "size": "12"}]),
     "$.attachments[0].size"),
    ("unknown feedback field", _set("feedback", {"grade": "2"}), "$.feedback.grade"),
    ("feedback not an object", _set("feedback", []), "$.feedback"),
    ("bad check-in date", _set("feedback", {"checkin_date": "in 90 days"}), "$.feedback.checkin_date"),
    ("team key not text", _set("team_key", 12345), "$.team_key"),
]


@pytest.mark.parametrize("mutate,expected", [pytest.param(m, p, id=i) for i, m, p in BROKEN])
def test_broken_variants_fail_both_at_the_same_path(demo, schema_errors, mutate, expected):
    doc = copy.deepcopy(demo)
    mutate(doc)
    expected_path = expected(doc) if callable(expected) else expected

    problem = package_problem(doc)
    assert problem is not None, "validate_package accepted it"
    assert problem.path == expected_path, problem

    errors = schema_errors(doc)
    assert errors, "the JSON Schema accepted it"
    # A schema reports a missing or unexpected member at the object that holds it, anything else at the value
    # (or at a part of it, e.g. the list item that is not text).
    parent, _, member = expected_path.rpartition(".")
    for path, keyword, message in errors:
        if keyword in ("required", "additionalProperties"):
            assert path == parent and member in message, (path, keyword, message)
        else:
            assert path == expected_path or path.startswith((expected_path + "[", expected_path + ".")), (path, keyword, message)


# (id, mutation): variants both accept
VALID: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("cleared evidence time", _set("evidence.0.end", None)),
    ("seconds in a time", _set("evidence.0.start", "09:00:00")),
    ("no issued_at", _set("issued_at", DELETE)),
    ("issued_at with offset", _set("issued_at", "2026-11-20T09:00:00+00:00")),
    ("older version", _set("format_version", 0)),
    ("team key", _set("team_key", "c2VjcmV0IHRlYW0ga2V5IG9mIDMyIGJ5dGVzIQ==")),
    ("unknown top-level member", _set("x_note", "ignored")),
    ("unknown review member", _set("review.x_note", "ignored")),
    ("no focus description", _set("review.focus.description", DELETE)),
    ("no evidence section", _set("evidence", DELETE)),
    ("no findings section", _set("findings", DELETE)),
    ("no feedback", _set("feedback", DELETE)),
    ("full feedback", _set("feedback", {"improvement_priority": "Build inference from Year 3", "next_steps": "Workshop",
                                        "checkin_date": "2027-03-02", "head_comment": "Agreed."})),
    ("cleared check-in date", _set("feedback", {"checkin_date": None})),
    ("actions", _set("actions", [{"id": "a1", "text": "Map how inference builds from Year 3 to Year 6", "owner": "English lead",
                                  "due": "2027-02-12", "position": 0}, {"id": "a2", "text": "Share tracker", "due": None}])),
    ("attachment", _set("attachments", [{"id": "p1", "evidence_id": "e", "sha256": "ab" * 32, "size": 0,
                                         "media_type": "image/jpeg", "width": 1600, "height": 1200}])),
    ("finding without evidence ids", _set("findings.0.evidence_ids", DELETE)),
]


@pytest.mark.parametrize("mutate", [pytest.param(m, id=i) for i, m in VALID])
def test_valid_variants_pass_both(demo, schema_errors, mutate):
    doc = copy.deepcopy(demo)
    mutate(doc)
    assert package_problem(doc) is None
    assert schema_errors(doc) == []


def test_minimal_package_passes_both(schema_errors):
    doc = {"format": FORMAT, "format_version": 1,
           "review": {"id": "r1", "host_school": "A school", "start_date": "2026-11-24", "end_date": "2026-11-24",
                      "focus": {"title": "Reading"}}}
    assert package_problem(doc) is None
    assert schema_errors(doc) == []


@pytest.mark.parametrize("mutate,path", [
    pytest.param(_set("review.end_date", "2026-11-23"), "$.review.end_date", id="end before start"),
    pytest.param(lambda d: d["evidence"][1].update(id=d["evidence"][0]["id"]), "$.evidence[1].id", id="id used twice"),
])
def test_cross_field_rules_are_left_to_validate_package(demo, mutate, path):
    """What the schema cannot say (its description lists these): validate_package still rejects them."""
    doc = copy.deepcopy(demo)
    mutate(doc)
    problem = package_problem(doc)
    assert problem is not None and problem.path == path


# --- the demo is a realistic, complete review -------------------------------------------------------


def test_demo_review(demo):
    review = demo["review"]
    assert review["start_date"] < review["end_date"]
    assert review["focus"]["title"] and review["focus"]["description"]
    assert len(demo["enquiry_questions"]) == 3
    assert demo["issued_at"] == "2026-11-20T09:00:00Z"
    assert demo["actions"] == [] and demo["feedback"] == {}  # the feedback conversation has not happened yet


def test_demo_ids_are_uuids(demo):
    ids = [demo["review"]["id"]] + [item["id"] for section in _LIST_SECTIONS for item in demo.get(section, [])]
    for value in ids:
        assert str(uuid.UUID(value)) == value
    assert len(ids) == len(set(ids))


def test_demo_team(demo):
    roles = Counter(m["role"] for m in demo["team"])
    assert roles == {"lead_reviewer": 1, "reviewer": 2, "headteacher": 1, "improvement_champion": 1}
    assert all(m["school"] for m in demo["team"])
    head = next(m for m in demo["team"] if m["role"] == "headteacher")
    assert head["name"] == demo["review"]["headteacher"] and head["school"] == demo["review"]["host_school"]


def test_demo_has_every_kind_of_evidence(demo):
    evidence = demo["evidence"]
    assert len(evidence) >= 20
    assert {e["kind"] for e in evidence} == set(proto.EVIDENCE_KINDS)


def test_demo_evidence_is_complete_and_fits_the_schedule(demo):
    questions = {q["id"] for q in demo["enquiry_questions"]}
    reviewers = {m["id"] for m in demo["team"] if m["role"] in ("lead_reviewer", "reviewer")}
    slots = {s["id"]: s for s in demo["schedule"]}
    kind_fields = {
        "observation": ("class_name", "subject", "staff", "seen", "pupil_voice"),
        "learning_walk": ("class_name", "subject", "staff", "seen", "pupil_voice"),
        "interview": ("participants", "participant_count", "prompts"),
        "focus_group": ("participants", "participant_count", "prompts"),
        "book_scrutiny": ("year_group", "subject", "book_count", "sample", "looked_at"),
        "data_review": ("title", "source_detail"),
        "survey": ("title", "source_detail"),
        "document": ("title", "source_detail"),
    }
    for e in demo["evidence"]:
        assert e["author"] in reviewers
        assert 1 <= len(e["question_ids"]) <= 2 and set(e["question_ids"]) <= questions
        assert e["tags"] and e["notes"]
        for name in kind_fields[e["kind"]]:
            assert e.get(name) not in (None, "", 0), (e["id"], name)
        if e["kind"] in ("interview", "focus_group"):
            assert e["participants"] in ("staff", "pupils", "parents", "governors", "leaders")
        slot = slots[e["slot_id"]]
        assert slot["activity"] == e["kind"] and e["author"] in slot["reviewer_ids"]
        assert slot["day"] == e["day"] and slot["start"] <= e["start"] < e["end"] <= slot["end"]
    assert len({e["author"] for e in demo["evidence"]}) == 3
    assert any(e.get("reviewer_notes") for e in demo["evidence"])
    for slot in demo["schedule"]:
        assert slot["reviewer_ids"] and set(slot["reviewer_ids"]) <= reviewers
    days = {s["day"] for s in demo["schedule"]}
    assert days == {demo["review"]["start_date"], demo["review"]["end_date"]}
    assert any(s["activity"] == "Feedback conversation" for s in demo["schedule"])


def test_demo_findings_rest_on_evidence(demo):
    findings = demo["findings"]
    evidence = {e["id"]: e for e in demo["evidence"]}
    assert 6 <= len(findings) <= 8
    assert {f["kind"] for f in findings} == set(proto.FINDING_KINDS)
    assert {f["question_id"] for f in findings} == {q["id"] for q in demo["enquiry_questions"]}
    source_kinds = []
    for f in findings:
        assert f["text"]
        assert 2 <= len(f["evidence_ids"]) <= 5 and set(f["evidence_ids"]) <= set(evidence)
        source_kinds.append(len({EvidenceKind(evidence[i]["kind"]).source for i in f["evidence_ids"]}))
        if f["status"] in ("agreed", "amended"):
            assert f.get("head_comment")
    statuses = Counter(f["status"] for f in findings)
    assert statuses["draft"] > len(findings) / 2 and 1 <= statuses["agreed"] <= 2
    assert source_kinds.count(1) == 1  # one finding deliberately rests on one kind of source
    assert all(n >= 2 for n in source_kinds if n != 1)
    assert len(SourceKind) == 4


def test_demo_language_is_neutral(demo):
    """No inspection grades or judgements of people anywhere in the demo."""
    for path, text in _strings(demo):
        assert check_language(text) == [], (path, text)
        for word in ("outstanding", "requires improvement", "inadequate", "good lesson", "weak"):
            assert word not in text.lower(), (path, text)


def test_demo_ops_are_well_formed_and_deterministic(demo):
    ops = package_to_ops(demo)
    assert ops
    for op in ops:
        assert proto.op_problem(op) is None, (op.entity, op.entity_id, proto.op_problem(op))
        assert op.review_id == demo["review"]["id"]
    links = [op for op in ops if op.entity == "evidence_link"]
    assert len(links) == sum(len(f["evidence_ids"]) for f in demo["findings"])
    assert [op.op_id for op in package_to_ops(copy.deepcopy(demo))] == [op.op_id for op in ops]


def test_demo_survives_ops_and_back(demo):
    state = ReviewState(demo["review"]["id"])
    state.apply_all(package_to_ops(demo))
    back = state_to_package(state, issued_at=demo["issued_at"])
    assert package_problem(back) is None
    assert back["review"] == demo["review"]
    for section in _LIST_SECTIONS:
        by_id = {item["id"]: item for item in back[section]}
        assert by_id == {item["id"]: item | ({"evidence_ids": sorted(item["evidence_ids"])} if section == "findings" else {})
                         for item in demo.get(section, [])}, section
    assert back.get("feedback", {}) == demo["feedback"]


def test_demo_moved_to_another_start_day_is_still_valid(demo):
    from spp_desktop.demo import demo_package

    moved = demo_package(date(2027, 3, 1))
    assert package_problem(moved) is None
    assert moved["review"]["start_date"] == "2027-03-01" and moved["review"]["end_date"] == "2027-03-02"
    days = {moved["review"]["start_date"], moved["review"]["end_date"]}
    assert {e["day"] for e in moved["evidence"]} == days and {s["day"] for s in moved["schedule"]} == days
