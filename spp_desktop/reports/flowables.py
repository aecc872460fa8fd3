"""Flowables and text helpers for the feedback summary: safe user text, keep-with-next chains, separators."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, HRFlowable, KeepTogether, Paragraph

from .styles import ACCENT, RULE

# Blocks with less text than this are kept on one page with their evidence; longer ones flow across pages.
KEEP_TOGETHER_CHARS = 1500
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markup(text: str) -> str:
    """User text made safe for reportlab's mini-markup: printed literally, line breaks kept."""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    return escape(clean.strip()).replace("\n", "<br/>")


def paragraphs(text: str, style: ParagraphStyle) -> list[Paragraph]:
    """One Paragraph per blank-line-separated block, so very long text splits cheaply across pages."""
    blocks = [b for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    return [Paragraph(markup(b), style) for b in blocks]


def _glue(*flowables: Flowable) -> None:
    for flowable in flowables:
        flowable.keepWithNext = 1  # type: ignore[attr-defined]


def text_size(block: list[Flowable]) -> int:
    return sum(len(getattr(f, "text", "")) for f in block)


class KeepWithNext(KeepTogether):
    """The document's grouping of keepWithNext chains (headings + the start of what follows).

    reportlab's own KeepTogether moves a whole chain to the next page when it does not fit, which leaves a
    large blank when the chain ends in a long paragraph (a finding of several thousand words). When the last
    item is taller than a third of a page, only the lead-in (the headings and a few lines) must fit; the long
    paragraph then splits across pages.
    """

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if getattr(self, "_wrapInfo", None) != (available_width, available_height):
            self.wrap(available_width, available_height)
        if frame is not None and len(self._content) > 1 and self._H > available_height:
            last = self._content[-1]
            _, last_height = last.wrap(available_width, frame._height * 10)
            if last_height > frame._height / 3:
                lead = min(self._H - last_height + 50, frame._height / 2)
                return [CondPageBreak(lead), *self._content]
        return super().split(available_width, available_height)


def chain(block: list[Flowable], *, short: bool) -> list[Flowable]:
    """Keep a short block on one page, glued to the headings before it (which carry keepWithNext).

    reportlab's keepWithNext cannot join a heading to a KeepTogether container, so every flowable but the last
    is marked keepWithNext and the document template groups the chain. In a long block, only each label is
    glued to the paragraph after it, and the rest flows freely across pages.
    """
    if short:
        _glue(*block[:-1])
    else:
        _glue(*(f for f in block[:-1] if getattr(getattr(f, "style", None), "name", "") in _LABEL_STYLES))
    return block


_LABEL_STYLES = {"finding_number", "comment_label", "evidence"}


class Separator(Flowable):
    """A hairline between findings; it takes no room (and draws nothing) at the top of a page."""

    keepWithNext = 1

    def __init__(self, indent: float = 0, space: float = 7) -> None:
        super().__init__()
        self.indent, self.space = indent, space
        self._hidden = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        self._hidden = bool(frame is not None and getattr(frame, "_atTop", 0))
        self.width = available_width
        return available_width, 0 if self._hidden else self.space

    def draw(self) -> None:
        if self._hidden:
            return
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.4)
        self.canv.line(self.indent, self.space - 1, self.width, self.space - 1)


def rule_under_heading() -> HRFlowable:
    rule = HRFlowable(width="100%", thickness=1.2, color=ACCENT, spaceBefore=0, spaceAfter=4)
    rule.keepWithNext = 1  # type: ignore[attr-defined]
    return rule
