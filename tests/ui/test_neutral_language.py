"""The neutral-language hint under the capture form's fields, for Welsh evidence and in the Welsh interface."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import QLocale  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui import i18n  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402


@pytest.fixture
def page(qtbot, tmp_path):
    store = ReviewStore.create(tmp_path / "data", "correct horse battery staple", kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(demo_package())
    p = EvidencePage(store, review_id)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    yield p
    p.form.close_form()
    store.close()


@pytest.fixture
def welsh(qapp):
    assert i18n.install_translation(qapp, "cy") == "cy"
    yield qapp
    i18n.remove_translation(qapp)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


def test_a_welsh_grade_in_the_notes_raises_the_hint(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    notes, hint = page.form.editors["notes"], page.form.hints["notes"]
    qtbot.keyClicks(notes, "Roedd hon yn wers ragorol")
    qtbot.waitUntil(lambda: hint.showing, timeout=2000)
    assert "“ragorol”" in hint.text() and "inspection grade" in hint.text()
    notes.selectAll()
    qtbot.keyClicks(notes, "Esboniodd y disgyblion eu dull i bartner.")
    qtbot.waitUntil(lambda: not hint.showing, timeout=2000)


def test_the_hint_is_welsh_in_the_welsh_interface(qtbot, welsh, page):
    page.new_evidence(EvidenceKind.INTERVIEW)
    prompts, hint = page.form.editors["prompts"], page.form.hints["prompts"]
    qtbot.keyClicks(prompts, "Dywedodd y staff fod angen gwelliant sylweddol")
    qtbot.waitUntil(lambda: hint.showing, timeout=2000)
    text = hint.text()
    assert "“angen gwelliant sylweddol”" in text
    assert "inspection" not in text and "Describe" not in text  # the reason and the advice are Welsh
