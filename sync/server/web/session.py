"""Browser sessions and CSRF for the web console.

The session cookie holds 256 random bits; the server stores only their SHA-256 (as device tokens), so a
copy of the database signs nobody in. The cookie is HttpOnly, SameSite=Lax, Secure when the request came
over TLS (directly or through a proxy the server trusts). Every form carries a CSRF token that must equal
the `spp_csrf` cookie (double submit; the cookie is SameSite=Strict and HttpOnly, and a session's forms
only work with it).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from ..auth import hash_token
from ..storage import Storage, now_ms
from .access import Viewer
from .storage import WebStorage

SESSION_COOKIE = "spp_session"
CSRF_COOKIE = "spp_csrf"
LANG_COOKIE = "spp_lang"
SESSION_TTL_MS = 12 * 3600 * 1000  # a working day; then sign in again
TOUCH_EVERY_MS = 5 * 60 * 1000


class WebError(Exception):
    """A page that cannot be shown: 401 (sign in; `expired` says why), 403, 404, 400 (bad form), 429."""

    def __init__(self, status: int, message: str = "", *, expired: bool = False, retry_after: int = 0):
        super().__init__(message)
        self.status = status
        self.message = message
        self.expired = expired
        self.retry_after = retry_after


@dataclass(frozen=True)
class SessionLookup:
    viewer: Viewer | None
    expired: bool = False


def is_tls(request: Request) -> bool:
    return request.url.scheme == "https"


def set_session_cookie(response: Response, request: Request, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, max_age=SESSION_TTL_MS // 1000, httponly=True,
                        samesite="lax", secure=is_tls(request), path="/")


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=is_tls(request))


def new_session(web: WebStorage, user_id: str, browser: str) -> str:
    token = secrets.token_urlsafe(32)
    web.create_session(user_id, hash_token(token), browser, now_ms() + SESSION_TTL_MS)
    return token


def _lookup(storage: Storage, web: WebStorage, token: str | None) -> SessionLookup:
    if not token:
        return SessionLookup(None)
    row = web.session_for_token(hash_token(token))
    if row is None:
        return SessionLookup(None, expired=True)
    now = now_ms()
    if row["revoked_ms"] is not None or row["expires_ms"] <= now:
        return SessionLookup(None, expired=True)
    person = web.person(row["user_id"])
    if person is None:
        return SessionLookup(None, expired=True)
    if row["last_seen_ms"] is None or now - row["last_seen_ms"] > TOUCH_EVERY_MS:
        web.touch_session(row["id"], now)
    roles = {r["id"]: r["role"] for r in storage.reviews_for_user(person["id"])}
    return SessionLookup(Viewer.from_person(person, roles, row["id"]))


async def lookup(request: Request) -> SessionLookup:
    state = request.app.state
    return await run_in_threadpool(_lookup, state.storage, state.web, request.cookies.get(SESSION_COOKIE))


async def require_viewer(request: Request) -> Viewer:
    found = await lookup(request)
    if found.viewer is None:
        raise WebError(401, expired=found.expired)
    return found.viewer


def csrf_value(request: Request) -> str:
    """The CSRF token for this request's forms (made on first use; render sets the cookie)."""
    token = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "new_csrf", None)
    if not token:
        token = request.state.new_csrf = secrets.token_urlsafe(32)
    return token


def set_csrf_cookie(response: Response, request: Request) -> None:
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", secure=is_tls(request),
                            path="/")


def check_csrf(request: Request, submitted: object) -> None:
    cookie = request.cookies.get(CSRF_COOKIE) or ""
    if not cookie or not isinstance(submitted, str) or not hmac.compare_digest(cookie, submitted):
        raise WebError(400, "csrf")
