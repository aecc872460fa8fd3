"""Attachment storage: content-addressed blobs per review, stored in resumable chunks (mixed into Storage)."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update

from .data_key import DataKeys, chunk_aad
from .tables import attachment_chunks, attachments


def _now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True)
class UploadState:
    length: int
    stored: int
    complete: bool


@dataclass(frozen=True)
class UploadResult:
    outcome: str  # ok | offset_mismatch | length_mismatch | too_long | hash_mismatch
    state: UploadState | None


class AttachmentStorage:
    keys: DataKeys  # provided by Storage

    def _tx(self, write: bool = False) -> AbstractContextManager[Connection]:  # provided by Storage
        raise NotImplementedError

    def _lock_review(self, c: Connection, review_id: str) -> int:  # provided by Storage
        raise NotImplementedError

    def upload_state(self, review_id: str, sha256: str) -> UploadState | None:
        with self._tx() as c:
            return self._upload_state(c, review_id, sha256)

    def _upload_state(self, c: Connection, review_id: str, sha256: str) -> UploadState | None:
        row = c.execute(
            select(attachments.c.length, attachments.c.stored, attachments.c.complete).where(
                attachments.c.review_id == review_id, attachments.c.sha256 == sha256
            )
        ).first()
        return UploadState(int(row[0]), int(row[1]), bool(row[2])) if row else None

    def _discard(self, c: Connection, review_id: str, sha256: str) -> None:
        for table in (attachment_chunks, attachments):
            c.execute(delete(table).where(table.c.review_id == review_id, table.c.sha256 == sha256))

    def append_upload(
        self, review_id: str, sha256: str, offset: int, length: int, data: bytes
    ) -> UploadResult:
        """Add a chunk at `offset`. When the last byte arrives the SHA-256 is checked; a mismatch discards it."""
        with self._tx(True) as c:
            self._lock_review(c, review_id)  # one writer per review's uploads at a time
            state = self._upload_state(c, review_id, sha256)
            if state is not None and state.length != length and not state.complete and offset == 0:
                self._discard(c, review_id, sha256)
                state = None
            if state is None:
                if offset != 0:
                    return UploadResult("offset_mismatch", UploadState(length, 0, False))
                c.execute(
                    insert(attachments).values(
                        review_id=review_id,
                        sha256=sha256,
                        length=length,
                        stored=0,
                        complete=False,
                        created_ms=_now_ms(),
                    )
                )
                state = UploadState(length, 0, False)
            if state.length != length:
                return UploadResult("length_mismatch", state)
            if state.complete or offset != state.stored:
                return UploadResult("offset_mismatch", state)
            if offset + len(data) > length:
                return UploadResult("too_long", state)
            if data:
                c.execute(
                    insert(attachment_chunks).values(
                        review_id=review_id,
                        sha256=sha256,
                        offset=offset,
                        data=self.keys.seal_bytes(data, chunk_aad(review_id, sha256, offset)),
                    )
                )
            stored = offset + len(data)
            complete = stored == length
            if complete and self._digest(c, review_id, sha256) != sha256:
                self._discard(c, review_id, sha256)
                return UploadResult("hash_mismatch", None)
            c.execute(
                update(attachments)
                .where(attachments.c.review_id == review_id, attachments.c.sha256 == sha256)
                .values(stored=stored, complete=complete)
            )
            return UploadResult("ok", UploadState(length, stored, complete))

    def _chunks(self, c: Connection, review_id: str, sha256: str) -> Iterator[bytes]:
        # Offsets first, then one chunk a query: a blob never has to sit in memory whole to be hashed.
        offsets = c.execute(
            select(attachment_chunks.c.offset)
            .where(attachment_chunks.c.review_id == review_id, attachment_chunks.c.sha256 == sha256)
            .order_by(attachment_chunks.c.offset)
        ).scalars().all()
        for offset in offsets:
            data = c.execute(
                select(attachment_chunks.c.data).where(
                    attachment_chunks.c.review_id == review_id,
                    attachment_chunks.c.sha256 == sha256,
                    attachment_chunks.c.offset == offset,
                )
            ).scalar_one()
            yield self.keys.open_bytes(bytes(data), chunk_aad(review_id, sha256, int(offset)))

    def _digest(self, c: Connection, review_id: str, sha256: str) -> str:
        digest = hashlib.sha256()
        for data in self._chunks(c, review_id, sha256):
            digest.update(data)
        return digest.hexdigest()

    def stream_attachment(self, review_id: str, sha256: str) -> tuple[int, Iterator[bytes]] | None:
        """(length, the chunks one by one) of a completely stored attachment, or None. Each chunk is read
        in a short transaction of its own when asked for: a download holds one chunk in memory."""
        with self._tx() as c:
            state = self._upload_state(c, review_id, sha256)
            if state is None or not state.complete:
                return None
            offsets = [
                int(o)
                for o in c.execute(
                    select(attachment_chunks.c.offset)
                    .where(attachment_chunks.c.review_id == review_id, attachment_chunks.c.sha256 == sha256)
                    .order_by(attachment_chunks.c.offset)
                ).scalars()
            ]

        def chunks() -> Iterator[bytes]:
            for offset in offsets:  # a complete attachment never changes: no transaction across yields
                with self._tx() as c:
                    data = c.execute(
                        select(attachment_chunks.c.data).where(
                            attachment_chunks.c.review_id == review_id,
                            attachment_chunks.c.sha256 == sha256,
                            attachment_chunks.c.offset == offset,
                        )
                    ).scalar_one()
                yield self.keys.open_bytes(bytes(data), chunk_aad(review_id, sha256, offset))

        return state.length, chunks()

    def read_attachment(self, review_id: str, sha256: str) -> bytes | None:
        """The bytes of a completely stored attachment, or None."""
        with self._tx() as c:
            state = self._upload_state(c, review_id, sha256)
            if state is None or not state.complete:
                return None
            return b"".join(self._chunks(c, review_id, sha256))
