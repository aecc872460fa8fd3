"""The enquiry-framework library shipped in resources/: its shape, both languages, and neutral words."""

from __future__ import annotations

import json

import pytest

from spp_desktop.domain.enquiry_library import EnquiryLibrary, LibraryError
from spp_desktop.domain.language import check_language
from spp_desktop.paths import enquiry_library_path


@pytest.fixture(scope="module")
def library() -> EnquiryLibrary:
    return EnquiryLibrary.load(enquiry_library_path())


def test_every_theme_has_welsh_and_english_starters_in_the_programme_style(library):
    assert len(library.themes) >= 8
    assert len({t.id for t in library.themes}) == len(library.themes)
    for theme in library.themes:
        assert theme.names.keys() == {"en", "cy"}, theme.id
        assert len(theme.starters) >= 2, theme.id
        for starter in theme.starters:
            assert starter.words.keys() == {"en", "cy"}, starter
            assert starter.text("en").startswith(("To what extent", "How well")), starter
            assert starter.text("cy").startswith(("I ba raddau", "Pa mor effeithiol")), starter
            assert starter.text("en").endswith("?") and starter.text("cy").endswith("?")


def test_the_starters_pass_the_neutral_language_hint(library):
    for theme in library.themes:
        for starter in theme.starters:
            for language in ("en", "cy"):
                assert check_language(starter.text(language)) == [], starter.text(language)


def test_a_broken_library_file_is_a_plain_error(tmp_path):
    path = tmp_path / "framework.json"
    with pytest.raises(LibraryError, match="cannot be read"):
        EnquiryLibrary.load(path)
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LibraryError, match="not valid JSON"):
        EnquiryLibrary.load(path)
    path.write_text(json.dumps({"format": "spp-enquiry-framework", "themes": [{"id": "x", "name": {"cy": "Enw"}}]}))
    with pytest.raises(LibraryError, match="Theme 1"):
        EnquiryLibrary.load(path)
