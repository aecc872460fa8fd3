"""Background work off the UI thread (key derivation, PDF, sync, import), results back by signal.

    task = run_in_background(ReviewStore.derive_key, folder, passphrase)
    task.succeeded.connect(self._on_key)      # called on the UI thread with the return value
    task.failed.connect(self._on_error)       # called on the UI thread with the exception

The worker function must not touch widgets or the UI thread's ReviewStore (SQLite connections are
bound to their thread); give it plain values, or a `store.worker_opener()` made on the UI thread
(`sync_service.in_worker` opens the worker's own connection with it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_running: set[Task] = set()  # keeps tasks alive until their result is delivered


class Task(QObject):
    """One piece of background work. Lives on the UI thread; its signals arrive there."""

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    _done = Signal(bool, object)  # emitted from the worker thread, queued to the UI thread

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any):
        super().__init__()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self.done = False
        self._done.connect(self._deliver)

    def _run(self) -> None:  # worker thread
        try:
            value = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread as it is
            self._done.emit(False, exc)
        else:
            self._done.emit(True, value)

    @Slot(bool, object)
    def _deliver(self, ok: bool, value: object) -> None:  # UI thread
        self.done = True
        _running.discard(self)
        try:
            if ok:
                self.succeeded.emit(value)
            else:
                log.debug("Background task failed: %s", type(value).__name__)
                self.failed.emit(value)
        finally:
            self._args, self._kwargs = (), {}
            self.finished.emit()


class _Runner(QRunnable):
    def __init__(self, task: Task):
        super().__init__()
        self._task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self._task._run()


def run_in_background(fn: Callable[..., Any], *args: Any, pool: QThreadPool | None = None,
                      **kwargs: Any) -> Task:
    """Start `fn(*args, **kwargs)` on a pool thread; connect to the returned task's signals."""
    task = Task(fn, *args, **kwargs)
    _running.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def running_tasks() -> int:
    return len(_running)
