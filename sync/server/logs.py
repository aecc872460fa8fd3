"""Logs for operators: one JSON object a line, each request with an id, and never a user's text.

A request line carries the request id (the client's X-Request-ID when it is a short token, else a new
one; sent back in the response header), the method, the route's *template* (`/reviews/{review_id}/ops`,
so no ids or query strings), the status and the time taken. Bodies, query strings, usernames and
passwords are never logged; exceptions are logged by type and stack, not by message (a message can
quote a request).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import sys
import time
import traceback
import uuid
from typing import Any

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
_GOOD_ID = re.compile(rb"^[A-Za-z0-9._-]{1,64}$")
log = logging.getLogger("sync.server.request")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        rid = getattr(record, "request_id", None) or request_id.get()
        if rid != "-":
            entry["request_id"] = rid
        for key in ("method", "route", "status", "duration_ms"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info and record.exc_info[0] is not None:
            # The type and where, not str(exc): an exception's text may quote what a user sent.
            entry["exception"] = record.exc_info[0].__name__
            entry["stack"] = "".join(traceback.format_tb(record.exc_info[2]))[-4000:]
        return json.dumps(entry, ensure_ascii=False)


JsonFormatter.converter = time.gmtime  # type: ignore[assignment]


def configure(fmt: str = "json", level: str = "info") -> dict[str, Any]:
    """Set up the root logger; returns the dict for uvicorn's log_config (its loggers use ours)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else
                         logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("alembic").setLevel(max(logging.WARNING, root.level))  # "Context impl ..." is noise
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "loggers": {name: {"handlers": [], "propagate": True, "level": level.upper()}
                    for name in ("uvicorn", "uvicorn.error")},
    }


class RequestLog:
    """ASGI middleware (no per-request objects beyond one dict): id, one log line, X-Request-ID header."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        rid = ""
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id" and _GOOD_ID.match(value):
                rid = value.decode("ascii")
                break
        rid = rid or uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), (b"x-request-id", rid.encode("ascii"))]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if log.isEnabledFor(logging.INFO):  # cheap when request lines are not wanted (benchmarks)
                self._log(scope, rid, status, started)
            request_id.reset(token)

    @staticmethod
    def _log(scope: dict[str, Any], rid: str, status: int, started: float) -> None:
        route = scope.get("route")
        log.info("request", extra={
            "request_id": rid,
            "method": scope.get("method"),
            "route": getattr(route, "path", None) or _unrouted(scope),
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        })


def _unrouted(scope: dict[str, Any]) -> str:
    """Requests that no route matched (404s, the pull fast path): the first path segment only."""
    path = scope.get("path", "/")
    if path.startswith("/reviews/") and path.endswith("/ops"):
        return "/reviews/{review_id}/ops"
    return "/" + path.strip("/").split("/", 1)[0] if path != "/" else "/"
