"""Look of the feedback summary: page geometry, colours, type styles and the page furniture.

One calm accent (a deep teal) on near-black text; every colour keeps good contrast and prints as a clear
grey. Body 10 pt DejaVu Sans with generous leading; headings step down 22 / 15 / 11.5 pt.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .fonts import bold_font, italic_font, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 24 * mm
FRAME_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT

ACCENT = HexColor("#0B4F5C")  # deep teal: 8.9:1 on white, a dark grey in print
ACCENT_TINT = HexColor("#E7F0F1")
INK = HexColor("#1B2328")
MUTED = HexColor("#4A5861")  # 7:1 on white
RULE = HexColor("#C9D6DA")
BAND_TEXT: Color = white


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    finding: ParagraphStyle
    finding_number: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_school: ParagraphStyle
    cover_focus: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    ethos: ParagraphStyle
    small: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    evidence: ParagraphStyle
    evidence_refs: ParagraphStyle
    gap: ParagraphStyle
    comment_label: ParagraphStyle
    comment: ParagraphStyle
    note: ParagraphStyle
    quote: ParagraphStyle
    priority: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle


def make_styles() -> Styles:
    font = register_fonts()
    bold, italic = bold_font(), italic_font()
    base = ParagraphStyle("body", fontName=font, bulletFontName=font, fontSize=10, leading=15, textColor=INK, alignment=TA_LEFT)

    def style(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    indent = 14
    return Styles(
        body=style("body2", spaceAfter=6),
        finding=style("finding", fontSize=10.5, leading=15.5, spaceAfter=5, leftIndent=indent),
        finding_number=style("finding_number", fontName=bold, fontSize=9, leading=12,
                             textColor=ACCENT, spaceBefore=10, spaceAfter=2, keepWithNext=1),
        cover_kicker=style("cover_kicker", fontName=bold, fontSize=9.5, leading=13,
                           textColor=ACCENT, spaceAfter=4),
        cover_title=style("cover_title", fontName=bold, fontSize=30, leading=36,
                          textColor=ACCENT, spaceAfter=14),
        cover_school=style("cover_school", fontName=bold, fontSize=20, leading=26, spaceAfter=6),
        cover_focus=style("cover_focus", fontSize=13, leading=18, textColor=MUTED, spaceAfter=22),
        cover_label=style("cover_label", fontName=bold, fontSize=8.5, leading=14, textColor=MUTED),
        cover_value=style("cover_value", fontSize=10, leading=14.5),
        ethos=style("ethos", fontSize=9.5, leading=14, textColor=INK),
        small=style("small", fontSize=8.5, leading=12, textColor=MUTED),
        kicker=style("kicker", fontName=bold, fontSize=9, leading=12, textColor=ACCENT,
                     spaceBefore=4, spaceAfter=3, keepWithNext=1),
        h1=style("h1", fontName=bold, fontSize=15, leading=20.5, spaceAfter=10, keepWithNext=1),
        h2=style("h2", fontName=bold, fontSize=11.5, leading=15, textColor=ACCENT,
                 spaceBefore=14, spaceAfter=2, keepWithNext=1),
        h3=style("h3", fontName=bold, fontSize=10, leading=14, spaceBefore=10, spaceAfter=3,
                 keepWithNext=1),
        evidence=style("evidence", fontSize=8.5, leading=12.5, textColor=MUTED, leftIndent=indent,
                       spaceBefore=1),
        evidence_refs=style("evidence_refs", fontSize=8.5, leading=12.5, textColor=MUTED,
                            leftIndent=indent, spaceAfter=2),
        gap=style("gap", fontName=italic, fontSize=8.5, leading=12.5, textColor=MUTED,
                  leftIndent=indent),
        comment_label=style("comment_label", fontName=bold, fontSize=8.5, leading=12.5,
                            textColor=ACCENT, leftIndent=indent, spaceBefore=5, keepWithNext=1),
        comment=style("comment", fontName=italic, fontSize=9.5, leading=14, leftIndent=indent,
                      spaceAfter=2),
        quote=style("quote", fontName=italic, fontSize=10, leading=15, spaceAfter=4),
        note=style("note", fontName=italic, fontSize=8.5, leading=12, textColor=MUTED,
                   spaceBefore=8, spaceAfter=4),
        priority=style("priority", fontSize=11, leading=16, backColor=ACCENT_TINT, borderPadding=(8, 10, 8, 10),
                       leftIndent=10, rightIndent=10, spaceBefore=8, spaceAfter=14),
        cell=style("cell", fontSize=9.5, leading=13.5),
        cell_head=style("cell_head", fontName=bold, fontSize=9, leading=12, textColor=BAND_TEXT),
    )


def numbered_canvas(footer_text: str, header_text: str, page_label: str, font: str) -> type[Canvas]:
    """A canvas class that draws the running header, the confidential footer and "Page N of M".

    Pages are drawn once; their states are kept until save(), when the total is known. The running header
    also names the section (enquiry question) the page belongs to, set by `SectionMark` flowables.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._saved_pages: list[dict[str, object]] = []
            self.spp_section = ""  # the section in effect now
            self.spp_section_at_start = ""  # ... when this page began
            self.spp_page_head = ""  # a section that starts at the top of this page

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self.spp_head = self.spp_page_head or self.spp_section_at_start
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()
            self.spp_section_at_start, self.spp_page_head = self.spp_section, ""

        def save(self) -> None:
            total = len(self._saved_pages)
            for state in self._saved_pages:
                self.__dict__.update(state)
                self._draw_furniture(total)
                super().showPage()
            super().save()

        def _draw_furniture(self, total: int) -> None:
            page = self._pageNumber
            self.saveState()
            # footer: hairline, confidential note (smaller and wrapped if the school's name is long), page number
            label = page_label.format(page=page, pages=total)
            size, lines = 7.5, [footer_text]
            for size in (7.5, 7, 6.5):
                available = FRAME_WIDTH - self.stringWidth(label, font, size) - 16
                lines = simpleSplit(footer_text, font, size, available)
                if len(lines) <= 2:
                    break
            lines = lines[:3]
            leading = size * 1.3
            base_y = MARGIN_BOTTOM - 13 * mm - (leading if len(lines) > 2 else 0)
            top_of_footer = base_y + leading * (len(lines) - 1) + size + 4
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_LEFT, top_of_footer, PAGE_WIDTH - MARGIN_RIGHT, top_of_footer)
            self.setFillColor(MUTED)
            self.setFont(font, size)
            for i, line in enumerate(lines):
                self.drawString(MARGIN_LEFT, base_y + leading * (len(lines) - 1 - i), line)
            self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, base_y + leading * (len(lines) - 1), label)
            if page > 1:
                # running header on every page after the cover
                self.setFont(font, 7.5)
                y = PAGE_HEIGHT - MARGIN_TOP + 9 * mm
                section = _fit(self, str(getattr(self, "spp_head", "") or ""), font, 7.5, FRAME_WIDTH * 0.4)
                right_width = self.stringWidth(section, font, 7.5) + 12 if section else 0
                self.drawString(MARGIN_LEFT, y, _fit(self, header_text, font, 7.5, FRAME_WIDTH - right_width))
                if section:
                    self.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, section)
                self.line(MARGIN_LEFT, y - 4, PAGE_WIDTH - MARGIN_RIGHT, y - 4)
            self.restoreState()

    return NumberedCanvas


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Text cut to one line of `width`, with an ellipsis when something had to go."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


class SectionMark(Flowable):
    """Zero-size marker: from here on, the running header names this section."""

    _ZEROSIZE = 1
    keepWithNext = 1  # travels with the heading after it

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        canv.spp_section = self.label  # type: ignore[attr-defined]
        frame = getattr(self, "_frame", None)
        near_top = frame is not None and (frame._y >= frame._y2 - 12 * mm)
        if near_top and not getattr(canv, "spp_page_head", ""):
            canv.spp_page_head = self.label  # type: ignore[attr-defined]


def draw_cover_band(canvas: Canvas, text: str) -> None:
    """A solid accent band across the top of the cover."""
    canvas.saveState()
    height = 16 * mm
    canvas.setFillColor(ACCENT)
    canvas.rect(0, PAGE_HEIGHT - height, PAGE_WIDTH, height, stroke=0, fill=1)
    canvas.setFillColor(BAND_TEXT)
    canvas.setFont(bold_font(), 9)
    canvas.drawString(MARGIN_LEFT, PAGE_HEIGHT - height / 2 - 3, text)
    canvas.restoreState()
