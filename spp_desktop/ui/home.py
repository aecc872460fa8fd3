"""Home: the reviews on this laptop, "Import review package..." and "Open demo review"."""

from __future__ import annotations

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
    QVBoxLayout,
    QWidget,
)

from spp_desktop.domain.improvement import Stage
from spp_desktop.domain.review import ReviewSummary
from spp_desktop.store.repository import ReviewStore
from sync.protocol.package import MAX_PACKAGE_FILE_BYTES, PackageError, parse_package_json

from . import theme
from .i18n import counted, date_range, full_date, label, translate
from .i18n_sync import unsynced_words
from .icons import icon
from .review_events import ReviewEvents
from .widgets.scroll_column import scrolling_column


def review_dates(start: date, end: date) -> str:
    """Tuesday 10 March 2026; 10 to 11 March 2026 (in the interface language)."""
    return date_range(start, end)


def package_error_text(exc: PackageError) -> str:
    return translate("Home", "This review package could not be imported: at {where}, {problem}. Nothing was added. "
                             "Ask the partnership lead for a fresh copy of the package.").format(
        where=exc.path, problem=exc.problem)


class ReviewCard(QFrame):
    def __init__(self, summary: ReviewSummary, on_open: Callable[[str], None], parent: QWidget | None = None, *,
                 on_remove: Callable[[str], None] | None = None):
        super().__init__(parent)
        theme.set_role(self, "card")
        self.review_id = summary.id
        self.setAccessibleName(self.tr("Review of {school}").format(school=summary.host_school))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        text = QVBoxLayout()
        text.setSpacing(4)
        text.addWidget(theme.heading(summary.host_school, 2))
        text.addWidget(self._line(self.tr("{dates}  ·  Focus: {focus}").format(
            dates=review_dates(summary.start_date, summary.end_date), focus=summary.focus)))
        count = summary.evidence_count
        evidence = counted(self.tr("%n evidence record(s)", "", count), count)
        stage = str(summary.extra.get("stage") or "")
        stage_text = (self.tr("Stage: {stage}").format(stage=label(Stage(stage))) + "  ·  "
                      if stage in Stage._value2member_map_ else "")
        text.addWidget(theme.muted_label(f"{stage_text}{evidence}  ·  {unsynced_words(summary.unsynced_changes)}"))
        closed_on = summary.extra.get("closed_on")
        if closed_on:  # the partnership closed it: the laptop's copy is to go (services/closing.py)
            notice = QLabel(self.tr("Closed by the partnership on {date}. Save its documents if you need them, "
                                    "then remove it from this laptop.").format(
                date=full_date(date.fromisoformat(closed_on))))
            notice.setWordWrap(True)
            text.addWidget(notice)
        elif summary.extra.get("keep_until"):  # the retention date: the server purges the evidence after it
            text.addWidget(theme.muted_label(self.tr("Evidence kept until {date}").format(
                date=full_date(date.fromisoformat(summary.extra["keep_until"])))))
        layout.addLayout(text, 1)
        self.remove_button: QPushButton | None = None
        if closed_on and on_remove is not None:
            self.remove_button = QPushButton(self.tr("Remove…"))
            self.remove_button.setAccessibleName(self.tr("Remove the closed review of {school}").format(
                school=summary.host_school))
            self.remove_button.clicked.connect(lambda: on_remove(summary.id))
            layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the review of {school}").format(school=summary.host_school))
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
    remove_review = Signal(str)  # a closed review's "Remove…" (the sync controller offers the export first)

    def __init__(self, store: ReviewStore, *, demo_package: Callable[[], dict[str, Any]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homePage")
        self.setAccessibleName(self.tr("Reviews on this laptop"))
        self._store = store
        self._demo_package = demo_package

        self.import_button = QPushButton(icon("import"), self.tr("&Import review package…"))
        self.import_button.setAccessibleName(self.tr("Import review package"))
        self.import_button.clicked.connect(self.choose_package)
        self.demo_button = QPushButton(self.tr("Open &demo review"))
        self.demo_button.setAccessibleName(self.tr("Open demo review"))
        self.demo_button.clicked.connect(self.open_demo)
        self.demo_button.setVisible(demo_package is not None)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        self._buttons = buttons

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message_box = QFrame()
        theme.set_role(self.message_box, "problem")
        QVBoxLayout(self.message_box).addWidget(self.message)
        self.message_box.hide()

        scroll, self._cards = scrolling_column(12)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(14)
        layout.addWidget(theme.heading(self.tr("Reviews on this laptop"), 1))
        layout.addWidget(theme.muted_label(self.tr(
            "Everything here is encrypted with your passphrase. Import the review package you were sent "
            "by the partnership lead, or try the demo review.")))
        layout.addLayout(buttons)
        layout.addWidget(self.message_box)
        layout.addWidget(scroll, 1)
        self.refresh()

    @property
    def cards(self) -> list[ReviewCard]:
        items = (self._cards.itemAt(i) for i in range(self._cards.count()))
        return [card for item in items if item is not None and isinstance(card := item.widget(), ReviewCard)]

    def refresh(self) -> None:
        while self._cards.count():
            item = self._cards.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        summaries = self._store.list_reviews()
        for summary in sorted(summaries, key=lambda s: s.start_date, reverse=True):
            self._cards.addWidget(ReviewCard(summary, self.open_review.emit, on_remove=self.remove_review.emit))
        if not summaries:
            empty = QFrame()
            theme.set_role(empty, "notice")
            box = QVBoxLayout(empty)
            box.addWidget(theme.heading(self.tr("No reviews yet"), 2))
            hint = QLabel(self.tr("Choose “Import review package…” to add the review you are taking part in."))
            hint.setWordWrap(True)
            box.addWidget(hint)
            self._cards.addWidget(empty)

    def follow(self, events: ReviewEvents) -> None:
        """Redraw the cards whenever the hub says a review changed, was synced or was removed."""
        events.changed.connect(self._on_records_changed)
        events.synced.connect(self._on_review_event)
        events.removed.connect(self._on_review_event)

    def _on_records_changed(self, _review_id: str, _entities: frozenset[str]) -> None:
        self.refresh()

    def _on_review_event(self, _review_id: str) -> None:
        self.refresh()

    def add_button(self, button: QPushButton) -> None:
        """A button beside Import (the sync controller adds "Sign in to server…")."""
        self._buttons.insertWidget(self._buttons.count() - 1, button)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message_box.show()

    # --- actions ------------------------------------------------------------------------------------
    def choose_package(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import review package"), str(Path.home()),
                                              self.tr("Review packages (*.json);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> str | None:
        """Import a package file; a problem is shown in plain words. Returns the review id."""
        try:
            if path.stat().st_size > MAX_PACKAGE_FILE_BYTES:  # refused before it is read
                self._problem(self.tr("The file {name} is far larger than a review package, so it was not read. "
                                      "Nothing was added.").format(name=path.name))
                return None
            doc = parse_package_json(path.read_text(encoding="utf-8"))
        except PackageError as exc:  # too many records: refused part way through parsing
            self._problem(package_error_text(exc))
            return None
        except RecursionError:
            self._problem(self.tr("The file {name} is nested far too deeply to be a review package. Nothing was "
                                  "added.").format(name=path.name))
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self._problem(self.tr("The file {name} could not be read ({error}). Nothing was added.").format(
                name=path.name, error=type(exc).__name__))
            return None
        except ValueError:
            self._problem(self.tr("The file {name} is not a review package (it is not valid JSON). Nothing was "
                                  "added.").format(name=path.name))
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
