"""POST /auth/login."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from .auth import login
from .errors import responses
from .models import LoginRequest, LoginResponse

router = APIRouter(tags=["auth"])


@router.post("/auth/login", response_model=LoginResponse, responses=responses(401, 413, 422, 429))
async def post_login(body: LoginRequest, request: Request) -> dict[str, object]:
    """Sign in a device: returns a bearer token (shown once; the server keeps only its SHA-256)."""
    client = request.client.host if request.client else "unknown"
    return await run_in_threadpool(
        login,
        request.app.state.storage,
        request.app.state.settings,
        body.username,
        body.password,
        body.device_name,
        client,
    )
