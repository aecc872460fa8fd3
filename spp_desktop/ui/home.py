"""Home: the reviews on this laptop, "Import review package..." and "Open demo review"."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.review import ReviewSummary
from spp_desktop.store.repository import ReviewStore
from sync.protocol.package import PackageError

from . import theme
from .icons import icon


def review_dates(start: date, end: date) -> str:
    if start == end:
        return f"{start:%A} {start.day} {start:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day} to {end.day} {end.strftime('%B %Y')}"
    if start.year == end.year:
        return f"{start.day} {start.strftime('%B')} to {end.day} {end.strftime('%B %Y')}"
    return f"{start.day} {start.strftime('%B %Y')} to {end.day} {end.strftime('%B %Y')}"


def unsynced_text(count: int) -> str:
    if count <= 0:
        return "No changes waiting to sync"
    return "1 change not yet synced" if count == 1 else f"{count} changes not yet synced"


def package_error_text(exc: PackageError) -> str:
    return (f"This review package could not be imported: at {exc.path}, {exc.problem}. "
            "Nothing was added. Ask the partnership lead for a fresh copy of the package.")


class ReviewCard(QFrame):
    def __init__(self, summary: ReviewSummary, on_open: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        theme.set_role(self, "card")
        self.review_id = summary.id
        self.setAccessibleName(f"Review of {summary.host_school}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(theme.heading(summary.host_school, 2))
        text.addWidget(self._line(f"{review_dates(summary.start_date, summary.end_date)}  ·  Focus: {summary.focus}"))
        evidence = "1 evidence record" if summary.evidence_count == 1 else f"{summary.evidence_count} evidence records"
        text.addWidget(theme.muted_label(f"{evidence}  ·  {unsynced_text(summary.unsynced_changes)}"))
        layout.addLayout(text, 1)
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName(f"Open the review of {summary.host_school}")
        theme.set_role(self.open_button, "primary")
        self.open_button.clicked.connect(lambda: on_open(summary.id))
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)

    @staticmethod
    def _line(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        return label


class HomePage(QWidget):
    """The reviews held on this laptop. Emits `open_review(review_id)`."""

    open_review = Signal(str)

    def __init__(self, store: ReviewStore, *, demo_package: Callable[[], dict[str, Any]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.setAccessibleName("Reviews on this laptop")
        self._store = store
        self._demo_package = demo_package

        self.import_button = QPushButton(icon("import"), "&Import review package…")
        self.import_button.setAccessibleName("Import review package")
        self.import_button.clicked.connect(self.choose_package)
        self.demo_button = QPushButton("Open &demo review")
        self.demo_button.setAccessibleName("Open demo review")
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_button.setVisible(demo_package is not None)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Message")
        self.message_box = QFrame()
        theme.set_role(self.message_box, "problem")
        QVBoxLayout(self.message_box).addWidget(self.message)
        self.message_box.hide()

        self._cards = QVBoxLayout()
        self._cards.setSpacing(12)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addLayout(self._cards)
        holder_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(14)
        layout.addWidget(theme.heading("Reviews on this laptop", 1))
        layout.addWidget(theme.muted_label(
            "Everything here is encrypted with your passphrase. Import the review package you were sent "
            "by the partnership lead, or try the demo review."))
        layout.addLayout(buttons)
        layout.addWidget(self.message_box)
        layout.addWidget(scroll, 1)
        self.refresh()

    @property
    def cards(self) -> list[ReviewCard]:
        return [self._cards.itemAt(i).widget() for i in range(self._cards.count())
                if isinstance(self._cards.itemAt(i).widget(), ReviewCard)]

    def refresh(self) -> None:
        while self._cards.count():
            item = self._cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        summaries = self._store.list_reviews()
        for summary in sorted(summaries, key=lambda s: s.start_date, reverse=True):
            self._cards.addWidget(ReviewCard(summary, self.open_review.emit))
        if not summaries:
            empty = QFrame()
            theme.set_role(empty, "notice")
            box = QVBoxLayout(empty)
            box.addWidget(theme.heading("No reviews yet", 2))
            box.addWidget(QLabel("Choose “Import review package…” to add the review you are taking part in."))
            self._cards.addWidget(empty)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message_box.show()

    # --- actions ------------------------------------------------------------------------------------
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import review package", str(Path.home()),
                                              "Review packages (*.json);;All files (*)")
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> str | None:
        """Import a package file; a problem is shown in plain words. Returns the review id."""
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            self._problem(f"The file {path.name} could not be read ({type(exc).__name__}). Nothing was added.")
            return None
        except ValueError:
            self._problem(f"The file {path.name} is not a review package (it is not valid JSON). Nothing was added.")
            return None
        return self.import_document(doc)

    def import_document(self, doc: Any) -> str | None:
        try:
            review_id = self._store.import_package(doc)
        except PackageError as exc:
            self._problem(package_error_text(exc))
            return None
        self.message_box.hide()
        self.refresh()
        return review_id

    def open_demo(self) -> None:
        if self._demo_package is None:
            return
        review_id = self.import_document(self._demo_package())
        if review_id:
            self.open_review.emit(review_id)

    def _problem(self, text: str) -> None:
        self.show_message(text)
        self.message.setFocus()
