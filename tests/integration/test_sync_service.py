"""The sync service the CLI and the UI call: sign in, status words, errors in one sentence, a sync on a
worker thread while the reviewer keeps typing on the UI thread."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.services import sync_service as service
from sync.client import MalformedReply, NotOnTeam, ServerRefused, ServerUnreachable, SignInExpired, SyncEngine
from sync.protocol.bundle import BundleTampered
from sync.protocol.ops import Operation
from tests.helpers import small_package
from tests.server.live import free_port

from .world import FAST_RETRY, PASSWORD, World, new_laptop, server_ops

FAST = {"retry": FAST_RETRY}


def _signed_in(world: World, tmp_path: Path, index: int = 0, members: int = 2) -> tuple[Any, str]:
    review_id = world.new_review(members=members)
    store = new_laptop(tmp_path / f"laptop{index}")
    member = world.members[index]
    account = service.sign_in(store, world.server.url, f"  {member.username} ", PASSWORD, device_name="Test", **FAST)
    assert account.user_id == member.user_id and service.is_signed_in(store)
    saved = store.server_account()
    assert saved["token"] == account.token and saved["url"] == world.server.url
    assert review_id in {r.id for r in service.assigned_reviews(store, **FAST)}
    return store, review_id


def test_status_words(world: World, tmp_path: Path) -> None:
    store, review_id = _signed_in(world, tmp_path)
    assert service.server_reachable(store)
    report = service.check_out(store, review_id, **FAST)
    assert report.in_step and store.me(review_id) == world.members[0].user_id
    assert service.sync_status_text(store, review_id) == f"Everything synced at {datetime.now():%H:%M}"
    synced = store.last_synced(review_id)
    assert service.sync_status_text(store, review_id, now=synced + timedelta(days=1)).startswith(
        "Everything synced yesterday at ")
    assert service.sync_status_text(store, review_id, now=synced + timedelta(days=10)) == \
        f"Everything synced on {synced.astimezone().day} {synced.astimezone():%b} at {synced.astimezone():%H:%M}"
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="one")
    assert service.sync_status_text(store, review_id) == "1 change not yet synced"
    for i in range(11):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"more {i}")
    assert service.sync_status_text(store, review_id) == "12 changes not yet synced"
    report = service.sync_review(store, review_id, **FAST)
    assert service.report_lines(report) == ["Received 0 changes from the server and sent 12 changes.",
                                            "This laptop and the server now hold the same review."]
    assert service.sync_status_text(store, review_id).startswith("Everything synced at ")
    offline = store.import_package(small_package())
    assert service.sync_status_text(store, offline) == "Never synced"
    store.close()


def test_errors_are_one_sentence(world: World, tmp_path: Path) -> None:
    store = new_laptop(tmp_path / "laptop")
    assert not service.server_reachable(store)
    store.replica.save_server_account(url=f"http://127.0.0.1:{free_port()}", username="jo", user_id="u", token="t")
    assert not service.server_reachable(store, timeout=0.5)
    store.replica.forget_server_account()
    with pytest.raises(service.NotSignedIn) as caught:
        service.sync_all(store)
    assert service.error_text(caught.value) == "This laptop is not signed in to a server yet. Sign in first."
    with pytest.raises(service.BadServerAddress) as caught:
        service.sign_in(store, "http://sync.example.org", "jo", "pw")
    assert "https://" in service.error_text(caught.value)
    for error in (ServerUnreachable(), SignInExpired(), NotOnTeam(), MalformedReply("x"), BundleTampered(),
                  ServerRefused("not_found", "There is no such review"), FileNotFoundError(2, "No file", "x.bundle")):
        text = service.error_text(error)
        assert text.endswith(".") and "\n" not in text and "Traceback" not in text
    store.close()


def test_bundle_files(world: World, tmp_path: Path) -> None:
    store, review_id = _signed_in(world, tmp_path)
    service.check_out(store, review_id, **FAST)
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="for the team")
    result = service.export_bundle_file(store, review_id, tmp_path / "team.bundle")
    assert result.ops > 1 and not (tmp_path / "team.bundle.part").exists()
    imported = service.import_bundle_file(store, tmp_path / "team.bundle", review_id)
    assert imported.added == 0 and imported.duplicates == result.ops
    store.close()


def test_sync_on_a_worker_while_typing_on_the_ui_thread(world: World, tmp_path: Path) -> None:
    """Autosave keeps squashing edits into unsent ops while a worker thread syncs: only frozen ops may
    leave the laptop, so the server never holds a version of an op that the laptop then changes."""
    store, review_id = _signed_in(world, tmp_path)
    service.check_out(store, review_id, **FAST)
    evidence = [store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="") for _ in range(5)]
    done, errors, stages = threading.Event(), [], set()

    def worker() -> None:
        try:
            while not done.is_set():
                service.in_worker(store.worker_opener(), service.sync_review, review_id, engine={"batch_size": 3},
                                  progress=lambda stage, *_: stages.add(stage), **FAST)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        for i in range(400):  # typing: every keystroke pause saves
            store.update_evidence(review_id, evidence[i % 5].id, notes="x" * (i // 5 + 1))
    finally:
        done.set()
        thread.join(60)
    assert not errors, errors
    report = service.sync_review(store, review_id, **FAST)
    assert report.in_step and not report.rejected, report
    assert {"pull", "push", "check"} <= stages
    on_server = {op["op_id"]: op for op in server_ops(world, world.members[0], review_id)}
    for op in store.replica.all_ops(review_id):  # every op the laptop holds is on the server as it is here
        assert Operation.from_wire(on_server[op.op_id]).to_wire() == op.to_wire()
    store.close()


class StaleOutbox:
    """A store whose outbox answers with the body an op had before a last squash (the race of a read
    and a freeze on two threads), once."""

    def __init__(self, store: Any):
        self._store = store
        self.stale = True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def outbox(self, review_id: str, limit: int = 500) -> list[Operation]:
        ops = self._store.outbox(review_id, limit)
        if self.stale and ops:
            self.stale = False
            old = ops[0]
            ops[0] = Operation(old.op_id, old.review_id, old.device_id, old.seq, old.author, old.hlc, old.entity,
                               old.entity_id, old.kind, {**old.fields, "notes": "an older draft"}, old.parents)
        return ops


def test_only_the_frozen_version_of_an_op_is_sent(world: World, tmp_path: Path) -> None:
    store, review_id = _signed_in(world, tmp_path)
    service.check_out(store, review_id, **FAST)
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="the final text")
    with service.session_for(store, **FAST) as session:
        report = SyncEngine(session, StaleOutbox(store.replica), review_id).run()
    assert report.in_step
    assert [op["fields"]["notes"] for op in server_ops(world, world.members[0], review_id)
            if op["entity"] == "evidence"] == ["the final text"]
    store.close()
