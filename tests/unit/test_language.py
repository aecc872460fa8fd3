"""The neutral-language check in English and Welsh, read from the word lists in resources/language."""

import pytest

from spp_desktop.domain.language import REASONS, check_language, word_lists_dir
from spp_desktop.domain.language_lists import WordListError, load_patterns, mutated_forms


def _phrases(text):
    return [f.phrase for f in check_language(text)]


@pytest.mark.parametrize(("text", "phrase"), [
    ("Roedd hon yn wers ragorol", "ragorol"),  # soft mutation after a feminine noun
    ("Roedd yr addysgu yn rhagorol", "rhagorol"),
    ("Gwers dda iawn", "Gwers dda"),
    ("Mae angen gwelliant sylweddol yn y darllen", "angen gwelliant sylweddol"),
    ("Digonol ac angen gwelliant", "Digonol ac angen gwelliant"),
    ("Roedd y cyfan yn anfoddhaol", "anfoddhaol"),
    ("Roedd yn fy ngradd 2", "ngradd 2"),  # nasal mutation of the first word
    ("The lesson was outstanding.", "outstanding"),
    ("It was a good lesson", "good lesson"),
    ("Adequate and needs improvement", "Adequate and needs improvement"),  # Estyn, in English
    ("a poor member of staff", "poor member of staff"),
])
def test_grades_and_judgements_are_flagged_in_both_languages(text, phrase):
    assert _phrases(text) == [phrase]


@pytest.mark.parametrize("text", [
    "Bore da. Roedd y disgyblion yn gweithio'n dda mewn parau.",  # everyday "da" is not a grade
    "Esboniodd y disgyblion eu dull i bartner.",
    "Most pupils explained their method to a partner.",
    "The teacher modelled the first step; pupils then worked in pairs.",
])
def test_neutral_descriptions_are_not_flagged(text):
    assert check_language(text) == []


def test_welsh_mutations():
    assert mutated_forms("rhagorol", first=False) == ["rhagorol", "ragorol"]
    assert mutated_forms("gradd", first=True) == ["gradd", "radd", "ngradd"]
    assert mutated_forms("cyfle", first=True) == ["cyfle", "gyfle", "nghyfle", "chyfle"]
    assert mutated_forms("athro", first=True) == ["athro", "hathro"]
    assert mutated_forms("llais", first=False) == ["llais", "lais"]
    assert mutated_forms("dda", first=True) == ["dda"]  # dd is a letter of its own


def test_the_words_come_from_the_files_not_the_code(tmp_path):
    (tmp_path / "neutral-en.txt").write_text("[a grade]\nsuperb {lesson|work}\n", encoding="utf-8")
    (tmp_path / "neutral-cy.txt").write_text("# nodyn\n[a grade]\nbendigedig\n", encoding="utf-8")
    assert [f.phrase for f in check_language("A superb lesson, outstanding.", tmp_path)] == ["superb lesson"]
    assert [f.phrase for f in check_language("Gwers fendigedig", tmp_path)] == ["fendigedig"]


def test_the_shipped_lists_name_only_known_reasons():
    for name in ("neutral-en.txt", "neutral-cy.txt"):
        patterns = load_patterns((word_lists_dir() / name).read_text(encoding="utf-8"), welsh="cy" in name)
        assert patterns and {reason for _p, reason in patterns} <= set(REASONS)


@pytest.mark.parametrize(("text", "words"), [
    ("[nice words]\nlovely\n", "not a known reason"),
    ("lovely\n", "before any [reason]"),
    ("[a grade]\n{lovely|nice\n", "not closed"),
])
def test_a_broken_word_list_says_which_line(text, words):
    with pytest.raises(WordListError, match="line"):
        load_patterns(text, source="neutral-en.txt")
    with pytest.raises(WordListError, match=words.replace("[", r"\[").replace("]", r"\]")):
        load_patterns(text)
