"""What the sync client and team bundles need from the store (the `Replica` side of sync)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from spp_desktop.domain.conflicts import Conflict, ConflictValue
from sync.protocol.merge import DELETED
from sync.protocol.ops import Operation, OpKind

from .db import translated_errors
from .oplog import ApplyResult
from .trust import TrustMixin


@dataclass(frozen=True)
class ParkedChange:
    op_id: str
    entity: str  # as the op claims (it may be nonsense: it was parked for a reason)
    entity_id: str
    author: str
    reason: str  # plain words
    source: str  # server | bundle


class ReplicaMixin(TrustMixin):
    # --- operations -------------------------------------------------------------------------------
    def outbox(self, review_id: str, limit: int = 500) -> list[Operation]:
        with translated_errors(self.files.database):
            return self._oplog().outbox(review_id, limit)

    def mark_on_server(self, op_ids: list[str]) -> None:
        with translated_errors(self.files.database):
            self._oplog().mark_on_server(op_ids)

    def mark_refused(self, refused: list[tuple[str, str]]) -> None:
        """The server refused these ops (op_id, reason): keep them, but stop offering them."""
        with translated_errors(self.files.database):
            self._oplog().mark_refused(refused)

    def refused_changes(self, review_id: str) -> list[tuple[str, str, str]]:
        """(entity, entity_id, the server's reason) for every change the server refused."""
        return [(op.entity, op.entity_id, reason) for op, reason in self._oplog().refused(review_id)]

    def apply_remote(self, review_id: str, ops: list[Operation], *, on_server: bool = True,
                     unreadable: list[tuple[str, str, str]] | None = None) -> ApplyResult:
        """Apply remote ops; park (keep, with the reason) those that fail the checks. See OpLog."""
        with translated_errors(self.files.database):
            return self._oplog().apply_remote(review_id, ops, on_server=on_server, unreadable=unreadable or (),
                                              trust=self._trust(review_id))

    def parked_changes(self, review_id: str) -> list[ParkedChange]:
        """Changes from others this laptop would not apply, with the reason: the lead's list to look at."""
        found = []
        for op_id, reason, source, body in self._oplog().parked(review_id):
            try:
                raw = json.loads(body)
            except ValueError:
                raw = {}
            raw = raw if isinstance(raw, dict) else {}
            found.append(ParkedChange(op_id, str(raw.get("entity", "")), str(raw.get("entity_id", "")),
                                      str(raw.get("author", "")), reason, source))
        return found

    def all_ops(self, review_id: str) -> list[Operation]:
        return self._oplog().all_ops(review_id)

    def export_ops(self, review_id: str) -> list[Operation]:
        """Every op of the review, for a team bundle. Freezes the unsent ones first: once an op has
        left the laptop it must never be squashed again, or copies would hold different versions."""
        with translated_errors(self.files.database):
            self._oplog().freeze_all(review_id)
            return self._oplog().all_ops(review_id)

    def state_hash(self, review_id: str) -> str:
        return self._state(review_id).state_hash()

    def unsynced_count(self, review_id: str) -> int:
        return self._oplog().unsent_count(review_id)

    # --- sync bookkeeping -------------------------------------------------------------------------
    def server_cursor(self, review_id: str) -> int:
        row = self._conn.execute("SELECT server_cursor FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return int(row[0]) if row else 0

    def set_server_cursor(self, review_id: str, cursor: int) -> None:
        self._require_key()
        self._conn.execute("UPDATE reviews SET server_cursor = ? WHERE id = ?", (cursor, review_id))

    def record_synced(self, review_id: str, server_state_hash: str | None = None) -> None:
        self._require_key()
        self._conn.execute("UPDATE reviews SET last_synced_ms = ?, server_state_hash = ? WHERE id = ?",
                           (int(time.time() * 1000), server_state_hash, review_id))

    def last_synced(self, review_id: str) -> datetime | None:
        row = self._conn.execute("SELECT last_synced_ms FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return datetime.fromtimestamp(row[0] / 1000, UTC) if row and row[0] else None

    def team_key(self, review_id: str) -> bytes | None:
        self._require_key()
        row = self._conn.execute("SELECT team_key FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return bytes(row[0]) if row and row[0] else None

    def has_team_key(self, review_id: str) -> bool:
        """True if this review can be synced and shared as team bundles (it was checked out)."""
        return self.team_key(review_id) is not None

    def set_team_key(self, review_id: str, key: bytes) -> None:
        self._require_key()
        self._conn.execute("UPDATE reviews SET team_key = ? WHERE id = ?", (key, review_id))

    # --- the server account (its device token lives only inside the encrypted store) --------------
    def save_server_account(self, *, url: str, username: str, user_id: str, token: str,
                            device_id: str = "", expires_at: str = "") -> None:
        self._require_key()
        self._conn.execute(
            "INSERT OR REPLACE INTO server_account (id, url, username, user_id, token, device_id, expires_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)", (url, username, user_id, token, device_id, expires_at))

    def server_account(self) -> dict[str, Any] | None:
        self._require_key()
        row = self._conn.execute(
            "SELECT url, username, user_id, token, device_id, expires_at FROM server_account WHERE id = 1").fetchone()
        if row is None:
            return None
        return dict(zip(("url", "username", "user_id", "token", "device_id", "expires_at"), row, strict=True))

    def remember_server_url(self, url: str) -> None:
        """The address last typed into Sign in (kept, encrypted, through failed sign-ins and sign-outs)."""
        self._require_key()
        self._conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('last_server_url', ?)",
                           (json.dumps(url),))

    def last_server_url(self) -> str:
        self._require_key()
        value = self._meta_json("last_server_url")
        return value if isinstance(value, str) else ""

    def forget_server_account(self) -> None:
        self._require_key()
        self._conn.execute("DELETE FROM server_account")

    # --- conflicts --------------------------------------------------------------------------------
    def conflicts(self, review_id: str) -> list[Conflict]:
        found = []
        for (entity, entity_id), fields in self._state(review_id).conflicts().items():
            for name, values in fields.items():
                found.append(Conflict(entity, entity_id, name, tuple(
                    ConflictValue(v.op_id, v.value, v.author, datetime.fromtimestamp(v.hlc.wall_ms / 1000, UTC))
                    for v in values)))
        return found

    def resolve_conflict(self, review_id: str, conflict: Conflict, value: Any) -> None:
        """Settle a conflict with `value` (one of the competing values, or an edited merge of them)."""
        current = self._entity(review_id, conflict.entity, conflict.entity_id)
        if current is None:
            return
        if conflict.field == DELETED:
            # Keep deleted (True) or bring back (False); either way the unseen edits are now seen.
            parents = current.all_heads()
            self._write(review_id, conflict.entity, conflict.entity_id, {DELETED: bool(value)},
                        kind=OpKind.RESOLVE, parents=parents)
            return
        fields: dict[str, Any] = {conflict.field: value}
        parents = {conflict.field: current.heads(conflict.field)}
        if current.deleted:
            # Settling a field of a deleted record keeps it deleted and names everything it saw (the
            # deletes too): else the resolve is an edit the deletes never saw, a new edit/delete conflict.
            fields[DELETED] = True
            parents = current.all_heads()
        self._write(review_id, conflict.entity, conflict.entity_id, fields, kind=OpKind.RESOLVE, parents=parents)

    # --- photo bytes for sync ---------------------------------------------------------------------
    def attachments_to_upload(self, review_id: str) -> list[tuple[str, int]]:
        """Photos still in the review whose bytes the server lacks; not those it refused, nor removed ones."""
        rows = self._conn.execute("SELECT DISTINCT sha256, size FROM attachments WHERE review_id = ? AND uploaded = 0 "
                                  "AND refused_reason IS NULL", (review_id,)).fetchall()
        live = {a.value("sha256") for a in self._state(review_id).of_kind("attachment")}
        return [(r[0], int(r[1])) for r in rows if r[0] in live]

    def mark_attachment_refused(self, review_id: str, sha256: str, reason: str) -> None:
        """The server will not take these bytes (its reason kept): park them, so the rest syncs."""
        self._conn.execute("UPDATE attachments SET refused_reason = ? WHERE review_id = ? AND sha256 = ?",
                           (reason, review_id, sha256))

    def refused_attachments(self, review_id: str) -> list[tuple[str, str]]:
        """(sha256, the server's reason) for every photo whose bytes the server refused."""
        rows = self._conn.execute("SELECT DISTINCT sha256, refused_reason FROM attachments WHERE review_id = ? "
                                  "AND refused_reason IS NOT NULL", (review_id,)).fetchall()
        return [(r[0], r[1]) for r in rows]

    def mark_attachment_uploaded(self, review_id: str, sha256: str) -> None:
        self._conn.execute("UPDATE attachments SET uploaded = 1 WHERE review_id = ? AND sha256 = ?", (review_id, sha256))

    def attachment_by_sha(self, review_id: str, sha256: str) -> bytes | None:
        row = self._conn.execute("SELECT blob_id, record_id FROM attachments WHERE review_id = ? AND sha256 = ? LIMIT 1",
                                 (review_id, sha256)).fetchone()
        return self._vault.get(review_id, row[1], row[0]) if row else None

    def attachments_missing(self, review_id: str) -> list[str]:
        """Photos known from other reviewers' ops whose bytes are not on this laptop yet."""
        have = {r[0] for r in self._conn.execute("SELECT sha256 FROM attachments WHERE review_id = ?", (review_id,))}
        wanted = {a.value("sha256") for a in self._state(review_id).of_kind("attachment")}
        return sorted(s for s in wanted - have if s)

    def store_attachment(self, review_id: str, sha256: str, data: bytes, *, uploaded: bool = True) -> None:
        import hashlib
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("The photo received does not match its checksum; it was not stored.")
        if self.attachment_by_sha(review_id, sha256) is not None:
            return
        record_id = "sha-" + sha256
        blob_id, _ = self._vault.put(review_id, record_id, data)
        self._conn.execute("INSERT INTO attachments (blob_id, review_id, record_id, sha256, size, uploaded) "
                           "VALUES (?, ?, ?, ?, ?, ?)", (blob_id, review_id, record_id, sha256, len(data), int(uploaded)))
