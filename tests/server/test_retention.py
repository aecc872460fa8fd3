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
