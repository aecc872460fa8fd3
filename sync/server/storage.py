"""Storage: the one class that runs SQL for the server. The same code serves SQLite and PostgreSQL, and
the contract suite in tests/server runs against both.

Op log: each review has its own cursor (`reviews.last_seq`). A push locks the review row, so batches for
one review are numbered and committed one after another: a reader that has seen seq N can never later
find a newly committed op below N (no gaps for pulls, even with concurrent pushes).
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from sync.protocol import Operation
from sync.protocol.package import package_to_ops
from sync.protocol.signing import sign_op

from .data_key import DataKeys, display_name_aad, op_aad, package_aad, team_key_aad
from .storage_attachments import AttachmentStorage
from .storage_keys import KeyStorage
from .storage_pull import NO_DEVICE, PAGE_MAX_BYTES, PullResult, PullStorage, cut_page  # noqa: F401  (re-exported)
from .storage_purge import PurgeStorage
from .storage_throttle import ThrottleStorage
from .tables import (
    devices,
    ops,
    partnerships,
    reviews,
    schools,
    team,
    users,
)


def now_ms() -> int:
    return int(time.time() * 1000)


def new_uuid() -> str:
    return str(uuid.uuid4())


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class PendingOp:
    op_id: str
    device_id: str
    author: str
    body: str  # canonical wire JSON
    may_insert: bool = True  # False: only a duplicate of a stored op is acceptable



@dataclass(frozen=True)
class AppendResult:
    status: str  # accepted | duplicate | missing
    seq: int | None = None
    stored_body: str | None = None  # for a duplicate: what the server holds


def _review_header(row: Any, package: str) -> dict[str, Any]:
    """What lists of reviews show: id, school, dates, focus (school and focus from the stored package)."""
    review = json.loads(package)["review"]
    return {
        "id": row["id"],
        "host_school": review.get("host_school", ""),
        "start_date": row["start_date"],
        "end_date": row["end_date"],
        "focus": review.get("focus", {}).get("title", ""),
    }


class Storage(AttachmentStorage, PullStorage, ThrottleStorage, KeyStorage, PurgeStorage):
    """`keys` seal what the tables hold in the clear otherwise (see data_key.py)."""

    def __init__(self, engine: Engine, keys: DataKeys):
        self.engine = engine
        self.keys = keys
        self._init_pull(engine)

    def _package(self, review_id: str, stored: str) -> str:
        return self.keys.open_text(stored, package_aad(review_id))

    def _user_row(self, row: Any) -> dict[str, Any]:
        data = dict(row)
        data["display_name"] = self.keys.open_text(data["display_name"], display_name_aad(data["id"]))
        return data

    @contextmanager
    def _tx(self, write: bool = False) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            if write:
                conn.execution_options(write=True)
            with conn.begin():
                yield conn

    # --- partnerships, schools, users --------------------------------------------------------------
    def create_partnership(self, name: str) -> str:
        pid = new_uuid()
        with self._tx(True) as c:
            c.execute(insert(partnerships).values(id=pid, name=name, created_ms=now_ms()))
        return pid

    def set_retention_months(self, partnership_id: str, months: int | None) -> None:
        with self._tx(True) as c:
            c.execute(update(partnerships).where(partnerships.c.id == partnership_id).values(retention_months=months))

    def retention_months_by_partnership(self) -> dict[str, int]:
        """The partnerships that set their own retention period (the others use the server's)."""
        with self._tx() as c:
            rows = c.execute(select(partnerships.c.id, partnerships.c.retention_months)
                             .where(partnerships.c.retention_months.is_not(None))).all()
        return {pid: int(months) for pid, months in rows}

    def partnership_by_name(self, name: str) -> str | None:
        with self._tx() as c:
            return c.execute(select(partnerships.c.id).where(partnerships.c.name == name)).scalar()

    def add_school(self, partnership_id: str, name: str) -> str:
        sid = new_uuid()
        with self._tx(True) as c:
            c.execute(insert(schools).values(id=sid, partnership_id=partnership_id, name=name))
        return sid

    def school(self, school_id: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = c.execute(select(schools).where(schools.c.id == school_id)).mappings().first()
        return dict(row) if row else None

    def school_by_name(self, partnership_id: str, name: str) -> str | None:
        with self._tx() as c:
            return c.execute(
                select(schools.c.id).where(schools.c.partnership_id == partnership_id, schools.c.name == name)
            ).scalar()

    def add_user(
        self,
        username: str,
        display_name: str,
        password_hash: str,
        *,
        partnership_id: str | None = None,
        school_id: str | None = None,
        partnership_lead: bool = False,
    ) -> str:
        uid = new_uuid()
        with self._tx(True) as c:
            c.execute(
                insert(users).values(
                    id=uid,
                    username=username,
                    display_name=self.keys.seal_text(display_name, display_name_aad(uid)),
                    password_hash=password_hash,
                    partnership_id=partnership_id,
                    school_id=school_id,
                    partnership_lead=partnership_lead,
                    created_ms=now_ms(),
                )
            )
        return uid

    def user_by_username(self, username: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = c.execute(select(users).where(users.c.username == username)).mappings().first()
        return self._user_row(row) if row else None

    def user(self, user_id: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = c.execute(select(users).where(users.c.id == user_id)).mappings().first()
        return self._user_row(row) if row else None

    # --- reviews and teams ---------------------------------------------------------------------------
    def create_review(
        self, partnership_id: str, host_school_id: str, package: dict[str, Any], team_key: str
    ) -> str:
        """Store a review with its package and the ops derived from it (cursor 1..n)."""
        review = package["review"]
        self.signing_key()  # made (if new) before the write transaction that signs the package ops
        with self._tx(True) as c:
            c.execute(
                insert(reviews).values(
                    id=review["id"],
                    partnership_id=partnership_id,
                    host_school_id=host_school_id,
                    start_date=review["start_date"],
                    end_date=review["end_date"],
                    package=self.keys.seal_text(canonical_json(package), package_aad(review["id"])),
                    team_key=self.keys.seal_text(team_key, team_key_aad(review["id"])),
                    last_seq=0,
                    created_ms=now_ms(),
                )
            )
            self._store_package_ops(c, review["id"], package)
        return review["id"]

    def set_team_member(self, review_id: str, user_id: str, role: str, package: dict[str, Any]) -> None:
        """Put a user on a review's team and store the updated package (and any new derived ops)."""
        self.signing_key()  # made (if new) before the write transaction that signs the package ops
        with self._tx(True) as c:
            self._lock_review(c, review_id)
            c.execute(delete(team).where(team.c.review_id == review_id, team.c.user_id == user_id))
            c.execute(insert(team).values(review_id=review_id, user_id=user_id, role=role))
            c.execute(
                update(reviews)
                .where(reviews.c.id == review_id)
                .values(package=self.keys.seal_text(canonical_json(package), package_aad(review_id)))
            )
            self._store_package_ops(c, review_id, package)

    def set_review_dates(self, review_id: str, start_date: str, end_date: str) -> None:
        """The dates the review lists show (the review's own dates travel as ops)."""
        with self._tx(True) as c:
            c.execute(
                update(reviews).where(reviews.c.id == review_id).values(start_date=start_date, end_date=end_date)
            )

    def _store_package_ops(self, c: Connection, review_id: str, package: dict[str, Any]) -> None:
        pending = [
            PendingOp(op.op_id, op.device_id, op.author, canonical_json(op.to_wire()))
            for op in self.signed_package_ops(package)
        ]
        self._append(c, review_id, pending)

    def signed_package_ops(self, package: dict[str, Any]) -> list[Operation]:
        """The ops derived from a package, signed by the server (the same bytes every time: Ed25519)."""
        private, _ = self.signing_key()
        return [sign_op(op, private) for op in package_to_ops(package)]

    def team(self, review_id: str) -> list[dict[str, Any]]:
        with self._tx() as c:
            rows = (
                c.execute(
                    select(
                        team.c.user_id, team.c.role, users.c.username, users.c.display_name, users.c.school_id
                    )
                    .join(users, users.c.id == team.c.user_id)
                    .where(team.c.review_id == review_id)
                )
                .mappings()
                .all()
            )
        return [
            {**r, "display_name": self.keys.open_text(r["display_name"], display_name_aad(r["user_id"]))}
            for r in rows
        ]

    def review(self, review_id: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = c.execute(select(reviews).where(reviews.c.id == review_id)).mappings().first()
        if not row:
            return None
        data = dict(row)
        data["package"] = json.loads(self._package(review_id, data["package"]))
        data["team_key"] = self.keys.open_text(data["team_key"], team_key_aad(review_id))
        return data

    def role_on(self, review_id: str, user_id: str) -> str | None:
        """The user's role on the review's team, or None (also when there is no such review)."""
        with self._tx() as c:
            return c.execute(
                select(team.c.role).where(team.c.review_id == review_id, team.c.user_id == user_id)
            ).scalar()

    def reviews_for_user(self, user_id: str) -> list[dict[str, Any]]:
        with self._tx() as c:
            rows = (
                c.execute(
                    select(
                        reviews.c.id, reviews.c.start_date, reviews.c.end_date, reviews.c.package, team.c.role
                    )
                    .join(team, team.c.review_id == reviews.c.id)
                    .where(team.c.user_id == user_id)
                    .order_by(reviews.c.start_date, reviews.c.id)
                )
                .mappings()
                .all()
            )
        return [{**_review_header(r, self._package(r["id"], r["package"])), "role": r["role"]} for r in rows]

    def review_summaries(self, partnership_id: str | None = None) -> list[dict[str, Any]]:
        counts = select(ops.c.review_id, func.count().label("op_count")).group_by(ops.c.review_id).subquery()
        query = (
            select(
                reviews.c.id,
                reviews.c.partnership_id,
                reviews.c.start_date,
                reviews.c.end_date,
                reviews.c.package,
                reviews.c.last_seq,
                reviews.c.last_activity_ms,
                func.coalesce(counts.c.op_count, 0).label("op_count"),
            )
            .outerjoin(counts, counts.c.review_id == reviews.c.id)
            .order_by(reviews.c.start_date, reviews.c.id)
        )
        if partnership_id:
            query = query.where(reviews.c.partnership_id == partnership_id)
        with self._tx() as c:
            rows = c.execute(query).mappings().all()
        return [
            {**_review_header(r, self._package(r["id"], r["package"])), "cursor": r["last_seq"], "op_count": r["op_count"],
             "last_activity_ms": r["last_activity_ms"], "partnership_id": r["partnership_id"]}
            for r in rows
        ]

    # --- devices and login throttling ----------------------------------------------------------------
    def create_device(self, user_id: str, name: str, token_hash: str, expires_ms: int) -> str:
        did = new_uuid()
        with self._tx(True) as c:
            c.execute(
                insert(devices).values(
                    id=did,
                    user_id=user_id,
                    name=name,
                    token_hash=token_hash,
                    created_ms=now_ms(),
                    expires_ms=expires_ms,
                )
            )
        return did

    def device_for_token(self, token_hash: str) -> dict[str, Any] | None:
        with self._tx() as c:
            row = (
                c.execute(
                    select(
                        devices.c.id,
                        devices.c.user_id,
                        devices.c.expires_ms,
                        devices.c.revoked_ms,
                        devices.c.last_seen_ms,
                    ).where(devices.c.token_hash == token_hash)
                )
                .mappings()
                .first()
            )
        return dict(row) if row else None

    def touch_device(self, device_id: str, at_ms: int) -> None:
        with self._tx(True) as c:
            c.execute(update(devices).where(devices.c.id == device_id).values(last_seen_ms=at_ms))

    def revoke_device(self, device_id: str) -> bool:
        with self._tx(True) as c:
            done = c.execute(
                update(devices)
                .where(devices.c.id == device_id, devices.c.revoked_ms.is_(None))
                .values(revoked_ms=now_ms())
            )
        return done.rowcount == 1

    def devices_of(self, user_id: str) -> list[dict[str, Any]]:
        with self._tx() as c:
            rows = (
                c.execute(
                    select(
                        devices.c.id,
                        devices.c.name,
                        devices.c.created_ms,
                        devices.c.expires_ms,
                        devices.c.revoked_ms,
                        devices.c.last_seen_ms,
                    )
                    .where(devices.c.user_id == user_id)
                    .order_by(devices.c.created_ms)
                )
                .mappings()
                .all()
            )
        return [dict(r) for r in rows]

    # --- the op log ------------------------------------------------------------------------------------
    def append_ops(self, review_id: str, pending: list[PendingOp]) -> tuple[list[AppendResult], int]:
        """Store new ops in receipt order in one transaction; returns a result per op and the cursor."""
        with self._tx(True) as c:
            return self._append(c, review_id, pending)

    def _lock_review(self, c: Connection, review_id: str) -> int:
        seq = c.execute(
            select(reviews.c.last_seq).where(reviews.c.id == review_id).with_for_update()
        ).scalar()
        if seq is None:
            raise KeyError(review_id)
        return int(seq)

    def _append(
        self, c: Connection, review_id: str, pending: list[PendingOp]
    ) -> tuple[list[AppendResult], int]:
        seq = self._lock_review(c, review_id)
        known: dict[str, str] = {}
        ids = list({p.op_id for p in pending})
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            query = select(ops.c.op_id, ops.c.body).where(ops.c.review_id == review_id, ops.c.op_id.in_(part))
            known.update(
                (op_id, self.keys.open_text(body, op_aad(review_id, op_id))) for op_id, body in c.execute(query)
            )
        results: list[AppendResult] = []
        rows: list[dict[str, Any]] = []
        at = now_ms()
        for p in pending:
            if p.op_id in known:
                results.append(AppendResult("duplicate", stored_body=known[p.op_id]))
            elif not p.may_insert:
                results.append(AppendResult("missing"))
            else:
                seq += 1
                known[p.op_id] = p.body
                rows.append(
                    {
                        "review_id": review_id,
                        "op_id": p.op_id,
                        "seq": seq,
                        "device_id": p.device_id,
                        "author": p.author,
                        "received_ms": at,
                        "body": self.keys.seal_text(p.body, op_aad(review_id, p.op_id)),
                    }
                )
                results.append(AppendResult("accepted", seq=seq))
        if rows:
            c.execute(insert(ops), rows)
            c.execute(
                update(reviews).where(reviews.c.id == review_id).values(last_seq=seq, last_activity_ms=at)
            )
        return results, seq

    def ops_after(self, review_id: str, after: int, limit: int) -> list[tuple[int, str]]:
        query = (
            select(ops.c.seq, ops.c.op_id, ops.c.body)
            .where(ops.c.review_id == review_id, ops.c.seq > after)
            .order_by(ops.c.seq)
            .limit(limit)
        )
        with self._tx() as c:
            rows = c.execute(query).all()
        return [(int(seq), self.keys.open_text(body, op_aad(review_id, op_id))) for seq, op_id, body in rows]

    def ops_page(
        self, review_id: str, after: int, limit: int, max_bytes: int = PAGE_MAX_BYTES
    ) -> tuple[list[tuple[int, str]], bool]:
        """A page of up to `limit` ops and `max_bytes` stored bytes (at least one op) after `after`, and
        whether more follow. Sizes are read first, only as far as the page goes: memory stays bounded."""
        sizes = (
            select(ops.c.seq, func.length(ops.c.body))
            .where(ops.c.review_id == review_id, ops.c.seq > after)
            .order_by(ops.c.seq)
            .limit(limit + 1)
        )
        with self._tx() as c:
            last, more = cut_page(c.execute(sizes), limit, max_bytes)
            if last is None:
                return [], False
            rows = c.execute(
                select(ops.c.seq, ops.c.op_id, ops.c.body)
                .where(ops.c.review_id == review_id, ops.c.seq > after, ops.c.seq <= last)
                .order_by(ops.c.seq)
            ).all()
        opened = [(int(seq), self.keys.open_text(body, op_aad(review_id, op_id))) for seq, op_id, body in rows]
        return opened, more

    def cursor(self, review_id: str) -> int | None:
        with self._tx() as c:
            return c.execute(select(reviews.c.last_seq).where(reviews.c.id == review_id)).scalar()

    def op_count(self, review_id: str) -> int:
        with self._tx() as c:
            count = c.execute(
                select(func.count()).select_from(ops).where(ops.c.review_id == review_id)
            ).scalar()
        return int(count or 0)
