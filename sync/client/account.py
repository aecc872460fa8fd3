"""Sign in, list the reviews assigned to me, and check one out onto this laptop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sync.protocol.package import PackageError

from . import wire
from .engine import Progress, SyncEngine, SyncReport
from .errors import MalformedReply
from .http import ServerSession, safe_id
from .replica import CheckoutReplica
from .wire import Account, AssignedReview

__all__ = ["Account", "AssignedReview", "assigned_reviews", "checkout", "login"]


def login(session: ServerSession, username: str, password: str, device_name: str) -> Account:
    """Sign this device in. The session keeps the token and user id for the calls that follow.

    Raises SignInFailed (wrong username or password, too many attempts), ServerUnreachable ...
    """
    account = wire.account(session.login(username, password, device_name), session.base_url)
    session.token = account.token
    session.user_id = account.user_id
    return account


def assigned_reviews(session: ServerSession) -> list[AssignedReview]:
    return wire.assigned_reviews(session.reviews())


def checkout(session: ServerSession, replica: CheckoutReplica, review_id: str, *, me: str | None = None,
             progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             **engine_options: Any) -> SyncReport:
    """Bring the review's package and team key onto this laptop, then run a sync pass.

    `me` (the reviewer using this laptop) defaults to the signed-in user: the team member ids in a
    server's review package are its user ids. Checking out again is harmless (the import is idempotent).
    """
    safe_id(review_id)
    me = me or session.user_id
    if not me:
        raise ValueError("Sign in first: checkout needs to know who is using this laptop.")
    doc = session.package(review_id)
    key = wire.team_key(doc)
    trust = doc.pop("trust", None)
    review = doc.get("review")
    if not isinstance(review, dict) or review.get("id") != review_id:
        raise MalformedReply("the package is for another review")
    try:
        replica.import_package(doc, me=me, team_key=key, trust=trust if isinstance(trust, dict) else None)
    except PackageError as exc:
        raise MalformedReply(f"the review package is not valid at {exc.path}") from None
    return SyncEngine(session, replica, review_id, progress=progress, cancelled=cancelled, **engine_options).run()
