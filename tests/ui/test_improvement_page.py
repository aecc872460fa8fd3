"""Improve: the workshop and the 90-day check-in recorded by the Improvement Champion on their laptop (real
store, real widgets), saved as PDFs; a reviewer reads them only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.improvement.page import ImprovementPage
from spp_desktop.ui.review.improvement.workshop_tab import DUE, SUPPORT, TEXT
from tests.helpers import PASSPHRASE, small_package


def _store(path: Path, me: str) -> tuple[ReviewStore, str]:
    doc = small_package()
    doc["team"].append({"id": "champ-1", "name": "Chris Evans", "role": "improvement_champion"})
    store = ReviewStore.create(path, PASSPHRASE, kdf_params=FAST_TEST_KDF)
    rid = store.import_package(doc, me="lead-1")
    store.create_finding(rid, "q-1", "area_to_develop", "Few pupils read aloud fluently.", status="agreed")
    store.update_outcome(rid, improvement_priority="Fluency in Year 5")
    store.set_me(rid, me)
    return store, rid


@pytest.fixture
def champion(qtbot, tmp_path):
    store, rid = _store(tmp_path / "champ", "champ-1")
    page = ImprovementPage(store, rid)
    qtbot.addWidget(page)
    page.show()
    yield page, store, rid
    store.close()


def test_the_champion_records_the_workshop_and_saves_its_pdf(qtbot, champion, tmp_path):
    page, store, rid = champion
    tab = page.workshop
    assert tab.editable and tab.priority.toPlainText() == "Fluency in Year 5"  # carried from the feedback
    tab.date.setDate(QDate(2027, 1, 12))
    tab.champion.setCurrentIndex(tab.champion.findData("champ-1"))
    tab.roles["headteacher"].setChecked(True)
    tab.add_root_cause()
    tab.causes.item(0, 1).setText("Little time for guided reading.")
    tab.new_action()
    tab.action_table.item(0, TEXT).setText("Daily paired reading")
    tab.action_table.item(0, DUE).setText("31/03/2027")
    tab.action_table.item(0, SUPPORT).setText("Elm Primary")
    tab.action_table.item(0, DUE).setText("the end of term")  # refused plainly, nothing lost
    assert store.actions(rid)[0].due == date(2027, 3, 31)
    workshop = store.workshop(rid)
    assert (workshop.date, workshop.champion_id, workshop.participants) == (date(2027, 1, 12), "champ-1",
                                                                            ("headteacher",))
    assert store.root_causes(rid)[0].text == "Little time for guided reading."
    assert store.actions(rid)[0].support_school == "Elm Primary"
    out = tmp_path / "plan.pdf"
    message = page.export(out)
    assert "not encrypted" in message
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(str(out)).pages).split())
    assert "Daily paired reading" in text and "Little time for guided reading." in text


def test_the_checkin_defaults_to_90_days_after_the_workshop_and_records_progress(qtbot, champion):
    page, store, rid = champion
    store.update_workshop(rid, date=date(2027, 1, 12))
    store.create_action(rid, "Daily paired reading")
    page.tabs.setCurrentWidget(page.checkin)  # refreshes
    tab = page.checkin
    assert tab.date.date() == QDate(2027, 4, 12)
    combo = tab.table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData("changed_course"))
    tab.table.item(0, 2).setText("Moved to Year 4 as well.")
    tab.pupils.setPlainText("Pupils ask for more reading time.")
    assert tab.flush()
    action = store.actions(rid)[0]
    assert (action.progress, action.progress_note) == ("changed_course", "Moved to Year 4 as well.")
    assert store.checkin(rid).pupil_changes == "Pupils ask for more reading time."


def test_a_reviewer_reads_the_workshop_only(qtbot, tmp_path):
    store, rid = _store(tmp_path / "rev", "rev-2")
    page = ImprovementPage(store, rid)
    qtbot.addWidget(page)
    assert not page.workshop.editable and not page.checkin.editable
    assert not page.workshop.add_action.isEnabled() and not page.workshop.priority.isEnabled()
    before = store.replica.state_hash(rid)
    page.workshop.new_action()
    assert store.replica.state_hash(rid) == before
    store.close()
