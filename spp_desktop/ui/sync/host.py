"""What the sync controller and the quit reminder need of the window around them, and nothing more.

The main window implements it; the sync side never imports the main window (that was an import circle,
with some thirty reaches into the window's widgets). Anything else the window shows is told through
the change hub (`ui/review_events.py`).
"""

from __future__ import annotations

from typing import Protocol

from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore


class SyncHost(Protocol):
    @property
    def store(self) -> ReviewStore | None:
        """The unlocked store (None while locked)."""
        ...

    @property
    def current_review_id(self) -> str | None:
        """The review on screen (None: Home or the lock screen)."""
        ...

    @property
    def showing_home(self) -> bool: ...

    def save_typing(self) -> bool:
        """Save what the pages hold now. False if some typing could not be saved (it stays on screen)."""
        ...

    def show_home(self) -> None: ...

    def open_review(self, review_id: str) -> None: ...

    def show_message(self, text: str) -> None:
        """A passing message in the status bar."""
        ...

    def on_store_error(self, exc: StoreError) -> None:
        """A store call failed: the window says why and locks."""
        ...
