"""A review team on a real server for the sync tests: users, fresh reviews, laptops (real stores).

One live server per test session (tests/server/live.py); reviews are made per test or per example
through the server's admin functions on its database, so each example starts from a clean review.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from sync.client import RetryPolicy, ServerSession, login
from sync.client.engine import SyncEngine, SyncReport
from sync.client.errors import MalformedReply, ServerUnreachable
from sync.server import admin
from sync.server.data_key import DataKeys
from sync.server.db import make_engine
from sync.server.storage import Storage
from tests.helpers import PASSPHRASE
from tests.server.live import LiveServer

PASSWORD = "team password 123"
MEMBERS = 4
FAST_RETRY = RetryPolicy(retries=3, backoff=0.01, backoff_max=0.05, jitter=0.01, body_attempts=3)


@dataclass
class Member:
    username: str
    user_id: str
    token: str
    lead: bool


@dataclass
class World:
    server: LiveServer
    storage: Storage
    partnership: str
    school: str
    members: list[Member] = field(default_factory=list)
    _n: itertools.count = field(default_factory=itertools.count)

    def new_review(self, members: int = MEMBERS) -> str:
        """A fresh review with the first `members` users on its team (the first is the lead)."""
        review_id = admin.create_review(self.storage, self.partnership, self.school, "2026-03-10", "2026-03-11",
                                        f"Focus {next(self._n)}", ["How is reading taught?", "Who reads?"])
        for m in self.members[:members]:
            admin.assign(self.storage, review_id, m.username, "lead_reviewer" if m.lead else "reviewer")
        return review_id

    def session(self, member: Member, url: str | None = None, **options: Any) -> ServerSession:
        options.setdefault("retry", FAST_RETRY)
        options.setdefault("timeout", (2, 10))
        return ServerSession(url or self.server.url, token=member.token, user_id=member.user_id, **options)


def build_world(server: LiveServer) -> World:
    engine = make_engine(server.database_url)
    storage = Storage(engine, DataKeys.load(server.key_file))
    tag = uuid.uuid4().hex[:8]
    partnership, school = f"Sync test partnership {tag}", "Ash Primary"
    admin.create_partnership(storage, partnership)
    admin.add_school(storage, partnership, school)
    admin.add_school(storage, partnership, "Birch Primary")  # the team's school: never the host's
    world = World(server, storage, partnership, school)
    for i in range(MEMBERS):
        username = f"member{i}-{tag}"
        user_id = admin.add_user(storage, username, f"Member {i}", PASSWORD, partnership=partnership,
                                 school="Birch Primary")
        with ServerSession(server.url, retry=FAST_RETRY) as session:
            account = login(session, username, PASSWORD, f"Laptop {i}")
        world.members.append(Member(username, user_id, account.token, lead=i == 0))
    return world


def new_laptop(path: Path) -> ReviewStore:
    return ReviewStore.create(path, PASSPHRASE, kdf_params=FAST_TEST_KDF)


def sign_in_store(store: ReviewStore, world: World, member: Member, url: str | None = None) -> None:
    store.replica.save_server_account(url=url or world.server.url, username=member.username, user_id=member.user_id,
                              token=member.token, device_id="", expires_at="")


def sync_until_done(session: ServerSession, store: ReviewStore, review_id: str, *, attempts: int = 30,
                    **engine: Any) -> tuple[SyncReport, int]:
    """Run sync passes until one completes (the network may fail any of them). (report, failed passes)."""
    failures = 0
    for _ in range(attempts):
        try:
            return SyncEngine(session, store.replica, review_id, **engine).run(), failures
        except ServerUnreachable:
            failures += 1
        except MalformedReply as exc:
            raise AssertionError(f"malformed reply: {exc.detail}") from exc
    raise AssertionError(f"no sync pass completed in {attempts} attempts")


def server_ops(world: World, member: Member, review_id: str) -> list[dict[str, Any]]:
    """Every op the server holds for the review, pulled straight from it (no proxy)."""
    ops: list[dict[str, Any]] = []
    with world.session(member) as session:
        after = 0
        while True:
            page = session.pull(review_id, after, 1000)
            ops.extend(page["ops"])
            after = page["next_cursor"]
            if not page["more"]:
                return ops
