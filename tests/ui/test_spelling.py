"""Spell checking as you type, in English (en-GB) and Welsh (cy-GB); "Add to dictionary" keeps the word
in the encrypted store and writes no word list anywhere."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")
pytest.importorskip("enchant")

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402
from spp_desktop.ui.spelling.speller import Speller, enchant_config_dir, shipped_dictionaries  # noqa: E402

PASS = "correct horse battery staple"
NAME = "Okaforrington"  # a made-up surname: in no dictionary


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = ReviewStore.create(data_dir, PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


@pytest.fixture
def page(qtbot, store):
    review_id = store.import_package(demo_package())
    p = EvidencePage(store, review_id)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    yield p
    p.form.close_form()


def test_both_dictionaries_load_and_the_welsh_one_is_shipped_with_its_licence():
    speller = Speller(None)
    assert set(speller.dictionaries) == {"en_GB", "cy_GB"}, speller.missing
    assert (shipped_dictionaries() / "cy_GB.dic").is_file() and (shipped_dictionaries() / "cy_GB.aff").is_file()
    licence = (shipped_dictionaries().parent / "LICENCE").read_text(encoding="utf-8")
    assert "Prifysgol Bangor" in licence and "LGPL" in licence


def test_misspelt_words_are_underlined_in_english_and_welsh_and_good_ones_in_either_are_not(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    notes = page.form.editors["notes"]
    qtbot.keyClicks(notes, "The pupils reaad the pasage aloud. Roedd y disgyblion yn darlen yn dda, "
                           "gyda'r athrawes. Their behaviour and colour work was neat in whole-class work.")
    spelling = page.form.spelling["notes"]
    assert spelling.highlighter.misspelt_words() == ["reaad", "pasage", "darlen"]
    block = notes.document().firstBlock()
    underlined = [r for r in block.layout().formats() if r.format.underlineStyle() != r.format.underlineStyle().NoUnderline]
    assert len(underlined) == 3  # drawn, not only computed
    assert "read" in spelling.speller.suggest("reaad") and "darllen" in spelling.speller.suggest("darlen")


def test_the_context_menu_offers_suggestions_and_replaces_the_word(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    notes = page.form.editors["notes"]
    qtbot.keyClicks(notes, "Pupils reaad aloud")
    spelling = page.form.spelling["notes"]
    cursor = notes.textCursor()
    cursor.setPosition(9)
    at = notes.cursorRect(cursor).center()
    menu = spelling.menu_for(at)
    texts = [a.text() for a in menu.actions()]
    assert "read" in texts and "Add “reaad” to dictionary" in texts and "Ignore “reaad”" in texts
    assert any("Copy" in t or "&Copy" in t for t in texts)  # the editor's own entries stay
    next(a for a in menu.actions() if a.text() == "read").trigger()
    assert notes.toPlainText() == "Pupils read aloud"
    notes.undo()
    assert notes.toPlainText() == "Pupils reaad aloud"  # one undo step


def test_add_to_dictionary_keeps_the_word_in_the_encrypted_store_and_writes_no_word_list(
        qtbot, page, store, data_dir, tmp_path):
    home_config = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "enchant"
    before = {p: p.stat().st_mtime_ns for p in home_config.rglob("*")} if home_config.exists() else {}
    page.new_evidence(EvidenceKind.OBSERVATION)
    notes = page.form.editors["notes"]
    qtbot.keyClicks(notes, f"Mr {NAME} read with the group")
    qtbot.keyClicks(page.form.editors["seen"], f"{NAME} modelled the reading")
    spelling = page.form.spelling["notes"]
    assert spelling.highlighter.misspelt_words() == [NAME]
    seen_underlines = page.form.spelling["seen"].highlighter.document().firstBlock().layout().formats
    assert seen_underlines()
    cursor = notes.textCursor()
    cursor.setPosition(5)
    menu = spelling.menu_for(notes.cursorRect(cursor).center())
    next(a for a in menu.actions() if a.text() == f"Add “{NAME}” to dictionary").trigger()
    assert spelling.highlighter.misspelt_words() == []
    assert not seen_underlines()  # the other field is redrawn at once, not at its next keystroke
    assert NAME in store.personal_words()
    page.flush()

    # Nothing outside the encrypted store holds the word: not Enchant's folder (only the empty files
    # Enchant makes, and links to the shipped dictionaries), not ~/.config/enchant, not the data dir.
    config = enchant_config_dir()
    assert config is not None and config.is_dir()
    for path in config.rglob("*"):
        if path.is_symlink():
            assert path.resolve().parent == shipped_dictionaries().resolve()
        elif path.is_file() and path.parent.name != "hunspell":
            assert path.read_bytes() == b"", path
    after = {p: p.stat().st_mtime_ns for p in home_config.rglob("*")} if home_config.exists() else {}
    assert after == before
    page.close()
    store.close()
    for path in data_dir.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            assert NAME.encode() not in raw and NAME.encode("utf-16-le") not in raw, path.name

    # It is still known after unlocking again, and on every field at once.
    again = ReviewStore.unlock(data_dir, PASS)
    try:
        assert NAME in again.personal_words()
        assert Speller(again).check(NAME)
    finally:
        again.close()


def test_a_dictionary_that_cannot_be_found_leaves_typing_alone(qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    from spp_desktop.ui.spelling.highlight import SpellChecking

    speller = Speller(None, languages=("xx_XX",))
    assert not speller.available and speller.missing == ["xx_XX"]
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    spelling = SpellChecking(edit, speller)
    qtbot.keyClicks(edit, "anythng goes")
    assert spelling.highlighter.misspelt_words() == []
