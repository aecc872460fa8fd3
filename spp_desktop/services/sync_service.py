"""Sync glue for the CLI and the Qt UI (ui/sync/): sign in, check out, sync, team bundles, status words.

Everything here may take seconds (network, Argon2 on the server, photos): call it from a worker thread
with a store of that thread's own (`in_worker(store.worker_opener(), sync_review, review_id, progress=...)`,
the opener made on the UI thread, opens one there and closes it). `progress(stage, done, total)` is called on that worker thread; `cancelled()` is polled
between steps. Errors are SyncError / BundleError / StoreError; `error_text(exc)` gives the sentence.
"""

from __future__ import annotations

import os
import platform
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from spp_desktop.store.bundles import BundleExportResult, BundleImportResult
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore, WorkerOpener
from sync.client.errors import NotOnTeam, ServerRefused, SignInExpired, SyncError
from sync.client.wire import Account, AssignedReview
from sync.protocol.bundle import BundleError

if TYPE_CHECKING:
    from sync.client.engine import Progress, SyncReport
    from sync.client.http import ServerSession
    from sync.client.replica import CheckoutReplica

# The HTTP client (requests, urllib3) is imported inside the functions that talk to the server, so
# the app does not load it at start-up.

T = TypeVar("T")
CA_BUNDLE_ENV = "SPP_SERVER_CA_BUNDLE"


class NotSignedIn(SyncError):
    code = "not_signed_in"

    def __init__(self) -> None:
        super().__init__("This laptop is not signed in to a server yet. Sign in first.")


class BadServerAddress(SyncError):
    code = "bad_address"


def default_device_name() -> str:
    return f"SPP Desktop on {platform.system() or 'a laptop'}"


def in_worker(opener: WorkerOpener, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run fn(worker_store, *args, **kwargs) on a connection of this thread's own, then close it. `opener`
    comes from `store.worker_opener()`, called on the UI thread: the worker never touches the UI's store."""
    worker = opener.open()
    try:
        return fn(worker, *args, **kwargs)
    finally:
        worker.close()


def _session(url: str, *, token: str | None = None, user_id: str | None = None,
             ca_bundle: str | Path | None = None, **options: Any) -> ServerSession:
    ca_bundle = ca_bundle or os.environ.get(CA_BUNDLE_ENV) or None
    try:
        from sync.client.http import ServerSession
        return ServerSession(url, token=token, ca_bundle=ca_bundle, user_id=user_id, **options)
    except ValueError as exc:
        raise BadServerAddress(str(exc)) from None


def _replica(store: ReviewStore) -> CheckoutReplica:
    """The store's sync face, as the sync client sees it (typed: mypy checks `store.replica` implements
    the client's CheckoutReplica protocol, so a change on either side fails the type check)."""
    replica: CheckoutReplica = store.replica
    return replica


def session_for(store: ReviewStore, **options: Any) -> ServerSession:
    """A session with the stored account's token. Options: ca_bundle, timeout, retry (RetryPolicy)."""
    account = store.server_account()
    if not account or not account.get("token"):
        raise NotSignedIn()
    return _session(account["url"], token=account["token"], user_id=account["user_id"], **options)


# --- sign in ---------------------------------------------------------------------------------------
def sign_in(store: ReviewStore, url: str, username: str, password: str, *, device_name: str | None = None,
            **options: Any) -> Account:
    """Sign this laptop in and keep the device token inside the encrypted store (and nowhere else).
    One quick try, no silent retries: the person is waiting at the dialog, and a server that does not
    answer is said at once (retry is one click)."""
    from sync.client.http import RetryPolicy
    options.setdefault("retry", RetryPolicy(retries=0, body_attempts=1))
    options.setdefault("timeout", (5.0, 20.0))
    with _session(url, **options) as session:
        from sync.client.account import login
        account = login(session, username.strip(), password, device_name or default_device_name())
        # Signing in registers this laptop's signing key: the server binds it to the user (docs/sync.md).
        session.register_device_key(*store.replica.device_identity())
    store.replica.save_server_account(url=account.url, username=account.username, user_id=account.user_id,
                                      token=account.token, device_id=account.device_id, expires_at=account.expires_at)
    return account


def sign_out(store: ReviewStore) -> None:
    store.replica.forget_server_account()


def assigned_reviews(store: ReviewStore, **options: Any) -> list[AssignedReview]:
    with session_for(store, **options) as session:
        from sync.client.account import assigned_reviews as fetch_assigned
        return fetch_assigned(session)


# --- checkout and sync -----------------------------------------------------------------------------
def check_out(store: ReviewStore, review_id: str, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None, engine: dict[str, Any] | None = None,
              **options: Any) -> SyncReport:
    """Bring an assigned review (plan, team, team key) onto this laptop and sync it."""
    with session_for(store, **options) as session:
        from sync.client.account import checkout
        return checkout(session, _replica(store), review_id, progress=progress, cancelled=cancelled,
                        **(engine or {}))


def sync_review(store: ReviewStore, review_id: str, *, progress: Progress | None = None,
                cancelled: Callable[[], bool] | None = None, engine: dict[str, Any] | None = None,
                **options: Any) -> SyncReport:
    """One sync pass of a checked-out review. `engine` passes SyncEngine options (batch_size ...)."""
    if not store.has_review(review_id):
        raise ServerRefused("not_here", "That review is not on this laptop.")
    with session_for(store, **options) as session:
        from sync.client.engine import SyncEngine
        return SyncEngine(session, _replica(store), review_id, progress=progress, cancelled=cancelled,
                          **(engine or {})).run()


def sync_all(store: ReviewStore, *, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
             **options: Any) -> list[SyncReport]:
    """Sync every review on this laptop that the server assigns to the signed-in user."""
    with session_for(store, **options) as session:
        from sync.client.account import assigned_reviews as fetch_assigned
        from sync.client.engine import SyncEngine
        assigned = {r.id for r in fetch_assigned(session)}
        reports = []
        for review_id in store.review_ids():
            if review_id in assigned:
                reports.append(SyncEngine(session, _replica(store), review_id, progress=progress, cancelled=cancelled).run())
        return reports


def server_reachable(store: ReviewStore, *, timeout: float = 3.0, **options: Any) -> bool:
    """One quick try, no retries: is the signed-in server there? Poll it to sync when the network is back."""
    account = store.server_account()
    if not account:
        return False
    from sync.client.http import RetryPolicy
    options.setdefault("retry", RetryPolicy(retries=0, body_attempts=1))
    try:
        with _session(account["url"], timeout=(timeout, timeout), **options) as session:
            return session.health()
    except SyncError:
        return False


def is_signed_in(store: ReviewStore) -> bool:
    account = store.server_account()
    return bool(account and account.get("token"))


# --- team bundles ----------------------------------------------------------------------------------
def export_bundle_file(store: ReviewStore, review_id: str, path: str | Path) -> BundleExportResult:
    """Write the review's encrypted team bundle to `path` (atomically: a partial file is never left)."""
    result = store.replica.export_bundle_with_counts(review_id)
    target = Path(path)
    temporary = target.with_name(target.name + ".part")
    try:
        temporary.write_bytes(result.data)
        os.replace(temporary, target)
    except OSError:
        temporary.unlink(missing_ok=True)
        raise
    return result


def import_bundle_file(store: ReviewStore, path: str | Path, expected_review_id: str | None = None
                       ) -> BundleImportResult:
    return store.replica.import_bundle(Path(path).read_bytes(), expected_review_id)


# --- words for people ------------------------------------------------------------------------------
def error_text(exc: BaseException) -> str:
    """One plain sentence for any error these functions raise."""
    if isinstance(exc, SyncError):
        return exc.message
    if isinstance(exc, BundleError):
        return exc.message
    if isinstance(exc, StoreError):
        return exc.user_message
    if isinstance(exc, FileNotFoundError):
        return f"There is no file {exc.filename}."
    if isinstance(exc, OSError):
        return f"The file {exc.filename or ''} could not be read or written ({exc.strerror or 'error'})."
    return "Something went wrong while syncing; your work is safe on this laptop."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def sync_status_text(store: ReviewStore, review_id: str, now: datetime | None = None) -> str:
    """The status bar's words: "Everything synced at 19:42", "12 changes not yet synced", "Never synced"."""
    pending = store.unsynced_count(review_id)
    if pending:
        return f"{_plural(pending, 'change')} not yet synced"
    last = store.last_synced(review_id)
    if last is None:
        return "Never synced"
    here = last.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    if here.date() == today:
        return f"Everything synced at {here:%H:%M}"
    if here.date() == today - timedelta(days=1):
        return f"Everything synced yesterday at {here:%H:%M}"
    return f"Everything synced on {here.day} {here:%b} at {here:%H:%M}"


def report_lines(report: SyncReport) -> list[str]:
    """What moved, and where things stand, in a few lines (the CLI prints them; the UI may show them)."""
    lines = [f"Received {_plural(report.pulled, 'change')} from the server and sent "
             f"{_plural(report.pushed + report.duplicates, 'change')}."]
    if report.uploaded or report.downloaded:
        lines.append(f"Uploaded {_plural(report.uploaded, 'photo')} and downloaded "
                     f"{_plural(report.downloaded, 'photo')}.")
    if report.photos_waiting:
        lines.append(f"{_plural(report.photos_waiting, 'photo')} from other reviewers "
                     f"{'is' if report.photos_waiting == 1 else 'are'} not on the server yet.")
    for _op_id, reason in report.rejected[:5]:
        lines.append(f"The server refused a change: {reason}")
    if len(report.rejected) > 5:
        more = len(report.rejected) - 5
        lines.append(f"… and {_plural(more, 'more change')} {'was' if more == 1 else 'were'} refused.")
    for _sha, reason in report.photos_refused:
        lines.append(f"The server refused a photo (it stays on this laptop): {reason}")
    if report.clock_skew:
        lines.append(f"{_plural(report.clock_skew, 'change')} came from a laptop whose clock is more than "
                     f"a day ahead; {'it was' if report.clock_skew == 1 else 'they were'} kept.")
    if report.cancelled:
        lines.append("Sync stopped before the end; what was done is kept. Sync again to finish.")
    elif report.in_step:
        lines.append("This laptop and the server now hold the same review.")
    elif report.unsynced:
        lines.append(f"{_plural(report.unsynced, 'change')} on this laptop {'is' if report.unsynced == 1 else 'are'}"
                     " not on the server yet.")
    else:
        lines.append("The server does not hold everything this laptop has yet (changes from team bundles "
                     "reach it when their authors sync).")
    return lines


__all__ = [
    "NotOnTeam", "NotSignedIn", "SignInExpired", "SyncError", "assigned_reviews", "check_out", "error_text", "export_bundle_file",
    "import_bundle_file", "in_worker", "is_signed_in", "report_lines", "server_reachable", "session_for",
    "sign_in", "sign_out",
    "sync_all", "sync_review", "sync_status_text",
]
