"""A review the partnership closed, in the window, against the real server: Sync now brings the closure,
the dialog says so and offers to save the documents (real PDFs), "Not now" keeps it with a "Remove…" on
its Home card, and removing it takes the window off its pages and the review off the laptop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date  # noqa: E402

from pypdf import PdfReader  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from sync.server import closing  # noqa: E402
from tests.ui.test_sync_ui import checked_out, live, open_window, world  # noqa: E402,F401


def test_sync_brings_the_closure_then_save_and_remove(qtbot, world, tmp_path, open_window):  # noqa: F811
    review_id = world.new_review(members=2)
    store = checked_out(world, tmp_path / "data", 0, review_id)
    question = store.review(review_id).questions[0]
    store.create_finding(review_id, question.id, "strength", "Pupils talk about books with enthusiasm.",
                         status="agreed")
    window = open_window(store, review_id)
    closing.close_review(world.storage, review_id, date(2027, 5, 1))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: "closed" in window.sync.dialogs, timeout=30_000)
    dialog = window.sync.dialogs["closed"]
    assert "1 May 2027" in dialog.explanation.text() and dialog.waiting.isHidden()
    assert dialog.remove_button.isEnabled() and dialog.save_button.isDefault()

    [pdf] = dialog.save_documents(tmp_path / "kept")
    assert "Pupils talk about books" in " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert pdf.name in dialog.result_label.text()
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    assert dialog.save_documents(blocked) == []
    assert "could not be saved" in dialog.result_label.text() and store.has_review(review_id)

    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)  # Not now: kept, and Home says why
    assert "closed" not in window.sync.dialogs and store.has_review(review_id)
    window.show_home()
    [card] = [c for c in window.home.cards if c.review_id == review_id]
    assert card.remove_button is not None
    qtbot.mouseClick(card.remove_button, Qt.MouseButton.LeftButton)
    dialog = window.sync.dialogs["closed"]
    window.open_review(review_id)  # the review is on screen when the user removes it
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Typed after the close")
    dialog = window.sync.offer_removal(review_id)
    assert not dialog.waiting.isHidden() and not dialog.remove_button.isEnabled()  # unsent work: it stays
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    window.sync.act_sync.trigger()  # the toolbar's Sync now
    qtbot.waitUntil(lambda: "closed" in window.sync.dialogs, timeout=30_000)  # the sync asks again
    dialog = window.sync.dialogs["closed"]
    assert store.unsynced_count(review_id) == 0 and dialog.remove_button.isEnabled()
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert not store.has_review(review_id) and window.current_review_id is None and window.home is not None
    assert review_id not in [c.review_id for c in window.home.cards]
    assert "removed from this laptop" in window.statusBar().currentMessage()
