"""The change hub: one object per window that says what changed in the open store, once, to whoever
shows it (the model is Anki's `OpChanges`). Nobody walks the window to refresh things by hand.

Who says what:
- a workspace page saved the reviewer's own typing -> `saved(review_id, unsynced)`, with the number of
  changes waiting to be synced counted once, by the workspace;
- changes arrived from elsewhere (a sync that pulled, a team bundle, a checkout, a settled conflict) ->
  `changed(review_id, entities)`: the entity names that changed, or ANYTHING when that is not known;
- a sync finished without changing any record (it only sent ours) -> `synced(review_id)`;
- a closed review was removed from this laptop -> `removed(review_id)`.

Who listens: the review workspace (its built pages refresh), Home (its cards), the conflicts window,
and the sync controller's status words and conflicts count. A listener is a QObject slot, so Qt drops
the connection when the widget is thrown away (on lock, or going Home).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

ANYTHING: frozenset[str] = frozenset()  # `changed` without a list: any record of the review may differ


class ReviewEvents(QObject):
    saved = Signal(str, int)  # review_id, changes not yet synced
    changed = Signal(str, object)  # review_id, frozenset of entity names (ANYTHING: not known)
    synced = Signal(str)  # review_id: what waits to be sent, and when it was last synced, changed
    removed = Signal(str)  # review_id: no longer on this laptop

    def records_changed(self, review_id: str, entities: frozenset[str] = ANYTHING) -> None:
        self.changed.emit(review_id, entities)
