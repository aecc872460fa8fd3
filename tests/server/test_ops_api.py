"""Push and pull over the API: idempotency, paging, state hashes, per-op validation and limits."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from sync.protocol import Operation, ReviewState
from sync.protocol.schema import MAX_FIELD_BYTES, MAX_OPS_PER_BATCH

from .conftest import Api, make_api
from .helpers import make_op, make_ops


def pull_all(api: Api, name: str, after: int = 0, limit: int = 1000) -> tuple[list[dict], int]:
    rid = api.world.review_id
    ops: list[dict] = []
    while True:
        r = api.client.get(
            f"/reviews/{rid}/ops", params={"after": after, "limit": limit}, headers=api.auth(name)
        )
        assert r.status_code == 200, r.text
        body = r.json()
        ops.extend(body["ops"])
        assert body["next_cursor"] >= after
        after = body["next_cursor"]
        if not body["more"]:
            return ops, after


def test_the_same_batch_pushed_five_times_is_stored_once(api: Api) -> None:
    rid, author = api.world.review_id, api.world.users["reviewer"]
    batch = make_ops(rid, author, 50)
    responses = [
        api.client.post(f"/reviews/{rid}/ops", json={"ops": batch}, headers=api.auth("reviewer")).json()
        for _ in range(5)
    ]
    assert {r["status"] for r in responses[0]["results"]} == {"accepted"}
    for later in responses[1:]:
        assert {r["status"] for r in later["results"]} == {"duplicate"}
        assert later["cursor"] == responses[0]["cursor"]
        assert later["state_hash"] == responses[0]["state_hash"]
    assert [r["op_id"] for r in responses[0]["results"]] == [o["op_id"] for o in batch]
    ops, cursor = pull_all(api, "lead")
    mine = [o for o in ops if o["device_id"] == "device-a"]
    assert [o["op_id"] for o in mine] == [o["op_id"] for o in batch]
    assert mine == batch  # exactly what was sent, byte for byte as JSON values
    state = api.client.get(f"/reviews/{rid}/state", headers=api.auth("lead")).json()
    assert state["cursor"] == cursor == responses[0]["cursor"]
    assert state["op_count"] == len(ops)
    merged = ReviewState(rid)
    merged.apply_all(Operation.from_wire(o) for o in ops)
    assert merged.state_hash() == state["state_hash"] == responses[0]["state_hash"]


def test_pulls_page_across_ten_thousand_ops(api: Api) -> None:
    rid, author = api.world.review_id, api.world.users["reviewer"]
    _, start = pull_all(api, "reviewer")
    sent: list[str] = []
    for i in range(20):
        batch = make_ops(rid, author, 500, start_seq=i * 500 + 1)
        r = api.client.post(f"/reviews/{rid}/ops", json={"ops": batch}, headers=api.auth("reviewer"))
        assert r.status_code == 200
        sent.extend(o["op_id"] for o in batch)
    for limit in (1000, 333):
        ops, cursor = pull_all(api, "lead", after=start, limit=limit)
        assert [o["op_id"] for o in ops] == sent  # no gaps, no repeats, receipt order
        assert cursor == start + 10_000
    r = api.client.get(
        f"/reviews/{rid}/ops", params={"after": start + 10_000}, headers=api.auth("lead")
    ).json()
    assert r == {"ops": [], "next_cursor": start + 10_000, "more": False}
    default = api.client.get(f"/reviews/{rid}/ops", params={"after": start}, headers=api.auth("lead")).json()
    assert len(default["ops"]) == 500 and default["more"] is True


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"after": -1}, {"after": "soon"}])
def test_bad_pull_parameters_are_validation_errors(api: Api, params: dict) -> None:
    r = api.client.get(f"/reviews/{api.world.review_id}/ops", params=params, headers=api.auth("reviewer"))
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"


def test_each_bad_op_is_rejected_with_a_reason_and_the_rest_accepted(api: Api) -> None:
    rid, author = api.world.review_id, api.world.users["reviewer"]
    good = make_op(rid, author)
    huge = make_op(rid, author, fields={"kind": "observation", "notes": "x" * (MAX_FIELD_BYTES + 10)})
    unknown_field = make_op(rid, author, fields={"grade": "outstanding"})
    unknown_entity = make_op(rid, author, entity="pupil", fields={"name": "A"})
    not_an_op = {"op_id": "nonsense"}
    bad_choice = make_op(rid, author, fields={"kind": "inspection"})
    r = api.client.post(
        f"/reviews/{rid}/ops",
        headers=api.auth("reviewer"),
        json={"ops": [good, huge, unknown_field, unknown_entity, not_an_op, bad_choice, "text"]},
    )
    assert r.status_code == 200
    results = r.json()["results"]
    assert results[0] == {"op_id": good["op_id"], "status": "accepted"}
    assert [x["status"] for x in results[1:]] == ["rejected"] * 6
    assert {x["code"] for x in results[1:]} == {"invalid_op"}
    assert "larger than" in results[1]["reason"]
    assert results[4]["op_id"] == "nonsense" and results[6]["op_id"] == ""
    assert all(x["reason"].endswith(".") for x in results[1:])


def test_an_op_id_reused_with_other_content_is_rejected(api: Api) -> None:
    rid, author = api.world.review_id, api.world.users["reviewer"]
    op = make_op(rid, author)
    api.client.post(f"/reviews/{rid}/ops", json={"ops": [op]}, headers=api.auth("reviewer"))
    changed = dict(op, fields={"kind": "observation", "notes": "Changed after sending"})
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [changed]}, headers=api.auth("reviewer")).json()
    assert r["results"][0]["code"] == "op_id_reused"


def test_a_batch_over_the_limit_is_413_json(api: Api) -> None:
    rid = api.world.review_id
    ops = make_ops(rid, api.world.users["reviewer"], MAX_OPS_PER_BATCH + 1)
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": ops}, headers=api.auth("reviewer"))
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "batch_too_large"
    assert str(MAX_OPS_PER_BATCH) in r.json()["error"]["message"]
    assert api.world.storage.op_count(rid) == api.world.storage.cursor(rid) < 100


@pytest.fixture
def small_api(tmp_path) -> Iterator[Api]:
    yield from make_api(
        f"sqlite:///{tmp_path}/small.sqlite3", max_body_bytes=20_000, max_attachment_bytes=1000
    )


def test_a_request_body_over_the_limit_is_413_payload_too_large(small_api: Api) -> None:
    rid = small_api.world.review_id
    ops = make_ops(rid, small_api.world.users["reviewer"], 100)
    r = small_api.client.post(f"/reviews/{rid}/ops", json={"ops": ops}, headers=small_api.auth("reviewer"))
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"

    def chunked():  # no Content-Length: counted while read
        yield json.dumps({"ops": ops}).encode()

    r = small_api.client.post(
        f"/reviews/{rid}/ops",
        content=chunked(),
        headers={**small_api.auth("reviewer"), "Content-Type": "application/json"},
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "payload_too_large"


def test_errors_are_json_with_a_stable_code(api: Api) -> None:
    r = api.client.get("/nowhere")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = api.client.delete("/reviews")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    r = api.client.post(
        f"/reviews/{api.world.review_id}/ops",
        content=b"{not json",
        headers={**api.auth("reviewer"), "Content-Type": "application/json"},
    )
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"
    assert "not json" not in r.text
    r = api.client.get("/health")
    assert r.json()["status"] == "ok" and r.json()["version"]
