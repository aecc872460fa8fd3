"""The sync client: HTTP session with retries, the sync pass, checkout. No Qt, no app imports.

The laptop's store is reached only through the `Replica` protocol (sync.client.replica).
"""

from .checkout import assigned_reviews, checkout, login
from .engine import STAGES, SyncEngine, SyncReport
from .errors import (
    MalformedReply,
    NotOnTeam,
    ServerBusy,
    ServerNotTrusted,
    ServerRefused,
    ServerUnreachable,
    SignInExpired,
    SignInFailed,
    SyncError,
)
from .http import RetryPolicy, ServerSession
from .wire import Account, AssignedReview

__all__ = [
    "STAGES", "Account", "AssignedReview", "MalformedReply", "NotOnTeam", "RetryPolicy", "ServerBusy",
    "ServerNotTrusted", "ServerRefused", "ServerSession", "ServerUnreachable", "SignInExpired", "SignInFailed",
    "SyncEngine", "SyncError", "SyncReport", "assigned_reviews", "checkout", "login",
]
