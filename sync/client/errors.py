"""What can go wrong talking to the server, each with one sentence a reviewer can act on.

`str(error)` is that sentence; `error.code` is a stable word for code and tests.
"""

from __future__ import annotations

SAFE = "your work is safe on this laptop."


class SyncError(Exception):
    code = "sync_error"

    def __init__(self, message: str, code: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class ServerUnreachable(SyncError):
    """No answer (no network, wrong address, the server down or overloaded), even after retrying."""

    code = "unreachable"

    def __init__(self, message: str | None = None, code: str | None = None):
        super().__init__(message or f"The server could not be reached. Check the connection and try again; {SAFE}",
                         code)


class ServerBusy(ServerUnreachable):
    code = "busy"

    def __init__(self) -> None:
        super().__init__(f"The server is busy or having trouble. Try again in a few minutes; {SAFE}")


class ServerTooSlow(ServerUnreachable):
    """The server trickles its reply (far below any usable connection): given up within a minute."""

    code = "too_slow"

    def __init__(self) -> None:
        super().__init__("The server is answering far too slowly, so the sync stopped. "
                         f"Try again later, or ask your administrator; {SAFE}")


class ReplyTooLarge(SyncError):
    """A reply larger than any the real server sends (a cap, so a broken server cannot fill the memory)."""

    code = "reply_too_large"

    def __init__(self) -> None:
        super().__init__("The server sent a reply far larger than this app accepts, so the sync stopped. "
                         f"Ask your administrator; {SAFE}")


class ServerNotTrusted(ServerUnreachable):
    """TLS verification failed. Verification is never switched off; a custom CA bundle may be configured."""

    code = "not_trusted"

    def __init__(self) -> None:
        super().__init__("The server's security certificate could not be checked, so nothing was sent. "
                         f"Ask your administrator for the right server address or certificate; {SAFE}")


class SignInFailed(SyncError):
    code = "invalid_credentials"


class SignInExpired(SyncError):
    code = "token_expired"

    def __init__(self, message: str | None = None, code: str | None = None):
        super().__init__(message or f"Your sign-in to the server has expired. Sign in again; {SAFE}", code)


class NotOnTeam(SyncError):
    code = "not_on_team"

    def __init__(self) -> None:
        super().__init__("You are not on this review's team on the server, so it cannot be synced. "
                         "Ask the lead reviewer or your partnership to add you.")


class ServerRefused(SyncError):
    """The server understood and said no (not found, too large, invalid ...). The message is the server's."""

    def __init__(self, code: str, message: str):
        text = message.strip() or "The server refused the request."
        if not text.endswith((".", "!", "?")):
            text += "."
        super().__init__(text, code)


class MalformedReply(SyncError):
    code = "malformed_reply"

    def __init__(self, detail: str = ""):
        super().__init__("The server sent a reply this app does not understand, so the sync stopped. "
                         f"Try again later, or ask your administrator; {SAFE}")
        self.detail = detail  # for logs and tests: what was wrong (never user data)
