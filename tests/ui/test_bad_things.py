"""Bad things that must end well: an unwritable data folder, a second copy on the same folder, and a
store made by a newer version. Real folders, real processes and a real encrypted store throughout."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from spp_desktop import cli
from spp_desktop.datadir import LOCK_NAME, AlreadyOpen, DataDirUnwritable, InstanceLock, check_writable
from spp_desktop.demo import DEMO_PASSPHRASE as TEST_PASSPHRASE
from spp_desktop.store.errors import NewerFormat
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui import startup
from spp_desktop.ui.lock_screen import LockScreen

ROOT = Path(__file__).resolve().parents[2]


# --- an unwritable data folder ----------------------------------------------------------------------
def _unwritable_folders(tmp_path: Path) -> list[Path]:
    """Folders that really cannot be created here. A file where a parent folder should be stops even
    root; so does a read-only file system (/sys on Linux). chmod 0500 only counts when not root."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    folders = [blocker / "SPP Desktop"]
    if sys.platform.startswith("linux") and Path("/sys").is_dir() and _mkdir_fails(Path("/sys/spp-probe")):
        folders.append(Path("/sys/spp-desktop-test/data"))
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = tmp_path / "read-only"
        locked.mkdir()
        locked.chmod(0o500)
        folders.append(locked / "data")
    return folders


def _mkdir_fails(path: Path) -> bool:
    try:
        path.mkdir()
    except OSError:
        return True
    path.rmdir()
    return False


def test_an_unwritable_folder_is_named_in_one_sentence(tmp_path):
    for folder in _unwritable_folders(tmp_path):
        with pytest.raises(DataDirUnwritable) as caught:
            check_writable(folder)
        assert str(folder) in caught.value.message
        assert "Nothing was changed" in caught.value.message
        assert not folder.exists()


def test_the_cli_says_which_folder_it_cannot_write(tmp_path, capsys):
    for folder in _unwritable_folders(tmp_path):
        assert cli.main(["--data-dir", str(folder), "list"]) == cli.EXIT_ERROR
        err = capsys.readouterr().err
        assert str(folder) in err and "Traceback" not in err


def test_the_gui_names_the_folder_and_offers_another(qtbot, tmp_path):
    bad = _unwritable_folders(tmp_path)[0]
    good = tmp_path / "chosen"
    asked: list[str] = []
    claimed = startup.claim_data_dir(bad, ask=lambda message: asked.append(message) or True,
                                     choose=lambda _start: good, say=pytest.fail)
    assert claimed is not None
    folder, lock = claimed
    try:
        assert folder == good and lock.held and (good / LOCK_NAME).exists()
        assert len(asked) == 1 and str(bad) in asked[0] and "Choose another folder" in asked[0]
    finally:
        lock.release()


def test_giving_up_on_an_unwritable_folder_opens_nothing(qtbot, tmp_path):
    bad = _unwritable_folders(tmp_path)[0]
    assert startup.claim_data_dir(bad, ask=lambda _m: False, choose=pytest.fail, say=pytest.fail) is None


def test_a_store_that_cannot_be_created_says_so_on_the_lock_screen(qtbot, tmp_path):
    screen = LockScreen(_unwritable_folders(tmp_path)[0], kdf_params=FAST_TEST_KDF)
    qtbot.addWidget(screen)
    screen.passphrase.setText(TEST_PASSPHRASE)
    assert screen.repeat is not None
    screen.repeat.setText(TEST_PASSPHRASE)
    screen.submit()
    qtbot.waitUntil(lambda: screen.problem_box.isVisibleTo(screen), timeout=10_000)
    assert str(screen.data_dir) in screen.problem_label.text()


# --- a second copy on the same folder ---------------------------------------------------------------
HOLDER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from spp_desktop.datadir import InstanceLock
    lock = InstanceLock({folder!r}).acquire()
    print("held", flush=True)
    time.sleep(60)
""")


@pytest.fixture
def store_folder(tmp_path):
    folder = tmp_path / "data"
    ReviewStore.create(folder, TEST_PASSPHRASE, kdf_params=FAST_TEST_KDF).close()
    return folder


@pytest.fixture
def other_copy(store_folder):
    """Another process holding the folder's lock, as a running SPP Desktop does."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER.format(root=str(ROOT), folder=str(store_folder))],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.iterdir()
            if p.is_file() and p.name != LOCK_NAME}


def test_a_second_copy_says_so_and_does_not_open_the_store(qtbot, store_folder, other_copy):
    before = _snapshot(store_folder)
    told: list[str] = []
    assert startup.claim_data_dir(store_folder, ask=pytest.fail, choose=pytest.fail, say=told.append) is None
    assert len(told) == 1 and "already open" in told[0] and str(store_folder) in told[0]
    with pytest.raises(AlreadyOpen) as caught:
        InstanceLock(store_folder).acquire()
    assert caught.value.pid == other_copy.pid
    assert _snapshot(store_folder) == before  # nothing opened, nothing written (no WAL, no -shm)


def test_run_gui_stops_before_building_a_window(qtbot, store_folder, other_copy, monkeypatch):
    from spp_desktop import app as app_module
    told: list[str] = []
    monkeypatch.setattr(startup, "tell", told.append)
    monkeypatch.setattr(app_module, "build_main_window", lambda *a, **k: pytest.fail("window built"))
    assert app_module.run_gui(data_dir=store_folder) == 1
    assert told and str(store_folder) in told[0]


def test_the_cli_refuses_a_folder_the_app_has_open(store_folder, other_copy, capsys, monkeypatch):
    monkeypatch.setenv("SPP_PASSPHRASE", TEST_PASSPHRASE)
    assert cli.main(["--data-dir", str(store_folder), "list"]) == cli.EXIT_ERROR
    assert "already open" in capsys.readouterr().err


def test_a_lock_left_by_a_crashed_copy_does_not_block(store_folder, other_copy):
    other_copy.kill()  # as if the laptop's first copy crashed: the OS drops its lock with it
    other_copy.wait()
    assert (store_folder / LOCK_NAME).read_text().strip() == str(other_copy.pid)  # the file is still there
    with InstanceLock(store_folder) as lock:
        assert lock.held
        assert (store_folder / LOCK_NAME).read_text().strip() == str(os.getpid())


def test_one_process_cannot_take_the_lock_twice(store_folder):
    with InstanceLock(store_folder), pytest.raises(AlreadyOpen):
        InstanceLock(store_folder).acquire()


def test_the_lock_file_does_not_stop_a_first_run(qtbot, tmp_path):
    folder = tmp_path / "new"
    check_writable(folder)
    with InstanceLock(folder):
        screen = LockScreen(folder, kdf_params=FAST_TEST_KDF)
        qtbot.addWidget(screen)
        assert screen.first_run


# --- a store made by a newer version ------------------------------------------------------------------
def _record_unknown_migration(folder: Path) -> None:
    store = ReviewStore.unlock(folder, TEST_PASSPHRASE)
    try:
        store._core.sql.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                            "VALUES ('spp_desktop', 'm099_from_the_future', '2030-01-01 00:00:00+00:00')")
    finally:
        store.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file() and p.stat().st_size}


def test_a_newer_store_is_refused_and_left_as_it_was(store_folder):
    _record_unknown_migration(store_folder)
    before = _files(store_folder)
    with pytest.raises(NewerFormat) as caught:
        ReviewStore.unlock(store_folder, TEST_PASSPHRASE)
    assert "newer version of SPP Desktop" in caught.value.user_message
    assert _files(store_folder) == before


def test_the_lock_screen_refuses_a_newer_store_in_plain_words(qtbot, store_folder):
    _record_unknown_migration(store_folder)
    before = _files(store_folder)
    screen = LockScreen(store_folder, kdf_params=FAST_TEST_KDF)
    qtbot.addWidget(screen)
    unlocked: list[object] = []
    screen.unlocked.connect(unlocked.append)
    screen.passphrase.setText(TEST_PASSPHRASE)
    screen.submit()
    qtbot.waitUntil(lambda: screen.problem_box.isVisibleTo(screen), timeout=10_000)
    assert "newer version of SPP Desktop" in screen.problem_label.text()
    assert "Nothing was changed" in screen.problem_label.text()
    assert unlocked == []
    assert _files(store_folder) == before


def test_a_newer_key_file_is_refused_and_left_as_it_was(qtbot, store_folder):
    import json

    from spp_desktop.store import keys
    path = store_folder / "keyfile.json"
    doc = json.loads(path.read_text())
    doc.update(version=2, something_new="x")
    doc["checksum"] = keys._checksum(doc)
    path.write_bytes(keys._serialize(doc))
    before = _files(store_folder)
    screen = LockScreen(store_folder, kdf_params=FAST_TEST_KDF)
    qtbot.addWidget(screen)
    screen.passphrase.setText(TEST_PASSPHRASE)
    screen.submit()
    qtbot.waitUntil(lambda: screen.problem_box.isVisibleTo(screen), timeout=10_000)
    assert "newer version of SPP Desktop" in screen.problem_label.text()
    assert _files(store_folder) == before
