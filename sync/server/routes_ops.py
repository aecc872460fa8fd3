"""POST /reviews/{id}/ops (push) and GET /reviews/{id}/ops (pull)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from sync.protocol import Operation, ProtocolError
from sync.protocol.package import PACKAGE_DEVICE
from sync.protocol.schema import MAX_OPS_PER_BATCH, op_problem, requires_lead

from .auth import (
    Caller,
    CallerDep,
    TokenDep,
    authenticate,
    check_device,
    hash_token,
    not_a_member,
    require_member,
    require_token,
)
from .errors import ApiError, responses
from .models import PullResponse, PushRequest, PushResponse
from .storage import PendingOp, PullResult, Storage, canonical_json, now_ms

router = APIRouter(tags=["ops"])

PULL_DEFAULT = 500
PULL_MAX = 1000


def _reject(op_id: str, code: str, reason: str) -> dict[str, Any]:
    return {"op_id": op_id, "status": "rejected", "code": code, "reason": reason}


def check_op(
    raw: Any, review_id: str, caller: Caller, role: str
) -> tuple[dict[str, Any] | None, PendingOp | None]:
    """(rejection, None) or (None, op to store)."""
    op_id: str = raw["op_id"] if isinstance(raw, dict) and isinstance(raw.get("op_id"), str) else ""
    try:
        op = Operation.from_wire(raw)
    except ProtocolError as exc:
        return _reject(op_id, "invalid_op", f"The operation is not well formed: {exc}."), None
    if op.review_id != review_id:
        return _reject(op_id, "wrong_review", "The operation belongs to another review."), None
    body = canonical_json(op.to_wire())
    if op.device_id == PACKAGE_DEVICE:
        # Only the server derives package ops; a client may echo them back, nothing more.
        return None, PendingOp(op.op_id, op.device_id, op.author, body, may_insert=False)
    if op.author != caller.user_id:
        return _reject(op_id, "wrong_author", "The operation's author is not the signed-in user."), None
    problem = op_problem(op)
    if problem:
        return _reject(op_id, "invalid_op", f"The operation is not valid: {problem}."), None
    if requires_lead(op) and role != "lead_reviewer":
        return _reject(
            op_id, "lead_only", "Only the lead reviewer may settle conflicts or mark findings agreed."
        ), None
    return None, PendingOp(op.op_id, op.device_id, op.author, body)


def push(request: Request, review_id: str, raw_ops: list[Any], caller: Caller) -> dict[str, Any]:
    storage = request.app.state.storage
    role = require_member(storage, review_id, caller)
    if len(raw_ops) > MAX_OPS_PER_BATCH:
        raise ApiError(
            413,
            "batch_too_large",
            f"A batch may hold at most {MAX_OPS_PER_BATCH} operations; send them in smaller batches.",
        )
    results: list[dict[str, Any] | None] = []
    pending: list[PendingOp] = []
    for raw in raw_ops:
        rejection, op = check_op(raw, review_id, caller, role)
        results.append(rejection)
        if op is not None:
            pending.append(op)
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


def _page(rows: list[tuple[int, str]], after: int, limit: int) -> Response:
    """The page of a pull from up to limit + 1 rows (one more tells that there are more)."""
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = rows[-1][0] if rows else after
    # The stored bodies are canonical JSON already: splice them instead of parsing and re-encoding.
    text = (
        '{"ops":['
        + ",".join(body for _, body in rows)
        + f'],"next_cursor":{next_cursor},"more":{"true" if more else "false"}}}'
    )
    return Response(text, media_type="application/json")


def pull(request: Request, review_id: str, after: int, limit: int, caller: Caller) -> Response:
    """The pull for a caller already authenticated (when the query needed FastAPI's validation)."""
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    return _page(storage.ops_after(review_id, after, limit + 1), after, limit)


def _plain_int(request: Request, name: str, default: int, high: int, low: int) -> int | None:
    """A query parameter in its plain form (ASCII digits, within the route's bounds), the default when it
    is absent; None for anything else, which is left to FastAPI's validation of the route's parameters."""
    value = request.query_params.get(name)
    if value is None:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 19:
        return None
    number = int(value)
    return number if low <= number <= high else None


def _pull_in_thread(storage: Storage, token_hash: str, review_id: str, after: int, limit: int) -> PullResult:
    result = storage.pull(token_hash, review_id, after, limit + 1)
    now = now_ms()
    if check_device(result.device_id, result.revoked_ms, result.expires_ms, result.last_seen_ms, now):
        assert result.device_id is not None
        storage.touch_device(result.device_id, now)
    return result


@dataclass(frozen=True, slots=True)
class PullAccess:
    result: PullResult | None  # the whole pull (device, membership, page), when the query was plain
    caller: Caller | None  # else the authenticated caller


async def pull_access(request: Request, review_id: str, token: TokenDep) -> PullAccess:
    """Authenticate the caller and, when the query is in its plain form (as clients send it), read the
    page too: one storage call for the whole pull, on the event loop when the storage can do that without
    waiting, else in one worker-thread hop. As a dependency this runs before FastAPI validates the query,
    so any 401 comes before a 422, and a 403/404 after it (raised by the route), as for every route."""
    storage: Storage = request.app.state.storage
    token = require_token(token)
    after = _plain_int(request, "after", 0, 2**62, 0)
    limit = _plain_int(request, "limit", PULL_DEFAULT, PULL_MAX, 1)
    if after is None or limit is None:
        return PullAccess(None, await run_in_threadpool(authenticate, storage, token))
    token_hash = hash_token(token)
    result = storage.pull_inline(token_hash, review_id, after, limit + 1)
    if result is None:
        result = await run_in_threadpool(_pull_in_thread, storage, token_hash, review_id, after, limit)
    else:
        now = now_ms()
        if check_device(result.device_id, result.revoked_ms, result.expires_ms, result.last_seen_ms, now):
            await run_in_threadpool(storage.touch_device, result.device_id, now)
    return PullAccess(result, None)


@router.get("/reviews/{review_id}/ops", response_model=PullResponse, responses=responses(401, 403, 404, 422))
async def get_ops(
    review_id: str,
    request: Request,
    access: Annotated[PullAccess, Depends(pull_access)],
    after: int = Query(0, ge=0, le=2**62),
    limit: int = Query(PULL_DEFAULT, ge=1, le=PULL_MAX),
) -> Response:
    """Ops in server receipt order after `after` (a server sequence number, never a timestamp)."""
    result = access.result
    if result is None:
        assert access.caller is not None
        return await run_in_threadpool(pull, request, review_id, after, limit, access.caller)
    if result.role is None:
        not_a_member(result.review_exists)
    return _page(result.rows, after, limit)
