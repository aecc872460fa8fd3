"""A review's page: its stage and released outcome; the lead reviewer's release form (with the head's
consent recorded); the feedback summary PDF for the host school's headteacher."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from ..admin import AdminError
from . import access
from .edits import record_checkin, set_release
from .outcome import RELEASE_PARTS, facts, focus_of, release_of, released_outcome, school_view
from .render import language, render
from .routes_session import see_other
from .session import WebError, check_csrf, require_viewer
from .stages import overdue, stage_of

router = APIRouter(prefix="/web", include_in_schema=False)
log = logging.getLogger("sync.server")


async def _review(request: Request, review_id: str) -> dict[str, Any]:
    row = await run_in_threadpool(request.app.state.web.review_row, review_id)
    if row is None:
        raise WebError(404)
    return row


@router.get("/reviews/{review_id}")
async def review_page(request: Request, review_id: str) -> Response:
    viewer = await require_viewer(request)
    row = await _review(request, review_id)
    if not access.sees_outcome(viewer, row):
        raise WebError(403)
    state = request.app.state

    def gather() -> dict[str, Any]:
        review_state = state.states.state(review_id)
        release = release_of(review_state)
        f = facts(review_state, row["start_date"], row["end_date"])
        today = date.today()
        return {
            "row": row, "focus": focus_of(review_state), "stage": stage_of(f, today),
            "overdue": overdue(f, today), "release": release, "facts": f,
            "outcome": released_outcome(review_state, release) if release else None,
            "school": school_view(review_state) if access.sees_school_view(viewer, row) else None,
        }

    context = await run_in_threadpool(gather)
    context["may_release"] = access.releases(viewer, row)
    context["may_download"] = access.downloads_summary(viewer, row)
    context["may_record_checkin"] = access.records_checkin(viewer, row)
    context["error"] = ""
    context["parts"] = RELEASE_PARTS
    context["today"] = date.today().isoformat()
    return render(request, "review.html", context, viewer=viewer)


@router.post("/reviews/{review_id}/release")
async def release(request: Request, review_id: str) -> Response:
    viewer = await require_viewer(request)
    row = await _review(request, review_id)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    if not access.releases(viewer, row):
        raise WebError(403)
    state = request.app.state
    if form.get("withdraw"):
        await run_in_threadpool(set_release, state.storage, state.states, review_id, {}, None)
        return see_other(f"/web/reviews/{review_id}")
    consent_date = str(form.get("consent_date") or "")
    try:
        date.fromisoformat(consent_date)
    except ValueError:
        raise WebError(400, "consent_date") from None
    if form.get("head_consent") != "yes":
        raise WebError(400, "consent")
    parts = {p: form.get(p) == "yes" for p in RELEASE_PARTS}
    await run_in_threadpool(set_release, state.storage, state.states, review_id, parts, consent_date)
    return see_other(f"/web/reviews/{review_id}")


@router.post("/reviews/{review_id}/checkin")
async def checkin(request: Request, review_id: str) -> Response:
    viewer = await require_viewer(request)
    row = await _review(request, review_id)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    if not access.records_checkin(viewer, row):
        raise WebError(403)
    state = request.app.state
    try:
        await run_in_threadpool(lambda: record_checkin(
            state.storage, state.states, review_id, day=str(form.get("checkin_date") or ""),
            pupil_changes=str(form.get("pupil_changes") or ""), next_steps=str(form.get("next_steps") or "")))
    except AdminError:
        raise WebError(400, "checkin_date") from None
    return see_other(f"/web/reviews/{review_id}")


@router.get("/reviews/{review_id}/summary.pdf")
async def summary_pdf(request: Request, review_id: str) -> Response:
    viewer = await require_viewer(request)
    row = await _review(request, review_id)
    if not access.downloads_summary(viewer, row):
        raise WebError(403)
    try:  # the laptop's report code and its fonts: absent from a server-only install (deploy/Dockerfile)
        from spp_reports import FontsMissing, NothingToReport, summary_pdf_from_state
    except ImportError:
        raise WebError(503, "no_pdf") from None
    state = request.app.state
    lang = language(request)
    try:
        data = await run_in_threadpool(lambda: summary_pdf_from_state(state.states.state(review_id), lang))
    except NothingToReport:
        raise WebError(404, "no_findings") from None
    except FontsMissing:  # the PDF fonts are not where a checkout keeps them
        log.error("feedback summary PDF: the report fonts are missing")
        raise WebError(503, "no_pdf") from None
    return Response(data, media_type="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="feedback-summary.pdf"', "Cache-Control": "no-store"})
