"""Sync in the main window: the actions (Sign in to server…, Reviews on the server…, Sync now, Export for
the team…, Import from a team member…, Conflicts…), the sync part of the status bar, and automatic sync
when the network comes back while the app is unlocked.

The main window owns one controller and calls its hooks: `on_unlocked`, `on_locked`, `show_review`,
`decorate_home` and `stop`. The controller knows the window only as a `SyncHost` (ui/sync/host.py) and
a parent for its dialogs; it hears saves from the change hub (`ReviewEvents.saved`: the status words,
from the count the workspace made, with no second count and no conflict scan on a keystroke) and tells
the hub what a sync, a bundle, a checkout or a settled conflict changed, so the workspace, Home and the
conflicts window refresh themselves. Everything slow (sign-in, checkout, sync, bundles) runs on a
worker with a store connection of its own (`sync_service.in_worker`); results that arrive after the
window was locked are dropped.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QPushButton, QStatusBar, QToolBar, QWidget

from spp_desktop.services import sync_service as service
from spp_desktop.services.closing import closed_review
from spp_desktop.services.sync_service import SignInExpired
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ..actions import make_action
from ..home import HomePage
from ..i18n_sync import report_words, sync_error_text
from ..icons import icon
from ..review_events import ReviewEvents
from .bundles import BundleActions
from .checkout import ReviewsDialog
from .closed_review import ClosedReviewDialog
from .conflicts import ConflictsDialog
from .host import SyncHost
from .network import NetworkWatch
from .runner import SyncRunner
from .sign_in import SignInDialog
from .status import SyncStatusWidget
from .status_words import StatusWords

log = logging.getLogger(__name__)

QUIET_CODES = {"unreachable", "busy"}  # an automatic sync that finds no server says so only briefly


class SyncController(QObject):
    def __init__(self, host: SyncHost, window: QWidget, events: ReviewEvents, *,
                 session_options: dict[str, Any] | None = None, network: NetworkWatch | None = None):
        super().__init__(window)
        self.host = host
        self.window = window  # the parent of the actions and dialogs, nothing more
        self.events = events
        self.session_options = dict(session_options or {})  # ServerSession options (ca_bundle, retry …)
        self.last_report: list[Any] | None = None
        self.last_message = ""
        self.dialogs: dict[str, QDialog] = {}

        self.act_sign_in = self._action(self.tr("Sign &in to server…"), "sync", None, self.open_sign_in, "signIn")
        self.act_server_reviews = self._action(self.tr("Reviews on the ser&ver…"), None, None,
                                               self.open_server_reviews, "serverReviews")
        self.act_sync = self._action(self.tr("S&ync now"), "sync", "Ctrl+Shift+S", self.sync_now, "syncNow")
        self.act_export = self._action(self.tr("&Export for the team…"), None, None, self.export_for_team,
                                       "exportBundle")
        self.act_import = self._action(self.tr("Import from a &team member…"), None, None,
                                       self.import_from_member, "importBundle")
        self.act_conflicts = self._action(self.tr("&Conflicts…"), "warning", None, self.open_conflicts,
                                          "conflicts")
        self._all_actions = (self.act_sign_in, self.act_server_reviews, self.act_sync, self.act_export,
                             self.act_import, self.act_conflicts)
        self._review_actions = (self.act_sync, self.act_export, self.act_conflicts)

        self.words = StatusWords()  # "12 changes not yet synced", "Everything synced at 19:42"
        events.saved.connect(self._on_saved)
        events.changed.connect(self._on_records_changed)
        self.status = SyncStatusWidget()
        self.status.cancel_requested.connect(self.cancel_sync)
        self.status.sign_in_requested.connect(lambda: self.open_sign_in(then_sync=True))
        self.status.conflicts_requested.connect(self.open_conflicts)
        self.runner = SyncRunner(lambda: self.session_options, self)
        self.runner.progressed.connect(self.status.show_progress)
        self.runner.synced.connect(self._on_synced)
        self.runner.failed.connect(self._on_sync_failed)
        self.bundles = BundleActions(window, self)
        self.bundles.finished.connect(lambda _ok, text: setattr(self, "last_message", text))
        self.bundles.imported.connect(self._after_changes)
        self.network = network or NetworkWatch(self)
        self.network.came_online.connect(self.auto_sync)
        self.network.probe_due.connect(self.probe)
        self._set_state(unlocked=False)

    def _action(self, text: str, icon_name: str | None, shortcut: str | None, slot: Any, name: str) -> QAction:
        return make_action(self.window, text, icon_name, shortcut, slot, name)

    # --- where the actions go -----------------------------------------------------------------------
    def add_to_file_menu(self, menu: QMenu) -> None:
        menu.setToolTipsVisible(True)  # a greyed-out "Export for the team…" says why
        menu.addSeparator()
        for action in (self.act_sign_in, self.act_server_reviews, self.act_export, self.act_import):
            menu.addAction(action)

    def add_to_review_menu(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.act_sync)
        menu.addAction(self.act_conflicts)

    def add_to_toolbar(self, bar: QToolBar) -> None:
        bar.addAction(self.act_sync)

    def install_status_bar(self, bar: QStatusBar) -> None:
        """The status words at the right, and the progress, problem and conflicts widgets left of them."""
        bar.addPermanentWidget(self.words)
        bar.insertPermanentWidget(1, self.status)

    # --- window states ------------------------------------------------------------------------------
    @property
    def store(self) -> ReviewStore | None:
        return self.host.store

    @property
    def task(self) -> Any:
        """The sync running now, if any."""
        return self.runner.task

    def _set_state(self, *, unlocked: bool, review: bool = False) -> None:
        for action in self._all_actions:
            action.setEnabled(unlocked)
        for action in self._review_actions:
            action.setVisible(unlocked and review)
            action.setEnabled(unlocked and review and (action is not self.act_sync or not self.runner.busy))
        self.act_server_reviews.setEnabled(unlocked and self._signed_in())
        self._explain_export()

    def _explain_export(self) -> None:
        """Team bundles need the team key a server checkout brings: without one, the action is greyed out
        and its tooltip (and status tip) say why, before any file is chosen."""
        review_id, store = self.host.current_review_id, self.store
        can = True
        if store is not None and review_id is not None and self.act_export.isEnabled():
            try:
                can = store.has_team_key(review_id)
            except StoreError:
                can = True  # the store error is reported where it happens
        self.act_export.setEnabled(self.act_export.isEnabled() and can)
        tip = self.tr("Export for the team") if can else self.bundles.no_team_key_reason()
        self.act_export.setToolTip(tip)
        self.act_export.setStatusTip("" if can else tip)

    def on_unlocked(self) -> None:
        self._set_state(unlocked=True, review=self.host.current_review_id is not None)
        self.network.start()

    def on_locked(self) -> None:
        """Stop everything and throw away every sync window: the window must hold nothing but the lock screen."""
        self.network.stop()
        self.runner.forget()
        for dialog in list(self.dialogs.values()):
            dialog.reject()
            dialog.deleteLater()
        self.dialogs.clear()
        self.bundles.forget()
        self.last_report, self.last_message = None, ""
        self.words.clear()
        self.status.show_idle()
        self.status.show_problem("")
        self.status.show_conflicts(0)
        self._set_state(unlocked=False)

    def stop(self) -> None:
        self.on_locked()

    def show_review(self, review_id: str | None) -> None:
        """The window now shows this review (None: Home)."""
        self._set_state(unlocked=self.store is not None, review=review_id is not None)
        conflicts = self.dialogs.pop("conflicts", None)
        if conflicts is not None:
            conflicts.reject()
            conflicts.deleteLater()
        self.refresh_status()
        if not self.runner.busy:
            self.status.show_problem("")  # a problem belongs to the review it came from
        if review_id is not None and self.store is not None and not self.runner.busy:
            refused = self.store.refused_changes(review_id)
            if refused:
                self._show_refused([reason for _entity, _id, reason in refused])

    def decorate_home(self, home: HomePage) -> None:
        signed_in = self._signed_in()
        button = QPushButton(icon("sync"), self.tr("Reviews on the server…") if signed_in
                             else self.tr("Sign in to server…"))
        button.setObjectName("homeServerButton")
        button.clicked.connect(self.open_server_reviews if signed_in else self.open_sign_in)
        home.add_button(button)
        home.remove_review.connect(self.offer_removal)

    def _signed_in(self) -> bool:
        try:
            return self.store is not None and service.is_signed_in(self.store)
        except StoreError:
            return False

    # --- the status bar -----------------------------------------------------------------------------
    def _on_saved(self, review_id: str, pending: int) -> None:
        """The reviewer's typing was saved: new words from the workspace's count, nothing more."""
        if self.store is None or review_id != self.host.current_review_id:
            return
        try:
            self.words.show_review(self.store, review_id, pending)
        except StoreError as exc:
            self.host.on_store_error(exc)

    def refresh_status(self) -> None:
        """Say where things stand: the words, and the conflicts count (a full look, so not on a save)."""
        store, review_id = self.store, self.host.current_review_id
        if store is None:
            return
        try:
            if review_id is None:
                self.words.show_account(store)
                self.status.show_conflicts(0)
                return
            self.words.show_review(store, review_id)
            count = len(store.conflicts(review_id))
        except StoreError as exc:
            self.host.on_store_error(exc)
            return
        self.status.show_conflicts(count)
        self.act_conflicts.setText(self.tr("&Conflicts ({n})…").format(n=count) if count else self.tr("&Conflicts…"))

    def _show_refused(self, reasons: list[str], details: str = "") -> None:
        first = self.tr("The server refused {n} of your changes: {reason}").format(n=len(reasons), reason=reasons[0])
        if len(reasons) == 1:
            first = self.tr("The server refused a change: {reason}").format(reason=reasons[0])
        self.status.show_problem(first, details=details or "\n".join(reasons))

    # --- dialogs: sign in, reviews on the server, conflicts -----------------------------------------
    def _open_dialog(self, name: str, dialog: QDialog) -> QDialog:
        old = self.dialogs.pop(name, None)
        if old is not None:
            old.reject()
            old.deleteLater()
        self.dialogs[name] = dialog
        dialog.finished.connect(lambda _r, n=name, d=dialog: self._dialog_closed(n, d))
        if name == "conflicts":
            dialog.show()  # not modal: the lead can look at the review behind it
        else:
            dialog.open()
        return dialog

    def _dialog_closed(self, name: str, dialog: QDialog) -> None:
        if self.dialogs.get(name) is dialog:
            del self.dialogs[name]
        dialog.deleteLater()

    def open_sign_in(self, *, then_sync: bool = False, message: str = "") -> SignInDialog | None:
        if self.store is None:
            return None
        dialog = SignInDialog(self.store, session_options=self.session_options, message=message, parent=self.window)
        dialog.signed_in.connect(lambda _account: self._on_signed_in(then_sync))
        self._open_dialog("sign_in", dialog)
        return dialog

    def _on_signed_in(self, then_sync: bool) -> None:
        self.status.show_problem("")
        self._set_state(unlocked=True, review=self.host.current_review_id is not None)
        if self.host.showing_home:
            self.host.show_home()  # its button now offers the reviews on the server
        self.refresh_status()
        if then_sync and self.host.current_review_id is not None:
            self.sync_now()
        else:
            self.open_server_reviews()

    def open_server_reviews(self) -> ReviewsDialog | None:
        if self.store is None:
            return None
        if not self._signed_in():
            self.open_sign_in()
            return None
        dialog = ReviewsDialog(self.store, session_options=self.session_options, parent=self.window)
        dialog.checked_out.connect(self._after_changes)
        dialog.open_review.connect(self.host.open_review)
        self._open_dialog("reviews", dialog)
        return dialog

    def open_conflicts(self) -> ConflictsDialog | None:
        review_id = self.host.current_review_id
        if self.store is None or review_id is None:
            return None
        dialog = ConflictsDialog(self.store, review_id, self.window, events=self.events)
        dialog.panel.resolved.connect(lambda: self._after_changes(review_id))
        self._open_dialog("conflicts", dialog)
        return dialog

    # --- syncing ------------------------------------------------------------------------------------
    def sync_now(self) -> bool:
        """Sync the review on screen (typing not yet saved is saved first)."""
        review_id = self.host.current_review_id
        if self.store is None or review_id is None or self.runner.busy:
            return False
        self.host.save_typing()
        return self._start(review_id, quiet=False)

    def auto_sync(self) -> bool:
        """The network came back: sync quietly if signed in (the review on screen, or every review)."""
        if self.store is None or self.runner.busy or not self._signed_in():
            return False
        review_id = self.host.current_review_id
        if review_id is not None and not self.store.has_team_key(review_id):
            return False  # not a review from the server
        return self._start(review_id or "", quiet=True)

    def probe(self) -> bool:
        """No network information on this platform: every few minutes, if signed in and something is
        waiting to be sent, look for the server quickly and sync if it answers."""
        store = self.store
        if store is None or self.runner.busy or not self._signed_in():
            return False
        review_id = self.host.current_review_id
        if review_id is not None:
            waiting = store.unsynced_count(review_id)
        else:
            waiting = sum(s.unsynced_changes for s in store.list_reviews())
        return bool(waiting) and self.runner.probe(store, self.auto_sync)

    def _start(self, review_id: str, *, quiet: bool) -> bool:
        assert self.store is not None
        if not self.runner.start(self.store, review_id, quiet=quiet):
            return False
        self.status.show_started()
        self.status.show_problem("")
        self.act_sync.setEnabled(False)
        return True

    def cancel_sync(self) -> None:
        if self.runner.cancel():
            self.status.show_cancelling()

    def _finished(self) -> None:
        self.status.show_idle()
        self.act_sync.setEnabled(self.host.current_review_id is not None)

    def _on_synced(self, reports: list[Any], quiet: bool) -> None:
        self._finished()
        self.last_report = reports
        lines = [line for report in reports for line in report_words(report)]
        self.last_message = "\n".join(lines)
        refused = [reason for report in reports for _op, reason in report.rejected]
        refused += [reason for report in reports for _sha, reason in report.photos_refused]
        if refused:
            self._show_refused(refused, "\n".join(lines))
        elif any(r.cancelled for r in reports):
            self.status.show_problem(self.tr("Sync stopped before the end; what was done is kept. Sync again "
                                             "to finish."))
        elif not quiet and lines:
            self.host.show_message(lines[0])
        for report in reports:
            if report.pulled or report.downloaded:
                self._after_changes(report.review_id)
            else:
                self.events.synced.emit(report.review_id)  # Home's card: what waits to be sent
                self.offer_removal(report.review_id)  # closed before, and "Not now" was chosen then
        self.refresh_status()

    def _on_sync_failed(self, exc: BaseException, quiet: bool) -> None:
        self._finished()
        self.last_message = sync_error_text(exc)
        if isinstance(exc, StoreError):
            log.warning("Sync stopped by a store error: %s", type(exc).__name__)
        if quiet and getattr(exc, "code", "") in QUIET_CODES:
            self.status.show_problem(self.tr("Not synced: the server could not be reached."),
                                     details=self.last_message)
        else:
            self.status.show_problem(self.last_message,
                                     offer_sign_in=isinstance(exc, SignInExpired | service.NotSignedIn),
                                     signed_in_before=isinstance(exc, SignInExpired))
        self.refresh_status()

    def _after_changes(self, review_id: str) -> None:
        """New changes arrived (sync, import, checkout, a conflict settled): the hub tells whoever shows them."""
        if self.store is not None:
            self.events.records_changed(review_id)

    def _on_records_changed(self, review_id: str, _entities: frozenset[str]) -> None:
        self.refresh_status()
        self.offer_removal(review_id)

    # --- a review the partnership closed ------------------------------------------------------------
    def offer_removal(self, review_id: str) -> ClosedReviewDialog | None:
        """If the partnership closed this review: the warning, the offer to save its documents, removal."""
        if self.store is None:
            return None
        closed = closed_review(self.store, review_id)
        if closed is None:
            return None
        shown = self.dialogs.get("closed")
        if isinstance(shown, ClosedReviewDialog) and shown.closed.review_id == review_id:
            shown.update_from(closed)  # already on screen (a sync and its refresh both ask): brought up to date
            return shown
        dialog = ClosedReviewDialog(self.store, closed, self.window, before_remove=self._leave_review)
        dialog.removed.connect(self._removed)
        self._open_dialog("closed", dialog)
        return dialog

    def _leave_review(self, review_id: str) -> bool:
        """Before a review is removed: off its pages (typing saved first). False if that could not be done."""
        if self.host.current_review_id == review_id:
            self.host.show_home()
        return self.host.current_review_id != review_id

    def _removed(self, review_id: str) -> None:
        self.events.removed.emit(review_id)
        self.host.show_message(self.tr("The closed review was removed from this laptop."))
        self.refresh_status()

    # --- team bundles -------------------------------------------------------------------------------
    def export_for_team(self) -> None:
        review_id = self.host.current_review_id
        if self.store is not None and review_id is not None:
            self.host.save_typing()
            self.bundles.choose_export(self.window, self.store, review_id)

    def import_from_member(self) -> None:
        if self.store is not None:
            self.bundles.choose_import(self.window, self.store, self.host.current_review_id)
