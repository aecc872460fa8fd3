"""A fault-injecting TCP proxy for sync tests: asyncio in a background thread, bounded in time.

Every HTTP exchange (a request and its response on a connection) draws one fate:
- "cut_before":   the request is dropped (or half forwarded) and the connection cut: the server never
                  commits it;
- "cut_after":    the whole request is forwarded, the server commits and answers, and the connection is
                  cut before any of the answer is relayed;
- "truncate":     the answer is relayed only in part (headers or body cut short), then the cut;
- "delay":        the answer is held back a while (sometimes longer than the client's read timeout);
- "ok":           relayed as it is.
Requests do not pipeline, so a new request on a connection starts once the last answer began.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter
from dataclasses import dataclass, field

FATES = ("cut_before", "cut_after", "truncate", "delay")


@dataclass
class Faults:
    cut_before: float = 0.15
    cut_after: float = 0.15
    truncate: float = 0.1
    delay: float = 0.1
    delay_seconds: tuple[float, float] = (0.01, 0.3)
    stall_seconds: float = 0.0  # a delay this long (beyond the client's read timeout) for 1 in 10 delays


@dataclass
class Stats:
    connections: int = 0
    cut_connections: int = 0
    exchanges: int = 0
    fates: Counter = field(default_factory=Counter)
    bytes_up: int = 0  # client -> server
    bytes_down: int = 0  # server -> client


class FaultProxy:
    LIFETIME = 20 * 60  # seconds: no connection handler lives longer than this

    def __init__(self, target_host: str, target_port: int, *, seed: int = 0, faults: Faults | None = None):
        self.target = (target_host, target_port)
        self.faults = faults
        self.stats = Stats()
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fault-proxy", daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self._tasks: set[asyncio.Task] = set()
        self.port = 0

    # --- control (any thread) ---------------------------------------------------------------------
    def __enter__(self) -> FaultProxy:
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the fault proxy did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set_faults(self, faults: Faults | None) -> None:
        with self._lock:
            self.faults = faults

    def stop(self) -> None:
        if self._loop.is_running():
            self._loop.call_soon_threadsafe(self._shutdown)
        self._thread.join(timeout=10)

    # --- the loop (proxy thread) ------------------------------------------------------------------
    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._server = self._loop.run_until_complete(asyncio.start_server(self._accept, "127.0.0.1", 0))
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            self._loop.close()

    def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        self._loop.call_later(0.2, self._loop.stop)

    def _draw(self) -> tuple[str, float]:
        with self._lock:
            faults = self.faults
            self.stats.exchanges += 1
            if faults is None:
                fate = "ok"
            else:
                x, fate = self._random.random(), "ok"
                for name in FATES:
                    x -= getattr(faults, name)
                    if x < 0:
                        fate = name
                        break
            seconds = 0.0
            if fate == "delay" and faults is not None:
                seconds = self._random.uniform(*faults.delay_seconds)
                if faults.stall_seconds and self._random.random() < 0.1:
                    seconds = faults.stall_seconds
            self.stats.fates[fate] += 1
            return fate, seconds

    def _fraction(self) -> float:
        with self._lock:
            return self._random.random()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        with self._lock:
            self.stats.connections += 1
        try:
            await asyncio.wait_for(self._relay(reader, writer), self.LIFETIME)
        except (TimeoutError, asyncio.CancelledError, OSError):
            pass
        finally:
            self._tasks.discard(task)
            writer.close()

    async def _relay(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        server_r, server_w = await asyncio.open_connection(*self.target)
        exchange = {"fate": "ok", "delay": 0.0, "answering": True, "cut": False}

        def cut() -> None:
            if not exchange["cut"]:
                exchange["cut"] = True
                with self._lock:
                    self.stats.cut_connections += 1
            client_w.close()
            server_w.close()

        async def upstream() -> None:
            while data := await client_r.read(65536):
                if exchange["answering"]:  # a new request on this connection: draw its fate
                    exchange["fate"], exchange["delay"] = self._draw()
                    exchange["answering"] = False
                if exchange["fate"] == "cut_before":
                    if self._fraction() < 0.5:  # half of them: forward part of the request first
                        server_w.write(data[: len(data) // 2])
                        await server_w.drain()
                    cut()
                    return
                with self._lock:
                    self.stats.bytes_up += len(data)
                server_w.write(data)
                await server_w.drain()
            server_w.close()

        async def downstream() -> None:
            while data := await server_r.read(65536):
                first = not exchange["answering"]
                exchange["answering"] = True
                fate = exchange["fate"]
                if first and fate == "cut_after":
                    cut()
                    return
                if first and fate == "truncate":
                    keep = max(1, int(len(data) * self._fraction()))
                    client_w.write(data[: min(keep, len(data) - 1)])
                    await client_w.drain()
                    cut()
                    return
                if first and fate == "delay":
                    await asyncio.sleep(exchange["delay"])
                with self._lock:
                    self.stats.bytes_down += len(data)
                client_w.write(data)
                await client_w.drain()
            client_w.close()

        try:
            await asyncio.gather(upstream(), downstream())
        except (ConnectionError, OSError):
            pass
        finally:
            server_w.close()
