"""`spp-server admin ...` and `spp-server demo`, run in-process through cli.main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync.protocol.package import validate_package
from sync.server.cli import main
from sync.server.data_key import DataKeys
from sync.server.db import make_engine
from sync.server.storage import Storage


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_running_a_partnership_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    db = ["--database", f"sqlite:///{tmp_path}/admin.sqlite3"]
    monkeypatch.setenv("SPP_NEW_PASSWORD", "a long enough password")
    monkeypatch.setenv("SPP_SERVER_KEY_FILE", str(tmp_path / "server.key"))
    assert run(capsys, "key", "create")[0] == 0
    code, _, err = run(capsys, "admin", "create-partnership", "Vale Partnership", *db)
    assert code == 4 and "spp-server db upgrade" in err  # admin commands never migrate
    assert run(capsys, "db", "upgrade", *db)[0] == 0
    assert run(capsys, "admin", "create-partnership", "Vale Partnership", *db)[0] == 0
    assert run(capsys, "admin", "create-partnership", "Vale Partnership", *db)[0] == 1  # exists
    for school in ("Elm Primary", "Yew Primary"):
        assert run(capsys, "admin", "add-school", "--partnership", "Vale Partnership", school, *db)[0] == 0
    for user in ("amy", "ben", "cat"):
        code, out, _ = run(
            capsys,
            "admin",
            "add-user",
            user,
            "--display-name",
            user.title(),
            "--partnership",
            "Vale Partnership",
            "--school",
            "Yew Primary",
            *db,
        )
        assert code == 0 and len(out.strip()) == 36
    code, out, _ = run(
        capsys,
        "admin",
        "create-review",
        "--partnership",
        "Vale Partnership",
        "--host-school",
        "Elm Primary",
        "--start-date",
        "2026-05-04",
        "--end-date",
        "2026-05-05",
        "--focus",
        "Writing in Year 6",
        "--question",
        "How is editing taught?",
        "--question",
        "What do pupils say about feedback?",
        *db,
    )
    assert code == 0
    review_id = out.strip()
    assert run(capsys, "admin", "assign", review_id, "amy", "--lead", *db)[0] == 0
    assert run(capsys, "admin", "assign", review_id, "ben", "--reviewer", *db)[0] == 0
    code, _, err = run(capsys, "admin", "assign", review_id, "cat", "--lead", *db)
    assert code == 1 and "lead reviewer already" in err

    schedule = tmp_path / "schedule.csv"
    schedule.write_text(
        "host_school,start_date,end_date,focus,questions,lead,reviewers\n"
        "Ash Juniors,2026-06-01,2026-06-02,Maths fluency,Q one?|Q two?,ben,amy;cat\n"
        "Oak Infants,2026-07-01,2026-07-01,Early reading,Q three?,cat,\n",
        encoding="utf-8",
    )
    code, out, err = run(
        capsys, "admin", "import-schedule", "--partnership", "Vale Partnership", str(schedule), *db
    )
    assert code == 0 and len(out.split()) == 2, err
    bad = tmp_path / "bad.csv"
    bad.write_text("host_school,start_date,end_date,focus\nElm Primary,2026-09-02,2026-09-01,Backwards\n")
    code, _, err = run(capsys, "admin", "import-schedule", "--partnership", "Vale Partnership", str(bad), *db)
    assert code == 1 and "Line 2" in err
    conflict = tmp_path / "conflict.csv"  # amy works at Yew Primary: not on its review team
    conflict.write_text("host_school,start_date,end_date,focus,questions,lead\nYew Primary,2026-10-01,2026-10-01,X,,amy\n")
    code, _, err = run(capsys, "admin", "import-schedule", "--partnership", "Vale Partnership", str(conflict), *db)
    assert code == 1 and "conflict of interest" in err

    code, out, _ = run(capsys, "admin", "list-reviews", "--json", *db)
    rows = json.loads(out)
    assert [r["focus"] for r in rows] == ["Writing in Year 6", "Maths fluency", "Early reading"]
    assert rows[0]["op_count"] == 5  # review, 2 questions, 2 team members
    code, out, _ = run(capsys, "admin", "list-reviews", *db)
    assert "Writing in Year 6" in out

    code, out, _ = run(capsys, "admin", "export-review", review_id, *db)
    exported = json.loads(out)
    validate_package(exported)
    assert {m["name"] for m in exported["team"]} == {"Amy", "Ben"}
    assert [q["text"] for q in exported["enquiry_questions"]] == [
        "How is editing taught?",
        "What do pupils say about feedback?",
    ]

    storage = Storage(make_engine(db[1]), DataKeys.load(tmp_path / "server.key"))
    amy = storage.user_by_username("amy")
    device = storage.create_device(amy["id"], "Laptop", "0" * 64, 10**13)
    code, out, _ = run(capsys, "admin", "list-devices", "amy", *db)
    assert json.loads(out)[0]["id"] == device
    assert run(capsys, "admin", "revoke-device", device, *db)[0] == 0
    assert run(capsys, "admin", "revoke-device", device, *db)[0] == 1
    storage.engine.dispose()


def test_demo_prints_accounts_as_json(tmp_path: Path, capsys, monkeypatch) -> None:
    db = f"sqlite:///{tmp_path}/demo.sqlite3"
    monkeypatch.setenv("SPP_SERVER_KEY_FILE", str(tmp_path / "server.key"))
    assert run(capsys, "key", "create")[0] == 0
    code, out, _ = run(capsys, "demo", "--database", db)
    data = json.loads(out)
    assert code == 0 and data["server_review_id"]
    assert [a["role"] for a in data["accounts"]] == [
        "lead_reviewer", "reviewer", "not_on_team",  # on the laptop demo review
        "partnership_lead", "headteacher", "improvement_champion", "lead_reviewer", "server_admin",  # web
    ]
    assert all(len(a["password"]) >= 12 and a["user_id"] for a in data["accounts"])
    again = json.loads(run(capsys, "demo", "--database", db)[1])  # a second demo beside the first
    assert again["server_review_id"] != data["server_review_id"]
    assert {a["username"] for a in again["accounts"]}.isdisjoint(a["username"] for a in data["accounts"])


def test_the_data_key_is_required_made_once_and_rotated(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.delenv("SPP_SERVER_KEY_FILE", raising=False)
    db = ["--database", f"sqlite:///{tmp_path}/keyed.sqlite3"]
    code, _, err = run(capsys, "demo", *db)
    assert code == 3 and "--key-file" in err and "Traceback" not in err
    key = ["--key-file", str(tmp_path / "server.key")]
    assert run(capsys, "key", "create", *key)[0] == 0
    code, _, err = run(capsys, "key", "create", *key)
    assert code == 3 and "exists already" in err
    review_id = json.loads(run(capsys, "demo", *db, *key)[1])["server_review_id"]
    before = (tmp_path / "server.key").read_text()
    code, out, _ = run(capsys, "key", "rotate", *db, *key)
    assert code == 0 and "Resealed" in out
    assert (tmp_path / "server.key").read_text() != before
    code, out, _ = run(capsys, "admin", "export-review", review_id, *db, *key)
    assert code == 0 and json.loads(out)["review"]["focus"]["title"] == "Reading for pleasure in Key Stage 2"
