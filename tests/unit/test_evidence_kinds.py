"""The one registry of evidence kinds (spp_desktop.domain.evidence.KINDS and FAMILIES).

The forms, the evidence list, the plan, the main window, the feedback summary, the translation catalogue
and the package JSON Schema read it; the protocol (sync/protocol/schema.py, the wire contract) keeps its
own copy, which must agree. The last test adds a kind in the registry of a copy of the source and sees it
in each of those places.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

from spp_desktop.domain import evidence
from spp_desktop.domain.evidence import FAMILIES, KIND, KINDS, Evidence, EvidenceKind

ROOT = Path(__file__).resolve().parents[2]


def _package_schema() -> ModuleType:
    spec = importlib.util.spec_from_file_location("package_schema", ROOT / "scripts" / "package_schema.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_kind_is_in_the_registry_once_in_the_enum_order():
    assert [k.kind for k in KINDS] == list(EvidenceKind)
    assert set(KIND) == set(EvidenceKind)


def test_each_family_names_the_own_fields_of_its_record_class():
    header = {f.name for f in dataclasses.fields(Evidence)}
    for family in FAMILIES:
        own = {f.name for f in dataclasses.fields(family.record) if f.name not in header}
        assert sorted(f.name for f in family.fields) == sorted(own), family.key  # in the form's order
        names = {f.name for f in family.fields}
        assert {family.main_text, family.location_field} - {""} <= names, family.key
        assert set(family.reference) <= names, family.key
        assert family.kinds, f"family {family.key} has no kind"
        for f in family.fields:
            blank = getattr(family.record(id="", kind=family.kinds[0]), f.name)
            assert isinstance(blank, int) == f.is_int, f.name


def test_each_kind_has_an_icon_its_defaults_are_fields_and_activity_words_are_unique():
    from spp_desktop.ui.icons import NAMES

    words: list[str] = []
    for k in KINDS:
        assert k.icon in NAMES and (ROOT / "resources" / "icons" / f"{k.icon}.svg").is_file(), k.kind
        assert {name for name, _ in k.defaults} <= {f.name for f in k.family.fields}, k.kind
        words += k.activity_words
    assert len(words) == len(set(words))


def test_the_protocol_schema_agrees_with_the_registry():
    assert _package_schema().protocol_disagreements() == []


def test_the_package_json_schema_is_generated_from_the_registry():
    tool = _package_schema()
    committed = tool.SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == tool.render_text(committed), "run python scripts/package_schema.py"
    record = json.loads(committed)["$defs"]["evidence"]
    assert record["properties"]["kind"]["enum"] == [k.kind.value for k in KINDS]


def test_derived_tables_follow_the_registry():
    assert evidence.EVIDENCE_CLASS == {k.kind: k.family.record for k in KINDS}
    assert {"class_name", "prompts", "content", "notes"} <= evidence.TEXT_FIELDS
    assert "participant_count" not in evidence.TEXT_FIELDS and "book_count" not in evidence.TEXT_FIELDS


_ADDED_KIND = '''
    Kind(EvidenceKind.WORK_SAMPLE, "Work sample", OBSERVATION_FAMILY, SourceKind.BOOK_SCRUTINY, "book",
         activity_words=("work walk",), new_action=NewAction("New &work sample", "Ctrl+Shift+W"),
         start_choice="New work sample"),
'''

_CHECKS = textwrap.dedent('''
    import json, sys
    from datetime import date, time
    sys.path.insert(0, "scripts")
    import package_schema
    from PySide6.QtWidgets import QApplication
    from spp_desktop.domain.evidence import EvidenceKind, new_evidence
    from spp_desktop.domain.review import Focus, Review
    from spp_desktop.reports.labels import Labels
    from spp_desktop.reports.summary import evidence_reference
    from spp_desktop.ui import i18n
    from spp_desktop.ui.review.capture_form_fields import family_of
    from spp_desktop.ui.review.plan_page import slot_evidence_kind
    from spp_desktop.ui.widgets.evidence_list import EvidenceList

    app = QApplication([])
    kind = EvidenceKind("work_sample")
    seen = {}
    schema = package_schema.render(json.loads(package_schema.SCHEMA_PATH.read_text(encoding="utf-8")))
    seen["schema"] = "work_sample" in schema["$defs"]["evidence"]["properties"]["kind"]["enum"]
    seen["planned_sources"] = "work_sample" in schema["$defs"]["question"]["properties"]["planned_sources"]["items"]["enum"]
    seen["protocol_told"] = any("work_sample" in p for p in package_schema.protocol_disagreements())
    seen["form"] = kind in family_of(kind).kinds and "class_name" in [f.name for f in family_of(kind).fields]
    listing = EvidenceList()
    listing.set_review(Review("r", "S", date(2026, 1, 5), date(2026, 1, 5), Focus("Reading")))
    seen["list_menu"] = "Work sample" in [a.text() for a in listing.new_button.menu().actions()]
    seen["list_filter"] = listing.kind_filter.findData("work_sample") >= 0
    record = new_evidence(kind, "e1", start=time(9, 15), class_name="Year 4", staff="JB")
    seen["pdf"] = evidence_reference(record, Labels("en")) == "09:15 Work sample, Year 4"
    seen["plan"] = slot_evidence_kind("work walk") is kind and slot_evidence_kind("Work sample") is kind
    strings = i18n.render_domain_strings()
    seen["catalogue"] = all(s in strings for s in (
        'QT_TRANSLATE_NOOP("Domain", "Work sample")', 'QT_TRANSLATE_NOOP("MainWindow", "New &work sample")',
        'QT_TRANSLATE_NOOP("EvidencePage", "New work sample")'))
    seen["triangulation"] = kind.source.value == "book_scrutiny"
    print(json.dumps(seen))
''')


def test_a_kind_added_in_the_registry_is_seen_everywhere(tmp_path):
    for name in ("spp_desktop", "sync", "spp_reports"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "package_schema.py", tmp_path / "scripts")
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "review-package.schema.json", tmp_path / "docs")
    (tmp_path / "resources").symlink_to(ROOT / "resources")

    source = tmp_path / "spp_desktop" / "domain" / "evidence.py"
    text = source.read_text(encoding="utf-8")
    enum_line = '    DOCUMENT = "document"\n'
    registry_line = "KINDS: tuple[Kind, ...] = (\n"
    assert text.count(enum_line) == 1 and text.count(registry_line) == 1
    text = text.replace(enum_line, enum_line + '    WORK_SAMPLE = "work_sample"\n')
    text = text.replace(registry_line, registry_line + _ADDED_KIND.lstrip("\n"))
    source.write_text(text, encoding="utf-8")

    env = {**os.environ, "PYTHONPATH": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _CHECKS], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == dict.fromkeys(seen, True), seen
    assert set(seen) == {"schema", "planned_sources", "protocol_told", "form", "list_menu", "list_filter", "pdf",
                         "plan", "catalogue", "triangulation"}
