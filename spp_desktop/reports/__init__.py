"""Documents built from the domain model: the feedback summary PDF (reportlab). Imports only the domain.

    from spp_desktop.reports import FeedbackReport, NothingToReport, render_feedback_pdf
"""

from .feedback_pdf import build_pdf_bytes, render_feedback_pdf
from .model import FeedbackReport, NothingToReport

__all__ = ["FeedbackReport", "NothingToReport", "build_pdf_bytes", "render_feedback_pdf"]
