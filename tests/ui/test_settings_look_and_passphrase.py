"""Settings: "1 minute", the theme and the text size apply at once, and the passphrase can be changed
without the command line (a wrong current one changes nothing)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from spp_desktop.demo import DEMO_PASSPHRASE
from spp_desktop.store.errors import WrongPassphrase
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui import theme
from spp_desktop.ui.appearance import apply_appearance
from spp_desktop.ui.passphrase_dialog import PassphraseDialog
from spp_desktop.ui.settings import Settings, SettingsDialog


@pytest.fixture
def restore_look():
    app = QApplication.instance()
    yield app
    apply_appearance(app, "system", 100)  # the next tests see the usual look


def test_one_minute_is_singular(qtbot):
    dialog = SettingsDialog(Settings(autolock_minutes=5))
    qtbot.addWidget(dialog)
    dialog.autolock.setValue(1)
    assert dialog.autolock.text() == "1 minute"
    dialog.autolock.setValue(2)
    assert dialog.autolock.text() == "2 minutes"


def test_theme_and_text_size_apply_at_once_and_are_kept(qtbot, restore_look):
    app = restore_look
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.text_size.setCurrentIndex(dialog.text_size.findData(130))
    chosen = dialog.result_settings()
    assert (chosen.theme, chosen.text_size) == ("dark", 130)
    assert Settings.from_dict({"theme": "dark", "text_size": 130}) == Settings(theme="dark", text_size=130)
    assert Settings.from_dict({"theme": "purple", "text_size": 999}) == Settings()  # unknown: the defaults

    size = app.font().pointSizeF()
    apply_appearance(app, chosen.theme, chosen.text_size)
    assert theme.is_dark()
    assert app.font().pointSizeF() == pytest.approx(size * 1.3)
    apply_appearance(app, "light", 100)
    assert not theme.is_dark() and app.font().pointSizeF() == pytest.approx(size)


def test_passphrase_changes_from_settings(qtbot, tmp_path):
    folder = tmp_path / "data"
    ReviewStore.create(folder, DEMO_PASSPHRASE, kdf_params=FAST_TEST_KDF).close()
    dialog = PassphraseDialog(folder)
    qtbot.addWidget(dialog)
    dialog.current.setText("not the passphrase at all")
    dialog.new.setText("walnut kettle harbour lantern")
    dialog.again.setText("walnut kettle harbour lantern")
    task = dialog.submit()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert "not the current passphrase" in dialog.error.text()
    ReviewStore.unlock(folder, DEMO_PASSPHRASE).close()  # nothing changed

    dialog.current.setText(DEMO_PASSPHRASE)
    task = dialog.submit()
    qtbot.waitUntil(lambda: task.done, timeout=15_000)
    assert dialog.result() == dialog.DialogCode.Accepted
    ReviewStore.unlock(folder, "walnut kettle harbour lantern").close()
    with pytest.raises(WrongPassphrase):
        ReviewStore.unlock(folder, DEMO_PASSPHRASE)


def test_a_language_change_applies_at_once_and_keeps_the_store_and_the_place(qtbot, unlocked_window, demo_store,
                                                                              data_dir, idle_clock, wall_clock):
    from spp_desktop.app import apply_language, build_main_window, relaunch_in_language
    from spp_desktop.ui.autolock import IdleLock
    from tests.ui.test_lock_place import open_observation_and_type

    store, review_id = demo_store
    form, editor = open_observation_and_type(qtbot, unlocked_window, "Pupils read aloud")
    evidence_id = form.evidence_id
    app = QApplication.instance()
    unlocked_window.settings.language = "cy"
    try:
        new = relaunch_in_language(app, unlocked_window, lambda s: build_main_window(
            data_dir, settings=s, kdf_params=FAST_TEST_KDF, idle_lock=IdleLock(clock=idle_clock, wall=wall_clock)))
        qtbot.addWidget(new)
        assert new is not None and not new.is_locked and new.store is store  # no restart, no new unlock
        assert new.act_lock.text() == "C&loi"  # in Welsh
        assert new.workspace.current_page_name() == "evidence"
        assert new.workspace.evidence_page.form.evidence_id == evidence_id
        assert new.workspace.evidence_page.form.editors["seen"].toPlainText() == "Pupils read aloud"
        assert store.is_open and store.has_review(review_id)  # the (demo) data is all there
        new.close()
    finally:
        unlocked_window.settings.language = "en"
        apply_language(app, unlocked_window.settings)
