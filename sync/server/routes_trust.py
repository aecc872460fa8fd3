"""POST /devices/key (a laptop registers its signing key) and GET /reviews/{id}/certificates (the team's
device keys, each vouched for by the server key). See docs/sync.md, "Signing"."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from sync.protocol.signing import unb64

from .auth import Caller, CallerDep, require_member
from .errors import ApiError, responses

router = APIRouter(tags=["trust"])


class DeviceKeyRequest(BaseModel):
    device_id: str = Field(min_length=1, max_length=100, description="the op device id the laptop signs as")
    public_key: str = Field(min_length=44, max_length=44, pattern=r"^[A-Za-z0-9+/]{43}=$",
                            description="base64 of the 32-byte Ed25519 key")


class CertificateOut(BaseModel):
    device_id: str
    user_id: str
    public_key: str
    sig: str = Field(description="base64 Ed25519 signature of the server key over the three fields above")


class DeviceKeyResponse(BaseModel):
    server_key: str = Field(description="base64 of the server's Ed25519 public key (laptops pin it)")
    certificate: CertificateOut


class CertificatesResponse(BaseModel):
    server_key: str
    certificates: list[CertificateOut]


def _register(request: Request, device_id: str, public_key: str, caller: Caller) -> dict[str, Any]:
    storage = request.app.state.storage
    key = unb64(public_key, 32)
    if key is None:
        raise ApiError(422, "invalid_key", "The device key must be base64 of a 32-byte Ed25519 public key.")
    if not storage.bind_device_key(device_id, caller.user_id, key):
        raise ApiError(409, "device_key_taken", "This device id is registered with another key already.")
    return {"server_key": storage.server_public_key(),
            "certificate": storage.certificate(device_id, caller.user_id, key).to_wire()}


@router.post("/devices/key", response_model=DeviceKeyResponse, responses=responses(401, 409, 422))
async def post_device_key(body: DeviceKeyRequest, request: Request, caller: CallerDep) -> dict[str, Any]:
    """Bind this laptop's signing key to the signed-in user. Idempotent."""
    return await run_in_threadpool(_register, request, body.device_id, body.public_key, caller)


def _certificates(request: Request, review_id: str, caller: Caller) -> dict[str, Any]:
    storage = request.app.state.storage
    require_member(storage, review_id, caller)
    return {"server_key": storage.server_public_key(),
            "certificates": [c.to_wire() for c in storage.team_certificates(review_id)]}


@router.get("/reviews/{review_id}/certificates", response_model=CertificatesResponse,
            responses=responses(401, 403, 404, 422))
async def get_certificates(review_id: str, request: Request, caller: CallerDep) -> dict[str, Any]:
    """The device keys of the review's team, each with the server's certificate."""
    return await run_in_threadpool(_certificates, request, review_id, caller)
