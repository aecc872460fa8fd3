"""The evidence list: the table model on its own, filters and search, opening, delete and undo."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, time  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import BookScrutiny, EvidenceKind, Interview, Observation  # noqa: E402
from spp_desktop.domain.review import EnquiryQuestion, Focus, Review, Role, TeamMember  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.models.evidence_table import COLUMNS, EvidenceFilterProxy, EvidenceTableModel  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402

PASS = "correct horse battery staple"
DAY = date(2026, 11, 24)

REVIEW = Review(
    id="r1", host_school="Brookfield Primary", start_date=DAY, end_date=DAY, focus=Focus("Reading"),
    questions=(EnquiryQuestion("q1", "How well do pupils read?"), EnquiryQuestion("q2", "How is SEND supported?")),
    team=(TeamMember("m1", "Daniel Okafor", Role.LEAD_REVIEWER), TeamMember("m2", "Priya Shah", Role.REVIEWER)),
)
ROWS = [
    Observation(id="e1", author="m1", day=DAY, start=time(9, 0), question_ids=("q1",), class_name="Year 4 (Oak)",
                subject="Reading", seen="Pupils read The Iron Man aloud."),
    Interview(id="e2", kind=EvidenceKind.FOCUS_GROUP, author="m2", day=DAY, start=time(11, 0),
              question_ids=("q1", "q2"), participants="pupils", participant_count=6,
              reviewer_notes="Ask about the VOCABULARY mats"),
    BookScrutiny(id="e3", author="m2", day=DAY, start=time(13, 20), year_group="Year 5", book_count=12,
                 attachment_ids=("a1", "a2"), notes="Inference answers since September."),
    Observation(id="e4", kind=EvidenceKind.LEARNING_WALK, author="m1", day=DAY, start=time(10, 0),
                class_name="Years 3 to 6", tags=("fluency",)),
]


@pytest.fixture
def model(qtbot):
    m = EvidenceTableModel()
    m.set_rows(ROWS, REVIEW)
    return m


@pytest.fixture
def proxy(model):
    p = EvidenceFilterProxy()
    p.setSourceModel(model)
    return p


def _cells(model, row):
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_model_columns(model):
    assert model.rowCount() == 4 and model.columnCount() == len(COLUMNS) == 7
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)] == [
        "Time", "Kind", "Where / who", "Questions", "Author", "Photos", "Notes"]
    assert [model.evidence_at(r).id for r in range(4)] == ["e1", "e4", "e2", "e3"]  # in time order
    assert _cells(model, 0) == ["09:00", "Lesson observation", "Year 4 (Oak), Reading", "Q1", "Daniel Okafor", "",
                                "Pupils read The Iron Man aloud."]
    assert _cells(model, model.row_of("e2"))[:6] == ["11:00", "Focus group", "Pupils (6)", "Q1, Q2", "Priya Shah", ""]
    e3 = model.row_of("e3")
    assert _cells(model, e3)[2:6] == ["Year 5, 12 books", "", "Priya Shah", "2"]
    # The Photos column draws an icon (the paperclip character was a missing glyph, an empty box).
    assert not model.index(e3, 5).data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.index(0, 5).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(e3, 5).data(Qt.ItemDataRole.ToolTipRole) == "2 photos attached"
    assert "Q2: How is SEND supported?" in model.index(model.row_of("e2"), 3).data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_happens_in_the_model_and_keeps_the_selection(qtbot, model, proxy):
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.selectRow(proxy.proxy_row_of("e2"))
    view.sortByColumn(4, Qt.SortOrder.AscendingOrder)  # author, then time
    assert [proxy.evidence_at(r).id for r in range(4)] == ["e1", "e4", "e2", "e3"]
    view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # photos
    assert proxy.evidence_at(0).id == "e3"
    assert proxy.evidence_at(view.currentIndex().row()).id == "e2"
    assert view.selectionModel().isRowSelected(proxy.proxy_row_of("e2"), view.rootIndex())


def test_model_updates_one_row_and_removes(model):
    model.update_evidence(ROWS[0].with_changes(class_name="Year 3"))
    assert model.index(0, 2).data() == "Year 3, Reading"
    model.update_evidence(Observation(id="e9", author="m1", day=DAY, start=time(10, 30)))
    assert model.rowCount() == 5 and model.row_of("e9") == 2  # a new record goes in its place
    model.remove_evidence("e2")
    assert model.rowCount() == 4 and model.row_of("e2") == -1


def test_filter_by_kind_question_and_author(proxy):
    proxy.set_kind(EvidenceKind.OBSERVATION)
    assert proxy.rowCount() == 1
    proxy.set_kinds([EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK])
    assert proxy.rowCount() == 2
    proxy.set_kind(None)
    proxy.set_question("q2")
    assert [proxy.evidence_at(r).id for r in range(proxy.rowCount())] == ["e2"]
    proxy.set_question("")  # linked to no question
    assert {proxy.evidence_at(r).id for r in range(proxy.rowCount())} == {"e3", "e4"}
    proxy.set_question(None)
    proxy.set_author("m2")
    assert proxy.rowCount() == 2
    proxy.set_question("q1")
    assert proxy.rowCount() == 1 and proxy.is_filtered
    proxy.clear_filters()
    assert proxy.rowCount() == 4 and not proxy.is_filtered


@pytest.mark.parametrize("text, expected", [
    ("iron man", {"e1"}),               # what was seen, any case
    ("vocabulary", {"e2"}),             # reviewer-only notes (decrypted in memory)
    ("FLUENCY", {"e4"}),                # tags
    ("september inference", {"e3"}),    # every word must match, in any order
    ("priya", {"e2", "e3"}),            # author name
    ("year", {"e1", "e3", "e4"}),
    ("nothing like this", set()),
    ("   ", {"e1", "e2", "e3", "e4"}),
])
def test_search_over_all_text(proxy, text, expected):
    proxy.set_search(text)
    assert {proxy.evidence_at(r).id for r in range(proxy.rowCount())} == expected


# --- on the page, with a real store ---------------------------------------------------------------------
@pytest.fixture
def store(tmp_path):
    s = ReviewStore.create(tmp_path / "data", PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


@pytest.fixture
def review_id(store):
    return store.import_package(demo_package())


@pytest.fixture
def page(qtbot, store, review_id):
    p = EvidencePage(store, review_id)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    return p


def test_page_filters_and_search_narrow_the_list(qtbot, page, store, review_id):
    evidence = store.evidence(review_id)
    review = store.review(review_id)
    ev_list = page.list
    assert ev_list.proxy.rowCount() == len(evidence) == 31
    assert ev_list.count_label.text() == "31 records"

    ev_list.kind_filter.setCurrentIndex(ev_list.kind_filter.findData("book_scrutiny"))
    books = [e for e in evidence if e.kind == EvidenceKind.BOOK_SCRUTINY]
    assert ev_list.proxy.rowCount() == len(books) and 0 < len(books) < 31
    assert ev_list.count_label.text() == f"{len(books)} of 31 records shown"
    ev_list.kind_filter.setCurrentIndex(0)

    q3 = review.questions[2]
    ev_list.question_filter.setCurrentIndex(ev_list.question_filter.findData(q3.id))
    assert ev_list.proxy.rowCount() == sum(q3.id in e.question_ids for e in evidence)
    ev_list.question_filter.setCurrentIndex(0)

    priya = next(m for m in review.team if m.name == "Priya Shah")
    ev_list.author_filter.setCurrentIndex(ev_list.author_filter.findData(priya.id))
    assert ev_list.proxy.rowCount() == sum(e.author == priya.id for e in evidence)
    ev_list.author_filter.setCurrentIndex(0)

    page.focus_search()
    assert ev_list.search.hasFocus() or qtbot.waitUntil(ev_list.search.hasFocus, timeout=1000) is None
    qtbot.keyClicks(ev_list.search, "IRON MAN")
    assert ev_list.proxy.rowCount() == sum("iron man" in e.searchable_text().lower() for e in evidence) >= 1
    ev_list.search.clear()
    assert ev_list.proxy.rowCount() == 31


def test_enter_opens_the_selected_record(qtbot, page):
    table = page.list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=1000)
    table.setCurrentIndex(page.list.proxy.index(3, 0))
    target = page.list.proxy.evidence_at(3)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.form is not None and page.form.evidence_id == target.id
    page.open_evidence(page.list.proxy.evidence_at(5).id)
    assert page.list.current_id() == page.form.evidence_id


def _mine(store, review_id):
    """The evidence this laptop's reviewer wrote: only its author may change or delete a record."""
    return [e for e in store.evidence(review_id) if e.author == store.me(review_id)]


def test_delete_then_undo_with_the_bar_and_with_ctrl_z(qtbot, page, store, review_id):
    target = _mine(store, review_id)[4]
    page.open_evidence(target.id)
    qtbot.keyClicks(page.form.editors["notes"], " Typed just before deleting.")
    page.list.select(target.id)
    qtbot.mouseClick(page.list.delete_button, Qt.MouseButton.LeftButton)
    assert store.get_evidence(review_id, target.id) is None
    assert page.list.model.row_of(target.id) == -1 and page.form is None
    bar = page.list.undo_bar
    assert not bar.isHidden() and bar.label.text() == f"{target.kind.label} deleted."

    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    restored = store.get_evidence(review_id, target.id)
    assert restored is not None and restored.notes.endswith("Typed just before deleting.")
    assert bar.isHidden() and page.list.model.row_of(target.id) >= 0
    assert page.form is not None and page.form.evidence_id == target.id

    # Delete key in the list, then Ctrl+Z.
    table = page.list.table
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=1000)
    page.list.select(target.id)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert store.get_evidence(review_id, target.id) is None
    qtbot.keySequence(table, QKeySequence(QKeySequence.StandardKey.Undo))
    assert store.get_evidence(review_id, target.id) is not None
    assert page.undo_delete() is False  # nothing more to undo


def test_undo_bar_goes_away_by_itself(qtbot, page, store, review_id):
    page.list.undo_bar._timer.setInterval(100)
    page.delete_evidence(_mine(store, review_id)[0].id)
    assert not page.list.undo_bar.isHidden()
    qtbot.waitUntil(page.list.undo_bar.isHidden, timeout=2000)
    assert page.undo_delete()  # Ctrl+Z still brings it back


def test_edits_show_in_the_list_and_refresh_keeps_the_open_record(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    qtbot.keyClicks(page.form.editors["class_name"], "Year 2 (Elm)")
    assert page.flush()
    model = page.list.model
    assert model.index(model.row_of(created.id), 2).data() == "Year 2 (Elm)"
    page.refresh()
    assert page.form is not None and page.form.evidence_id == created.id
    assert page.list.current_id() == created.id


def test_a_new_record_is_shown_even_when_filters_would_hide_it(qtbot, page):
    page.list.kind_filter.setCurrentIndex(page.list.kind_filter.findData("survey"))
    created = page.new_evidence(EvidenceKind.INTERVIEW)
    qtbot.keyClicks(page.form.editors["prompts"], "What")  # the first input creates the record
    assert page.flush()
    assert page.list.proxy.proxy_row_of(created.id) >= 0
    assert page.list.current_id() == created.id


def test_accessible_names_on_every_control(qtbot, page):
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTableView,
    )

    for kind in (EvidenceKind.OBSERVATION, EvidenceKind.INTERVIEW, EvidenceKind.BOOK_SCRUTINY, EvidenceKind.DOCUMENT):
        page.new_evidence(kind)
        controls = page.findChildren(QAbstractButton) + page.findChildren(QLineEdit) + page.findChildren(QComboBox) \
            + page.findChildren(QPlainTextEdit) + page.findChildren(QAbstractSpinBox) + page.findChildren(QTableView)
        nameless = [c for c in controls if c.isVisibleTo(page) and not c.accessibleName()
                    and c.parent().__class__.__name__ not in ("QAbstractSpinBox", "QTimeEdit", "QDateEdit", "QSpinBox",
                                                              "QComboBox")]
        assert nameless == [], [(c.__class__.__name__, c.text() if hasattr(c, "text") else "") for c in nameless]


def test_ctrl_z_in_a_text_field_undoes_typing_not_a_delete(qtbot, page, store, review_id):
    victim, kept = _mine(store, review_id)[:2]
    page.delete_evidence(victim.id)
    page.open_evidence(kept.id)
    notes = page.form.editors["notes"]
    before = notes.toPlainText()
    notes.setFocus()
    qtbot.waitUntil(notes.hasFocus, timeout=1000)
    qtbot.keyClicks(notes, " extra")
    qtbot.keySequence(notes, QKeySequence(QKeySequence.StandardKey.Undo))
    assert notes.toPlainText() != before + " extra"
    assert store.get_evidence(review_id, victim.id) is None  # the delete was not undone


def test_a_search_that_hides_the_open_record_closes_it_saved_and_leaves_nothing_selected(qtbot, page, store,
                                                                                          review_id):
    created = page.new_evidence(EvidenceKind.SURVEY)
    qtbot.keyClicks(page.form.editors["title"], "Parents' questionnaire")  # the first input creates it
    qtbot.keyClicks(page.list.search, "reading")
    assert page.list.proxy.proxy_row_of(created.id) < 0
    assert page.form is None  # not left open beside a list that no longer shows it
    assert store.get_evidence(review_id, created.id).title == "Parents' questionnaire"  # saved first
    assert page.list.current_id() is None and not page.list.delete_button.isEnabled()
    page.list.search.clear()
    assert page.list.proxy.proxy_row_of(created.id) >= 0


def test_delete_is_offered_only_for_the_reviewers_own_evidence(qtbot, page, store, review_id):
    """The rule table, asked through ReviewStore.may_delete: evidence is deleted only by its author."""
    theirs = next(e for e in store.evidence(review_id) if e.author != store.me(review_id))
    page.list.select(theirs.id)
    assert page.list.current_id() == theirs.id and not page.list.delete_button.isEnabled()
    page.list.select(_mine(store, review_id)[0].id)
    assert page.list.delete_button.isEnabled()
