"""The review workspace: navigation between Plan, Evidence, Findings and Feedback, and their pages.

Pages are built the first time they are shown (start-up stays quick). Every page is a QWidget that
keeps the `WorkspacePage` contract below (`flush()`, `refresh()`, checked when the page is built);
pages with a `status_changed(str)` signal feed the status bar, and pages with `place_detail()` and
`return_to(detail)` are returned to, record and cursor, after unlocking. The workspace is the pages'
voice on the change hub (`ReviewEvents`): after a page saved, it counts the changes not yet synced once
and says `saved`; when the hub says records of this review `changed` (a sync, a bundle, a settled
conflict), it refreshes the pages it has built. A StoreError from the
store (the file vanished, was altered, the disk is full on a page that cannot keep the text) is
reported through `store_failed`, and the main window locks without writing anything more.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.review import ScheduleSlot
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ..i18n import summary_language
from ..icons import icon
from ..place import Place
from ..review_events import ReviewEvents
from .plan_page import Clock, PlanPage

if TYPE_CHECKING:  # imported when first shown, at run time (start-up pays only for the plan)
    from .evidence_page import EvidencePage
    from .feedback_page import FeedbackPage

log = logging.getLogger(__name__)


@runtime_checkable
class WorkspacePage(Protocol):
    """What the workspace asks of every page."""

    def flush(self) -> bool:
        """Save pending typing now. False if it could not be saved (it stays on screen)."""
        ...

    def refresh(self) -> None:
        """Show the store's records again (changes arrived from elsewhere)."""
        ...

# name, label, icon, shortcut
PAGES: tuple[tuple[str, str, str, str], ...] = (  # str(): PySide6 types QT_TRANSLATE_NOOP as object
    ("plan", str(QT_TRANSLATE_NOOP("Workspace", "Plan")), "plan", "Ctrl+1"),
    ("evidence", str(QT_TRANSLATE_NOOP("Workspace", "Evidence")), "evidence", "Ctrl+2"),
    ("findings", str(QT_TRANSLATE_NOOP("Workspace", "Findings")), "findings", "Ctrl+3"),
    ("feedback", str(QT_TRANSLATE_NOOP("Workspace", "Feedback")), "feedback", "Ctrl+4"),
    ("planning", str(QT_TRANSLATE_NOOP("Workspace", "Prepare")), "plan", "Ctrl+5"),
    ("improvement", str(QT_TRANSLATE_NOOP("Workspace", "Improve")), "findings", "Ctrl+6"),
)


def page_label(label: str) -> str:
    """A page name from PAGES in the interface language."""
    return QCoreApplication.translate("Workspace", label)


class ReviewWorkspace(QWidget):
    status_changed = Signal(str)
    store_failed = Signal(object)  # StoreError
    page_changed = Signal(str)

    def __init__(self, store: ReviewStore, review_id: str, *, clock: Clock | None = None,
                 page_factories: dict[str, Callable[..., QWidget]] | None = None,
                 events: ReviewEvents | None = None, documents_language: Callable[[], str] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reviewWorkspace")
        self._store = store
        self.review_id = review_id
        self.events = events if events is not None else ReviewEvents(self)
        self.events.changed.connect(self._on_records_changed)
        self._clock: Clock = clock or datetime.now
        self._documents_language = documents_language or summary_language  # the PDFs' language, asked each time
        self._factories = page_factories or {}
        self._pages: dict[str, QWidget] = {}
        self.review = store.review(review_id)
        self.setAccessibleName(self.tr("Review of {school}").format(school=self.review.host_school))

        self.nav = QListWidget()
        self.nav.setObjectName("workspaceNav")
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        char = self.fontMetrics().averageCharWidth()
        self.nav.setIconSize(QSize(self.fontMetrics().height() + 4, self.fontMetrics().height() + 4))
        widest = max(self.fontMetrics().horizontalAdvance(page_label(label)) for _n, label, _i, _s in PAGES)
        self._nav_wide = widest + self.nav.iconSize().width() + char * 9
        self._nav_narrow = self.nav.iconSize().width() + char * 6
        self._compact = False
        self.nav.setFixedWidth(self._nav_wide)
        for name, source_label, icon_name, shortcut in PAGES:
            label = page_label(source_label)
            item = QListWidgetItem(icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{label} ({shortcut})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            item.setSizeHint(QSize(0, round(self.fontMetrics().height() * 2.4)))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)

        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.nav, self.stack)

        self.show_page("plan")

    # --- pages --------------------------------------------------------------------------------------
    def _make_page(self, name: str) -> QWidget:
        factory = self._factories.get(name)
        if factory is not None:
            page = factory(self._store, self.review_id)
        elif name == "plan":
            page = PlanPage(self._store, self.review_id, clock=self._clock, review=self.review)
            page.slot_activated.connect(lambda slot, kind: self.new_evidence(kind, slot))
            page.evidence_opened.connect(self.open_evidence)
        # Page modules are imported when first shown: start-up pays only for the plan.
        elif name == "evidence":
            from .evidence_page import EvidencePage
            page = EvidencePage(self._store, self.review_id, clock=self._clock)
        elif name == "findings":
            from .findings_page import FindingsPage
            page = FindingsPage(self._store, self.review_id)
        elif name == "feedback":
            from .feedback_page import FeedbackPage
            page = FeedbackPage(self._store, self.review_id, documents_language=self._documents_language)
        elif name == "planning":
            from .planning.page import PlanningPage
            page = PlanningPage(self._store, self.review_id)
            page.plan_changed.connect(self._plan_changed)
        elif name == "improvement":
            from .improvement.page import ImprovementPage
            page = ImprovementPage(self._store, self.review_id, documents_language=self._documents_language)
        else:
            raise KeyError(name)
        if not isinstance(page, WorkspacePage):
            raise TypeError(f"The {name} page does not offer flush() and refresh()")
        status = getattr(page, "status_changed", None)
        if status is not None:
            status.connect(self._on_page_status)
        return page

    def page(self, name: str) -> QWidget:
        """The named page, built now if it has not been shown yet."""
        page = self._pages.get(name)
        if page is None:
            page = self._make_page(name)
            self._pages[name] = page
            self.stack.addWidget(page)
        return page

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._pages)

    @property
    def plan_page(self) -> PlanPage:
        return self.page("plan")  # type: ignore[return-value]

    @property
    def evidence_page(self) -> EvidencePage:
        return cast("EvidencePage", self.page("evidence"))

    @property
    def feedback_page(self) -> FeedbackPage:
        return cast("FeedbackPage", self.page("feedback"))

    def _show_evidence(self) -> EvidencePage:
        return cast("EvidencePage", self.show_page("evidence"))

    def _show_feedback(self) -> FeedbackPage:
        return cast("FeedbackPage", self.show_page("feedback"))

    def set_compact(self, compact: bool) -> None:
        """Icons only in the navigation (narrow windows, large scaling); names stay in tooltips."""
        if compact == self._compact:
            return
        self._compact = compact
        self.nav.setFixedWidth(self._nav_narrow if compact else self._nav_wide)
        for row, (_name, label, _icon, _shortcut) in enumerate(PAGES):
            self.nav.item(row).setText("" if compact else page_label(label))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.set_compact(event.size().width() < self.fontMetrics().averageCharWidth() * 150)

    def current_page_name(self) -> str:
        item = self.nav.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "plan"

    def show_page(self, name: str) -> QWidget:
        names = [p[0] for p in PAGES]
        row = names.index(name)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # -> _on_nav
        return self.page(name)

    def _on_nav(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        name = PAGES[row][0]
        try:
            page = self.page(name)
        except StoreError as exc:
            self.store_failed.emit(exc)
            return
        self.stack.setCurrentWidget(page)
        self.page_changed.emit(name)

    # --- what the toolbar and the plan ask for -----------------------------------------------------
    def new_evidence(self, kind: EvidenceKind, slot: ScheduleSlot | None = None) -> None:
        self._guarded(lambda: self._show_evidence().new_evidence(kind, slot))
        self.report_unsynced()

    def open_evidence(self, evidence_id: str) -> None:
        self._guarded(lambda: self._show_evidence().open_evidence(evidence_id))

    def present(self) -> None:
        """Present the findings (F5 from any page): the Feedback page comes up behind the slides."""
        self._guarded(lambda: self._show_feedback().present())

    def export_pdf(self) -> None:
        self._guarded(lambda: self._show_feedback().export_pdf())

    def focus_search(self) -> None:
        self._guarded(lambda: self._show_evidence().focus_search())

    def place(self) -> Place:
        """Where the reviewer is now: the page, and the page's own details (record, field, cursor)."""
        name = self.current_page_name()
        page = self._pages.get(name)
        detail = getattr(page, "place_detail", None)
        return Place(self.review_id, name, detail() if detail is not None else {})

    def return_to(self, place: Place) -> None:
        """Back to a `place()` taken earlier (after unlocking)."""
        if place.page not in [p[0] for p in PAGES]:
            return
        page = self.show_page(place.page)
        back = getattr(page, "return_to", None)
        if back is not None and place.detail:
            self._guarded(lambda: back(place.detail))

    def _guarded(self, call: Callable[[], object]) -> None:
        try:
            call()
        except StoreError as exc:
            self.store_failed.emit(exc)

    # --- saving, refreshing, checking ---------------------------------------------------------------
    def flush(self) -> bool:
        """Save pending typing on every page now. False if any page could not."""
        ok = True
        for name, page in self._pages.items():
            try:
                ok = bool(cast(WorkspacePage, page).flush()) and ok
            except StoreError as exc:
                log.warning("Page %s could not save: %s", name, type(exc).__name__)
                ok = False
        return ok

    def refresh(self) -> None:
        try:
            for page in self._pages.values():
                cast(WorkspacePage, page).refresh()
        except StoreError as exc:
            self.store_failed.emit(exc)
            return
        self.report_unsynced()

    def unsynced_count(self) -> int:
        return self._store.unsynced_count(self.review_id)

    def report_unsynced(self) -> None:
        """Count the changes not yet synced (once) and tell the hub."""
        try:
            count = self.unsynced_count()
        except StoreError as exc:
            self.store_failed.emit(exc)
            return
        self.events.saved.emit(self.review_id, count)

    def _on_records_changed(self, review_id: str, _entities: frozenset[str]) -> None:
        if review_id == self.review_id:
            self.refresh()

    def _plan_changed(self) -> None:
        """The lead changed the plan: the Plan page (when built) shows it at once."""
        plan = self._pages.get("plan")
        if plan is not None:
            cast(WorkspacePage, plan).refresh()
        self.report_unsynced()

    def _on_page_status(self, text: str) -> None:
        self.status_changed.emit(text)
        self.report_unsynced()

    def stop(self) -> None:
        """Stop timers before the workspace is thrown away (on lock)."""
        for page in self._pages.values():
            for timer in page.findChildren(QTimer):
                timer.stop()
