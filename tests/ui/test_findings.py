"""Findings view and matrix: triangulation counts on the demo review, linking by tick and by drag,
add / edit / delete with undo, and a deleted linked record shown as a gap."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind, SourceKind
from spp_desktop.domain.findings import FindingKind
from spp_desktop.ui.models.matrix_model import FIRST_SOURCE_COL, SOURCES
from spp_desktop.ui.review.findings_view import FindingsView
from spp_desktop.ui.review.matrix_view import MatrixView


def _demo() -> dict:
    return demo_package()


def _expected_finding_support(doc: dict) -> dict[str, tuple[int, int]]:
    """finding id -> (items, kinds of source), worked out from the demo JSON alone."""
    kind_of = {e["id"]: EvidenceKind(e["kind"]).source for e in doc["evidence"]}
    expected = {}
    for f in doc["findings"]:
        ids = set(f.get("evidence_ids", []))
        expected[f["id"]] = (len(ids), len({kind_of[i] for i in ids}))
    return expected


def _expected_matrix(doc: dict) -> dict[str, dict[SourceKind, int]]:
    """question id -> counts by source: evidence captured for the question or linked to one of its findings."""
    source = {e["id"]: EvidenceKind(e["kind"]).source for e in doc["evidence"]}
    bearing: dict[str, set[str]] = {q["id"]: set() for q in doc["enquiry_questions"]}
    for e in doc["evidence"]:
        for qid in e.get("question_ids", []):
            bearing[qid].add(e["id"])
    for f in doc["findings"]:
        bearing[f["question_id"]].update(f.get("evidence_ids", []))
    return {qid: {s: sum(1 for i in ids if source[i] == s) for s in SourceKind} for qid, ids in bearing.items()}


def _view(qtbot, demo_store) -> FindingsView:
    store, review_id = demo_store
    view = FindingsView(store, review_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def _card_for(view: FindingsView, finding_id: str):
    finding = view.snapshot.finding(finding_id)
    view.set_question(finding.question_id)
    view.finish_building()
    return view.cards[finding_id]


def test_triangulation_counts_on_the_demo_review(qtbot, demo_store):
    doc = _demo()
    view = _view(qtbot, demo_store)
    expected = _expected_finding_support(doc)
    assert len(expected) == 8
    for finding_id, (items, kinds) in expected.items():
        card = _card_for(view, finding_id)
        assert (card.badge.support.items, card.badge.support.source_kinds) == (items, kinds)
        assert card.badge.text().endswith(f"{items} items \u00b7 {kinds} kind{'s' if kinds != 1 else ''} of source")
        assert card.badge.warning == (kinds < 2)
        if kinds < 2:
            assert card.badge.toolTip().startswith(card.badge.support.warning)
    # the one finding resting on voice alone carries the warning
    assert any(kinds == 1 for _items, kinds in expected.values())

    matrix = _expected_matrix(doc)
    for tile in view.questions.tiles:
        counts = matrix[tile.question_id]
        assert tile.badge.support.items == sum(counts.values())
        assert tile.badge.support.source_kinds == sum(1 for n in counts.values() if n)


def test_matrix_counts_and_gaps(qtbot, demo_store):
    doc = _demo()
    view = _view(qtbot, demo_store)
    matrix = MatrixView()
    qtbot.addWidget(matrix)
    matrix.set_snapshot(view.snapshot)
    expected = _expected_matrix(doc)
    model = matrix.model
    gaps_seen = 0
    for row in range(model.rowCount()):
        qid = model.question_at(row).id
        for col, source in enumerate(SOURCES, start=FIRST_SOURCE_COL):
            n = expected[qid][source]
            index = model.index(row, col)
            assert model.count(row, source) == n
            if n == 0:
                gaps_seen += 1
                assert model.data(index, Qt.ItemDataRole.ToolTipRole) == \
                    f"No {source.label.lower()} yet for this question"
                assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
            else:
                assert model.data(index, Qt.ItemDataRole.DisplayRole) == str(n)
                assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert gaps_seen, "the demo review has a question without book scrutiny"
    lines = matrix.gaps.text().splitlines()
    for row in range(model.rowCount()):
        missing = [s.label.lower() for s in SOURCES if expected[model.question_at(row).id][s] == 0]
        line = next((ln for ln in lines if ln.startswith(f"Question {row + 1}:")), "")
        assert all(m in line for m in missing) and bool(line) == bool(missing)


def _gap_for_observation(view: FindingsView) -> tuple[str, str, str]:
    """(question id, finding id, observation id): a question with no observation yet, one of its findings,
    and an observation not captured for it."""
    matrix = view.snapshot.matrix()
    qid = next(q for q, counts in matrix.items() if counts[SourceKind.OBSERVATION] == 0)
    finding = view.snapshot.findings_for(qid)[0]
    obs = next(e for e in view.snapshot.evidence if e.source == SourceKind.OBSERVATION and qid not in e.question_ids)
    return qid, finding.id, obs.id


def test_ticking_a_record_links_it_and_updates_badge_and_matrix(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, demo_store)
    matrix = MatrixView()
    qtbot.addWidget(matrix)
    view.data_changed.connect(lambda: matrix.set_snapshot(view.snapshot))
    matrix.set_snapshot(view.snapshot)
    qid, finding_id, obs_id = _gap_for_observation(view)
    view.set_question(qid)
    view.finish_building()
    view.select_finding(finding_id)
    card = view.cards[finding_id]
    before = card.badge.support
    q_row = [q.id for q in view.snapshot.questions].index(qid)
    obs_col = FIRST_SOURCE_COL + SOURCES.index(SourceKind.OBSERVATION)
    assert matrix.model.data(matrix.model.index(q_row, obs_col), Qt.ItemDataRole.DisplayRole) == "none"

    view.picker.show_all.setChecked(True)
    proxy = view.picker.proxy
    row = next(r for r in range(proxy.rowCount())
               if view.picker.model.evidence_at(proxy.mapToSource(proxy.index(r, 0)).row()).id == obs_id)
    assert proxy.setData(proxy.index(row, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    assert any(link.evidence_id == obs_id and link.finding_id == finding_id for link in store.links(review_id))
    after = card.badge.support
    assert after.items == before.items + 1
    assert after.counts[SourceKind.OBSERVATION] == before.counts[SourceKind.OBSERVATION] + 1
    assert matrix.model.data(matrix.model.index(q_row, obs_col), Qt.ItemDataRole.DisplayRole) == "1"
    assert view.picker.model.is_linked(view.picker.model.row_of(obs_id))

    # untick: back as it was
    assert proxy.setData(proxy.index(row, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert card.badge.support == before
    assert matrix.model.data(matrix.model.index(q_row, obs_col), Qt.ItemDataRole.DisplayRole) == "none"
    assert not any(link.evidence_id == obs_id and link.finding_id == finding_id for link in store.links(review_id))


def test_dropping_records_on_a_finding_links_them(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, demo_store)
    qid, finding_id, obs_id = _gap_for_observation(view)
    view.set_question(qid)
    view.finish_building()
    view.picker.show_all.setChecked(True)
    model = view.picker.model
    mime = model.mimeData([model.index(model.row_of(obs_id), 1)])
    card = view.cards[finding_id]
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.LinkAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    card.dropEvent(drop)
    assert drop.isAccepted()
    assert obs_id in {link.evidence_id for link in store.links(review_id) if link.finding_id == finding_id}
    assert card.badge.support.counts[SourceKind.OBSERVATION] == 1
    assert view.selected == finding_id


def test_add_type_delete_and_undo_a_finding(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, demo_store)
    qid = view.question_id
    before = len(store.findings(review_id))
    qtbot.mouseClick(view.add_buttons[FindingKind.QUESTION_TO_EXPLORE], Qt.MouseButton.LeftButton)
    created = [f for f in store.findings(review_id) if f.question_id == qid and not f.text]
    assert len(created) == 1 and created[0].kind == FindingKind.QUESTION_TO_EXPLORE
    card = view.cards[created[0].id]
    assert view.selected == created[0].id
    assert card.badge.text().endswith("No evidence yet") and card.badge.warning

    qtbot.keyClicks(card.text, "How do pupils choose books at home?")
    # saved after the pause in typing, without any Save button
    qtbot.waitUntil(lambda: store.get_finding(review_id, created[0].id).text.startswith("How do pupils"),
                    timeout=3000)
    card.kind.setCurrentIndex(0)
    assert store.get_finding(review_id, created[0].id).kind == FindingKind.STRENGTH

    qtbot.mouseClick(card.delete, Qt.MouseButton.LeftButton)
    assert store.get_finding(review_id, created[0].id) is None
    assert len(store.findings(review_id)) == before
    assert created[0].id not in view.cards
    assert view.undo.pending
    view.undo.trigger()
    restored = store.get_finding(review_id, created[0].id)
    assert restored is not None and restored.text == "How do pupils choose books at home?"
    assert created[0].id in view.cards


def test_flush_saves_reviewer_notes_at_once(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, demo_store)
    card = next(iter(view.cards.values()))
    qtbot.keyClicks(card.notes, "Check the Year 6 journals again")
    assert view.flush()
    assert store.get_finding(review_id, card.finding.id).reviewer_notes == "Check the Year 6 journals again"


def test_deleted_linked_evidence_shows_the_gap(qtbot, demo_store):
    store, review_id = demo_store
    doc = _demo()
    finding = doc["findings"][0]
    gone = finding["evidence_ids"][0]
    view = _view(qtbot, demo_store)
    store.delete_evidence(review_id, gone)
    view.refresh()
    card = _card_for(view, finding["id"])
    assert card.badge.support.missing_evidence == 1
    assert "1 linked record is no longer available" in card.badge.text()
    assert "1 linked record is no longer available" in card.linked.text()
    assert card.badge.support.items == len(set(finding["evidence_ids"])) - 1
    # the picker and matrix carry on without it
    assert view.picker.model.row_of(gone) == -1
    matrix = MatrixView()
    qtbot.addWidget(matrix)
    matrix.set_snapshot(view.snapshot)


def test_question_tiles_move_with_arrow_keys(qtbot, demo_store):
    view = _view(qtbot, demo_store)
    tiles = view.questions.tiles
    tiles[0].setFocus()
    qtbot.keyClick(tiles[0], Qt.Key.Key_Down)
    assert view.question_id == tiles[1].question_id
    qtbot.keyClick(tiles[1], Qt.Key.Key_Up)
    assert view.question_id == tiles[0].question_id
