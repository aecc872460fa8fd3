"""What the UI shows of sync, as ReviewStore methods: where a review stands (unsynced changes, last sync,
a team key), what others' changes did (conflicts, and the lead settling one), what the server or a
bundle refused, and who is signed in. Sync's own bookkeeping (the outbox, the cursor, marking ops and
photos sent, trust, bundles) is `store.replica`'s, which the UI never calls."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from spp_desktop.domain.conflicts import Conflict, ConflictValue
from sync.protocol.merge import DELETED
from sync.protocol.ops import OpKind

from .core import StoreCore

if TYPE_CHECKING:
    from .replica import Replica


@dataclass(frozen=True)
class ParkedChange:
    op_id: str
    entity: str  # as the op claims (it may be nonsense: it was parked for a reason)
    entity_id: str
    author: str
    reason: str  # plain words
    source: str  # server | bundle


class SyncStatusMixin:
    _core: StoreCore
    replica: Replica

    # --- where a review stands --------------------------------------------------------------------
    def unsynced_count(self, review_id: str) -> int:
        """Changes made here that the server does not have yet (the status bar, the quit reminder)."""
        return self.replica.unsynced_count(review_id)

    def last_synced(self, review_id: str) -> datetime | None:
        """When the review last synced with the server (the status words), or None."""
        return self.replica.last_synced(review_id)

    def has_team_key(self, review_id: str) -> bool:
        """True if this review can be synced and shared as team bundles (it was checked out): the UI
        offers bundles only then. The key itself stays with `store.replica`."""
        return self.replica.team_key(review_id) is not None

    # --- what others' changes did -----------------------------------------------------------------
    def conflicts(self, review_id: str) -> list[Conflict]:
        """Fields two reviewers changed at once (the lead's conflicts window)."""
        found = []
        for (entity, entity_id), fields in self._core.state(review_id).conflicts().items():
            for name, values in fields.items():
                found.append(Conflict(entity, entity_id, name, tuple(
                    ConflictValue(v.op_id, v.value, v.author, datetime.fromtimestamp(v.hlc.wall_ms / 1000, UTC))
                    for v in values)))
        return found

    def resolve_conflict(self, review_id: str, conflict: Conflict, value: Any) -> None:
        """Settle a conflict with `value` (one of the competing values, or an edited merge of them)."""
        current = self._core.entity(review_id, conflict.entity, conflict.entity_id)
        if current is None:
            return
        if conflict.field == DELETED:
            # Keep deleted (True) or bring back (False); either way the unseen edits are now seen.
            parents = current.all_heads()
            self._core.write(review_id, conflict.entity, conflict.entity_id, {DELETED: bool(value)},
                             kind=OpKind.RESOLVE, parents=parents)
            return
        fields: dict[str, Any] = {conflict.field: value}
        parents = {conflict.field: current.heads(conflict.field)}
        if current.deleted:
            # Settling a field of a deleted record keeps it deleted and names everything it saw (the
            # deletes too): else the resolve is an edit the deletes never saw, a new edit/delete conflict.
            fields[DELETED] = True
            parents = current.all_heads()
        self._core.write(review_id, conflict.entity, conflict.entity_id, fields, kind=OpKind.RESOLVE, parents=parents)

    # --- what was refused -------------------------------------------------------------------------
    def refused_changes(self, review_id: str) -> list[tuple[str, str, str]]:
        """(entity, entity_id, the server's reason) for every change the server refused (shown to the user)."""
        return [(op.entity, op.entity_id, reason) for op, reason in self._core.log.refused(review_id)]

    def refused_attachments(self, review_id: str) -> list[tuple[str, str]]:
        """(sha256, the server's reason) for every photo whose bytes the server refused."""
        rows = self._core.sql.execute("SELECT DISTINCT sha256, refused_reason FROM attachments WHERE review_id = ? "
                                      "AND refused_reason IS NOT NULL", (review_id,)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def parked_changes(self, review_id: str) -> list[ParkedChange]:
        """Changes from others this laptop would not apply, with the reason: the lead's list to look at."""
        found = []
        for op_id, reason, source, body in self._core.log.parked(review_id):
            try:
                raw = json.loads(body)
            except ValueError:
                raw = {}
            raw = raw if isinstance(raw, dict) else {}
            found.append(ParkedChange(op_id, str(raw.get("entity", "")), str(raw.get("entity_id", "")),
                                      str(raw.get("author", "")), reason, source))
        return found

    # --- who is signed in (the Sign in dialog and the account menu) -------------------------------
    def server_account(self) -> dict[str, Any] | None:
        """The signed-in account (url, username, user id, token ...), or None. Saving and forgetting it
        is sync_service's, through `store.replica`."""
        self._core.require_key()
        row = self._core.sql.execute(
            "SELECT url, username, user_id, token, device_id, expires_at FROM server_account WHERE id = 1").fetchone()
        if row is None:
            return None
        return dict(zip(("url", "username", "user_id", "token", "device_id", "expires_at"), row, strict=True))

    def remember_server_url(self, url: str) -> None:
        """The address last typed into Sign in (kept, encrypted, through failed sign-ins and sign-outs)."""
        self._core.require_key()
        self._core.sql.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_server_url', ?)",
                               (json.dumps(url),))

    def last_server_url(self) -> str:
        value = self._core.meta_json("last_server_url")
        return value if isinstance(value, str) else ""
