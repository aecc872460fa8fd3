"""Reports shared by the laptop and the server: the feedback summary PDF built by the same code
(spp_desktop.reports, which imports only the pure domain) from either the laptop's store or a merged
review state the server holds. The server imports this package, never spp_desktop directly.

    from spp_reports import summary_pdf_from_state, NothingToReport
"""

from spp_desktop.reports import FeedbackReport, NothingToReport, build_pdf_bytes
from spp_desktop.reports.fonts import FontsMissing

from .from_state import report_from_state, summary_pdf_from_state

__all__ = ["FeedbackReport", "FontsMissing", "NothingToReport", "build_pdf_bytes", "report_from_state",
           "summary_pdf_from_state"]
