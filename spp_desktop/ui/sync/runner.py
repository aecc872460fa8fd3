"""One sync at a time, on a worker with its own store connection, with progress and Cancel.

    runner.start(store, review_id)        # "" syncs every review the server assigns to me
    runner.progressed(stage, done, total) # on the UI thread
    runner.synced(reports, quiet) / runner.failed(exc, quiet)

`forget()` (on lock) cancels the running sync at its next step and drops whatever it reports later:
a result that arrives after a lock belongs to nobody. `probe()` is one quick look for the server
(`sync_service.server_reachable`), also on a worker, for platforms without network information.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from spp_desktop.services import sync_service as service
from spp_desktop.store.repository import ReviewStore

from ..tasks import Task, run_in_background
from .status import ProgressRelay


class SyncRunner(QObject):
    progressed = Signal(str, int, int)
    synced = Signal(list, bool)  # [SyncReport], quiet
    failed = Signal(object, bool)  # exception, quiet

    def __init__(self, options: Callable[[], dict[str, Any]], parent: QObject | None = None):
        """`options()`: the ServerSession options (ca_bundle, retry, timeout). `engine` (SyncEngine options,
        e.g. batch_size) is passed to single-review syncs."""
        super().__init__(parent)
        self._options = options
        self.engine: dict[str, Any] = {}
        self.task: Task | None = None
        self.relay: ProgressRelay | None = None
        self.probing: Task | None = None
        self.review_id: str | None = None  # the review being synced ("" for all of them)
        self._generation = 0

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, store: ReviewStore, review_id: str, *, quiet: bool = False) -> bool:
        if self.task is not None:
            return False
        self.review_id = review_id
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self.progressed)
        generation = self._generation
        common = {"progress": self.relay.callback, "cancelled": self.relay.cancelled, **self._options()}
        if review_id:
            self.task = run_in_background(service.in_worker, store.worker_opener(), service.sync_review, review_id,
                                          engine=dict(self.engine), **common)
        else:
            self.task = run_in_background(service.in_worker, store.worker_opener(), service.sync_all, **common)
        self.task.succeeded.connect(lambda result: self._done(generation, result, None, quiet))
        self.task.failed.connect(lambda exc: self._done(generation, None, exc, quiet))
        return True

    def cancel(self) -> bool:
        if self.relay is None:
            return False
        self.relay.cancel()
        return True

    def _done(self, generation: int, result: Any, exc: BaseException | None, quiet: bool) -> None:
        if generation != self._generation:
            return
        self.task, self.relay, self.review_id = None, None, None
        if exc is not None:
            self.failed.emit(exc, quiet)
        else:
            self.synced.emit(result if isinstance(result, list) else [result], quiet)

    def probe(self, store: ReviewStore, then: Callable[[], Any]) -> bool:
        """Look for the server on a worker; call `then()` if it answers (and nothing was locked since)."""
        if self.probing is not None or self.task is not None:
            return False
        options = {k: v for k, v in self._options().items() if k == "ca_bundle"}
        generation = self._generation

        def answered(there: object) -> None:
            if generation == self._generation:
                self.probing = None
                if there is True:
                    then()

        opener = store.worker_opener()  # made here, on the UI thread; the worker opens its connection
        self.probing = run_in_background(service.in_worker, opener, service.server_reachable, **options)
        self.probing.succeeded.connect(answered)
        self.probing.failed.connect(lambda _exc: answered(False))
        return True

    def forget(self) -> None:
        self._generation += 1
        if self.relay is not None:
            self.relay.cancel()  # the worker stops at its next step and closes its connection
        self.task, self.relay, self.probing, self.review_id = None, None, None, None
