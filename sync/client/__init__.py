"""The sync client: HTTP session with retries, the sync pass, checkout. No Qt, no app imports.

The laptop's store is reached only through the `Replica` protocol (sync.client.replica).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

# Imported on first use (PEP 562): the HTTP stack (requests, urllib3) costs ~100 ms, and the laptop app
# should not pay it at start-up just to name an error class.
_WHERE = {
    "assigned_reviews": "account", "checkout": "account", "login": "account",
    "STAGES": "engine", "SyncEngine": "engine", "SyncReport": "engine",
    "MalformedReply": "errors", "NotOnTeam": "errors", "ServerBusy": "errors", "ServerNotTrusted": "errors",
    "ServerRefused": "errors", "ServerUnreachable": "errors", "SignInExpired": "errors",
    "SignInFailed": "errors", "SyncError": "errors",
    "RetryPolicy": "http", "ServerSession": "http",
    "Account": "wire", "AssignedReview": "wire",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if TYPE_CHECKING:  # for type checkers and IDEs
    from .account import assigned_reviews, checkout, login  # noqa: F401
    from .engine import STAGES, SyncEngine, SyncReport  # noqa: F401
    from .errors import (  # noqa: F401
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
    from .http import RetryPolicy, ServerSession  # noqa: F401
    from .wire import Account, AssignedReview  # noqa: F401
