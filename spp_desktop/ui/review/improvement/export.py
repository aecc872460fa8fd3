"""Writing the workshop plan or the check-in note PDF where the user chooses, with the not-encrypted warning."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import ReviewStore

from ...i18n import error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("ImprovementExport", text)


def export_pdf(parent: QWidget, store: ReviewStore, review_id: str, document: str, language: str,
               path: Path | None = None) -> str:
    """Ask where (unless `path` is given), write the PDF, and return the sentence for the status bar."""
    if path is None:
        name = tr("workshop-plan.pdf") if document == "workshop" else tr("check-in-note.pdf")
        chosen, _ = QFileDialog.getSaveFileName(parent, tr("Save the PDF (it is not encrypted)"), name, "PDF (*.pdf)")
        if not chosen:
            return ""
        path = Path(chosen)
    from spp_desktop.reports.improvement_pdf import render_improvement_pdf  # reportlab loads on first export
    from spp_desktop.services.documents import improvement_report

    try:
        report = improvement_report(store, review_id, language=language)
        render_improvement_pdf(report, document, path)
    except StoreError as exc:
        return error_text(exc)
    except OSError:
        return tr("The PDF could not be written there; choose another folder.")
    return tr("Saved {name}. It is not encrypted: share it only as the data-sharing agreement allows.").format(
        name=path.name)
