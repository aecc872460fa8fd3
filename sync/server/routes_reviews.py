"""GET /reviews, /reviews/{id}/package, /reviews/{id}/state."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from .auth import Caller, CallerDep, require_member
from .errors import ApiError, responses
from .models import PackageOut, ReviewList, StateResponse

router = APIRouter(tags=["reviews"])
REVIEW_ERRORS = responses(401, 403, 404, 422)


@router.get("/reviews", response_model=ReviewList, responses=responses(401))
async def list_reviews(request: Request, caller: CallerDep) -> dict[str, Any]:
    """The reviews whose team the caller is on."""
    rows = await run_in_threadpool(request.app.state.storage.reviews_for_user, caller.user_id)
    return {"reviews": rows}


def _package(request: Request, review_id: str, caller: Caller) -> dict[str, Any]:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    review = storage.review(review_id)
    if review is None:
        raise ApiError(404, "not_found", "There is no such review.")
    # The trust material (docs/sync.md): the server key to pin, the team's device certificates, and the
    # server's signatures of the ops derived from this package (the laptop derives the same ops).
    trust = {
        "server_key": storage.server_public_key(),
        "certificates": [c.to_wire() for c in storage.team_certificates(review_id)],
        "signatures": {op.op_id: op.sig for op in storage.signed_package_ops(review["package"])},
    }
    return {**review["package"], "team_key": review["team_key"], "trust": trust}


@router.get("/reviews/{review_id}/package", response_model=PackageOut, responses=REVIEW_ERRORS)
async def get_package(review_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """The review package as stored on the server (its derived ops are already in the op log) and the
    review's team key (base64, 32 bytes) for offline bundles."""
    return await run_in_threadpool(_package, request, review_id, caller)


def _state(request: Request, review_id: str, caller: Caller) -> dict[str, Any]:
    require_member(request.app.state.storage, review_id, caller)
    snap = request.app.state.states.snapshot(review_id)
    return {"state_hash": snap.state_hash, "cursor": snap.cursor, "op_count": snap.op_count}


@router.get("/reviews/{review_id}/state", response_model=StateResponse, responses=REVIEW_ERRORS)
async def get_state(review_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """The server's state hash of the review (compare after a full sync), its cursor and op count."""
    return await run_in_threadpool(_state, request, review_id, caller)
