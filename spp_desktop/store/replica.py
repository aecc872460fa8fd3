"""`store.replica`: what the sync client and team bundles need from the store, as its own object.

It implements `sync.client.replica.CheckoutReplica` (the sync engine's view of one review's copy) and
makes and opens team bundles. It shares the store's connection, key and cached states through the
store's `StoreCore`, and is reached only as `store.replica`: the UI never holds it (a test checks that no
module under spp_desktop/ui names `.replica`); it reaches sync through `services.sync_service`.

What the UI shows of sync (the count of unsynced changes, when the review last synced, conflicts, what
the server refused, who is signed in) stays on ReviewStore (`sync_status.py`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from datetime import UTC, datetime
from typing import Any

from spp_desktop.domain.review import Role
from sync.protocol.ops import Operation
from sync.protocol.package import package_to_ops, validate_package
from sync.protocol.signing import b64, op_signed_by, public_key_of, sign_op

from . import bundles
from .bundles import BundleExportResult, BundleImportResult
from .core import StoreCore
from .oplog import ApplyResult
from .trust import TrustMixin


class Replica(TrustMixin):
    def __init__(self, core: StoreCore):
        self._core = core

    # --- operations -------------------------------------------------------------------------------
    def outbox(self, review_id: str, limit: int = 500) -> list[Operation]:
        """Unsent local ops (and relayed ones), oldest first, frozen from now on."""
        return self._core.log.outbox(review_id, limit)

    def mark_on_server(self, op_ids: list[str]) -> None:
        self._core.log.mark_on_server(op_ids)

    def mark_refused(self, refused: list[tuple[str, str]]) -> None:
        """The server refused these ops (op_id, reason): keep them, but stop offering them."""
        self._core.log.mark_refused(refused)

    def apply_remote(self, review_id: str, ops: list[Operation], *, on_server: bool = True,
                     unreadable: list[tuple[str, str, str]] | None = None) -> ApplyResult:
        """Apply remote ops; park (keep, with the reason) those that fail the checks. See OpLog."""
        return self._core.log.apply_remote(review_id, ops, on_server=on_server, unreadable=unreadable or (),
                                           trust=self._trust(review_id))

    def all_ops(self, review_id: str) -> list[Operation]:
        return self._core.log.all_ops(review_id)

    def export_ops(self, review_id: str) -> list[Operation]:
        """Every op of the review, for a team bundle. Freezes the unsent ones first: once an op has
        left the laptop it must never be squashed again, or copies would hold different versions."""
        self._core.log.freeze_all(review_id)
        return self._core.log.all_ops(review_id)

    def state_hash(self, review_id: str) -> str:
        return self._core.state(review_id).state_hash()

    def unsynced_count(self, review_id: str) -> int:
        return self._core.log.unsent_count(review_id)

    # --- sync bookkeeping -------------------------------------------------------------------------
    def server_cursor(self, review_id: str) -> int:
        row = self._core.sql.execute("SELECT server_cursor FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return int(row[0]) if row else 0

    def set_server_cursor(self, review_id: str, cursor: int) -> None:
        self._core.require_key()
        self._core.sql.execute("UPDATE reviews SET server_cursor = ? WHERE id = ?", (cursor, review_id))

    def record_synced(self, review_id: str, server_state_hash: str | None = None) -> None:
        self._core.require_key()
        self._core.sql.execute("UPDATE reviews SET last_synced_ms = ?, server_state_hash = ? WHERE id = ?",
                               (int(time.time() * 1000), server_state_hash, review_id))

    def last_synced(self, review_id: str) -> datetime | None:
        row = self._core.sql.execute("SELECT last_synced_ms FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return datetime.fromtimestamp(row[0] / 1000, UTC) if row and row[0] else None

    def team_key(self, review_id: str) -> bytes | None:
        self._core.require_key()
        row = self._core.sql.execute("SELECT team_key FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return bytes(row[0]) if row and row[0] else None

    def set_team_key(self, review_id: str, key: bytes) -> None:
        self._core.require_key()
        self._core.sql.execute("UPDATE reviews SET team_key = ? WHERE id = ?", (key, review_id))

    # --- the server account (its device token lives only inside the encrypted store) --------------
    def save_server_account(self, *, url: str, username: str, user_id: str, token: str,
                            device_id: str = "", expires_at: str = "") -> None:
        self._core.require_key()
        self._core.sql.execute(
            "INSERT OR REPLACE INTO server_account (id, url, username, user_id, token, device_id, expires_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)", (url, username, user_id, token, device_id, expires_at))

    def forget_server_account(self) -> None:
        self._core.require_key()
        self._core.sql.execute("DELETE FROM server_account")

    # --- photo bytes for sync ---------------------------------------------------------------------
    def attachments_to_upload(self, review_id: str) -> list[tuple[str, int]]:
        """Photos still in the review whose bytes the server lacks; not those it refused, nor removed ones."""
        rows = self._core.sql.execute("SELECT DISTINCT sha256, size FROM attachments WHERE review_id = ? "
                                      "AND uploaded = 0 AND refused_reason IS NULL", (review_id,)).fetchall()
        live = {a.value("sha256") for a in self._core.state(review_id).of_kind("attachment")}
        return [(r[0], int(r[1])) for r in rows if r[0] in live]

    def mark_attachment_refused(self, review_id: str, sha256: str, reason: str) -> None:
        """The server will not take these bytes (its reason kept): park them, so the rest syncs."""
        self._core.sql.execute("UPDATE attachments SET refused_reason = ? WHERE review_id = ? AND sha256 = ?",
                               (reason, review_id, sha256))

    def mark_attachment_uploaded(self, review_id: str, sha256: str) -> None:
        self._core.sql.execute("UPDATE attachments SET uploaded = 1 WHERE review_id = ? AND sha256 = ?",
                               (review_id, sha256))

    def attachment_by_sha(self, review_id: str, sha256: str) -> bytes | None:
        row = self._core.sql.execute("SELECT blob_id, record_id FROM attachments WHERE review_id = ? AND sha256 = ? "
                                     "LIMIT 1", (review_id, sha256)).fetchone()
        return self._core.vault.get(review_id, row[1], row[0]) if row else None

    def attachments_missing(self, review_id: str) -> list[str]:
        """Photos known from other reviewers' ops whose bytes are not on this laptop yet."""
        have = {r[0] for r in self._core.sql.execute("SELECT sha256 FROM attachments WHERE review_id = ?",
                                                     (review_id,))}
        wanted = {a.value("sha256") for a in self._core.state(review_id).of_kind("attachment")}
        return sorted(s for s in wanted - have if s)

    def store_attachment(self, review_id: str, sha256: str, data: bytes, *, uploaded: bool = True) -> None:
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ValueError("The photo received does not match its checksum; it was not stored.")
        if self.attachment_by_sha(review_id, sha256) is not None:
            return
        record_id = "sha-" + sha256
        blob_id, _ = self._core.vault.put(review_id, record_id, data)
        self._core.sql.execute("INSERT INTO attachments (blob_id, review_id, record_id, sha256, size, uploaded) "
                               "VALUES (?, ?, ?, ?, ?, ?)",
                               (blob_id, review_id, record_id, sha256, len(data), int(uploaded)))

    # --- review packages (a checkout) -------------------------------------------------------------
    def import_package(self, doc: dict[str, Any], *, me: str | None = None, team_key: bytes | None = None,
                       trust: dict[str, Any] | None = None) -> str:
        """Add a review from a package document (or bring an existing one up to date). Idempotent.

        `trust` comes with a server's package (server key, certificates, the server's signatures of the
        package ops); without it the review is this laptop's own and its package ops are signed here.
        Raises sync.protocol.package.PackageError naming the JSON path of the first problem.
        """
        validate_package(doc)
        review_id = doc["review"]["id"]
        if me is None:
            lead = next((m for m in doc.get("team", []) if m.get("role") == Role.LEAD_REVIEWER.value), None)
            me = lead["id"] if lead else ""
        if team_key is None and isinstance(doc.get("team_key"), str):
            import base64
            team_key = base64.b64decode(doc["team_key"])
        self._core.require_key()
        self._core.sql.execute(
            "INSERT INTO reviews (id, me, team_key, added_ms) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "me = CASE WHEN reviews.me = '' THEN excluded.me ELSE reviews.me END, "
            "team_key = COALESCE(excluded.team_key, reviews.team_key)",
            (review_id, me, team_key, int(time.time() * 1000)),
        )
        self._core.forget_me(review_id)
        self._core.log.apply_remote(review_id, self._signed_package_ops(review_id, doc, trust), source="package")
        return review_id

    def _signed_package_ops(self, review_id: str, doc: dict[str, Any], trust: dict[str, Any] | None) -> list[Operation]:
        ops = package_to_ops(doc)
        if trust is not None:
            self.trust_server(review_id, str(trust.get("server_key", "")), list(trust.get("certificates") or []))
            raw = trust.get("signatures")
            given: dict[str, Any] = raw if isinstance(raw, dict) else {}
            key = self.server_key(review_id)
            signed = [dataclasses.replace(op, sig=str(given.get(op.op_id, ""))) for op in ops]
            # Only a signature the pinned key made travels on (in bundles); the package itself came from
            # the server this laptop signed in to, so its ops are applied either way.
            return [op if key and op_signed_by(op, key) else ops[i] for i, op in enumerate(signed)]
        own = public_key_of(self._core.signing_key)
        if self.server_key(review_id) is None:
            self.pin_server_key(review_id, b64(own))  # a review of this laptop's own: it is the authority
        if self.server_key(review_id) == own:
            return [sign_op(op, self._core.signing_key) for op in ops]
        return ops

    # --- team bundles (bundles.py) ----------------------------------------------------------------
    def export_bundle(self, review_id: str) -> bytes:
        """The review's ops and photos as an encrypted team bundle (bytes for a file)."""
        return bundles.export_bundle(self, self._core, review_id).data

    def export_bundle_with_counts(self, review_id: str) -> BundleExportResult:
        return bundles.export_bundle(self, self._core, review_id)

    def import_bundle(self, data: bytes, expected_review_id: str | None = None) -> BundleImportResult:
        """Apply a team member's bundle to the review it is for (which must be `expected_review_id` when
        given, e.g. the review open on screen). All of it or, on any problem, nothing."""
        return bundles.import_bundle(self, self._core, data, expected_review_id)
