"""Before quitting: a reminder when changes have not reached the team yet (Ctrl+Q at the end of the day).

Only reviews that can sync count (those checked out from the server, which have a team key): for a
review imported from a package there is nowhere to send changes, so nothing to remind about.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from .i18n import translate
from .i18n_sync import not_yet_shared_words
from .sync.controller import SyncController
from .sync.host import SyncHost

QUIT, SYNC, EXPORT, CANCEL = "quit", "sync", "export", "cancel"


def unsynced_to_share(store: ReviewStore) -> int:
    """Changes on this laptop the team has not got yet, over every review that can sync."""
    try:
        return sum(s.unsynced_changes for s in store.list_reviews() if store.has_team_key(s.id))
    except StoreError:
        return 0  # a failing store is reported elsewhere; quitting must still work


def reminder_text(count: int) -> str:
    return not_yet_shared_words(count) + " " + translate(
        "QuitGuard", "They are safe on this laptop, but the rest of the team will not see them until you sync "
        "or export them for the team.")


def ask_before_quit(parent: QWidget, count: int, *, can_export: bool) -> str:
    """QUIT, SYNC, EXPORT or CANCEL, from a box over `parent`."""
    box = QMessageBox(QMessageBox.Icon.Question, translate("QuitGuard", "Quit without syncing?"),
                      reminder_text(count), QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("quitReminder")
    sync = box.addButton(translate("QuitGuard", "Sync now"), QMessageBox.ButtonRole.AcceptRole)
    export = box.addButton(translate("QuitGuard", "Export for the team…"), QMessageBox.ButtonRole.ActionRole)
    export.setVisible(can_export)
    quit_anyway = box.addButton(translate("QuitGuard", "Quit anyway"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(sync)
    box.exec()
    clicked = box.clickedButton()
    return {id(sync): SYNC, id(export): EXPORT, id(quit_anyway): QUIT}.get(id(clicked), CANCEL)


class QuitGuard:
    """Asks the window's reminder question (`ask` is replaceable: tests answer it themselves)."""

    def __init__(self, host: SyncHost, sync: SyncController, parent: QWidget):
        self.host = host
        self.sync = sync
        self.parent = parent
        self.ask = ask_before_quit
        self.reminded = False  # the reminder was answered for the close under way

    def may_quit(self) -> bool:
        """Unsynced changes: offer to sync or export first. True to go on quitting."""
        store = self.host.store
        if store is None:
            return True
        self.host.save_typing()
        count = unsynced_to_share(store)
        if count == 0:
            return True
        answer = self.ask(self.parent, count, can_export=self.host.current_review_id is not None)
        if answer == SYNC:
            self.sync.sync_now() or self.sync.auto_sync()
        elif answer == EXPORT:
            self.sync.export_for_team()
        return answer == QUIT
