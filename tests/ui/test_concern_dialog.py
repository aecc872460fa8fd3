"""Pass on a concern from a capture form (real store, real dialog); the lead's Plan shows only the notice."""

from __future__ import annotations

import base64
from datetime import datetime

from PySide6.QtCore import QTime

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.concern_dialog import ConcernDialog, notice_text
from spp_desktop.ui.review.plan_page import PlanPage
from tests.helpers import PASSPHRASE, small_package, team_of


def _store(path, me):
    doc = small_package()
    doc["team_key"] = base64.b64encode(bytes(range(32))).decode("ascii")
    store = ReviewStore.create(path, PASSPHRASE, kdf_params=FAST_TEST_KDF)
    return store, store.import_package(doc, me=me)


def test_a_concern_is_passed_on_and_the_lead_sees_only_when_and_to_whom(qtbot, tmp_path):
    reviewer, rid = _store(tmp_path / "rev", "rev-2")
    lead, _ = _store(tmp_path / "lead", "lead-1")
    team_of(rid, reviewer, lead)  # the laptops verify each other's signed ops, as after a checkout
    dialog = ConcernDialog(reviewer, rid, clock=lambda: datetime(2026, 11, 24, 10, 40))
    qtbot.addWidget(dialog)
    dialog.save()  # no words yet: refused plainly, nothing kept
    assert not dialog.problem.isHidden() and reviewer.my_concerns(rid) == []
    dialog.text.setPlainText("A pupil said something worrying at break.")
    dialog.time.setTime(QTime(10, 42))
    dialog.save()
    assert dialog.result() == ConcernDialog.DialogCode.Accepted
    assert reviewer.my_concerns(rid)[0].at == datetime(2026, 11, 24, 10, 42)
    lead.replica.import_bundle(reviewer.replica.export_bundle(rid))
    page = PlanPage(lead, rid)
    qtbot.addWidget(page)
    texts = [w.text() for w in page.side.findChildren(type(page.title))]
    assert notice_text("10:42", "dsl") in texts
    assert notice_text("10:42", "dsl") == "A concern was passed on at 10:42 to the DSL."
    assert not any("worrying" in t for t in texts)
    reviewer.close()
    lead.close()
