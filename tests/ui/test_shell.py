"""The shell: home, the workspace and its navigation, the plan page, settings, icons and theme."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QSpinBox,
    QTabBar,
    QWidget,
)

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.ui import icons, theme
from spp_desktop.ui.review.plan_page import slot_evidence_kind
from spp_desktop.ui.settings import Settings, load_settings, save_settings


class RecordingEvidencePage(QWidget):
    """Stands in for the evidence page: records what the shell asks of it."""

    status_changed = Signal(str)

    def __init__(self, store, review_id, parent=None, clock=None):
        super().__init__(parent)
        self.calls: list[tuple] = []

    def new_evidence(self, kind, slot=None):
        self.calls.append(("new", kind, slot))

    def open_evidence(self, evidence_id):
        self.calls.append(("open", evidence_id))

    def focus_search(self):
        self.calls.append(("search",))

    def flush(self):
        self.calls.append(("flush",))
        return True

    def refresh(self):
        pass


@pytest.fixture
def recording_page(monkeypatch):
    # The workspace imports the evidence page module when the page is first shown.
    import spp_desktop.ui.review.evidence_page as evidence_page_module
    monkeypatch.setattr(evidence_page_module, "EvidencePage", RecordingEvidencePage)


def at(hour: int, minute: int):
    return lambda: datetime.combine(date.today(), time(hour, minute))


# --- plan -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("activity, kind", [
    ("observation", EvidenceKind.OBSERVATION), ("Lesson observation", EvidenceKind.OBSERVATION),
    ("learning_walk", EvidenceKind.LEARNING_WALK), ("Learning walk", EvidenceKind.LEARNING_WALK),
    ("interview", EvidenceKind.INTERVIEW), ("focus_group", EvidenceKind.FOCUS_GROUP),
    ("book_scrutiny", EvidenceKind.BOOK_SCRUTINY), ("Book look", EvidenceKind.BOOK_SCRUTINY),
    ("data_review", EvidenceKind.DATA_REVIEW), ("survey", EvidenceKind.SURVEY), ("document", EvidenceKind.DOCUMENT),
    ("Pre-brief", None), ("Team meeting", None), ("Feedback conversation", None), ("", None),
])
def test_slot_activity_maps_to_an_evidence_kind(activity, kind):
    assert slot_evidence_kind(activity) is kind


class TestPlanAtTenPastNine:
    @pytest.fixture
    def review_clock(self):
        return at(9, 10)

    def test_highlights_the_current_slots_and_selects_mine(self, unlocked_window):
        plan = unlocked_window.workspace.plan_page
        rows = plan.current_rows()
        slots = plan.visible_slots()
        assert [slots[r].start for r in rows] == [time(9, 0)] * 3
        assert all(plan.table.item(r, 0).text().endswith("Now") for r in rows)
        assert all(plan.table.item(r, 1).font().bold() for r in rows)
        others = [r for r in range(plan.table.rowCount()) if r not in rows]
        assert not any(plan.table.item(r, 0).text().endswith("Now") for r in others)
        selected = plan.slot_at(plan.table.currentRow())
        assert selected.location == "Year 4 (Oak class)"  # the lead reviewer's own slot
        assert plan.day_tabs.tabText(plan.day_tabs.currentIndex()).endswith("(today)")

    def test_enter_on_a_slot_starts_its_evidence_form(self, qtbot, recording_page, unlocked_window):
        plan = unlocked_window.workspace.plan_page
        plan.table.setFocus()
        qtbot.keyClick(plan.table, Qt.Key.Key_Return)
        page = unlocked_window.workspace.evidence_page
        assert unlocked_window.workspace.stack.currentWidget() is page
        assert len(page.calls) == 1
        _, kind, slot = page.calls[0]
        assert kind is EvidenceKind.OBSERVATION
        assert slot.location == "Year 4 (Oak class)" and slot.start == time(9, 0)

    def test_start_button_and_double_click(self, qtbot, recording_page, unlocked_window):
        plan = unlocked_window.workspace.plan_page
        book_row = next(r for r, s in enumerate(plan.visible_slots()) if s.activity == "book_scrutiny")
        plan.table.selectRow(book_row)
        assert plan.start_button.text() == "Start book scrutiny"
        qtbot.mouseClick(plan.start_button, Qt.MouseButton.LeftButton)
        assert unlocked_window.workspace.evidence_page.calls[-1][1] is EvidenceKind.BOOK_SCRUTINY

    def test_toolbar_actions_reach_the_evidence_page(self, qtbot, recording_page, unlocked_window):
        qtbot.keyClick(unlocked_window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        unlocked_window.act_new_evidence[EvidenceKind.INTERVIEW].trigger()
        unlocked_window.act_new_evidence[EvidenceKind.BOOK_SCRUTINY].trigger()
        qtbot.keyClick(unlocked_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        calls = unlocked_window.workspace.evidence_page.calls
        assert calls == [("new", EvidenceKind.OBSERVATION, None), ("new", EvidenceKind.INTERVIEW, None),
                         ("new", EvidenceKind.BOOK_SCRUTINY, None), ("search",)]

    def test_locking_flushes_the_pages(self, recording_page, unlocked_window):
        page = unlocked_window.workspace.evidence_page
        unlocked_window.lock()
        assert ("flush",) in page.calls


class TestPlanAtTwentyToNine:
    @pytest.fixture
    def review_clock(self):
        return at(8, 40)

    def test_a_meeting_slot_only_shows_a_note(self, recording_page, unlocked_window):
        plan = unlocked_window.workspace.plan_page
        row = plan.table.currentRow()
        assert plan.slot_at(row).activity.startswith("Pre-brief")
        assert not plan.start_button.isEnabled()
        plan.activate_row(row)
        assert "not an evidence activity" in plan.note.text()
        assert "not an evidence activity" in unlocked_window.save_status.text()
        assert "evidence" not in unlocked_window.workspace.built_pages()


def test_plan_before_the_review_shows_the_first_day_without_highlight(qtbot, unlocked_window):
    plan = unlocked_window.workspace.plan_page
    plan._clock = lambda: datetime(2000, 1, 1, 9, 10)
    plan.update_current()
    assert plan.current_rows() == []


def test_real_evidence_page_takes_a_slot(qtbot, unlocked_window):
    pytest.importorskip("spp_desktop.ui.review.evidence_page")
    plan = unlocked_window.workspace.plan_page
    row = next(r for r, s in enumerate(plan.visible_slots()) if s.activity == "observation")
    plan.activate_row(row)
    assert unlocked_window.workspace.current_page_name() == "evidence"
    assert unlocked_window.workspace.flush()


# --- workspace and window ---------------------------------------------------------------------------
def test_title_navigation_and_status_bar(qtbot, unlocked_window, demo_store):
    store, review_id = demo_store
    window = unlocked_window
    assert window.windowTitle() == "Brookfield Primary School"  # Qt adds " — SPP Desktop"
    for key, name in ((Qt.Key.Key_3, "findings"), (Qt.Key.Key_4, "feedback"), (Qt.Key.Key_1, "plan")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.workspace.current_page_name() == name
    assert window.sync.words.text() == "No changes waiting to sync"
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name="Year 2")
    window.workspace.plan_page.status_changed.emit("Saved 10:32")  # as a page reports a save
    assert window.save_status.text() == "Saved 10:32"
    assert window.sync.words.text() == "1 change not yet synced"


def test_home_lists_reviews_and_opens_one(qtbot, unlocked_window, demo_store):
    store, review_id = demo_store
    window = unlocked_window
    window.act_home.trigger()
    assert window.workspace is None and window.home is not None
    assert window.windowTitle() == "SPP Desktop"
    cards = window.home.cards
    assert len(cards) == 1
    texts = " ".join(lbl.text() for lbl in cards[0].findChildren(type(window.save_status)))
    assert "Brookfield Primary School" in texts and "Reading in Key Stage 2" in texts
    assert "31 evidence records" in texts and "No changes waiting to sync" in texts
    from spp_desktop.ui.i18n import full_date

    keep = date.fromisoformat(store.list_reviews()[0].extra["keep_until"])  # the retention date, on the card
    assert f"Evidence kept until {full_date(keep)}" in texts
    assert not window.act_new_evidence[EvidenceKind.OBSERVATION].isVisible()
    qtbot.mouseClick(cards[0].open_button, Qt.MouseButton.LeftButton)
    assert window.current_review_id == review_id


def test_import_reports_the_json_path_of_a_problem(qtbot, unlocked_window, tmp_path):
    window = unlocked_window
    window.show_home()
    doc = demo_package()
    doc["schedule"][2]["start"] = "nine o'clock"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    assert window.home.import_file(bad) is None
    assert window.home.message_box.isVisibleTo(window.home)
    assert "schedule[2]" in window.home.message.text() or "schedule.2" in window.home.message.text()
    assert "Nothing was added" in window.home.message.text()

    junk = tmp_path / "junk.json"
    junk.write_text("{not json")
    assert window.home.import_file(junk) is None
    assert "not valid JSON" in window.home.message.text()

    many = tmp_path / "many.json"  # more records than any review: refused while parsed, memory bounded
    many.write_text(json.dumps({"format": "spp-review-package", "evidence": [{"id": str(i)} for i in range(40_000)]}))
    assert window.home.import_file(many) is None
    assert "more than 30,000 records" in window.home.message.text()
    assert "Nothing was added" in window.home.message.text()


def test_open_demo_review_into_an_empty_store(qtbot, locked_window, data_dir):
    from spp_desktop.store.keys import FAST_TEST_KDF
    from spp_desktop.store.repository import ReviewStore

    store = ReviewStore.create(data_dir, "walnut kettle harbour lantern", kdf_params=FAST_TEST_KDF)
    locked_window.on_unlocked(store)
    assert locked_window.home is not None and not locked_window.home.cards
    qtbot.mouseClick(locked_window.home.demo_button, Qt.MouseButton.LeftButton)
    assert locked_window.workspace is not None
    assert locked_window.workspace.review.start_date == date.today()


def test_every_control_has_an_accessible_name(qtbot, unlocked_window):
    window = unlocked_window
    roots = [window.workspace.page("plan"), window.workspace.nav]
    window.show_home()
    roots.append(window.home)
    window.lock()
    roots.append(window.lock_screen)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QSpinBox, QAbstractItemView, QTabBar)
    unnamed = []
    for root in roots:
        for widget in [root, *root.findChildren(QWidget)]:
            if isinstance(widget, kinds) and widget.isVisibleTo(root) and widget.parent() is not None:
                name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
                if not name and type(widget).__name__ not in ("QScrollBar",) and widget.objectName() != "qt_scrollarea_hcontainer":
                    unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    assert unnamed == []


# --- settings, icons, theme -------------------------------------------------------------------------
def test_settings_round_trip_and_hold_nothing_typed(qtbot, unlocked_window, tmp_path):
    path = tmp_path / "config" / "settings.json"
    save_settings(Settings(autolock_minutes=12, language="cy"), path)
    loaded = load_settings(path)
    assert (loaded.autolock_minutes, loaded.language) == (12, "cy")
    path.write_text(json.dumps({"autolock_minutes": 9999, "language": "xx", "extra": "Brookfield"}))
    loaded = load_settings(path)
    assert (loaded.autolock_minutes, loaded.language) == (60, "system")
    path.write_text("{broken")
    assert load_settings(path) == Settings()

    unlocked_window.close()  # saves the window geometry
    raw = json.loads(path.read_text())
    assert set(raw) == {"autolock_minutes", "language", "summary_language", "welcome_seen", "data_dir",
                        "window_geometry", "theme", "text_size"}
    assert "Brookfield" not in path.read_text()


def test_icons_exist_and_render(qtbot):
    for name in icons.NAMES:
        assert (icons.icon_dir() / f"{name}.svg").exists(), name
        pixmap = icons.icon(name).pixmap(32, 32)
        assert not pixmap.isNull() and not pixmap.toImage().allGray() or name == "app", name
    assert not icons.icon("no-such-icon").pixmap(16, 16).isNull() or icons.icon("no-such-icon").isNull()


def test_dark_palette_keeps_text_readable(qtbot):
    def luminance(c):
        def ch(v):
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c.red()) + 0.7152 * ch(c.green()) + 0.0722 * ch(c.blue())

    def contrast(a, b):
        hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    from PySide6.QtGui import QPalette
    for dark in (False, True):
        pal = theme.build_palette(dark)
        assert contrast(pal.color(QPalette.ColorRole.WindowText), pal.color(QPalette.ColorRole.Window)) > 7
        assert contrast(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)) > 7
        assert contrast(pal.color(QPalette.ColorRole.HighlightedText), pal.color(QPalette.ColorRole.Highlight)) > 4.5
        assert contrast(pal.color(QPalette.ColorRole.PlaceholderText), pal.color(QPalette.ColorRole.Base)) > 4.5


def test_narrow_window_keeps_lock_in_view_and_stacks_the_plan(qtbot, unlocked_window):
    window = unlocked_window
    window.resize(683, 384)  # a 1366x768 screen at 200%
    qtbot.waitUntil(lambda: window.toolbar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly)
    qtbot.waitUntil(lambda: window.workspace.plan_page.splitter.orientation() == Qt.Orientation.Vertical)
    # Qt lowers the window's minimum width once the stacked plan's layout has run; ask again until then
    qtbot.waitUntil(lambda: (window.resize(683, 384), window.width() == 683)[1])
    lock_button = window.toolbar.widgetForAction(window.act_lock)
    qtbot.waitUntil(lock_button.isVisible)  # not pushed into the toolbar's overflow menu
    assert lock_button.geometry().right() <= window.toolbar.width()
    plan = window.workspace.plan_page
    assert plan.splitter.orientation() == Qt.Orientation.Vertical
    assert window.workspace.nav.item(0).text() == "" and window.workspace.nav.item(0).toolTip().startswith("Plan")
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: plan.splitter.orientation() == Qt.Orientation.Horizontal)
    assert window.workspace.nav.item(0).text() == "Plan"


def test_the_documents_language_follows_the_settings_as_they_are_now(qtbot, unlocked_window):
    """The Settings dialog's "Feedback summary language" reaches the Feedback and Improve pages without
    global state: they ask the window each time they write a PDF."""
    window = unlocked_window
    feedback = window.workspace.show_page("feedback")
    window.settings.summary_language = "cy"
    assert feedback.documents_language() == "cy"
    window.settings.summary_language = "en"
    assert feedback.documents_language() == "en"
    window.settings.summary_language = ""  # the interface's language
    assert feedback.documents_language() == "en"
    window.settings.summary_language = "cy"
    improve = window.workspace.show_page("improvement")
    assert improve.language.currentData() == "cy"
