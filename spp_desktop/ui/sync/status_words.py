"""The sync words at the right of the status bar: "12 changes not yet synced", "Everything synced at
19:42", "No changes waiting to sync" (a review imported from a file, which "Never synced" would alarm),
or on Home "Signed in to the server as jharris". The sync controller says when; this says what."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from spp_desktop.store.repository import ReviewStore

from ..i18n_sync import sync_status_text, unsynced_words


def review_words(store: ReviewStore, review_id: str, pending: int | None = None) -> str:
    """The words for a review; `pending` is its count of unsynced changes when the caller just made it."""
    if pending is None:
        pending = store.unsynced_count(review_id)
    if not store.has_team_key(review_id) and store.last_synced(review_id) is None:
        return unsynced_words(pending)  # imported from a file: nowhere to sync it to
    return sync_status_text(store, review_id, pending=pending)


class StatusWords(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("syncWords")
        self.setAccessibleName(QCoreApplication.translate("SyncController", "Changes not yet synced"))

    def show_review(self, store: ReviewStore, review_id: str, pending: int | None = None) -> None:
        self.setText(review_words(store, review_id, pending))

    def show_account(self, store: ReviewStore) -> None:
        """Home: who is signed in to the server, if anyone."""
        account = store.server_account()
        signed_in = bool(account and account.get("token"))
        self.setText(QCoreApplication.translate("SyncController", "Signed in to the server as {user}").format(
            user=account["username"]) if account and signed_in else "")
