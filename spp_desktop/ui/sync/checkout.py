"""The reviews the server assigns to me, each with "Check out" (package, team and team key onto this
laptop, then a first sync), with progress and Cancel. The list and the checkout run on workers."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.review import Role
from spp_desktop.services import sync_service as service
from spp_desktop.store.repository import ReviewStore

from .. import theme
from ..home import review_dates
from ..i18n import label
from ..i18n_sync import sync_error_text
from ..tasks import Task, run_in_background
from ..widgets.scroll_column import scrolling_column
from .status import ProgressRelay
from .words import stage_text


def _dates(start: str, end: str) -> str:
    try:
        return review_dates(date.fromisoformat(start), date.fromisoformat(end or start))
    except ValueError:
        return start


class AssignedRow(QFrame):
    """One assigned review: school, dates, focus, my role; Check out, or Open once it is here."""

    def __init__(self, review: Any, on_laptop: bool, parent: QWidget | None = None):
        super().__init__(parent)
        theme.set_role(self, "card")
        self.review_id = review.id
        self.setAccessibleName(self.tr("Review of {school}").format(school=review.host_school))
        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(theme.heading(review.host_school, 3))
        line = QLabel(self.tr("{dates}  ·  Focus: {focus}").format(dates=_dates(review.start_date, review.end_date),
                                                                  focus=review.focus))
        line.setWordWrap(True)
        text.addWidget(line)
        try:
            role = label(Role(review.role))
        except ValueError:
            role = review.role
        self.state = theme.muted_label("")
        text.addWidget(self.state)
        self._role = role
        self.check_out_button = QPushButton(self.tr("Check out"))
        self.check_out_button.setAccessibleName(self.tr("Check out the review of {school}").format(
            school=review.host_school))
        theme.set_role(self.check_out_button, "primary")
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the review of {school}").format(school=review.host_school))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(text, 1)
        layout.addWidget(self.check_out_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_on_laptop(on_laptop)

    def set_on_laptop(self, on_laptop: bool) -> None:
        self.on_laptop = on_laptop
        where = self.tr("On this laptop") if on_laptop else self.tr("Not on this laptop yet")
        self.state.setText(self.tr("You are: {role}  ·  {where}").format(role=self._role, where=where))
        self.check_out_button.setVisible(not on_laptop)
        self.open_button.setVisible(on_laptop)


class ReviewsDialog(QDialog):
    checked_out = Signal(str)  # review id, now on this laptop
    open_review = Signal(str)

    def __init__(self, store: ReviewStore, *, session_options: dict[str, Any] | None = None,
                 parent: QWidget | None = None, autoload: bool = True):
        super().__init__(parent)
        self.setObjectName("reviewsDialog")
        self.setWindowTitle(self.tr("Reviews on the server"))
        self._store = store
        self._options = dict(session_options or {})
        self.task: Task | None = None
        self.relay: ProgressRelay | None = None
        self.checking_out: str | None = None
        self.rows: list[AssignedRow] = []
        account = store.server_account() or {}

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        scroll, self._list = scrolling_column(10)

        self.stage = QLabel()
        self.stage.setAccessibleName(self.tr("Check-out progress"))
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Check-out progress"))
        self.cancel_button = QPushButton(self.tr("Cancel check-out"))
        self.cancel_button.clicked.connect(self.cancel)
        progress = QHBoxLayout()
        progress.addWidget(self.stage, 1)
        progress.addWidget(self.bar, 1)
        progress.addWidget(self.cancel_button)
        self._progress_widgets = (self.stage, self.bar, self.cancel_button)

        buttons = QDialogButtonBox()
        self.refresh_button = buttons.addButton(self.tr("Look again"), QDialogButtonBox.ButtonRole.ActionRole)
        self.refresh_button.clicked.connect(self.load)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(theme.heading(self.tr("Reviews assigned to you"), 2))
        layout.addWidget(theme.muted_label(self.tr(
            "Signed in as {user} on {server}. Check out a review to bring its plan and team onto this "
            "laptop; you can then work on it without a network.").format(
                user=account.get("username", ""), server=account.get("url", ""))))
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        layout.addLayout(progress)
        layout.addWidget(buttons)
        char = self.fontMetrics().averageCharWidth()
        self.resize(char * 100, self.fontMetrics().height() * 26)
        self._show_progress(False)
        if autoload:
            self.load()

    # --- the list -----------------------------------------------------------------------------------
    def load(self) -> None:
        if self.task is not None:
            return
        self._say(self.tr("Asking the server which reviews are yours…"))
        self.refresh_button.setEnabled(False)
        opener = self._store.worker_opener()  # made here, on the UI thread; the worker opens its connection
        self.task = run_in_background(service.in_worker, opener, service.assigned_reviews, **self._options)
        self.task.succeeded.connect(self.show_reviews)
        self.task.failed.connect(self._on_failed)

    def show_reviews(self, reviews: list[Any]) -> None:
        self.task = None
        self.refresh_button.setEnabled(True)
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        here = set(self._store.review_ids())
        for review in reviews:
            row = AssignedRow(review, review.id in here)
            row.check_out_button.clicked.connect(lambda _c=False, rid=review.id: self.check_out(rid))
            row.open_button.clicked.connect(lambda _c=False, rid=review.id: self._open(rid))
            self._list.addWidget(row)
            self.rows.append(row)
        if reviews:
            self._say("")
        else:
            self._say(self.tr("The server has no reviews for you yet. Ask your partnership lead to add you to "
                              "the review team, then choose “Look again”."))

    def row(self, review_id: str) -> AssignedRow | None:
        return next((r for r in self.rows if r.review_id == review_id), None)

    # --- checking out -------------------------------------------------------------------------------
    def check_out(self, review_id: str) -> None:
        if self.task is not None:
            return
        self.checking_out = review_id
        for row in self.rows:
            row.check_out_button.setEnabled(False)
        self._say("")
        self.relay = ProgressRelay(self)
        self.relay.progressed.connect(self._on_progress)
        self._show_progress(True)
        self.stage.setText(self.tr("Fetching the review from the server…"))
        self.task = run_in_background(service.in_worker, self._store.worker_opener(), service.check_out, review_id,
                                      progress=self.relay.callback, cancelled=self.relay.cancelled,
                                      **self._options)
        self.task.succeeded.connect(self._on_checked_out)
        self.task.failed.connect(self._on_failed)

    def cancel(self) -> None:
        if self.relay is not None:
            self.relay.cancel()
            self.stage.setText(self.tr("Stopping after this step…"))
            self.cancel_button.setEnabled(False)

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(stage_text(stage, done, total))
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(min(1000, done * 1000 // total))
        else:
            self.bar.setRange(0, 0)

    def _on_checked_out(self, report: Any) -> None:
        review_id, self.checking_out = self.checking_out, None
        self._finish()
        row = self.row(review_id) if review_id else None
        if row is not None:
            row.set_on_laptop(True)
        if report.cancelled:
            text = self.tr("The review is on this laptop, but its first sync was stopped. Sync it to finish.")
        else:
            text = self.tr("The review is on this laptop now: open it here or from Reviews.")
        self._say(text)
        if review_id:
            self.checked_out.emit(review_id)

    def _on_failed(self, exc: BaseException) -> None:
        self.checking_out = None
        self._finish()
        self.refresh_button.setEnabled(True)
        self._say(sync_error_text(exc), problem=True)

    def _say(self, text: str, *, problem: bool = False) -> None:
        theme.set_role(self.message, "error" if problem else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _finish(self) -> None:
        self.task = None
        self.relay = None
        self._show_progress(False)
        for row in self.rows:
            row.check_out_button.setEnabled(True)

    def _show_progress(self, shown: bool) -> None:
        for widget in self._progress_widgets:
            widget.setVisible(shown)
        self.cancel_button.setEnabled(shown)
        self.bar.setRange(0, 0)

    def _open(self, review_id: str) -> None:
        self.open_review.emit(review_id)
        self.accept()
