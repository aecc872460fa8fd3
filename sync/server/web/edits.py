"""Changes the console makes to a review: new dates and focus as one server op on the review record
(parents: the values it replaces, so laptops see an edit, not a conflict), and people's roles."""

from __future__ import annotations

from datetime import date

from sync.protocol import HLC, Operation, OpKind, uuid7
from sync.protocol.package import PACKAGE_DEVICE

from ..admin import AdminError
from ..state import ReviewStates
from ..storage import PendingOp, Storage, canonical_json, now_ms
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
    heads = entity.all_heads() if entity else {}
    op = Operation(
        op_id=uuid7(), review_id=review_id, device_id=PACKAGE_DEVICE, seq=0, author=PACKAGE_DEVICE,
        hlc=HLC(now_ms(), 0, PACKAGE_DEVICE), entity="review", entity_id=review_id, kind=OpKind.SET,
        fields=changed, parents={k: tuple(heads.get(k, ())) for k in changed if heads.get(k)},
    )
    body = canonical_json(op.to_wire())
    storage.append_ops(review_id, [PendingOp(op.op_id, op.device_id, op.author, body)])
    web.set_dates(review_id, start_date, end_date)
