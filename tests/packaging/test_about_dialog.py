"""The About dialog: what it says, that every sentence is translatable, and that long text still fits."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QTranslator  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QLabel  # noqa: E402

from spp_desktop import APP_NAME, __version__  # noqa: E402
from spp_desktop.ui.about import AboutDialog  # noqa: E402

PROTECTION = ("Your reviews are kept in an encrypted store (SQLCipher 4, AES-256) unlocked by your passphrase "
              "through Argon2id; photos are encrypted too; nothing is stored in the clear.")


class MarkingTranslator(QTranslator):
    """Wraps every AboutDialog string in [[ ]] (and optionally pads it), as a Welsh catalogue would replace it."""

    def __init__(self, pad: float = 0.0):
        super().__init__()
        self.pad = pad
        self.seen: list[str] = []

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001 - Qt override
        if context != "AboutDialog":
            return None
        self.seen.append(source)
        extra = " hir" * int(len(source.split()) * self.pad)
        return f"[[{source}{extra}]]"


@pytest.fixture
def translator(qapp):
    installed: list[QTranslator] = []

    def install(pad: float = 0.0) -> MarkingTranslator:
        t = MarkingTranslator(pad)
        QCoreApplication.installTranslator(t)
        installed.append(t)
        return t

    yield install
    for t in installed:
        QCoreApplication.removeTranslator(t)


def visible_texts(dialog: AboutDialog) -> dict[str, str]:
    texts = {"window title": dialog.windowTitle()}
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if widget.text():
            texts[f"{type(widget).__name__}:{widget.objectName() or widget.text()[:20]}"] = widget.text()
        if widget.toolTip():
            texts[f"tooltip:{widget.text()[:20]}"] = widget.toolTip()
    return texts


def test_shows_name_version_licence_folder_and_protection(qtbot, tmp_path: Path):
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    shown = "\n".join(visible_texts(dialog).values())
    assert APP_NAME in shown
    assert dialog.version_label.text() == f"Version {__version__}"
    assert "MIT licence" in dialog.licence_label.text()
    assert dialog.folder_label.text() == str(tmp_path)
    assert dialog.protection_label.text() == PROTECTION
    assert dialog.windowTitle() == f"About {APP_NAME}"


def test_open_folder_only_when_the_folder_exists(qtbot, tmp_path: Path):
    exists = AboutDialog(tmp_path)
    missing = AboutDialog(tmp_path / "not-yet")
    qtbot.addWidget(exists)
    qtbot.addWidget(missing)
    assert exists.open_folder.isEnabled()
    assert not missing.open_folder.isEnabled()


def test_copy_details_for_support(qtbot, tmp_path: Path):
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"{APP_NAME} {__version__}\n")
    assert str(tmp_path) in copied and "Qt " in copied


def test_close_button_closes(qtbot, tmp_path: Path):
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.close_button.click()
    assert not dialog.isVisible()


def test_every_sentence_goes_through_tr(qtbot, tmp_path: Path, translator):
    marker = translator()
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    untranslated = {where: text for where, text in visible_texts(dialog).items()
                    if "[[" not in text and text not in (APP_NAME, str(tmp_path))}
    assert untranslated == {}
    assert PROTECTION in marker.seen


def test_longer_translations_still_fit(qtbot, tmp_path: Path, translator):
    """Welsh runs longer than English: with every string half as long again, nothing is cut off."""
    translator(pad=0.5)
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.adjustSize()
    for label in dialog.findChildren(QLabel):
        if not label.text():
            continue
        if label.wordWrap():
            assert label.heightForWidth(label.width()) <= label.height(), label.text()
        else:
            assert label.sizeHint().width() <= label.width(), label.text()
    for button in dialog.findChildren(QAbstractButton):
        assert button.sizeHint().width() <= button.width(), button.text()
