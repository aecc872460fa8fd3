"""The FastAPI app factory: create_app(settings)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import routes_attachments, routes_auth, routes_ops, routes_reviews, routes_trust
from .data_key import DataKeyError, DataKeys
from .db import make_engine, ping, upgrade
from .errors import ApiError, error_response, install_handlers, responses
from .logs import RequestLog
from .models import Health
from .settings import VERSION, Settings, megabytes
from .state import ReviewStates
from .storage import Storage


class BodyLimit:
    """Refuse request bodies over the limit with 413 payload_too_large before the app reads them.

    The body is read here (up to the limit) and replayed to the app; attachment chunks have their own
    limit (max_chunk_bytes), everything else the configured request size. The pieces are joined once
    and then dropped, so a request costs its size once here, not twice.

    Handling a large body (parsing, checking, sealing, storing) takes several times its size, so at most
    HEAVY_AT_ONCE requests over HEAVY_BYTES are handled at a time; others wait with their body read (a
    slow sender holds only its own bytes, never the gate). Memory stays bounded however many arrive.
    """

    HEAVY_BYTES = 1024 * 1024
    HEAVY_AT_ONCE = 2

    def __init__(self, app: ASGIApp, settings: Settings):
        self.app = app
        self.settings = settings
        self._heavy = asyncio.Semaphore(self.HEAVY_AT_ONCE)

    def _limit(self, path: str) -> int:
        if "/attachments/" in path:
            return min(self.settings.max_chunk_bytes, self.settings.max_attachment_bytes)
        return self.settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self._limit(scope["path"])
        too_large = error_response(
            413,
            "payload_too_large",
            f"The request is larger than this server accepts ({megabytes(limit)} at most).",
        )
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await too_large(scope, receive, send)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > limit:
                await too_large(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole: list[bytes] = [b"".join(chunks)]
        chunks.clear()

        async def replay() -> Message:
            if whole:
                return {"type": "http.request", "body": whole.pop(), "more_body": False}
            return await receive()

        if size > self.HEAVY_BYTES:
            async with self._heavy:
                await self.app(scope, replay, send)
        else:
            await self.app(scope, replay, send)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    if not settings.key_file:
        raise DataKeyError(
            "The server needs its data key: create one with `spp-server key create --key-file PATH`, "
            "then pass --key-file PATH or set SPP_SERVER_KEY_FILE."
        )
    keys = DataKeys.load(settings.key_file)
    engine = make_engine(settings.database_url, settings.db_pool_size, settings.db_max_overflow)
    if settings.run_migrations:
        upgrade(engine)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.storage.close()

    app = FastAPI(
        title="SPP sync server",
        version=VERSION,
        lifespan=lifespan,
        description="Central server of SPP Desktop: reviews, teams, the op log and attachments.",
    )
    app.state.settings = settings
    app.state.storage = Storage(engine, keys)
    app.state.states = ReviewStates(app.state.storage)
    install_handlers(app)
    for module in (routes_auth, routes_reviews, routes_ops, routes_attachments, routes_trust):
        app.include_router(module.router)

    @app.get("/health", response_model=Health, tags=["health"])
    async def health() -> dict[str, str]:
        """Liveness: the process answers (it does not touch the database; see /ready)."""
        return {"status": "ok", "version": VERSION}

    @app.get("/ready", response_model=Health, tags=["health"], responses=responses(503))
    async def ready() -> dict[str, str]:
        """Readiness: one query reaches the database. 503 database_unavailable when it cannot."""
        try:
            await run_in_threadpool(ping, engine)
        except Exception:
            raise ApiError(503, "database_unavailable", "The server cannot reach its database.") from None
        return {"status": "ready", "version": VERSION}


    from .web import install as install_web_console  # Jinja2 and python-multipart: the server extra

    install_web_console(app)
    base_openapi = app.openapi

    def openapi() -> dict:  # type: ignore[type-arg]
        if app.openapi_schema is None:
            routes_attachments.document_limits(
                base_openapi(), settings.max_attachment_bytes, settings.max_chunk_bytes
            )
        return app.openapi_schema  # type: ignore[return-value]

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(BodyLimit, settings=settings)
    app.add_middleware(routes_ops.PullFastPath, storage=app.state.storage)
    app.add_middleware(RequestLog)  # outermost: every request gets an id, whichever layer answers it
    return app
