"""The Feedback page: the feedback conversation with the headteacher (see `feedback_view`).

`FeedbackPage` is the `FeedbackView` under the name and interface the shell expects: constructor
`(store, review_id, parent)`, `flush()`, `refresh()`, `status_changed(str)`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from spp_desktop.store.repository import ReviewStore

from .feedback_view import FeedbackView


class FeedbackPage(FeedbackView):
    def __init__(self, store: ReviewStore, review_id: str, parent: QWidget | None = None, *,
                 documents_language: Callable[[], str] | None = None):
        super().__init__(store, review_id, parent, present_key=False,  # F5: the window's Review ▸ Present
                         documents_language=documents_language)
        self.setObjectName("feedbackPage")
        self.setAccessibleName(self.tr("Feedback"))
        self.review_id = review_id
