"""Home (the person's reviews), the year (partnership lead), its CSV, the schedule upload with a
preview, and the common themes."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from .. import schedule
from ..admin import AdminError
from . import access
from .render import render
from .routes_session import see_other
from .session import WebError, check_csrf, require_viewer
from .stages import STAGES
from .year import common_themes, filtered, year_csv, year_rows

router = APIRouter(prefix="/web", include_in_schema=False)
MAX_UPLOAD = 512 * 1024


@router.get("/")
async def home(request: Request) -> Response:
    viewer = await require_viewer(request)
    state = request.app.state

    def visible() -> list[dict]:
        rows = year_rows(state.web, state.states, None if viewer.is_admin else viewer.partnership_id)
        return [r for r in rows if access.sees_outcome(viewer, r)]

    rows = await run_in_threadpool(visible)
    return render(request, "home.html", {"rows": rows}, viewer=viewer)


async def _lead(request: Request) -> access.Viewer:
    viewer = await require_viewer(request)
    if not access.sees_year(viewer):
        raise WebError(403)
    return viewer


@router.get("/year")
async def year(request: Request, cluster: str = "", school: str = "", stage: str = "",
               overdue: str = "") -> Response:
    viewer = await _lead(request)
    state = request.app.state
    rows = await run_in_threadpool(year_rows, state.web, state.states, viewer.partnership_id)
    schools = await run_in_threadpool(state.web.schools_of, viewer.partnership_id)
    clusters = sorted({s["cluster"] for s in schools if s["cluster"]})
    shown = filtered(rows, cluster, school, stage, overdue)
    return render(request, "year.html", {
        "rows": shown, "total": len(rows), "schools": schools, "clusters": clusters, "stages": STAGES,
        "chosen": {"cluster": cluster, "school": school, "stage": stage, "overdue": overdue},
    }, viewer=viewer)


@router.get("/year.csv")
async def year_export(request: Request, cluster: str = "", school: str = "", stage: str = "",
                      overdue: str = "") -> Response:
    viewer = await _lead(request)
    state = request.app.state
    rows = await run_in_threadpool(year_rows, state.web, state.states, viewer.partnership_id)
    text = year_csv(filtered(rows, cluster, school, stage, overdue))
    return Response(text, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": 'attachment; filename="reviews.csv"', "Cache-Control": "no-store"})


@router.get("/year/import")
async def import_page(request: Request) -> Response:
    viewer = await _lead(request)
    return render(request, "import.html", {"lines": None, "csv_text": "", "error": "", "done": None},
                  viewer=viewer)


@router.post("/year/import")
async def import_upload(request: Request) -> Response:
    """Step 1 (a file) shows the preview; step 2 (confirm, with the same text) imports."""
    viewer = await _lead(request)
    form = await request.form()
    check_csrf(request, form.get("csrf"))
    state = request.app.state
    upload = form.get("schedule")
    if upload is not None and hasattr(upload, "read"):
        data = await upload.read(MAX_UPLOAD + 1)
    else:
        data = str(form.get("csv_text") or "").encode("utf-8")
    context: dict[str, Any] = {"lines": None, "csv_text": "", "error": "", "done": None}
    if not data.strip():
        context["error"] = "Choose a CSV file first."
        return render(request, "import.html", context, viewer=viewer, status=400)
    if len(data) > MAX_UPLOAD:
        context["error"] = "The file is too large for a schedule."
        return render(request, "import.html", context, viewer=viewer, status=400)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        context["error"] = "The file is not a UTF-8 CSV file."
        return render(request, "import.html", context, viewer=viewer, status=400)
    name = await run_in_threadpool(state.web.partnership_name, viewer.partnership_id)
    try:
        rows = schedule.read_schedule(text)
        lines = await run_in_threadpool(schedule.preview, state.storage, name, rows)
        if form.get("confirm") and not any(line.problems for line in lines):
            created = await run_in_threadpool(schedule.apply, state.storage, name, rows)
            return see_other(f"/web/year?imported={len(created)}")
    except AdminError as exc:
        context["error"] = str(exc)
        return render(request, "import.html", context, viewer=viewer, status=400)
    context.update(lines=lines, csv_text=text)
    return render(request, "import.html", context, viewer=viewer)


@router.get("/themes")
async def themes(request: Request) -> Response:
    viewer = await _lead(request)
    if viewer.partnership_id is None:  # _lead has checked it (access.sees_year); narrowed for the call
        raise WebError(403)
    state = request.app.state
    found = await run_in_threadpool(common_themes, state.web, state.states, viewer.partnership_id)
    return render(request, "themes.html", {"themes": found}, viewer=viewer)
