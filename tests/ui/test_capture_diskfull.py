"""When saving fails, the text stays in the form, the message says why in plain words, and a full
disk is retried until the save goes through."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.errors import DiskFull, StoreCorrupt  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402

PASS = "correct horse battery staple"
TEXT = "Pupils in the catch-up group read the decodable book twice, then retold it."


def _page(qtbot, store, review_id):
    page = EvidencePage(store, review_id)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


@pytest.fixture
def store(tmp_path):
    s = ReviewStore.create(tmp_path / "data", PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


class _FlakyDisk:
    """Wraps store.update_evidence (and create_evidence): raises `error` while `.full` is True."""

    def __init__(self, store, error):
        self.real = store.update_evidence
        self.real_create = store.create_evidence
        self.error = error
        self.full = True
        self.attempts = 0

    def __call__(self, *args, **kwargs):
        self.attempts += 1
        if self.full:
            raise self.error
        return self.real(*args, **kwargs)

    def create(self, *args, **kwargs):  # a new record is created by its first save
        self.attempts += 1
        if self.full:
            raise self.error
        return self.real_create(*args, **kwargs)


def test_disk_full_keeps_the_text_says_so_and_retries_until_saved(qtbot, store, monkeypatch):
    review_id = store.import_package(demo_package())
    page = _page(qtbot, store, review_id)
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    form = page.form
    form.autosaver._retry.setInterval(50)
    disk = _FlakyDisk(store, DiskFull("store.db", "database or disk is full"))
    monkeypatch.setattr(store, "update_evidence", disk)
    monkeypatch.setattr(store, "create_evidence", disk.create)
    messages = []
    page.status_changed.connect(messages.append)

    qtbot.keyClicks(form.editors["notes"], TEXT)
    assert page.flush() is False
    assert messages[-1] == DiskFull().user_message
    assert form.editors["notes"].toPlainText() == TEXT
    assert not form.problem.isHidden() and "disk is full" in form.problem.text()
    assert form.status_label.text() == "Not saved yet"
    qtbot.waitUntil(lambda: disk.attempts >= 3, timeout=2000)  # it keeps trying by itself

    qtbot.keyClicks(form.editors["notes"], " More.")  # typing goes on while the disk is full
    disk.full = False
    qtbot.waitUntil(lambda: not form.autosaver.failing, timeout=2000)
    assert messages[-1].startswith("Saved ")
    assert form.problem.isHidden()
    assert store.get_evidence(review_id, created.id).notes == TEXT + " More."
    attempts = disk.attempts
    qtbot.wait(200)
    assert disk.attempts == attempts  # the retry timer stopped


def test_a_full_disk_does_not_let_the_form_be_switched_away(qtbot, store, monkeypatch):
    review_id = store.import_package(demo_package())
    page = _page(qtbot, store, review_id)
    first = page.new_evidence(EvidenceKind.OBSERVATION)
    other = next(e for e in store.evidence(review_id) if e.id != first.id)
    disk = _FlakyDisk(store, DiskFull())
    monkeypatch.setattr(store, "update_evidence", disk)
    monkeypatch.setattr(store, "create_evidence", disk.create)
    qtbot.keyClicks(page.form.editors["seen"], TEXT)
    assert page.open_evidence(other.id) is False
    assert page.form.evidence_id == first.id and page.form.editors["seen"].toPlainText() == TEXT
    assert page.new_evidence(EvidenceKind.INTERVIEW) is None
    assert page.form.evidence_id == first.id
    disk.full = False
    assert page.open_evidence(other.id) is True
    assert store.get_evidence(review_id, first.id).seen == TEXT


def test_other_store_errors_say_so_and_keep_the_text(qtbot, store, monkeypatch):
    review_id = store.import_package(demo_package())
    page = _page(qtbot, store, review_id)
    created = page.new_evidence(EvidenceKind.INTERVIEW)
    broken = _FlakyDisk(store, StoreCorrupt(store.files.database, "hmac check failed"))
    monkeypatch.setattr(store, "update_evidence", broken)
    monkeypatch.setattr(store, "create_evidence", broken.create)
    messages = []
    page.status_changed.connect(messages.append)
    qtbot.keyClicks(page.form.editors["prompts"], TEXT)
    assert page.flush() is False
    assert "damaged or has been altered" in messages[-1]
    assert page.form.editors["prompts"].toPlainText() == TEXT
    assert not page.form.autosaver._retry.isActive()  # retrying would not help: nothing is overwritten
    broken.full = False
    assert page.flush() is True
    assert store.get_evidence(review_id, created.id).prompts == TEXT


# --- a real full disk ---------------------------------------------------------------------------------
def _mount_small_tmpfs(where, size="8m"):
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real full disk needs root to mount a small tmpfs")
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"mounting a small tmpfs was refused: {done.stderr.strip()}")


def _fill(directory):
    filler = directory / "filler"
    with open(filler, "wb", buffering=0) as fh:
        for size in (1 << 20, 1 << 16, 1 << 12, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError:
                continue
    return filler


def test_a_real_full_disk_keeps_the_text_and_saves_once_space_is_freed(qtbot, tmp_path):
    mount = tmp_path / "small"
    _mount_small_tmpfs(mount)
    store = None
    try:
        store = ReviewStore.create(mount / "data", PASS, kdf_params=FAST_TEST_KDF)
        review_id = store.import_package(demo_package())
        page = _page(qtbot, store, review_id)
        created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
        form = page.form
        form.autosaver._retry.setInterval(100)
        messages = []
        page.status_changed.connect(messages.append)
        filler = _fill(mount)

        long_text = (TEXT + "\n") * 600  # ~45 kB: more than any free page in the WAL
        form.editors["looked_at"].insertPlainText(long_text)
        qtbot.keyClicks(form.editors["looked_at"], "Last words.")
        assert page.flush() is False
        assert messages[-1] == DiskFull().user_message
        assert form.editors["looked_at"].toPlainText() == long_text + "Last words."

        filler.unlink()
        qtbot.waitUntil(lambda: not form.autosaver.failing, timeout=5000)
        assert messages[-1].startswith("Saved ")
        page.close()
        store.close()
        store = ReviewStore.unlock(mount / "data", PASS)
        assert store.get_evidence(review_id, created.id).looked_at == long_text + "Last words."
    finally:
        if store is not None:
            store.close()
        subprocess.run(["umount", str(mount)], capture_output=True)
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
