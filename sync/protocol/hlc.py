"""Hybrid logical clock: wall-clock milliseconds, a counter, and the device id as the tie-break.

Ordering never depends on wall time alone, so laptops whose clocks are hours out still converge.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

SKEW_LIMIT_MS = 24 * 3600 * 1000


class HLC(NamedTuple):
    wall_ms: int
    counter: int
    device_id: str

    def to_wire(self) -> list[object]:
        return [self.wall_ms, self.counter, self.device_id]

    @classmethod
    def from_wire(cls, value: object) -> HLC:
        if (
            not isinstance(value, list | tuple)
            or len(value) != 3
            or not isinstance(value[0], int)
            or not isinstance(value[1], int)
            or not isinstance(value[2], str)
            or isinstance(value[0], bool)
            or isinstance(value[1], bool)
            or value[0] < 0
            or value[1] < 0
        ):
            raise ValueError("hlc must be [wall_ms, counter, device_id]")
        return cls(value[0], value[1], value[2])


def wall_clock_ms() -> int:
    return int(time.time() * 1000)


class HybridClock:
    """Issues strictly increasing HLC timestamps for one device and absorbs remote ones."""

    def __init__(self, device_id: str, last: HLC | None = None, wall: Callable[[], int] = wall_clock_ms):
        self.device_id = device_id
        self._wall = wall
        self._last = HLC(last.wall_ms, last.counter, device_id) if last else HLC(0, 0, device_id)

    @property
    def last(self) -> HLC:
        return self._last

    def now(self) -> HLC:
        wall = self._wall()
        if wall > self._last.wall_ms:
            self._last = HLC(wall, 0, self.device_id)
        else:
            self._last = HLC(self._last.wall_ms, self._last.counter + 1, self.device_id)
        return self._last

    def observe(self, remote: HLC) -> bool:
        """Move past a remote timestamp. Returns True when it is more than 24 h ahead (clock skew).

        A skewed remote op is still accepted (never lose work), but the local clock is not dragged
        more than 24 h into the future by it.
        """
        wall = self._wall()
        skewed = remote.wall_ms > wall + SKEW_LIMIT_MS
        remote_wall = min(remote.wall_ms, wall + SKEW_LIMIT_MS)
        if remote_wall > self._last.wall_ms:
            counter = remote.counter if remote_wall == remote.wall_ms else 0
            self._last = HLC(remote_wall, counter, self.device_id)
        elif remote_wall == self._last.wall_ms and remote.counter > self._last.counter:
            self._last = HLC(remote_wall, remote.counter, self.device_id)
        return skewed
