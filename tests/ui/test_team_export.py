"""The offline fallback decided up front: a review without a team key cannot be exported for the team,
and says why before any file is chosen; bundle names tell the reviewer and the time apart."""

from __future__ import annotations

import os
from datetime import datetime

import spp_desktop.ui.sync.bundles as bundles_module
from spp_desktop.ui.sync.bundles import bundle_name, initials


def test_a_review_without_a_team_key_greys_out_export_and_says_why(qtbot, unlocked_window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(bundles_module, "ask_path", lambda *a, **k: asked.append("asked") or None)
    action = unlocked_window.sync.act_export
    assert action.isVisible() and not action.isEnabled()  # the demo review was imported from a package
    assert "no team key" in action.toolTip() and "checked out from the server" in action.toolTip()

    unlocked_window.sync.export_for_team()  # reached anyway (e.g. an old shortcut): the reason, no file dialog
    qtbot.waitUntil(lambda: unlocked_window.sync.bundles.message_box is not None)
    assert "no team key" in unlocked_window.sync.bundles.message_box.text()
    assert asked == []
    unlocked_window.sync.bundles.message_box.accept()


def test_a_checked_out_review_can_be_exported_under_a_name_with_who_and_when(qtbot, unlocked_window, demo_store):
    store, review_id = demo_store
    store.replica.set_team_key(review_id, os.urandom(32))
    unlocked_window.sync.show_review(review_id)
    assert unlocked_window.sync.act_export.isEnabled()

    me = next(m for m in store.review(review_id).team if m.id == store.me(review_id))
    name = bundle_name(store, review_id, datetime(2026, 3, 12, 16, 42))
    assert name == f"team-bundle-{initials(me.name)}-2026-03-12-1642.sppteam"
    assert initials(me.name) and me.name not in name and store.review(review_id).host_school not in name
    assert initials("Sam O'Neill-Jones") == "SOJ"
