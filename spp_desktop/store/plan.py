"""The plan of a review, agreed at the pre-review meeting: ReviewStore's planning methods.

Focus and dates, the enquiry questions (add, edit, reorder, retire), the timetable's slots (add, edit,
move, duplicate, copy a day) and the meeting record. All of it is the lead reviewer's (StoreCore checks the
role on every write, as the server does on push), saved as ops and synced like evidence.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from spp_desktop.domain.improvement import PreReviewMeeting
from spp_desktop.domain.review import EnquiryQuestion, Review, ScheduleSlot
from sync.protocol.ids import new_id

from .core import StoreCore
from .db import translated_errors
from .errors import PlanIsLeads
from .mapping import meeting_from_state, question_from_state, wire_fields

MAX_DOCUMENT_BYTES = 20_000_000  # a self-review summary, as a PDF or Word file


class PlanMixin:
    _core: StoreCore

    if TYPE_CHECKING:  # provided by ReviewStore and RecordsMixin
        def review(self, review_id: str) -> Review: ...

    # --- review header ---------------------------------------------------------------------------
    def update_review(self, review_id: str, **changes: Any) -> Review:
        """Focus (focus_title, focus_description) and dates (start_date, end_date)."""
        review = self.review(review_id)
        start = changes.get("start_date", review.start_date)
        end = changes.get("end_date", review.end_date)
        if start and end and end < start:
            raise ValueError("The review cannot end before it starts.")
        if "focus_title" in changes and not str(changes["focus_title"]).strip():
            raise ValueError("The focus needs a title.")
        self._core.set_changed(review_id, "review", review_id, changes)
        return self.review(review_id)

    # --- enquiry questions -----------------------------------------------------------------------
    def add_question(self, review_id: str, text: str, **values: Any) -> EnquiryQuestion:
        if not text.strip():
            raise ValueError("An enquiry question needs some words.")
        review = self.review(review_id)
        question_id = values.pop("id", None) or new_id()
        values.setdefault("position", 1 + max((q.position for q in review.questions + review.retired_questions),
                                              default=-1))
        self._core.write(review_id, "question", question_id, wire_fields("question", {"text": text, **values}))
        return question_from_state(self._core.entity(review_id, "question", question_id))  # type: ignore[arg-type]

    def update_question(self, review_id: str, question_id: str, **changes: Any) -> EnquiryQuestion:
        if self._core.entity(review_id, "question", question_id) is None:
            raise KeyError("That enquiry question no longer exists.")
        if "text" in changes and not str(changes["text"]).strip():
            raise ValueError("An enquiry question needs some words.")
        self._core.set_changed(review_id, "question", question_id, changes)
        return question_from_state(self._core.entity(review_id, "question", question_id))  # type: ignore[arg-type]

    def retire_question(self, review_id: str, question_id: str, retired: bool = True) -> EnquiryQuestion:
        """Stop asking a question (evidence and findings that point at it keep it); `retired=False` brings it back."""
        return self.update_question(review_id, question_id, retired=retired)

    def move_question(self, review_id: str, question_id: str, index: int) -> list[EnquiryQuestion]:
        """Put a question at `index` among the questions still asked; renumber only those that moved."""
        questions = list(self.review(review_id).questions)
        moving = next((q for q in questions if q.id == question_id), None)
        if moving is None:
            raise KeyError("That enquiry question is not on the plan.")
        questions.remove(moving)
        questions.insert(max(0, min(index, len(questions))), moving)
        for position, question in enumerate(questions):
            if question.position != position:
                self._core.write(review_id, "question", question.id, {"position": position})
        return list(self.review(review_id).questions)

    # --- timetable -------------------------------------------------------------------------------
    def slot(self, review_id: str, slot_id: str) -> ScheduleSlot | None:
        return next((s for s in self.review(review_id).schedule if s.id == slot_id), None)

    def add_slot(self, review_id: str, day: date, start: time, end: time, activity: str,
                 **values: Any) -> ScheduleSlot:
        _check_times(start, end)
        slot_id = values.pop("id", None) or new_id()
        self._core.write(review_id, "schedule_slot", slot_id, wire_fields("schedule_slot", {
            "day": day, "start": start, "end": end, "activity": activity, **values}))
        return self.slot(review_id, slot_id)  # type: ignore[return-value]

    def update_slot(self, review_id: str, slot_id: str, **changes: Any) -> ScheduleSlot:
        current = self.slot(review_id, slot_id)
        if current is None:
            raise KeyError("That slot is no longer on the plan.")
        _check_times(changes.get("start", current.start), changes.get("end", current.end))
        self._core.set_changed(review_id, "schedule_slot", slot_id, changes)
        return self.slot(review_id, slot_id)  # type: ignore[return-value]

    def move_slot(self, review_id: str, slot_id: str, day: date, start: time) -> ScheduleSlot:
        """Move a slot to another time (and day), keeping its length."""
        current = self.slot(review_id, slot_id)
        if current is None:
            raise KeyError("That slot is no longer on the plan.")
        end = _plus(start, _minutes(current.start, current.end))
        return self.update_slot(review_id, slot_id, day=day, start=start, end=end)

    def delete_slot(self, review_id: str, slot_id: str) -> None:
        self._core.delete(review_id, "schedule_slot", slot_id)

    def duplicate_slot(self, review_id: str, slot_id: str) -> ScheduleSlot:
        """A copy of the slot straight after it, the same length (e.g. a second observation)."""
        current = self.slot(review_id, slot_id)
        if current is None:
            raise KeyError("That slot is no longer on the plan.")
        length = _minutes(current.start, current.end)
        start = current.end
        end = _plus(start, length)
        if end <= start:  # would run past midnight: keep the same times
            start, end = current.start, current.end
        return self.add_slot(review_id, current.day, start, end, current.activity, **_copyable(current))

    def copy_day(self, review_id: str, from_day: date, to_day: date) -> list[ScheduleSlot]:
        """Every slot of one day again on another (a two-day review often repeats its shape)."""
        if from_day == to_day:
            raise ValueError("Choose another day to copy to.")
        made = [self.add_slot(review_id, to_day, s.start, s.end, s.activity, **_copyable(s))
                for s in self.review(review_id).slots_on(from_day)]
        return made

    # --- the pre-review meeting ------------------------------------------------------------------
    def meeting(self, review_id: str) -> PreReviewMeeting:
        return meeting_from_state(self._core.entity(review_id, "meeting", review_id))

    def update_meeting(self, review_id: str, **changes: Any) -> PreReviewMeeting:
        self._core.set_changed(review_id, "meeting", review_id, changes)
        return self.meeting(review_id)

    def attach_self_review(self, review_id: str, data: bytes, filename: str, media_type: str) -> str:
        """Keep the school's self-review document, encrypted like a photo; returns its attachment id."""
        if not data:
            raise ValueError("The document is empty.")
        if len(data) > MAX_DOCUMENT_BYTES:
            raise ValueError("The document is larger than 20 MB.")
        if not self._core.may_change(review_id, "meeting", review_id):
            raise PlanIsLeads()
        attachment_id = new_id()
        with translated_errors(self._core.files.attachments):
            blob_id, sha = self._core.vault.put(review_id, attachment_id, data)
        self._core.sql.execute("INSERT INTO attachments (blob_id, review_id, record_id, sha256, size) VALUES (?, ?, ?, ?, ?)",
                           (blob_id, review_id, attachment_id, sha, len(data)))
        self._core.write(review_id, "attachment", attachment_id, wire_fields("attachment", {
            "evidence_id": review_id, "sha256": sha, "size": len(data), "media_type": media_type or
            "application/octet-stream", "caption": filename}))
        self.update_meeting(review_id, self_review_document=attachment_id)
        return attachment_id


def _check_times(start: time, end: time) -> None:
    if end <= start:
        raise ValueError("A slot must end after it starts.")


def _minutes(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _plus(moment: time, minutes: int) -> time:
    moved = datetime.combine(date(2000, 1, 1), moment) + timedelta(minutes=minutes)
    return moved.time() if moved.date() == date(2000, 1, 1) else time(23, 59)


def _copyable(slot: ScheduleSlot) -> dict[str, Any]:
    return {"location": slot.location, "notes": slot.notes, "reviewer_ids": slot.reviewer_ids,
            "group_name": slot.group_name, "host_staff": slot.host_staff, "question_ids": slot.question_ids,
            "position": slot.position}

