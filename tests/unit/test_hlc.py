"""The hybrid logical clock (sync/protocol/hlc.py): monotonic whatever the laptop's wall clock does."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.protocol.hlc import HLC, SKEW_LIMIT_MS, HybridClock

_EXAMPLES = int(os.environ.get("SPP_HYPOTHESIS_EXAMPLES", "0"))
HOUR = 3_600_000
DAY = 24 * HOUR
NOW = 1_780_000_000_000


def _settings(default: int) -> settings:
    return settings(max_examples=_EXAMPLES or default, deadline=None)


class FakeWall:
    def __init__(self, ms: int = NOW):
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


# Wall clock moves: small ticks, no tick, and jumps back or forward by hours (NTP, manual changes).
WALL_MOVES = st.lists(
    st.one_of(st.integers(0, 50), st.integers(-3 * HOUR, 3 * HOUR), st.sampled_from([-DAY, -1, 0, 1, DAY])),
    min_size=1, max_size=200,
)


@_settings(300)
@given(moves=WALL_MOVES)
def test_now_strictly_increases_even_when_the_wall_clock_goes_back(moves):
    wall = FakeWall()
    clock = HybridClock("laptop", wall=wall)
    last = clock.now()
    for move in moves:
        wall.ms += move
        stamp = clock.now()
        assert stamp > last
        assert stamp.device_id == "laptop"
        assert clock.last == stamp
        last = stamp


@_settings(300)
@given(
    events=st.lists(
        st.tuples(
            st.sampled_from(["tick", "now", "observe"]),
            st.integers(-2 * HOUR, 2 * HOUR),  # wall move, or the remote's offset from our wall
            st.integers(0, 5),  # remote counter
            st.sampled_from(["a-laptop", "server", "z-laptop"]),
        ),
        max_size=200,
    ),
)
def test_observe_of_remotes_hours_ahead_or_behind_keeps_monotonicity(events):
    wall = FakeWall()
    clock = HybridClock("m-laptop", wall=wall)
    issued = [clock.now()]
    for kind, amount, counter, remote_device in events:
        if kind == "tick":
            wall.ms += amount
        elif kind == "now":
            stamp = clock.now()
            assert stamp > issued[-1]
            issued.append(stamp)
        else:
            before = clock.last
            remote = HLC(max(0, wall.ms + amount), counter, remote_device)
            assert clock.observe(remote) is False  # 2 h is well inside the 24 h limit
            assert clock.last >= before
            # Everything this laptop does next is ordered after what it has seen.
            stamp = clock.now()
            assert stamp > remote
            assert stamp > issued[-1]
            issued.append(stamp)


@_settings(200)
@given(ahead=st.integers(SKEW_LIMIT_MS + 1, 400 * DAY), counter=st.integers(0, 1000),
       moves=st.lists(st.integers(-HOUR, HOUR), max_size=20))
def test_remote_more_than_a_day_ahead_is_skew_and_does_not_drag_the_clock(ahead, counter, moves):
    wall = FakeWall()
    clock = HybridClock("laptop", wall=wall)
    first = clock.now()
    assert clock.observe(HLC(wall.ms + ahead, counter, "broken-laptop")) is True
    assert clock.last > first
    assert clock.last.wall_ms <= wall.ms + SKEW_LIMIT_MS
    last = clock.last
    for move in moves:
        wall.ms += move
        stamp = clock.now()
        assert stamp > last
        last = stamp
    # The local clock is never pushed further than 24 h ahead of the wall by the skewed remote.
    assert clock.last.wall_ms <= NOW + SKEW_LIMIT_MS


@pytest.mark.parametrize("offset", [-400 * DAY, -DAY, -2 * HOUR, 0, 2 * HOUR, SKEW_LIMIT_MS])
def test_remote_within_a_day_is_not_skew(offset):
    clock = HybridClock("laptop", wall=FakeWall())
    assert clock.observe(HLC(max(0, NOW + offset), 0, "other")) is False


def test_observing_a_remote_ahead_adopts_its_time_and_counter():
    clock = HybridClock("laptop", wall=FakeWall())
    clock.now()
    clock.observe(HLC(NOW + HOUR, 7, "other"))
    assert clock.last == HLC(NOW + HOUR, 7, "laptop")
    assert clock.now() == HLC(NOW + HOUR, 8, "laptop")


def test_clock_resumes_after_its_last_persisted_stamp():
    # The store persists the last HLC; a restart with a wall clock set back still moves forward.
    clock = HybridClock("laptop", last=HLC(NOW + DAY, 3, "laptop"), wall=FakeWall(NOW))
    assert clock.now() == HLC(NOW + DAY, 4, "laptop")


def test_order_is_total_with_device_id_as_the_tie_break():
    assert HLC(5, 0, "a") < HLC(5, 0, "b") < HLC(5, 1, "a") < HLC(6, 0, "a")


@pytest.mark.parametrize("wire", [
    None, 5, "1,2,x", [], [1, 2], [1, 2, "a", 4], [1.5, 0, "a"], [True, 0, "a"], [-1, 0, "a"],
    [1, -1, "a"], [1, 0, 7], ["1", 0, "a"], {"wall_ms": 1},
    [1, True, "a"],  # a bool counter used to be accepted (bool is an int in Python)
])
def test_from_wire_rejects_malformed(wire):
    with pytest.raises(ValueError):
        HLC.from_wire(wire)


@_settings(100)
@given(st.integers(0, 2**53), st.integers(0, 2**31), st.text(min_size=1, max_size=40))
def test_wire_round_trip(wall_ms, counter, device):
    hlc = HLC(wall_ms, counter, device)
    assert HLC.from_wire(hlc.to_wire()) == hlc
    assert HLC.from_wire(tuple(hlc.to_wire())) == hlc
