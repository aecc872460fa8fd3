"""Sync in the window at the edges, against a REAL server: a change the server refuses (and why), a lock
in the middle of a sync, and the automatic sync on Home (every review)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtNetwork import QNetworkInformation  # noqa: E402
from test_sync_ui import FAST, checked_out, live, open_window, synced_words, world  # noqa: E402,F401

from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.domain.findings import FindingKind, FindingStatus  # noqa: E402
from spp_desktop.services import sync_service as service  # noqa: E402
from spp_desktop.ui import tasks  # noqa: E402
from spp_desktop.ui.sync.conflicts import ConflictsDialog  # noqa: E402
from tests.integration.world import sign_in_store  # noqa: E402

Reach = QNetworkInformation.Reachability


def test_a_refused_change_is_said_with_the_servers_reason(qtbot, world, tmp_path, open_window):  # noqa: F811
    review_id = world.new_review(members=2)
    lead = checked_out(world, tmp_path / "lead", 0, review_id)
    store = checked_out(world, tmp_path / "data", 1, review_id)  # Member 1's laptop (a reviewer)
    finding = lead.create_finding(review_id, lead.review(review_id).questions[0].id, FindingKind.STRENGTH, "Draft")
    service.sync_review(lead, review_id, **FAST)
    service.sync_review(store, review_id, **FAST)
    # While the reviewer is offline the lead agrees the finding; the reviewer's edit (of a draft, as far as
    # this laptop knew) reaches the server after that, and the rule table refuses it with its reason.
    lead.update_finding(review_id, finding.id, status=FindingStatus.AGREED)
    service.sync_review(lead, review_id, **FAST)
    store.update_finding(review_id, finding.id, text="Edited while the lead agreed it")
    window = open_window(store, review_id)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    status = window.sync.status
    assert status.problem_text() == ("The server refused a change: Only the lead reviewer may change or delete "
                                     "an agreed finding.")
    assert "The server refused a change" in status.problem.toolTip()
    assert not status.sign_in_again.isVisible()

    window.show_home()  # the refusal is kept: opening the review again says it again
    assert status.problem_text() == ""
    window.open_review(review_id)
    assert status.problem_text().startswith("The server refused a change: ")
    lead.close()


def test_locking_in_the_middle_of_a_sync(qtbot, world, tmp_path, open_window):  # noqa: F811
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, review_id)
    for i in range(60):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"Record {i}")
    window = open_window(store, review_id)
    window.sync.runner.engine = {"batch_size": 1}
    assert window.sync.sync_now()
    window.sync.open_conflicts()
    dialog = window.sync.dialogs["conflicts"]
    assert isinstance(dialog, ConflictsDialog)
    qtbot.waitUntil(lambda: window.sync.status.stage.text().startswith("Sending changes"), timeout=20_000)
    window.lock()
    assert window.is_locked and window.sync.task is None and window.sync.dialogs == {}
    assert not window.sync.status.syncing and window.sync.words.text() == ""
    assert not window.sync.act_sync.isEnabled() and not window.sync.act_sign_in.isEnabled()
    qtbot.waitUntil(lambda: tasks.running_tasks() == 0, timeout=30_000)  # the worker stopped at its next step
    qtbot.wait(50)
    assert window.is_locked and window.sync.status.problem_text() == ""  # its late result went nowhere


def test_automatic_sync_on_home_syncs_every_review(qtbot, world, tmp_path, open_window):  # noqa: F811
    first, second = world.new_review(members=2), world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, first)
    sign_in_store(store, world, world.members[0])
    service.check_out(store, second, **FAST)
    for review_id in (first, second):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Offline on Home")
    window = open_window(store)
    assert window.home is not None and window.sync.words.text().startswith("Signed in to the server as ")
    watch = window.sync.network
    watch._settle.setInterval(10)
    watch.on_reachability(Reach.Disconnected)
    watch.on_reachability(Reach.Online)
    qtbot.waitUntil(lambda: window.sync.task is not None, timeout=5_000)
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert sorted(r.review_id for r in window.sync.last_report) == sorted((first, second))
    assert store.unsynced_count(first) == store.unsynced_count(second) == 0
    texts = [label.text() for card in window.home.cards for label in card.findChildren(type(window.save_status))]
    assert sum("No changes waiting to sync" in t for t in texts) == 2
