"""Knowing when the network comes back: QNetworkInformation where the platform has a backend, and a
gentle periodic probe where it has not.

`came_online` is emitted a few seconds after the system says the network is back (Wi-Fi settles, a
captive portal is passed), never on start-up. Without a backend, `probe_due` is emitted every few
minutes while the watch runs; the sync controller decides whether there is anything worth sending.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

log = logging.getLogger(__name__)

PROBE_MS = 4 * 60_000  # without a backend: look every four minutes
SETTLE_MS = 5_000  # after the system says "online": wait for the connection to settle

_UP = (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site)


def _backend() -> QNetworkInformation | None:
    """The platform's network information, or None if it has none that reports reachability."""
    try:
        if QNetworkInformation.instance() is None and not QNetworkInformation.loadDefaultBackend():
            return None
        info = QNetworkInformation.instance()
    except (RuntimeError, AttributeError):  # pragma: no cover - a platform without QtNetwork plugins
        return None
    if info is None or not info.supports(QNetworkInformation.Feature.Reachability):
        return None
    return info


class NetworkWatch(QObject):
    came_online = Signal()
    probe_due = Signal()

    def __init__(self, parent: QObject | None = None, *, use_backend: bool = True, probe_ms: int = PROBE_MS,
                 settle_ms: int = SETTLE_MS):
        super().__init__(parent)
        self._info = _backend() if use_backend else None
        self._up: bool | None = None
        self._running = False
        self.probe = QTimer(self)
        self.probe.setInterval(probe_ms)
        self.probe.timeout.connect(self.probe_due)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(settle_ms)
        self._settle.timeout.connect(self._settled)
        if self._info is not None:
            self._info.reachabilityChanged.connect(self.on_reachability)
            log.debug("Network backend: %s", self._info.backendName())

    @property
    def is_running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Watch (while the app is unlocked)."""
        self._running = True
        self._up = self._info.reachability() in _UP if self._info is not None else None
        if self._info is None:
            self.probe.start()

    def stop(self) -> None:
        self._running = False
        self.probe.stop()
        self._settle.stop()

    def on_reachability(self, reachability: QNetworkInformation.Reachability) -> None:
        up = reachability in _UP
        was_up, self._up = self._up, up
        if not self._running:
            return
        if up and was_up is False:
            self._settle.start()
        elif not up:
            self._settle.stop()

    def _settled(self) -> None:
        if self._running and self._up:
            self.came_online.emit()
