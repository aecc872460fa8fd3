"""Check the shape of the server's replies. Anything unexpected is a MalformedReply, never a crash."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from typing import Any

from sync.protocol.ops import Operation, ProtocolError

from .errors import MalformedReply

STATUSES = ("accepted", "duplicate", "rejected")


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise MalformedReply(f"{what} is not a whole number")
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str) or not value:
        raise MalformedReply(f"{what} is not text")
    return value


@dataclass(frozen=True)
class PullPage:
    ops: list[Operation]
    next_cursor: int
    more: bool
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)  # (op_id, raw JSON, reason)


@dataclass(frozen=True)
class PushResult:
    op_id: str
    status: str  # accepted | duplicate | rejected
    reason: str = ""


@dataclass(frozen=True)
class ServerState:
    state_hash: str
    cursor: int
    op_count: int


def pull_page(data: dict[str, Any], after: int) -> PullPage:
    raw = data.get("ops")
    if not isinstance(raw, list):
        raise MalformedReply("ops is not a list")
    ops: list[Operation] = []
    unreadable: list[tuple[str, str, str]] = []
    for item in raw:
        # One op that is not even an operation is parked by the replica; it never stops the page.
        try:
            ops.append(Operation.from_wire(item))
        except ProtocolError as exc:
            op_id = item.get("op_id") if isinstance(item, dict) else None
            if not isinstance(op_id, str) or not op_id or len(op_id) > 100:
                op_id = f"unreadable-{after}-{len(unreadable)}"
            unreadable.append((op_id, json.dumps(item)[:100_000],
                               f"The operation is not well formed: {exc}."))
    next_cursor = _int(data.get("next_cursor"), "next_cursor")
    more = data.get("more")
    if not isinstance(more, bool):
        raise MalformedReply("more is not true or false")
    if next_cursor < after or (raw and next_cursor == after) or (more and not raw):
        raise MalformedReply("the cursor does not move forward")
    return PullPage(ops, next_cursor, more, unreadable)


def push_results(data: dict[str, Any], sent: list[str]) -> list[PushResult]:
    """One result per op sent, in the order sent."""
    raw = data.get("results")
    if not isinstance(raw, list) or len(raw) != len(sent):
        raise MalformedReply("the results do not match the operations sent")
    results = []
    for op_id, item in zip(sent, raw, strict=True):
        if not isinstance(item, dict) or item.get("status") not in STATUSES:
            raise MalformedReply("a result has no status")
        status = item["status"]
        if item.get("op_id") != op_id and (status != "rejected" or item.get("op_id") not in ("", None)):
            raise MalformedReply("a result names another operation")
        reason = ""
        if status == "rejected":
            given = item.get("reason")
            reason = (given.strip() if isinstance(given, str) else "") or "refused without a reason"
        results.append(PushResult(op_id, status, reason))
    return results


def server_state(data: dict[str, Any]) -> ServerState:
    return ServerState(_str(data.get("state_hash"), "state_hash"), _int(data.get("cursor"), "cursor"),
                       _int(data.get("op_count"), "op_count"))


@dataclass(frozen=True)
class Account:
    """A signed-in device. `token` is a secret: keep it only inside the encrypted store."""

    url: str
    username: str
    user_id: str
    display_name: str
    token: str
    device_id: str
    expires_at: str

    def __repr__(self) -> str:  # never print the token
        return f"Account(url={self.url!r}, username={self.username!r}, user_id={self.user_id!r})"


def account(data: dict[str, Any], url: str) -> Account:
    user = data.get("user")
    if not isinstance(user, dict):
        raise MalformedReply("the sign-in reply has no user")
    return Account(url=url, username=_str(user.get("username"), "username"),
                   user_id=_str(user.get("id"), "user id"),
                   display_name=str(user.get("display_name") or user.get("username")),
                   token=_str(data.get("token"), "token"), device_id=_str(data.get("device_id"), "device_id"),
                   expires_at=str(data.get("expires_at") or ""))


@dataclass(frozen=True)
class AssignedReview:
    id: str
    host_school: str
    start_date: str
    end_date: str
    focus: str
    role: str


def assigned_reviews(data: dict[str, Any]) -> list[AssignedReview]:
    raw = data.get("reviews")
    if not isinstance(raw, list) or not all(isinstance(r, dict) for r in raw):
        raise MalformedReply("reviews is not a list")
    return [AssignedReview(_str(r.get("id"), "review id"), str(r.get("host_school") or ""),
                           str(r.get("start_date") or ""), str(r.get("end_date") or ""),
                           str(r.get("focus") or ""), str(r.get("role") or "")) for r in raw]


def team_key(doc: dict[str, Any]) -> bytes:
    """The review's team key (32 bytes) from a package reply; removes it from the document."""
    text = doc.pop("team_key", None)
    try:
        key = base64.b64decode(str(text).encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise MalformedReply("the team key is not base64") from None
    if text is None or len(key) != 32:
        raise MalformedReply("the team key is not 32 bytes")
    return key


@dataclass(frozen=True)
class TrustReply:
    server_key: str  # base64
    certificates: list[dict[str, Any]]  # as sent: the replica checks each under the pinned key


def certificates(data: dict[str, Any]) -> TrustReply:
    certs = data.get("certificates")
    if not isinstance(certs, list) or not all(isinstance(c, dict) for c in certs):
        raise MalformedReply("the certificates are not a list")
    return TrustReply(_str(data.get("server_key"), "server_key"), certs)


def device_registration(data: dict[str, Any]) -> TrustReply:
    cert = data.get("certificate")
    if not isinstance(cert, dict):
        raise MalformedReply("the device registration has no certificate")
    return TrustReply(_str(data.get("server_key"), "server_key"), [cert])
