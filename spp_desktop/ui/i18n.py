"""Translations: the language setting, the Qt translators, and domain words translated at the UI edge.

Every string the UI shows goes through Qt: `self.tr("…")` in QObject subclasses (PySide6 looks the
context up from the class that defines the method, which is also what pyside6-lupdate records), and
`translate("Context", "…")` elsewhere. Placeholders are str.format fields: `tr("{n} records").format(n=n)`.

The domain package is plain Python with English labels (`EvidenceKind.label`, `Role.label` …). The UI
translates those here, in the "Domain" context; `domain_strings.py` (generated from the domain by
`domain_source_strings()`, checked by a test) lists each of them for lupdate. The file is generated
because lupdate only reads string literals, and many of these sentences are not literals anywhere:
the interview prompts and the neutral-language reasons come from files in resources/, and the
passphrase hints and triangulation warnings are composed by domain functions. The store's error
sentences need no such file: they are literals, marked in store/errors.py with a plain
QT_TRANSLATE_NOOP, and lupdate reads that file directly; so are the PDFs' words (reports/labels.py and
improvement_labels.py), which the reports read back from the .ts without Qt (reports/catalogue.py).

Catalogues: resources/translations/spp_desktop_cy.ts (source) and .qm (compiled), made by
scripts/update_translations.sh. Qt ships no Welsh catalogue of its own; `qtbase_cy.qm` beside ours
(standard buttons such as OK and Cancel) is loaded when present.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from spp_desktop.paths import resources_dir

log = logging.getLogger(__name__)

SYSTEM, ENGLISH, WELSH = "system", "en", "cy"
LANGUAGE_SETTINGS = (SYSTEM, ENGLISH, WELSH)
CATALOGUE = "spp_desktop"
DOMAIN = "Domain"


# Qt's marker for lupdate, typed: PySide6's stub says it takes and returns `object`, but it returns the
# message itself (a str here). Call sites keep the name QT_TRANSLATE_NOOP, which is what lupdate looks for.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """Qt's translation of `text` in `context` (the text itself when there is none)."""
    return QCoreApplication.translate(context, text, disambiguation)


def counted(text: str, n: int) -> str:
    """A count in words, from `QCoreApplication.translate(context, source, None, n)` (lupdate marks only that
    spelling as a plural entry). A Welsh catalogue entry has one form for each of Qt's Welsh plural classes
    (0, 1, 2-5, 6, other). Untranslated, the English source comes back: its markers are resolved here,
    "change(s)" and "(is|are)", by whether n is 1. So the catalogue holds no English plural file."""
    one = n == 1
    text = _CHOICE.sub(lambda m: m.group(1) if one else m.group(2), text)
    return text.replace("(s)", "" if one else "s")


_CHOICE = re.compile(r"\(([^()|]*)\|([^()|]*)\)")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """"en" or "cy": the setting, or for "system" the language of the computer."""
    if setting in (ENGLISH, WELSH):
        return setting
    locale = system_locale if system_locale is not None else QLocale.system()
    return WELSH if locale.language() == QLocale.Language.Welsh else ENGLISH


def locale_for(language: str) -> QLocale:
    if language == WELSH:
        return QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translation(app: QCoreApplication, setting: str, *, folder: Path | None = None,
                        system_locale: QLocale | None = None) -> str:
    """Install the translators for the language `setting` names. Returns the language in use.

    Call once at start-up, before any window is built (a change of setting applies on restart).
    Dates and day names follow the same language (QLocale's default)."""
    language = resolve_language(setting, system_locale)
    remove_translation(app)
    QLocale.setDefault(locale_for(language))
    if language == ENGLISH:
        return ENGLISH
    folder = folder or translations_dir()
    loaded = False
    for name in (f"{CATALOGUE}_{language}", f"qtbase_{language}"):
        translator = QTranslator(app)
        translator.setObjectName(f"spp_translator_{name}")
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            loaded = loaded or name.startswith(CATALOGUE)
        else:
            translator.setParent(None)
    if not loaded:
        log.warning("No %s catalogue in %s; the interface stays in English.", language, folder)
        QLocale.setDefault(locale_for(ENGLISH))
        return ENGLISH
    return language


def remove_translation(app: QCoreApplication) -> None:
    """Take out the translators `install_translation` put in (tests switch language)."""
    for translator in app.findChildren(QTranslator):
        if translator.objectName().startswith("spp_translator_"):
            app.removeTranslator(translator)
            translator.setParent(None)
            translator.deleteLater()


def current_language() -> str:
    """The interface language in use: "cy" or "en" (follows QLocale's default, set at start-up)."""
    return WELSH if QLocale().language() == QLocale.Language.Welsh else ENGLISH


def summary_language(setting: str = "") -> str:
    """The language to write the review's documents in: the setting ("en", "cy"), or "" for the interface's.
    The main window hands its pages a function that reads its settings (no global state)."""
    return setting if setting in (ENGLISH, WELSH) else current_language()


# --- domain words -------------------------------------------------------------------------------------
def label(value: Any) -> str:
    """The translated `.label` of a domain enum member (EvidenceKind, Role, FindingKind …)."""
    return translate(DOMAIN, value.label)


def domain_text(text: str) -> str:
    """A sentence the domain produced (a passphrase hint, a language flag's reason …), translated."""
    return translate(DOMAIN, text) if text else text


def where_or_who(evidence: Any) -> str:
    """Evidence.where_or_who in the interface language (participants and "n books" translated)."""
    from spp_desktop.domain.evidence import BookScrutiny, Interview, Participants

    if isinstance(evidence, Interview):
        known = evidence.participants in Participants._value2member_map_
        who = label(Participants(evidence.participants)) if known else evidence.participants
        if evidence.role:
            who = f"{who}: {evidence.role}"
        return f"{who} ({evidence.participant_count})" if evidence.participant_count else who
    if isinstance(evidence, BookScrutiny):
        books = ""
        if evidence.book_count:
            books = (translate("Domain", "1 book") if evidence.book_count == 1
                     else translate("Domain", "{n} books").format(n=evidence.book_count))
        return ", ".join(p for p in (evidence.year_group, evidence.subject, books) if p)
    return str(evidence.where_or_who)


# --- dates, in the interface language -------------------------------------------------------------------
def day_name(d: date) -> str:
    return QLocale().dayName(d.isoweekday())


def short_day_name(d: date) -> str:
    return QLocale().dayName(d.isoweekday(), QLocale.FormatType.ShortFormat)


def month_name(d: date) -> str:
    return QLocale().monthName(d.month)


def full_date(d: date) -> str:
    """Tuesday 10 March 2026 / Dydd Mawrth 10 Mawrth 2026."""
    return f"{day_name(d)} {d.day} {month_name(d)} {d.year}"


def day_and_month(d: date) -> str:
    """Tuesday 10 March / Dydd Mawrth 10 Mawrth."""
    return f"{day_name(d)} {d.day} {month_name(d)}"


def date_range(start: date, end: date) -> str:
    if start == end:
        return full_date(start)
    to = translate("Dates", "{start} to {end}")
    if (start.year, start.month) == (end.year, end.month):
        return to.format(start=start.day, end=f"{end.day} {month_name(end)} {end.year}")
    if start.year == end.year:
        return to.format(start=f"{start.day} {month_name(start)}", end=f"{end.day} {month_name(end)} {end.year}")
    return to.format(start=f"{start.day} {month_name(start)} {start.year}",
                     end=f"{end.day} {month_name(end)} {end.year}")


# --- store errors ----------------------------------------------------------------------------------------
def error_text(exc: BaseException) -> str:
    """A StoreError's plain sentence in the interface language: its English `words` (written once, in
    store/errors.py, which lupdate reads) looked up in the catalogue and filled in with its params."""
    from spp_desktop.store.errors import StoreError

    if isinstance(exc, StoreError) and exc.words:
        return translate("StoreError", exc.words).format(**exc.params)
    return str(getattr(exc, "user_message", "") or exc)


# --- the domain's words, for lupdate ------------------------------------------------------------------
_PASSPHRASE_SAMPLES = ("short", "aaaaaaaaaaaaaaaa", "passwordpassword", "123456789012345", "abcdefghijklmn",
                       "plum otter lantern", "lantern otter cobalt violin")


def domain_source_strings() -> list[str]:
    """Every English sentence or label the domain hands to the UI, in a stable order."""
    from spp_desktop.domain import language, passphrase, prompts, triangulation
    from spp_desktop.domain.evidence import EvidenceKind, Participants, SourceKind
    from spp_desktop.domain.findings import FindingKind, FindingStatus
    from spp_desktop.domain.improvement import ActionProgress, Stage
    from spp_desktop.domain.review import Role

    texts: list[str] = [m.label for e in (EvidenceKind, SourceKind, Participants, Role, FindingKind, FindingStatus,
                                          ActionProgress, Stage)
                        for m in e]  # type: ignore[attr-defined]
    texts += list(language.REASONS)
    texts += [language.ADVICE, "1 book", "{n} books"]
    texts += prompts.all_prompts()
    texts += [passphrase.strength_hint(sample) for sample in _PASSPHRASE_SAMPLES]
    texts += [triangulation.Support(counts={}).warning,
              triangulation.Support(counts={SourceKind.OBSERVATION: 1}).warning]
    return list(dict.fromkeys(t for t in texts if t))


def registry_source_strings() -> list[tuple[str, str]]:
    """(context, English) of the evidence-kind registry's words that the UI shows in its own contexts: the
    capture forms' field labels and placeholders, the main window's "New …" actions, the evidence page's
    buttons (spp_desktop.domain.evidence.KINDS and FAMILIES)."""
    from spp_desktop.domain.evidence import FAMILIES, KINDS

    pairs = [("CaptureForm", text) for family in FAMILIES for f in family.fields for text in (f.label, f.placeholder)]
    pairs += [("MainWindow", k.new_action.text) for k in KINDS if k.new_action is not None]
    pairs += [("EvidencePage", k.start_choice) for k in KINDS]
    return list(dict.fromkeys(pair for pair in pairs if pair[1]))


def translation_sources(root: Path | None = None) -> list[str]:
    """The files pyside6-lupdate reads, relative to the checkout: every module of spp_desktop/ui, app.py, the
    store's error sentences, the rule table's refusals and the documents' words (the PDFs)."""
    root = root or Path(__file__).resolve().parents[2]
    files = sorted(p.relative_to(root).as_posix() for p in (root / "spp_desktop" / "ui").rglob("*.py"))
    # Marked with a plain QT_TRANSLATE_NOOP (no Qt there): the store's error sentences, the rule table's
    # refusals, and the feedback summary's and improvement documents' words (read back by reports/catalogue.py).
    return [*files, "spp_desktop/app.py", "spp_desktop/store/errors.py", "sync/protocol/rules.py",
            "spp_desktop/reports/labels.py", "spp_desktop/reports/improvement_labels.py"]


def write_domain_strings() -> Path:
    path = Path(__file__).with_name("domain_strings.py")
    text = render_domain_strings()
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    return path


def render_domain_strings() -> str:
    """The text of domain_strings.py (scripts/update_translations.sh writes it; a test compares)."""
    lines = [
        '"""Generated by spp_desktop.ui.i18n.render_domain_strings(): the domain\'s English words, marked for',
        "pyside6-lupdate (context \"Domain\", and the evidence-kind registry's words in the contexts that show",
        "them). Do not edit; run scripts/update_translations.sh.\"\"\"",
        "",
        "from PySide6.QtCore import QT_TRANSLATE_NOOP",
        "",
        "DOMAIN_STRINGS = (",
    ]
    lines += [f"    QT_TRANSLATE_NOOP(\"Domain\", {text!r})," if "\"" in text else
              f"    QT_TRANSLATE_NOOP(\"Domain\", \"{text}\"),"
              for text in domain_source_strings()]
    lines += [f"    QT_TRANSLATE_NOOP(\"{context}\", {text!r})," if "\"" in text else
              f"    QT_TRANSLATE_NOOP(\"{context}\", \"{text}\"),"
              for context, text in registry_source_strings()]
    lines += [")", ""]
    return "\n".join(lines)
