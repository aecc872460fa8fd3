"""Starting evidence, from the plan or the toolbar: the writing starts in the main text, a slot you
have captured opens your record again, and a form left blank leaves no record (nothing to sync)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.evidence_page import EvidencePage

CLOCK = datetime(2026, 11, 24, 10, 32, 5)


@pytest.fixture
def store(tmp_path):
    s = ReviewStore.create(tmp_path / "data", "correct horse battery staple", kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


@pytest.fixture
def review_id(store):
    return store.import_package(demo_package())


@pytest.fixture
def page(qtbot, store, review_id):
    p = EvidencePage(store, review_id, clock=lambda: CLOCK)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.activateWindow()
    qtbot.waitExposed(p)
    return p


def fresh_slot(store, review_id, activity="observation"):
    """A slot with a class or room, of which this reviewer has no record yet."""
    mine = {e.slot_id for e in store.evidence(review_id) if e.author == store.me(review_id)}
    return next(s for s in store.review(review_id).schedule
                if s.activity == activity and s.location and s.id not in mine)


def test_from_the_plan_the_writing_starts_in_the_main_text(qtbot, page, store, review_id):
    slot = fresh_slot(store, review_id)
    page.new_evidence(EvidenceKind.OBSERVATION, slot)
    form = page.form
    qtbot.waitUntil(form.editors["seen"].hasFocus)
    qtbot.keyClicks(form.editors["seen"], "Pupils")  # the first keystrokes go to "What was seen" ...
    assert form.editors["class_name"].text() == slot.location  # ... and never into the prefilled class
    assert form.editors["seen"].toPlainText() == "Pupils"


def test_a_form_left_blank_leaves_no_record_and_nothing_to_sync(qtbot, page, store, review_id):
    before = ([e.id for e in store.evidence(review_id)], store.unsynced_count(review_id))
    for kind in (EvidenceKind.OBSERVATION, EvidenceKind.INTERVIEW, EvidenceKind.BOOK_SCRUTINY):
        page.new_evidence(kind, fresh_slot(store, review_id) if kind is EvidenceKind.OBSERVATION else None)
        assert page.form.pending
    page.new_evidence(EvidenceKind.DATA_REVIEW)
    assert page.flush()
    page.close()  # closing flushes: a blank form has nothing to save
    assert ([e.id for e in store.evidence(review_id)], store.unsynced_count(review_id)) == before
    assert page.list.model.rowCount() == len(before[0])  # and no blank row in the list


def test_the_first_real_input_creates_the_record(qtbot, page, store, review_id):
    count = len(store.evidence(review_id))
    draft = page.new_evidence(EvidenceKind.OBSERVATION)
    assert store.get_evidence(review_id, draft.id) is None
    qtbot.keyClicks(page.form.editors["seen"], "A")
    assert page.flush()
    created = store.get_evidence(review_id, draft.id)
    assert created is not None and created.seen == "A" and not page.form.pending
    assert len(store.evidence(review_id)) == count + 1
    assert page.list.current_id() == draft.id  # it joined the list, selected
    qtbot.keyClicks(page.form.editors["seen"], "B")
    assert page.flush()
    assert store.get_evidence(review_id, draft.id).seen == "AB" and len(store.evidence(review_id)) == count + 1


def test_starting_a_slot_you_captured_opens_your_record(qtbot, page, store, review_id):
    slot = fresh_slot(store, review_id)
    first = page.new_evidence(EvidenceKind.OBSERVATION, slot)
    qtbot.keyClicks(page.form.editors["seen"], "Phonics in pairs")
    assert page.flush()
    page.open_evidence(next(e.id for e in store.evidence(review_id) if e.id != first.id))
    count = len(store.evidence(review_id))

    again = page.new_evidence(EvidenceKind.OBSERVATION, slot)  # the reviewer comes back to the lesson
    assert again.id == first.id and page.form.evidence_id == first.id
    assert page.form.editors["seen"].toPlainText() == "Phonics in pairs"
    assert page.slot_notice.isVisibleTo(page) and "started this slot before" in page.slot_notice.label.text()
    assert len(store.evidence(review_id)) == count

    qtbot.mouseClick(page.slot_notice.start_button, Qt.MouseButton.LeftButton)  # a second visit: a new one
    assert page.form.pending and page.form.evidence_id != first.id
    assert page.form.editors["class_name"].text() == slot.location
    assert not page.slot_notice.isVisibleTo(page)
