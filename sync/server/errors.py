"""Errors: every failure is an HTTP status and {"error": {"code", "message"}} with a stable code.

Messages are plain sentences written here; nothing a user typed is echoed back or logged.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("sync.server")


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


def responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """OpenAPI documentation of the error responses a route may give."""
    return {
        status: {"model": ErrorBody, "description": _DESCRIPTIONS.get(status, "Error")} for status in statuses
    }


_DESCRIPTIONS = {
    400: "Bad request",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Too large",
    422: "Invalid request",
    429: "Too many attempts",
    503: "Unavailable",
}

_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_attempts",
}


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "request"
    kind = str(error.get("type", "invalid"))
    if kind == "missing":
        return f"{where} is required"
    if kind in ("json_invalid", "model_attributes_type", "dict_type"):
        return f"{where} is not valid JSON of the expected shape"
    return f"{where} is not valid ({kind})"


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        # pydantic's own messages may quote the input; name only where and what kind of problem.
        problems = [_describe(e) for e in exc.errors()[:3]]
        return error_response(
            422, "validation_error", "The request is not valid: " + "; ".join(problems) + "."
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 400:  # FastAPI could not read the body (not UTF-8, not JSON ...)
            return error_response(422, "validation_error", "The request body is not valid JSON.")
        code = _STATUS_CODES.get(exc.status_code, "http_error")
        message = (
            "There is nothing at this address." if exc.status_code == 404 else "The request cannot be served."
        )
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            message = "This method is not allowed at this address."
            allow = allowed_methods(request, (headers or {}).get("Allow"))
            if allow:
                headers = {**(headers or {}), "Allow": allow}
        return error_response(exc.status_code, code, message, headers)

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected server error: %s", type(exc).__name__)
        return error_response(500, "internal_error", "The server could not complete the request.")


def allowed_methods(request: Request, fallback: str | None) -> str | None:
    """Every method the OpenAPI document lists at this request's path (Starlette's 405 names only the
    first route's), with HEAD wherever GET is: the Allow header of a 405 says what the document says."""
    methods: set[str] = set()
    for template, operations in request.app.openapi().get("paths", {}).items():
        pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, request.url.path):
            methods |= {m.upper() for m in operations if m.upper() in _METHODS}
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods)) if methods else fallback


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}
