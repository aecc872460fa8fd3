"""What the sync client needs from the laptop's store, so `sync.client` never imports the app.

`spp_desktop.store.repository.ReviewStore` satisfies both protocols; tests may pass anything that does.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sync.protocol.ops import Operation


class ApplyOutcome(Protocol):
    added: int
    duplicates: int
    rejected: list[tuple[str, str]]  # (op_id, reason)
    clock_skew: int


class Replica(Protocol):
    """One review's copy on this laptop, as the sync engine sees it. All calls on one thread."""

    # operations
    def outbox(self, review_id: str, limit: int = ...) -> list[Operation]:
        """Unsent local ops, oldest first, frozen (never squashed again) from now on."""

    def mark_on_server(self, op_ids: list[str]) -> None: ...

    def mark_refused(self, refused: list[tuple[str, str]]) -> None: ...

    def apply_remote(self, review_id: str, ops: list[Operation], *, on_server: bool = ...,
                     unreadable: list[tuple[str, str, str]] | None = ...) -> ApplyOutcome:
        """Apply in one transaction; idempotent. Ops that fail the checks, and `unreadable` items
        ((op_id, raw JSON, reason) that were not operations at all), are parked, never applied."""

    def state_hash(self, review_id: str) -> str: ...

    def unsynced_count(self, review_id: str) -> int: ...

    # bookkeeping
    def server_cursor(self, review_id: str) -> int: ...

    def set_server_cursor(self, review_id: str, cursor: int) -> None: ...

    def record_synced(self, review_id: str, server_state_hash: str | None = ...) -> None: ...

    def last_synced(self, review_id: str) -> datetime | None: ...

    # photos
    def attachments_to_upload(self, review_id: str) -> list[tuple[str, int]]: ...

    def attachment_by_sha(self, review_id: str, sha256: str) -> bytes | None: ...

    def mark_attachment_uploaded(self, review_id: str, sha256: str) -> None: ...

    def mark_attachment_refused(self, review_id: str, sha256: str, reason: str) -> None: ...

    def attachments_missing(self, review_id: str) -> list[str]: ...

    def store_attachment(self, review_id: str, sha256: str, data: bytes, *, uploaded: bool = ...) -> None: ...


class CheckoutReplica(Replica, Protocol):
    """A replica that can also take a review package from the server."""

    def import_package(self, doc: dict[str, Any], *, me: str | None = ..., team_key: bytes | None = ...,
                       trust: dict[str, Any] | None = ...) -> str: ...
