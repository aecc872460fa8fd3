"""The feedback summary PDF: domain objects in, an A4 document for the headteacher out (reportlab Platypus).

    render_feedback_pdf(report, Path("feedback.pdf"))   # or any binary file object

The caller writes it only on an explicit user action, to a path the user chose, and tells the user the file
is not encrypted. Content is worked out in `summary.py`; words live in `labels.py`
(Welsh in the one catalogue, `catalogue.py`); looks in `styles.py`.
"""

from __future__ import annotations

import io
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from spp_desktop.domain.findings import (
    AgreedAction,
    Finding,
    FindingKind,
    FindingStatus,
    checkin_or_suggested,
)
from spp_desktop.domain.review import Role, TeamMember

from .flowables import (
    KEEP_TOGETHER_CHARS,
    KeepWithNext,
    Separator,
    chain,
    markup,
    paragraphs,
    rule_under_heading,
    text_size,
)
from .fonts import register_fonts
from .labels import Labels
from .model import FeedbackReport, NothingToReport
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
    SectionMark,
    Styles,
    draw_cover_band,
    make_styles,
    numbered_canvas,
)
from .summary import EvidenceSummary, FindingEntry, QuestionSection, build_sections

__all__ = ["FeedbackReport", "NothingToReport", "render_feedback_pdf", "build_pdf_bytes"]


class _Builder:
    def __init__(self, report: FeedbackReport) -> None:
        self.report = report
        self.review = report.review
        self.labels = Labels(report.language)
        self.s: Styles = make_styles()

    # -- cover ---------------------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        L, s, review = self.labels, self.s, self.review
        story: list[Flowable] = [Spacer(1, 8 * mm)]
        story.append(Paragraph(escape(L["title"]), s.cover_title))
        story.append(Paragraph(markup(review.host_school), s.cover_school))
        if review.focus.title.strip():
            story.append(Paragraph(markup(review.focus.title), s.cover_focus))
        else:
            story.append(Spacer(1, 14))

        rows: list[list[Flowable | list[Flowable]]] = []

        def row(label: str, value: list[Flowable]) -> None:
            rows.append([Paragraph(escape(label), s.cover_label), value])

        row(L["review_dates"], [Paragraph(escape(L.date_range(review.start_date, review.end_date)), s.cover_value)])
        focus = [Paragraph(f"<b>{markup(review.focus.title) or escape(L['not_recorded'])}</b>", s.cover_value)]
        if review.focus.description.strip():
            focus.append(Spacer(1, 3))
            focus.extend(paragraphs(review.focus.description, s.cover_value))
        row(L["focus"], focus)
        row(L["headteacher"], [Paragraph(markup(self._headteacher()) or escape(L["not_recorded"]), s.cover_value)])
        team = [self._member_line(m) for m in self._reviewers()]
        row(L["review_team"], [Paragraph(t, s.cover_value) for t in team] or
            [Paragraph(escape(L["not_recorded"]), s.cover_value)])
        if review.partnership.strip():
            row(L["partnership"], [Paragraph(markup(review.partnership), s.cover_value)])

        table = Table(rows, colWidths=[44 * mm, FRAME_WIDTH - 44 * mm], splitInRow=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # never reference Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LINEABOVE", (0, 0), (-1, 0), 0.75, ACCENT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
        ]))
        story.append(table)
        story.append(Spacer(1, 12 * mm))

        ethos = Table([[Paragraph(escape(L["ethos"]), s.ethos)]], colWidths=[FRAME_WIDTH])
        ethos.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 12),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 10),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 11),
        ]))
        story.append(KeepTogether([ethos]))
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph(escape(L.fmt("generated", date=L.full_date(date.today()))), s.small))
        story.append(NextPageTemplate("body"))
        story.append(PageBreak())
        return story

    def _reviewers(self) -> list[TeamMember]:
        order = {Role.LEAD_REVIEWER: 0, Role.REVIEWER: 1}
        return sorted(self.review.reviewers, key=lambda m: (order.get(m.role, 2), m.name.casefold()))

    def _member_line(self, member: TeamMember) -> str:
        role = self.labels.domain(member.role.label)
        line = f"<b>{markup(member.name)}</b> — {escape(role)}"
        if member.school.strip():
            line += f", {markup(member.school)}"
        return line

    def _headteacher(self) -> str:
        if self.review.headteacher.strip():
            return self.review.headteacher
        head = next((m for m in self.review.team if m.role == Role.HEADTEACHER), None)
        return head.name if head else ""

    # -- findings ------------------------------------------------------------------------------------
    def question(self, section: QuestionSection) -> list[Flowable]:
        L, s = self.labels, self.s
        story: list[Flowable] = [CondPageBreak(70 * mm)]
        if section.question is not None:
            story.append(SectionMark(L.fmt("question_n", n=section.number)))
            story.append(Paragraph(escape(L.fmt("question_n", n=section.number)), s.kicker))
            story.append(Paragraph(markup(section.question.text), s.h1))
        else:
            story.append(SectionMark(L["other_findings"]))
            story.append(Paragraph(escape(L["other_findings"]), s.h1))
        story.append(rule_under_heading())

        if not section.groups:
            story.append(Paragraph(escape(L["no_agreed"]), s.body))
        for kind, entries in section.groups:
            story.append(Paragraph(escape(L[f"group_{kind.value}"]), s.h2))
            for i, entry in enumerate(entries):
                if i:
                    story.append(Separator(indent=14))
                story.extend(self.finding(entry, kind))

        if section.to_explore:
            story.append(Paragraph(escape(L["still_to_explore"]), s.h3))
            for f in section.to_explore:
                story.extend(self._to_explore(f))
        if section.drafts_left_out:
            story.append(Paragraph(escape(L.count("drafts_left_out", section.drafts_left_out)), s.note))
        story.append(Spacer(1, 8 * mm))
        return story

    def finding(self, entry: FindingEntry, kind: FindingKind) -> list[Flowable]:
        L, s, f = self.labels, self.s, entry.finding
        heading = entry.number  # the group heading above already names the kind
        if f.status == FindingStatus.AMENDED:
            heading += f"  ·  {L['amended']}"
        block: list[Flowable] = [Paragraph(escape(heading), s.finding_number)]
        block.extend(paragraphs(f.text, s.finding) or [Paragraph("—", s.finding)])
        block.extend(self._evidence(entry.evidence))
        if f.head_comment.strip():
            block.append(Paragraph(escape(L["head_comment"]), s.comment_label))
            block.extend(paragraphs(f.head_comment, s.comment))
        return chain(block, short=text_size(block) < KEEP_TOGETHER_CHARS)

    def _evidence(self, ev: EvidenceSummary) -> list[Flowable]:
        L, s = self.labels, self.s
        out: list[Flowable] = []
        if ev.items:
            counts = " · ".join(f"{escape(L.domain(k.label))}\u00a0({n})" for k, n in ev.counts)
            summary = L.fmt(
                "support",
                records=L.count("records", ev.items),
                kinds_text=L.count("kinds", ev.source_kinds),
                items=ev.items,
                kinds=ev.source_kinds,
            )
            out.append(Paragraph(f"<b>{escape(L['evidence_behind'])}:</b> {escape(summary)} {counts}", s.evidence))
            for day, refs in ev.references:
                prefix = f"<b>{escape(day)}:</b> " if day else ""
                out.append(Paragraph(prefix + escape("; ".join(refs)), s.evidence_refs))
        elif not ev.missing:
            out.append(Paragraph(f"<b>{escape(L['evidence_behind'])}:</b> {escape(L['no_evidence'])}", s.evidence))
        if ev.missing:
            out.append(Paragraph(escape(L.count("missing", ev.missing)), s.gap))
        return out

    def _to_explore(self, f: Finding) -> list[Flowable]:
        s, L = self.s, self.labels
        block: list[Flowable] = [Paragraph(escape(L.domain(f.kind.label)), s.finding_number)]
        block.extend(paragraphs(f.text, s.finding) or [Paragraph("—", s.finding)])
        if f.head_comment.strip():
            block.append(Paragraph(escape(L["head_comment"]), s.comment_label))
            block.extend(paragraphs(f.head_comment, s.comment))
        return chain(block, short=text_size(block) < KEEP_TOGETHER_CHARS)

    # -- after the review ----------------------------------------------------------------------------
    def after_review(self) -> list[Flowable]:
        L, s, outcome = self.labels, self.s, self.report.outcome
        story: list[Flowable] = [CondPageBreak(90 * mm), SectionMark(L["after_review"]),
                                 Paragraph(escape(L["after_review"]), s.h1),
                                 rule_under_heading()]
        story.append(Paragraph(escape(L["improvement_priority"]), s.h2))
        if outcome.improvement_priority.strip():
            story.extend(paragraphs(outcome.improvement_priority, s.priority))
        else:
            story.append(Paragraph(escape(L["not_agreed_yet"]), s.body))

        story.append(Paragraph(escape(L["next_steps"]), s.h2))
        story.append(Spacer(1, 4))
        if outcome.next_steps.strip():
            story.extend(paragraphs(outcome.next_steps, s.body))
        actions = sorted(self.report.actions, key=lambda a: (a.position, a.id))
        if actions:
            story.append(self._actions_table(actions))
        elif not outcome.next_steps.strip():
            story.append(Paragraph(escape(L["no_actions"]), s.body))

        story.append(Paragraph(escape(L["checkin"]), s.h2))
        story.append(Spacer(1, 2))
        workshop = self.report.workshop_date
        checkin, suggested = checkin_or_suggested(outcome, self.report.review.start_date, workshop)  # as on screen
        if not suggested:
            wording = "checkin_on"
        else:
            wording = "checkin_suggested_after_workshop" if workshop else "checkin_suggested"
        story.append(Paragraph(escape(L.fmt(wording,
                                            date=L.full_date(checkin))), s.body))

        if outcome.head_comment.strip():
            story.append(Paragraph(escape(L["head_overall"]), s.h2))
            story.append(Spacer(1, 2))
            story.extend(paragraphs(outcome.head_comment, s.quote))
        return story

    def _actions_table(self, actions: list[AgreedAction]) -> Table:
        L, s = self.labels, self.s
        rows = [[Paragraph(escape(L[k]), s.cell_head) for k in ("col_step", "col_owner", "col_due")]]
        for a in actions:
            rows.append([
                paragraphs(a.text, s.cell) or Paragraph("—", s.cell),
                Paragraph(markup(a.owner) or "—", s.cell),
                Paragraph(escape(L.full_date(a.due)) if a.due else "—", s.cell),
            ])
        widths = [FRAME_WIDTH * 0.53, FRAME_WIDTH * 0.25, FRAME_WIDTH * 0.22]
        table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        style = [
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
            ("FONTNAME", (0, 0), (-1, -1), register_fonts()),  # never reference Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 7),
            ("RIGHTPADDING", (0, 0), (-1, -1), 7),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
            ("LINEBELOW", (0, 1), (-1, -1), 0.5, RULE),
        ]
        style += [("BACKGROUND", (0, i), (-1, i), ACCENT_TINT) for i in range(2, len(rows), 2)]
        table.setStyle(TableStyle(style))
        return table

    # -- whole document ------------------------------------------------------------------------------
    def story(self) -> list[Flowable]:
        sections = build_sections(self.report, self.labels)  # raises NothingToReport
        story = self.cover()
        for section in sections:
            story.extend(self.question(section))
        story.extend(self.after_review())
        return story

    def build(self, out: BinaryIO) -> None:
        story = self.story()
        L, review = self.labels, self.review
        font = register_fonts()
        lead = review.lead_reviewer
        school = review.host_school.strip()
        doc = BaseDocTemplate(
            out,
            keepTogetherClass=KeepWithNext,
            pagesize=A4,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{L['title']} — {school}",
            author=lead.name if lead else "",
            subject=review.focus.title,
            creator="SPP Desktop",
            lang=L.pdf_lang,
            initialFontName=font,  # so no page ever references the non-embedded Helvetica
        )
        canvasmaker = numbered_canvas(
            footer_text=L.fmt("footer", school=school),
            header_text=f"{L['title']} — {school}",
            page_label=L["page_of"],
            font=font,
        )
        band = L["confidential"]
        # frames without inner padding, so text lines up with the header and footer rules
        frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, FRAME_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="content")
        doc.addPageTemplates([
            PageTemplate("cover", frames=[frame], onPage=lambda c, d: draw_cover_band(c, band)),
            PageTemplate("body", frames=[frame]),
        ])
        doc.build(story, canvasmaker=canvasmaker)


def build_pdf_bytes(report: FeedbackReport) -> bytes:
    buffer = io.BytesIO()
    _Builder(report).build(buffer)
    return buffer.getvalue()


def render_feedback_pdf(report: FeedbackReport, out: Path | BinaryIO) -> None:
    """Write the feedback summary for `report` to a path or a binary file object.

    Raises NothingToReport (with a message for the user) when the review has no findings at all. A path is
    written only once the whole document has been built, via a temporary file beside it, so a failure
    never leaves half a PDF behind.
    """
    data = build_pdf_bytes(report)
    if isinstance(out, (str, os.PathLike)):
        _write_atomically(Path(out), data)
    else:
        out.write(data)


def _write_atomically(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".pdf.part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
