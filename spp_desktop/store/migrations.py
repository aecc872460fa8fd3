"""Schema of the encrypted review store, as numbered migrations.

The tables are a cache of the operation log (ops): `entities` holds each entity's merged state (the
registers of sync.protocol.merge.EntityState as JSON). Everything here is inside SQLCipher.

Which migrations a file has had is kept in `_sqlite_migrations`, the table (and layout) that
sqlite-utils' Migrations used before this module replaced it, so stores made by earlier versions open
unchanged. Each migration runs in one transaction with its record: it lands whole or not at all.

Why not sqlite-utils: the store used only its Migrations and `Database.execute`, all else is plain SQL;
keeping it meant aliasing `pysqlite3` to `sqlcipher3` before it was imported (or its error handling
missed SQLCipher's errors), switching off its plugin loading so no plugin saw the decrypted connection,
and shipping click, pluggy, dateutil, tabulate and sqlite-fts4 in every installer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from .db import Database

TABLE = "_sqlite_migrations"
_CREATE_TABLE = (
    f'CREATE TABLE IF NOT EXISTS "{TABLE}" ("id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT, '
    '"applied_at" TEXT)',
    f'CREATE UNIQUE INDEX IF NOT EXISTS "idx_{TABLE}_migration_set_name" ON "{TABLE}" ("migration_set", "name")',
)


class Migrations:
    """An ordered set of schema steps; `apply` runs the ones a database has not had yet."""

    def __init__(self, name: str):
        self.name = name
        self._steps: list[tuple[str, Callable[[Database], None]]] = []

    def __call__(self) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            if fn.__name__ in self.names:
                raise ValueError(f"migration {fn.__name__} is registered twice")
            self._steps.append((fn.__name__, fn))
            return fn
        return register

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self._steps]

    def applied(self, db: Database) -> list[str]:
        """Names of the migrations this file has had, oldest first (read only)."""
        if not db.table_exists(TABLE):
            return []
        rows = db.execute(f'SELECT name FROM "{TABLE}" WHERE migration_set = ? ORDER BY rowid', (self.name,))
        return [row[0] for row in rows.fetchall()]

    def apply(self, db: Database) -> None:
        done = set(self.applied(db))
        conn = db.conn
        for name, fn in self._steps:
            if name in done:
                continue
            if not conn.in_transaction:
                conn.execute("BEGIN IMMEDIATE")
            try:
                for sql in _CREATE_TABLE:
                    db.execute(sql)
                fn(db)
                db.execute(f'INSERT INTO "{TABLE}" (migration_set, name, applied_at) VALUES (?, ?, ?)',
                           (self.name, name, str(datetime.now(UTC))))
                conn.commit()
            except BaseException:
                conn.rollback()
                raise


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


@migrations()
def m003_parked_ops(db: Any) -> None:
    # Remote ops this laptop would not apply (bad signature, out of bounds, forbidden by the rule table):
    # kept with the reason, listed for the lead, never applied; the body is the op as it came (JSON).
    db.execute("CREATE TABLE parked_ops (op_id TEXT NOT NULL, review_id TEXT NOT NULL, body TEXT NOT NULL, "
               "reason TEXT NOT NULL, source TEXT NOT NULL, received_ms INTEGER NOT NULL, "
               "PRIMARY KEY (review_id, op_id))")


@migrations()
def m004_refused_attachments(db: Any) -> None:
    # The server's reason when it refuses a photo's bytes (too large, ...): parked, never offered again.
    db.execute("ALTER TABLE attachments ADD COLUMN refused_reason TEXT")


@migrations()
def m005_trust(db: Any) -> None:
    # Signed ops (docs/sync.md): the server key each review is pinned to (first checkout; this laptop's own
    # key for a review made or imported here), and the device certificates the server signed, by server key.
    db.execute("ALTER TABLE reviews ADD COLUMN server_key TEXT")
    db.execute("CREATE TABLE device_certs (server_key TEXT NOT NULL, device_id TEXT NOT NULL, user_id TEXT NOT NULL, "
               "public_key TEXT NOT NULL, sig TEXT NOT NULL, PRIMARY KEY (server_key, device_id, user_id))")


@migrations()
def m006_safeguarding_concerns(db: Any) -> None:
    # A safeguarding concern passed on from a capture form: its words stay in this table of this laptop's
    # encrypted store only (never an op, a bundle, a package or a PDF); the team sees a notice op with the
    # time and the role it went to. Deleted with the review.
    db.execute("CREATE TABLE concerns (id TEXT PRIMARY KEY, review_id TEXT NOT NULL, author TEXT NOT NULL, "
               "to_role TEXT NOT NULL, at_ms INTEGER NOT NULL, text TEXT NOT NULL)")


@migrations()
def m007_live_evidence_index(db: Any) -> None:
    # Home counts each review's evidence records: without this it read every evidence row (their whole
    # state) of every review on the laptop, 14 ms a review of 600 records (benchmarks/bench_laptop.py).
    db.execute("CREATE INDEX entities_live_evidence ON entities (review_id) WHERE entity = 'evidence' AND deleted = 0")


KNOWN = set(migrations.names)


def unknown_applied(db: Any) -> list[str]:
    """Migrations recorded in the file that this version does not know: it was made by a newer app."""
    return [name for name in migrations.applied(db) if name not in KNOWN]
