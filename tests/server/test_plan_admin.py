"""Planning from the server: `admin edit-review`, `admin import-plan`, host-school assignment and role rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.server import admin, admin_plan
from sync.server.cli import main
from sync.server.db import make_engine, upgrade
from sync.server.state import ReviewStates
from sync.server.storage import Storage

from .conftest import Api
from .helpers import PASSWORD, make_op, shared_key_file, shared_keys

PLAN_CSV = """day,start,end,activity,place,group,reviewers,host staff,questions
1,09:00,09:45,observation,Oak class,Year 4,lead;reviewer,Class teacher,1
1,10:00,10:30,focus group,Library,Year 6 readers,reviewer,English lead,1;2
2026-03-11,13:15,14:00,Book scrutiny,Staffroom,Year 5 books,lead,,2
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    url = f"sqlite:///{tmp_path}/office.sqlite3"
    monkeypatch.setenv("SPP_SERVER_KEY_FILE", shared_key_file())
    engine = make_engine(url)
    upgrade(engine)
    storage = Storage(engine, shared_keys())
    admin.create_partnership(storage, "Vale")
    for school in ("Elm Primary", "Yew Primary"):
        admin.add_school(storage, "Vale", school)
    for name, school in (("lead", "Yew Primary"), ("reviewer", "Yew Primary"), ("champ", "Yew Primary"),
                         ("host", "Elm Primary")):
        admin.add_user(storage, name, name.title(), PASSWORD, partnership="Vale", school=school)
    review_id = admin.create_review(storage, "Vale", "Elm Primary", "2026-03-10", "2026-03-11", "Reading",
                                    ["How well is fluency built?", "How do pupils choose books?"])
    admin.assign(storage, review_id, "lead", "lead_reviewer")
    admin.assign(storage, review_id, "reviewer", "reviewer")
    yield storage, review_id, ["--database", url], tmp_path
    engine.dispose()


def _state(storage: Storage, review_id: str):
    return ReviewStates(storage).state(review_id)


def test_import_plan_makes_slot_ops_and_is_idempotent(office, capsys):
    storage, review_id, db, tmp = office
    csv_path = tmp / "plan.csv"
    csv_path.write_text(PLAN_CSV, encoding="utf-8")
    code, out, err = run(capsys, "admin", "import-plan", review_id, str(csv_path), *db)
    assert code == 0, err
    assert out.startswith("3 slot(s)")
    slots = sorted((s.values() for s in _state(storage, review_id).of_kind("schedule_slot")), key=lambda v: v["start"])
    assert [(s["day"], s["start"], s["activity"]) for s in slots] == [
        ("2026-03-10", "09:00", "observation"), ("2026-03-10", "10:00", "focus_group"),
        ("2026-03-11", "13:15", "book_scrutiny")]
    team = {m["username"]: m["user_id"] for m in storage.team(review_id)}
    assert slots[0]["reviewer_ids"] == [team["lead"], team["reviewer"]]
    assert slots[1]["group_name"] == "Year 6 readers" and slots[1]["host_staff"] == "English lead"
    assert len(slots[1]["question_ids"]) == 2
    assert run(capsys, "admin", "import-plan", review_id, str(csv_path), *db)[1].startswith("0 slot(s)")
    # the lead moves a slot in the file; importing again moves it (one op, superseding the first)
    csv_path.write_text(PLAN_CSV.replace("09:00,09:45", "09:00,09:30"), encoding="utf-8")
    assert run(capsys, "admin", "import-plan", review_id, str(csv_path), *db)[1].startswith("1 slot(s)")
    first = next(s for s in _state(storage, review_id).of_kind("schedule_slot") if s.value("start") == "09:00")
    assert first.value("end") == "09:30" and not first.in_conflict


@pytest.mark.parametrize("bad,message", [
    ("day,start,end\n1,09:00,10:00\n", "no column activity"),
    ("day,start,end,activity\n1,9am,10:00,observation\n", "Line 2: the start time '9am'"),
    ("day,start,end,activity\n1,10:00,09:00,observation\n", "ends before it starts"),
    ("day,start,end,activity,reviewers\n1,09:00,10:00,observation,nobody\n", "nobody is not on this review's team"),
    ("day,start,end,activity,questions\n1,09:00,10:00,observation,7\n", "there is no question 7"),
    ("day,start,end,activity\n1,09:00,10:00,observation\nMonday,09:00,10:00,observation\n", "Line 3: the day"),
])
def test_a_bad_plan_file_is_refused_whole(office, capsys, bad, message):
    storage, review_id, db, tmp = office
    before = storage.op_count(review_id)
    path = tmp / "bad.csv"
    path.write_text(bad, encoding="utf-8")
    code, _, err = run(capsys, "admin", "import-plan", review_id, str(path), *db)
    assert code == 1 and message in err and "Traceback" not in err
    assert storage.op_count(review_id) == before


def test_edit_review_focus_dates_and_questions(office, capsys):
    storage, review_id, db, _ = office
    code, out, err = run(capsys, "admin", "edit-review", review_id, "--focus", "Reading for pleasure",
                         "--end-date", "2026-03-12", "--edit-question", "2", "To what extent do pupils choose books?",
                         "--retire-question", "1", "--add-question", "How well do adults model reading?", *db)
    assert code == 0, err
    assert "1. To what extent do pupils choose books?" in out and "2. How well do adults model reading?" in out
    state = _state(storage, review_id)
    head = state.get("review", review_id)
    assert head.value("focus_title") == "Reading for pleasure" and not head.in_conflict
    assert head.value("end_date") == "2026-03-12"
    assert storage.review(review_id)["end_date"] == "2026-03-12"
    texts = {q.value("text"): q.value("retired") for q in state.of_kind("question")}
    assert texts["How well is fluency built?"] is True
    assert "To what extent do pupils choose books?" in texts
    assert all(not q.in_conflict for q in state.of_kind("question"))
    code, _, err = run(capsys, "admin", "edit-review", review_id, "--start-date", "2026-03-20", *db)
    assert code == 1 and "end before it starts" in err
    code, _, err = run(capsys, "admin", "edit-review", review_id, "--edit-question", "9", "x", *db)
    assert code == 1 and "no question 9" in err


def test_a_host_school_reviewer_is_refused_unless_overridden(office, capsys):
    storage, review_id, db, _ = office
    code, _, err = run(capsys, "admin", "assign", review_id, "host", "--reviewer", *db)
    assert code == 1 and "works at the host school" in err and "--allow-host-school" in err
    assert "host" not in {m["username"] for m in storage.team(review_id)}
    assert run(capsys, "admin", "assign", review_id, "host", "--reviewer", "--allow-host-school", *db)[0] == 0
    audit = storage.review(review_id)["package"]["audit"]
    assert audit[0]["event"] == "host_school_member_assigned" and audit[0]["role"] == "reviewer"
    assert run(capsys, "admin", "assign", review_id, "champ", "--champion", *db)[0] == 0
    assert {m["username"]: m["role"] for m in storage.team(review_id)}["champ"] == "improvement_champion"


def test_the_server_refuses_plan_edits_from_a_reviewer_and_review_day_edits_from_the_champion(api: Api):
    rid = api.world.review_id
    users = api.world.users
    slot = {"day": "2026-03-10", "start": "09:00", "end": "09:30", "activity": "observation"}
    cases = [
        ("reviewer", "schedule_slot", slot, "lead_only"),
        ("reviewer", "question", {"text": "How well?"}, "lead_only"),
        ("reviewer", "meeting", {"notes": "x"}, "lead_only"),
        ("reviewer", "workshop", {"notes": "x"}, "lead_or_champion"),
        ("champion", "evidence", None, "not_for_champion"),
        ("champion", "finding", {"question_id": "q", "kind": "strength", "text": "x"}, "not_for_champion"),
        ("champion", "schedule_slot", slot, "lead_only"),
        ("champion", "workshop", {"notes": "Root causes first."}, None),
        ("champion", "action", {"text": "Paired reading", "progress": "under_way"}, None),
        ("lead", "schedule_slot", slot, None),
        ("lead", "question", {"text": "To what extent?"}, None),
    ]
    for name, entity, fields, code in cases:
        op = make_op(rid, users[name], entity=entity, fields=fields, device=f"dev-{name}")
        result = api.client.post(f"/reviews/{rid}/ops", json={"ops": [op]}, headers=api.auth(name)).json()["results"][0]
        if code is None:
            assert result["status"] == "accepted", (name, entity, result)
        else:
            assert (result["status"], result["code"]) == ("rejected", code), (name, entity, result)


def test_list_reviews_shows_the_stage_and_the_edited_focus(office, capsys):
    storage, review_id, db, _ = office
    admin_plan.edit_review(storage, review_id, focus="Reading for pleasure")
    rows = {r["id"]: r for r in admin.list_reviews(storage)}
    assert rows[review_id]["focus"] == "Reading for pleasure"
    assert rows[review_id]["stage"] in ("pre_review", "review_day", "feedback", "workshop", "checkin", "closed")
    code, out, _ = run(capsys, "admin", "list-reviews", *db)
    assert code == 0 and "stage" in out and rows[review_id]["stage"] in out and "Reading for pleasure" in out
