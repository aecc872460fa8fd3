"""Keyboard: one Tab past each date and time box (not one per section), and a focus ring that shows on a
checked question chip too."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.evidence_page import EvidencePage


@pytest.fixture
def page(qtbot, tmp_path):
    store = ReviewStore.create(tmp_path / "data", "correct horse battery staple", kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(demo_package())
    p = EvidencePage(store, review_id, clock=lambda: datetime(2026, 11, 24, 10, 32))
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    p.activateWindow()
    qtbot.waitExposed(p)
    yield p
    p.close()
    store.close()


def test_one_tab_leaves_the_day_and_the_start_time(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    form = page.form
    form.day_edit.setFocus()
    qtbot.waitUntil(form.day_edit.hasFocus)
    qtbot.keyClick(form.day_edit, Qt.Key.Key_Tab)  # day, month and year are one stop
    assert form.start_field.edit.hasFocus()
    qtbot.keyClick(form.start_field.edit, Qt.Key.Key_Tab)  # hours and minutes too
    assert form.start_field.now_button.hasFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
    qtbot.keyClick(form.start_field.edit, Qt.Key.Key_Backtab)
    assert form.day_edit.hasFocus()
    before = form.day_edit.date()
    qtbot.keyClick(form.day_edit, Qt.Key.Key_Up)  # the arrows still change the date
    assert form.day_edit.date() != before


def test_a_checked_chip_shows_where_the_keyboard_is(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    chips = page.form.questions.chips()
    first, second = chips[0], chips[1]
    first.setChecked(True)
    second.setChecked(True)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    focused = first.grab().toImage()
    second.setFocus()
    qtbot.waitUntil(second.hasFocus)
    unfocused = first.grab().toImage()
    x = first.width() // 2

    def distance(a, b) -> int:
        return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

    # the border's top edge: a ring of its own colour where the keyboard is, the chip's colour where not
    assert any(distance(focused.pixelColor(x, y), unfocused.pixelColor(x, y)) > 90 for y in range(0, 3))


def test_the_plans_start_button_keeps_its_place_whatever_the_slot(qtbot, unlocked_window):
    plan = unlocked_window.workspace.plan_page
    button = plan.start_button
    seen = set()
    for row in range(plan.table.rowCount()):
        plan.table.selectRow(row)
        qtbot.wait(1)
        seen.add(button.text())
        assert button.width() >= button.sizeHint().width()  # never cut short ...
    widths = set()
    for row in range(plan.table.rowCount()):
        plan.table.selectRow(row)
        unlocked_window.layout().activate()
        widths.add((button.width(), button.x()))
    assert len(seen) >= 3 and len(widths) == 1  # ... and never moving as the text changes
