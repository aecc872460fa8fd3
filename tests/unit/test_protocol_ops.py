"""Operations on the wire, the field schema, and the review package (sync/protocol ops, schema, package)."""

from __future__ import annotations

import copy
import json
import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sync.protocol import DELETED, HLC, Operation, OpKind, ProtocolError, ReviewState
from sync.protocol.package import (
    FORMAT,
    FORMAT_VERSION,
    PackageError,
    package_problem,
    package_to_ops,
    state_to_package,
    validate_package,
)
from sync.protocol.schema import (
    ACTION_PROGRESS,
    BOOL,
    CLOSURE_REASONS,
    CONCERN_ROLES,
    DATE,
    ENTITIES,
    EVIDENCE_KINDS,
    FINDING_KINDS,
    FINDING_STATUSES,
    INT,
    MAX_COUNTER,
    MAX_FIELD_BYTES,
    MAX_SEQ,
    MAX_WALL_MS,
    MIN_WALL_MS,
    ROLES,
    STR,
    STR_LIST,
    TIME,
    field_problem,
    op_problem,
    requires_lead,
)

_EXAMPLES = int(os.environ.get("SPP_HYPOTHESIS_EXAMPLES", "0"))
DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo" / "demo-review.json"


def _settings(default: int) -> settings:
    return settings(max_examples=_EXAMPLES or default, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# --- strategies ------------------------------------------------------------------------------------
CHOICES = {("evidence", "kind"): EVIDENCE_KINDS, ("finding", "kind"): FINDING_KINDS,
           ("finding", "status"): FINDING_STATUSES, ("team_member", "role"): ROLES,
           ("action", "progress"): ACTION_PROGRESS, ("concern_notice", "to_role"): CONCERN_ROLES,
           ("closure", "reason"): CLOSURE_REASONS}
LIST_CHOICES = {("question", "planned_sources"): EVIDENCE_KINDS}
TEXT = st.text(max_size=40)  # hypothesis text never holds lone surrogates
IDS = st.uuids().map(str)
DATES = st.dates().map(lambda d: f"{d.year:04d}-{d.month:02d}-{d.day:02d}")
TIMES = st.times().map(lambda t: t.strftime("%H:%M"))


def value_strategy(entity: str, name: str, kind: str) -> st.SearchStrategy[Any]:
    if (entity, name) in CHOICES:
        return st.sampled_from(CHOICES[(entity, name)])
    if (entity, name) in LIST_CHOICES:
        return st.lists(st.sampled_from(LIST_CHOICES[(entity, name)]), max_size=4)
    return {
        STR: TEXT,
        INT: st.integers(-(2**53) + 1, 2**53 - 1),
        BOOL: st.booleans(),
        DATE: st.none() | DATES,
        TIME: st.none() | TIMES,
        STR_LIST: st.lists(TEXT, max_size=4),
    }[kind]


@st.composite
def fields_for(draw: st.DrawFn, entity: str) -> dict[str, Any]:
    spec = ENTITIES[entity]
    names = draw(st.lists(st.sampled_from(sorted(spec)), min_size=1, max_size=5, unique=True))
    return {name: draw(value_strategy(entity, name, spec[name])) for name in names}


@st.composite
def operations(draw: st.DrawFn) -> Operation:
    entity = draw(st.sampled_from(sorted(ENTITIES)))
    kind = draw(st.sampled_from(list(OpKind)))
    fields: dict[str, Any] = {} if kind is OpKind.DELETE else draw(fields_for(entity))
    if kind is not OpKind.DELETE and draw(st.booleans()):
        fields[DELETED] = draw(st.booleans())
    parent_names = sorted(ENTITIES[entity]) + [DELETED]
    parents = draw(st.dictionaries(st.sampled_from(parent_names), st.lists(IDS, min_size=1, max_size=3)
                                   .map(tuple), max_size=3))
    device = draw(st.text(min_size=1, max_size=20))
    return Operation(
        op_id=draw(IDS), review_id=draw(IDS), device_id=device,
        seq=draw(st.integers(0, MAX_SEQ)), author=draw(st.text(min_size=1, max_size=20)),
        hlc=HLC(draw(st.integers(MIN_WALL_MS, MAX_WALL_MS)), draw(st.integers(0, MAX_COUNTER)), device),
        entity=entity, entity_id=draw(IDS), kind=kind, fields=fields, parents=parents,
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


# --- (f) the wire form ---------------------------------------------------------------------------------
@_settings(300)
@given(op=operations())
def test_wire_round_trip(op):
    wire = json.loads(json.dumps(op.to_wire(), ensure_ascii=False))
    back = Operation.from_wire(wire)
    assert back == op
    assert back.to_wire() == op.to_wire()
    assert op_problem(op) is None, op_problem(op)


@_settings(300)
@given(junk=JSON)
def test_random_json_is_refused_with_a_protocol_error(junk):
    try:
        Operation.from_wire(junk)
    except ProtocolError:
        return
    pytest.fail(f"accepted {junk!r}")


WIRE_KEYS = ["op_id", "review_id", "device_id", "seq", "author", "hlc", "entity", "entity_id", "kind",
             "fields", "parents"]


@_settings(400)
@given(op=operations(), mutations=st.lists(st.tuples(st.sampled_from(WIRE_KEYS), st.sampled_from(
    ["drop", "replace", "hlc_part", "nested"]), JSON), min_size=1, max_size=3))
def test_mutated_wire_dicts_give_an_operation_or_a_protocol_error(op, mutations):
    wire = json.loads(json.dumps(op.to_wire()))
    for key, how, junk in mutations:
        if how == "drop":
            wire.pop(key, None)
        elif how == "replace":
            wire[key] = junk
        elif how == "hlc_part" and isinstance(wire.get("hlc"), list) and wire["hlc"]:
            wire["hlc"][len(str(junk)) % len(wire["hlc"])] = junk
        elif how == "nested" and isinstance(wire.get(key), dict):
            wire[key][str(junk)[:8]] = junk
    try:
        parsed = Operation.from_wire(wire)
    except ProtocolError as exc:
        assert str(exc)
        return
    # Accepted: then it is well-typed enough for the schema check and the merge, which must not raise.
    assert isinstance(parsed.hlc, HLC) and isinstance(parsed.kind, OpKind)
    assert all(isinstance(ids, tuple) for ids in parsed.parents.values())
    problem = op_problem(parsed)
    assert problem is None or isinstance(problem, str)
    if problem is None:
        state = ReviewState(parsed.review_id)
        state.apply(parsed)
        state.state_hash()


@pytest.mark.parametrize("key", ["op_id", "review_id", "device_id", "author", "entity", "entity_id", "seq",
                                 "hlc", "kind"])
@pytest.mark.parametrize("bad", [None, "", 1.5, True, [], {}, -1])
def test_each_required_key_is_checked(key, bad):
    wire = _wire()
    wire[key] = bad
    with pytest.raises(ProtocolError):
        Operation.from_wire(wire)


@pytest.mark.parametrize("change", [
    {"fields": []}, {"fields": "x"}, {"parents": []}, {"parents": {"notes": 5}}, {"parents": {"notes": [1]}},
    {"kind": "merge"}, {"hlc": [1, 2]}, {"hlc": "1-2-d"},
])
def test_malformed_shapes(change):
    with pytest.raises(ProtocolError):
        Operation.from_wire({**_wire(), **change})


def test_not_an_object():
    for junk in (None, [], "op", 3, [_wire()]):
        with pytest.raises(ProtocolError):
            Operation.from_wire(junk)


def test_a_single_parent_may_be_given_as_a_string():
    op = Operation.from_wire({**_wire(), "parents": {"notes": "p1"}})
    assert op.parents == {"notes": ("p1",)}
    assert op.seen_op_ids() == frozenset({"p1"})


def test_lone_surrogates_are_refused_not_crashed_on():
    """JSON may spell "\\ud800"; json.loads accepts it but UTF-8 cannot encode it.

    Before the fix op_problem raised UnicodeEncodeError (a 500 on the server) instead of a reason.
    """
    wire = json.loads('{"notes": "half a pair: \\ud800"}')
    op = Operation.from_wire({**_wire(), "fields": wire})
    assert "not valid Unicode" in (op_problem(op) or "")
    assert "not valid Unicode" in (field_problem("evidence", "tags", ["\ud83d"]) or "")
    op = Operation.from_wire({**_wire(), "author": "\udfff"})
    assert "not valid Unicode" in (op_problem(op) or "")


def _wire(**over: Any) -> dict[str, Any]:
    wire: dict[str, Any] = {
        "op_id": str(uuid.UUID(int=7)), "review_id": "review-1", "device_id": "dev", "seq": 1,
        "author": "reviewer", "hlc": [1_780_000_000_000, 0, "dev"], "entity": "evidence",
        "entity_id": str(uuid.UUID(int=8)), "kind": "set", "fields": {"notes": "n"}, "parents": {},
    }
    wire.update(over)
    return wire


def _op(**over: Any) -> Operation:
    return Operation.from_wire(_wire(**over))


# --- (h) the field schema --------------------------------------------------------------------------------
def test_valid_op_has_no_problem():
    assert op_problem(_op()) is None
    assert op_problem(_op(kind="delete", fields={}, parents={"notes": ["a"], DELETED: ["b"]})) is None
    assert op_problem(_op(kind="resolve", fields={DELETED: False}, parents={"notes": ["a"]})) is None
    assert op_problem(_op(fields={"day": None, "start": None})) is None  # dates and times may be cleared


@pytest.mark.parametrize(("over", "words"), [
    ({"entity": "gossip"}, "unknown entity"),
    ({"fields": {"mood": "sunny"}}, "unknown field"),
    ({"entity": "finding", "fields": {"notes": "x"}}, "unknown field"),
    ({"op_id": "not-a-uuid"}, "UUID"),
    ({"fields": {}}, "at least one field"),
    ({"kind": "resolve", "fields": {}}, "at least one field"),
    ({"kind": "delete", "fields": {"notes": "x"}}, "no fields"),
    ({"parents": {"mood": ["a"]}}, "unknown field"),
    ({"fields": {"notes": 5}}, "type str"),
    ({"fields": {"notes": None}}, "type str"),
    ({"fields": {"participant_count": "3"}}, "type int"),
    ({"fields": {"participant_count": True}}, "type int"),
    ({"fields": {"participant_count": 2.0}}, "type int"),
    ({"fields": {"participant_count": 2**53}}, "type int"),
    ({"fields": {"day": "24/11/2026"}}, "type date"),
    ({"fields": {"day": 20261124}}, "type date"),
    ({"fields": {"start": "9am"}}, "type time"),
    ({"fields": {"tags": "reading"}}, "type str_list"),
    ({"fields": {"tags": ["reading", 3]}}, "type str_list"),
    ({"fields": {"kind": "gossip"}}, "must be one of"),
    ({"entity": "finding", "fields": {"status": "final"}}, "must be one of"),
    ({"entity": "team_member", "fields": {"role": "boss"}}, "must be one of"),
    ({"fields": {DELETED: "yes"}}, "_deleted"),
    ({"fields": {"notes": "x" * (MAX_FIELD_BYTES + 1)}}, "larger than"),
    ({"fields": {"notes": "ŵ" * (MAX_FIELD_BYTES // 2 + 1)}}, "larger than"),  # bytes, not characters
    ({"fields": {"notes": "x" * 900_000, "reviewer_notes": "x" * 900_000, "seen": "x" * 900_000}},
     "too large"),
])
def test_op_problem_refuses(over, words):
    problem = op_problem(_op(**over))
    assert problem is not None and words in problem, problem


def test_field_at_the_size_limit_is_accepted():
    assert field_problem("evidence", "notes", "x" * (MAX_FIELD_BYTES - 2)) is None  # 2 bytes of quotes


def test_only_the_lead_resolves_or_agrees_findings():
    assert requires_lead(_op(kind="resolve"))
    assert requires_lead(_op(entity="finding", fields={"status": "agreed"}))
    assert not requires_lead(_op(entity="finding", fields={"status": "draft"}))
    assert not requires_lead(_op())


# --- (i) the review package --------------------------------------------------------------------------------
def _demo() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def _minimal() -> dict[str, Any]:
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "issued_at": "2026-11-20T09:00:00Z",
        "review": {"id": "r1", "host_school": "Ysgol Gymraeg", "start_date": "2026-11-24",
                   "end_date": "2026-11-25", "focus": {"title": "Reading"}},
        "team": [{"id": "t1", "name": "A", "role": "lead_reviewer"}, {"id": "t2", "name": "B", "role": "reviewer"}],
        "schedule": [{"id": "s1", "day": "2026-11-24", "start": "09:00", "end": "10:00", "activity": "Walk"}],
        "evidence": [{"id": "e1", "kind": "observation", "notes": "n"}, {"id": "e2", "kind": "document"}],
        "findings": [{"id": "f1", "question_id": "q1", "kind": "strength", "evidence_ids": ["e1"]}],
        "feedback": {"next_steps": "Keep going"},
    }


def _set(doc: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    target: Any = doc
    for key in path[:-1]:
        target = target[key]
    if value is _DROP:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return doc


_DROP = object()


@pytest.mark.parametrize(("path", "value", "where"), [
    ([], None, "$"),
    (["format"], "something-else", "$.format"),
    (["format_version"], "1", "$.format_version"),
    (["format_version"], FORMAT_VERSION + 1, "$.format_version"),
    (["issued_at"], "yesterday", "$.issued_at"),
    (["review"], _DROP, "$.review"),
    (["review", "id"], "", "$.review.id"),
    (["review", "host_school"], _DROP, "$.review.host_school"),
    (["review", "start_date"], "24/11/2026", "$.review.start_date"),
    (["review", "focus"], _DROP, "$.review.focus.title"),
    (["review", "focus", "title"], "   ", "$.review.focus.title"),
    (["review", "end_date"], "2026-11-23", "$.review.end_date"),
    (["evidence"], {"e1": {}}, "$.evidence"),
    (["evidence", 1], "e2", "$.evidence[1]"),
    (["evidence", 1, "kind"], "gossip", "$.evidence[1].kind"),
    (["evidence", 0, "mood"], "sunny", "$.evidence[0].mood"),
    (["evidence", 1, "id"], "e1", "$.evidence[1].id"),
    (["team", 1, "role"], _DROP, "$.team[1].role"),
    (["schedule", 0, "day"], _DROP, "$.schedule[0].day"),
    (["schedule", 0, "start"], "nine", "$.schedule[0].start"),
    (["findings", 0, "evidence_ids"], "e1", "$.findings[0].evidence_ids"),
    (["feedback"], [], "$.feedback"),
    (["feedback", "colour"], "green", "$.feedback.colour"),
    (["team_key"], 5, "$.team_key"),
    (["evidence", 0, "id"], "e\udc80", "$.evidence[0].id"),  # used to crash package_to_ops instead
    (["review", "headteacher"], "\ud800", "$.review.headteacher"),
])
def test_validate_package_names_the_path_of_the_problem(path, value, where):
    doc = _minimal()
    doc = value if not path else _set(doc, path, value)
    with pytest.raises(PackageError) as caught:
        validate_package(doc)
    assert caught.value.path == where, caught.value
    problem = package_problem(doc)
    assert problem is not None and problem.path == where


def test_the_first_problem_is_reported():
    doc = _minimal()
    doc["evidence"][1]["kind"] = "gossip"
    doc["findings"][0]["kind"] = "rumour"
    doc["team"][0]["role"] = "boss"  # the team comes before evidence and findings
    assert package_problem(doc).path == "$.team[0].role"  # type: ignore[union-attr]


def test_valid_documents_pass():
    assert package_problem(_minimal()) is None
    assert package_problem(_demo()) is None


@pytest.mark.parametrize("doc", [_minimal(), _demo()], ids=["minimal", "demo"])
def test_package_to_ops_is_deterministic_and_round_trips(doc):
    """The minimal package has no partnership, headteacher or focus description.

    Before the fix state_to_package wrote "" for them, which derived another review op than the
    original package (absent field) and so another state hash.
    """
    ops = package_to_ops(doc)
    again = package_to_ops(json.loads(json.dumps(doc)))
    assert [o.op_id for o in ops] == [o.op_id for o in again]
    assert [o.to_wire() for o in ops] == [o.to_wire() for o in again]
    for op in ops:
        assert op_problem(op) is None, (op, op_problem(op))
    state = ReviewState(doc["review"]["id"])
    state.apply_all(ops)
    assert state.conflicts() == {}
    exported = state_to_package(state, issued_at=doc.get("issued_at"))
    assert package_problem(exported) is None
    back = ReviewState(doc["review"]["id"])
    back.apply_all(package_to_ops(exported))
    assert back.state_hash() == state.state_hash()
    # Importing the package twice (or on two laptops) merges as duplicates, not conflicts.
    state.apply_all(package_to_ops(copy.deepcopy(doc)))
    assert state.conflicts() == {}
    assert state.state_hash() == back.state_hash()


@pytest.mark.parametrize("issued_at", ["1960-01-01T00:00:00Z", "0001-01-01", "9999-12-31T23:59:59+14:00"])
def test_package_ops_from_any_valid_issue_date_survive_the_wire(issued_at):
    """A package issued "before 1970" used to give ops with a negative HLC, which the wire refuses."""
    doc = {**_minimal(), "issued_at": issued_at}
    assert package_problem(doc) is None
    for op in package_to_ops(doc):
        assert Operation.from_wire(json.loads(json.dumps(op.to_wire()))) == op


# Generated packages: every optional part present or absent.
_ID = st.text(st.characters(min_codepoint=48, max_codepoint=122), min_size=1, max_size=12)


def _items(entity: str, required: dict[str, st.SearchStrategy[Any]], optional: list[str]) -> Any:
    spec = ENTITIES[entity]
    opt = st.fixed_dictionaries({}, optional={
        name: value_strategy(entity, name, spec[name]).filter(lambda v: v not in (None, "")) for name in optional
    })
    return st.lists(st.tuples(st.fixed_dictionaries(required), opt), max_size=4).map(
        lambda rows: [{"id": f"{entity}-{i}", **req, **o} for i, (req, o) in enumerate(rows)])


NONEMPTY = st.text(min_size=1, max_size=20).filter(str.strip)
PACKAGES = st.fixed_dictionaries(
    {
        "format": st.just(FORMAT), "format_version": st.just(FORMAT_VERSION),
        "review": st.fixed_dictionaries(
            {"id": _ID, "host_school": NONEMPTY, "start_date": st.just("2026-11-24"),
             "end_date": st.sampled_from(["2026-11-24", "2026-11-25"]),
             "focus": st.fixed_dictionaries({"title": NONEMPTY}, optional={"description": TEXT})},
            optional={"partnership": TEXT, "headteacher": TEXT}),
    },
    optional={
        "issued_at": st.sampled_from(["2026-11-20T09:00:00Z", "2026-11-20T10:00:00+01:00", "2026-11-20"]),
        "enquiry_questions": _items("question", {"text": NONEMPTY}, ["position"]),
        "team": _items("team_member", {"name": NONEMPTY, "role": st.sampled_from(ROLES)}, ["school"]),
        "evidence": _items("evidence", {"kind": st.sampled_from(EVIDENCE_KINDS)},
                           ["notes", "day", "start", "tags", "participant_count"]),
        "findings": _items("finding", {"question_id": _ID, "kind": st.sampled_from(FINDING_KINDS)},
                           ["text", "status", "position"]),
        "actions": _items("action", {"text": NONEMPTY}, ["owner", "due"]),
        "feedback": st.fixed_dictionaries({}, optional={"next_steps": TEXT, "improvement_priority": TEXT}),
    },
)


@_settings(150)
@given(doc=PACKAGES, links=st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3)), max_size=5))
def test_generated_packages_round_trip(doc, links):
    for f, e in links:
        if f < len(doc.get("findings", [])) and e < len(doc.get("evidence", [])):
            doc["findings"][f].setdefault("evidence_ids", []).append(doc["evidence"][e]["id"])
    problem = package_problem(doc)
    assume(problem is None)
    ops = package_to_ops(doc)
    assert [o.op_id for o in ops] == [o.op_id for o in package_to_ops(copy.deepcopy(doc))]
    for op in ops:
        assert op_problem(op) is None
    state = ReviewState(doc["review"]["id"])
    state.apply_all(ops)
    exported = state_to_package(state)
    assert package_problem(exported) is None, package_problem(exported)
    back = ReviewState(doc["review"]["id"])
    back.apply_all(package_to_ops(exported))
    assert back.state_hash() == state.state_hash()
