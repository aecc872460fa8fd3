"""First run and Help: the welcome once, the Help menu, the user guide with its screenshots, About."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QDialog, QMessageBox

from spp_desktop.ui import help as help_module
from spp_desktop.ui.help import UserGuideDialog, WelcomeDialog, guide_path, heading_anchor
from spp_desktop.ui.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
GUIDES = (ROOT / "docs" / "user-guide.md", ROOT / "docs" / "user-guide.cy.md")


def test_the_guides_exist_and_every_screenshot_they_show_is_there():
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        shots = re.findall(r"\((screenshots/[\w.-]+\.png)\)", text)
        assert len(shots) >= 8, guide
        assert [s for s in shots if not (guide.parent / s).exists()] == []
        anchors = {heading_anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}
        links = set(re.findall(r"\]\(#([^)]+)\)", text))
        assert links <= anchors, links - anchors


def test_the_guide_dialog_renders_the_markdown_with_its_pictures(qtbot):
    dialog = UserGuideDialog(path=GUIDES[0])
    qtbot.addWidget(dialog)
    document = dialog.browser.document()
    assert "review day" in document.toPlainText()
    first = re.search(r"\((screenshots/[\w.-]+\.png)\)", GUIDES[0].read_text(encoding="utf-8")).group(1)
    image = document.resource(QTextDocument.ResourceType.ImageResource, document.baseUrl().resolved(first))
    assert image is not None and not image.isNull()
    dialog.browser.scrollToAnchor("if-something-goes-wrong")


def test_the_welsh_guide_is_chosen_for_the_welsh_interface():
    assert guide_path("cy").name == "user-guide.cy.md"
    assert guide_path("en").name == "user-guide.md"


def test_help_menu_has_guide_welcome_and_about(qtbot, unlocked_window, monkeypatch):
    window = unlocked_window
    actions = {a.objectName(): a for a in window.help.menu.actions() if a.objectName()}
    assert set(actions) == {"user_guide", "welcome", "about"}
    assert actions["about"].menuRole() == QAction.MenuRole.AboutRole
    assert actions["user_guide"].shortcut().toString() == "F1"

    shown: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    actions["about"].trigger()
    assert type(shown[-1]).__name__ == "AboutDialog"
    assert shown[-1].data_dir == window.data_dir
    actions["welcome"].trigger()
    assert isinstance(shown[-1], WelcomeDialog)
    actions["user_guide"].trigger()
    assert window.help.guide is not None and window.help.guide.isVisible()
    window.help.guide.close()


def test_the_welcome_is_shown_once(qtbot, tmp_path, monkeypatch):
    from spp_desktop.app import build_main_window
    settings_file = tmp_path / "settings.json"
    shown: list[QDialog] = []
    monkeypatch.setattr(QDialog, "exec", lambda self: shown.append(self) or 0)
    window = build_main_window(tmp_path / "data", settings=Settings(), settings_file=settings_file)
    qtbot.addWidget(window)
    assert not window.settings.welcome_seen
    window.show_welcome()
    assert isinstance(shown[-1], WelcomeDialog)
    assert load_settings(settings_file).welcome_seen


def test_run_gui_offers_the_welcome_only_on_first_start(qtbot, tmp_path, monkeypatch):
    from spp_desktop import app as app_module
    from spp_desktop.ui.main_window import MainWindow
    welcomed: list[int] = []
    monkeypatch.setattr(MainWindow, "show_welcome", lambda self: welcomed.append(1))
    monkeypatch.setattr(app_module.QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    from PySide6.QtCore import QCoreApplication
    assert app_module.run_gui(data_dir=tmp_path / "data") == 0
    QCoreApplication.processEvents()
    assert welcomed == [1]


def test_the_welcome_says_the_four_things(qtbot):
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.point_labels)
    for words in ("encrypted", "demo review", "Import review package", "sign in", "status bar", "sync"):
        assert words.lower() in text.lower(), words
    assert help_module.HelpMenu  # the menu the welcome points to
