"""Release to the partnership on the laptop: the lead ticks what the web console may show, with the head's
consent; the same `release` record the server's console reads (an op that syncs like any other)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from spp_desktop.ui.review.release_box import ReleaseBox


def test_the_lead_releases_with_the_heads_consent(qtbot, demo_store) -> None:
    store, review_id = demo_store
    box = ReleaseBox(store, review_id)
    qtbot.addWidget(box)
    assert box.release_button.isEnabled()  # the demo's reviewer is its lead
    assert "Nothing is released" in box.state.text()
    messages: list[str] = []
    box.status_changed.connect(messages.append)
    box.parts["findings"].setChecked(True)
    qtbot.mouseClick(box.release_button, Qt.MouseButton.LeftButton)
    assert "consent" in messages[-1] and not store.release(review_id).released  # no consent, no release
    box.consent.setChecked(True)
    qtbot.mouseClick(box.release_button, Qt.MouseButton.LeftButton)
    release = store.release(review_id)
    assert release.released and release.findings and not release.priority
    assert release.consent_date == date.today()
    assert "next sync" in messages[-1] and "Released with" in box.state.text()
    # The record is an op in the log, ready to sync: its entity is `release`, its id the review's.
    assert store.may_change(review_id, "release", review_id, fields={"findings": False})
    again = ReleaseBox(store, review_id)
    qtbot.addWidget(again)
    assert again.parts["findings"].isChecked() and not again.parts["actions"].isChecked()
