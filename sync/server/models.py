"""Request and response bodies (pydantic), so /openapi.json describes the API the client codes against."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class LoginRequest(BaseModel):
    username: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=1, max_length=1024)
    device_name: str = Field(min_length=1, max_length=200)


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str


class LoginResponse(BaseModel):
    token: str
    device_id: str
    expires_at: str = Field(description="ISO 8601, UTC")
    user: UserOut


class ReviewOut(BaseModel):
    id: str
    host_school: str
    start_date: str
    end_date: str
    focus: str
    role: Literal["lead_reviewer", "reviewer", "improvement_champion"]


class ReviewList(BaseModel):
    reviews: list[ReviewOut]


class PackageOut(BaseModel):
    """The review package document (see docs/review-package.schema.json) plus the review's team key."""

    model_config = ConfigDict(extra="allow")
    format: str
    format_version: int
    review: dict[str, Any]
    team_key: str = Field(description="base64 of the review's random 32-byte team key")


class WireOp(BaseModel):
    model_config = ConfigDict(extra="allow")
    op_id: str
    review_id: str
    device_id: str
    seq: int
    author: str
    hlc: list[Any]
    entity: str
    entity_id: str
    kind: str
    fields: dict[str, Any] = {}
    parents: dict[str, list[str]] = {}


class PushRequest(BaseModel):
    ops: list[Any] = Field(description="wire operations; each is checked on its own")


class OpResult(BaseModel):
    op_id: str
    status: Literal["accepted", "duplicate", "rejected"]
    reason: str | None = Field(None, description="why an op was rejected (a sentence)")
    code: str | None = Field(None, description="stable code for a rejection")


class PushResponse(BaseModel):
    results: list[OpResult]
    cursor: int
    state_hash: str


class PullResponse(BaseModel):
    ops: list[WireOp]
    next_cursor: int
    more: bool


class StateResponse(BaseModel):
    state_hash: str
    cursor: int
    op_count: int


class Health(BaseModel):
    status: Literal["ok", "ready"]
    version: str
