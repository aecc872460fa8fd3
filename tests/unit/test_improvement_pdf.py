"""The workshop plan and the 90-day check-in note: recorded in a real store, exported by the CLI as PDFs in
English and Welsh, and read back (pypdf)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from tests.helpers import small_package
from tests.unit.test_cli import PASS, run


def _text(path: Path) -> str:
    words = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(words.split())  # table cells and titles wrap


@pytest.fixture(scope="module")
def improved(tmp_path_factory) -> tuple[Path, str]:
    data = tmp_path_factory.mktemp("improve")
    doc = small_package()
    doc["team"].append({"id": "champ-1", "name": "Chris Evans", "role": "improvement_champion"})
    store = ReviewStore.create(data, PASS, kdf_params=FAST_TEST_KDF)
    rid = store.import_package(doc, me="lead-1")
    area = store.create_finding(rid, "q-1", "area_to_develop", "Few Year 5 pupils read aloud with fluency.",
                                status="agreed")
    store.update_outcome(rid, improvement_priority="Fluency in Year 5")
    store.update_meeting(rid, date=date(2026, 2, 24), participants=["headteacher"],
                         self_review_summary="Reading for pleasure is the school's own priority this year.")
    store.set_me(rid, "champ-1")  # the Champion runs the workshop on their own laptop
    store.update_workshop(rid, date=date(2027, 1, 12), champion_id="champ-1",
                          participants=["headteacher", "subject_leader"])
    store.add_root_cause(rid, area.id, "Guided reading time is often cut for other work.")
    action = store.create_action(rid, "Daily paired reading in Year 5", owner="English lead",
                                 start=date(2027, 1, 18), due=date(2027, 3, 31), support_school="Elm Primary")
    store.set_progress(rid, action.id, "under_way", "Running in two classes of three.")
    store.update_checkin(rid, pupil_changes="More Year 5 pupils choose to read aloud.",
                         next_steps="Share the approach with the partnership.")
    store.close()
    return data, rid


@pytest.mark.parametrize("language", ["en", "cy"])
def test_workshop_plan_pdf(improved, tmp_path, language):
    data, rid = improved
    out = tmp_path / f"workshop-{language}.pdf"
    result = run(data, "export-pdf", rid, "--document", "workshop", "--language", language, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "Daily paired reading in Year 5" in text and "Elm Primary" in text and "Chris Evans" in text
    assert "Guided reading time is often cut" in text and "Fluency in Year 5" in text
    if language == "cy":
        assert "Cynllun y gweithdy gwella" in text and "Hyrwyddwr Gwella" in text and "Ionawr 2027" in text
        assert "Pennaeth" in text and "Arweinydd pwnc" in text
    else:
        assert "Improvement workshop plan" in text and "12 January 2027" in text and "Subject leader" in text


@pytest.mark.parametrize("language", ["en", "cy"])
def test_checkin_note_pdf(improved, tmp_path, language):
    data, rid = improved
    out = tmp_path / f"checkin-{language}.pdf"
    result = run(data, "export-pdf", rid, "--document", "check-in", "--language", language, "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = _text(out)
    assert "Running in two classes of three." in text and "More Year 5 pupils choose to read aloud." in text
    # dated 90 days after the workshop when no other date was chosen
    assert ("12 April 2027" if language == "en" else "12 Ebrill 2027") in text
    assert ("Under way" if language == "en" else "Ar y gweill") in text
    assert "NOT encrypted" in result.stderr


def test_export_review_holds_the_meeting_plan_workshop_and_checkin(improved, tmp_path):
    """The whole cycle travels in the decrypted export (issue 12, done when)."""
    import json

    data, rid = improved
    out = tmp_path / "review.json"
    result = run(data, "export-review", rid, "--out", str(out))
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["meeting"]["self_review_summary"].startswith("Reading for pleasure") and doc["meeting"]["date"] == "2026-02-24"
    assert doc["schedule"] and doc["enquiry_questions"]  # the plan
    assert doc["workshop"]["date"] == "2027-01-12" and doc["workshop"]["champion_id"] == "champ-1"
    assert [a["progress"] for a in doc["actions"]] == ["under_way"]
    assert doc["root_causes"][0]["text"].startswith("Guided reading time")
    assert doc["checkin"]["pupil_changes"] == "More Year 5 pupils choose to read aloud."


def test_the_words_exist_in_both_languages():
    """Every English word of the two documents has its Welsh in the one catalogue (resources/translations)."""
    from spp_desktop.reports import catalogue
    from spp_desktop.reports.improvement_labels import EN, PARTICIPANT_ROLES

    catalogue.clear_cache()
    welsh = catalogue.messages("cy")
    assert [key for key, text in EN.items() if not welsh.get(("ImprovementDocuments", text), "").strip()] == []
    assert [key for key, text in PARTICIPANT_ROLES.items() if not welsh.get(("Roles", text), "").strip()] == []
