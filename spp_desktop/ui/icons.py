"""Line icons drawn for SPP Desktop (resources/icons/*.svg), tinted to the palette at paint time.

The SVGs use `currentColor`; the engine below substitutes the palette's text colour (or the
highlighted-text colour for selected items, a muted one when disabled) and renders sharp at any
size and device pixel ratio, so the icons follow light/dark switches and 200% scaling. A missing or
unreadable file falls back to a plain Qt standard icon, never to a crash.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyle

from spp_desktop.paths import resources_dir

NAMES = ("app", "plan", "evidence", "findings", "feedback", "lock", "observation", "interview", "book",
         "search", "sync", "import", "home", "settings", "other", "clock", "info", "warning", "photo")

_FALLBACK = {  # QStyle.StandardPixmap names, looked up only when needed (QStyle's enums are large)
    "lock": "SP_DialogCancelButton",
    "import": "SP_DialogOpenButton",
    "search": "SP_FileDialogContentsView",
    "home": "SP_DirHomeIcon",
    "warning": "SP_MessageBoxWarning",
    "info": "SP_MessageBoxInformation",
    "sync": "SP_BrowserReload",
}


def icon_dir() -> Path:
    return resources_dir() / "icons"


@lru_cache(maxsize=64)
def _svg_text(name: str) -> str | None:
    try:
        return (icon_dir() / f"{name}.svg").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class _TintedSvgEngine(QIconEngine):
    def __init__(self, svg: str):
        super().__init__()
        self._svg = svg
        self._cache: dict[tuple[int, int, str], QPixmap] = {}

    def _colour(self, mode: QIcon.Mode) -> str:
        pal = QGuiApplication.palette()
        if mode == QIcon.Mode.Disabled:
            return pal.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
        if mode == QIcon.Mode.Selected:
            return pal.color(QPalette.ColorRole.HighlightedText).name()
        return pal.color(QPalette.ColorRole.WindowText).name()

    def _renderer(self, colour: str) -> QSvgRenderer:
        return QSvgRenderer(QByteArray(self._svg.replace("currentColor", colour).encode("utf-8")))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(self._colour(mode)).render(painter, rect)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        colour = self._colour(mode)
        key = (size.width(), size.height(), f"{colour}{mode.value}")
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        pix = QPixmap(size)
        pix.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pix)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(colour).render(painter, QRect(0, 0, size.width(), size.height()))
        painter.end()
        if len(self._cache) > 32:
            self._cache.clear()
        self._cache[key] = pix
        return pix

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:  # noqa: N802
        pix = self.pixmap(QSize(round(size.width() * scale), round(size.height() * scale)), mode, state)
        pix.setDevicePixelRatio(scale)
        return pix

    def clone(self) -> QIconEngine:
        return _TintedSvgEngine(self._svg)


def icon(name: str) -> QIcon:
    """The named icon; a standard Qt icon (or an empty one) if the SVG is missing."""
    svg = _svg_text(name)
    if svg is not None and "currentColor" in svg:
        return QIcon(_TintedSvgEngine(svg))
    if svg is not None:  # full-colour artwork such as the app icon
        return QIcon(str(icon_dir() / f"{name}.svg"))
    standard = _FALLBACK.get(name)
    app = QApplication.instance()
    if standard is not None and isinstance(app, QApplication):
        return app.style().standardIcon(getattr(QStyle.StandardPixmap, standard))
    return QIcon()


def app_icon() -> QIcon:
    return icon("app")
