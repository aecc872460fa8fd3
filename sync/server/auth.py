"""Device tokens and login: random 256-bit bearer tokens stored as SHA-256, expiring and revocable;
Argon2id passwords; throttling after repeated failures per username and per client address."""

from __future__ import annotations

import hashlib
import math
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Any, NoReturn

from fastapi import Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPBearer

from . import passwords
from .errors import ApiError
from .passwords import burn_time
from .settings import Settings
from .storage import Storage, now_ms

TOUCH_EVERY_MS = 5 * 60 * 1000


def bearer_token(authorization: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header value (as HTTPBearer reads it), else None."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if not scheme or not token or scheme.lower() != "bearer":
        return None
    return token


class _Bearer(HTTPBearer):
    """HTTPBearer as the OpenAPI document shows it; as a dependency it gives just the token (or None)."""

    async def __call__(self, request: Request) -> str | None:  # type: ignore[override]
        return bearer_token(request.headers.get("authorization"))


bearer = _Bearer(
    auto_error=False, scheme_name="HTTPBearer", description="The device token from POST /auth/login"
)


@dataclass(frozen=True)
class Caller:
    user_id: str
    device_id: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def normalise_username(username: str) -> str:
    return username.strip().lower()


def check_device(
    device_id: str | None, revoked_ms: int | None, expires_ms: int, last_seen_ms: int | None, now: int
) -> bool:
    """Raise the 401 for an unknown, revoked or expired device token; else whether to record that the
    device was seen (at most every TOUCH_EVERY_MS)."""
    if device_id is None:
        raise ApiError(
            401,
            "not_authenticated",
            "This device token is not known; sign in again.",
            {"WWW-Authenticate": "Bearer"},
        )
    if revoked_ms is not None:
        raise ApiError(
            401,
            "token_revoked",
            "This device has been signed out by an administrator; sign in again.",
            {"WWW-Authenticate": "Bearer"},
        )
    if expires_ms <= now:
        raise ApiError(
            401,
            "token_expired",
            "This device token has expired; sign in again.",
            {"WWW-Authenticate": "Bearer"},
        )
    return last_seen_ms is None or now - last_seen_ms > TOUCH_EVERY_MS


def authenticate(storage: Storage, token: str) -> Caller:
    device = storage.device_for_token(hash_token(token)) or {}
    now = now_ms()
    seen = device.get("last_seen_ms")
    if check_device(device.get("id"), device.get("revoked_ms"), device.get("expires_ms", 0), seen, now):
        storage.touch_device(device["id"], now)
    return Caller(device["user_id"], device["id"])


def require_token(token: str | None) -> str:
    if not token:
        raise ApiError(
            401,
            "not_authenticated",
            "Sign in first: this needs a device token.",
            {"WWW-Authenticate": "Bearer"},
        )
    return token


TokenDep = Annotated[str | None, Depends(bearer)]


async def current_caller(request: Request, token: TokenDep) -> Caller:
    token = require_token(token)
    storage: Storage = request.app.state.storage
    return await run_in_threadpool(authenticate, storage, token)


CallerDep = Annotated[Caller, Depends(current_caller)]


def login(
    storage: Storage, settings: Settings, username: str, password: str, device_name: str, client: str
) -> dict[str, object]:
    user = check_password(storage, settings, username, password, client)
    now = now_ms()
    token = secrets.token_urlsafe(32)
    expires = now + settings.token_ttl_days * 86_400_000
    device_id = storage.create_device(user["id"], device_name, hash_token(token), expires)
    return {
        "token": token,
        "device_id": device_id,
        "expires_at": iso(expires),
        "user": {"id": user["id"], "username": user["username"], "display_name": user["display_name"]},
    }


def check_password(
    storage: Storage, settings: Settings, username: str, password: str, client: str
) -> dict[str, Any]:
    """The user whose password this is, with the throttling every sign-in shares (laptops and the web
    console): 429 after too many failures per username or client address, 401 for a wrong password."""
    now = now_ms()
    window = settings.login_window_seconds * 1000
    username = normalise_username(username)
    keys = [Storage.throttle_key("user", username), Storage.throttle_key("client", client)]
    # Counted before the password is checked (see storage_throttle.py): parallel guesses cannot race it.
    attempt = storage.begin_login_attempt(keys, now, window, settings.login_max_failures)
    if attempt.throttled_until_ms is not None:
        seconds = max(1, math.ceil((attempt.throttled_until_ms - now) / 1000))
        raise ApiError(
            429,
            "too_many_attempts",
            f"Too many failed sign-ins; try again in {math.ceil(seconds / 60)} minutes.",
            {"Retry-After": str(seconds)},
        )
    user = storage.user_by_username(username)
    if user is None:
        burn_time(password)
        ok = False
    else:
        ok = passwords.verify_password(password, user["password_hash"])  # by module: tests count calls
    if not ok or user is None:
        raise ApiError(401, "invalid_credentials", "The username or password is not right.")
    storage.forget_login_attempt(attempt)
    storage.clear_login_failures(keys[0])
    return user


def require_member(storage: Storage, review_id: str, caller: Caller) -> str:
    """The caller's role on the review's team; 404 for no such review, 403 when not on its team."""
    role = storage.role_on(review_id, caller.user_id)
    if role is not None:
        return role
    not_a_member(storage.cursor(review_id) is not None)


def not_a_member(review_exists: bool) -> NoReturn:
    if not review_exists:
        raise ApiError(404, "not_found", "There is no such review.")
    raise ApiError(403, "not_on_team", "You are not on the team of this review.")
