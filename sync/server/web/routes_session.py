"""Sign-in, sign-out, the language switch, and the person's own sessions and devices."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from ..auth import check_password
from ..errors import ApiError
from .access import Viewer, administers
from .i18n import LANGUAGES
from .render import render
from .session import (
    LANG_COOKIE,
    WebError,
    check_csrf,
    clear_session_cookie,
    is_tls,
    lookup,
    new_session,
    require_viewer,
    set_session_cookie,
)

router = APIRouter(prefix="/web", include_in_schema=False)


def safe_next(target: str | None) -> str:
    """Only a path of this console: never another site (an open redirect)."""
    if target and target.startswith("/web/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/web/"


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


@router.get("/sign-in")
async def sign_in_page(request: Request, next: str = "/web/", expired: int = 0) -> Response:
    found = await lookup(request)
    if found.viewer is not None:
        return see_other(safe_next(next))
    return render(request, "sign_in.html", {"next": safe_next(next), "error": "", "username": "",
                                            "expired": bool(expired)})


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    username = str(form.get("username") or "")
    password = str(form.get("password") or "")
    target = safe_next(str(form.get("next") or ""))
    state = request.app.state
    client = request.client.host if request.client else "unknown"
    try:
        user = await run_in_threadpool(check_password, state.storage, state.settings, username, password,
                                       client)
    except ApiError as exc:
        error = "too_many" if exc.status == 429 else "wrong"
        response = render(request, "sign_in.html", {"next": target, "error": error, "username": username,
                                                    "expired": False}, status=exc.status)
        if "Retry-After" in exc.headers:
            response.headers["Retry-After"] = exc.headers["Retry-After"]
        return response
    browser = request.headers.get("user-agent", "")[:200] or "Web browser"
    token = await run_in_threadpool(new_session, state.web, user["id"], browser)
    redirect = see_other(target)
    set_session_cookie(redirect, request, token)
    return redirect


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    found = await lookup(request)
    if found.viewer is not None:
        await run_in_threadpool(request.app.state.web.revoke_session, found.viewer.session_id)
    response = see_other("/web/sign-in")
    clear_session_cookie(response, request)
    return response


@router.get("/language/{lang}")
async def switch_language(request: Request, lang: str, next: str = "/web/") -> Response:
    if lang not in LANGUAGES:
        raise WebError(404)
    response = see_other(safe_next(next) if next != "/web/sign-in" else next)
    response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax", secure=is_tls(request),
                        path="/")
    return response


@router.get("/sessions")
async def sessions_page(request: Request) -> Response:
    viewer = await require_viewer(request)
    state = request.app.state
    sessions = await run_in_threadpool(state.web.sessions_of, viewer.user_id)
    devices = await run_in_threadpool(state.storage.devices_of, viewer.user_id)
    return render(request, "sessions.html", {"sessions": sessions, "devices": devices}, viewer=viewer)


async def _may_manage(request: Request, viewer: Viewer, owner_id: str) -> None:
    """One's own sessions and devices, or those of a person one administers."""
    if owner_id == viewer.user_id:
        return
    person = await run_in_threadpool(request.app.state.web.person, owner_id)
    if not administers(viewer, person["partnership_id"] if person else None):
        raise WebError(403)


@router.post("/sessions/{session_id}/revoke")
async def revoke_session(request: Request, session_id: str) -> Response:
    viewer = await require_viewer(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    web = request.app.state.web
    owner = await run_in_threadpool(web.session_owner, session_id)
    if owner is None:
        raise WebError(404)
    await _may_manage(request, viewer, owner)
    await run_in_threadpool(web.revoke_session, session_id)
    response = see_other(safe_next(str(form.get("next") or "/web/sessions")))
    if session_id == viewer.session_id:
        response = see_other("/web/sign-in")
        clear_session_cookie(response, request)
    return response


@router.post("/devices/{device_id}/revoke")
async def revoke_device(request: Request, device_id: str) -> Response:
    viewer = await require_viewer(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    state = request.app.state
    owner = await run_in_threadpool(state.web.device_owner, device_id)
    if owner is None:
        raise WebError(404)
    await _may_manage(request, viewer, owner)
    await run_in_threadpool(state.storage.revoke_device, device_id)
    return see_other(safe_next(str(form.get("next") or "/web/sessions")))

