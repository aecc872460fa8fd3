"""The evidence list on the demo review: nothing cut in Kind and Where, a notes snippet, filters by day and
tag and "not linked to a question", Clear filters, and a right count after a delete."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.models.evidence_table import KIND, SNIPPET, WHERE  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402


@pytest.fixture
def store(tmp_path):
    s = ReviewStore.create(tmp_path / "data", "correct horse battery staple", kdf_params=FAST_TEST_KDF)
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
    qtbot.waitExposed(p)
    yield p
    if p.form is not None:
        p.form.close_form()


def _shown(page):
    proxy = page.list.proxy
    return [proxy.evidence_at(r) for r in range(proxy.rowCount())]


def test_kind_fits_and_where_who_comes_with_a_snippet_of_the_notes(qtbot, page):
    from spp_desktop.ui.widgets.evidence_list import WhereAndSnippet

    table, model = page.list.table, page.list.model
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    for row in range(model.rowCount()):
        kind = model.index(row, KIND).data()
        assert metrics.horizontalAdvance(kind) < header.sectionSize(KIND), kind  # "Lesson observation" was cut
    evidence = model.evidence_at(0)
    snippet = model.index(0, SNIPPET).data()
    main = " ".join((getattr(evidence, "seen", "") or evidence.notes).split())
    assert snippet and main.startswith(snippet.rstrip("\u2026"))
    # Drawn under Where / who (which takes the free width), two lines a row; the whole text in the tooltip.
    assert isinstance(table.itemDelegateForColumn(WHERE), WhereAndSnippet)
    assert header.sectionResizeMode(WHERE) == header.ResizeMode.Stretch and table.isColumnHidden(SNIPPET)
    assert table.verticalHeader().defaultSectionSize() >= 2 * metrics.lineSpacing()
    assert snippet in model.index(0, WHERE).data(Qt.ItemDataRole.ToolTipRole)
    image = table.viewport().grab().toImage()  # the second line is really drawn: ink below the first line
    rect = table.visualRect(page.list.proxy.index(0, WHERE))
    lower = [image.pixelColor(x, rect.top() + rect.height() * 3 // 4 + dy).lightness()
             for x in range(rect.left() + 4, rect.right() - 4) for dy in (-2, 0, 2)]
    assert min(lower) < 200


def test_filter_by_day_tag_and_not_linked_then_clear(qtbot, page, store, review_id):
    lst = page.list
    everything = lst.model.rowCount()
    assert not lst.clear_button.isEnabled()
    days = [lst.day_filter.itemData(i) for i in range(1, lst.day_filter.count())]
    assert days, "the demo review has days"
    lst.day_filter.setCurrentIndex(1)
    assert _shown(page) and all(e.day == days[0] for e in _shown(page))
    assert lst.clear_button.isEnabled()
    assert lst.count_label.text() == f"{len(_shown(page))} of {everything} records shown"
    lst.clear_filters()
    tags = [lst.tag_filter.itemData(i) for i in range(1, lst.tag_filter.count())]
    assert tags
    lst.tag_filter.setCurrentIndex(1)
    assert _shown(page) and all(tags[0] in e.tags for e in _shown(page))
    lst.clear_button.click()
    assert lst.proxy.rowCount() == everything and lst.tag_filter.currentIndex() == 0
    unlinked = page.new_evidence(EvidenceKind.DOCUMENT)
    qtbot.keyClicks(page.form.editors["title"], "Reading policy")  # a record is made on its first input
    assert page.flush()
    lst.question_filter.setCurrentIndex(lst.question_filter.findData(""))  # "Not linked to a question"
    assert unlinked.id in [e.id for e in _shown(page)] and all(not e.question_ids for e in _shown(page))
    qtbot.keyClicks(lst.search, "zzz-nothing")
    lst.clear_button.click()
    assert lst.search.text() == "" and lst.proxy.rowCount() == lst.model.rowCount()


def test_a_tag_typed_in_a_form_becomes_a_filter_choice(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    qtbot.keyClicks(page.form.tags.edit, "oracy")
    qtbot.keyClick(page.form.tags.edit, Qt.Key.Key_Return)
    assert page.flush()
    qtbot.waitUntil(lambda: page.list.tag_filter.findData("oracy") > 0)


def test_the_count_after_a_delete_with_no_filter_is_the_total(qtbot, page):
    lst = page.list
    total = lst.model.rowCount()
    mine = [e for e in _shown(page) if e.author == page.store.me(page.review_id)]
    page.open_evidence(mine[0].id)
    assert page.delete_evidence(mine[0].id)
    assert lst.count_label.text() == f"{total - 1} records"  # not "30 of 31 records shown"
    assert lst.select(mine[1].id)
    page.delete_selected()
    assert lst.count_label.text() == f"{total - 2} records"


def test_a_new_blank_form_stays_open_when_the_filters_are_applied_again(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)  # nothing typed: the record is not made yet
    page.list.set_review(page.store.review(page.review_id))  # what a sync's reload does
    assert page.form is not None
