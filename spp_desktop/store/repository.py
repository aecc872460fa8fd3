"""ReviewStore: the API the rest of the app uses. Returns domain objects; no caller sees SQL or keys.

One ReviewStore is one unlocked connection on one thread. A worker thread gets its own with
`store.for_worker()`; both see each other's commits (WAL), and caches follow `PRAGMA data_version`.

Composed, not inherited: the connection, key, op log and cached states are one `StoreCore` (core.py),
passed to each part. `store.replica` (replica.py) is the sync face the sync client and bundles use; the
record methods are ReviewStore's own, grouped by topic in mixins that hold no state (records, plan,
improvement, concerns, sync_status) and reach the core as `self._core`.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path
from typing import Any

from spp_desktop.domain.review import Review, ReviewSummary
from sync.protocol.merge import EntityState, ReviewState
from sync.protocol.ops import OpKind
from sync.protocol.package import state_to_package
from sync.protocol.rules import LEAD

from . import keys
from .concerns import ConcernsMixin
from .core import StoreCore
from .db import Database, close_database, open_database, translated_errors
from .errors import NewerFormat, StoreCorrupt
from .files import StoreFiles
from .improvement import ImprovementMixin
from .keys import FAST_TEST_KDF, KdfParams  # noqa: F401  (re-exported: the UI passes KDF settings through)
from .mapping import review_from_states
from .migrations import migrations, unknown_applied
from .plan import PlanMixin
from .records import RecordsMixin
from .replica import Replica
from .sync_status import SyncStatusMixin
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


class ReviewStore(RecordsMixin, PlanMixin, ImprovementMixin, ConcernsMixin, SyncStatusMixin):
    def __init__(self, files: StoreFiles, data_key: bytearray, db: Database):
        self._core = StoreCore(files, data_key, db)
        self.files = files
        self.device_id = self._core.device_id
        self.lost_changes = self._core.lost_changes
        # The sync face: the sync client's Replica and team bundles. Not for the UI (tests/unit/
        # test_import_boundaries.py): it reaches sync through services.sync_service.
        self.replica = Replica(self._core)

    # --- opening and locking ----------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._core.is_open

    def close(self) -> None:
        """Lock: close the database and wipe the data key from memory (best effort in Python)."""
        self._core.close()

    lock = close

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_integrity(self) -> None:
        """Raise StoreCorrupt if the file was altered or has vanished. It reads the whole file: the app
        runs it on a worker's connection (`for_worker`), after unlock and every minute, never on the UI thread."""
        self._core.check_integrity()

    # --- who this laptop's reviewer is, and what they may do ---------------------------------------
    def me(self, review_id: str) -> str:
        """The team member id of the reviewer using this laptop, for this review."""
        return self._core.me(review_id)

    def set_me(self, review_id: str, member_id: str) -> None:
        self._core.set_me(review_id, member_id)

    def my_role(self, review_id: str) -> str:
        """This laptop's reviewer's role on the review's team. Not on the team (a review made or imported
        on this laptop, with no server behind it): the lead, as this laptop is then the only authority."""
        return self._core.my_role(review_id)

    def is_lead(self, review_id: str) -> bool:
        """True unless this laptop's reviewer is on the team in another role than lead reviewer."""
        return self.my_role(review_id) == LEAD

    def may_change(self, review_id: str, entity: str, entity_id: str, *, kind: OpKind = OpKind.SET,
                   fields: dict[str, Any] | None = None) -> bool:
        """The UI's "may I?": would the rule table let this laptop's reviewer make this change?"""
        return self._core.may_change(review_id, entity, entity_id, kind=kind, fields=fields)

    def may_delete(self, review_id: str, entity: str, entity_id: str) -> bool:
        """The UI's "may I delete this record?" (evidence: only its author)."""
        return self._core.may_change(review_id, entity, entity_id, kind=OpKind.DELETE)

    def review_ids(self) -> list[str]:
        return self._core.review_ids()

    def has_review(self, review_id: str) -> bool:
        return self._core.has_review(review_id)

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
        key = self._core.require_key()
        return ReviewStore._open(self.files, bytearray(key), create=False, verify=False)

    def worker_opener(self) -> WorkerOpener:
        """Called on this store's thread, for a worker to open its own connection with: the worker never
        touches this store (whose key a lock may be wiping at that very moment)."""
        return WorkerOpener(self.files, bytearray(self._core.require_key()))

    @staticmethod
    def change_passphrase(data_dir: Path, old: str, new: str) -> None:
        keys.change_passphrase(StoreFiles(Path(data_dir)).key_file, old, new)

    # --- the reviewer's own spelling dictionary ----------------------------------------------------
    # Kept inside the encrypted store, on this laptop only: a word added ("Okafor", a school's name)
    # can name a person, so it never goes to a plain-text word list such as Enchant's personal one.
    def personal_words(self) -> list[str]:
        return list(self._core.meta_json(PERSONAL_WORDS) or [])

    def add_personal_word(self, word: str) -> None:
        word = word.strip()
        if not word or len(word) > 100:
            return
        words = self.personal_words()
        if word in words:
            return
        self._core.sql.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                               "value = excluded.value", (PERSONAL_WORDS, json.dumps(sorted([*words, word]))))

    def list_reviews(self) -> list[ReviewSummary]:
        """Home's list. Reads each review's heading and counts, never its records: a laptop that has
        kept ten past reviews must list them as fast as one (benchmarks/bench_laptop.py)."""
        self._core.require_key()
        summaries = []
        for row in self._core.sql.execute("SELECT id, last_synced_ms FROM reviews ORDER BY added_ms").fetchall():
            review = self._review_heading(row[0])
            if review is None:
                continue  # a review row whose package never applied: nothing to show or open
            summaries.append(ReviewSummary(
                id=review.id, host_school=review.host_school, start_date=review.start_date,
                end_date=review.end_date, focus=review.focus.title,
                unsynced_changes=self._core.log.unsent_count(review.id),
                evidence_count=self._core.sql.execute(
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
        for entity, entity_id, text in self._core.sql.execute(
                "SELECT entity, entity_id, state FROM entities WHERE review_id = ? AND entity IN (?, ?, ?, ?)",
                (review_id, *_HEADING_KINDS)):
            state.add(EntityState.from_json(entity, entity_id, json.loads(text)))
        head = state.get("review", review_id)
        if head is None:
            return None
        return review_from_states(head, list(state.of_kind("question")), list(state.of_kind("team_member")),
                                  list(state.of_kind("schedule_slot")))

    def review(self, review_id: str) -> Review:
        state = self._core.state(review_id)
        head = state.get("review", review_id)
        if head is None:
            raise KeyError(f"No review {review_id} on this laptop.")
        return review_from_states(head, list(state.of_kind("question")), list(state.of_kind("team_member")),
                                  list(state.of_kind("schedule_slot")))

    def import_package(self, doc: dict[str, Any], *, me: str | None = None, team_key: bytes | None = None,
                       trust: dict[str, Any] | None = None) -> str:
        """Add a review from a package document (Home's "open a package file", the demo), or bring an
        existing one up to date. Idempotent; the work is `store.replica`'s, which a checkout uses too."""
        return self.replica.import_package(doc, me=me, team_key=team_key, trust=trust)

    def export_package(self, review_id: str) -> dict[str, Any]:
        """The review, decrypted, as a package document (written out only on an explicit user action)."""
        return state_to_package(self._core.state(review_id))

    def remove_review(self, review_id: str) -> None:
        """Everything of a review on this laptop: its ops (sent, unsent and parked), records, concern words
        and photos. Callers check first that nothing unsent would be lost (services/closing.py)."""
        log, sql = self._core.log, self._core.sql
        with log.transaction():
            for table, column in (("ops", "review_id"), ("parked_ops", "review_id"), ("entities", "review_id"),
                                  ("reviews", "id"), ("concerns", "review_id")):
                sql.execute(f"DELETE FROM {table} WHERE {column} = ?", (review_id,))
            blobs = [r[0] for r in sql.execute("SELECT blob_id FROM attachments WHERE review_id = ?", (review_id,))]
            sql.execute("DELETE FROM attachments WHERE review_id = ?", (review_id,))
        log.forget(review_id)
        self._core.forget_me(review_id)
        for blob in blobs:
            self._core.vault.delete(blob)


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
