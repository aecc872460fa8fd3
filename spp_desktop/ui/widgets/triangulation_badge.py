"""The triangulation badge: "5 items · 3 kinds of source" on every finding and every enquiry question.

A finding resting on one kind of source, or on none, gets a calm warning colour, a warning sign (so
the state never depends on colour alone) and the domain's advice (`Support.warning`) as its tooltip.
Links to evidence that has since been deleted are counted as a gap, never as a crash.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from spp_desktop.domain.triangulation import Support

from .. import theme
from ..i18n import counted, domain_text, label

WARNING_SIGN = "\u26a0"


class BadgeWords(QObject):
    """The badge's counts (lupdate marks a plural entry only in `self.tr(text, "", n)`)."""

    def items(self, n: int) -> str:
        return counted(self.tr("%n item(s)", "", n), n)

    def kinds(self, n: int) -> str:
        return counted(self.tr("%n kind(s) of source", "", n), n)

    def missing(self, n: int) -> str:
        return counted(self.tr("%n linked record(s) (is|are) no longer available", "", n), n)


_words = BadgeWords()


def items_text(n: int) -> str:
    return _words.items(n)


def kinds_text(n: int) -> str:
    return _words.kinds(n)


def support_text(support: Support) -> str:
    """ "5 items · 3 kinds of source"; "No evidence yet" when nothing stands behind it."""
    if not support.items:
        return QCoreApplication.translate("TriangulationBadge", "No evidence yet")
    return f"{items_text(support.items)} \u00b7 {kinds_text(support.source_kinds)}"


def missing_text(support: Support) -> str:
    n = support.missing_evidence
    return _words.missing(n) if n else ""


def describe(support: Support) -> str:
    """Support.describe() in the interface language: "5 items from 3 kinds of source: observation 2, …"."""
    parts = ", ".join(f"{label(kind)} {n}" for kind, n in support.counts.items() if n)
    return QCoreApplication.translate("TriangulationBadge", "{items} from {kinds}: {parts}.").format(
        items=items_text(support.items), kinds=kinds_text(support.source_kinds), parts=parts)


def support_tooltip(support: Support) -> str:
    lines = [domain_text(support.warning)] if support.warning else []
    if support.items:
        lines.append(describe(support))
    if support.missing_evidence:
        lines.append(QCoreApplication.translate("TriangulationBadge", "{gap} (deleted since it was linked).").format(
            gap=missing_text(support)))
    return "\n".join(lines)


def badge_colours(warning: bool) -> tuple[QColor, QColor]:
    """(background, border): the theme's calm amber for a warning, its quiet teal otherwise."""
    if warning:
        return theme.colour("now"), theme.colour("demo_border")
    return theme.colour("notice"), theme.colour("notice_border")


class TriangulationBadge(QLabel):
    """Shows a `Support`; `subject` ("finding", "question") is used in the accessible name."""

    def __init__(self, subject: str = "finding", parent: QWidget | None = None):
        """`subject` is "finding" or "question" (which the accessible name speaks of)."""
        super().__init__(parent)
        self.setObjectName("triangulationBadge")
        self._subject = subject
        self.support: Support | None = None
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        em = self.fontMetrics().averageCharWidth()
        self.setContentsMargins(em, round(em * 0.45), em, round(em * 0.45))

    @property
    def warning(self) -> bool:
        return bool(self.support and self.support.warning)

    def set_support(self, support: Support) -> None:
        if support == self.support:
            return
        self.support = support
        text = support_text(support)
        gap = missing_text(support)
        shown = f"{WARNING_SIGN} {text}" if support.warning else text
        if gap:
            shown += f"\n{gap}"
        self.setText(shown)
        self.setToolTip(support_tooltip(support))
        if self._subject == "question":
            self.setAccessibleName(self.tr("Evidence behind this question: {support}").format(support=text))
        else:
            self.setAccessibleName(self.tr("Evidence behind this finding: {support}").format(support=text))
        self.setAccessibleDescription(" ".join(p for p in (domain_text(support.warning), gap) if p))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        # Painted here rather than by a style sheet: a page holds dozens of badges, and a style sheet
        # per widget costs a re-polish each; the colours still come from the theme (light or dark).
        background, border = badge_colours(self.warning)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1))
        painter.setBrush(background)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = min(rect.height() / 2, self.fontMetrics().height() * 0.6)
        painter.drawRoundedRect(rect, radius, radius)
        painter.end()
        super().paintEvent(event)  # the text, in the palette's text colour
