"""One sync pass (SYNC.md): pull until done, push the outbox in batches, move photos, pull again, and
compare state hashes with the server.

    report = SyncEngine(session, store.replica, review_id, progress=on_progress, cancelled=stop.is_set).run()

Safe to interrupt anywhere and run again:
- a pulled page is applied (one transaction) BEFORE the stored cursor moves past it, so a crash re-pulls
  the page and its ops come back as harmless duplicates;
- an op is marked as on the server only after the server answered accepted or duplicate, so a lost
  reply means the batch is sent again and the server answers "duplicate";
- outbox() freezes what it hands out, so an op never changes after it may have reached the server;
- photo uploads resume from the offset the server reports.
Cancellation is checked between steps, pages, batches and chunks; a cancelled pass returns its report
with `cancelled=True` and everything done so far kept.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sync.protocol.schema import MAX_BATCH_BYTES, MAX_OPS_PER_BATCH

from . import transfer, wire
from .errors import MalformedReply, ServerRefused
from .http import ServerSession
from .replica import Replica

PULL, PUSH, UPLOAD, DOWNLOAD, CHECK = "pull", "push", "upload", "download", "check"
STAGES = (PULL, PUSH, UPLOAD, DOWNLOAD, CHECK)
PAGE_SIZE = 500
MAX_CHECKS = 4

Progress = Callable[[str, int, int], None]


@dataclass
class SyncReport:
    review_id: str
    pulled: int = 0  # ops from the server that were new here
    pushed: int = 0  # ops the server accepted
    duplicates: int = 0  # ops sent that the server already had (a retried batch)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (op_id, the server's reason)
    photos_refused: list[tuple[str, str]] = field(default_factory=list)  # (sha256, the server's reason)
    uploaded: int = 0  # photos now complete on the server
    downloaded: int = 0  # photos fetched from the server
    photos_waiting: int = 0  # photos named by others' records that the server does not have yet
    clock_skew: int = 0  # pulled ops stamped more than 24 h ahead of this laptop's clock
    hashes_equal: bool = False
    server_hash: str = ""
    local_hash: str = ""
    unsynced: int = 0  # local changes still not on the server after this pass
    duration: float = 0.0  # seconds
    cancelled: bool = False

    @property
    def in_step(self) -> bool:
        """This laptop and the server hold the same review and nothing is left to send."""
        return self.hashes_equal and self.unsynced == 0 and not self.cancelled


class _Cancelled(Exception):
    pass


class SyncEngine:
    def __init__(self, session: ServerSession, replica: Replica, review_id: str, *,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                 batch_size: int = MAX_OPS_PER_BATCH, page_size: int = PAGE_SIZE,
                 chunk_bytes: int = transfer.CHUNK_BYTES):
        if not 1 <= batch_size <= MAX_OPS_PER_BATCH:
            raise ValueError(f"batch_size must be 1 to {MAX_OPS_PER_BATCH}")
        self.session = session
        self.replica = replica
        self.review_id = review_id
        self._progress = progress
        self._cancelled = cancelled
        self.batch_size = batch_size
        self.page_size = page_size
        self.chunk_bytes = chunk_bytes
        self._server: wire.ServerState | None = None  # the server's state as last told, if still current

    # --- the pass ---------------------------------------------------------------------------------
    def run(self) -> SyncReport:
        started = time.monotonic()
        report = SyncReport(self.review_id)
        try:
            self._trust()
            self._pull(report)
            if self._push(report):
                self._pull(report)
            self._upload(report)
            self._download(report)
            self._check(report)
        except _Cancelled:
            report.cancelled = True
        report.unsynced = self.replica.unsynced_count(self.review_id)
        report.duration = time.monotonic() - started
        return report

    def _tick(self, stage: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(stage, done, total)
        if self._cancelled is not None and self._cancelled():
            raise _Cancelled()

    # --- trust ------------------------------------------------------------------------------------
    def _trust(self) -> None:
        """Register this laptop's signing key and take the team's certificates (docs/sync.md, Signing).

        The replica pins the server key of the review the first time and refuses a different one later.
        """
        identity = getattr(self.replica, "device_identity", None)
        trust = getattr(self.replica, "trust_server", None)
        if not callable(identity) or not callable(trust):
            return
        mine = identity()
        if not isinstance(mine, tuple):
            return
        own = wire.device_registration(self.session.register_device_key(*mine))
        team = wire.certificates(self.session.certificates(self.review_id))
        if own.server_key != team.server_key:
            raise MalformedReply("the server answered with two different keys")
        trust(self.review_id, team.server_key, [*team.certificates, *own.certificates])

    # --- pull -------------------------------------------------------------------------------------
    def _pull(self, report: SyncReport) -> None:
        self._tick(PULL, report.pulled, 0)
        while True:
            cursor = self.replica.server_cursor(self.review_id)
            page = wire.pull_page(self.session.pull(self.review_id, cursor, self.page_size), cursor)
            if page.ops or page.unreadable:
                result = self.replica.apply_remote(self.review_id, page.ops, on_server=True,
                                                   unreadable=page.unreadable)
                report.pulled += result.added
                report.clock_skew += result.clock_skew
            if page.next_cursor != cursor:
                self.replica.set_server_cursor(self.review_id, page.next_cursor)  # after the apply committed
                self._server = None
            self._tick(PULL, report.pulled, 0)
            if not page.more:
                return

    # --- push -------------------------------------------------------------------------------------
    def _push(self, report: SyncReport) -> bool:
        """Send the outbox in batches. Returns True if the server may hold ops this laptop has not pulled."""
        total = self.replica.unsynced_count(self.review_id)
        done, need_pull = 0, False
        refused: set[str] = set()
        self._tick(PUSH, 0, total)
        while True:
            # Ops refused earlier in this pass stay in the outbox; ask past them. Read twice: the first
            # read freezes the ops, the second reads them frozen. An autosave on another thread may
            # squash an op between a read and its freeze; only the frozen body may leave the laptop.
            wanted = len(refused) + self.batch_size
            frozen = {op.op_id for op in self.replica.outbox(self.review_id, wanted)}
            batch = [op for op in self.replica.outbox(self.review_id, wanted)
                     if op.op_id in frozen and op.op_id not in refused][:self.batch_size]
            if not batch:
                return need_pull
            wires = _within_bytes([op.to_wire() for op in batch], MAX_BATCH_BYTES)
            batch = batch[:len(wires)]
            sent = [op.op_id for op in batch]
            reply = self.session.push(self.review_id, wires)
            results = wire.push_results(reply, sent)
            on_server = [r.op_id for r in results if r.status != "rejected"]
            self.replica.mark_on_server(on_server)
            accepted = sum(1 for r in results if r.status == "accepted")
            report.pushed += accepted
            report.duplicates += sum(1 for r in results if r.status == "duplicate")
            for r in results:
                if r.status == "rejected":
                    refused.add(r.op_id)
                    report.rejected.append((r.op_id, r.reason))
            # Refused ops are parked with their reason: they would only be refused again.
            self.replica.mark_refused([(r.op_id, r.reason) for r in results if r.status == "rejected"])
            need_pull = self._fast_forward(reply, accepted) or need_pull
            done += len(batch)
            self._tick(PUSH, done, max(total, done))

    def _fast_forward(self, reply: dict[str, Any], accepted: int) -> bool:
        """Skip pulling our own ops back when the server's cursor shows nobody else wrote in between.

        Each accepted op takes its own server sequence number above the old cursor; if the new cursor
        is exactly old + accepted, every position in between is one of ours, which we hold already.
        Returns True when a pull is needed after all.
        """
        try:
            state = wire.ServerState(str(reply["state_hash"]), int(reply["cursor"]), 0)
        except (KeyError, TypeError, ValueError):
            return True
        cursor = self.replica.server_cursor(self.review_id)
        if state.cursor == cursor + accepted:
            if accepted:
                self.replica.set_server_cursor(self.review_id, state.cursor)
            self._server = state if state.state_hash else None
            return False
        self._server = None
        return True

    # --- photos -----------------------------------------------------------------------------------
    def _upload(self, report: SyncReport) -> None:
        pending = self.replica.attachments_to_upload(self.review_id)
        total = sum(size for _, size in pending)
        sent = 0
        self._tick(UPLOAD, 0, total)
        for sha, size in pending:
            data = self.replica.attachment_by_sha(self.review_id, sha)
            if data is None:
                continue

            def on_bytes(n: int, base: int = sent) -> None:
                self._tick(UPLOAD, base + n, total)

            try:
                done = transfer.upload(self.session, self.review_id, sha, data, chunk_bytes=self.chunk_bytes,
                                       on_bytes=on_bytes, cancelled=self._cancelled)
            except ServerRefused as exc:
                # This photo would only be refused again (too large for the server, ...): park it with the
                # reason and go on, so one photo never stops the rest of the sync.
                self.replica.mark_attachment_refused(self.review_id, sha, exc.message)
                report.photos_refused.append((sha, exc.message))
                done = False
            if done:
                self.replica.mark_attachment_uploaded(self.review_id, sha)
                report.uploaded += 1
            sent += size
            self._tick(UPLOAD, sent, total)

    def _download(self, report: SyncReport) -> None:
        missing = self.replica.attachments_missing(self.review_id)
        self._tick(DOWNLOAD, 0, len(missing))
        for i, sha in enumerate(missing, 1):
            data = transfer.download(self.session, self.review_id, sha)
            if data is None:
                report.photos_waiting += 1
            else:
                self.replica.store_attachment(self.review_id, sha, data)
                report.downloaded += 1
            self._tick(DOWNLOAD, i, len(missing))

    # --- compare ----------------------------------------------------------------------------------
    def _check(self, report: SyncReport) -> None:
        """Compare state hashes at the same cursor; pull again if the server moved on meanwhile."""
        for _ in range(MAX_CHECKS):
            self._tick(CHECK, 0, 1)
            state = self._server or wire.server_state(self.session.state(self.review_id))
            self._server = None
            cursor = self.replica.server_cursor(self.review_id)
            if state.cursor < cursor:
                # The server has fewer ops than we pulled (restored from a backup?): read it all again.
                self.replica.set_server_cursor(self.review_id, 0)
            if state.cursor != cursor:
                self._pull(report)
                continue
            break
        report.server_hash = state.state_hash
        report.local_hash = self.replica.state_hash(self.review_id)
        report.hashes_equal = report.server_hash == report.local_hash
        self.replica.record_synced(self.review_id, report.server_hash)
        self._tick(CHECK, 1, 1)


def _within_bytes(wires: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The first ops whose JSON stays within `limit` bytes (at least one: an op is at most 2 MB), so a
    push never meets the server's request limit however large the notes."""
    size = 0
    for i, wire_op in enumerate(wires):
        size += len(json.dumps(wire_op, separators=(",", ":"), ensure_ascii=False).encode("utf-8")) + 1
        if i and size > limit:
            return wires[:i]
    return wires
