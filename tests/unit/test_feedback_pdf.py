"""Feedback summary PDF: built from domain objects, read back with pypdf."""

from __future__ import annotations

import io
import random
from datetime import date, time
from pathlib import Path

import pytest
from pypdf import PdfReader

from spp_desktop.domain.evidence import (
    BookScrutiny,
    Evidence,
    EvidenceKind,
    Interview,
    Observation,
    OtherEvidence,
)
from spp_desktop.domain.findings import (
    AgreedAction,
    EvidenceLink,
    FeedbackOutcome,
    Finding,
    FindingKind,
    FindingStatus,
)
from spp_desktop.domain.review import EnquiryQuestion, Focus, Review, Role, TeamMember
from spp_desktop.reports import catalogue
from spp_desktop.reports.feedback_pdf import build_pdf_bytes, render_feedback_pdf
from spp_desktop.reports.fonts import register_fonts, resources_dir
from spp_desktop.reports.labels import EN, Labels
from spp_desktop.reports.model import NOTHING_TO_REPORT, FeedbackReport, NothingToReport
from spp_desktop.reports.summary import build_sections, evidence_reference

# Markers that must never reach the PDF.
REVIEWER_NOTE = "ZZREVIEWERONLYZZ"
EVIDENCE_NOTE = "ZZEVIDENCENOTEZZ"
STAFF = "ZZSTAFFNAMEZZ"
PUPIL = "ZZPUPILNAMEZZ"


def _review(school: str = "Riverside Primary School", focus: Focus | None = None, questions: int = 2) -> Review:
    return Review(
        id="r1",
        host_school=school,
        start_date=date(2025, 3, 12),
        end_date=date(2025, 3, 12),
        focus=focus or Focus("Reading in Key Stage 2", "How well pupils read widely and often across KS2."),
        partnership="North Vale Partnership",
        headteacher="Priya Shah",
        questions=tuple(
            EnquiryQuestion(f"q{i}", f"Enquiry question text number {i}: how well does reading work?", position=i)
            for i in range(1, questions + 1)
        ),
        team=(
            TeamMember("m1", "Alex Morgan", Role.LEAD_REVIEWER, "Hillside Primary"),
            TeamMember("m2", "Sam Lee", Role.REVIEWER, "Brook Academy"),
            TeamMember("m3", "Priya Shah", Role.HEADTEACHER),
        ),
    )


def _small_report(**overrides) -> FeedbackReport:
    evidence: tuple[Evidence, ...] = (
        Observation("e1", EvidenceKind.OBSERVATION, day=date(2025, 3, 12), start=time(9, 15), question_ids=("q1",),
                    class_name="Year 4", subject="Reading", staff=STAFF, seen="Pupils read aloud",
                    notes=EVIDENCE_NOTE, reviewer_notes=REVIEWER_NOTE, pupil_voice=f"{PUPIL} said she loves it"),
        BookScrutiny("e2", EvidenceKind.BOOK_SCRUTINY, day=date(2025, 3, 12), start=time(10, 40),
                     question_ids=("q1",), year_group="Year 6", book_count=8, notes=EVIDENCE_NOTE,
                     sample=PUPIL, looked_at=EVIDENCE_NOTE),
        Interview("e3", EvidenceKind.FOCUS_GROUP, day=date(2025, 3, 12), start=time(11, 30), question_ids=("q2",),
                  participants="pupils", participant_count=6, prompts=EVIDENCE_NOTE, notes=EVIDENCE_NOTE),
        OtherEvidence("e4", EvidenceKind.SURVEY, day=date(2025, 3, 12), question_ids=("q2",),
                      title="Parent survey 2024", source_detail=EVIDENCE_NOTE),
    )
    findings = (
        Finding("f1", "q1", FindingKind.STRENGTH, "Pupils in Year 4 read fluently & with expression <b>",
                FindingStatus.AGREED, head_comment="We are proud of this.", reviewer_notes=REVIEWER_NOTE),
        Finding("f2", "q1", FindingKind.AREA_TO_DEVELOP, "Books in Year 6 show limited extended writing about texts.",
                FindingStatus.AMENDED, reviewer_notes=REVIEWER_NOTE, position=1),
        Finding("f3", "q2", FindingKind.QUESTION_TO_EXPLORE, "How do parents hear about the reading scheme?",
                FindingStatus.AGREED),
        Finding("f4", "q2", FindingKind.AREA_TO_DEVELOP, "Draft about homework that was never discussed DRAFTMARK",
                FindingStatus.DRAFT),
        Finding("f5", "q2", FindingKind.STRENGTH, "Whether the library timetable suits every class",
                FindingStatus.TO_EXPLORE),
    )
    links = (
        EvidenceLink("l1", "f1", "e1"),
        EvidenceLink("l2", "f1", "e2"),
        EvidenceLink("l3", "f2", "e2"),
        EvidenceLink("l4", "f3", "e3"),
        EvidenceLink("l5", "f3", "e4"),
    )
    values = dict(
        review=_review(),
        findings=findings,
        links=links,
        evidence=evidence,
        outcome=FeedbackOutcome(
            improvement_priority="Extended writing about reading across Years 5 and 6",
            next_steps="Share the findings with all staff.",
            checkin_date=date(2025, 6, 10),
            head_comment="A useful day; thank you to the team.",
        ),
        actions=(
            AgreedAction("a1", "Audit reading journals in Year 6", "English lead", date(2025, 4, 30)),
            AgreedAction("a2", "Visit Brook Academy to see their library model", "Deputy head", None, position=1),
        ),
    )
    values.update(overrides)
    return FeedbackReport(**values)


def _big_report(evidence_count: int = 500, finding_count: int = 40, long_words: int = 5000) -> FeedbackReport:
    rng = random.Random(7)
    questions = 5
    review = _review(questions=questions)
    kinds = list(EvidenceKind)
    evidence: list[Evidence] = []
    for i in range(evidence_count):
        kind = kinds[i % len(kinds)]
        common = dict(day=date(2025, 3, 12 + (i % 2)), start=time(8 + (i % 8), (i * 7) % 60),
                      question_ids=(f"q{1 + i % questions}",), notes=EVIDENCE_NOTE, reviewer_notes=REVIEWER_NOTE)
        if kind in (EvidenceKind.OBSERVATION, EvidenceKind.LEARNING_WALK):
            evidence.append(Observation(f"e{i}", kind, class_name=f"Year {1 + i % 6}", subject="Reading",
                                        staff=STAFF, pupil_voice=PUPIL, **common))
        elif kind in (EvidenceKind.INTERVIEW, EvidenceKind.FOCUS_GROUP):
            evidence.append(Interview(f"e{i}", kind, participants="pupils", participant_count=5,
                                      prompts=EVIDENCE_NOTE, **common))
        elif kind == EvidenceKind.BOOK_SCRUTINY:
            evidence.append(BookScrutiny(f"e{i}", kind, year_group=f"Year {1 + i % 6}", book_count=8,
                                         sample=PUPIL, **common))
        else:
            evidence.append(OtherEvidence(f"e{i}", kind, title=f"Document {i}", **common))
    statuses = [FindingStatus.AGREED] * 6 + [FindingStatus.AMENDED, FindingStatus.TO_EXPLORE, FindingStatus.DRAFT]
    findings = []
    for i in range(finding_count):
        words = " ".join(rng.choice(["pupils", "read", "widely", "ŵyr", "often", "across", "classes"])
                         for _ in range(rng.randint(20, 90)))
        findings.append(Finding(f"f{i}", f"q{1 + i % questions}", list(FindingKind)[i % 3],
                                f"Finding {i:02d} AGREEDMARK{i:02d} {words}", statuses[i % len(statuses)],
                                head_comment="Agreed; we want to look at this with staff." if i % 4 == 0 else "",
                                reviewer_notes=REVIEWER_NOTE, position=i))
    vocabulary = ["The", "pupils", "talk", "about", "books", "with", "real", "enthusiasm,", "and"]
    paragraphs = [" ".join(rng.choice(vocabulary) for _ in range(250)) for _ in range(long_words // 250)]
    # half in paragraphs, half as one paragraph longer than a page (the worst case for page breaking)
    half = len(paragraphs) // 2
    long_text = "\n\n".join(paragraphs[:half]) + "\n\n" + " ".join(paragraphs[half:])
    findings.append(Finding("long", "q1", FindingKind.STRENGTH, "LONGSTART " + long_text + " LONGEND",
                            FindingStatus.AGREED, position=999))
    links = [EvidenceLink(f"l{i}", f"f{rng.randrange(finding_count)}", f"e{i}") for i in range(evidence_count)]
    links += [EvidenceLink(f"lx{i}", "long", f"e{i}") for i in range(0, evidence_count, 25)]
    return FeedbackReport(review=review, findings=tuple(findings), links=tuple(links), evidence=tuple(evidence),
                          outcome=FeedbackOutcome("Reading for pleasure", "", date(2025, 6, 10)),
                          actions=tuple(AgreedAction(f"a{i}", f"Action {i}", "English lead", date(2025, 5, i + 1))
                                        for i in range(6)))


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def small_pdf() -> bytes:
    return build_pdf_bytes(_small_report())


@pytest.fixture(scope="module")
def big_pdf() -> bytes:
    return build_pdf_bytes(_big_report())


def test_agreed_findings_focus_and_school_are_in_the_text(small_pdf: bytes) -> None:
    text = _flat(_text(small_pdf))
    assert "Riverside Primary School" in text
    assert "Reading in Key Stage 2" in text
    assert "Pupils in Year 4 read fluently & with expression <b>" in text  # escaped, printed literally
    assert "Books in Year 6 show limited extended writing about texts." in text
    assert "How do parents hear about the reading scheme?" in text
    assert "We are proud of this." in text
    assert "Extended writing about reading across Years 5 and 6" in text
    assert "Audit reading journals in Year 6" in text
    assert "10 June 2025" in text
    assert "Alex Morgan" in text and "Sam Lee" in text and "Priya Shah" in text


def test_evidence_is_summarised_by_time_and_kind(small_pdf: bytes) -> None:
    text = _flat(_text(small_pdf))
    assert "09:15 Lesson observation, Year 4, Reading" in text
    assert "10:40 Book scrutiny, Year 6 (8 books)" in text
    assert "11:30 Focus group with pupils (6)" in text
    assert "2 records from 2 kinds of source" in text


def test_drafts_are_left_out_with_a_note_and_to_explore_listed(small_pdf: bytes) -> None:
    text = _flat(_text(small_pdf))
    assert "DRAFTMARK" not in text
    assert "1 draft finding was not agreed" in text
    assert "Whether the library timetable suits every class" in text
    assert "to explore further" in text


@pytest.mark.parametrize("marker", [REVIEWER_NOTE, EVIDENCE_NOTE, STAFF, PUPIL])
def test_private_fields_never_reach_the_pdf(small_pdf: bytes, big_pdf: bytes, marker: str) -> None:
    assert marker not in _text(small_pdf)
    assert marker not in _text(big_pdf)
    assert marker.encode() not in small_pdf


def test_welsh_letters_extract_correctly() -> None:
    report = _small_report(review=_review(school="Ysgol Gynradd Tŷ Ddewi",
                                          focus=Focus("Darllen ym Mlwyddyn 5 — dŵr", "Ŵy Ŷ â ê î ô û")))
    text = _flat(_text(build_pdf_bytes(report)))
    assert "Ysgol Gynradd Tŷ Ddewi" in text
    assert "Darllen ym Mlwyddyn 5 — dŵr" in text
    assert "Ŵy Ŷ â ê î ô û" in text


def test_dejavu_font_is_embedded(small_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(small_pdf))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            fonts_to_check = [d.get_object() for d in descendants] if descendants else [font]
            for f in fonts_to_check:
                descriptor = f.get("/FontDescriptor")
                if descriptor is not None:
                    d = descriptor.get_object()
                    assert any(k in d for k in ("/FontFile2", "/FontFile", "/FontFile3")), d
    assert names and all("DejaVu" in n for n in names), names


def test_metadata(small_pdf: bytes) -> None:
    meta = PdfReader(io.BytesIO(small_pdf)).metadata
    assert meta.title == "Feedback summary — Riverside Primary School"
    assert meta.author == "Alex Morgan"
    assert meta.subject == "Reading in Key Stage 2"
    assert meta.creator == "SPP Desktop"


def test_every_page_has_footer_and_page_number(small_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(small_pdf))
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, start=1):
        text = _flat(page.extract_text())
        assert f"Page {n} of {total}" in text
        assert "Confidential — shared with Riverside Primary School" in text


def test_big_review_lays_out_over_many_pages(big_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(big_pdf))
    total = len(reader.pages)
    assert total > 1
    text = _flat(_text(big_pdf))
    assert f"Page 1 of {total}" in text
    assert "LONGSTART" in text and "LONGEND" in text
    report = _big_report()
    for f in report.findings:
        marker = f.text.split()[2] if f.id != "long" else "LONGSTART"
        if f.status.is_agreed or f.status == FindingStatus.TO_EXPLORE:
            assert marker in text, f.id
        else:
            assert marker not in text, f.id


def test_no_findings_raises_nothing_to_report(tmp_path: Path) -> None:
    report = _small_report(findings=(), links=())
    with pytest.raises(NothingToReport) as caught:
        render_feedback_pdf(report, tmp_path / "out.pdf")
    assert str(caught.value) == NOTHING_TO_REPORT
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_deleted_evidence_shows_the_gap() -> None:
    base = _small_report()
    report = _small_report(links=(*base.links, EvidenceLink("gone", "f1", "deleted-evidence"),
                                  EvidenceLink("gone2", "f3", "deleted-too"), EvidenceLink("gone3", "f3", "deleted-3")))
    text = _flat(_text(build_pdf_bytes(report)))
    assert "1 linked record is no longer available" in text
    assert "2 linked records are no longer available" in text


def test_only_deleted_evidence_does_not_crash() -> None:
    report = _small_report(links=(EvidenceLink("gone", "f1", "deleted"),))
    text = _flat(_text(build_pdf_bytes(report)))
    assert "1 linked record is no longer available" in text


def test_writes_to_path_and_file_object(tmp_path: Path) -> None:
    target = tmp_path / "feedback.pdf"
    render_feedback_pdf(_small_report(), target)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["feedback.pdf"]
    buffer = io.BytesIO()
    render_feedback_pdf(_small_report(), buffer)
    assert buffer.getvalue().startswith(b"%PDF")


def test_welsh_labels_when_language_is_cy() -> None:
    report = _small_report(language="cy", review=_review(school="Ysgol Gynradd Tŷ Ddewi"))
    pdf = build_pdf_bytes(report)
    text = _flat(_text(pdf))
    for label in ("Crynodeb adborth", "Cryfderau", "Meysydd i'w datblygu", "Cwestiynau i'w harchwilio ymhellach",
                  "Cryfder", "Cytunwyd (gyda diwygiadau)", "Cofnodion: 2 · Mathau o ffynhonnell: 2",
                  "Cyfrinachol", "Tudalen 1 o", "Adolygydd arweiniol", "Pennaeth", "Blaenoriaeth gwella",
                  "Cwestiwn ymholi 1", "Craffu ar lyfrau", "Arsylwi gwers", "Grŵp ffocws", "10 Mehefin 2025"):
        assert label in text, label
    assert "Feedback summary" not in text
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Crynodeb adborth — Ysgol Gynradd Tŷ Ddewi"


def test_welsh_labels_are_complete() -> None:
    """Every English word of the summary has its Welsh in the one catalogue (resources/translations)."""
    catalogue.clear_cache()
    welsh = catalogue.messages("cy")
    assert [key for key, text in EN.items() if not welsh.get(("FeedbackSummary", text), "").strip()] == []
    assert len(Labels("cy")["months"].split()) == 12


def test_a_missing_catalogue_leaves_the_summary_english(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SPP_RESOURCES_DIR", str(tmp_path))
    catalogue.clear_cache()
    try:
        words = Labels("cy")
        assert words["title"] == "Feedback summary" and words.domain("Lesson observation") == "Lesson observation"
        assert words.full_date(date(2025, 6, 10)) == "10 June 2025"
    finally:
        catalogue.clear_cache()


def test_an_unfinished_entry_stays_english(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / "spp_desktop_cy.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="cy_GB"><context>'
        "<name>FeedbackSummary</name>"
        "<message><source>Feedback summary</source><translation>Crynodeb adborth</translation></message>"
        '<message><source>Confidential</source><translation type="unfinished">Cyfrinachol?</translation></message>'
        "</context></TS>", encoding="utf-8")
    monkeypatch.setenv("SPP_RESOURCES_DIR", str(tmp_path))
    catalogue.clear_cache()
    try:
        words = Labels("cy")
        assert words["title"] == "Crynodeb adborth"
        assert words["confidential"] == "Confidential" and words["findings"] == "Findings"
    finally:
        catalogue.clear_cache()


def test_unknown_language_falls_back_to_english() -> None:
    assert Labels("fr")["title"] == "Feedback summary"
    assert Labels("cy-GB")["title"] == "Crynodeb adborth"


def test_evidence_reference_never_uses_staff_or_notes() -> None:
    item = Observation("e", EvidenceKind.LEARNING_WALK, start=time(14, 5), class_name="Year 2", staff=STAFF,
                       notes=EVIDENCE_NOTE, reviewer_notes=REVIEWER_NOTE)
    assert evidence_reference(item, Labels("en")) == "14:05 Learning walk, Year 2"
    assert evidence_reference(item, Labels("cy")) == "14:05 Taith ddysgu, Year 2"


def test_sections_follow_question_position_and_keep_orphans() -> None:
    review = _review()
    review = Review(**{**review.__dict__, "questions": (EnquiryQuestion("q2", "Second", 2),
                                                        EnquiryQuestion("q1", "First", 1))})
    report = _small_report(review=review, findings=(
        *_small_report().findings, Finding("orphan", "gone-question", FindingKind.STRENGTH, "Orphan",
                                           FindingStatus.AGREED)))
    sections = build_sections(report, Labels("en"))
    assert [s.question.id if s.question else None for s in sections] == ["q1", "q2", None]
    assert [e.number for _, entries in sections[0].groups for e in entries] == ["1.1", "1.2"]
    assert "Orphan" in _text(build_pdf_bytes(report))


def test_fonts_register_idempotently_and_resources_dir_honours_meipass(monkeypatch, tmp_path: Path) -> None:
    assert register_fonts() == register_fonts() == "DejaVuSans"
    assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


def test_long_school_name_keeps_the_whole_footer() -> None:
    school = "Ysgol Gynradd Gymraeg Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch a'r Cylch Ehangach"
    reader = PdfReader(io.BytesIO(build_pdf_bytes(_small_report(review=_review(school=school)))))
    for page in reader.pages:
        assert "data-sharing agreement" in _flat(page.extract_text())


def test_long_finding_flows_without_leaving_pages_nearly_empty(big_pdf: bytes) -> None:
    pages = PdfReader(io.BytesIO(big_pdf)).pages
    for number, page in enumerate(pages[1:-1], start=2):  # not the cover, not the last page
        assert len(_flat(page.extract_text())) > 1200, f"page {number} is mostly empty"


def test_labels_use_neutral_language() -> None:
    from spp_desktop.domain.language import check_language

    for key, text in EN.items():
        assert not check_language(text), key
