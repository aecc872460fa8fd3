"""Save-as-you-type: a debounce timer, a maximum wait, and a retry timer for a full disk.

A keystroke calls `touch()`, which only restarts a timer: no I/O, no text copied. The save itself
runs `save()` (given by the form) when typing pauses for `delay_ms`, at the latest `max_wait_ms`
after the first unsaved keystroke, on `flush()` (focus-out, switching records, closing, locking).

When the store says the disk is full, the text stays in the widgets, the plain message goes out on
`status_changed`, and a retry timer tries again every `retry_ms` until the save goes through. Any
other store error is reported the same way and kept unsaved (the next keystroke or flush tries
again), so nothing is lost from the form.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from spp_desktop.store.errors import DiskFull, StoreError

from ..i18n import error_text, translate

DEFAULT_DELAY_MS = 700
DEFAULT_MAX_WAIT_MS = 1000
DEFAULT_RETRY_MS = 3000


def saved_message(moment: datetime) -> str:
    return translate("Autosaver", "Saved {time}").format(time=f"{moment:%H:%M}")


def is_saved_message(text: str) -> bool:
    """True for a "Saved 10:32" status (in whichever language it was made)."""
    return text.startswith(translate("Autosaver", "Saved {time}").split("{time}")[0])


class Autosaver(QObject):
    """Calls `save()` after typing pauses; reports "Saved 10:32" or the store's plain message."""

    status_changed = Signal(str)
    saved = Signal()

    def __init__(self, save: Callable[[], None], parent: QObject | None = None, *,
                 delay_ms: int = DEFAULT_DELAY_MS, max_wait_ms: int = DEFAULT_MAX_WAIT_MS,
                 retry_ms: int = DEFAULT_RETRY_MS, clock: Callable[[], datetime] = datetime.now):
        super().__init__(parent)
        self._save = save
        self._clock = clock
        self._dirty = False
        self._failing = False
        self._debounce = self._timer(delay_ms, repeat=False)
        self._max_wait = self._timer(max_wait_ms, repeat=False)
        self._retry = self._timer(retry_ms, repeat=True)

    def _timer(self, interval: int, *, repeat: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(not repeat)
        timer.setInterval(interval)
        timer.timeout.connect(self._on_timer)
        return timer

    # --- the hot path: one call per keystroke ------------------------------------------------------
    def touch(self) -> None:
        """Something changed: save after the pause. Only restarts timers."""
        self._dirty = True
        self._debounce.start()
        if not self._max_wait.isActive():
            self._max_wait.start()

    # --- saving ------------------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def failing(self) -> bool:
        """True while the last attempt failed (the retry timer runs for a full disk)."""
        return self._failing

    def flush(self) -> bool:
        """Save pending changes now. True when everything is saved."""
        if not self._dirty:
            return not self._failing
        return self._attempt()

    def save_now(self) -> bool:
        """Mark changed and save at once (for discrete actions: a chip clicked, a photo added)."""
        self._dirty = True
        return self._attempt()

    def stop(self) -> None:
        """Stop every timer (the form is going away; call flush() first)."""
        for timer in (self._debounce, self._max_wait, self._retry):
            timer.stop()

    def _on_timer(self) -> None:
        if self._dirty:
            self._attempt()
        else:
            self._retry.stop()

    def _attempt(self) -> bool:
        self._debounce.stop()
        self._max_wait.stop()
        # Cleared before saving: a keystroke arriving during the save marks it dirty again.
        self._dirty = False
        try:
            self._save()
        except DiskFull as exc:
            self._fail(exc, retry=True)
            return False
        except StoreError as exc:
            self._fail(exc, retry=False)
            return False
        except KeyError:  # the record was deleted under us (e.g. by sync)
            self._fail(StoreError(translate("Autosaver", "That record no longer exists.")), retry=False)
            return False
        self._retry.stop()
        self._failing = False
        self.status_changed.emit(saved_message(self._clock()))
        self.saved.emit()
        return True

    def _fail(self, exc: StoreError, *, retry: bool) -> None:
        self._dirty = True
        self._failing = True
        if retry and not self._retry.isActive():
            self._retry.start()
        self.status_changed.emit(error_text(exc))
