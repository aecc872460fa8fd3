"""Printing an exported PDF exactly as it is: PDFium (pypdfium2) renders each page at the printer's
resolution and Qt draws it onto the printer, so the paper copy is the file the headteacher receives.

Qt itself cannot read a PDF without QtPdf, which PySide6-Essentials does not ship; PDFium's wheel bundles
the library on every platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

MAX_DPI = 300  # enough for text on paper; a 1200 dpi laser would otherwise get 100 MB bitmaps per page


class PrintFailed(RuntimeError):
    """The printer could not be started, or the PDF could not be read."""


def _page_image(page, dpi: int) -> QImage:  # noqa: ANN001 (a pypdfium2 PdfPage)
    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, top row first
    try:
        width, height = bitmap.width, bitmap.height
        image = QImage(bytes(bitmap.buffer), width, height, bitmap.stride, QImage.Format.Format_RGB888)
        return image.copy()  # own the pixels: the bitmap's buffer goes with it
    finally:
        bitmap.close()


def print_pdf(path: str | Path, printer: QPrinter) -> int:
    """Print every page of the PDF at `path`, each scaled to fit the printable area and centred.
    Returns how many pages were printed."""
    import pypdfium2 as pdfium  # loaded on first print: it is a large native library

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise PrintFailed(str(exc)) from None
    painter = QPainter()
    try:
        if len(document) == 0 or not painter.begin(printer):
            raise PrintFailed("the printer could not be started")
        dpi = max(72, min(MAX_DPI, printer.resolution()))
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = _page_image(document[index], dpi)
            scale = min(area.width() / image.width(), area.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF((area.width() - w) / 2, (area.height() - h) / 2, w, h)
            painter.drawImage(target, image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()
