"""The neutral-language hint: a calm note under a text field when it reads as a grade or a judgement.

It never blocks typing: the check runs on a short timer after typing pauses (checking a 150 kB
paste takes ~30 ms, too long for every keystroke), and it is only advice shown inline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from spp_desktop.domain.language import ADVICE, check_language

from ..i18n import domain_text

CHECK_DELAY_MS = 350
_MAX_SHOWN = 3


def hint_text(text: str) -> str:
    """The hint for `text`, or "" when nothing is flagged."""
    flags = check_language(text)
    if not flags:
        return ""
    advice = domain_text(ADVICE)
    if len(flags) == 1:
        return QCoreApplication.translate("LanguageHint", "“{phrase}” reads as {reason}. {advice}").format(
            phrase=flags[0].phrase, reason=domain_text(flags[0].reason), advice=advice)
    phrases: list[str] = []
    for flag in flags:
        quoted = f"\u201c{flag.phrase}\u201d"
        if quoted not in phrases:
            phrases.append(quoted)
    shown = ", ".join(phrases[:_MAX_SHOWN]) + (" \u2026" if len(phrases) > _MAX_SHOWN else "")
    return QCoreApplication.translate("LanguageHint", "{phrases} read as grades or judgements. {advice}").format(
        phrases=shown, advice=advice)


class LanguageHint(QLabel):
    """Shows advice for the text of one field; hidden while the text is neutral."""

    def __init__(self, text_source: Callable[[], str], parent: QWidget | None = None,
                 delay_ms: int = CHECK_DELAY_MS):
        super().__init__(parent)
        self._source = text_source
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setProperty("role", "notice")
        self.setObjectName("languageHint")
        self.setAccessibleName(self.tr("Neutral language hint"))
        self.setMargin(6)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.check_now)

    def schedule(self) -> None:
        """The text changed: check it once typing pauses (restarts a timer, nothing else)."""
        self._timer.start()

    def check_now(self) -> None:
        self._timer.stop()
        message = hint_text(self._source())
        if message == self.text() and self.isHidden() == (not message):
            return
        self.setText(message)
        self.setAccessibleDescription(message)
        self.setVisible(bool(message))

    @property
    def showing(self) -> bool:
        return bool(self.text()) and not self.isHidden()
