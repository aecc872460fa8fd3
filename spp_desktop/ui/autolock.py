"""Auto-lock: lock the review store after a spell without keyboard, mouse or touch input.

`IdleLock` is an application-wide event filter. Input events note the time on an injectable clock;
a QTimer calls `check()` every few seconds, and `check()` emits `lock_requested` once the idle time
reaches the timeout. Tests inject a fake clock and call `check()` themselves.

Suspend: the default clock counts time spent suspended where the OS offers such a clock (Linux
CLOCK_BOOTTIME), so a laptop closed for longer than the timeout locks as soon as it wakes; and if the
wall clock jumped far ahead of the idle clock between two checks (a suspend on systems whose
monotonic clock stops while asleep), it locks too. `QGuiApplication.applicationStateChanged` to
Suspended (the state Qt reports on platforms that have one) locks at once.

A little before an idle lock, `warning(seconds_left)` is emitted (a reviewer watching a lesson can
move the mouse to stay unlocked); `warning(0)` when input arrives again, or on locking.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

DEFAULT_TIMEOUT_S = 300
CHECK_INTERVAL_MS = 5_000
SUSPEND_GAP_S = 60.0  # a wall-clock jump this far beyond the idle clock counts as a suspend
WARN_BEFORE_S = 30.0  # warn this long before an idle lock (at most a third of the timeout)

_INPUT_EVENT_NAMES = ("KeyPress", "KeyRelease", "MouseButtonPress", "MouseButtonRelease", "MouseButtonDblClick",
                      "MouseMove", "Wheel", "TouchBegin", "TouchUpdate", "TabletPress", "InputMethod", "Shortcut")


def _input_events() -> frozenset[QEvent.Type]:
    # Built on first use: QEvent.Type is a large enum and costly to create at start-up.
    return frozenset(getattr(QEvent.Type, name) for name in _INPUT_EVENT_NAMES)


def idle_clock() -> float:
    """Seconds on a clock that keeps running while the machine is suspended, where there is one."""
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    if boottime is not None:
        try:
            return time.clock_gettime(boottime)
        except OSError:
            pass
    return time.monotonic()


class IdleLock(QObject):
    """Emits `lock_requested(reason)` after `timeout_s` without input, or on suspend."""

    lock_requested = Signal(str)
    warning = Signal(int)  # seconds left before an idle lock; 0: the warning is over

    def __init__(self, clock: Callable[[], float] = idle_clock, timeout_s: float = DEFAULT_TIMEOUT_S,
                 wall: Callable[[], float] = time.time, parent: QObject | None = None):
        super().__init__(parent)
        self._clock = clock
        self._wall = wall
        self.timeout_s = float(timeout_s)
        self._last_input = clock()
        self._last_check = (clock(), wall())
        self._armed = False
        self._app: QGuiApplication | None = None
        self._filtering = False
        self._warned = False
        self._input_types: frozenset[QEvent.Type] = frozenset()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    # --- wiring -----------------------------------------------------------------------------------
    def install(self, app: QGuiApplication) -> None:
        """Watch `app`. The input filter itself is only in place while armed (nothing to guard when locked)."""
        self._app = app
        app.applicationStateChanged.connect(self._on_state)

    def uninstall(self, app: QGuiApplication) -> None:
        self._set_filter(False)
        self._app = None
        try:
            app.applicationStateChanged.disconnect(self._on_state)
        except (RuntimeError, TypeError):
            pass

    def _set_filter(self, on: bool) -> None:
        if self._app is None or on == self._filtering:
            return
        if on:
            self._input_types = self._input_types or _input_events()
            self._app.installEventFilter(self)
        else:
            self._app.removeEventFilter(self)
        self._filtering = on

    def arm(self) -> None:
        """Start watching (the store is unlocked)."""
        self._armed = True
        self.note_activity()
        self._last_check = (self._clock(), self._wall())
        self._timer.start()
        # The input filter goes in on the next turn of the event loop, after the unlocked screen is
        # drawn: a few minutes' timeout does not miss anything in those milliseconds.
        QTimer.singleShot(0, self, lambda: self._set_filter(self._armed))

    def disarm(self) -> None:
        """Stop watching (the store is locked)."""
        self._armed = False
        self._clear_warning()
        self._timer.stop()
        self._set_filter(False)

    @property
    def armed(self) -> bool:
        return self._armed

    def set_timeout(self, seconds: float) -> None:
        self.timeout_s = max(30.0, float(seconds))

    # --- the rule ---------------------------------------------------------------------------------
    def note_activity(self) -> None:
        self._last_input = self._clock()
        self._clear_warning()

    @property
    def warn_before_s(self) -> float:
        return min(WARN_BEFORE_S, self.timeout_s / 3)

    def _clear_warning(self) -> None:
        if self._warned:
            self._warned = False
            self.warning.emit(0)

    def check(self) -> bool:
        """Request a lock if idle too long or the machine was asleep. True if it requested one."""
        if not self._armed:
            return False
        now, wall = self._clock(), self._wall()
        last_clock, last_wall = self._last_check
        self._last_check = (now, wall)
        if (wall - last_wall) - (now - last_clock) > SUSPEND_GAP_S:
            return self._request("suspend")
        idle = now - self._last_input
        if idle >= self.timeout_s:
            return self._request("idle")
        if idle >= self.timeout_s - self.warn_before_s:
            self._warned = True
            self.warning.emit(max(1, int(self.timeout_s - idle + 0.5)))
        return False

    def _request(self, reason: str) -> bool:
        self.disarm()
        self.lock_requested.emit(reason)
        return True

    def _on_state(self, state: Qt.ApplicationState) -> None:
        if self._armed and state == Qt.ApplicationState.ApplicationSuspended:
            self._request("suspend")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self._input_types:
            self._last_input = self._clock()
            if self._warned:
                self._clear_warning()
        return False
