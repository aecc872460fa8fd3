"""The rule table on the laptop (issue 10, items 2 and 3): every case of tests/rule_matrix.py arrives in a
team bundle at a real store; applied exactly when the table allows, else parked with the reason. Bounds:
a bad op in a bundle or a pulled page is parked and the rest applied; nothing stored makes the lists,
conflicts, resolve or the PDF crash."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind
from spp_desktop.reports.feedback_pdf import build_pdf_bytes
from spp_desktop.services.documents import feedback_report
from spp_desktop.store.errors import NotAllowed
from spp_desktop.store.repository import ReviewStore
from sync.client import wire
from sync.protocol import HLC, Operation, OpKind, uuid7
from tests import rule_matrix
from tests.helpers import new_store, small_package
from tests.rule_matrix import Case
from tests.signing_helpers import SERVER_KEY, certificate, signed

USERS = {"lead": "lead-1", "reviewer": "rev-2", "champion": "champ-3"}
RESULTS: dict[str, bool] = {}
_seq = iter(range(1, 10**6))


@pytest.fixture(scope="module")
def laptop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ReviewStore, str]]:
    # This laptop belongs to the head (on the team, neither lead nor author of anything here).
    package = small_package()
    package["team"].append({"id": "champ-3", "name": "Chris Evans", "role": "improvement_champion"})
    store, review_id = new_store(tmp_path_factory.mktemp("laptop"), package, me="head-1")
    trust_test_server(store, review_id)
    yield store, review_id
    store.close()
    print("\nlaptop rule matrix:", rule_matrix.summary(RESULTS))


def trust_test_server(store: ReviewStore, review_id: str) -> None:
    """Pin the test server key and take its certificates for the devices of lead-1 and rev-2."""
    store.replica.trust_server(review_id, SERVER_KEY, [certificate(f"d-{user}", user).to_wire()
                                              for user in ("lead-1", "rev-2", "champ-3")])


def op(review_id: str, author: str, entity: str, entity_id: str, kind: str = "set",
       fields: dict[str, Any] | None = None, parents: dict[str, list[str]] | None = None, **wire_: Any) -> Operation:
    device = f"d-{author}"
    n = next(_seq)
    return signed(Operation(uuid7(), review_id, device, n, author, HLC(1_770_000_000_000 + n, 0, device), entity,
                            entity_id, OpKind(kind), fields or {}, {k: tuple(v) for k, v in (parents or {}).items()}))


def bundle_apply(store: ReviewStore, review_id: str, ops: list[Operation]) -> Any:
    return store.replica.apply_remote(review_id, ops, on_server=False)


def setup_record(store: ReviewStore, review_id: str, case: Case) -> tuple[str, dict[str, list[str]]]:
    author = USERS[case.role]
    other = USERS["reviewer" if case.role == "lead" else "lead"]
    owner = author if case.target in ("own", "-", "draft", "agreed") else other
    if case.entity in ("review", "closure"):
        return review_id, {}
    if case.entity == "team_member":
        return "rev-2", {}
    entity_id = review_id if case.entity in ("summary", "release") else uuid7()
    if case.entity == "concern_notice":
        ops = [op(review_id, owner, "concern_notice", entity_id,
                  fields={"day": "2026-11-24", "time": "10:42", "to_role": "dsl", "author": owner})]
    elif case.entity in ("evidence", "attachment"):
        evidence_id = entity_id if case.entity == "evidence" else uuid7()
        ops = [op(review_id, owner, "evidence", evidence_id, fields={"kind": "observation", "author": owner})]
        if case.entity == "attachment":
            ops.append(op(review_id, owner, "attachment", entity_id,
                          fields={"evidence_id": evidence_id, "sha256": "0" * 64, "size": 5}))
    else:
        fields: dict[str, Any] = {
            "finding": {"question_id": "q-1", "kind": "strength", "text": "Fluent", "author": "lead-1",
                        **({"status": "agreed"} if case.target == "agreed" else {})},
            "evidence_link": {"finding_id": uuid7(), "evidence_id": uuid7()},
            "summary": {"next_steps": "Read more"},
            "release": {"findings": True},
            "schedule_slot": {"day": "2026-11-24", "start": "09:00", "end": "10:00", "activity": "Walk"},
            "meeting": {"notes": "Words"},
            "workshop": {"notes": "Words"},
            "checkin": {"next_steps": "Words"},
        }.get(case.entity, {"text": "Words"})
        ops = [op(review_id, "lead-1", case.entity, entity_id, fields=fields)]
    result = bundle_apply(store, review_id, ops)
    assert result.added == len(ops) and not result.rejected, result.rejected
    return entity_id, {name: [ops[-1].op_id] for name in ops[-1].fields}


@pytest.mark.parametrize("case", rule_matrix.cases(), ids=lambda c: c.id)
def test_rule_table_on_the_laptop(laptop: tuple[ReviewStore, str], case: Case) -> None:
    store, review_id = laptop
    entity_id, heads = setup_record(store, review_id, case)
    author = USERS[case.role]
    if case.kind == "delete":
        change = op(review_id, author, case.entity, entity_id, "delete", parents=heads)
    else:
        field = case.field
        change = op(review_id, author, case.entity, entity_id, case.kind,
                    {field: rule_matrix.value_for(case.entity, field, author)},
                    {field: heads[field]} if field in heads else {})
    before = store.replica.state_hash(review_id)
    result = bundle_apply(store, review_id, [change])
    RESULTS[case.id] = result.added == 1
    expected = rule_matrix.allowed(case)
    assert (result.added == 1) is expected, result.rejected
    if not expected:
        assert store.replica.state_hash(review_id) == before  # no effect at all
        parked = {p.op_id: p for p in store.parked_changes(review_id)}
        assert parked[change.op_id].reason == result.rejected[0][1] and parked[change.op_id].source == "bundle"


def test_the_laptop_refuses_its_own_forbidden_changes_before_writing(tmp_path) -> None:
    lead, review_id = new_store(tmp_path / "lead", me="lead-1")
    reviewer, _ = new_store(tmp_path / "reviewer", me="rev-2")
    evidence = lead.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="The lead's own")
    # The reviewer's laptop trusts the lead's as a server would vouch for it (both pinned to one key).
    for store in (lead, reviewer):
        store.replica.trust_server(review_id, SERVER_KEY, [])
    from spp_desktop.store.trust import TrustMixin  # noqa: F401
    from sync.protocol.signing import issue_certificate, unb64
    from tests.signing_helpers import SERVER_PRIVATE
    lead_device, lead_key = lead.replica.device_identity()
    reviewer.replica.add_certificates(review_id, [issue_certificate(SERVER_PRIVATE, lead_device, "lead-1",
                                                            unb64(lead_key)).to_wire()])
    result = reviewer.replica.apply_remote(review_id, lead.replica.export_ops(review_id), on_server=False)
    assert result.added >= 1 and not result.rejected, result.rejected
    with pytest.raises(NotAllowed) as caught:
        reviewer.update_evidence(review_id, evidence.id, notes="Rewritten")
    assert caught.value.code == "not_owner"
    with pytest.raises(NotAllowed):
        reviewer.update_outcome(review_id, next_steps="Mine now")
    assert not reviewer.may_change(review_id, "evidence", evidence.id)
    assert reviewer.may_change(review_id, "evidence", "new-record")
    assert lead.may_change(review_id, "summary", review_id)
    lead.close()
    reviewer.close()


def test_a_bad_op_in_a_pulled_page_is_parked_and_the_rest_applied(laptop: tuple[ReviewStore, str]) -> None:
    store, review_id = laptop
    good = op(review_id, "rev-2", "evidence", uuid7(), fields={"kind": "observation", "author": "rev-2"})
    huge_seq = {**op(review_id, "rev-2", "evidence", uuid7(), fields={"kind": "survey"}).to_wire(), "seq": 10**30}
    far = {**op(review_id, "rev-2", "evidence", uuid7(), fields={"kind": "survey"}).to_wire(),
           "hlc": [2**53, 0, "d-rev-2"]}
    page = wire.pull_page({"ops": [huge_seq, {"op_id": 7}, far, good.to_wire()], "next_cursor": 4, "more": False}, 0)
    result = store.replica.apply_remote(review_id, page.ops, on_server=True, unreadable=page.unreadable)
    assert result.added == 1 and len(result.rejected) == 3
    reasons = {p.op_id: p.reason for p in store.parked_changes(review_id)}
    assert "seq must be below 2^53" in reasons[huge_seq["op_id"]]
    assert "impossibly far ahead" in reasons[far["op_id"]]
    assert store.get_evidence(review_id, good.entity_id) is not None


def test_nothing_stored_makes_the_lists_conflicts_resolve_or_the_pdf_crash(tmp_path) -> None:
    """The largest values the bounds let through, in conflict, read back everywhere."""
    store, review_id = new_store(tmp_path, me="lead-1")
    finding = store.create_finding(review_id, "q-1", FindingKind.STRENGTH, "Base")
    base = store._core.entity(review_id, "finding", finding.id).heads("text")
    trust_test_server(store, review_id)
    late = signed(Operation(uuid7(), review_id, "d-rev-2", 2**53 - 1, "rev-2",
                            HLC(253_402_300_799_999, 2**32 - 1, "d-rev-2"), "finding", finding.id, OpKind.SET,
                            {"text": "From the far future"}, {"text": base}))
    early = signed(Operation(uuid7(), review_id, "d-lead-1", 1, "lead-1", HLC(1_577_836_800_000, 0, "d-lead-1"),
                             "finding", finding.id, OpKind.SET, {"text": "From 2020"}, {"text": base}))
    assert store.replica.apply_remote(review_id, [late, early], on_server=True).added == 2
    conflicts = store.conflicts(review_id)
    assert [c.field for c in conflicts] == ["text"] and conflicts[0].values[0].written_at.year == 9999
    store.findings(review_id)
    store.list_reviews()
    store.evidence(review_id)
    assert build_pdf_bytes(feedback_report(store, review_id))[:4] == b"%PDF"
    store.resolve_conflict(review_id, conflicts[0], "Settled")
    assert store.conflicts(review_id) == [] and store.get_finding(review_id, finding.id).text == "Settled"
    store.close()


def test_parked_ops_are_kept_as_they_came(laptop: tuple[ReviewStore, str]) -> None:
    store, review_id = laptop
    forged = op(review_id, "rev-2", "team_member", "rev-2", fields={"role": "lead_reviewer"})
    assert bundle_apply(store, review_id, [forged]).added == 0
    body = next(p for p in store._core.log.parked(review_id) if p[0] == forged.op_id)[3]
    assert json.loads(body) == forged.to_wire()
    assert store.review(review_id).member("rev-2").role.value == "reviewer"
