"""A real review's plan end to end: made on the server (create-review + import-plan), checked out on two
laptops, edited by the lead on one, seen by the other after sync and after a bundle; a reviewer's edit is
refused on the laptop and on the server."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from spp_desktop.store.errors import PlanIsLeads
from sync.client import SyncEngine, checkout
from sync.protocol.ops import OpKind
from sync.server import admin_plan

from .world import World, new_laptop

PLAN = """day,start,end,activity,place,group,reviewers,host staff,questions
1,09:00,09:45,observation,Oak class,Year 4,{lead},Class teacher,1
1,13:30,14:15,focus group,Library,Year 6 readers,{reviewer},English lead,1;2
2,09:00,10:00,book scrutiny,Staffroom,Year 5 books,{lead};{reviewer},,2
"""


@pytest.fixture
def planned(world: World, tmp_path: Path):
    review_id = world.new_review(members=2)
    lead, reviewer = world.members[0], world.members[1]
    plan = tmp_path / "plan.csv"
    plan.write_text(PLAN.format(lead=lead.username, reviewer=reviewer.username), encoding="utf-8")
    assert admin_plan.import_plan(world.storage, review_id, plan) == 3
    laptops = []
    for i in range(2):
        store = new_laptop(tmp_path / f"laptop{i}")
        session = world.session(world.members[i])
        checkout(session, store.replica, review_id)
        SyncEngine(session, store.replica, review_id).run()
        laptops.append((store, session))
    yield review_id, laptops
    for store, session in laptops:
        store.close()
        session.close()


def test_the_imported_plan_reaches_both_laptops_and_the_leads_edits_reach_the_other(planned, world: World):
    review_id, [(a, a_session), (b, b_session)] = planned
    for store in (a, b):
        review = store.review(review_id)
        assert [(s.start, s.activity) for s in review.slots_on(review.start_date)] == [
            (time(9, 0), "observation"), (time(13, 30), "focus_group")]
        assert len(review.schedule) == 3
        assert review.schedule[1].group_name == "Year 6 readers" and review.schedule[1].host_staff == "English lead"
    # the lead, at the midday huddle, moves the afternoon slot and rewords a question
    slot = next(s for s in a.review(review_id).schedule if s.activity == "focus_group")
    question = a.review(review_id).questions[0]
    a.move_slot(review_id, slot.id, slot.day, time(14, 0))
    a.update_question(review_id, question.id, text="To what extent does the curriculum build fluency?")
    # by bundle, with no network
    b.replica.import_bundle(a.replica.export_bundle(review_id), expected_review_id=review_id)
    moved = b.slot(review_id, slot.id)
    assert (moved.start, moved.end) == (time(14, 0), time(14, 45))
    assert b.review(review_id).question(question.id).text.startswith("To what extent")
    # and by sync: both end at the server's state
    SyncEngine(a_session, a.replica, review_id).run()
    SyncEngine(b_session, b.replica, review_id).run()
    assert a.replica.state_hash(review_id) == b.replica.state_hash(review_id)
    a.duplicate_slot(review_id, slot.id)
    SyncEngine(a_session, a.replica, review_id).run()
    SyncEngine(b_session, b.replica, review_id).run()
    assert len(b.review(review_id).schedule) == 4


def test_a_reviewer_cannot_edit_the_plan_on_the_laptop_or_the_server(planned, world: World):
    review_id, [(a, _), (b, b_session)] = planned
    slot = b.review(review_id).schedule[0]
    with pytest.raises(PlanIsLeads):
        b.update_slot(review_id, slot.id, location="Hall")
    with pytest.raises(PlanIsLeads):
        b.add_question(review_id, "How well?")
    # a laptop that skips the check (an old or altered app) is refused by the server
    b._core.log.write(review_id, b.me(review_id), "schedule_slot", slot.id, OpKind.SET, {"location": "Hall"})
    report = SyncEngine(b_session, b.replica, review_id).run()
    refused = b._core.log.refused(review_id)
    assert refused and "lead reviewer" in refused[0][1], report
    server_slot = admin_plan.ReviewStates(world.storage).state(review_id).get("schedule_slot", slot.id)
    assert server_slot.value("location") == "Oak class"


def test_edit_review_on_the_server_reaches_the_laptops(planned, world: World):
    review_id, [(a, a_session), (b, b_session)] = planned
    admin_plan.edit_review(world.storage, review_id, focus="Reading for pleasure",
                           add_questions=["How well do adults model reading?"])
    for store, session in ((a, a_session), (b, b_session)):
        SyncEngine(session, store.replica, review_id).run()
        review = store.review(review_id)
        assert review.focus.title == "Reading for pleasure"
        assert review.questions[-1].text == "How well do adults model reading?"
    assert a.replica.state_hash(review_id) == b.replica.state_hash(review_id)


def test_the_servers_plan_ops_travel_in_a_bundle_too(planned, world: World, tmp_path: Path):
    """A laptop that missed the sync gets the office's edit from a teammate's bundle (signed by the server)."""
    review_id, [(a, a_session), (b, _)] = planned
    admin_plan.edit_review(world.storage, review_id, add_questions=["To what extent do pupils read at home?"])
    SyncEngine(a_session, a.replica, review_id).run()
    result = b.replica.import_bundle(a.replica.export_bundle(review_id), expected_review_id=review_id)
    assert result.added >= 1 and not b.parked_changes(review_id)
    assert b.review(review_id).questions[-1].text == "To what extent do pupils read at home?"
