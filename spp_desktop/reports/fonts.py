"""Locate the shipped resources and register DejaVu Sans with reportlab (once per process).

The built-in PDF fonts (Helvetica and friends) cannot show w and y with a circumflex, which Welsh needs;
DejaVu Sans is embedded (subset) instead, so the PDF looks the same on every machine.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FAMILY = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"

_FILES = {
    FONT_FAMILY: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def resources_dir() -> Path:
    """The `resources/` folder: named by SPP_RESOURCES_DIR (the server image, which installs the packages
    into site-packages and keeps the fonts apart), inside a PyInstaller bundle (sys._MEIPASS), or beside
    the package in a checkout."""
    named = os.environ.get("SPP_RESOURCES_DIR")
    if named:
        return Path(named)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "resources"
        if candidate.is_dir():
            return candidate
    return Path(__file__).resolve().parents[2] / "resources"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


class FontsMissing(RuntimeError):
    """The DejaVu font files are not where the app expects them (a broken install)."""


def register_fonts() -> str:
    """Register the four DejaVu Sans faces and their <b>/<i> mapping; safe to call many times and from threads.

    Returns the family name to use in paragraph styles. If the oblique faces are missing, italics fall back
    to the upright faces rather than failing.
    """
    global _registered
    if _registered:
        return FONT_FAMILY
    with _lock:
        if _registered:
            return FONT_FAMILY
        folder = fonts_dir()
        available: dict[str, Path] = {}
        for name, filename in _FILES.items():
            path = folder / filename
            if path.is_file():
                available[name] = path
        if FONT_FAMILY not in available:
            raise FontsMissing(f"The PDF font is missing from {folder}; reinstall SPP Desktop.")
        face = {name: name if name in available else None for name in _FILES}
        face[FONT_BOLD] = face[FONT_BOLD] or FONT_FAMILY
        face[FONT_ITALIC] = face[FONT_ITALIC] or FONT_FAMILY
        face[FONT_BOLD_ITALIC] = face[FONT_BOLD_ITALIC] or face[FONT_BOLD]
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, path in available.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(path)))
        addMapping(FONT_FAMILY, 0, 0, face[FONT_FAMILY])
        addMapping(FONT_FAMILY, 1, 0, face[FONT_BOLD])
        addMapping(FONT_FAMILY, 0, 1, face[FONT_ITALIC])
        addMapping(FONT_FAMILY, 1, 1, face[FONT_BOLD_ITALIC])
        _registered = True
    return FONT_FAMILY


def bold_font() -> str:
    register_fonts()
    return FONT_BOLD if FONT_BOLD in pdfmetrics.getRegisteredFontNames() else FONT_FAMILY


def italic_font() -> str:
    register_fonts()
    return FONT_ITALIC if FONT_ITALIC in pdfmetrics.getRegisteredFontNames() else FONT_FAMILY
