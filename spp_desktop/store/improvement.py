"""The improvement workshop and the 90-day check-in: ReviewStore's methods for the cycle after the review day.

The lead reviewer or the Improvement Champion writes these (StoreCore checks the role on every write, as the
server does on push). The workshop's actions are the `action` records the feedback conversation began.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from spp_desktop.domain.findings import AgreedAction, FeedbackOutcome
from spp_desktop.domain.improvement import CheckIn, RootCause, Stage, Workshop, keep_until, review_stage
from spp_desktop.domain.review import Review
from sync.protocol.ids import new_id
from sync.protocol.merge import EntityState

from .core import StoreCore
from .mapping import checkin_from_state, root_cause_from_state, wire_fields, workshop_from_state


def _closed_on(state: EntityState | None) -> date | None:
    value = state.value("closed_on") if state is not None and not state.deleted else None
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None  # op_problem admits only dates; an unreadable one is no closure


class ImprovementMixin:
    _core: StoreCore

    if TYPE_CHECKING:  # provided by ReviewStore and RecordsMixin
        def review(self, review_id: str) -> Review: ...
        def outcome(self, review_id: str) -> FeedbackOutcome: ...
        def update_action(self, review_id: str, action_id: str, **changes: Any) -> AgreedAction: ...

    # --- the workshop ----------------------------------------------------------------------------
    def workshop(self, review_id: str) -> Workshop:
        """The workshop record; its priority is the feedback conversation's until the workshop edits it."""
        state = self._core.entity(review_id, "workshop", review_id)
        workshop = workshop_from_state(state)
        if state is None or state.value("improvement_priority") is None:
            workshop = replace(workshop, improvement_priority=self.outcome(review_id).improvement_priority)
        return workshop

    def update_workshop(self, review_id: str, **changes: Any) -> Workshop:
        self._core.set_changed(review_id, "workshop", review_id, changes)
        return self.workshop(review_id)

    def root_causes(self, review_id: str) -> list[RootCause]:
        items = [root_cause_from_state(s) for s in self._core.state(review_id).of_kind("root_cause")]
        return sorted(items, key=lambda r: (r.finding_id, r.position, r.id))

    def add_root_cause(self, review_id: str, finding_id: str, text: str) -> RootCause:
        position = 1 + max((r.position for r in self.root_causes(review_id) if r.finding_id == finding_id), default=-1)
        cause_id = new_id()
        self._core.write(review_id, "root_cause", cause_id, wire_fields("root_cause", {
            "finding_id": finding_id, "text": text, "position": position}))
        return root_cause_from_state(self._core.entity(review_id, "root_cause", cause_id))  # type: ignore[arg-type]

    def update_root_cause(self, review_id: str, cause_id: str, text: str) -> RootCause:
        if self._core.entity(review_id, "root_cause", cause_id) is None:
            raise KeyError("That root cause no longer exists.")
        self._core.set_changed(review_id, "root_cause", cause_id, {"text": text})
        return root_cause_from_state(self._core.entity(review_id, "root_cause", cause_id))  # type: ignore[arg-type]

    # --- the 90-day check-in ---------------------------------------------------------------------
    def checkin(self, review_id: str) -> CheckIn:
        """The check-in record, dated 90 days after the workshop until a date is chosen."""
        checkin = checkin_from_state(self._core.entity(review_id, "checkin", review_id))
        if checkin.date is None:
            checkin = replace(checkin, date=self.workshop(review_id).default_checkin)
        return checkin

    def update_checkin(self, review_id: str, **changes: Any) -> CheckIn:
        self._core.set_changed(review_id, "checkin", review_id, changes)
        return self.checkin(review_id)

    def stage(self, review_id: str, today: date | None = None) -> Stage:
        """Where the review is in the cycle."""
        return self.heading_stage(self.review(review_id), today)

    def _heading_records(self, review: Review) -> dict[str, EntityState]:
        """The review's one-per-review records (summary, workshop, check-in, closure): cheap enough for Home's
        list, which never reads a review's records."""
        return {entity: EntityState.from_json(entity, review.id, json.loads(text)) for entity, text in self._core.sql.execute(
            "SELECT entity, state FROM entities WHERE review_id = ? AND entity_id = ? AND deleted = 0 "
            "AND entity IN ('summary', 'workshop', 'checkin', 'closure')", (review.id, review.id))}

    # --- closing ---------------------------------------------------------------------------------
    def heading_closed_on(self, review: Review) -> date | None:
        return _closed_on(self._heading_records(review).get("closure"))

    def closed_on(self, review_id: str) -> date | None:
        """The day the partnership closed the review (the server's closure op), or None while it is open."""
        return _closed_on(self._core.entity(review_id, "closure", review_id))

    def heading_stage(self, review: Review, today: date | None = None) -> Stage:
        """The stage from the review's dates and its one-per-review records only."""
        rows = self._heading_records(review)
        if _closed_on(rows.get("closure")):
            return Stage.CLOSED
        priority = str((rows["summary"].value("improvement_priority") if "summary" in rows else "") or "")
        checkin = checkin_from_state(rows.get("checkin"))
        return review_stage(review.start_date, review.end_date, today or date.today(),
                            priority_agreed=bool(priority.strip()), workshop=workshop_from_state(rows.get("workshop")),
                            checkin_done=bool(checkin.pupil_changes.strip() or checkin.next_steps.strip()))

    def heading_keep_until(self, review: Review) -> date:
        """The retention date at the server's default: after the check-in's date (the summary's, the
        check-in's own, or 90 days after the workshop), else after the review's last day."""
        rows = self._heading_records(review)
        planned = rows["summary"].value("checkin_date") if "summary" in rows else None
        checkin = (date.fromisoformat(planned) if isinstance(planned, str) and planned else None) \
            or checkin_from_state(rows.get("checkin")).date or workshop_from_state(rows.get("workshop")).default_checkin
        return keep_until(review.end_date, checkin)

    def set_progress(self, review_id: str, action_id: str, progress: str, note: str | None = None) -> AgreedAction:
        changes: dict[str, Any] = {"progress": progress}
        if note is not None:
            changes["progress_note"] = note
        return self.update_action(review_id, action_id, **changes)
