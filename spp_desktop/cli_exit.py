"""Exit statuses of `spp-desktop`, one per kind of failure a script may want to tell apart.

    0 done                      5 wrong passphrase
    1 other error               6 offline: the server could not be reached (or its certificate failed)
    2 usage (argparse)          7 signed out: not signed in, the sign-in expired or was revoked, or the
    3 damaged or tampered store   server refused the username or password
    4 invalid input file        8 conflict with the server: it refused changes or the request (not on the
                                  team, not assigned, changes rejected); the message says which
"""

from __future__ import annotations

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_CORRUPT, EXIT_INVALID = 0, 1, 2, 3, 4
EXIT_PASSPHRASE, EXIT_OFFLINE, EXIT_SIGNED_OUT, EXIT_CONFLICT = 5, 6, 7, 8


def sync_exit_status(exc: BaseException) -> int:
    """The exit status for a sync.client error (imported lazily: the HTTP stack is slow to import)."""
    from sync.client.errors import (
        NotOnTeam,
        ServerRefused,
        ServerUnreachable,
        SignInExpired,
        SignInFailed,
    )

    from .services.sync_service import NotSignedIn

    if isinstance(exc, ServerUnreachable):  # also busy and certificate not trusted
        return EXIT_OFFLINE
    if isinstance(exc, (NotSignedIn, SignInExpired, SignInFailed)):
        return EXIT_SIGNED_OUT
    if isinstance(exc, (NotOnTeam, ServerRefused)):
        return EXIT_CONFLICT
    return EXIT_ERROR
