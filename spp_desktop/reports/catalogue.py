"""The documents' words in the reader's language, from the one Welsh catalogue the interface uses.

The English is written once, in the reports' modules (`labels.py`, `improvement_labels.py`), marked for
pyside6-lupdate with the plain QT_TRANSLATE_NOOP below: the reports never import Qt, because the server
renders the same PDFs. scripts/update_translations.sh puts those words in
resources/translations/spp_desktop_cy.ts beside the interface's (contexts "FeedbackSummary" and
"ImprovementDocuments"), and the Welsh is written there, once. The domain's labels (evidence kinds, roles,
finding kinds, progress …) are the "Domain" context's entries, the same the screens show.

At run time the .ts (Qt Linguist's XML) is read with xml.etree, once per process and language. A missing,
unfinished or obsolete entry stays English, and so does every word when the file is absent.
"""

from __future__ import annotations

import logging
import threading
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

from .fonts import resources_dir

log = logging.getLogger(__name__)

ENGLISH, WELSH = "en", "cy"
LANGUAGES = (ENGLISH, WELSH)
DOMAIN = "Domain"
CATALOGUE = "spp_desktop"

_lock = threading.Lock()
_cache: dict[str, Mapping[tuple[str, str], str]] = {}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks `text` for the translation catalogue without importing Qt; returns it unchanged."""
    return text


def language_code(language: str) -> str:
    """"en" or "cy" for a language tag ("cy-GB" is "cy"); English for anything else."""
    code = (language or ENGLISH).split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else ENGLISH


def catalogue_path(language: str) -> Path:
    return resources_dir() / "translations" / f"{CATALOGUE}_{language}.ts"


def read_catalogue(path: Path) -> dict[tuple[str, str], str]:
    """(context, English source) -> translation, for every finished, singular entry without a disambiguation."""
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            translation = message.find("translation")
            if (translation is None or message.get("numerus") == "yes" or message.findtext("comment")
                    or translation.get("type") in ("unfinished", "obsolete", "vanished")):
                continue
            text = "".join(translation.itertext())
            source = message.findtext("source") or ""
            if text.strip() and source:
                out.setdefault((name, source), text)
    return out


def messages(language: str) -> Mapping[tuple[str, str], str]:
    """The catalogue of `language` (empty for English, or when the file is missing or unreadable)."""
    code = language_code(language)
    if code == ENGLISH:
        return {}
    with _lock:
        found = _cache.get(code)
        if found is None:
            path = catalogue_path(code)
            try:
                found = read_catalogue(path)
            except (OSError, ET.ParseError) as exc:
                log.warning("No %s catalogue for the documents at %s (%s); they stay in English.", code, path, exc)
                found = {}
            _cache[code] = found
        return found


def translate(language: str, context: str, text: str) -> str:
    """`text` (English) in `language`, or `text` itself when the catalogue has no finished entry for it."""
    if not text:
        return text
    return messages(language).get((context, text), text)


def clear_cache() -> None:
    """Forget the catalogues read so far (tests that point SPP_RESOURCES_DIR elsewhere)."""
    with _lock:
        _cache.clear()
