"""Coverage at the midday huddle: the Plan ticks slots with evidence ("open" for my own), and the evidence
matrix shows planned against collected sources for each question."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.triangulation import coverage, matrix
from spp_desktop.ui.models.matrix_model import FIRST_SOURCE_COL, SOURCES, MatrixModel
from spp_desktop.ui.review.plan_page import PlanPage


def test_the_plan_ticks_slots_with_evidence_and_offers_my_own(qtbot, demo_store):
    store, rid = demo_store
    me = store.me(rid)
    page = PlanPage(store, rid)
    qtbot.addWidget(page)
    slots = page.visible_slots()
    mine = next(s for s in slots if s.reviewer_ids == (me,) and page.my_evidence_for(s))
    theirs = next(s for s in slots if me not in s.reviewer_ids and page.recorded_mark(s))
    empty = next(s for s in slots if not page.recorded_mark(s))
    assert page.recorded_mark(mine) == "✓ Your evidence: open"
    assert page.recorded_mark(theirs) == "✓ Evidence collected"
    row = slots.index(mine)
    assert page.table.item(row, 1).text().endswith("✓ Your evidence: open")
    page.table.selectRow(row)
    assert not page.open_button.isHidden()
    with qtbot.waitSignal(page.evidence_opened) as opened:
        page.open_button.click()
    assert opened.args == [page.my_evidence_for(mine)]
    page.table.selectRow(slots.index(empty))
    assert page.open_button.isHidden()


def test_a_slot_ticks_once_evidence_is_recorded_against_it(qtbot, demo_store):
    store, rid = demo_store
    slot = store.add_slot(rid, store.review(rid).start_date, time(15, 0), time(15, 30), "interview")
    page = PlanPage(store, rid)
    qtbot.addWidget(page)
    assert page.recorded_mark(slot) == ""
    store.create_evidence(rid, "interview", slot_id=slot.id, notes="Talked with the English lead.")
    page.refresh()
    assert page.recorded_mark(slot) == "✓ Your evidence: open"


def test_the_matrix_shows_planned_against_collected(demo_store):
    store, rid = demo_store
    review = store.review(rid)
    question = review.questions[0]
    store.update_question(rid, question.id, planned_sources=["observation", "survey"])
    review = store.review(rid)
    model = MatrixModel()
    evidence = store.evidence(rid)
    model.set_data(review.questions, matrix([q.id for q in review.questions], evidence))
    cover = coverage(review.questions, evidence)[question.id]
    for source in SOURCES:
        col = FIRST_SOURCE_COL + SOURCES.index(source)
        text = model.data(model.index(0, col), Qt.ItemDataRole.DisplayRole)
        planned, n = cover[source]
        assert planned == (source in (EvidenceKind.OBSERVATION.source, EvidenceKind.SURVEY.source)), source
        if planned:
            assert text == (f"{n} · planned" if n else "planned, none yet")
            assert model.data(model.index(0, col), Qt.ItemDataRole.ToolTipRole).endswith("(planned)")
        else:
            assert "planned" not in text
