"""Administration on the web (what `spp-server admin` does): schools, people, reviews and their teams,
devices and sessions. The server administrator administers every partnership, a partnership lead theirs."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from .. import admin
from ..passwords import hash_password, password_problem
from . import access
from .edits import edit_review
from .render import render
from .routes_session import see_other
from .session import WebError, check_csrf, require_viewer

router = APIRouter(prefix="/web/admin", include_in_schema=False)


async def _scope(request: Request, partnership_id: str = "") -> tuple[access.Viewer, dict[str, Any]]:
    """The viewer and the partnership they administer here ({id, name}); 403 for anyone else."""
    viewer = await require_viewer(request)
    if not access.administers_any(viewer):
        raise WebError(403)
    web = request.app.state.web
    choices = await run_in_threadpool(web.partnerships)
    if not viewer.is_admin:
        choices = [p for p in choices if p["id"] == viewer.partnership_id]
    chosen = next((p for p in choices if p["id"] == partnership_id), None) if partnership_id else None
    if partnership_id and chosen is None:
        raise WebError(403)
    chosen = chosen or (choices[0] if choices else None)
    if chosen is None:
        raise WebError(404)
    return viewer, {"id": chosen["id"], "name": chosen["name"], "choices": choices}


async def _form(request: Request) -> Any:
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    return form


def _text(form: Any, name: str) -> str:
    return str(form.get(name) or "").strip()


async def _review_in_scope(request: Request, review_id: str) -> tuple[access.Viewer, dict[str, Any]]:
    viewer = await require_viewer(request)
    row = await run_in_threadpool(request.app.state.web.review_row, review_id)
    if row is None:
        raise WebError(404)
    if not access.administers(viewer, row["partnership_id"]):
        raise WebError(403)
    return viewer, row


# --- reviews -------------------------------------------------------------------------------------------
@router.get("/reviews")
async def reviews_page(request: Request, partnership: str = "", error: str = "") -> Response:
    viewer, scope = await _scope(request, partnership)
    web = request.app.state.web
    rows = await run_in_threadpool(web.review_rows, scope["id"])
    schools = await run_in_threadpool(web.schools_of, scope["id"])
    return render(request, "admin_reviews.html", {"scope": scope, "rows": rows, "schools": schools,
                                                  "error": error}, viewer=viewer)


@router.post("/reviews")
async def create_review(request: Request) -> Response:
    form = await _form(request)
    viewer, scope = await _scope(request, _text(form, "partnership"))
    questions = [q.strip() for q in _text(form, "questions").splitlines() if q.strip()]
    try:
        review_id = await run_in_threadpool(
            admin.create_review, request.app.state.storage, scope["name"], _text(form, "host_school"),
            _text(form, "start_date"), _text(form, "end_date"), _text(form, "focus"), questions)
    except admin.AdminError as exc:
        web = request.app.state.web
        rows = await run_in_threadpool(web.review_rows, scope["id"])
        schools = await run_in_threadpool(web.schools_of, scope["id"])
        return render(request, "admin_reviews.html", {"scope": scope, "rows": rows, "schools": schools,
                                                      "error": str(exc)}, viewer=viewer, status=400)
    return see_other(f"/web/admin/reviews/{review_id}")


@router.get("/reviews/{review_id}")
async def review_page(request: Request, review_id: str, error: str = "") -> Response:
    viewer, row = await _review_in_scope(request, review_id)
    state = request.app.state

    def gather() -> dict[str, Any]:
        entity = state.states.state(review_id).get("review", review_id)
        values = entity.values() if entity else {}
        people = [p for p in state.web.people_of(row["partnership_id"])]
        return {"row": row, "focus_title": values.get("focus_title", ""),
                "focus_description": values.get("focus_description", ""), "people": people}

    context = await run_in_threadpool(gather)
    context["error"] = error
    context["roles"] = admin.ROLES
    return render(request, "admin_review.html", context, viewer=viewer)


@router.post("/reviews/{review_id}")
async def edit(request: Request, review_id: str) -> Response:
    form = await _form(request)
    viewer, row = await _review_in_scope(request, review_id)
    state = request.app.state
    try:
        await run_in_threadpool(lambda: edit_review(
            state.storage, state.web, state.states, review_id, start_date=_text(form, "start_date"),
            end_date=_text(form, "end_date"), focus_title=_text(form, "focus_title"),
            focus_description=_text(form, "focus_description")))
    except admin.AdminError as exc:
        return await _review_error(request, review_id, str(exc))
    return see_other(f"/web/admin/reviews/{review_id}")


async def _review_error(request: Request, review_id: str, message: str) -> Response:
    response = await review_page(request, review_id, error=message)
    response.status_code = 400
    return response


@router.post("/reviews/{review_id}/team")
async def assign(request: Request, review_id: str) -> Response:
    form = await _form(request)
    viewer, row = await _review_in_scope(request, review_id)
    state = request.app.state
    username = _text(form, "username")
    person = await run_in_threadpool(state.storage.user_by_username, username)
    if person is None or person["partnership_id"] != row["partnership_id"]:
        return await _review_error(request, review_id, "There is no user with this username.")
    try:
        await run_in_threadpool(admin.assign, state.storage, review_id, username, _text(form, "role"))
    except admin.AdminError as exc:
        return await _review_error(request, review_id, str(exc))
    return see_other(f"/web/admin/reviews/{review_id}")


# --- schools ----------------------------------------------------------------------------------------------
@router.get("/schools")
async def schools_page(request: Request, partnership: str = "") -> Response:
    viewer, scope = await _scope(request, partnership)
    schools = await run_in_threadpool(request.app.state.web.schools_of, scope["id"])
    return render(request, "admin_schools.html", {"scope": scope, "schools": schools, "error": ""},
                  viewer=viewer)


@router.post("/schools")
async def add_school(request: Request) -> Response:
    form = await _form(request)
    viewer, scope = await _scope(request, _text(form, "partnership"))
    web = request.app.state.web
    try:
        school_id = await run_in_threadpool(admin.add_school, request.app.state.storage, scope["name"],
                                            _text(form, "name"))
        await run_in_threadpool(web.set_cluster, school_id, _text(form, "cluster"))
    except admin.AdminError as exc:
        schools = await run_in_threadpool(web.schools_of, scope["id"])
        return render(request, "admin_schools.html", {"scope": scope, "schools": schools, "error": str(exc)},
                      viewer=viewer, status=400)
    return see_other(f"/web/admin/schools?partnership={scope['id']}")


@router.post("/schools/{school_id}")
async def set_cluster(request: Request, school_id: str) -> Response:
    form = await _form(request)
    viewer, scope = await _scope(request, _text(form, "partnership"))
    web = request.app.state.web
    schools = await run_in_threadpool(web.schools_of, scope["id"])
    if not any(s["id"] == school_id for s in schools):
        raise WebError(404)
    await run_in_threadpool(web.set_cluster, school_id, _text(form, "cluster"))
    return see_other(f"/web/admin/schools?partnership={scope['id']}")


# --- people -----------------------------------------------------------------------------------------------
@router.get("/users")
async def users_page(request: Request, partnership: str = "") -> Response:
    viewer, scope = await _scope(request, partnership)
    web = request.app.state.web
    people = await run_in_threadpool(web.people_of, scope["id"])
    schools = await run_in_threadpool(web.schools_of, scope["id"])
    return render(request, "admin_users.html", {"scope": scope, "people": people, "schools": schools,
                                                "error": "", "new_password": ""}, viewer=viewer)


def _school_name(schools: list[dict[str, Any]], school_id: str) -> str | None:
    return next((s["name"] for s in schools if s["id"] == school_id), None)


@router.post("/users")
async def add_user(request: Request) -> Response:
    """A new person; with no password given the server makes one, shown once (an invitation)."""
    form = await _form(request)
    viewer, scope = await _scope(request, _text(form, "partnership"))
    state = request.app.state
    schools = await run_in_threadpool(state.web.schools_of, scope["id"])
    password = str(form.get("password") or "")
    made = "" if password else secrets.token_urlsafe(12)
    context: dict[str, Any] = {"scope": scope, "schools": schools, "error": "", "new_password": ""}
    try:
        user_id = await run_in_threadpool(
            admin.add_user, state.storage, _text(form, "username"), _text(form, "display_name"),
            password or made, partnership=scope["name"],
            school=_school_name(schools, _text(form, "school")), partnership_lead=form.get("lead") == "yes")
        await run_in_threadpool(lambda: state.web.set_roles(
            user_id, headteacher=form.get("headteacher") == "yes" and bool(_text(form, "school")),
            is_admin=viewer.is_admin and form.get("is_admin") == "yes"))
        context["new_password"] = made
        status = 200
    except admin.AdminError as exc:
        context["error"] = str(exc)
        status = 400
    context["people"] = await run_in_threadpool(state.web.people_of, scope["id"])
    return render(request, "admin_users.html", context, viewer=viewer, status=status)


async def _person_in_scope(request: Request, user_id: str) -> tuple[access.Viewer, dict[str, Any]]:
    viewer = await require_viewer(request)
    person = await run_in_threadpool(request.app.state.web.person, user_id)
    if person is None:
        raise WebError(404)
    if not access.administers(viewer, person["partnership_id"]):
        raise WebError(403)
    return viewer, person


@router.post("/users/{user_id}")
async def edit_user(request: Request, user_id: str) -> Response:
    form = await _form(request)
    viewer, person = await _person_in_scope(request, user_id)
    if person["is_admin"] and not viewer.is_admin:
        raise WebError(403)  # a partnership lead never sets a server administrator's password or roles
    web = request.app.state.web
    schools = await run_in_threadpool(web.schools_of, person["partnership_id"]) if person["partnership_id"] else []
    school = _text(form, "school")
    if school and not _school_name(schools, school):
        raise WebError(400, "school")
    values: dict[str, Any] = {"school_id": school or None, "partnership_lead": form.get("lead") == "yes",
                              "headteacher": form.get("headteacher") == "yes" and bool(school)}
    if viewer.is_admin:  # never one's own: the last administrator cannot lock everyone out
        values["is_admin"] = form.get("is_admin") == "yes" or user_id == viewer.user_id
    await run_in_threadpool(lambda: web.set_roles(user_id, **values))
    password = str(form.get("password") or "")
    if password:
        problem = password_problem(password)
        if problem:
            raise WebError(400, "password")
        await run_in_threadpool(web.set_password_hash, user_id, hash_password(password))
    return see_other(f"/web/admin/users?partnership={person['partnership_id'] or ''}")


# --- devices and sessions ------------------------------------------------------------------------------------
@router.get("/devices")
async def devices_page(request: Request, partnership: str = "") -> Response:
    viewer, scope = await _scope(request, partnership)
    state = request.app.state

    def gather() -> list[dict[str, Any]]:
        return [{**p, "devices": state.storage.devices_of(p["id"]), "sessions": state.web.sessions_of(p["id"])}
                for p in state.web.people_of(scope["id"])]

    people = await run_in_threadpool(gather)
    return render(request, "admin_devices.html", {"scope": scope, "people": people, "error": ""},
                  viewer=viewer)
