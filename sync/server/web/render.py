"""Pages from the Jinja2 templates in web/templates, in the viewer's language, with the headers every
page carries (no caching of personal pages, no framing, a strict content security policy)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..storage import now_ms
from . import access
from .i18n import LANGUAGES, translator
from .session import LANG_COOKIE, csrf_value, set_csrf_cookie

HERE = Path(__file__).parent
env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]),
                  undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)

env.filters["datetime"] = lambda seconds: datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M UTC")

SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


STAGE_NAMES = {"pre_review": "Pre-review", "review_day": "Review day", "feedback": "Feedback",
               "workshop": "Improvement workshop", "checkin": "Check-in", "closed": "Closed"}
ROLE_NAMES = {"server_admin": "Server administrator", "partnership_lead": "Partnership lead",
              "headteacher": "Headteacher", "lead_reviewer": "Lead reviewer", "reviewer": "Reviewer",
              "improvement_champion": "Improvement Champion"}
PROGRESS_NAMES = {"not_started": "Not started", "under_way": "Under way", "done": "Done",
                  "changed_course": "Changed course"}
LATE_NAMES = {"checkin": "Check-in overdue", "plan": "No plan a week before the day"}


def language(request: Request) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    accept = request.headers.get("accept-language", "").lower()
    return "cy" if accept.startswith("cy") else "en"


def nav_links_all() -> list[tuple[str, str]]:
    """Every navigation link (for the translation test)."""
    return [("/web/", "Your reviews"), ("/web/year", "The year"), ("/web/themes", "Common themes"),
            ("/web/admin/reviews", "Administration"), ("/web/sessions", "Sessions and devices")]


def nav_links(viewer: access.Viewer | None) -> list[tuple[str, str]]:
    if viewer is None:
        return []
    links = [("/web/", "Your reviews")]
    if access.sees_year(viewer):
        links += [("/web/year", "The year"), ("/web/themes", "Common themes")]
    if access.administers_any(viewer):
        links.append(("/web/admin/reviews", "Administration"))
    links.append(("/web/sessions", "Sessions and devices"))
    return links


def render(request: Request, template: str, context: dict[str, Any] | None = None, *,
           viewer: access.Viewer | None = None, status: int = 200) -> HTMLResponse:
    lang = language(request)
    _ = translator(lang)
    here = request.url.path
    query = request.url.query
    ctx = {
        "_": _, "lang": lang, "viewer": viewer, "csrf": csrf_value(request), "nav": nav_links(viewer),
        "now_ms": now_ms(), "stage_names": STAGE_NAMES, "role_names": ROLE_NAMES, "late_names": LATE_NAMES, "progress_names": PROGRESS_NAMES, "here": here, "here_full": here + ("?" + query if query else ""), "access": access,
        **(context or {}),
    }
    html = env.get_template(template).render(ctx)
    response = HTMLResponse(html, status_code=status, headers=SECURITY_HEADERS)
    set_csrf_cookie(response, request)
    return response
