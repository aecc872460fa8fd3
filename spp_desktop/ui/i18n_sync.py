"""The sync service's sentences in the interface language.

spp_desktop.services.sync_service, sync.client and sync.protocol speak English (the CLI prints them, and
they never import Qt). The sync screens show their errors and the status bar's words through these two
functions instead, which say the same things in Welsh when the interface is Welsh. A message from the
server itself (`ServerRefused`) is shown as the server wrote it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QLocale, QObject

from .i18n import counted, error_text, translate


def sync_error_text(exc: BaseException) -> str:
    """One plain sentence for any error the sync service raises (as service.error_text, translated)."""
    from spp_desktop.services import sync_service as service
    from spp_desktop.store.errors import StoreError
    from sync.protocol import bundle

    if isinstance(exc, StoreError):
        return error_text(exc)
    safe = translate("SyncErrors", "your work is safe on this laptop.")
    code = getattr(exc, "code", "") if isinstance(exc, service.SyncError) else ""
    by_code = {  # the sync client's errors, by their stable code (the UI does not import sync.client)
        "busy": translate("SyncErrors", "The server is busy or having trouble. Try again in a few minutes; {safe}"),
        "not_trusted": translate("SyncErrors", "The server's security certificate could not be checked, so "
                                               "nothing was sent. Ask your administrator for the right server "
                                               "address or certificate; {safe}"),
        "not_on_team": translate("SyncErrors", "You are not on this review's team on the server, so it cannot be "
                                               "synced. Ask the lead reviewer or your partnership to add you."),
        "malformed_reply": translate("SyncErrors", "The server sent a reply this app does not understand, so the "
                                                   "sync stopped. Try again later, or ask your administrator; "
                                                   "{safe}"),
        "too_slow": translate("SyncErrors", "The server is answering far too slowly, so the sync stopped. Try "
                                            "again later, or ask your administrator; {safe}"),
        "reply_too_large": translate("SyncErrors", "The server sent a reply far larger than this app accepts, so "
                                                   "the sync stopped. Ask your administrator; {safe}"),
        "token_expired": translate("SyncErrors", "Your sign-in to the server has expired. Sign in again; {safe}"),
        "invalid_credentials": translate("SyncErrors", "The username or password is not right."),
        "too_many_attempts": translate("SyncErrors", "Too many failed sign-ins; try again later."),
    }
    if code in by_code:
        return by_code[code].format(safe=safe)
    if code in ("unreachable", "cut_off"):  # no answer; or the answer broke off, retried and still cut
        return translate("SyncErrors", "The server could not be reached. Check the connection and try again; "
                                       "{safe}").format(safe=safe)
    bundles = (
        (bundle.BundleNewerFormat, translate("SyncErrors", "This bundle was made by a newer version of SPP "
                                                           "Desktop. Update this app, then import it again.")),
        (bundle.BundleWrongReview, translate("SyncErrors", "This bundle belongs to another review, so nothing was "
                                                           "imported. Open that review and import the bundle "
                                                           "there.")),
        (bundle.BundleTampered, translate("SyncErrors", "This bundle file is damaged, has been altered, or was "
                                                        "made for another team, so nothing was imported.")),
        (bundle.BundleTooLarge, translate("SyncErrors", "This bundle is too large to import safely, so nothing "
                                                        "was imported.")),
    )
    for kind, text in bundles:
        if isinstance(exc, kind):
            return text
    if isinstance(exc, bundle.BundleInvalid):
        return translate("SyncErrors", "This bundle holds something SPP Desktop cannot accept ({detail}), so "
                                       "nothing was imported.").format(detail=exc.detail)
    if isinstance(exc, FileNotFoundError):
        return translate("SyncErrors", "There is no file {name}.").format(name=exc.filename)
    if isinstance(exc, OSError):
        return translate("SyncErrors", "The file {name} could not be read or written ({reason}).").format(
            name=exc.filename or "", reason=exc.strerror or "error")
    if isinstance(exc, service.SyncError | bundle.BundleError):
        return service.error_text(exc)  # the server's own words (ServerRefused), or a rarer case as it is
    return translate("SyncErrors", "Something went wrong while syncing; {safe}").format(safe=safe)


def sync_status_text(store: Any, review_id: str, now: datetime | None = None, *, pending: int | None = None) -> str:
    """The status bar's words (as service.sync_status_text, translated): "Everything synced at 19:42" …
    `pending`: the review's unsynced changes, when the caller has just counted them."""
    if pending is None:
        pending = store.unsynced_count(review_id)
    if pending:
        return unsynced_words(pending)
    last = store.last_synced(review_id)
    if last is None:
        return translate("SyncStatus", "Never synced")
    here = last.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    time_text = f"{here:%H:%M}"
    if here.date() == today:
        return translate("SyncStatus", "Everything synced at {time}").format(time=time_text)
    if here.date() == today - timedelta(days=1):
        return translate("SyncStatus", "Everything synced yesterday at {time}").format(time=time_text)
    return translate("SyncStatus", "Everything synced on {date} at {time}").format(
        date=f"{here.day} {QLocale().monthName(here.month, QLocale.FormatType.ShortFormat)}", time=time_text)


class SyncWords(QObject):
    """Counted words of sync, in the catalogue's context "SyncWords". lupdate marks an entry as a plural
    (one form for each of Qt's Welsh plural classes) only when it is written `self.tr(text, "", n)`, so
    the counts live on this small object rather than in module functions."""

    def unsynced(self, count: int) -> str:
        if count <= 0:
            return self.tr("No changes waiting to sync")
        return counted(self.tr("%n change(s) not yet synced", "", count), count)

    def not_yet_shared(self, count: int) -> str:
        return counted(self.tr("%n change(s) (has|have) not been synced yet.", "", count), count)

    def report(self, report: Any) -> list[str]:
        pulled, sent = report.pulled, report.pushed + report.duplicates
        lines = [self.tr("{received} from the server and {sent}.").format(
            received=counted(self.tr("Received %n change(s)", "", pulled), pulled),
            sent=counted(self.tr("sent %n change(s)", "", sent), sent))]
        if report.uploaded or report.downloaded:
            up, down = report.uploaded, report.downloaded
            lines.append(self.tr("{uploaded} and {downloaded}.").format(
                uploaded=counted(self.tr("Uploaded %n photo(s)", "", up), up),
                downloaded=counted(self.tr("downloaded %n photo(s)", "", down), down)))
        if report.photos_waiting:
            n = report.photos_waiting
            lines.append(counted(self.tr("%n photo(s) from other reviewers (is|are) not on the server yet.", "", n),
                                 n))
        for _op_id, reason in report.rejected[:5]:
            lines.append(self.tr("The server refused a change: {reason}").format(reason=reason))
        if len(report.rejected) > 5:
            n = len(report.rejected) - 5
            lines.append(counted(self.tr("… and %n more change(s) (was|were) refused.", "", n), n))
        for _sha, reason in report.photos_refused:
            lines.append(self.tr("The server refused a photo (it stays on this laptop): {reason}").format(
                reason=reason))
        if report.clock_skew:
            n = report.clock_skew
            lines.append(counted(self.tr("%n change(s) came from a laptop whose clock is more than a day ahead; "
                                         "(it was|they were) kept.", "", n), n))
        if report.cancelled:
            lines.append(self.tr("Sync stopped before the end; what was done is kept. Sync again to finish."))
        elif report.in_step:
            lines.append(self.tr("This laptop and the server now hold the same review."))
        elif report.unsynced:
            n = report.unsynced
            lines.append(counted(self.tr("%n change(s) on this laptop (is|are) not on the server yet.", "", n), n))
        else:
            lines.append(self.tr("The server does not hold everything this laptop has yet (changes from team "
                                 "bundles reach it when their authors sync)."))
        return lines


_words: SyncWords | None = None


def _sync_words() -> SyncWords:
    global _words
    if _words is None:
        _words = SyncWords()
    return _words


def unsynced_words(count: int) -> str:
    """"No changes waiting to sync", "1 change not yet synced", "12 changes not yet synced" (Home's cards,
    the status bar): said once, here."""
    return _sync_words().unsynced(count)


def not_yet_shared_words(count: int) -> str:
    """"3 changes have not been synced yet." (the reminder before quitting)."""
    return _sync_words().not_yet_shared(count)


def report_words(report: Any) -> list[str]:
    """What a sync moved and where things stand (a SyncReport), in the interface language: the UI's
    counterpart of `sync_service.report_lines`, which the CLI prints in English."""
    return _sync_words().report(report)
