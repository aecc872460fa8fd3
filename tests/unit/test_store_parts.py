"""The store as composed parts (issue 11): ReviewStore keeps the record API, `store.replica` is the sync
face the sync client uses, both share one StoreCore, and every statement is translated in one place."""

from __future__ import annotations

import ast
import os
import uuid
from pathlib import Path

import pytest

from spp_desktop.store.errors import DiskFull
from spp_desktop.store.repository import ReviewStore
from sync.client.replica import CheckoutReplica
from sync.protocol.ids import new_id
from tests.helpers import new_store

ROOT = Path(__file__).resolve().parents[2]
# What only sync needs: on store.replica, and no longer on ReviewStore (where the UI would see it).
SYNC_INTERNALS = ("outbox", "mark_on_server", "mark_refused", "apply_remote", "all_ops", "export_ops",
                  "state_hash", "server_cursor", "set_server_cursor", "record_synced", "team_key", "set_team_key",
                  "save_server_account", "forget_server_account", "attachments_to_upload",
                  "mark_attachment_uploaded", "mark_attachment_refused", "attachment_by_sha", "attachments_missing",
                  "store_attachment", "device_identity", "server_key", "pin_server_key", "trust_server",
                  "add_certificates", "certificates", "export_bundle", "export_bundle_with_counts", "import_bundle")


def _protocol_members(protocol: type) -> set[str]:
    names: set[str] = set()
    for klass in protocol.__mro__:
        if klass.__module__.startswith("sync.client"):
            names |= {n for n in vars(klass) if not n.startswith("_")}
    return names


def test_the_replica_has_every_method_the_sync_client_asks_for(tmp_path):
    store, _ = new_store(tmp_path)
    replica: CheckoutReplica = store.replica  # mypy checks the same in services/sync_service._replica
    missing = {n for n in _protocol_members(CheckoutReplica) if not callable(getattr(replica, n, None))}
    assert missing == set()
    store.close()


def test_review_store_no_longer_shows_sync_internals():
    shown = {n for n in SYNC_INTERNALS if hasattr(ReviewStore, n)}
    assert shown == set()
    # what the UI shows of sync stays on ReviewStore
    for name in ("unsynced_count", "last_synced", "has_team_key", "conflicts", "resolve_conflict",
                 "refused_changes", "parked_changes", "server_account", "import_package"):
        assert callable(getattr(ReviewStore, name)), name


def test_the_parts_share_one_core_and_see_each_others_writes(tmp_path):
    store, review_id = new_store(tmp_path)
    before = store.replica.state_hash(review_id)
    store.update_outcome(review_id, next_steps="Share the phonics approach")
    assert store.replica.state_hash(review_id) != before
    assert store.unsynced_count(review_id) == store.replica.unsynced_count(review_id) == 1
    assert len(store.replica.outbox(review_id)) == 1
    store.close()
    with pytest.raises(Exception, match="locked"):
        store.replica.outbox(review_id)  # locking the store locks its replica: one key, one connection


def _execute_receivers(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [ast.unparse(node.func.value) for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany")]


def test_every_store_statement_goes_through_the_translating_statements():
    """db.Statements is the one place a driver error becomes a StoreError: outside db.py (which makes it)
    and the migrations (run inside translated_errors when a store opens), the store runs SQL only on it."""
    allowed = {"self._core.sql", "self.sql", "sql", "self.conn"}  # self.conn: OpLog's, a Statements
    bad = {}
    for path in sorted((ROOT / "spp_desktop/store").glob("*.py")):
        if path.name in ("db.py", "migrations.py"):
            continue
        receivers = set(_execute_receivers(path)) - allowed
        if receivers:
            bad[path.name] = receivers
    assert bad == {}


def test_a_full_disk_at_the_attachment_insert_is_the_stores_disk_full(tmp_path):
    """The self-review document's row in `attachments` was inserted outside any error translation, so a
    full disk there escaped as the driver's raw error. Real SQLite, at its own size limit (max_page_count):
    fill the attachments table until no row of that shape fits, then attach the document."""
    store, review_id = new_store(tmp_path)
    data = os.urandom(5000)
    sql = store._core.sql  # the test reaches inside to fill the database
    pages = sql.execute("PRAGMA page_count").fetchone()[0]
    sql.execute(f"PRAGMA max_page_count = {pages}")
    misses = 0
    while misses < 200:  # 200 rows in a row that do not fit: the table and its indexes are full
        try:
            sql.execute("INSERT INTO attachments (blob_id, review_id, record_id, sha256, size) VALUES (?, ?, ?, ?, ?)",
                        (uuid.uuid4().hex, review_id, new_id(), os.urandom(32).hex(), len(data)))
            misses = 0
        except DiskFull:
            misses += 1
    with pytest.raises(DiskFull) as raised:
        store.attach_self_review(review_id, data, "self-review.pdf", "application/pdf")
    failed = [entry.locals.get("sql") for entry in raised.traceback if entry.frame.code.name == "execute"]
    assert failed and "INSERT INTO attachments" in str(failed[-1])
    assert "disk is full" in str(raised.value)
    sql.execute("PRAGMA max_page_count = 1073741823")  # room again: the same document saves
    assert store.attach_self_review(review_id, data, "self-review.pdf", "application/pdf")
    store.close()
