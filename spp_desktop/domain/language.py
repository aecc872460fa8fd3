"""Neutral-language check: flags inspection grades and judgmental words in evidence and findings.

Peer review is non-judgmental: evidence records what was seen and heard. The check only advises; it
never blocks typing. The words live in plain text files, one per language
(`resources/language/neutral-en.txt`, `neutral-cy.txt`), so a partnership can read and extend them
without touching code; `language_lists.py` reads them (and expands Welsh mutations). Both lists are
always applied: a reviewer may write Welsh evidence with an English interface, or the other way round.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .language_lists import REASONS, load_patterns

ADVICE = "Describe what was seen and heard instead, e.g. \"most pupils explained their method to a partner\"."
LANGUAGES = ("en", "cy")
__all__ = ["ADVICE", "REASONS", "LanguageFlag", "check_language", "word_lists_dir"]


def word_lists_dir() -> Path:
    """resources/language: inside a PyInstaller bundle (sys._MEIPASS) or beside the package."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle and (Path(bundle) / "resources" / "language").is_dir():
        return Path(bundle) / "resources" / "language"
    return Path(__file__).resolve().parents[2] / "resources" / "language"


@lru_cache(maxsize=4)
def _compiled(directory: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled: list[tuple[re.Pattern[str], str]] = []
    for lang in LANGUAGES:
        path = Path(directory) / f"neutral-{lang}.txt"
        for pattern, reason in load_patterns(path.read_text(encoding="utf-8"), welsh=lang == "cy", source=path.name):
            compiled.append((re.compile(rf"(?<!\w){pattern}(?!\w)", re.IGNORECASE), reason))
    return tuple(compiled)


@dataclass(frozen=True)
class LanguageFlag:
    start: int
    end: int
    phrase: str
    reason: str

    @property
    def message(self) -> str:
        return f"\u201c{self.phrase}\u201d reads as {self.reason}. {ADVICE}"


def check_language(text: str, directory: Path | None = None) -> list[LanguageFlag]:
    """Every grading or judgmental phrase in `text` (English or Welsh), in order of position."""
    patterns = _compiled(str(directory or word_lists_dir()))
    flags = [
        LanguageFlag(m.start(), m.end(), m.group(0), why)
        for pattern, why in patterns
        for m in pattern.finditer(text)
    ]
    flags.sort(key=lambda f: (f.start, -f.end))
    # Drop flags contained in an earlier, longer one ("good lesson" inside "not a good lesson" is one flag).
    kept: list[LanguageFlag] = []
    for flag in flags:
        if kept and flag.start < kept[-1].end:
            continue
        kept.append(flag)
    return kept
