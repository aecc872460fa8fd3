"""The look the user chose in Settings: light, dark or the system's, and the text size.

Both apply at once (no restart): the theme re-colours every widget; the text size sets the
application font, which every widget without a font of its own follows, and the pages built from
then on (headings, slides) are sized from it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from . import theme

THEMES = ("system", "light", "dark")
TEXT_SIZES = (100, 115, 130, 150)  # per cent of the system's font

_base_font: QFont | None = None


def apply_appearance(app: QApplication, theme_choice: str, text_size: int) -> None:
    theme.choose(app, {"light": False, "dark": True}.get(theme_choice))
    global _base_font
    if _base_font is None:
        _base_font = QFont(app.font())  # the system's, before any scaling of ours
    font = QFont(_base_font)
    if _base_font.pointSizeF() > 0:
        font.setPointSizeF(_base_font.pointSizeF() * text_size / 100)
    elif _base_font.pixelSize() > 0:
        font.setPixelSize(round(_base_font.pixelSize() * text_size / 100))
    app.setFont(font)
