"""The check of every page of the store file (each page's HMAC, then the b-tree structure), off the UI
thread: right after unlock, and then every minute while unlocked.

The lock screen opens the store without it (`ReviewStore.open_with(key, verify=False)`), so unlocking does
not grow with how much the laptop holds; SQLCipher still checks the HMAC of every page it reads, so an
altered page is never shown as data. What the whole-file check adds is finding damage in pages nobody has
read yet, and a file deleted or replaced while the app is open. A failure locks the window with its message
(`failed` -> MainWindow.on_store_error).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore, WorkerOpener

from .tasks import Task, run_in_background

log = logging.getLogger(__name__)

INTEGRITY_CHECK_MS = 60_000


def _check(opener: WorkerOpener) -> None:  # worker thread: a connection of its own
    worker = opener.open()
    try:
        worker.check_integrity()
    finally:
        worker.close()


class StoreWatch(QObject):
    failed = Signal(object)  # the StoreError, on the UI thread
    checked = Signal()  # a check found nothing wrong

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = INTEGRITY_CHECK_MS):
        super().__init__(parent)
        self._store: ReviewStore | None = None
        self.task: Task | None = None
        self._again = False  # asked for while a check ran: one more when it ends
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_now)

    def start(self, store: ReviewStore) -> None:
        self._store = store
        self._timer.start()
        self.check_now()

    def stop(self) -> None:
        """Locked: a check still running finishes on its own connection and its result is dropped."""
        self._timer.stop()
        self._store = None

    def check_now(self) -> Task | None:
        store = self._store
        if store is None:
            return None
        if self.task is not None and not self.task.done:
            self._again = True  # one check at a time; this one began before whatever prompted the ask
            return self.task
        self._again = False
        task = run_in_background(_check, store.worker_opener())
        task.succeeded.connect(lambda _none, s=store: self._on_checked(s))
        task.failed.connect(lambda exc, s=store: self._on_failed(s, exc))
        self.task = task
        return task

    def _on_checked(self, store: ReviewStore) -> None:
        if store is not self._store:
            return
        self.checked.emit()
        if self._again:
            QTimer.singleShot(0, self.check_now)  # after this task is marked done

    def _on_failed(self, store: ReviewStore, exc: BaseException) -> None:
        if store is not self._store:
            return  # locked (or another store opened) meanwhile
        if isinstance(exc, StoreError):
            self.stop()
            self.failed.emit(exc)
        else:
            log.warning("The store check could not run: %s", type(exc).__name__)
