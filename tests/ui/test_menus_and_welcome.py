"""The File and Review menus' mnemonics do not clash (in English and in Welsh), and the welcome tells a
--demo user what they will actually see."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from spp_desktop.ui.help import WelcomeDialog
from spp_desktop.ui.i18n import install_translation, remove_translation


def mnemonics(menu) -> list[str]:
    letters = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found = re.search(r"&(\w)", action.text())
        if found:
            letters.append(found.group(1).lower())
    return letters


def menus(window):
    """The File and Review menus (the Edit menu's are Qt's standard ones plus Insert time)."""
    return {action.text(): action.menu() for action in window.menuBar().actions()
            if action.menu() and action.menu() is not None and action.text().replace("&", "") in
            ("File", "Review", "Ffeil", "Adolygiad")}


def test_file_and_review_menu_mnemonics_are_unique(qtbot, unlocked_window):
    for name, menu in menus(unlocked_window).items():
        letters = mnemonics(menu)
        assert len(letters) == len(set(letters)), (name, letters)
    file_menu = next(m for t, m in menus(unlocked_window).items() if "File" in t)
    texts = [a.text() for a in file_menu.actions()]
    assert "Sign &in to server…" in texts  # "i" signs in; Import review package is "p"
    assert "Import review &package…" in texts


def test_welsh_file_and_review_menu_mnemonics_are_unique(qtbot, data_dir, idle_clock, wall_clock, demo_store):
    from spp_desktop.app import build_main_window
    from spp_desktop.store.keys import FAST_TEST_KDF
    from spp_desktop.ui.autolock import IdleLock

    app = QApplication.instance()
    install_translation(app, "cy")
    try:
        window = build_main_window(data_dir, kdf_params=FAST_TEST_KDF,
                                   idle_lock=IdleLock(clock=idle_clock, wall=wall_clock))
        qtbot.addWidget(window)
        window.on_unlocked(demo_store[0])
        window.open_review(demo_store[1])
        assert len(menus(window)) == 2
        for name, menu in menus(window).items():
            letters = mnemonics(menu)
            assert len(letters) == len(set(letters)), (name, letters)
        window.close()
    finally:
        remove_translation(app)
        install_translation(app, "en")


def test_the_welcome_tells_a_demo_user_what_they_will_see(qtbot):
    demo = WelcomeDialog(in_demo=True)
    qtbot.addWidget(demo)
    text = "\n".join(label.text() for label in demo.point_labels)
    assert "Open demo review" not in text and "Type it in for me" in text
    usual = WelcomeDialog(has_demo=True)
    qtbot.addWidget(usual)
    assert "Open demo review" in "\n".join(label.text() for label in usual.point_labels)
