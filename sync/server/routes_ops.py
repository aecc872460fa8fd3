"""POST /reviews/{id}/ops (push) and GET /reviews/{id}/ops (pull)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import Operation, ProtocolError, ReviewState
from sync.protocol.package import PACKAGE_DEVICE
from sync.protocol.rules import rule_problem
from sync.protocol.schema import MAX_OPS_PER_BATCH, bounds_problem, op_problem
from sync.protocol.signing import signature_problem

from .auth import (
    Caller,
    CallerDep,
    bearer_token,
    check_device,
    hash_token,
    not_a_member,
    require_member,
    require_token,
)
from .errors import ApiError, error_response, responses
from .models import PullResponse, PushRequest, PushResponse
from .storage import PendingOp, PullResult, Storage, canonical_json, now_ms

router = APIRouter(tags=["ops"])

PULL_DEFAULT = 500
PULL_MAX = 1000


def _reject(op_id: str, code: str, reason: str) -> dict[str, Any]:
    return {"op_id": op_id, "status": "rejected", "code": code, "reason": reason}


@dataclass(frozen=True)
class PushContext:
    """What the checks of one pushed batch need, read once: the review's team (user id -> role), the
    device keys the server vouches for, the ops it holds already, the review's state and the clock."""

    review_id: str
    roles: dict[str, str]
    keys: dict[tuple[str, str], bytes]
    stored: dict[str, str]
    server_key: bytes
    now: int


def check_op(raw: Any, ctx: PushContext, state: ReviewState) -> tuple[dict[str, Any] | None, PendingOp | None]:
    """(rejection, None) or (None, op to store). An op is judged by its author, whoever passes it on: its
    signature must be its author's device key (so a teammate may relay it), and the rule table
    (sync.protocol.rules) judges it by its author's role against the review's state before this batch."""
    op_id: str = raw["op_id"] if isinstance(raw, dict) and isinstance(raw.get("op_id"), str) else ""
    try:
        op = Operation.from_wire(raw)
    except ProtocolError as exc:
        return _reject(op_id, "invalid_op", f"The operation is not well formed: {exc}."), None
    if op.review_id != ctx.review_id:
        return _reject(op_id, "wrong_review", "The operation belongs to another review."), None
    body = canonical_json(op.to_wire())
    if op.device_id == PACKAGE_DEVICE or op.op_id in ctx.stored:
        # Only the server derives package ops; a client may echo them back, nothing more. An op stored
        # already is a duplicate (or a reused id), whatever has changed since it was accepted.
        return None, PendingOp(op.op_id, op.device_id, op.author, body, may_insert=op.device_id != PACKAGE_DEVICE)
    bounds = bounds_problem(op, now_ms=ctx.now)
    if bounds:
        return _reject(op_id, "out_of_bounds", f"The operation is out of bounds: {bounds}."), None
    problem = op_problem(op)
    if problem:
        return _reject(op_id, "invalid_op", f"The operation is not valid: {problem}."), None
    unproven = signature_problem(op, ctx.keys, ctx.server_key)
    if unproven:
        return _reject(op_id, unproven.code, unproven.reason), None
    refusal = rule_problem(op, ctx.roles.get(op.author), state)
    if refusal:
        return _reject(op_id, refusal.code, refusal.reason), None
    return None, PendingOp(op.op_id, op.device_id, op.author, body)


def _context(storage: Storage, review_id: str, raw_ops: list[Any]) -> PushContext:
    dicts = [raw for raw in raw_ops if isinstance(raw, dict)]
    devices = [d["device_id"] for d in dicts if isinstance(d.get("device_id"), str)]
    op_ids = [d["op_id"] for d in dicts if isinstance(d.get("op_id"), str)]
    return PushContext(review_id, storage.team_roles(review_id), storage.device_keys_for(devices),
                       storage.stored_bodies(review_id, op_ids), storage.signing_key()[1], now_ms())


def push(request: Request, review_id: str, raw_ops: list[Any], caller: Caller) -> dict[str, Any]:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    if len(raw_ops) > MAX_OPS_PER_BATCH:
        raise ApiError(
            413,
            "batch_too_large",
            f"A batch may hold at most {MAX_OPS_PER_BATCH} operations; send them in smaller batches.",
        )
    results: list[dict[str, Any] | None] = []
    pending: list[PendingOp] = []
    ctx = _context(storage, review_id, raw_ops)

    def check_all(state: ReviewState) -> None:
        for raw in raw_ops:
            rejection, op = check_op(raw, ctx, state)
            results.append(rejection)
            if op is not None:
                pending.append(op)

    request.app.state.states.read(review_id, check_all)
    stored, _ = storage.append_ops(review_id, pending) if pending else ([], 0)
    outcomes = iter(zip(pending, stored, strict=True))
    for i, result in enumerate(results):
        if result is not None:
            continue
        op, outcome = next(outcomes)
        if outcome.status == "accepted":
            results[i] = {"op_id": op.op_id, "status": "accepted"}
        elif outcome.status == "missing":
            results[i] = _reject(
                op.op_id, "package_op", "Operations from the review package are made by the server only."
            )
        elif outcome.stored_body != op.body:
            results[i] = _reject(
                op.op_id,
                "op_id_reused",
                "Another operation with this id and different content is already stored.",
            )
        else:
            results[i] = {"op_id": op.op_id, "status": "duplicate"}
    snap = request.app.state.states.snapshot(review_id)
    return {"results": results, "cursor": snap.cursor, "state_hash": snap.state_hash}


@router.post(
    "/reviews/{review_id}/ops",
    response_model=PushResponse,
    response_model_exclude_none=True,
    responses=responses(401, 403, 404, 413, 422),
)
async def post_ops(review_id: str, body: PushRequest, request: Request, caller: CallerDep) -> dict[str, Any]:
    """Push a batch of operations. Idempotent by op_id: a retried batch changes nothing."""
    return await run_in_threadpool(push, request, review_id, body.ops, caller)


def _page(rows: list[tuple[int, str]], after: int, more: bool) -> Response:
    """The page of a pull (at most `limit` ops and PAGE_MAX_BYTES, see storage_pull.py)."""
    next_cursor = rows[-1][0] if rows else after
    # The stored bodies are canonical JSON already: splice them instead of parsing and re-encoding.
    text = (
        '{"ops":['
        + ",".join(body for _, body in rows)
        + f'],"next_cursor":{next_cursor},"more":{"true" if more else "false"}}}'
    )
    return Response(text, media_type="application/json")


def pull(request: Request, review_id: str, after: int, limit: int, caller: Caller) -> Response:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    rows, more = storage.ops_page(review_id, after, limit)
    return _page(rows, after, more)


@router.get("/reviews/{review_id}/ops", response_model=PullResponse, responses=responses(401, 403, 404, 422))
async def get_ops(
    review_id: str,
    request: Request,
    caller: CallerDep,
    after: int = Query(0, ge=0, le=2**62),
    limit: int = Query(PULL_DEFAULT, ge=1, le=PULL_MAX),
) -> Response:
    """Ops in server receipt order after `after` (a server sequence number, never a timestamp)."""
    # A pull with a plain query (as clients send it) is answered by PullFastPath before it gets here.
    return await run_in_threadpool(pull, request, review_id, after, limit, caller)


def _pull_in_thread(storage: Storage, token_hash: str, review_id: str, after: int, limit: int) -> PullResult:
    result = storage.pull(token_hash, review_id, after, limit)
    now = now_ms()
    if check_device(result.device_id, result.revoked_ms, result.expires_ms, result.last_seen_ms, now):
        assert result.device_id is not None
        storage.touch_device(result.device_id, now)
    return result


async def fast_pull(storage: Storage, token: str, review_id: str, after: int, limit: int) -> Response:
    """The whole pull in one storage call (device, membership, page): on the event loop when the storage
    can read without waiting, else in one worker-thread hop. The same answers as the route, in the same
    order (401, then 404/403), for a query that is valid."""
    token_hash = hash_token(token)
    result = storage.pull_inline(token_hash, review_id, after, limit)
    if result is None:
        result = await run_in_threadpool(_pull_in_thread, storage, token_hash, review_id, after, limit)
    else:
        now = now_ms()
        device_id = result.device_id
        if check_device(device_id, result.revoked_ms, result.expires_ms, result.last_seen_ms, now):
            assert device_id is not None
            await run_in_threadpool(storage.touch_device, device_id, now)
    if result.role is None:
        not_a_member(result.review_exists)
    return _page(result.rows, after, result.more)


_PULL_PARAMS = {b"after": (0, 2**62), b"limit": (1, PULL_MAX)}


def _plain_query(query: bytes) -> tuple[int, int] | None:
    """(after, limit) from a query string of only `after` and `limit`, each at most once, as ASCII digits
    within bounds; None for anything else (left to the route and FastAPI's validation)."""
    values = {b"after": 0, b"limit": PULL_DEFAULT}
    seen: set[bytes] = set()
    if query:
        for part in query.split(b"&"):
            name, eq, value = part.partition(b"=")
            bounds = _PULL_PARAMS.get(name)
            if bounds is None or not eq or name in seen or not value.isdigit() or len(value) > 19:
                return None
            number = int(value)
            if not bounds[0] <= number <= bounds[1]:
                return None
            seen.add(name)
            values[name] = number
    return values[b"after"], values[b"limit"]


class PullFastPath:
    """ASGI middleware answering `GET /reviews/{id}/ops` with a plain query and a bearer token without
    FastAPI's routing and dependency solving (most of a no-change pull's cost): see fast_pull. Any other
    request, or a pull in another form, goes on to the app, whose route gives the same answers."""

    def __init__(self, app: ASGIApp, storage: Storage):
        self.app = app
        self.storage = storage

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET" and not scope.get("root_path"):
            path: str = scope["path"]
            if path.startswith("/reviews/") and path.endswith("/ops"):
                review_id = path[9:-4]
                query = _plain_query(scope["query_string"])
                if review_id and "/" not in review_id and query is not None:
                    await self._pull(scope, receive, send, review_id, *query)
                    return
        await self.app(scope, receive, send)

    async def _pull(
        self, scope: Scope, receive: Receive, send: Send, review_id: str, after: int, limit: int
    ) -> None:
        authorization = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                authorization = value.decode("latin-1")
                break
        try:
            token = require_token(bearer_token(authorization))
            response = await fast_pull(self.storage, token, review_id, after, limit)
        except ApiError as exc:
            response = error_response(exc.status, exc.code, exc.message, exc.headers)
        await response(scope, receive, send)
