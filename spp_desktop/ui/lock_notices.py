"""What the reviewer is told around an automatic lock: a warning a little before it (in the status
bar), and, on the lock screen, why it locked and that everything typed was saved."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from .i18n import translate


def lock_notice(reason: str, minutes: int) -> str:
    """The lock screen's note after a lock that saved everything ("" after a store error)."""
    saved = translate("LockNotice", "Everything you typed was saved. Unlock to carry on where you left off.")
    if reason == "idle":
        why = (translate("LockNotice", "SPP Desktop locked itself after {n} minute without use.") if minutes == 1
               else translate("LockNotice", "SPP Desktop locked itself after {n} minutes without use.")).format(
            n=minutes)
    elif reason == "suspend":
        why = translate("LockNotice", "SPP Desktop locked itself while the laptop was asleep.")
    elif reason == "store error":
        return ""
    else:
        why = translate("LockNotice", "SPP Desktop is locked.")
    return f"{why} {saved}"


class LockWarning(QLabel):
    """The status bar's "Locking in 30 s" warning; hidden until the idle lock is near."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(translate("LockNotice", "Auto-lock warning"))
        self.setProperty("role", "problem")
        self.setMargin(2)
        self.hide()

    def warn(self, seconds_left: int) -> None:
        if seconds_left <= 0:
            self.hide()
            return
        self.setText(translate("LockNotice", "Locking in {seconds} s: move the mouse or press a key to stay "
                               "unlocked.").format(seconds=seconds_left))
        self.show()
        QApplication.alert(self.window())


def show_lost_changes(parent: QWidget, count: int) -> QMessageBox:
    """After an unlock that found the store's journal (WAL) deleted or damaged: how many changes are gone."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("MainWindow", "Changes are missing"), translate(
        "MainWindow", "{count} of the changes saved on this laptop before it last closed are missing: the store's "
        "journal file was deleted or damaged. Everything else is intact. Changes already synced come back with the "
        "next sync; check your latest records and type again what is missing.").format(count=count),
        QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("lostChangesBox")
    box.open()  # not exec(): the window stays usable behind it
    return box
