"""`spp-server admin close-review`: the partnership closes a review. The closure is the server's own op
(entity `closure`, id = the review's id, which only the server may write), so it reaches every team laptop
by sync or in a teammate's bundle; each laptop then offers an export and removes its copy. The server
keeps the review until its retention date (`purge-expired`, which closes what it purges too)."""

from __future__ import annotations

from datetime import date

from .admin import AdminError
from .admin_plan import append_server_ops
from .state import ReviewStates
from .storage import Storage


def closed_on(storage: Storage, review_id: str) -> str | None:
    """The day the review was closed, or None while it is open."""
    record = ReviewStates(storage).state(review_id).get("closure", review_id)
    if record is None or not record.exists or record.deleted:
        return None
    value = record.value("closed_on")
    return value if isinstance(value, str) and value else None


def close_review(storage: Storage, review_id: str, today: date, reason: str = "closed") -> bool:
    """Closes the review (reason: closed | retention); False when it was closed already (its day kept)."""
    if storage.review(review_id) is None:
        raise AdminError("There is no such review.")
    if closed_on(storage, review_id):
        return False
    return append_server_ops(storage, review_id, [("closure", review_id,
                                                   {"closed_on": today.isoformat(), "reason": reason})]) > 0
