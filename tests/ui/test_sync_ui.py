"""Sync in the window, against a REAL server on 127.0.0.1 (tests/server/live.py) and real stores:
sign in (wrong password, then right), check out, Sync now with progress and the status words, the UI
responsive while a sync runs (a timer keeps firing, typing is saved), errors in one sentence with
"Sign in again…", automatic sync when the network comes back, and team bundles."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from datetime import datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtNetwork import QNetworkInformation  # noqa: E402

from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.services import sync_service as service  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.autolock import IdleLock  # noqa: E402
from tests.helpers import PASSPHRASE  # noqa: E402
from tests.integration.world import FAST_RETRY, PASSWORD, World, build_world, sign_in_store  # noqa: E402
from tests.server.live import LiveServer, free_port, start_live_server  # noqa: E402

FAST = {"retry": FAST_RETRY, "timeout": (2, 10)}
Reach = QNetworkInformation.Reachability


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with start_live_server(tmp_path_factory.mktemp("sync-ui-server")) as server:
        yield server


@pytest.fixture(scope="module")
def world(live: LiveServer) -> World:
    return build_world(live)


def synced_words(text: str) -> bool:
    now = datetime.now()
    return text in {f"Everything synced at {t:%H:%M}" for t in (now, now - timedelta(minutes=1))}


def laptop(folder: Path) -> ReviewStore:
    return ReviewStore.create(folder, PASSPHRASE, kdf_params=FAST_TEST_KDF)


@pytest.fixture
def open_window(qtbot, tmp_path: Path, idle_clock, wall_clock):
    """open_window(store, review_id=None): the main window unlocked on `store` (Home, or the review)."""
    from spp_desktop.app import application, build_main_window

    windows = []

    def make(store: ReviewStore, review_id: str | None = None):
        application()
        window = build_main_window(store.files.data_dir,
                                   settings_file=tmp_path / "config" / "settings.json", kdf_params=FAST_TEST_KDF,
                                   idle_lock=IdleLock(clock=idle_clock, wall=wall_clock), open_on_unlock=review_id)
        window.sync.session_options = dict(FAST)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        window.on_unlocked(store)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def checked_out(world: World, folder: Path, member: int, review_id: str) -> ReviewStore:
    store = laptop(folder)
    sign_in_store(store, world, world.members[member])
    service.check_out(store, review_id, **FAST)
    return store


# --- sign in and check out ----------------------------------------------------------------------------
def test_sign_in_wrong_then_right_and_check_out(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    member = world.members[1]
    store = laptop(tmp_path / "data")
    window = open_window(store)
    assert window.home is not None
    button = window.home.findChild(type(window.home.import_button), "homeServerButton")
    assert button.text() == "Sign in to server…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialogs["sign_in"]
    qtbot.keyClicks(dialog.url, world.server.url)
    qtbot.keyClicks(dialog.username, member.username)
    qtbot.keyClicks(dialog.password, "not the password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisibleTo(dialog) and not dialog.url.isEnabled()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20_000)
    assert dialog.error.text() == "The username or password is not right."
    assert dialog.password.text() == "" and dialog.isVisible() and not service.is_signed_in(store)

    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "reviews" in window.sync.dialogs, timeout=20_000)
    assert "sign_in" not in window.sync.dialogs and service.is_signed_in(store)
    token = store.server_account()["token"]
    for path in (tmp_path / "data").rglob("*"):  # the token and password only inside the encrypted store
        if path.is_file():
            data = path.read_bytes()
            assert token.encode() not in data and PASSWORD.encode() not in data, path
    assert window.sync.words.text() == f"Signed in to the server as {member.username}"

    reviews = window.sync.dialogs["reviews"]
    qtbot.waitUntil(lambda: reviews.row(review_id) is not None, timeout=20_000)
    row = reviews.row(review_id)
    assert not row.check_out_button.isHidden() and row.open_button.isHidden()  # the row offers Check out
    stages: list[str] = []
    qtbot.mouseClick(row.check_out_button, Qt.MouseButton.LeftButton)
    assert reviews.bar.isVisible() and reviews.cancel_button.isEnabled()
    reviews.relay.progressed.connect(lambda stage, *_: stages.append(stage))
    qtbot.waitUntil(lambda: row.on_laptop, timeout=30_000)
    assert {"pull", "check"} <= set(stages)
    assert not row.open_button.isHidden() and reviews.bar.isHidden()
    assert [card.review_id for card in window.home.cards] == [review_id]  # the review is on Home now
    qtbot.mouseClick(row.open_button, Qt.MouseButton.LeftButton)
    assert window.current_review_id == review_id and not reviews.isVisible()
    assert synced_words(window.sync.words.text())
    assert store.me(review_id) == member.user_id


# --- sync now ---------------------------------------------------------------------------------------
def test_sync_now_progress_status_words_and_typing_during_sync(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, review_id)
    for i in range(59):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"Before the sync {i}")
    window = open_window(store, review_id)
    page = window.workspace.evidence_page
    page.new_evidence(EvidenceKind.OBSERVATION)
    qtbot.keyClicks(page.form.editors["seen"], "P")  # the first input creates the record
    assert page.flush()
    window.workspace.report_unsynced()
    assert window.sync.words.text() == "60 changes not yet synced"
    assert window.sync.act_sync.isVisible() and window.sync.act_sync.shortcut().toString() == "Ctrl+Shift+S"

    window.sync.runner.engine = {"batch_size": 1}  # a slow sync: one op per request
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    progress: list[tuple[str, int, int]] = []
    stage_texts: set[str] = set()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.sync.task is not None and window.sync.status.syncing
    status = window.sync.status
    window.sync.runner.relay.progressed.connect(lambda *p: (progress.append(p), stage_texts.add(status.stage.text())))
    form = page.form
    typed = "Typed while the sync ran."
    during: list[bool] = []
    for char in typed:  # typing while the worker syncs: every key is handled, autosave keeps working
        during.append(window.sync.task is not None)
        qtbot.keyClicks(form.editors["notes"], char)
        qtbot.wait(5)
    assert during[0] and during.count(True) >= 3
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=60_000)
    timer.stop()
    assert not window.sync.status.syncing and window.sync.status.problem_text() == ""
    pushes = [p for p in progress if p[0] == "push"]
    assert pushes and pushes[-1][1] == pushes[-1][2] >= 60
    assert "Sending changes: 60 of 60" in stage_texts and "Receiving changes from the server…" in stage_texts
    # the event loop ran on while the worker synced (a sync on the UI thread would leave no ticks in
    # between); how long its longest gap is belongs to the benchmarks, not to a test on a loaded machine
    assert len(ticks) > 10
    assert page.flush()
    assert store.get_evidence(review_id, form.evidence_id).notes == typed

    window.sync.runner.engine = {}
    window.sync.act_sync.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert synced_words(window.sync.words.text())
    assert window.sync.last_report[0].in_step


def test_cancel_keeps_what_was_done(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, review_id)
    for i in range(40):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"Record {i}")
    window = open_window(store, review_id)
    window.sync.runner.engine = {"batch_size": 1}
    window.sync.sync_now()
    qtbot.waitUntil(lambda: store.unsynced_count(review_id) < 38, timeout=30_000)
    qtbot.mouseClick(window.sync.status.cancel, Qt.MouseButton.LeftButton)
    assert window.sync.status.stage.text() == "Stopping after this step…"
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert window.sync.last_report[0].cancelled
    assert window.sync.status.problem_text().startswith("Sync stopped before the end")
    left = store.unsynced_count(review_id)
    assert 0 < left < 40 and window.sync.words.text() == f"{left} changes not yet synced"


# --- errors -----------------------------------------------------------------------------------------
def test_errors_in_one_sentence_and_sign_in_again(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 1, review_id)
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Waiting to go")
    account = store.server_account()
    store.replica.save_server_account(url=account["url"], username=account["username"], user_id=account["user_id"],
                              token="an-old-token-the-server-no-longer-knows")
    window = open_window(store, review_id)
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    problem = window.sync.status
    assert problem.problem_text() == "Your sign-in to the server has expired. Sign in again; your work is safe on " \
                                     "this laptop."
    assert problem.sign_in_again.isVisible()
    qtbot.mouseClick(problem.sign_in_again, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialogs["sign_in"]
    assert dialog.url.text() == world.server.url and dialog.username.text() == world.members[1].username
    qtbot.waitUntil(dialog.password.hasFocus, timeout=2_000)
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.sync.task is not None or synced_words(window.sync.words.text()),
                    timeout=20_000)  # signed in again, then the sync it interrupted runs
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert synced_words(window.sync.words.text()) and not problem.sign_in_again.isVisible()

    # The server gone: one sentence, nothing lost.
    account = store.server_account()
    store.replica.save_server_account(url=f"http://127.0.0.1:{free_port()}", username=account["username"],
                              user_id=account["user_id"], token=account["token"])
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Offline")
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert problem.problem_text() == ("The server could not be reached. Check the connection and try again; your "
                                      "work is safe on this laptop.")
    assert not problem.sign_in_again.isVisible()
    assert window.sync.words.text() == "1 change not yet synced"


# --- automatic sync -----------------------------------------------------------------------------------
def test_automatic_sync_when_the_network_comes_back(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, review_id)
    window = open_window(store, review_id)
    watch = window.sync.network
    assert watch.is_running
    watch._settle.setInterval(20)
    for i in range(3):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"Offline {i}")
    window.sync.refresh_status()
    assert window.sync.words.text() == "3 changes not yet synced"
    watch.on_reachability(Reach.Online)  # no change: nothing happens
    qtbot.wait(60)
    assert window.sync.task is None
    watch.on_reachability(Reach.Disconnected)
    watch.on_reachability(Reach.Online)
    qtbot.waitUntil(lambda: window.sync.task is not None or synced_words(window.sync.words.text()),
                    timeout=5_000)
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert synced_words(window.sync.words.text())

    # Without a network backend: a gentle probe, only when there is something to send; it looks for the
    # server once (no retries) and syncs if it answers, and says nothing if it does not.
    runner = window.sync.runner
    assert window.sync.probe() is False
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="One more")
    account = store.server_account()
    store.replica.save_server_account(url=f"http://127.0.0.1:{free_port()}", username=account["username"],
                              user_id=account["user_id"], token=account["token"])
    assert window.sync.probe() is True
    qtbot.waitUntil(lambda: runner.probing is None, timeout=10_000)
    assert window.sync.task is None and window.sync.status.problem_text() == ""
    store.replica.save_server_account(url=account["url"], username=account["username"], user_id=account["user_id"],
                              token=account["token"])
    assert window.sync.probe() is True
    qtbot.waitUntil(lambda: runner.probing is None and window.sync.task is None
                    and store.unsynced_count(review_id) == 0, timeout=30_000)
    assert synced_words(window.sync.words.text())

    window.lock()  # locked: the watch stops, nothing syncs
    assert not watch.is_running and window.sync.auto_sync() is False


# --- team bundles -----------------------------------------------------------------------------------
def test_export_and_import_team_bundles(qtbot, world, tmp_path, open_window):
    review_id = world.new_review(members=2)
    lead = checked_out(world, tmp_path / "data", 0, review_id)
    other = checked_out(world, tmp_path / "other", 1, review_id)
    record = other.create_evidence(review_id, EvidenceKind.INTERVIEW, notes="Pupils talked about their books")
    other_bundle = tmp_path / "from-member-1.sppteam"
    service.export_bundle_file(other, review_id, other_bundle)
    window = open_window(lead, review_id)
    lead.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Mine")

    mine = tmp_path / "team-bundle.sppteam"
    window.sync.bundles.export_to(window.store, review_id, mine)
    qtbot.waitUntil(lambda: window.sync.bundles.message_box is not None, timeout=20_000)
    text = window.sync.bundles.message_box.text()
    assert text.startswith("Saved ") and " changes and 0 photos to team-bundle.sppteam." in text
    assert "encrypted for the review team" in text and mine.exists()
    window.sync.bundles.message_box.accept()

    window.sync.bundles.import_from(window.store, other_bundle, review_id)
    qtbot.waitUntil(lambda: window.sync.bundles.message_box is not None, timeout=20_000)
    assert window.sync.bundles.message_box.text().startswith("Added 1 change and 0 photos from the team member's bundle.")
    assert lead.get_evidence(review_id, record.id).notes == "Pupils talked about their books"
    window.sync.bundles.message_box.accept()

    damaged = tmp_path / "damaged.sppteam"
    data = bytearray(other_bundle.read_bytes())
    data[-40] ^= 0x01
    damaged.write_bytes(bytes(data))
    before = lead.replica.state_hash(review_id)
    window.sync.bundles.import_from(window.store, damaged, review_id)
    qtbot.waitUntil(lambda: window.sync.bundles.message_box is not None, timeout=20_000)
    box = window.sync.bundles.message_box
    assert box.text() == ("This bundle file is damaged, has been altered, or was made for another team, so "
                          "nothing was imported.")
    assert box.icon() == box.Icon.Warning and lead.replica.state_hash(review_id) == before
    other.close()
