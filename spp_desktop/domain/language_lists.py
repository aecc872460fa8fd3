"""Reads the neutral-language word lists (resources/language/neutral-*.txt) into regular expressions.

The format is for people, not programmers: `[reason]` headings, one plain phrase per line, `{a|b}`
for a choice of words, `#` for notes. In Welsh a word changes its first letters after some words
(mutations: "gwers ragorol", "ei hathro", "fy ngradd"), so each Welsh word also matches its mutated
forms: all of them for a phrase's first word, the soft mutation for the words after it (an adjective
after a feminine noun: "gwers dda").
"""

from __future__ import annotations

import re

# The reasons a phrase can be flagged for. The UI translates them; a list naming another is refused.
REASONS = (
    "an inspection grade",
    "an inspection judgement",
    "a grading judgement",
    "a judgement of people",
    "a grade",
    "an old inspection grade",
    "a judgement rather than a description",
)

_HEADING = re.compile(r"^\[(.+)\]$")
_CHOICE = re.compile(r"\{([^{}]+)\}")

# Welsh initial mutations: (radical, soft, nasal, aspirate); None where the mutation does not apply
# ("" is real: soft mutation drops a g, "gwers" -> "wers"). Digraphs come first so that "ll" is not
# read as "l", nor "rh" as "r".
_MUTATIONS: tuple[tuple[str, str | None, str | None, str | None], ...] = (
    ("ll", "l", None, None),
    ("rh", "r", None, None),
    ("p", "b", "mh", "ph"),
    ("t", "d", "nh", "th"),
    ("c", "g", "ngh", "ch"),
    ("b", "f", "m", None),
    ("d", "dd", "n", None),
    ("g", "", "ng", None),
    ("m", "f", None, None),
)
_NOT_RADICAL = ("ch", "ph", "th", "dd", "ff", "ng")  # these spellings are letters of their own
_VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòùäëïöü"


class WordListError(ValueError):
    """A word list that cannot be read, with the file and line in plain words."""


def mutated_forms(word: str, *, first: bool) -> list[str]:
    """The word and its mutated forms (soft only unless it is the first word of the phrase)."""
    forms = [word]
    lower = word.lower()
    if lower.startswith(_NOT_RADICAL) or not lower[:1].isalpha():
        return forms
    for radical, soft, nasal, aspirate in _MUTATIONS:
        if lower.startswith(radical):
            rest = word[len(radical):]
            wanted = (soft, nasal, aspirate) if first else (soft,)
            forms += [m + rest for m in wanted if m is not None]
            break
    else:
        if first and lower[0] in _VOWELS:
            forms.append("h" + word)  # "ei hathro", "eu hymddygiad"
    return [f for f in dict.fromkeys(forms) if f]  # a lone "g" has no soft form


def _word_pattern(word: str, *, welsh: bool, first: bool) -> str:
    forms: list[str] = []
    for option in word.split("|"):
        if welsh and " " not in option:  # a multi-word choice ("member of staff") is taken as it is
            forms += mutated_forms(option, first=first)
        else:
            forms.append(option)
    escaped = sorted({re.escape(f) for f in forms}, key=len, reverse=True)
    return escaped[0] if len(escaped) == 1 else "(?:" + "|".join(escaped) + ")"


def _phrase_pattern(phrase: str, *, welsh: bool) -> str:
    # Tokens: a {choice} or a plain word; spaces between them match any run of white space.
    tokens = re.findall(r"\{[^{}]+\}|[^\s{}]+", phrase)
    parts = []
    for index, token in enumerate(tokens):
        inner = token[1:-1] if token.startswith("{") else token
        parts.append(_word_pattern(inner, welsh=welsh, first=index == 0))
    return r"\s+".join(parts)


def load_patterns(text: str, *, welsh: bool = False, source: str = "word list") -> list[tuple[str, str]]:
    """(regular expression, reason) for each phrase in a word list's text."""
    patterns: list[tuple[str, str]] = []
    reason = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        heading = _HEADING.match(line)
        if heading:
            reason = heading.group(1).strip()
            if reason not in REASONS:
                raise WordListError(f"{source}, line {number}: \u201c{reason}\u201d is not a known reason "
                                    f"(one of: {', '.join(REASONS)}).")
            continue
        if not reason:
            raise WordListError(f"{source}, line {number}: a phrase comes before any [reason] heading.")
        if line.count("{") != line.count("}"):
            raise WordListError(f"{source}, line {number}: a {{choice}} is not closed.")
        patterns.append((_phrase_pattern(line, welsh=welsh), reason))
    return patterns
