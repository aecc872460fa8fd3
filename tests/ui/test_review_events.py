"""The change hub (ui/review_events.py) in the real window on the demo store: a save is counted once and
never rescans conflicts; changes from elsewhere reach the workspace, Home and the conflicts window
through the hub, not through the sync controller walking the window."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from spp_desktop.domain.evidence import EvidenceKind
from tests.helpers import small_package


class Calls:
    """Counts calls to one of the real store's methods (the method still runs)."""

    def __init__(self, obj: Any, name: str, monkeypatch: Any):
        self.count = 0
        real: Callable[..., Any] = getattr(obj, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(obj, name, counted)


def waiting(n: int) -> str:
    return "1 change not yet synced" if n == 1 else f"{n} changes not yet synced"


def test_a_save_counts_unsynced_changes_once_and_never_looks_for_conflicts(qtbot, unlocked_window, demo_store,
                                                                            monkeypatch):
    store, _review_id = demo_store
    window = unlocked_window
    page = window.workspace.show_page("evidence")
    page.new_evidence(EvidenceKind.OBSERVATION)
    assert page.flush() is True
    counts = Calls(store, "unsynced_count", monkeypatch)
    conflicts = Calls(store, "conflicts", monkeypatch)
    qtbot.keyClicks(page.form.editors["notes"], "Pupils explained their method to a partner.")
    assert page.flush() is True  # the autosave, now
    assert counts.count == 1 and conflicts.count == 0
    assert window.sync.words.text() == waiting(store.unsynced_count(window.current_review_id))


def test_changes_from_elsewhere_refresh_the_pages_that_show_the_review(qtbot, unlocked_window, demo_store):
    store, review_id = demo_store
    window = unlocked_window
    model = window.workspace.show_page("evidence").list.model
    before = model.rowCount()
    arrived = store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name="Year 2 (from the team)")
    window.events.records_changed(review_id)  # as a sync that pulled, or a team bundle, says it
    assert model.rowCount() == before + 1 and model.row_of(arrived.id) >= 0
    assert window.sync.words.text() == waiting(store.unsynced_count(review_id))

    unseen = store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name="Year 3")
    window.events.records_changed(str(uuid.uuid4()))  # another review's changes: this one's list stays
    assert model.row_of(unseen.id) == -1


def test_home_redraws_when_a_review_is_synced_changed_or_removed(qtbot, unlocked_window, demo_store):
    store, _review_id = demo_store
    window = unlocked_window
    window.show_home()
    home = window.home
    assert home is not None and len(home.cards) == 1
    package = small_package()
    package["review"]["id"] = str(uuid.uuid4())
    second = store.import_package(package)
    window.events.records_changed(second)  # a checkout brought a review
    assert len(home.cards) == 2
    store.remove_review(second)
    window.events.removed.emit(second)
    assert len(home.cards) == 1
    first = home.cards[0]
    window.events.synced.emit(_review_id)
    assert len(home.cards) == 1 and home.cards[0] is not first  # drawn again, with the new counts


def test_the_open_conflicts_window_refreshes_from_the_hub(qtbot, unlocked_window):
    window = unlocked_window
    dialog = window.sync.open_conflicts()
    assert dialog is not None
    refreshed: list[int] = []
    original = dialog.panel.refresh

    def counted() -> None:
        refreshed.append(1)
        original()

    dialog.panel.refresh = counted  # type: ignore[method-assign]
    window.events.records_changed(window.current_review_id)
    window.events.records_changed("another-review")  # not this window's review
    assert refreshed == [1]
    dialog.reject()
