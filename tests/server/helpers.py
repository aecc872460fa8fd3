"""Shared test helpers: databases for the contract suite, a small world of partnerships, users and reviews,
and wire operations."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import create_engine

from sync.protocol import HLC, Operation, OpKind, uuid7
from sync.server import admin
from sync.server.storage import Storage
from tests.signing_helpers import signed

PASSWORD = "correct horse battery"
_KEYS: list[str] = []


def shared_key_file() -> str:
    """One data key file for the in-process test servers and storages of this test run."""
    if not _KEYS:
        import tempfile
        from pathlib import Path

        from sync.server.data_key import create_key_file

        path = Path(tempfile.mkdtemp(prefix="spp-test-key-")) / "server.key"
        create_key_file(path)
        _KEYS.append(str(path))
    return _KEYS[0]


def shared_keys():  # type: ignore[no-untyped-def]
    from sync.server.data_key import DataKeys

    return DataKeys.load(shared_key_file())
POSTGRES_ENV = "SPP_TEST_POSTGRES_URL"


def postgres_base_url() -> str:
    """The PostgreSQL URL for tests; skips when none is set, but fails in CI (CI must run them)."""
    url = os.environ.get(POSTGRES_ENV)
    if url:
        return url
    if os.environ.get("CI"):
        pytest.fail(f'{POSTGRES_ENV} is not set in CI: run `eval "$(bash .ci/postgres.sh)"` first')
    pytest.skip(f"PostgreSQL not available: set {POSTGRES_ENV}")


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh schema of their own, dropped afterwards (repeatable runs)."""
    base = postgres_base_url()
    schema = "t_" + uuid.uuid4().hex[:16]
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


@dataclass
class World:
    """Two partnerships. North: review R with lead and reviewer; outsider in North but not on R.
    South: review S led by south_lead (a partnership lead too)."""

    storage: Storage
    review_id: str
    other_review_id: str
    users: dict[str, str] = field(default_factory=dict)  # name -> user id


def build_world(storage: Storage) -> World:
    admin.create_partnership(storage, "North Partnership")
    admin.add_school(storage, "North Partnership", "Ash Primary")
    admin.add_school(storage, "North Partnership", "Birch Primary")
    admin.create_partnership(storage, "South Partnership")
    admin.add_school(storage, "South Partnership", "Cedar Primary")
    users = {
        "lead": admin.add_user(
            storage,
            "lead",
            "Lead Reviewer",
            PASSWORD,
            partnership="North Partnership",
            school="Birch Primary",
        ),
        "reviewer": admin.add_user(
            storage, "reviewer", "Reviewer", PASSWORD, partnership="North Partnership"
        ),
        "outsider": admin.add_user(
            storage, "outsider", "Outsider", PASSWORD, partnership="North Partnership"
        ),
        "champion": admin.add_user(
            storage, "champion", "Improvement Champion", PASSWORD, partnership="North Partnership"
        ),
        "south_lead": admin.add_user(
            storage,
            "south_lead",
            "South Lead",
            PASSWORD,
            partnership="South Partnership",
            partnership_lead=True,
        ),
    }
    review = admin.create_review(
        storage,
        "North Partnership",
        "Ash Primary",
        "2026-03-10",
        "2026-03-11",
        "Reading in Key Stage 2",
        ["How is fluency built?", "Who reads for pleasure?"],
    )
    admin.assign(storage, review, "lead", "lead_reviewer")
    admin.assign(storage, review, "reviewer", "reviewer")
    admin.assign(storage, review, "champion", "improvement_champion")
    other = admin.create_review(
        storage,
        "South Partnership",
        "Cedar Primary",
        "2026-04-01",
        "2026-04-01",
        "Meeting the needs of pupils with SEND",
        ["How are needs identified?"],
    )
    admin.assign(storage, other, "south_lead", "lead_reviewer")
    return World(storage, review, other, users)


def make_op(
    review_id: str,
    author: str,
    *,
    entity: str = "evidence",
    entity_id: str | None = None,
    fields: dict[str, Any] | None = None,
    kind: str = "set",
    parents: dict[str, list[str]] | None = None,
    device: str = "device-a",
    seq: int = 1,
    wall_ms: int = 1_770_000_000_000,
    counter: int = 0,
) -> dict[str, Any]:
    if fields is None and kind != "delete":
        fields = {"kind": "observation", "notes": "Pupils read aloud in pairs."}
    op = Operation(
        op_id=uuid7(),
        review_id=review_id,
        device_id=device,
        seq=seq,
        author=author,
        hlc=HLC(wall_ms, counter, device),
        entity=entity,
        entity_id=entity_id or uuid7(),
        kind=OpKind(kind),
        fields=fields or {},
        parents={k: tuple(v) for k, v in (parents or {}).items()},
    )
    return signed(op).to_wire()


def make_ops(
    review_id: str, author: str, count: int, *, device: str = "device-a", start_seq: int = 1
) -> list[dict[str, Any]]:
    return [
        make_op(
            review_id,
            author,
            device=device,
            seq=start_seq + i,
            counter=start_seq + i,
            fields={"kind": "observation", "notes": f"Note {start_seq + i}"},
        )
        for i in range(count)
    ]
