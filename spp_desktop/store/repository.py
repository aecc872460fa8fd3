"""ReviewStore: the API the rest of the app uses. Returns domain objects; no caller sees SQL or keys.

One ReviewStore is one unlocked connection on one thread. A worker thread gets its own with
`store.for_worker()`; both see each other's commits (WAL), and caches follow `PRAGMA data_version`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import time
from pathlib import Path
from typing import Any

from spp_desktop.domain.review import Review, ReviewSummary, Role
from sync.protocol.merge import EntityState, ReviewState
from sync.protocol.ops import Operation
from sync.protocol.package import package_to_ops, state_to_package, validate_package
from sync.protocol.signing import b64, op_signed_by, public_key_of, sign_op

from . import keys
from .bundles import BundlesMixin
from .concerns import ConcernsMixin
from .db import close_database, open_database, translated_errors
from .errors import NewerFormat, StoreCorrupt
from .files import StoreFiles
from .improvement import ImprovementMixin
from .keys import FAST_TEST_KDF, KdfParams  # noqa: F401  (re-exported: the UI passes KDF settings through)
from .mapping import review_from_states
from .migrations import migrations, unknown_applied
from .plan import PlanMixin
from .records import RecordsMixin
from .watermark import NAME as WATERMARK_NAME

PERSONAL_WORDS = "personal_dictionary"  # meta key
_HEADING_KINDS = ("review", "question", "team_member", "schedule_slot")  # what review_from_states reads


class UnlockedKey:
    """The data key from a successful unlock, opaque to callers: derive it on a worker thread
    (`ReviewStore.derive_key`, slow on purpose), then open the store on the thread that will use it
    (`ReviewStore.open_with`). `discard()` wipes it if it is not used."""

    __slots__ = ("_key", "data_dir")

    def __init__(self, data_dir: Path, key: bytearray):
        self.data_dir = data_dir
        self._key = key

    def take(self) -> bytearray:
        key, self._key = self._key, bytearray()
        return key

    def discard(self) -> None:
        keys.wipe(self._key)

    def __repr__(self) -> str:
        return f"UnlockedKey({self.data_dir})"


class ReviewStore(RecordsMixin, PlanMixin, ImprovementMixin, ConcernsMixin, BundlesMixin):
    @staticmethod
    def exists(data_dir: Path) -> bool:
        return StoreFiles(Path(data_dir)).exists()

    @classmethod
    def create(cls, data_dir: Path, passphrase: str, *, kdf_params: keys.KdfParams | None = None) -> ReviewStore:
        """Atomic: the database is made under a temporary name, then the key file is written, then the
        database takes its real name. Killed at any point, the folder holds either a whole store or
        leftovers that hold nothing (no record can be saved before the end), which the next create
        clears: a temporary database is removed, a key file without a database is kept aside."""
        files = StoreFiles(Path(data_dir))
        files.data_dir.mkdir(parents=True, exist_ok=True)
        files.make_private()
        if files.database.exists():
            raise FileExistsError(f"There is already a review store in {files.data_dir}.")
        creating = files.database.with_name(files.database.name + ".creating")
        _remove_database_files(creating)
        (files.data_dir / WATERMARK_NAME).unlink(missing_ok=True)  # a former store's mark says nothing here
        if files.key_file.exists():  # from an interrupted create: it opens nothing, but never destroy a key
            files.key_file.replace(files.key_file.with_name(f"{files.key_file.name}.orphaned-{int(time.time())}"))
        data_key = bytearray(os.urandom(keys.KEY_BYTES))
        try:
            store = cls._open(StoreFiles(files.data_dir), bytearray(data_key), create=True, database=creating)
            store.close()
            keys.write_key_file(files.key_file, data_key, passphrase, kdf_params=kdf_params)
            os.replace(creating, files.database)
            keys.fsync_dir(files.data_dir)
        except BaseException:
            keys.wipe(data_key)
            raise
        return cls._open(files, data_key, create=False)

    @classmethod
    def unlock(cls, data_dir: Path, passphrase: str) -> ReviewStore:
        """Derive the key (slow on purpose: Argon2id) and open the store. Run off the UI thread."""
        files = StoreFiles(Path(data_dir))
        if not files.key_file.exists():
            raise FileNotFoundError(f"No review store in {files.data_dir}.")
        data_key = keys.unlock_key_file(files.key_file, passphrase)
        return cls._open(files, data_key, create=False)

    @staticmethod
    def derive_key(data_dir: Path, passphrase: str) -> UnlockedKey:
        """Check the passphrase and unwrap the data key (Argon2id: run it off the UI thread)."""
        files = StoreFiles(Path(data_dir))
        if not files.key_file.exists():
            raise FileNotFoundError(f"No review store in {files.data_dir}.")
        return UnlockedKey(files.data_dir, keys.unlock_key_file(files.key_file, passphrase))

    @classmethod
    def open_with(cls, key: UnlockedKey, *, verify: bool = True) -> ReviewStore:
        """Open the store on this thread with a key from `derive_key`. verify=False leaves the check of
        every page (which grows with the store) to `check_integrity` on a worker: the app's unlock."""
        return cls._open(StoreFiles(key.data_dir), key.take(), create=False, verify=verify)

    @classmethod
    def _open(cls, files: StoreFiles, data_key: bytearray, *, create: bool,
              database: Path | None = None, verify: bool = True) -> ReviewStore:
        try:
            db = open_database(database or files.database, data_key, create=create, verify=verify)
            files.make_private()
        except FileNotFoundError:
            raise StoreCorrupt(files.database, "the database file is missing") from None
        try:
            with translated_errors(files.database):
                newer = unknown_applied(db)
                if newer:
                    raise NewerFormat(files.database, len(migrations.applied(db)), len(migrations.names))
                migrations.apply(db)
                db.conn.commit()
        except BaseException:
            close_database(db)
            raise
        return cls(files, data_key, db)

    def for_worker(self) -> ReviewStore:
        """A second connection to the same store, for use on another thread. It skips the check of every
        page at open: the first connection made it (or has it made on a worker)."""
        key = self._require_key()
        return ReviewStore._open(self.files, bytearray(key), create=False, verify=False)

    def worker_opener(self) -> WorkerOpener:
        """Called on this store's thread, for a worker to open its own connection with: the worker never
        touches this store (whose key a lock may be wiping at that very moment)."""
        return WorkerOpener(self.files, bytearray(self._require_key()))

    @staticmethod
    def change_passphrase(data_dir: Path, old: str, new: str) -> None:
        keys.change_passphrase(StoreFiles(Path(data_dir)).key_file, old, new)

    # --- the reviewer's own spelling dictionary ----------------------------------------------------
    # Kept inside the encrypted store, on this laptop only: a word added ("Okafor", a school's name)
    # can name a person, so it never goes to a plain-text word list such as Enchant's personal one.
    def personal_words(self) -> list[str]:
        self._require_key()
        with translated_errors(self.files.database):
            return list(self._meta_json(PERSONAL_WORDS) or [])

    def add_personal_word(self, word: str) -> None:
        word = word.strip()
        if not word or len(word) > 100:
            return
        words = self.personal_words()
        if word in words:
            return
        with translated_errors(self.files.database):
            self._conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                               "value = excluded.value", (PERSONAL_WORDS, json.dumps(sorted([*words, word]))))

    def list_reviews(self) -> list[ReviewSummary]:
        """Home's list. Reads each review's heading and counts, never its records: a laptop that has
        kept ten past reviews must list them as fast as one (benchmarks/bench_laptop.py)."""
        self._require_key()
        summaries = []
        with translated_errors(self.files.database):
            for row in self._conn.execute("SELECT id, last_synced_ms FROM reviews ORDER BY added_ms").fetchall():
                review = self._review_heading(row[0])
                if review is None:
                    continue  # a review row whose package never applied: nothing to show or open
                summaries.append(ReviewSummary(
                    id=review.id, host_school=review.host_school, start_date=review.start_date,
                    end_date=review.end_date, focus=review.focus.title,
                    unsynced_changes=self._oplog().unsent_count(review.id),
                    evidence_count=self._conn.execute(
                        "SELECT COUNT(*) FROM entities WHERE review_id = ? AND entity = 'evidence' AND deleted = 0",
                        (review.id,)).fetchone()[0],
                    last_synced_ms=row[1],
                    extra={"stage": self.heading_stage(review).value,
                           "keep_until": self.heading_keep_until(review).isoformat(),
                           "closed_on": (closed.isoformat() if (closed := self.heading_closed_on(review)) else "")},
                ))
        return summaries

    def _review_heading(self, review_id: str) -> Review | None:
        """The review (school, dates, focus, questions, team, slots) from those entities alone."""
        state = ReviewState(review_id)
        for entity, entity_id, text in self._conn.execute(
                "SELECT entity, entity_id, state FROM entities WHERE review_id = ? AND entity IN (?, ?, ?, ?)",
                (review_id, *_HEADING_KINDS)):
            state.add(EntityState.from_json(entity, entity_id, json.loads(text)))
        head = state.get("review", review_id)
        if head is None:
            return None
        return review_from_states(head, list(state.of_kind("question")), list(state.of_kind("team_member")),
                                  list(state.of_kind("schedule_slot")))

    def review(self, review_id: str) -> Review:
        state = self._state(review_id)
        head = state.get("review", review_id)
        if head is None:
            raise KeyError(f"No review {review_id} on this laptop.")
        return review_from_states(head, list(state.of_kind("question")), list(state.of_kind("team_member")),
                                  list(state.of_kind("schedule_slot")))

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
        self._require_key()
        with translated_errors(self.files.database):
            self._conn.execute(
                "INSERT INTO reviews (id, me, team_key, added_ms) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "me = CASE WHEN reviews.me = '' THEN excluded.me ELSE reviews.me END, "
                "team_key = COALESCE(excluded.team_key, reviews.team_key)",
                (review_id, me, team_key, int(time.time() * 1000)),
            )
            self._me.pop(review_id, None)
            self._oplog().apply_remote(review_id, self._signed_package_ops(review_id, doc, trust), source="package")
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
        own = public_key_of(self._signing_key)
        if self.server_key(review_id) is None:
            self.pin_server_key(review_id, b64(own))  # a review of this laptop's own: it is the authority
        if self.server_key(review_id) == own:
            return [sign_op(op, self._signing_key) for op in ops]
        return ops

    def export_package(self, review_id: str) -> dict[str, Any]:
        """The review, decrypted, as a package document (written out only on an explicit user action)."""
        return state_to_package(self._state(review_id))

    def remove_review(self, review_id: str) -> None:
        """Everything of a review on this laptop: its ops (sent, unsent and parked), records, concern words
        and photos. Callers check first that nothing unsent would be lost (services/closing.py)."""
        self._require_key()
        with self._oplog().transaction():
            for table, column in (("ops", "review_id"), ("parked_ops", "review_id"), ("entities", "review_id"),
                                  ("reviews", "id"), ("concerns", "review_id")):
                self._conn.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))
            blobs = [r[0] for r in self._conn.execute("SELECT blob_id FROM attachments WHERE review_id = ?", (review_id,))]
            self._conn.execute("DELETE FROM attachments WHERE review_id = ?", (review_id,))
        self._oplog().forget(review_id)
        for blob in blobs:
            self._vault.delete(blob)


def _remove_database_files(path: Path) -> None:
    """A database file and its WAL and shared-memory files, if present."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


class WorkerOpener:
    """A second connection to the store, made on the thread that calls `open()`, once. It holds its own
    copy of the data key, wiped when used (or when the opener is dropped unused)."""

    def __init__(self, files: StoreFiles, data_key: bytearray):
        self._files = files
        self._key: bytearray | None = data_key

    def open(self) -> ReviewStore:
        key, self._key = self._key, None
        if key is None:
            raise RuntimeError("a WorkerOpener opens one connection")
        try:
            return ReviewStore._open(self._files, bytearray(key), create=False, verify=False)
        finally:
            keys.wipe(key)

    def __del__(self) -> None:
        if self._key is not None:
            keys.wipe(self._key)
