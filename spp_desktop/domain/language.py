"""Neutral-language check: flags inspection grades and judgmental words in evidence and findings.

Peer review is non-judgmental: evidence records what was seen and heard. The check only advises; it
never blocks typing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# (pattern, why it is flagged). Patterns are whole-word, case-insensitive.
_FLAGGED: tuple[tuple[str, str], ...] = (
    (r"outstanding", "an inspection grade"),
    (r"requires? improvement", "an inspection grade"),
    (r"inadequate", "an inspection grade"),
    (r"special measures", "an inspection judgement"),
    (r"serious weaknesses", "an inspection judgement"),
    (r"good (?:lesson|teaching|teacher|practice)", "a grading judgement"),
    (r"(?:poor|bad|weak|terrible|awful|lazy|useless|incompetent) (?:lesson|teaching|teacher|teachers|practice|behaviour|leadership|leader|class)", "a judgement of people"),
    (r"(?:weak|poor|bad|lazy|incompetent) (?:staff|member of staff|ta|teaching assistant)", "a judgement of people"),
    (r"grade[ds]? (?:1|2|3|4|one|two|three|four)", "a grade"),
    (r"(?:satisfactory|unsatisfactory)", "an old inspection grade"),
    (r"failing", "a judgement rather than a description"),
)
_COMPILED = tuple((re.compile(rf"\b{p}\b", re.IGNORECASE), why) for p, why in _FLAGGED)

ADVICE = "Describe what was seen and heard instead, e.g. \"most pupils explained their method to a partner\"."


@dataclass(frozen=True)
class LanguageFlag:
    start: int
    end: int
    phrase: str
    reason: str

    @property
    def message(self) -> str:
        return f"\u201c{self.phrase}\u201d reads as {self.reason}. {ADVICE}"


def check_language(text: str) -> list[LanguageFlag]:
    """Every grading or judgmental phrase in `text`, in order of position."""
    flags = [
        LanguageFlag(m.start(), m.end(), m.group(0), why)
        for pattern, why in _COMPILED
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
