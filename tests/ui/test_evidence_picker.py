"""The findings page's evidence picker: who wrote each record is always in view, the whole record can be
read in a preview pane, and a survey counts as voice (so survey plus data review is two kinds of source)."""

from __future__ import annotations

import copy
import uuid
from datetime import date, time

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind, SourceKind
from spp_desktop.domain.triangulation import Support
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.models.findings_model import PICKER_AUTHOR
from spp_desktop.ui.review.findings_view import FindingsView
from tests.ui.conftest import TEST_PASSPHRASE


def _view(qtbot, store, review_id) -> FindingsView:
    view = FindingsView(store, review_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    view.finish_building()
    view.picker.show_all.setChecked(True)
    return view


def _row_of(view, evidence_id):
    proxy = view.picker.proxy
    return next(r for r in range(proxy.rowCount())
                if view.picker.model.evidence_at(proxy.mapToSource(proxy.index(r, 0)).row()).id == evidence_id)


def test_two_records_alike_but_for_their_author_are_told_apart_and_the_author_is_in_view(qtbot, data_dir):
    # Two reviewers observed the same lesson: the same time, kind and class, a record each (as a
    # team package brings them; a laptop cannot write a record in another reviewer's name).
    doc = demo_package(start=date.today())
    original = next(e for e in doc["evidence"] if e["kind"] == "observation")
    other = next(m for m in doc["team"] if m["role"] in ("lead_reviewer", "reviewer") and m["id"] != original["author"])
    twin = copy.deepcopy(original)
    twin.update(id=str(uuid.uuid4()), author=other["id"])
    doc["evidence"].append(twin)
    store = ReviewStore.create(data_dir, TEST_PASSPHRASE, kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(doc)
    first, second = store.get_evidence(review_id, original["id"]), store.get_evidence(review_id, twin["id"])
    names = {m.id: m.name for m in store.review(review_id).team}
    a, b = names[first.author], names[second.author]
    view = _view(qtbot, store, review_id)
    proxy = view.picker.proxy
    rows = [_row_of(view, first.id), _row_of(view, second.id)]
    cells = [[proxy.index(r, c).data() for c in range(1, proxy.columnCount())] for r in rows]
    assert cells[0] != cells[1]
    assert cells[0][PICKER_AUTHOR - 1] == a and cells[1][PICKER_AUTHOR - 1] == b
    table = view.picker.table
    header = table.horizontalHeader()
    author_right = header.sectionViewportPosition(PICKER_AUTHOR) + header.sectionSize(PICKER_AUTHOR)
    assert author_right <= table.viewport().width()  # not scrolled away
    view.close()
    store.close()


def test_the_preview_shows_the_whole_record_not_a_cut_tooltip(qtbot, demo_store):
    store, review_id = demo_store
    long_notes = " ".join(f"Sentence {n} about how pupils used the word bank." for n in range(60))
    record = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=long_notes, start=time(14, 5),
                                   day=store.review(review_id).start_date, class_name="Year 6")
    view = _view(qtbot, store, review_id)
    row = _row_of(view, record.id)
    view.picker.table.setCurrentIndex(view.picker.proxy.index(row, 1))
    preview = view.picker.preview.toPlainText()
    assert len(long_notes) > 600 and long_notes in preview  # all of it, where the old tooltip stopped at 600
    assert "14:05" in preview and "Year 6" in preview


def test_a_survey_is_voice_so_survey_and_data_review_are_two_kinds_of_source():
    assert EvidenceKind.SURVEY.source is SourceKind.VOICE
    assert EvidenceKind.DATA_REVIEW.source is SourceKind.DATA
    support = Support(counts={EvidenceKind.SURVEY.source: 1, EvidenceKind.DATA_REVIEW.source: 1})
    assert support.source_kinds == 2
    assert SourceKind.VOICE.label == "Interview / focus group / survey"
