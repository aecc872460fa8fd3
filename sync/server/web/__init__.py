"""The partnership's web console, served by `spp-server serve` with the API: server-rendered pages
(Jinja2), plain forms, English and Welsh. `install(app)` adds its routes, static files and error pages."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from . import routes_admin, routes_review, routes_session, routes_year
from .render import render
from .session import SESSION_COOKIE, WebError, lookup
from .storage import WebStorage

STATIC = Path(__file__).parent / "static"
ERROR_TEMPLATES = {400: "bad_request", 403: "forbidden", 404: "not_found", 503: "unavailable"}


def install(app: FastAPI) -> None:
    app.state.web = WebStorage(app.state.storage.engine, app.state.storage.keys)
    for module in (routes_session, routes_year, routes_review, routes_admin):
        app.include_router(module.router)
    app.mount("/web/static", StaticFiles(directory=STATIC), name="web-static")

    @app.get("/", include_in_schema=False)
    async def root() -> Response:
        return RedirectResponse("/web/", status_code=303)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        if exc.status == 401:
            target = "/web/sign-in?next=" + request.url.path
            if exc.expired:
                target += "&expired=1"
            response: Response = RedirectResponse(target, status_code=303)
            if exc.expired:
                response.delete_cookie(SESSION_COOKIE, path="/")
            return response
        found = await lookup(request)
        return render(request, "error.html", {"kind": ERROR_TEMPLATES.get(exc.status, "bad_request"),
                                              "detail": exc.message}, viewer=found.viewer, status=exc.status)
