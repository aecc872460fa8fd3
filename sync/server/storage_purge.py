"""Removing a review's evidence after its retention date (mixed into Storage; see retention.py).

The op log is append-only everywhere else: this is its one deletion, and it keeps the ops of the
entities `keep` names (the outcome), so the review still merges, reads and lists afterwards. Pull
cursors stay valid: seq numbers only gain gaps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import AbstractContextManager

from sqlalchemy import Connection, delete, select

from .data_key import DataKeys, op_aad
from .tables import attachment_chunks, attachments, ops


class PurgeStorage:
    keys: DataKeys

    def _tx(self, write: bool = False) -> AbstractContextManager[Connection]:  # provided by Storage
        raise NotImplementedError

    def _op_entities(self, c: Connection, review_id: str) -> Iterator[tuple[str, str]]:
        rows = c.execute(select(ops.c.op_id, ops.c.body).where(ops.c.review_id == review_id))
        for op_id, body in rows:
            yield op_id, str(json.loads(self.keys.open_text(body, op_aad(review_id, op_id))).get("entity"))

    def purge_review(self, review_id: str, keep: frozenset[str]) -> tuple[int, int]:
        """Deletes every op of an entity not in `keep`, and every attachment and its chunks, in one
        transaction. Returns (ops removed, attachments removed); (0, 0) the second time."""
        with self._tx(write=True) as c:
            gone = [op_id for op_id, entity in list(self._op_entities(c, review_id)) if entity not in keep]
            for start in range(0, len(gone), 500):  # bounded IN lists
                c.execute(delete(ops).where(ops.c.review_id == review_id, ops.c.op_id.in_(gone[start:start + 500])))
            c.execute(delete(attachment_chunks).where(attachment_chunks.c.review_id == review_id))
            removed = c.execute(delete(attachments).where(attachments.c.review_id == review_id)).rowcount
        return len(gone), int(removed or 0)
