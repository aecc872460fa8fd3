"""Look and feel: Fusion with a calm palette that follows the system light or dark scheme.

Text sizes are always relative to the application font (never pixels), so the app reads well at
200% scaling and with large system fonts. Widgets mark their role with a dynamic property
(`role="card"`, `"notice"`, `"problem"`, `"demo"`, `"muted"`) and the style sheet here styles them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

# (light, dark) colours. Text on window/base is above 10:1 in both; the accent passes 4.5:1 with its text.
_COLOURS = {
    "window": ("#f3f4f1", "#1d2125"),
    "base": ("#ffffff", "#252a2f"),
    "alt_base": ("#eef1ee", "#2b3036"),
    "text": ("#1d2327", "#e7e9ea"),
    "muted": ("#4f5a60", "#aab3b8"),
    "button": ("#e6e9e5", "#30363c"),
    "mid": ("#c3c9c4", "#4a535b"),
    "accent": ("#2e6b70", "#7cc2c6"),
    "accent_text": ("#ffffff", "#10262a"),
    "link": ("#1f5f8f", "#8cc4f0"),
    "now": ("#fff1c7", "#4a3f1c"),  # the current slot in the schedule
    "notice": ("#eef5f5", "#20383a"),
    "notice_border": ("#9cc4c6", "#3f6f72"),
    "problem": ("#fbeceb", "#45272a"),
    "problem_border": ("#d49a95", "#8a4a4a"),
    "demo": ("#fff6dd", "#3d351c"),
    "demo_border": ("#e0b855", "#8a7438"),
}

_current_dark = False


def is_dark() -> bool:
    return _current_dark


def colour(name: str) -> QColor:
    """A theme colour by name, for the scheme now in use."""
    light, dark = _COLOURS[name]
    return QColor(dark if _current_dark else light)


def system_is_dark() -> bool:
    scheme = QGuiApplication.styleHints().colorScheme()
    return scheme == Qt.ColorScheme.Dark


def build_palette(dark: bool) -> QPalette:
    pick = 1 if dark else 0

    def c(name: str) -> QColor:
        return QColor(_COLOURS[name][pick])

    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c("window"),
        QPalette.ColorRole.WindowText: c("text"),
        QPalette.ColorRole.Base: c("base"),
        QPalette.ColorRole.AlternateBase: c("alt_base"),
        QPalette.ColorRole.Text: c("text"),
        QPalette.ColorRole.Button: c("button"),
        QPalette.ColorRole.ButtonText: c("text"),
        QPalette.ColorRole.ToolTipBase: c("base"),
        QPalette.ColorRole.ToolTipText: c("text"),
        QPalette.ColorRole.PlaceholderText: c("muted"),
        QPalette.ColorRole.Highlight: c("accent"),
        QPalette.ColorRole.HighlightedText: c("accent_text"),
        QPalette.ColorRole.Link: c("link"),
        QPalette.ColorRole.Mid: c("mid"),
        QPalette.ColorRole.Light: c("base").lighter(110),
        QPalette.ColorRole.Midlight: c("button").lighter(105),
        QPalette.ColorRole.Dark: c("mid").darker(130),
        QPalette.ColorRole.Shadow: QColor("#000000"),
        QPalette.ColorRole.BrightText: c("accent_text"),
    }
    for role, value in roles.items():
        pal.setColor(role, value)
    muted = c("muted")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, muted)
    return pal


def style_sheet() -> str:
    def c(name: str) -> str:
        return colour(name).name()

    return f"""
QFrame[role="card"] {{
    background: {c('base')}; border: 1px solid {c('mid')}; border-radius: 8px;
}}
QFrame[role="notice"] {{
    background: {c('notice')}; border: 1px solid {c('notice_border')}; border-radius: 6px;
}}
QFrame[role="problem"] {{
    background: {c('problem')}; border: 1px solid {c('problem_border')}; border-radius: 6px;
}}
QFrame[role="demo"] {{
    background: {c('demo')}; border: 2px dashed {c('demo_border')}; border-radius: 6px;
}}
QFrame[role="card"] QLabel, QFrame[role="notice"] QLabel, QFrame[role="problem"] QLabel,
QFrame[role="demo"] QLabel {{ background: transparent; border: none; }}
QLabel[role="muted"] {{ color: {c('muted')}; }}
QLabel[role="error"] {{ color: {'#ffb4ab' if _current_dark else '#a3302a'}; }}
QListWidget#workspaceNav {{
    background: {c('alt_base')}; border: none; border-right: 1px solid {c('mid')}; outline: 0;
}}
QListWidget#workspaceNav::item {{ padding: 0.45em 0.7em; border-radius: 6px; margin: 2px 6px; }}
QListWidget#workspaceNav::item:selected {{ background: {c('accent')}; color: {c('accent_text')}; }}
QTableWidget#scheduleTable::item {{ padding: 3px 2px; }}
QToolBar {{ spacing: 4px; padding: 3px; border: none; border-bottom: 1px solid {c('mid')}; }}
QStatusBar {{ border-top: 1px solid {c('mid')}; }}
QPushButton[role="primary"] {{
    background: {c('accent')}; color: {c('accent_text')}; border: 1px solid {c('accent')};
    border-radius: 5px; padding: 0.4em 1.2em; font-weight: bold;
}}
QPushButton[role="primary"]:disabled {{ background: {c('mid')}; border-color: {c('mid')}; color: {c('muted')}; }}
QPushButton[role="primary"]:focus {{ border: 2px solid {c('text')}; }}
"""


_chosen_dark: bool | None = None  # Settings ▸ Theme: None follows the system


def choose(app: QApplication, dark: bool | None) -> None:
    """Light (False), dark (True) or the system's (None), from now on and at once."""
    global _chosen_dark
    _chosen_dark = dark
    apply_theme(app)


def apply_theme(app: QApplication, dark: bool | None = None) -> None:
    """Fusion, the calm palette and the role styles; `dark=None` follows the choice in Settings, else
    the system scheme."""
    global _current_dark
    if dark is None:
        dark = _chosen_dark
    _current_dark = system_is_dark() if dark is None else dark
    app.setStyle("Fusion")
    app.setPalette(build_palette(_current_dark))
    app.setStyleSheet(style_sheet())


def follow_system_scheme(app: QApplication) -> None:
    """Re-theme when the user switches the system between light and dark."""
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))


# --- small helpers the screens share ----------------------------------------------------------------
def scaled_font(base: QFont, factor: float, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    elif base.pixelSize() > 0:  # keep proportions if the platform font is in pixels
        font.setPixelSize(round(base.pixelSize() * factor))
    font.setBold(bold)
    return font


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    """A heading label: level 1 is the page title, 2 a section, 3 a sub-section."""
    label = QLabel(text, parent)
    factor = {1: 1.6, 2: 1.25, 3: 1.08}.get(level, 1.0)
    label.setFont(scaled_font(QApplication.font(), factor, bold=True))
    label.setWordWrap(True)
    return label


def set_role(widget: QWidget, role: str) -> QWidget:
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    return widget


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_role(label, "muted")
    return label
