"""Key rotation: seal every stored value under a new data key, then drop the old keys.

    spp-server key rotate --key-file PATH --database URL      (with the server stopped)

Order makes it safe to interrupt: the key file first gets the new key in front of the old ones (so both
open), then every row not yet under the new key is resealed, in small transactions, and only then is the
file rewritten with the new key alone. Run it again after an interruption: it adds another key and goes
on. Plain values from before encryption at rest are sealed on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, and_, not_, select, update

from .data_key import (
    TEXT_PREFIX,
    DataKeys,
    chunk_aad,
    display_name_aad,
    new_key,
    op_aad,
    package_aad,
    team_key_aad,
    write_key_file,
)
from .storage_keys import IDENTITY_AAD
from .tables import attachment_chunks, ops, reviews, server_identity, users

BATCH = 500


@dataclass
class RotateReport:
    key_id: str
    ops: int = 0
    reviews: int = 0
    users: int = 0
    chunks: int = 0
    signing_key: int = 0


def rotate(engine: Engine, key_file: Path) -> RotateReport:
    old = DataKeys.load(key_file)
    fresh = new_key()
    write_key_file(key_file, [fresh, *old.raw])
    keys = DataKeys([fresh, *old.raw])
    report = RotateReport(keys.current_id)
    current = f"{TEXT_PREFIX}{keys.current_id}:%"
    report.ops = _reseal_ops(engine, keys, current)
    report.reviews = _reseal_reviews(engine, keys, current)
    report.users = _reseal_users(engine, keys, current)
    report.chunks = _reseal_chunks(engine, keys)
    report.signing_key = _reseal_identity(engine, keys)  # else the server could sign nothing after a rotate
    write_key_file(key_file, [fresh])
    return report


def _reseal_ops(engine: Engine, keys: DataKeys, current: str) -> int:
    done = 0
    while True:
        with engine.connect() as c, c.begin():
            rows = c.execute(
                select(ops.c.review_id, ops.c.op_id, ops.c.body).where(not_(ops.c.body.like(current))).limit(BATCH)
            ).all()
            for review_id, op_id, body in rows:
                aad = op_aad(review_id, op_id)
                c.execute(
                    update(ops)
                    .where(and_(ops.c.review_id == review_id, ops.c.op_id == op_id))
                    .values(body=keys.seal_text(keys.open_text(body, aad), aad))
                )
        done += len(rows)
        if len(rows) < BATCH:
            return done


def _reseal_reviews(engine: Engine, keys: DataKeys, current: str) -> int:
    with engine.connect() as c, c.begin():
        rows = c.execute(select(reviews.c.id, reviews.c.package, reviews.c.team_key)).all()
        count = 0
        for review_id, package, team_key in rows:
            if keys.text_is_current(package) and keys.text_is_current(team_key):
                continue
            p_aad, t_aad = package_aad(review_id), team_key_aad(review_id)
            c.execute(
                update(reviews)
                .where(reviews.c.id == review_id)
                .values(
                    package=keys.seal_text(keys.open_text(package, p_aad), p_aad),
                    team_key=keys.seal_text(keys.open_text(team_key, t_aad), t_aad),
                )
            )
            count += 1
    return count


def _reseal_users(engine: Engine, keys: DataKeys, current: str) -> int:
    with engine.connect() as c, c.begin():
        rows = c.execute(
            select(users.c.id, users.c.display_name).where(not_(users.c.display_name.like(current)))
        ).all()
        for user_id, name in rows:
            aad = display_name_aad(user_id)
            c.execute(
                update(users).where(users.c.id == user_id).values(
                    display_name=keys.seal_text(keys.open_text(name, aad), aad)
                )
            )
    return len(rows)


def _reseal_identity(engine: Engine, keys: DataKeys) -> int:
    """The server's own signing key (storage_keys.py), sealed like everything else secret."""
    with engine.connect() as c, c.begin():
        sealed = c.execute(select(server_identity.c.private_key).where(server_identity.c.id == 1)).scalar()
        if sealed is None or keys.text_is_current(sealed):
            return 0
        c.execute(update(server_identity).where(server_identity.c.id == 1).values(
            private_key=keys.seal_text(keys.open_text(sealed, IDENTITY_AAD), IDENTITY_AAD)))
    return 1


def _reseal_chunks(engine: Engine, keys: DataKeys) -> int:
    chunks = attachment_chunks.c
    with engine.connect() as c:
        places = c.execute(select(chunks.review_id, chunks.sha256, chunks.offset)).all()
    count = 0
    for review_id, sha256, offset in places:  # one chunk a transaction: chunks may be megabytes each
        where = and_(chunks.review_id == review_id, chunks.sha256 == sha256, chunks.offset == offset)
        with engine.connect() as c, c.begin():
            data = bytes(c.execute(select(chunks.data).where(where)).scalar_one())
            if keys.bytes_is_current(data):
                continue
            aad = chunk_aad(review_id, sha256, int(offset))
            c.execute(update(attachment_chunks).where(where).values(data=keys.seal_bytes(keys.open_bytes(data, aad), aad)))
            count += 1
    return count
