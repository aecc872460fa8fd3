"""The conflicts panel, on real stores and a REAL server: a finding edited on two laptops shows both
versions side by side with who wrote them; "Keep this one" settles it everywhere; "Merge by editing…";
an edit against a delete ("Bring it back"); other reviewers see conflicts read-only."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from test_sync_ui import FAST, checked_out, live, open_window, synced_words, world  # noqa: E402,F401

from spp_desktop.domain.findings import FindingKind  # noqa: E402
from spp_desktop.services import sync_service as service  # noqa: E402
from spp_desktop.ui.sync.conflicts import ConflictsPanel  # noqa: E402

MINE = "Pupils read widely and often, in every class."
THEIRS = "Pupils read widely; older pupils choose harder books."


def test_lead_keeps_one_version_and_it_settles_everywhere(qtbot, world, tmp_path, open_window):  # noqa: F811
    review_id = world.new_review(members=2)
    lead = checked_out(world, tmp_path / "data", 0, review_id)
    other = checked_out(world, tmp_path / "other", 1, review_id)
    question = lead.review(review_id).questions[1]
    finding = lead.create_finding(review_id, question.id, FindingKind.STRENGTH, text="Pupils read widely.")
    service.sync_review(lead, review_id, **FAST)
    service.sync_review(other, review_id, **FAST)
    lead.update_finding(review_id, finding.id, text=MINE)
    other.update_finding(review_id, finding.id, text=THEIRS)
    service.sync_review(other, review_id, **FAST)

    window = open_window(lead, review_id)
    status = window.sync.status
    assert window.sync.words.text() == "1 change not yet synced" and not status.conflicts.isVisible()
    window.sync.act_sync.trigger()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert status.conflicts.isVisible() and status.conflicts.text() == "1 conflict to settle"
    assert window.sync.act_conflicts.text() == "&Conflicts (1)…"
    qtbot.mouseClick(status.conflicts, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialogs["conflicts"]
    panel = dialog.panel
    assert dialog.isVisible() and len(panel.cards) == 1
    card = panel.cards[0]
    assert card.accessibleName() == f"Strength under Q2: {question.text}"
    columns = {column.value.value: column for column in card.columns}
    assert set(columns) == {MINE, THEIRS}  # side by side, each with who wrote it and when
    assert columns[THEIRS].text.text() == "Pupils read <b>widely; older pupils choose harder books.</b>"
    assert columns[MINE].text.text() == "Pupils read <b>widely and often, in every class.</b>"
    texts = [label.text() for label in card.findChildren(type(card.columns[0].text))]
    assert "Member 0" in texts and "Member 1" in texts
    assert any(t.startswith("Written today at ") for t in texts)
    assert card.merge_button is not None and card.keep_deleted is None

    # The other reviewer sees the same conflict, read-only, with a note that the lead settles it.
    service.sync_review(other, review_id, **FAST)
    read_only = ConflictsPanel(other, review_id)
    qtbot.addWidget(read_only)
    assert len(read_only.cards) == 1 and not read_only.can_settle
    assert all(column.keep_button is None for column in read_only.cards[0].columns)
    assert read_only.cards[0].merge_button is None
    assert "The lead reviewer, Member 0, settles these" in read_only.note.text()

    qtbot.mouseClick(columns[THEIRS].keep_button, Qt.MouseButton.LeftButton)
    assert panel.cards == [] and panel.empty.isVisibleTo(panel)
    assert lead.get_finding(review_id, finding.id).text == THEIRS and lead.conflicts(review_id) == []
    assert not status.conflicts.isVisible() and window.sync.words.text() == "1 change not yet synced"
    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    assert synced_words(window.sync.words.text())

    service.sync_review(other, review_id, **FAST)  # the resolve op settles it on every copy
    assert other.conflicts(review_id) == [] and other.get_finding(review_id, finding.id).text == THEIRS
    assert other.replica.state_hash(review_id) == lead.replica.state_hash(review_id)
    read_only.refresh()
    assert read_only.cards == []
    other.close()


def test_merge_by_editing_and_bring_back_a_deleted_finding(qtbot, world, tmp_path, open_window):  # noqa: F811
    review_id = world.new_review(members=2)
    lead = checked_out(world, tmp_path / "data", 0, review_id)
    other = checked_out(world, tmp_path / "other", 1, review_id)
    q1 = lead.review(review_id).questions[0].id
    edited = lead.create_finding(review_id, q1, FindingKind.AREA_TO_DEVELOP, text="Phonics is consistent.")
    doomed = lead.create_finding(review_id, q1, FindingKind.STRENGTH, text="Reading corners are used.")
    service.sync_review(lead, review_id, **FAST)
    service.sync_review(other, review_id, **FAST)
    lead.update_finding(review_id, edited.id, text="Phonics is consistent in Year 1.")
    other.update_finding(review_id, edited.id, text="Phonics is consistent; Year 2 catch-up varies.")
    other.delete_finding(review_id, doomed.id)
    lead.update_finding(review_id, doomed.id, text="Reading corners are used at lunchtime.")
    bundle = tmp_path / "from-member-1.sppteam"
    service.export_bundle_file(other, review_id, bundle)  # no network in the school: a USB stick

    window = open_window(lead, review_id)
    window.sync.bundles.import_from(window.store, bundle, review_id)
    qtbot.waitUntil(lambda: window.sync.bundles.message_box is not None, timeout=20_000)
    window.sync.bundles.message_box.accept()
    assert window.sync.status.conflicts.text() == "2 conflicts to settle"
    panel = window.sync.open_conflicts().panel
    by_entity = {card.conflict.entity_id: card for card in panel.cards}
    delete_card = by_entity[doomed.id]
    assert delete_card.accessibleName() == "A finding that was deleted"
    assert [c.text.text() for c in delete_card.columns] == ["Deleted it.",
                                                              "Changed it to: Reading corners are used at lunchtime."]
    assert delete_card.keep_deleted is not None and delete_card.merge_button is None
    qtbot.mouseClick(delete_card.bring_back, Qt.MouseButton.LeftButton)
    assert lead.get_finding(review_id, doomed.id).text == "Reading corners are used at lunchtime."

    card = panel.cards[0]
    assert card.conflict.entity_id == edited.id
    qtbot.mouseClick(card.merge_button, Qt.MouseButton.LeftButton)
    merge = panel.merge_dialog
    assert merge.editor.toPlainText() in (
        "Phonics is consistent in Year 1.\n\nPhonics is consistent; Year 2 catch-up varies.",
        "Phonics is consistent; Year 2 catch-up varies.\n\nPhonics is consistent in Year 1.")
    merge.editor.setPlainText("Phonics is consistent in Year 1; Year 2 catch-up varies.")
    qtbot.mouseClick(merge.save_button, Qt.MouseButton.LeftButton)
    assert panel.cards == [] and lead.conflicts(review_id) == []
    assert lead.get_finding(review_id, edited.id).text == "Phonics is consistent in Year 1; Year 2 catch-up varies."
    assert not window.sync.status.conflicts.isVisible()

    window.sync.sync_now()
    qtbot.waitUntil(lambda: window.sync.task is None, timeout=30_000)
    service.sync_review(other, review_id, **FAST)
    assert other.replica.state_hash(review_id) == lead.replica.state_hash(review_id) and other.conflicts(review_id) == []
    other.close()
