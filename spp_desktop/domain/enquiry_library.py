"""The enquiry-framework library: themes and question starters ("To what extent ... / How well ...").

The words live in resources/enquiry/framework.json (English and Welsh), not in code, so a partnership can
adapt them. Loading checks the shape and says plainly what is wrong.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

FORMAT = "spp-enquiry-framework"
LANGUAGES = ("en", "cy")


class LibraryError(ValueError):
    """The library file cannot be used (missing, not JSON, or the wrong shape)."""


@dataclass(frozen=True)
class Starter:
    words: dict[str, str]  # language -> question

    def text(self, language: str) -> str:
        return self.words.get(language) or self.words["en"]


@dataclass(frozen=True)
class Theme:
    id: str
    names: dict[str, str]
    starters: tuple[Starter, ...]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class EnquiryLibrary:
    themes: tuple[Theme, ...]

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    @classmethod
    def load(cls, path: Path) -> EnquiryLibrary:
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise LibraryError(f"The enquiry-framework library cannot be read: {exc.strerror}.") from None
        except ValueError:
            raise LibraryError("The enquiry-framework library is not valid JSON.") from None
        if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("themes"), list):
            raise LibraryError("The enquiry-framework library is not in the expected format.")
        themes = []
        for i, raw in enumerate(doc["themes"]):
            try:
                names = _words(raw["name"])
                starters = tuple(Starter(_words(s)) for s in raw["starters"])
                themes.append(Theme(str(raw["id"]), names, starters))
            except (KeyError, TypeError, ValueError):
                raise LibraryError(f"Theme {i + 1} of the enquiry-framework library needs an id, a name "
                                   "and starters, each in English at least.") from None
        return cls(tuple(themes))


def _words(raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not raw["en"].strip():
        raise ValueError("English words are required")
    return {k: v for k, v in raw.items() if k in LANGUAGES and isinstance(v, str) and v.strip()}
