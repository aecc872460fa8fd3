"""Authorisation matrix: every endpoint x every kind of caller; no unexpected success."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

import pytest

from sync.server.auth import hash_token
from sync.server.storage import now_ms
from tests.signing_helpers import device_public

from .conftest import Api
from .helpers import make_op

BLOB = b"photo of a pupil's exercise book"
BLOB_SHA = hashlib.sha256(BLOB).hexdigest()
NEW_BLOB = b"another photo"
NEW_SHA = hashlib.sha256(NEW_BLOB).hexdigest()

CALLERS = ["reviewer", "lead", "outsider", "south_lead", "anonymous", "revoked", "expired"]
EXPECTED_DENIAL = {
    "outsider": (403, "not_on_team"),
    "south_lead": (403, "not_on_team"),
    "anonymous": (401, "not_authenticated"),
    "revoked": (401, "token_revoked"),
    "expired": (401, "token_expired"),
}


def _headers(api: Api, caller: str) -> dict[str, str]:
    storage = api.world.storage
    if caller == "anonymous":
        return {}
    if caller == "revoked":
        api.login("reviewer", "Old laptop")
        token = api.tokens.pop("reviewer")
        device = storage.device_for_token(hash_token(token))
        storage.revoke_device(device["id"])
        return {"Authorization": f"Bearer {token}"}
    if caller == "expired":
        token = secrets.token_urlsafe(32)
        storage.create_device(api.world.users["reviewer"], "Expired laptop", hash_token(token), now_ms() - 1)
        return {"Authorization": f"Bearer {token}"}
    return api.auth(caller)


def _requests(api: Api, caller: str) -> list[tuple[str, str, dict[str, Any]]]:
    rid = api.world.review_id
    author = api.world.users.get(caller, api.world.users["reviewer"])
    base = f"/reviews/{rid}/attachments"
    return [
        ("GET", f"/reviews/{rid}/package", {}),
        ("GET", f"/reviews/{rid}/state", {}),
        ("GET", f"/reviews/{rid}/ops", {"params": {"after": 0}}),
        ("POST", f"/reviews/{rid}/ops", {"json": {"ops": [make_op(rid, author)]}}),
        ("GET", f"/reviews/{rid}/certificates", {}),
        ("HEAD", f"{base}/{BLOB_SHA}", {}),
        ("GET", f"{base}/{BLOB_SHA}", {}),
        (
            "PATCH",
            f"{base}/{NEW_SHA}",
            {
                "content": NEW_BLOB,
                "headers": {
                    "Upload-Offset": "0",
                    "Upload-Length": str(len(NEW_BLOB)),
                    "Content-Type": "application/offset+octet-stream",
                },
            },
        ),
    ]


def _store_blob(api: Api) -> None:
    api.world.storage.append_upload(api.world.review_id, BLOB_SHA, 0, len(BLOB), BLOB)


def test_the_matrix_covers_every_endpoint(api: Api) -> None:
    paths = api.client.app.openapi()["paths"]
    routes = {(method.upper(), path) for path, item in paths.items() for method in item}
    covered = {
        (
            m,
            p.replace(api.world.review_id, "{review_id}")
            .replace(BLOB_SHA, "{sha256}")
            .replace(NEW_SHA, "{sha256}"),
        )
        for m, p, _ in _requests(api, "reviewer")
    }
    # Not about one review: any signed-in device registers its own key (tests/server/test_signing.py).
    public = {("GET", "/health"), ("GET", "/ready"), ("POST", "/auth/login"), ("GET", "/reviews"),
              ("POST", "/devices/key")}
    assert routes - public == covered


@pytest.mark.parametrize("caller", CALLERS)
def test_review_endpoints(api: Api, caller: str) -> None:
    _store_blob(api)
    headers = _headers(api, caller)
    before = api.world.storage.op_count(api.world.review_id)
    for method, path, kwargs in _requests(api, caller):
        extra = {**kwargs.pop("headers", {}), **headers}
        r = api.client.request(method, path, headers=extra, **kwargs)
        label = f"{caller} {method} {path}"
        if caller in EXPECTED_DENIAL:
            status, code = EXPECTED_DENIAL[caller]
            assert r.status_code == status, label
            if method != "HEAD":
                assert r.json()["error"]["code"] == code, label
        else:
            assert r.status_code in (200, 204), f"{label}: {r.status_code} {r.text}"
            if method == "POST":
                assert r.json()["results"][0]["status"] == "accepted", label
    after = api.world.storage.op_count(api.world.review_id)
    assert after == before + (0 if caller in EXPECTED_DENIAL else 1)
    if caller in EXPECTED_DENIAL:
        assert api.world.storage.upload_state(api.world.review_id, NEW_SHA) is None


@pytest.mark.parametrize("caller", CALLERS)
def test_review_list_shows_only_the_callers_reviews(api: Api, caller: str) -> None:
    r = api.client.get("/reviews", headers=_headers(api, caller))
    if caller in EXPECTED_DENIAL and EXPECTED_DENIAL[caller][0] == 401:
        assert r.status_code == 401 and r.json()["error"]["code"] == EXPECTED_DENIAL[caller][1]
        return
    assert r.status_code == 200
    ids = [x["id"] for x in r.json()["reviews"]]
    expected = {
        "reviewer": [api.world.review_id],
        "lead": [api.world.review_id],
        "outsider": [],
        "south_lead": [api.world.other_review_id],
    }[caller]
    assert ids == expected


@pytest.mark.parametrize("caller", ["reviewer", "lead", "south_lead"])
def test_unknown_review_is_not_found(api: Api, caller: str) -> None:
    r = api.client.get("/reviews/00000000-0000-7000-8000-000000000000/ops", headers=api.auth(caller))
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_a_reviewer_cannot_push_ops_of_another_review_through_their_own(api: Api) -> None:
    rid, other = api.world.review_id, api.world.other_review_id
    op = make_op(other, api.world.users["reviewer"])
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [op]}, headers=api.auth("reviewer"))
    assert r.json()["results"][0]["code"] == "wrong_review"
    assert api.world.storage.op_count(other) == api.world.storage.cursor(other)


def test_only_the_lead_may_agree_findings_or_resolve(api: Api) -> None:
    rid = api.world.review_id
    for name, expected in (("reviewer", "rejected"), ("lead", "accepted")):
        author = api.world.users[name]
        agree = make_op(
            rid,
            author,
            entity="finding",
            fields={"question_id": "q", "kind": "strength", "text": "Fluent readers", "status": "agreed"},
        )
        resolve = make_op(
            rid,
            author,
            entity="finding",
            kind="resolve",
            fields={"text": "Settled wording"},
            parents={"text": ["0190a000-0000-7000-8000-000000000001"]},
        )
        r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [agree, resolve]}, headers=api.auth(name))
        results = r.json()["results"]
        assert [x["status"] for x in results] == [expected, expected], name
        if expected == "rejected":
            assert {x["code"] for x in results} == {"lead_only"}


def test_an_op_in_someone_elses_name_is_refused_but_a_relayed_one_is_accepted(api: Api) -> None:
    """Authorship is proven by the author's device key, not by who pushes (issue 10, item 1)."""
    rid = api.world.review_id
    api.client.post(f"/reviews/{rid}/ops", json={"ops": [make_op(rid, api.world.users["reviewer"], device="rev-laptop")]},
                    headers=api.auth("reviewer"))  # the reviewer's laptop key is registered now
    forged = make_op(rid, api.world.users["lead"], device="rev-laptop")
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [forged]}, headers=api.auth("reviewer"))
    assert r.json()["results"][0] == {
        "op_id": forged["op_id"],
        "status": "rejected",
        "code": "wrong_author",
        "reason": "The operation's device belongs to someone other than its author.",
    }
    stranger = make_op(rid, api.world.users["lead"], device="never-registered")
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [stranger]}, headers=api.auth("reviewer"))
    assert r.json()["results"][0]["code"] == "unknown_device"
    # The lead's laptop registers its key; its op, carried by the reviewer, is the lead's work.
    api.world.storage.bind_device_key("lead-laptop", api.world.users["lead"], device_public("lead-laptop"))
    relayed = make_op(rid, api.world.users["lead"], device="lead-laptop")
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [relayed]}, headers=api.auth("reviewer"))
    assert r.json()["results"][0]["status"] == "accepted"
    tampered = {**make_op(rid, api.world.users["lead"], device="lead-laptop"), "fields": {"kind": "survey"}}
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [tampered]}, headers=api.auth("reviewer"))
    assert r.json()["results"][0]["code"] == "bad_signature"


def test_package_ops_are_accepted_only_as_duplicates(api: Api) -> None:
    rid = api.world.review_id
    package = api.client.get(f"/reviews/{rid}/package", headers=api.auth("reviewer")).json()
    from sync.protocol.package import package_to_ops, validate_package

    team_key = package.pop("team_key")
    signatures = package.pop("trust")["signatures"]
    assert len(__import__("base64").b64decode(team_key)) == 32
    validate_package(package)
    derived = [{**op.to_wire(), "sig": signatures[op.op_id]} for op in package_to_ops(package)]
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": derived}, headers=api.auth("reviewer"))
    assert {x["status"] for x in r.json()["results"]} == {"duplicate"}
    forged = dict(
        derived[0], op_id="0190a000-0000-7000-8000-0000000000aa", fields={"host_school": "Elsewhere"}
    )
    r = api.client.post(f"/reviews/{rid}/ops", json={"ops": [forged]}, headers=api.auth("lead"))
    assert r.json()["results"][0]["code"] == "package_op"
