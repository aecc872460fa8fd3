"""Help: the welcome shown on first start, the user guide, and the Help menu that opens them and About.

The guide is docs/user-guide.md (docs/user-guide.cy.md in Welsh, when present) with its screenshots
from docs/screenshots/. In a checkout docs/ is beside resources/; the PyInstaller spec copies the
guides and the screenshots they use to the same place in the bundle, so `docs_dir()` finds them both
ways. It is shown with QTextBrowser.setMarkdown: links to other files and to the web open outside.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QImageReader, QKeySequence, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from spp_desktop.paths import resources_dir

from . import theme
from .i18n import WELSH, current_language, translate
from .icons import app_icon
from .shortcuts import standard_keys

GUIDE = "user-guide.md"
GUIDE_CY = "user-guide.cy.md"


def docs_dir() -> Path:
    return resources_dir().parent / "docs"


def heading_anchor(text: str) -> str:
    """The anchor GitHub gives a heading ("If something goes wrong" -> "if-something-goes-wrong")."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", text.strip().lower()))


def prepare_guide(document: QTextDocument, folder: Path, max_width: int) -> None:
    """Anchors on the headings (so the contents links work) and screenshots no wider than `max_width`."""
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0:
            cursor = QTextCursor(block)
            cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
            fmt = cursor.charFormat()
            fmt.setAnchor(True)
            fmt.setAnchorNames([heading_anchor(block.text())])
            cursor.mergeCharFormat(fmt)
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                size = QImageReader(str(folder / image.name())).size()
                if size.isValid() and size.width() > max_width:
                    image.setWidth(max_width)
                    image.setHeight(size.height() * max_width / size.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
            it += 1
        block = block.next()


def guide_path(language: str | None = None) -> Path:
    """The user guide in the interface language if there is one, else the English guide."""
    if (language or current_language()) == WELSH and (docs_dir() / GUIDE_CY).exists():
        return docs_dir() / GUIDE_CY
    return docs_dir() / GUIDE


class UserGuideDialog(QDialog):
    """The user guide, rendered from Markdown with its screenshots. Not modal: keep it open beside the app."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("SPP Desktop user guide"))
        self.setAccessibleName(self.tr("User guide"))
        self.path = path or guide_path()
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._open_link)
        self.browser.setSearchPaths([str(self.path.parent)])
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            text = self.tr("The user guide is missing from this installation ({path}).").format(path=self.path)
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path)))
        self.browser.setMarkdown(text)
        em = self.fontMetrics().averageCharWidth()
        prepare_guide(self.browser.document(), self.path.parent, em * 100)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.setMinimumSize(em * 50, self.fontMetrics().height() * 16)
        self.resize(em * 110, self.fontMetrics().height() * 40)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() in ("", "file") and url.fileName().endswith(".md"):
            local = Path(url.toLocalFile()) if url.isLocalFile() else self.path.parent / url.path()
            if local.exists():
                self.path = local
                self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(local)))
                self.browser.setMarkdown(local.read_text(encoding="utf-8"))
                prepare_guide(self.browser.document(), local.parent, self.fontMetrics().averageCharWidth() * 100)
                if url.hasFragment():
                    self.browser.scrollToAnchor(url.fragment())
                return
        if url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
            return
        QDesktopServices.openUrl(url)


class WelcomeDialog(QDialog):
    """First start: what SPP Desktop is, where things are kept, and the four things to know."""

    def __init__(self, parent: QWidget | None = None, *, has_demo: bool = True, in_demo: bool = False):
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to SPP Desktop"))
        self.setAccessibleName(self.tr("Welcome to SPP Desktop"))
        size = self.fontMetrics().height() * 3
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(size, size))
        icon.setFixedSize(size, size)
        title = theme.heading(self.tr("Welcome to SPP Desktop"), 1)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(10)
        top.addWidget(title, 1)

        points = [
            (self.tr("Everything stays on this laptop, encrypted"),
             self.tr("Your reviews, notes and photos are kept in an encrypted store on this laptop, unlocked "
                     "with a passphrase you choose. Nothing leaves the laptop until you sync or export. If you "
                     "forget the passphrase, nobody can open the store, so keep it somewhere safe.")),
            (self.tr("This is the demo") if in_demo else self.tr("Try the demo review first"),
             self.tr("Unlock with the demo passphrase shown on the lock screen (or press “Type it in for me”): "
                     "the made-up review day opens at once. The demo store is deleted when you close SPP "
                     "Desktop.") if in_demo else
             self.tr("After you unlock, choose “Open demo review” on the Reviews screen to explore a made-up "
                     "review day.") if has_demo else
             self.tr("Ask your partnership lead for a practice review package to explore before the day.")),
            (self.tr("Get your review"),
             self.tr("Choose “Import review package…” and open the file the partnership lead sent you, or sign "
                     "in to the partnership server to download the review.")),
            (self.tr("Before you leave school"),
             self.tr("Look at the status bar at the bottom of the window: it should say there are no changes "
                     "waiting to sync. If you cannot sync from school, sync from home that evening, or choose "
                     "“Export for the team…” and pass the file to the lead reviewer before the feedback "
                     "conversation.")),
        ]
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(6)
        self.point_labels: list[QLabel] = []
        for heading, text in points:
            layout.addWidget(theme.heading(heading, 3))
            body = QLabel(text, self)
            body.setWordWrap(True)
            self.point_labels.append(body)
            layout.addWidget(body)
            layout.addSpacing(4)
        layout.addWidget(theme.muted_label(self.tr("You can see this again from Help ▸ Welcome; the full user "
                                                   "guide is under Help ▸ User guide (F1).")))
        buttons = QDialogButtonBox(self)
        self.guide_button = buttons.addButton(self.tr("Open the user guide"), QDialogButtonBox.ButtonRole.HelpRole)
        self.start_button = buttons.addButton(self.tr("Get started"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        self.guide_button.clicked.connect(self._open_guide)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def _open_guide(self) -> None:
        UserGuideDialog(self.parentWidget()).show()
        self.accept()


class HelpMenu:
    """The Help menu of a main window: User guide (F1), Welcome, About SPP Desktop."""

    def __init__(self, window: QMainWindow, data_dir: Path, *, has_demo: bool = True, in_demo: bool = False):
        self.window = window
        self.data_dir = data_dir
        self.has_demo = has_demo
        self.in_demo = in_demo
        self.guide: UserGuideDialog | None = None
        menu = window.menuBar().addMenu(translate("HelpMenu", "&Help"))
        menu.setObjectName("helpMenu")
        self.menu = menu
        self.act_guide = QAction(translate("HelpMenu", "&User guide"), window)
        self.act_guide.setObjectName("user_guide")
        self.act_guide.setShortcuts(standard_keys(QKeySequence.StandardKey.HelpContents, "F1"))  # Cmd+? on macOS
        self.act_guide.triggered.connect(lambda _checked=False: self.open_guide())
        self.act_welcome = QAction(translate("HelpMenu", "&Welcome"), window)
        self.act_welcome.setObjectName("welcome")
        self.act_welcome.triggered.connect(lambda _checked=False: self.open_welcome())
        self.act_about = QAction(translate("HelpMenu", "&About SPP Desktop"), window)
        self.act_about.setObjectName("about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_about.triggered.connect(lambda _checked=False: self.open_about())
        for action in (self.act_guide, self.act_welcome):
            menu.addAction(action)
            window.addAction(action)  # F1 works wherever the focus is
        menu.addSeparator()
        menu.addAction(self.act_about)

    def open_guide(self) -> UserGuideDialog:
        if self.guide is None or not self.guide.isVisible():
            self.guide = UserGuideDialog(self.window)
        self.guide.show()
        self.guide.raise_()
        return self.guide

    def welcome_dialog(self) -> WelcomeDialog:
        return WelcomeDialog(self.window, has_demo=self.has_demo, in_demo=self.in_demo)

    def open_welcome(self) -> None:
        self.welcome_dialog().exec()

    def open_about(self) -> None:
        from .about import AboutDialog
        AboutDialog(self.data_dir, self.window).exec()
