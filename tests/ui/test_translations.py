"""The Welsh catalogue: complete, up to date with the source, compiled, loaded, and true to the glossary.

A UI string added without a Welsh translation fails here: pyside6-lupdate runs over the sources into a
temporary catalogue, and every message it finds must be in the committed spp_desktop_cy.ts, translated,
with the same placeholders. Fix with `bash scripts/update_translations.sh`, then translate what it lists.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from spp_desktop.domain.evidence import EvidenceKind, SourceKind
from spp_desktop.domain.findings import FindingKind
from spp_desktop.domain.improvement import ActionProgress
from spp_desktop.domain.review import Role
from spp_desktop.reports import catalogue, improvement_labels, labels
from spp_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "spp_desktop_cy.ts"
QM = TS.with_suffix(".qm")
QTBASE_TS = TS.with_name("qtbase_cy.ts")
GLOSSARY = ROOT / "docs" / "glossary-cy.md"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")

Message = tuple[str, str, str]  # context, source, comment


def _tool(name: str) -> str:
    path = BIN / name
    found = str(path) if path.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts: Path) -> dict[Message, str | None]:
    """(context, source, comment) -> translation, or None when missing or unfinished."""
    out: dict[Message, str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            unfinished = translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished")
            if message.get("numerus") == "yes" and translation is not None:
                forms = [form.text or "" for form in translation.findall("numerusform")]
                # Every one of Welsh's plural forms, each with its count; the "other" form stands for them all.
                counts = "%n" in (message.findtext("source") or "")
                unfinished = unfinished or not forms or any(not form or counts and "%n" not in form for form in forms)
                text = forms[-1] if forms else ""
            out[key] = None if unfinished or not text.strip() else text
    return out


@pytest.fixture(scope="module")
def committed() -> dict[Message, str | None]:
    return _messages(TS)


@pytest.fixture(scope="module")
def from_source(tmp_path_factory) -> dict[Message, str | None]:
    out = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", *i18n.translation_sources(ROOT),
                    "-ts", str(out)], cwd=ROOT, check=True, capture_output=True, timeout=120)
    return _messages(out)


def test_domain_strings_are_generated_from_the_domain():
    generated = (ROOT / "spp_desktop" / "ui" / "domain_strings.py").read_text(encoding="utf-8")
    assert generated == i18n.render_domain_strings(), "run scripts/update_translations.sh"


def test_every_ui_string_is_in_the_catalogue_and_translated(from_source, committed):
    assert len(from_source) > 300
    missing = sorted(set(from_source) - set(committed))
    assert missing == [], f"not in spp_desktop_cy.ts (run scripts/update_translations.sh): {missing}"
    untranslated = sorted(key for key in from_source if committed[key] is None)
    assert untranslated == [], f"not translated into Welsh: {untranslated}"


def test_the_catalogue_holds_nothing_the_source_no_longer_says(from_source, committed):
    assert sorted(set(committed) - set(from_source)) == []


# Where a language words a count differently, its entry may use the other fields the code fills in as well:
# Welsh puts the bare numbers in the feedback summary's evidence line ("Cofnodion: 2 · Mathau o ffynhonnell: 2")
# rather than "2 cofnod o 2 math o ffynhonnell", whose numerals would want mutations.
OTHER_FIELDS = {("FeedbackSummary", "{records} from {kinds_text}:"): ["{items}", "{kinds}"]}


def test_placeholders_and_accelerators_survive_translation(committed):
    problems = []
    for (context, source, _comment), welsh in committed.items():
        if welsh is None:
            continue
        expected = OTHER_FIELDS.get((context, source)) or PLACEHOLDER.findall(source)
        if sorted(expected) != sorted(PLACEHOLDER.findall(welsh)):
            problems.append((context, source, welsh))
        if source.replace("&&", "").count("&") != welsh.replace("&&", "").count("&"):
            problems.append((context, source, welsh))
        if ("<b>" in source) != ("<b>" in welsh) or source.count("\n") != welsh.count("\n"):
            problems.append((context, source, welsh))
    assert problems == []


def test_the_compiled_catalogues_match_their_sources(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    for ts in (TS, QTBASE_TS):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"run scripts/update_translations.sh ({ts.name})"


def test_qt_own_strings_catalogue_is_complete():
    assert all(text is not None for text in _messages(QTBASE_TS).values())


# --- the glossary -------------------------------------------------------------------------------------
def _glossary() -> list[tuple[str, str, list[str]]]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0] not in ("English", "") and not set(cells[0]) <= {"-"}:
            rows.append((cells[0], cells[1], [f.strip().lower() for f in cells[2].split(",") if f.strip()]))
    return rows


def _english_pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) + r"(?:s|es|ed|d|ing)?" for w in re.split(r"[\s-]+", term)]
    return re.compile(r"\b" + r"[\s-]+".join(words) + r"\b", re.IGNORECASE)


def _plain(text: str) -> str:
    """Without accelerators, placeholders and markup: what a reader sees of the words."""
    return re.sub(r"\{[a-z_]*\}|<[^>]+>", " ", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))


def _glossary_breaks(pairs: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    breaks = []
    for english, _welsh, forms in _glossary():
        pattern = _english_pattern(english)
        for source, welsh in pairs:
            if pattern.search(_plain(source)) and not any(form in _plain(welsh).lower() for form in forms):
                breaks.append((english, source, welsh))
    return breaks


def test_the_glossary_covers_the_domain_terms():
    terms = {english.lower() for english, _welsh, _forms in _glossary()}
    for needed in ("peer review", "enquiry question", "book scrutiny", "lead reviewer", "improvement champion",
                   "lesson observation", "learning walk", "focus group", "headteacher", "feedback conversation",
                   "finding", "strength", "area to develop"):
        assert needed in terms


def test_the_interface_uses_the_glossary_terms(committed):
    pairs = [(source, welsh) for (_c, source, _m), welsh in committed.items() if welsh]
    assert _glossary_breaks(pairs) == []


def test_the_documents_words_are_in_the_catalogue_and_use_the_same_terms(committed):
    """The PDFs' words are entries of the one catalogue (contexts FeedbackSummary, ImprovementDocuments), all
    translated; the glossary check over the whole catalogue above covers them too."""
    for context, english in (("FeedbackSummary", labels.EN), ("ImprovementDocuments", improvement_labels.EN)):
        for key, text in english.items():
            assert committed.get((context, text, "")), (context, key)
    pairs = [(text, committed[(c, text, "")] or "") for c, english in (("FeedbackSummary", labels.EN),
             ("ImprovementDocuments", improvement_labels.EN)) for key, text in english.items() if key != "months"]
    assert _glossary_breaks(pairs) == []


def test_domain_labels_agree_with_the_feedback_summary(committed):
    """The same evidence kinds, sources, roles, finding kinds and progress, word for word, on screen and in the
    PDFs: the documents read the catalogue's "Domain" (and "Roles") entries, so the Welsh is written once."""
    catalogue.clear_cache()
    words, improvement = labels.Labels("cy"), improvement_labels.ImprovementWords("cy")

    def welsh(text: str, context: str = "Domain") -> str | None:
        return committed.get((context, text, ""))
    for enum in (EvidenceKind, SourceKind, Role, FindingKind, ActionProgress):
        for member in enum:
            assert words.domain(member.label) == welsh(member.label), member
    for value in ActionProgress:
        assert improvement.progress(value) == welsh(value.label)
    assert improvement.champion() == welsh(Role.IMPROVEMENT_CHAMPION.label)
    for value, english in improvement_labels.PARTICIPANT_ROLES.items():
        assert improvement.role(value) == welsh(english, "Roles"), value
    assert words.books(1) == welsh("1 book") and words.books(5) == (welsh("{n} books") or "").format(n=5)
    # no Welsh of their own beside the catalogue
    for module in (labels, improvement_labels):
        assert not hasattr(module, "CY") and not hasattr(module, "WORDS")


# --- the translator at run time -------------------------------------------------------------------------
@pytest.fixture
def welsh(qapp: QApplication):
    assert i18n.install_translation(qapp, "cy") == "cy"
    yield qapp
    i18n.remove_translation(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_loading_welsh_turns_known_widgets_welsh(qtbot, welsh, tmp_path):
    from spp_desktop.ui.help import WelcomeDialog
    from spp_desktop.ui.lock_screen import LockScreen
    from spp_desktop.ui.settings import Settings, SettingsDialog

    lock = LockScreen(tmp_path / "new")
    qtbot.addWidget(lock)
    assert lock.button.text() == "Creu storfa wedi'i hamgryptio"
    assert lock.accessibleName() == "Sgrin clo"
    settings = SettingsDialog(Settings())
    qtbot.addWidget(settings)
    assert settings.windowTitle() == "Gosodiadau"
    assert "pan fyddwch yn pwyso OK" in settings.restart_note.text()
    buttons = settings.findChild(QDialogButtonBox)
    assert sorted(b.text() for b in buttons.buttons()) == ["Canslo", "Iawn"]  # Qt's own, from qtbase_cy
    welcome = WelcomeDialog()
    qtbot.addWidget(welcome)
    assert welcome.windowTitle() == "Croeso i SPP Desktop"
    assert welcome.start_button.text() == "Dechrau arni"


def test_domain_words_and_dates_follow_the_language(welsh):
    assert i18n.label(EvidenceKind.BOOK_SCRUTINY) == "Craffu ar lyfrau"
    assert i18n.full_date(date(2026, 3, 10)) == "Dydd Mawrth 10 Mawrth 2026"
    assert i18n.date_range(date(2026, 3, 10), date(2026, 3, 11)) == "10 i 11 Mawrth 2026"
    assert i18n.summary_language("") == "cy" and i18n.summary_language("en") == "en"


def test_store_errors_are_translated(welsh):
    from spp_desktop.store.errors import NewerFormat, WrongPassphrase
    assert i18n.error_text(WrongPassphrase()).startswith("Nid yw'r cyfrinymadrodd hwnnw'n gywir")
    text = i18n.error_text(NewerFormat(Path("/data/store.db"), 2, 1))
    assert "/data/store.db" in text and "fersiwn fwy newydd" in text


def _every_store_error() -> list:
    from spp_desktop.store import errors as e
    return [e.WrongPassphrase(), e.StoreCorrupt("/d/store.db"), e.WrongKey("/d/store.db"), e.KeyFileCorrupt("/d/k"),
            e.PlaintextDatabase("/d/p.db"), e.NewerFormat("/d/store.db", 9, 7), e.DiskFull(), e.DiskFullOnOpen(),
            e.StoreLocked(), e.AttachmentTampered(), e.PlanIsLeads(), e.NotForYourRole(), e.NotYourRecord(),
            e.NotAllowed(), *_every_refusal(),
            e.ServerKeyChanged(), e.NotAPhoto(), e.PhotoDamaged(), e.PhotoTooLarge(40 * 2**20, 30 * 2**20)]


def _every_refusal() -> list:
    """Each of the rule table's refusals, as the store raises it (the rule's own sentence, or its role's)."""
    import ast

    from spp_desktop.store import errors as e
    tree = ast.parse((ROOT / "sync/protocol/rules.py").read_text(encoding="utf-8"))
    refusals = [(node.args[0].value, node.args[1].args[1].value) for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Refusal"]
    assert len(refusals) >= 10
    return [e.refusal_error("finding", code, reason) for code, reason in refusals]


def test_every_store_error_is_said_once_in_english_and_in_welsh_through_the_catalogue(qapp):
    """The English is the store's `words` (the CLI prints it); the UI's is the same entry, translated."""
    from spp_desktop.store.errors import StoreError

    def every_class(cls: type) -> set[type]:
        return {cls} | {sub for child in cls.__subclasses__() for sub in every_class(child)}

    samples = _every_store_error()
    worded = {type(e) for e in samples}
    assert {c for c in every_class(StoreError) if c.words} <= worded  # a new error with words needs a sample
    for exc in samples:
        assert exc.words and i18n.error_text(exc) == str(exc) == exc.user_message, type(exc).__name__
        assert "{" not in str(exc)
    assert i18n.install_translation(qapp, "cy") == "cy"
    try:
        for exc in samples:
            welsh = i18n.error_text(exc)
            assert welsh != str(exc) and "{" not in welsh, type(exc).__name__
            assert all(value in welsh for value in exc.params.values()), type(exc).__name__
    finally:
        i18n.remove_translation(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_english_and_system_settings(qapp):
    assert i18n.install_translation(qapp, "en") == "en"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.Welsh)) == "cy"
    assert i18n.resolve_language("system", QLocale(QLocale.Language.French)) == "en"
    assert i18n.install_translation(qapp, "cy", folder=Path("/nonexistent")) == "en"  # missing catalogue: English
    assert not [t for t in qapp.findChildren(QTranslator) if t.objectName().startswith("spp_translator_")]


# --- strings that escaped tr() --------------------------------------------------------------------------
TEXT_CALLS = {"_tr", "tr_", "_", "setText", "setWindowTitle", "setToolTip", "setAccessibleName", "setPlaceholderText", "addItem",
              "setSuffix", "addMenu", "addRow", "heading", "muted_label", "showMessage", "information", "warning",
              "critical", "question", "setStatusTip", "addTab", "setTabText", "setHorizontalHeaderLabels"}
TEXT_CLASSES = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction", "QToolButton", "QGroupBox",
                "QMenu", "QToolBar", "QListWidgetItem", "QTableWidgetItem"}
NOT_WORDS = re.compile(r"^[\W\d_]*$|^[A-Z][A-Za-z]*$")  # symbols, or a name such as "English", "Cymraeg"
LOGGERS = {"log", "logger", "logging"}
ALLOWED = {"SPP Desktop", "--:--", "Cymraeg", "English", "HH:mm", "ddd d MMM yyyy"}


def _untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in TEXT_CALLS and name not in TEXT_CLASSES:
            continue
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in LOGGERS:
            continue  # a log line, never shown to the user
        for arg in node.args:
            literal = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            if isinstance(arg, ast.JoinedStr):
                literal = "".join(v.value for v in arg.values if isinstance(v, ast.Constant))
                if not re.search(r"[A-Za-z]{3}", literal):
                    continue
            if literal and literal not in ALLOWED and not NOT_WORDS.match(literal) and " " in literal.strip():
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {literal!r}")
    return found


def test_no_user_visible_literal_bypasses_tr():
    """A sentence handed straight to a widget would stay English in Welsh: every one goes through tr()."""
    leaks = [leak for source in i18n.translation_sources(ROOT) for leak in _untranslated_literals(ROOT / source)]
    assert leaks == []


def test_the_language_setting_round_trips_and_applies_on_restart(qtbot, qapp, tmp_path):
    from spp_desktop.app import apply_language
    from spp_desktop.ui.settings import Settings, SettingsDialog, load_settings, save_settings

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["system", "en", "cy"]
    assert dialog.language.itemText(2) == "Cymraeg"  # each language named in itself
    assert "when you press OK" in dialog.restart_note.text()
    dialog.language.setCurrentIndex(2)
    dialog.summary_language.setCurrentIndex(1)
    chosen = dialog.result_settings()
    assert dialog.language_changed and (chosen.language, chosen.summary_language) == ("cy", "en")
    path = tmp_path / "settings.json"
    save_settings(chosen, path)
    try:
        assert apply_language(qapp, load_settings(path)) == "cy"  # the next start
        assert i18n.summary_language(load_settings(path).summary_language) == "en"
    finally:
        i18n.remove_translation(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_sync_sentences_match_the_service_in_english_and_are_welsh_in_welsh(qapp):
    """The sync screens say what the service says (English), through the catalogue (Welsh)."""
    from datetime import datetime, timedelta

    from spp_desktop.services import sync_service as service
    from spp_desktop.store.errors import WrongPassphrase
    from spp_desktop.ui.i18n_sync import sync_error_text, sync_status_text
    from sync.client import errors
    from sync.protocol import bundle

    samples = [errors.ServerUnreachable(), errors.ServerBusy(), errors.ServerNotTrusted(), errors.NotOnTeam(),
               errors.SignInExpired(), errors.MalformedReply("x"), errors.ServerRefused("too_big", "Too big"),
               errors.SignInFailed("The username or password is not right.", "invalid_credentials"),
               bundle.BundleTampered(), bundle.BundleNewerFormat(9), bundle.BundleWrongReview("r"),
               bundle.BundleInvalid("the operations are missing"), bundle.BundleTooLarge(), WrongPassphrase(),
               FileNotFoundError(2, "No such file", "team.sppbundle"), RuntimeError("boom")]
    for exc in samples:
        assert sync_error_text(exc) == service.error_text(exc), type(exc).__name__

    class Store:
        def __init__(self, pending: int, last: datetime | None):
            self.pending, self.last = pending, last

        def unsynced_count(self, _review_id: str) -> int:
            return self.pending

        def last_synced(self, _review_id: str) -> datetime | None:
            return self.last

    now = datetime(2026, 3, 10, 19, 42, tzinfo=UTC)
    stores = [Store(3, None), Store(1, None), Store(0, None), Store(0, now), Store(0, now - timedelta(days=1)),
              Store(0, now - timedelta(days=9))]
    for store in stores:
        assert sync_status_text(store, "r", now) == service.sync_status_text(store, "r", now)

    assert i18n.install_translation(qapp, "cy") == "cy"
    try:
        assert sync_error_text(errors.ServerUnreachable()).startswith("Nid oedd modd cyrraedd y gweinydd")
        assert sync_status_text(Store(0, now), "r", now) == f"Popeth wedi'i gysoni am {now.astimezone():%H:%M}"
        assert sync_status_text(Store(2, None), "r", now) == "2 newid heb eu cysoni eto"
    finally:
        i18n.remove_translation(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_counts_take_each_languages_plural_forms(qapp):
    """English resolves its source's "change(s)" and "(has|have)"; Welsh has a form for each of Qt's Welsh
    plural classes (0, 1, 2-5, 6, other), so "1 newid heb ei gysoni" but "3 newid heb eu cysoni"."""
    from spp_desktop.ui.i18n_sync import not_yet_shared_words, unsynced_words

    assert [unsynced_words(n) for n in (0, 1, 2, 12)] == [
        "No changes waiting to sync", "1 change not yet synced", "2 changes not yet synced", "12 changes not yet synced"]
    assert [not_yet_shared_words(n) for n in (1, 3)] == [
        "1 change has not been synced yet.", "3 changes have not been synced yet."]
    from spp_desktop.ui.models.matrix_model import count_tooltip
    from spp_desktop.ui.review.feedback_export import ExportWords
    from spp_desktop.ui.widgets.triangulation_badge import items_text, kinds_text

    assert (items_text(1), items_text(5), kinds_text(1), kinds_text(2)) == (
        "1 item", "5 items", "1 kind of source", "2 kinds of source")
    assert count_tooltip(SourceKind.DATA, 1, 2) == "1 record (data / document) bears on question 2"
    assert count_tooltip(SourceKind.DATA, 4, 2) == "4 records (data / document) bear on question 2"
    assert ExportWords().not_discussed(1) == "1 finding has not been discussed yet (it is still a draft)"
    assert ExportWords().not_discussed(2) == "2 findings have not been discussed yet (they are still drafts)"
    assert i18n.install_translation(qapp, "cy") == "cy"
    try:
        assert [unsynced_words(n) for n in (0, 1, 3, 6, 12)] == [
            "Dim newidiadau'n aros i'w cysoni", "1 newid heb ei gysoni eto", "3 newid heb eu cysoni eto",
            "6 newid heb eu cysoni eto", "12 newid heb eu cysoni eto"]
        assert not_yet_shared_words(1) == "Nid yw 1 newid wedi'i gysoni eto."
        assert not_yet_shared_words(7) == "Nid yw 7 newid wedi'u cysoni eto."
        assert (items_text(1), items_text(6)) == ("1 eitem", "6 eitem")
        assert ExportWords().not_discussed(1) == "Nid yw 1 canfyddiad wedi'i drafod eto (drafft ydyw o hyd)"
        assert ExportWords().not_discussed(3) == "Nid yw 3 canfyddiad wedi'u trafod eto (drafftiau ydyn nhw o hyd)"
    finally:
        i18n.remove_translation(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_the_sync_report_in_the_status_bar_is_the_services_in_english_and_welsh_in_welsh(qapp):
    from spp_desktop.services import sync_service as service
    from spp_desktop.ui.i18n_sync import report_words
    from sync.client.engine import SyncReport

    reports = [
        SyncReport("r", pulled=1, pushed=3, hashes_equal=True),
        SyncReport("r", pulled=0, pushed=1, uploaded=2, downloaded=1, photos_waiting=1, unsynced=1),
        SyncReport("r", rejected=[(f"op-{i}", "not the lead") for i in range(7)], photos_refused=[("ab", "too big")],
                   clock_skew=1, cancelled=True),
        SyncReport("r", pulled=2, clock_skew=4, photos_waiting=3),
    ]
    for report in reports:
        assert report_words(report) == service.report_lines(report)
    assert i18n.install_translation(qapp, "cy") == "cy"
    try:
        welsh = report_words(reports[1])
        assert welsh[0] == "Derbyniwyd 0 newid o'r gweinydd ac anfonwyd 1 newid."
        assert welsh[-1] == "Nid yw 1 newid ar y gliniadur hwn ar y gweinydd eto."
        assert all(line not in service.report_lines(reports[1]) for line in welsh)  # no English left
    finally:
        i18n.remove_translation(qapp)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
