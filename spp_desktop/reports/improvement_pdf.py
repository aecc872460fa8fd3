"""The workshop plan and the 90-day check-in note: A4 PDFs in the feedback summary's house style.

    render_improvement_pdf(report, "workshop" | "checkin", Path("plan.pdf"))

Same cover band, fonts (DejaVu, for Welsh letters), header, footer and tables as the feedback summary; the
words come from improvement_labels.py (Welsh from the one catalogue). Written only on an explicit user action
(the caller warns that the file is not encrypted), atomically.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from spp_desktop.domain.findings import FindingKind

from .feedback_pdf import _write_atomically
from .flowables import KeepWithNext, markup, paragraphs, rule_under_heading
from .fonts import register_fonts
from .improvement_labels import ImprovementWords
from .labels import Labels
from .model import ImprovementReport
from .styles import (
    ACCENT,
    ACCENT_TINT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    RULE,
    draw_cover_band,
    make_styles,
    numbered_canvas,
)

DOCUMENTS = ("workshop", "checkin")


class _Builder:
    def __init__(self, report: ImprovementReport, document: str):
        if document not in DOCUMENTS:
            raise ValueError(f"unknown document {document!r}")
        self.report, self.document = report, document
        self.dates = Labels(report.language)
        self.words = ImprovementWords(report.language)
        self.s = make_styles()

    def w(self, key: str, **values: object) -> str:
        return self.words(key, **values)

    def _date(self, d: date | None) -> str:
        return self.dates.full_date(d) if d else self.w("not_recorded")

    def _table(self, rows: list[list[Flowable]], widths: list[float], *, header: bool) -> Table:
        table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitInRow=1, hAlign="LEFT")
        style = [("FONTNAME", (0, 0), (-1, -1), register_fonts()), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("LEFTPADDING", (0, 0), (-1, -1), 7), ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                 ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE)]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), ACCENT)]
            style += [("BACKGROUND", (0, i), (-1, i), ACCENT_TINT) for i in range(2, len(rows), 2)]
        else:
            style += [("LINEABOVE", (0, 0), (-1, 0), 0.75, ACCENT), ("LEFTPADDING", (0, 0), (0, -1), 0)]
        table.setStyle(TableStyle(style))
        return table

    # --- parts -----------------------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        s, review, workshop = self.s, self.report.review, self.report.workshop
        title = self.w("workshop_title" if self.document == "workshop" else "checkin_title")
        story: list[Flowable] = [Spacer(1, 8 * mm), Paragraph(escape(title), s.cover_title),
                                 Paragraph(markup(review.host_school), s.cover_school)]
        if review.focus.title.strip():
            story.append(Paragraph(markup(review.focus.title), s.cover_focus))
        champion = review.member(workshop.champion_id)
        when = (workshop.date if self.document == "workshop" else self.report.checkin.date)
        rows = [
            (self.w("workshop_date" if self.document == "workshop" else "checkin_date"), self._date(when)),
            (self.w("review_dates"), self.dates.date_range(review.start_date, review.end_date)),
            (self.words.champion(), champion.name if champion else self.w("not_recorded")),
        ]
        if self.document == "workshop":
            roles = ", ".join(self.words.role(r) for r in workshop.participants)
            rows.append((self.w("participants"), roles or self.w("not_recorded")))
        table = self._table([[Paragraph(escape(k), s.cover_label), Paragraph(markup(v), s.cover_value)]
                             for k, v in rows], [44 * mm, FRAME_WIDTH - 44 * mm], header=False)
        ethos = Table([[Paragraph(escape(self.w("ethos")), s.ethos)]], colWidths=[FRAME_WIDTH])
        ethos.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts()),
                                   ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
                                   ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 12), ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                                   ("TOPPADDING", (0, 0), (-1, -1), 10), ("BOTTOMPADDING", (0, 0), (-1, -1), 11)]))
        story += [table, Spacer(1, 8 * mm), ethos, Spacer(1, 6 * mm),
                  Paragraph(escape(self.w("generated", date=self.dates.full_date(date.today()))), s.small),
                  Spacer(1, 6 * mm)]
        return story

    def heading(self, key: str) -> list[Flowable]:
        return [Paragraph(escape(self.w(key)), self.s.h1), rule_under_heading()]

    def priority(self) -> list[Flowable]:
        text = self.report.workshop.improvement_priority
        return self.heading("priority") + (paragraphs(text, self.s.priority) if text.strip()
                                           else [Paragraph(escape(self.w("not_recorded")), self.s.body)])

    def root_causes(self) -> list[Flowable]:
        s = self.s
        story = self.heading("root_causes")
        areas = [f for f in self.report.findings if f.kind == FindingKind.AREA_TO_DEVELOP]
        if not areas:
            return story + [Paragraph(escape(self.w("no_areas")), s.body)]
        for finding in areas:
            causes = [c for c in self.report.root_causes if c.finding_id == finding.id and c.text.strip()]
            story.append(Paragraph(markup(finding.text) or "—", s.h3))
            if not causes:
                story.append(Paragraph(escape(self.w("no_root_causes")), s.note))
            for cause in causes:
                story.extend(paragraphs("• " + cause.text, s.body))
        return story

    def actions(self, *, progress: bool) -> list[Flowable]:
        s = self.s
        story = self.heading("actions")
        actions = sorted(self.report.actions, key=lambda a: (a.position, a.id))
        if not actions:
            return story + [Paragraph(escape(self.w("no_actions")), s.body)]
        if progress:
            keys: tuple[str, ...] = ("col_action", "col_owner", "col_progress", "col_note")
            widths = [0.36, 0.2, 0.17, 0.27]
        else:
            keys = ("col_action", "col_owner", "col_start", "col_due", "col_support")
            widths = [0.34, 0.17, 0.14, 0.14, 0.21]
        rows: list[list[Flowable]] = [[Paragraph(escape(self.w(k)), s.cell_head) for k in keys]]
        for a in actions:
            first = [Paragraph(markup(a.text) or "—", s.cell), Paragraph(markup(a.owner) or "—", s.cell)]
            if progress:
                rest = [Paragraph(escape(self.words.progress(a.progress)), s.cell),
                        Paragraph(markup(a.progress_note) or "—", s.cell)]
            else:
                rest = [Paragraph(escape(self.dates.full_date(a.start)) if a.start else "—", s.cell),
                        Paragraph(escape(self.dates.full_date(a.due)) if a.due else "—", s.cell),
                        Paragraph(markup(a.support_school) or "—", s.cell)]
            rows.append(first + rest)
        return story + [self._table(rows, [FRAME_WIDTH * w for w in widths], header=True)]

    def checkin_text(self) -> list[Flowable]:
        story: list[Flowable] = []
        for key, text in (("pupil_changes", self.report.checkin.pupil_changes),
                          ("next_steps", self.report.checkin.next_steps)):
            story += self.heading(key)
            story += paragraphs(text, self.s.body) if text.strip() else [
                Paragraph(escape(self.w("nothing_yet")), self.s.body)]
        return story

    def story(self) -> list[Flowable]:
        story = self.cover() + self.priority()
        if self.document == "workshop":
            return story + self.root_causes() + self.actions(progress=False)
        return story + self.actions(progress=True) + self.checkin_text()

    def build(self, out: BinaryIO) -> None:
        review = self.report.review
        school = review.host_school.strip()
        title = self.w("workshop_title" if self.document == "workshop" else "checkin_title")
        font = register_fonts()
        doc = BaseDocTemplate(out, keepTogetherClass=KeepWithNext, pagesize=A4, leftMargin=MARGIN_LEFT,
                              rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                              title=f"{title} — {school}", subject=review.focus.title, creator="SPP Desktop",
                              lang=self.dates.pdf_lang, initialFontName=font)
        canvasmaker = numbered_canvas(footer_text=self.w("footer", school=school), header_text=f"{title} — {school}",
                                      page_label=self.w("page_of"), font=font)
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="content")
        band = self.w("confidential")
        doc.addPageTemplates([PageTemplate("first", frames=[frame], onPage=lambda c, d: draw_cover_band(c, band)),
                              PageTemplate("body", frames=[frame])])
        doc.build(self.story(), canvasmaker=canvasmaker)


def improvement_pdf_bytes(report: ImprovementReport, document: str) -> bytes:
    buffer = io.BytesIO()
    _Builder(report, document).build(buffer)
    return buffer.getvalue()


def render_improvement_pdf(report: ImprovementReport, document: str, out: Path | BinaryIO) -> None:
    data = improvement_pdf_bytes(report, document)
    if isinstance(out, (str, os.PathLike)):
        _write_atomically(Path(out), data)
    else:
        out.write(data)
