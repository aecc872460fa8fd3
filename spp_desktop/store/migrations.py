"""Schema of the encrypted review store, as sqlite-utils migrations.

The tables are a cache of the operation log (ops): `entities` holds each entity's merged state (the
registers of sync.protocol.merge.EntityState as JSON). Everything here is inside SQLCipher.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils.migrations import Migrations  # noqa: E402, I001

from .db import sqlite_utils  # noqa: F401  (sets up the SQLCipher driver before sqlite_utils loads)

migrations = Migrations("spp_desktop")


@migrations()
def m001_initial(db: Any) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE reviews (
            id TEXT PRIMARY KEY,
            me TEXT NOT NULL DEFAULT '',          -- team member id of this laptop's reviewer
            team_key BLOB,                        -- for offline team bundles (secret)
            added_ms INTEGER NOT NULL,
            server_cursor INTEGER NOT NULL DEFAULT 0,
            last_synced_ms INTEGER,
            server_state_hash TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE ops (
            op_id TEXT PRIMARY KEY,
            review_id TEXT NOT NULL,
            device_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            body TEXT NOT NULL,                   -- the operation in wire form (JSON)
            local INTEGER NOT NULL,               -- 1: made on this laptop
            sync_state INTEGER NOT NULL DEFAULT 0, -- 0 unsent, 1 sent or exported (frozen), 2 on the server
            received_ms INTEGER NOT NULL
        )"""
    )
    db.execute("CREATE INDEX ops_outbox ON ops (review_id, local, sync_state)")
    db.execute(
        """CREATE TABLE entities (
            review_id TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            state TEXT NOT NULL,                  -- EntityState JSON
            deleted INTEGER NOT NULL DEFAULT 0,
            conflict INTEGER NOT NULL DEFAULT 0,
            last_op TEXT NOT NULL,                -- op_id of the latest op applied (for squashing)
            PRIMARY KEY (review_id, entity, entity_id)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE TABLE attachments (blob_id TEXT PRIMARY KEY, review_id TEXT NOT NULL, "
               "record_id TEXT NOT NULL, sha256 TEXT NOT NULL, size INTEGER NOT NULL, uploaded INTEGER NOT NULL DEFAULT 0)")
    db.execute("CREATE INDEX attachments_sha ON attachments (review_id, sha256)")
    db.execute("CREATE TABLE server_account (id INTEGER PRIMARY KEY CHECK (id = 1), url TEXT NOT NULL, "
               "username TEXT NOT NULL, user_id TEXT NOT NULL, token TEXT NOT NULL, device_id TEXT, expires_at TEXT)")


@migrations()
def m002_refused_ops(db: Any) -> None:
    # The server's reason when it refuses an op (sync_state 3): kept for the report, out of the outbox.
    db.execute("ALTER TABLE ops ADD COLUMN refused_reason TEXT")


KNOWN = {m.name for m in migrations._migrations}


def unknown_applied(db: Any) -> list[str]:
    """Migrations recorded in the file that this version does not know: it was made by a newer app."""
    return [m.name for m in migrations.applied(db) if m.name not in KNOWN]
