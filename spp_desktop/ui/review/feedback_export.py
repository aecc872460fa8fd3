"""Exporting the feedback summary PDF from the Feedback page, and what can be done with it afterwards.

Only agreed findings (and those to explore further) go in the summary. Findings still not discussed
would be left out silently, so before the file is chosen the export says how many, under which
enquiry questions, and asks (`confirm_left_out`, replaceable in tests). After export the message
offers Open, Show in folder and Print…; printing shows the system's print dialog and prints the PDF's
own pages (`print_pdf`), so the paper copy is exactly the file the head gets.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox, QWidget

from spp_desktop.domain.findings import FindingStatus
from spp_desktop.reports.model import FeedbackReport

from ..i18n import counted, translate


def left_out(report: FeedbackReport) -> list[tuple[int, int]]:
    """(enquiry question number, findings not yet discussed) for each question that has some."""
    numbers = {q.id: i + 1 for i, q in enumerate(report.review.questions)}
    drafts = Counter(f.question_id for f in report.findings if f.status == FindingStatus.DRAFT)
    return sorted((numbers[qid], n) for qid, n in drafts.items() if qid in numbers)


class ExportWords(QObject):
    """The export's counts (lupdate marks a plural entry only in `self.tr(text, "", n)`)."""

    def not_discussed(self, n: int) -> str:
        return counted(self.tr("%n finding(s) (has|have) not been discussed yet ((it is still a draft|they are still "
                               "drafts))", "", n), n)


    def leave_out(self, n: int) -> str:
        return counted(self.tr("{lead}, so the feedback summary will leave (it|them) out ({where}). Only agreed "
                               "findings, and those to explore further, go in the summary. Export it anyway?", "", n), n)


_words = ExportWords()


def left_out_text(counts: list[tuple[int, int]]) -> str:
    total = sum(n for _q, n in counts)
    where = ", ".join(translate("FeedbackExport", "question {q}: {n}").format(q=q, n=n) for q, n in counts)
    lead = _words.not_discussed(total)
    return _words.leave_out(total).format(lead=lead, where=where)


def confirm_left_out(parent: QWidget, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, translate("FeedbackExport", "Some findings are not agreed yet"),
                      text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("leftOutQuestion")
    export = box.addButton(translate("FeedbackExport", "Export anyway"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(translate("FeedbackExport", "Go back"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is export


def open_file(path: str | Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: str | Path) -> bool:
    """The folder holding the file, in the file manager (which, on most systems, opens without selecting)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).parent)))


def print_file(parent: QWidget, path: str | Path, printer: QPrinter | None = None) -> str | None:
    """Print the exported PDF: the system's print dialog (unless a printer is given), then every page as
    it is. Returns a sentence for the user if it could not be printed, else None (printed, or cancelled)."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtPrintSupport import QPrinter as Printer

    from .print_pdf import PrintFailed, print_pdf

    if printer is None:
        printer = Printer(Printer.PrinterMode.HighResolution)
        printer.setDocName(Path(path).stem)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
    try:
        print_pdf(path, printer)
    except PrintFailed:
        return translate("FeedbackExport", "The feedback summary could not be printed. Open it and print it "
                         "from your PDF viewer instead.")
    return None
