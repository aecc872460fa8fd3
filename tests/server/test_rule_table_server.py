"""The rule table on the server (issue 10, item 2): every case of tests/rule_matrix.py pushed to the real
app by a team member, on a record set up by its rightful author; accepted exactly when the table allows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.protocol import uuid7
from tests import rule_matrix
from tests.rule_matrix import Case

from .conftest import Api, make_api
from .helpers import make_op

RESULTS: dict[str, bool] = {}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    path: Path = tmp_path_factory.mktemp("rules") / "api.sqlite3"
    yield from make_api(f"sqlite:///{path}")
    print("\nserver rule matrix:", rule_matrix.summary(RESULTS))


def push(api: Api, name: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rid = api.world.review_id
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": ops}, headers=api.auth(name))
    assert r.status_code == 200, r.text
    return r.json()["results"]


def setup_record(api: Api, case: Case) -> tuple[str, dict[str, list[str]]]:
    """Make the record the case changes, by its rightful author. (entity id, field -> head op ids)."""
    rid, users = api.world.review_id, api.world.users
    author = users[case.role]
    other = users["reviewer" if case.role == "lead" else "lead"]
    owner_name = case.role if case.target in ("own", "-", "draft", "agreed") else ("reviewer" if case.role == "lead" else "lead")
    owner = author if owner_name == case.role else other
    if case.entity in ("review", "closure"):
        return rid, {}
    if case.entity == "team_member":
        return users["reviewer"], {}
    entity_id = rid if case.entity in ("summary", "release") else uuid7()
    fields: dict[str, Any]
    if case.entity == "concern_notice":
        made = make_op(rid, owner, entity="concern_notice", entity_id=entity_id, device=f"d-{owner_name}",
                       fields={"day": "2026-03-10", "time": "10:42", "to_role": "dsl", "author": owner})
        assert push(api, owner_name, [made])[0]["status"] == "accepted"
        return entity_id, {name: [made["op_id"]] for name in made["fields"]}
    if case.entity in ("evidence", "attachment"):
        evidence_id = entity_id if case.entity == "evidence" else uuid7()
        first = make_op(rid, owner, entity="evidence", entity_id=evidence_id, device=f"d-{owner_name}",
                        fields={"kind": "observation", "author": owner, "notes": "Seen"})
        ops = [first]
        if case.entity == "attachment":
            ops.append(make_op(rid, owner, entity="attachment", entity_id=entity_id, device=f"d-{owner_name}",
                               fields={"evidence_id": evidence_id, "sha256": "0" * 64, "size": 5}))
        assert [r["status"] for r in push(api, owner_name, ops)] == ["accepted"] * len(ops)
        last = ops[-1]
        return entity_id, {name: [last["op_id"]] for name in last["fields"]}
    if case.entity == "finding":
        fields = {"question_id": "q", "kind": "strength", "text": "Fluent readers", "author": users["lead"]}
        if case.target == "agreed":
            fields["status"] = "agreed"
    elif case.entity == "evidence_link":
        fields = {"finding_id": uuid7(), "evidence_id": uuid7()}
    elif case.entity == "summary":
        fields = {"next_steps": "Read more"}
    elif case.entity == "release":
        fields = {"findings": True}
    elif case.entity == "schedule_slot":
        fields = {"day": "2026-03-10", "start": "09:00", "end": "10:00", "activity": "Walk"}
    elif case.entity in ("meeting", "workshop"):
        fields = {"notes": "Words"}
    elif case.entity == "checkin":
        fields = {"next_steps": "Words"}
    else:  # question, action, root_cause
        fields = {"text": "Words"}
    made = make_op(rid, users["lead"], entity=case.entity, entity_id=entity_id, device="d-lead", fields=fields)
    assert push(api, "lead", [made])[0]["status"] == "accepted"
    return entity_id, {name: [made["op_id"]] for name in fields}


@pytest.mark.parametrize("case", rule_matrix.cases(), ids=lambda c: c.id)
def test_rule_table_on_the_server(api: Api, case: Case) -> None:
    entity_id, heads = setup_record(api, case)
    author = api.world.users[case.role]
    if case.kind == "delete":
        op = make_op(api.world.review_id, author, entity=case.entity, entity_id=entity_id, kind="delete",
                     device=f"d-{case.role}", parents=heads)
    else:
        field = case.field
        op = make_op(api.world.review_id, author, entity=case.entity, entity_id=entity_id, kind=case.kind,
                     device=f"d-{case.role}", fields={field: rule_matrix.value_for(case.entity, field, author)},
                     parents={field: heads[field]} if field in heads else {})
    result = push(api, case.role, [op])[0]
    RESULTS[case.id] = result["status"] == "accepted"
    expected = rule_matrix.allowed(case)
    assert (result["status"] == "accepted") is expected, result
    if not expected:
        assert result["code"] in ("lead_only", "server_only", "not_owner", "lead_or_champion", "not_for_champion"), result


def test_giving_evidence_to_someone_else_is_refused(api: Api) -> None:
    rid, users = api.world.review_id, api.world.users
    mine = make_op(rid, users["reviewer"], device="d-reviewer", fields={"kind": "observation", "author": users["lead"]})
    assert push(api, "reviewer", [mine])[0]["code"] == "not_owner"


def test_a_plain_edit_may_not_settle_a_conflict(api: Api) -> None:
    rid, users = api.world.review_id, api.world.users
    finding = uuid7()
    a = make_op(rid, users["lead"], entity="finding", entity_id=finding, device="d-lead",
                fields={"question_id": "q", "kind": "strength", "text": "A"})
    b = make_op(rid, users["reviewer"], entity="finding", entity_id=finding, device="d-reviewer",
                fields={"text": "B"})
    assert [r["status"] for r in push(api, "lead", [a])] == ["accepted"]
    assert [r["status"] for r in push(api, "reviewer", [b])] == ["accepted"]
    both = {"text": [a["op_id"], b["op_id"]]}
    plain = make_op(rid, users["reviewer"], entity="finding", entity_id=finding, device="d-reviewer",
                    fields={"text": "C"}, parents=both, counter=5)
    assert push(api, "reviewer", [plain])[0]["code"] == "conflict_needs_resolve"
    plain_lead = make_op(rid, users["lead"], entity="finding", entity_id=finding, device="d-lead",
                         fields={"text": "C"}, parents=both, counter=6)
    assert push(api, "lead", [plain_lead])[0]["code"] == "conflict_needs_resolve"  # even the lead's
    resolve = make_op(rid, users["lead"], entity="finding", entity_id=finding, device="d-lead", kind="resolve",
                      fields={"text": "C"}, parents=both, counter=7)
    assert push(api, "lead", [resolve])[0]["status"] == "accepted"


@pytest.mark.parametrize(("change", "words"), [
    ({"seq": 2**53}, "seq must be below 2^53"),
    ({"seq": 10**30}, "seq must be below 2^53"),
    ({"hlc": [2**53, 0, "d-reviewer"]}, "before 2020 or impossibly far ahead"),
    ({"hlc": [1_500_000_000_000, 0, "d-reviewer"]}, "before 2020"),
    ({"hlc": [4_102_444_800_000, 0, "d-reviewer"]}, "more than 24 hours ahead of the server's clock"),
    ({"hlc": [1_770_000_000_000, 2**40, "d-reviewer"]}, "counter"),
])
def test_out_of_bounds_ops_are_refused_with_a_stable_code(api: Api, change: dict[str, Any], words: str) -> None:
    rid = api.world.review_id
    op = {**make_op(rid, api.world.users["reviewer"], device="d-reviewer"), **change}
    result = push(api, "reviewer", [op])[0]
    assert result["status"] == "rejected" and result["code"] in ("out_of_bounds", "invalid_op"), result
    assert words in result["reason"], result
