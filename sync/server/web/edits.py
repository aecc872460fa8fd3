"""Changes the console makes to a review, as server ops (parents: the values they replace, so laptops see
an edit, not a conflict): new dates and focus on the review record; what the lead releases."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sync.protocol import HLC, Operation, OpKind, uuid7
from sync.protocol.package import PACKAGE_DEVICE
from sync.protocol.signing import sign_op

from ..admin import AdminError
from ..state import ReviewStates
from ..storage import PendingOp, Storage, canonical_json, now_ms
from .outcome import RELEASE_PARTS
from .storage import WebStorage


def edit_review(storage: Storage, web: WebStorage, states: ReviewStates, review_id: str, *,
                start_date: str, end_date: str, focus_title: str, focus_description: str) -> None:
    try:
        if date.fromisoformat(end_date) < date.fromisoformat(start_date):
            raise AdminError("The review ends before it starts.")
    except ValueError:
        raise AdminError("The dates must be written YYYY-MM-DD.") from None
    if not focus_title.strip():
        raise AdminError("The focus is required.")
    state = states.state(review_id)
    entity = state.get("review", review_id)
    wanted = {"start_date": start_date, "end_date": end_date, "focus_title": focus_title.strip(),
              "focus_description": focus_description.strip()}
    current = entity.values() if entity else {}
    changed = {k: v for k, v in wanted.items() if current.get(k, "") != v}
    if not changed:
        return
    op = _server_op(states, review_id, "review", changed)
    _append(storage, op)
    web.set_dates(review_id, start_date, end_date)


def _server_op(states: ReviewStates, review_id: str, entity: str, fields: Mapping[str, object]) -> Operation:
    """A server op (device and author `package`: the rule table's server) that supersedes the values it
    replaces, so every copy sees an edit and not a conflict."""
    current = states.state(review_id).get(entity, review_id)
    heads = current.all_heads() if current else {}
    return Operation(
        op_id=uuid7(), review_id=review_id, device_id=PACKAGE_DEVICE, seq=0, author=PACKAGE_DEVICE,
        hlc=HLC(now_ms(), 0, PACKAGE_DEVICE), entity=entity, entity_id=review_id, kind=OpKind.SET,
        fields=fields, parents={k: tuple(heads[k]) for k in fields if heads.get(k)},
    )


def _append(storage: Storage, op: Operation) -> None:
    op = sign_op(op, storage.signing_key()[0])  # the server's own ops carry its signature (docs/sync.md)
    storage.append_ops(op.review_id, [PendingOp(op.op_id, op.device_id, op.author,
                                                canonical_json(op.to_wire()))])


def set_release(storage: Storage, states: ReviewStates, review_id: str, parts: dict[str, bool],
                consent_date: str | None) -> None:
    """The lead's release from the web form: the same `release` record a laptop writes. consent_date None
    withdraws it (nothing released, no consent)."""
    fields: dict[str, object] = {p: bool(parts.get(p)) and consent_date is not None for p in RELEASE_PARTS}
    fields["head_consent"] = consent_date is not None
    fields["consent_date"] = consent_date
    _append(storage, _server_op(states, review_id, "release", fields))


def record_checkin(storage: Storage, states: ReviewStates, review_id: str, *, day: str, pupil_changes: str,
                   next_steps: str) -> None:
    """Check-in progress from the web: the same `checkin` record the laptops write."""
    try:
        date.fromisoformat(day)
    except ValueError:
        raise AdminError("The dates must be written YYYY-MM-DD.") from None
    current = states.state(review_id).get("checkin", review_id)
    values = current.values() if current and not current.deleted else {}
    wanted = {"date": day, "pupil_changes": pupil_changes.strip(), "next_steps": next_steps.strip()}
    changed = {k: v for k, v in wanted.items() if values.get(k, "") != v}
    if changed:
        _append(storage, _server_op(states, review_id, "checkin", changed))
