"""The web console's words in English and Welsh: a small catalogue keyed by the English text.

Templates and routes say _("English text", name=value); tests/server/web/test_i18n.py fails when a
string used anywhere lacks its Welsh. Terms as in docs/glossary-cy.md.
"""

from __future__ import annotations

from collections.abc import Callable

from .catalogue_cy import CY

LANGUAGES = ("en", "cy")


def translator(lang: str) -> Callable[..., str]:
    table = CY if lang == "cy" else {}

    def _(text: str, **params: object) -> str:
        words = table.get(text, text)
        return words.format(**params) if params else words

    return _
