"""Login, device tokens and throttling."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from sync.server.auth import hash_token

from .conftest import Api, make_api
from .helpers import PASSWORD


def login(api: Api, username: str, password: str = PASSWORD, client_ip: str | None = None):
    return api.client.post(
        "/auth/login", json={"username": username, "password": password, "device_name": "Laptop"}
    )


def test_login_returns_a_device_token_stored_only_as_a_hash(api: Api) -> None:
    r = login(api, "  Reviewer ")  # usernames are case- and space-insensitive
    assert r.status_code == 200
    body = r.json()
    assert set(body) == {"token", "device_id", "expires_at", "user"}
    assert body["user"] == {
        "id": api.world.users["reviewer"],
        "username": "reviewer",
        "display_name": "Reviewer",
    }
    assert len(body["token"]) >= 43
    expires = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert timedelta(days=29) < expires - datetime.now(UTC) <= timedelta(days=30)
    device = api.world.storage.device_for_token(hash_token(body["token"]))
    assert device["id"] == body["device_id"]
    with api.world.storage.engine.connect() as conn:
        dump = "\n".join(str(row) for row in conn.exec_driver_sql("SELECT * FROM devices"))
    assert body["token"] not in dump
    # two devices, two tokens; revoking one leaves the other working
    other = login(api, "reviewer").json()
    api.world.storage.revoke_device(body["device_id"])
    assert api.client.get("/reviews", headers={"Authorization": f"Bearer {body['token']}"}).status_code == 401
    assert (
        api.client.get("/reviews", headers={"Authorization": f"Bearer {other['token']}"}).status_code == 200
    )


@pytest.mark.parametrize("username,password", [("reviewer", "wrong password"), ("nobody", PASSWORD)])
def test_wrong_credentials_get_one_answer(api: Api, username: str, password: str) -> None:
    r = login(api, username, password)
    assert r.status_code == 401
    assert r.json() == {
        "error": {"code": "invalid_credentials", "message": "The username or password is not right."}
    }


def test_five_failures_throttle_the_username_with_retry_after(api: Api) -> None:
    for _ in range(5):
        assert login(api, "lead", "wrong password").status_code == 401
    r = login(api, "lead")  # even the right password waits
    assert r.status_code == 429
    assert r.json()["error"]["code"] == "too_many_attempts"
    assert 0 < int(r.headers["Retry-After"]) <= 15 * 60


def test_failures_from_one_client_throttle_it_across_usernames(api: Api) -> None:
    for name in ("a", "b", "c", "d", "e"):
        login(api, name, "guess")
    r = login(api, "reviewer")
    assert r.status_code == 429 and "Retry-After" in r.headers


def test_a_success_clears_the_username_count(api: Api) -> None:
    for _ in range(3):
        login(api, "lead", "wrong password")
    assert login(api, "lead").status_code == 200
    with api.world.storage.engine.connect() as conn:
        conn.exec_driver_sql("DELETE FROM login_failures WHERE key_hash != ''")  # forget the client count
        conn.commit()
    for _ in range(4):
        login(api, "lead", "wrong password")
    assert login(api, "lead").status_code == 200


@pytest.fixture
def short_api(tmp_path) -> Iterator[Api]:
    yield from make_api(f"sqlite:///{tmp_path}/short.sqlite3", token_ttl_days=0)


def test_token_lifetime_is_configurable_and_enforced(short_api: Api) -> None:
    token = login(short_api, "reviewer").json()["token"]
    r = short_api.client.get("/reviews", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_expired"


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer "])
def test_unknown_or_malformed_tokens_are_not_authenticated(api: Api, header: str) -> None:
    r = api.client.get("/reviews", headers={"Authorization": header})
    assert r.status_code == 401 and r.json()["error"]["code"] == "not_authenticated"
    assert r.headers["WWW-Authenticate"] == "Bearer"


def test_login_body_is_validated(api: Api) -> None:
    r = api.client.post("/auth/login", json={"username": "reviewer", "password": "secret pass"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_error"
    assert "secret pass" not in r.text
