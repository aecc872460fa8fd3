"""Retention: a review's keep-until date (months after its check-in, or after its last day without one)."""

from __future__ import annotations

from datetime import date

import pytest

from sync.server import admin, admin_plan
from sync.server.web.stages import Facts, add_months, retention_date

from .test_plan_admin import office, run  # noqa: F401  (the office fixture: one review, 10-11 March 2026)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(date(2026, 3, 11), 12) == date(2027, 3, 11)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_retention_counts_from_the_checkin_else_the_last_day():
    plain = Facts(start=date(2026, 3, 10), end=date(2026, 3, 11))
    assert retention_date(plain, 12) == date(2027, 3, 11)
    checked = Facts(start=date(2026, 3, 10), end=date(2026, 3, 11), checkin_date=date(2026, 7, 1))
    assert retention_date(checked, 12) == date(2027, 7, 1)


def test_list_reviews_shows_keep_until_from_the_setting(office, capsys, monkeypatch: pytest.MonkeyPatch):  # noqa: F811
    storage, review_id, db, _ = office
    assert {r["id"]: r for r in admin.list_reviews(storage)}[review_id]["keep_until"] == "2027-03-11"
    admin_plan.append_server_ops(storage, review_id, [("summary", review_id, {"checkin_date": "2026-07-01"})])
    assert {r["id"]: r for r in admin.list_reviews(storage)}[review_id]["keep_until"] == "2027-07-01"
    monkeypatch.setenv("SPP_SERVER_RETENTION_MONTHS", "6")
    code, out, _ = run(capsys, "admin", "list-reviews", *db)
    assert code == 0 and "keep until" in out and "2027-01-01" in out


MARKER = "Marker-evidence-7Q2 pupils read aloud"


def _opened_bodies(storage, review_id: str) -> str:
    return "\n".join(body for _, body in storage.ops_after(review_id, 0, 100_000))


def test_purge_expired_keeps_only_the_outcome_and_is_idempotent(office, capsys):  # noqa: F811
    import hashlib

    from sqlalchemy import func, select

    from sync.server import retention
    from sync.server.state import ReviewStates
    from sync.server.tables import attachment_chunks

    storage, review_id, db, _ = office
    photo = b"\x89PNG fake photo bytes " * 50
    sha = hashlib.sha256(photo).hexdigest()
    admin_plan.append_server_ops(storage, review_id, [
        ("evidence", "ev-1", {"kind": "observation", "notes": MARKER}),
        ("attachment", "at-1", {"evidence_id": "ev-1", "sha256": sha, "size": len(photo)}),
        ("summary", review_id, {"improvement_priority": "Fluency in Year 4"}),
        ("action", "ac-1", {"text": "Paired reading daily", "owner": "English lead", "progress": "under_way"}),
    ])
    assert storage.append_upload(review_id, sha, 0, len(photo), photo).outcome == "ok"
    assert MARKER in _opened_bodies(storage, review_id)

    assert retention.purge_expired(storage, date(2027, 3, 11), 12) == []  # the keep-until day itself: kept
    [purged] = retention.purge_expired(storage, date(2027, 3, 12), 12)
    assert purged.ops >= 3 and purged.attachments == 1  # evidence, attachment, questions, team names
    assert MARKER not in _opened_bodies(storage, review_id)
    with storage._tx() as c:
        assert c.execute(select(func.count()).select_from(attachment_chunks)).scalar() == 0
    assert storage.stream_attachment(review_id, sha) is None
    state = ReviewStates(storage).state(review_id)
    assert state.get("closure", review_id).values() == {"closed_on": "2027-03-12", "reason": "retention"}
    assert state.get("action", "ac-1").value("progress") == "under_way"
    assert state.get("summary", review_id).value("improvement_priority") == "Fluency in Year 4"
    assert state.get("evidence", "ev-1") is None

    [again] = retention.purge_expired(storage, date(2027, 3, 12), 12)
    assert (again.ops, again.attachments) == (0, 0)
    code, out, _ = run(capsys, "admin", "purge-expired", *db)  # the CLI: today, SPP_SERVER_RETENTION_MONTHS
    assert code == 0 and "review(s) past their retention date" in out


def test_close_review_is_a_server_op_shown_as_the_closed_stage_and_said_once(office, capsys):  # noqa: F811
    from sync.server import closing
    from sync.server.state import ReviewStates

    storage, review_id, db, _ = office
    assert {r["id"]: r for r in admin.list_reviews(storage)}[review_id]["stage"] != "closed"
    code, out, _ = run(capsys, "admin", "close-review", review_id, *db)
    assert code == 0 and "removes its copy at its next sync" in out
    [closure] = [op for op in ReviewStates(storage).state(review_id).of_kind("closure")]
    assert closure.entity_id == review_id and closure.authors() == {"server"}
    assert {r["id"]: r for r in admin.list_reviews(storage)}[review_id]["stage"] == "closed"
    day, ops = closing.closed_on(storage, review_id), len(storage.ops_after(review_id, 0, 100_000))
    code, out, _ = run(capsys, "admin", "close-review", review_id, *db)
    assert code == 0 and f"Already closed on {day}" in out
    assert len(storage.ops_after(review_id, 0, 100_000)) == ops  # a second close writes nothing
    code, _, err = run(capsys, "admin", "close-review", "no-such-review", *db)
    assert code == 1 and "no such review" in err


def test_a_partnership_sets_its_own_retention_period(office, capsys):  # noqa: F811
    from sync.server import retention

    storage, review_id, db, _ = office
    code, out, _ = run(capsys, "admin", "set-retention", "--partnership", "Vale", "24", *db)
    assert code == 0 and "keeps reviews 24 months" in out
    [row] = [r for r in admin.list_reviews(storage) if r["id"] == review_id]
    assert (row["retention_months"], row["keep_until"]) == (24, "2028-03-11")
    assert retention.purge_expired(storage, date(2027, 3, 12), 12) == []  # the server's 12 no longer apply
    for bad in ("0", "121", "twelve"):
        code, _, err = run(capsys, "admin", "set-retention", "--partnership", "Vale", bad, *db)
        assert code == 1 and "months" in err
    code, _, err = run(capsys, "admin", "set-retention", "--partnership", "Nowhere", "6", *db)
    assert code == 1
    code, out, _ = run(capsys, "admin", "set-retention", "--partnership", "Vale", "default", *db)
    assert code == 0 and "the server's default" in out
    [purged] = retention.purge_expired(storage, date(2027, 3, 12), 12)
    assert purged.review_id == review_id
