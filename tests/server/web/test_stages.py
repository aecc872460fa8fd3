"""The stage of a review in the cycle and what is overdue (pure rules, dates given)."""

from __future__ import annotations

from datetime import date

from sync.server.web.stages import Facts, overdue, stage_of

DAY = date(2026, 3, 10)


def facts(**changes: object) -> Facts:
    values: dict[str, object] = {"start": DAY, "end": date(2026, 3, 11)}
    values.update(changes)
    return Facts(**values)  # type: ignore[arg-type]


def test_the_stages_in_order() -> None:
    assert stage_of(facts(), date(2026, 3, 1)) == "pre_review"
    assert stage_of(facts(), date(2026, 3, 11)) == "review_day"
    assert stage_of(facts(), date(2026, 3, 12)) == "feedback"  # no agreed findings yet
    agreed = {"agreed_findings": 3, "priority": True}
    assert stage_of(facts(**agreed), date(2026, 3, 12)) == "workshop"  # no workshop yet
    planned = {**agreed, "workshop_date": date(2026, 3, 20)}
    assert stage_of(facts(**planned), date(2026, 3, 19)) == "workshop"  # planned, not yet held
    assert stage_of(facts(**planned), date(2026, 3, 20)) == "checkin"
    assert stage_of(facts(**planned, checkin_done=True), date(2026, 6, 20)) == "closed"


def test_what_is_overdue() -> None:
    assert overdue(facts(), date(2026, 3, 2)) == []  # more than a week before: no plan needed yet
    assert overdue(facts(), date(2026, 3, 3)) == ["plan"]
    assert overdue(facts(plan_slots=6), date(2026, 3, 3)) == []
    assert overdue(facts(), date(2026, 3, 12)) == []  # the day has passed: no longer "no plan"
    due = {"plan_slots": 6, "checkin_date": date(2026, 6, 18)}
    assert overdue(facts(**due), date(2026, 6, 18)) == []
    assert overdue(facts(**due), date(2026, 6, 19)) == ["checkin"]
    assert overdue(facts(**due, checkin_done=True), date(2026, 6, 19)) == []
