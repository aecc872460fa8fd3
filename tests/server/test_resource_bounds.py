"""The server's resource bounds: pull pages capped in bytes as well as in ops (the fast path and the
route give the same bytes), at least one op per page however large."""

from __future__ import annotations

import json

from sync.protocol.schema import MAX_FIELD_BYTES
from sync.server.storage_pull import PAGE_MAX_BYTES, cut_page

from .conftest import Api
from .helpers import make_op

BIG = 12


def _push_big_ops(api: Api) -> list[str]:
    rid, author = api.world.review_id, api.world.users["reviewer"]
    notes = ("Pupils read aloud in pairs. " * 40_000)[: MAX_FIELD_BYTES - 100]
    ops = [make_op(rid, author, seq=i + 1, counter=i + 1, fields={"kind": "observation", "notes": notes})
           for i in range(BIG)]
    for start in range(0, BIG, 4):
        r = api.client.post(f"/reviews/{rid}/ops", json={"ops": ops[start : start + 4]},
                            headers=api.auth("reviewer"))
        assert r.status_code == 200, r.text
    return [op["op_id"] for op in ops]


def test_pull_pages_are_capped_in_bytes_and_the_route_says_the_same(api: Api) -> None:
    pushed = _push_big_ops(api)
    rid = api.world.review_id
    got: list[str] = []
    after, largest, pages = 0, 0, 0
    while True:
        fast = api.client.get(f"/reviews/{rid}/ops?after={after}&limit=1000", headers=api.auth("lead"))
        # an extra parameter takes the request past PullFastPath to the FastAPI route
        route = api.client.get(f"/reviews/{rid}/ops?after={after}&limit=1000&via=route", headers=api.auth("lead"))
        assert fast.status_code == route.status_code == 200
        assert fast.content == route.content
        largest = max(largest, len(fast.content))
        page = fast.json()
        got += [op["op_id"] for op in page["ops"]]
        after, pages = page["next_cursor"], pages + 1
        if not page["more"]:
            break
    assert [op_id for op_id in got if op_id in pushed] == pushed  # every op once, in order
    assert len(got) == len(set(got))
    assert largest <= PAGE_MAX_BYTES
    assert pages >= BIG * MAX_FIELD_BYTES // PAGE_MAX_BYTES  # really cut by size, not by count


def test_a_page_holds_one_op_however_large_and_stops_at_the_limit() -> None:
    assert cut_page([(1, 10 * PAGE_MAX_BYTES), (2, 5)], 1000, PAGE_MAX_BYTES) == (1, True)
    assert cut_page([(1, 5), (2, 10 * PAGE_MAX_BYTES)], 1000, PAGE_MAX_BYTES) == (1, True)
    assert cut_page([(1, 5), (2, 5), (3, 5)], 2, PAGE_MAX_BYTES) == (2, True)
    assert cut_page([(1, 5), (2, 5)], 2, PAGE_MAX_BYTES) == (2, False)
    assert cut_page([], 2, PAGE_MAX_BYTES) == (None, False)


def test_catching_up_the_server_state_reads_in_bounded_pages(api: Api) -> None:
    pushed = _push_big_ops(api)
    storage = api.client.app.state.storage
    rows, more = storage.ops_page(api.world.review_id, 0, 2000, 3 * MAX_FIELD_BYTES)
    assert more and len(rows) < len(pushed)
    state = api.client.get(f"/reviews/{api.world.review_id}/state", headers=api.auth("lead")).json()
    assert state["cursor"] == storage.cursor(api.world.review_id)
    assert json.loads(rows[-1][1])["op_id"]
