"""StoreCore: one open connection, its key, op log, photo vault and cached states, shared by the store's
parts. It is passed to each part (ReviewStore's record methods reach it as `self._core`, and
`store.replica` holds the same one), never subclassed: composition, as Anki's `col.decks = DeckManager(col)`.

Every statement goes through `core.sql` (db.Statements), the one place that turns a driver error into a
StoreError (DiskFull, StoreCorrupt)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from sync.protocol.hlc import HLC
from sync.protocol.merge import EntityState, ReviewState
from sync.protocol.ops import Operation, OpKind
from sync.protocol.rules import LEAD, member_role, rule_problem
from sync.protocol.signing import b64, new_private_key, public_key_of

from . import keys
from .attachments import AttachmentVault
from .db import Database, Statements, close_database, verify_database
from .errors import StoreCorrupt, StoreLocked, refusal_error
from .files import StoreFiles
from .oplog import OpLog
from .watermark import HighWaterMark

STORE_FORMAT = 1
_LOCAL_HLC = HLC(0, 0, "local")  # the stamp of a rule-table probe (never written)


class StoreCore:
    def __init__(self, files: StoreFiles, data_key: bytearray, db: Database):
        self.files = files
        self._key: bytearray | None = data_key
        self._db = db
        db.conn.isolation_level = None  # explicit transactions only (OpLog.transaction)
        self.sql = Statements(db.conn, files.database)
        self.device_id = self._device_id()
        self._signing_key = self._device_key()
        self._log: OpLog | None = OpLog(self.sql, self.device_id, self._signing_key, HighWaterMark(files.data_dir))
        self.lost_changes = self._changes_lost_since_last_run()
        self._vault: AttachmentVault | None = AttachmentVault(files.attachments, data_key)
        self._me: dict[str, str] = {}

    def _changes_lost_since_last_run(self) -> int:
        """How many of this laptop's committed changes are missing from the database (a deleted or
        damaged WAL), from the high-water mark kept beside it; 0 when none. Told once: the mark then
        follows the database again."""
        mark = self.log.watermark
        assert mark is not None
        seq = self.log.last_seq()
        written = mark.read()
        mark.write(seq)
        return max(0, written - seq) if written is not None else 0

    # --- opening and locking ----------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._key is not None

    def close(self) -> None:
        """Lock: close the database and wipe the data key from memory (best effort in Python)."""
        if self._key is None:
            return
        try:
            close_database(self._db)
        finally:
            keys.wipe(self._key)
            self._key = None
            self._signing_key = b""
            self._log = None
            self._vault = None

    def require_key(self) -> bytearray:
        if self._key is None:
            raise StoreLocked()
        return self._key

    @property
    def log(self) -> OpLog:
        self.require_key()
        assert self._log is not None
        return self._log

    @property
    def vault(self) -> AttachmentVault:
        self.require_key()
        assert self._vault is not None
        return self._vault

    @property
    def signing_key(self) -> bytes:
        self.require_key()
        return self._signing_key

    def _device_id(self) -> str:
        row = self.sql.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()
        if row:
            return str(row[0])
        device_id = uuid.uuid4().hex
        self.sql.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?)", (device_id,))
        self.sql.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('store_format', ?)", (str(STORE_FORMAT),))
        return device_id

    def _device_key(self) -> bytes:
        """This store's Ed25519 signing key (inside the encrypted database; made for older stores on open)."""
        row = self.sql.execute("SELECT value FROM meta WHERE key = 'device_key'").fetchone()
        if row:
            return bytes.fromhex(str(row[0]))
        private = new_private_key()
        self.sql.execute("INSERT INTO meta (key, value) VALUES ('device_key', ?)", (private.hex(),))
        return private

    def device_public_key(self) -> str:
        """The public half of this laptop's signing key (base64), as the server registers it."""
        return b64(public_key_of(self.signing_key))

    def check_integrity(self) -> None:
        """Raise StoreCorrupt if the file was altered (the HMAC of every page, then the b-tree structure)
        or has vanished. It reads the whole file: the app runs it on a worker's connection
        (`for_worker`), after unlock and every minute, never on the UI thread."""
        self.require_key()
        if not self.files.database.exists():
            raise StoreCorrupt(self.files.database, "the database file has gone")
        verify_database(self._db, self.files.database)

    # --- writing a change -------------------------------------------------------------------------
    def write(self, review_id: str, entity: str, entity_id: str, fields: dict[str, Any],
              kind: OpKind = OpKind.SET, parents: dict[str, tuple[str, ...]] | None = None) -> Operation:
        # The rule table first (sync.protocol.rules): what the server and the team would refuse is
        # never written. The parents are left out of this check: OpLog picks them (one per field).
        probe = Operation("local", review_id, self.device_id, 1, self.me(review_id), _LOCAL_HLC, entity,
                          entity_id, kind, dict(fields), {})
        refusal = rule_problem(probe, self.my_role(review_id), self.state(review_id))
        if refusal:
            raise refusal_error(entity, refusal.code, refusal.reason)
        return self.log.write(review_id, self.me(review_id), entity, entity_id, kind, fields, parents)

    def may_change(self, review_id: str, entity: str, entity_id: str, *, kind: OpKind = OpKind.SET,
                   fields: dict[str, Any] | None = None) -> bool:
        probe = Operation("local", review_id, self.device_id, 1, self.me(review_id), _LOCAL_HLC, entity,
                          entity_id, kind, dict(fields or {}), {})
        return rule_problem(probe, self.my_role(review_id), self.state(review_id)) is None

    def my_role(self, review_id: str) -> str:
        """This laptop's reviewer's role on the review's team; the lead if not on it (see ReviewStore)."""
        return member_role(self.state(review_id), self.me(review_id)) or LEAD

    def set_changed(self, review_id: str, entity: str, entity_id: str, changes: dict[str, Any]) -> None:
        """Write only the fields whose value differs (or that are in conflict)."""
        from .mapping import wire_fields  # mapping imports the domain; core stays below it

        current = self.entity(review_id, entity, entity_id)
        fields = wire_fields(entity, changes)
        if current is not None and current.exists:
            fields = {k: v for k, v in fields.items() if current.value(k) != v or len(current.live(k)) > 1}
        if fields:
            self.write(review_id, entity, entity_id, fields)

    def delete(self, review_id: str, entity: str, entity_id: str) -> None:
        """A tombstone (nothing if the record is gone or deleted already)."""
        current = self.entity(review_id, entity, entity_id)
        if current is None or current.deleted:
            return
        self.write(review_id, entity, entity_id, {}, kind=OpKind.DELETE)

    def restore(self, review_id: str, entity: str, entity_id: str) -> None:
        from sync.protocol.merge import DELETED

        current = self.entity(review_id, entity, entity_id)
        if current is None or not current.deleted:
            return
        self.write(review_id, entity, entity_id, {DELETED: False})

    # --- reading ----------------------------------------------------------------------------------
    def state(self, review_id: str) -> ReviewState:
        return self.log.state(review_id)

    def entity(self, review_id: str, entity: str, entity_id: str) -> EntityState | None:
        return self.state(review_id).get(entity, entity_id)

    def me(self, review_id: str) -> str:
        """The team member id of the reviewer using this laptop, for this review."""
        self.require_key()
        if review_id not in self._me:
            row = self.sql.execute("SELECT me FROM reviews WHERE id = ?", (review_id,)).fetchone()
            if row is None:
                raise KeyError(f"No review {review_id} on this laptop.")
            self._me[review_id] = str(row[0])
        return self._me[review_id]

    def set_me(self, review_id: str, member_id: str) -> None:
        self.require_key()
        self.sql.execute("UPDATE reviews SET me = ? WHERE id = ?", (member_id, review_id))
        self._me.pop(review_id, None)

    def forget_me(self, review_id: str) -> None:
        self._me.pop(review_id, None)

    def meta_json(self, key: str) -> Any:
        self.require_key()
        row = self.sql.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def review_ids(self) -> list[str]:
        self.require_key()
        return [r[0] for r in self.sql.execute("SELECT id FROM reviews ORDER BY added_ms")]

    def has_review(self, review_id: str) -> bool:
        self.require_key()
        return self.sql.execute("SELECT 1 FROM reviews WHERE id = ?", (review_id,)).fetchone() is not None
