"""Exporting the feedback summary: it says how many findings are not agreed (and where) before they are
left out, and the 90-day check-in reads the same on screen, in Present and in the PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from spp_desktop.domain.findings import FindingStatus, suggested_checkin
from spp_desktop.ui.i18n import full_date
from spp_desktop.ui.review.feedback_view import FeedbackView


def view_of(qtbot, store, review_id, **kwargs) -> FeedbackView:
    view = FeedbackView(store, review_id, **kwargs)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def last_slide_and_pdf_text(qtbot, view, out: Path, widget_texts) -> tuple[str, str]:
    """Present's last slide (the outcome, with the check-in) and the exported PDF, as text."""
    window = view.present()
    window.go(window.slide_count - 1)
    slide = "\n".join(widget_texts(window))
    window.close()
    task = view.export_pdf()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    return slide, pdf_text(out)


def agree_all_but(store, review_id, keep_draft: dict[str, int]) -> None:
    """Agree every finding except `keep_draft[question id]` of each question, left as drafts."""
    left = dict(keep_draft)
    for finding in store.findings(review_id):
        if left.get(finding.question_id, 0) > 0:
            store.update_finding(review_id, finding.id, status=FindingStatus.DRAFT)
            left[finding.question_id] -= 1
        else:
            store.update_finding(review_id, finding.id, status=FindingStatus.AGREED)


def test_export_warns_with_the_counts_of_findings_not_agreed(qtbot, demo_store, tmp_path):
    store, review_id = demo_store
    questions = store.review(review_id).questions
    agree_all_but(store, review_id, {questions[1].id: 1, questions[2].id: 2})
    asked: list[str] = []
    paths: list[str] = []
    view = view_of(qtbot, store, review_id, confirm_left_out=lambda _p, text: asked.append(text) or False,
                   choose_path=lambda s: paths.append(s) or str(tmp_path / "x.pdf"))
    assert view.export_pdf() is None
    assert len(asked) == 1
    assert "3 findings have not been discussed yet" in asked[0]
    assert "question 2: 1, question 3: 2" in asked[0]
    assert paths == [] and not (tmp_path / "x.pdf").exists()  # "Go back": nothing written ...
    assert view.current == questions[1].id  # ... and the conversation shows the first to discuss


def test_export_without_drafts_asks_nothing_and_offers_open_and_show_in_folder(qtbot, demo_store, tmp_path):
    store, review_id = demo_store
    agree_all_but(store, review_id, {})
    asked: list[str] = []
    out = tmp_path / "summary.pdf"
    view = view_of(qtbot, store, review_id, confirm_left_out=lambda _p, text: asked.append(text) or True,
                   choose_path=lambda s: str(out))
    task = view.export_pdf()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert asked == [] and out.exists()
    assert view.open_button.isVisibleTo(view) and view.folder_button.isVisibleTo(view)
    assert view.exported_path == str(out)


def test_the_suggested_check_in_date_is_the_same_on_screen_in_present_and_in_the_pdf(qtbot, demo_store, tmp_path,
                                                                                      widget_texts):
    store, review_id = demo_store
    store.update_outcome(review_id, checkin_date=None)
    agree_all_but(store, review_id, {})
    review = store.review(review_id)
    suggested = suggested_checkin(review.start_date)
    out = tmp_path / "summary.pdf"
    view = view_of(qtbot, store, review_id, choose_path=lambda s: str(out))
    form = view.outcome_form
    assert form.checkin.date().toPython() == suggested and form.checkin_note.isVisibleTo(form)

    slide, text = last_slide_and_pdf_text(qtbot, view, out, widget_texts)
    assert f"90-day check-in: {full_date(suggested)} (suggested)" in slide
    assert "has not been set" not in text
    assert f"suggested for {suggested.day}" in text and str(suggested.year) in text


def test_by_when_opens_at_the_review_and_has_its_own_no_date_state(qtbot, demo_store):
    store, review_id = demo_store
    review = store.review(review_id)
    view = view_of(qtbot, store, review_id)
    row = view.outcome_form.add_action()
    assert not row.has_due.isChecked() and not row.due.isEnabled()  # a new step has no date ...
    opens_at = row.due.date().toPython()
    assert opens_at == review.end_date  # ... and its calendar waits at the review, not January 2000
    assert row.due.calendarWidget().selectedDate().toPython() == opens_at
    qtbot.keyClicks(row.text, "Share the reading routine")
    assert row.flush()
    assert store.actions(review_id)[-1].due is None

    row.has_due.setChecked(True)  # tick: the date counts
    assert row.due.isEnabled() and row.flush()
    assert store.actions(review_id)[-1].due == opens_at
    row.has_due.setChecked(False)  # untick: no date again, whatever the box shows
    assert row.flush() and store.actions(review_id)[-1].due is None


def test_print_puts_every_page_of_the_exported_summary_on_paper(qtbot, demo_store, tmp_path):
    """Printing goes to a real QPrinter (here its PDF output, as a print-to-file printer does): as many
    pages as the exported file, each with the summary's ink on it, and the same text when rasterised back."""
    import subprocess

    from PIL import Image
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    store, review_id = demo_store
    agree_all_but(store, review_id, {})
    out, paper = tmp_path / "summary.pdf", tmp_path / "printed.pdf"
    view = view_of(qtbot, store, review_id, choose_path=lambda s: str(out))
    task = view.export_pdf()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert view.print_button.isVisibleTo(view)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(paper))
    printer.setResolution(150)
    view.print_exported(printer)
    assert "could not be printed" not in view.message.text()
    assert len(PdfReader(paper).pages) == len(PdfReader(out).pages) >= 2
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(paper), str(tmp_path / "p")],
                   check=True)
    first = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    dark = sum(first.histogram()[:128])
    assert dark > 500, "the printed first page is blank"


def test_print_of_a_missing_file_says_so_plainly(qtbot, demo_store, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    store, review_id = demo_store
    view = view_of(qtbot, store, review_id)
    view.exported_path = str(tmp_path / "gone.pdf")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    view.print_exported(printer)
    assert "could not be printed" in view.message.text()


def test_once_the_workshop_is_dated_the_check_in_is_suggested_90_days_after_it_everywhere(
        qtbot, demo_store, tmp_path, widget_texts):
    """The programme counts the 90 days from the improvement workshop: the Feedback page, Present and the
    PDF (English and Welsh) all move to it, and the Check-in record's own default agrees."""
    from datetime import timedelta

    from spp_desktop.reports.feedback_pdf import build_pdf_bytes
    from spp_desktop.services.documents import feedback_report

    store, review_id = demo_store
    store.update_outcome(review_id, checkin_date=None)
    agree_all_but(store, review_id, {})
    review = store.review(review_id)
    workshop_day = review.end_date + timedelta(days=21)
    store.update_workshop(review_id, date=workshop_day.isoformat())
    expected = workshop_day + timedelta(days=90)
    assert expected != suggested_checkin(review.start_date)  # so the test tells the two rules apart
    assert store.workshop(review_id).default_checkin == expected

    out = tmp_path / "summary.pdf"
    view = view_of(qtbot, store, review_id, choose_path=lambda s: str(out))
    form = view.outcome_form
    assert form.checkin.date().toPython() == expected
    assert form.checkin_note.text() == "Suggested: 90 days after the improvement workshop. It is saved with this form."

    slide, text = last_slide_and_pdf_text(qtbot, view, out, widget_texts)
    assert f"90-day check-in: {full_date(expected)} (suggested)" in slide
    in_words = f"{expected.day} {expected:%B} {expected.year}"  # the PDF's dates carry no weekday
    assert f"suggested for {in_words} (90 days after the improvement workshop)" in text

    welsh = tmp_path / "crynodeb.pdf"
    welsh.write_bytes(build_pdf_bytes(feedback_report(store, review_id, language="cy")))
    assert "90 diwrnod ar ôl y gweithdy gwella" in pdf_text(welsh)
