"""What a conflict is about, in words: "Strength under Q2: How well do pupils...", "Finding text", and
each competing value as text a person can compare."""

from __future__ import annotations

import difflib
import html
import re
from datetime import date, time
from typing import Any

from spp_desktop.domain.conflicts import Conflict, ConflictValue
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind, FindingStatus
from spp_desktop.domain.review import Review
from spp_desktop.store.repository import ReviewStore

from ..i18n import day_and_month, label
from .words import translate

# Fields that hold an identifier or a fixed choice: never merged by editing.
_NOT_FREE_TEXT = {"kind", "status", "question_id", "author", "slot_id", "evidence_id", "finding_id", "media_type",
                  "sha256", "role", "activity"}


def field_label(entity: str, name: str) -> str:
    labels = {
        ("finding", "text"): translate("Sync", "The finding's text"),
        ("finding", "status"): translate("Sync", "Whether it is agreed"),
        ("finding", "kind"): translate("Sync", "Kind of finding"),
        ("finding", "question_id"): translate("Sync", "Enquiry question"),
        ("finding", "head_comment"): translate("Sync", "Headteacher's comment"),
        ("finding", "reviewer_notes"): translate("Sync", "Reviewer notes"),
        ("summary", "improvement_priority"): translate("Sync", "Improvement priority"),
        ("summary", "next_steps"): translate("Sync", "Next steps"),
        ("summary", "checkin_date"): translate("Sync", "Check-in date"),
        ("summary", "head_comment"): translate("Sync", "Headteacher's comment"),
        ("action", "text"): translate("Sync", "The action"),
        ("action", "owner"): translate("Sync", "Who will do it"),
        ("action", "due"): translate("Sync", "Due by"),
        ("question", "text"): translate("Sync", "The question"),
    }
    common = {
        "notes": translate("Sync", "Notes"),
        "reviewer_notes": translate("Sync", "Reviewer notes"),
        "position": translate("Sync", "Order"),
        "location": translate("Sync", "Where"),
        "start": translate("Sync", "Start time"),
        "end": translate("Sync", "End time"),
        "day": translate("Sync", "Day"),
        "tags": translate("Sync", "Tags"),
        "question_ids": translate("Sync", "Enquiry questions"),
    }
    return labels.get((entity, name)) or common.get(name) or name.replace("_", " ").capitalize()


def _question_ref(review: Review, question_id: str) -> str:
    for number, question in enumerate(review.questions, 1):
        if question.id == question_id:
            return translate("Sync", "Q{number}: {text}").format(number=number, text=question.text)
    return translate("Sync", "an enquiry question")


def _what(store: ReviewStore, review: Review, conflict: Conflict) -> str:
    entity, entity_id = conflict.entity, conflict.entity_id
    if entity == "finding":
        finding = store.get_finding(review.id, entity_id)
        if finding is None:
            return translate("Sync", "A finding that was deleted")
        return translate("Sync", "{kind} under {question}").format(
            kind=label(finding.kind), question=_question_ref(review, finding.question_id))
    if entity == "evidence":
        evidence = store.get_evidence(review.id, entity_id)
        if evidence is None:
            return translate("Sync", "An evidence record that was deleted")
        place = next((str(v) for v in (getattr(evidence, name, "") for name in
                                        ("class_name", "title", "year_group", "participants")) if v), "")
        when = day_and_month(evidence.day) if evidence.day else ""
        return "  ·  ".join(p for p in (label(evidence.kind), place, when) if p)
    if entity == "summary":
        return translate("Sync", "The feedback summary")
    if entity == "action":
        return translate("Sync", "An agreed action")
    if entity == "question":
        return translate("Sync", "Enquiry question {question}").format(question=_question_ref(review, entity_id))
    if entity == "schedule_slot":
        slot = next((s for s in review.schedule if s.id == entity_id), None)
        if slot is not None:
            return translate("Sync", "The plan: {time} {activity}").format(time=f"{slot.start:%H:%M}",
                                                                          activity=slot.activity)
        return translate("Sync", "A slot in the plan")
    return translate("Sync", "Part of the review")


def describe_conflict(store: ReviewStore, review: Review, conflict: Conflict) -> tuple[str, str]:
    """(title, detail): "Strength under Q2: How ..." and "The finding's text" / "Deleted by one, changed ..."."""
    title = _what(store, review, conflict)
    if conflict.is_delete_conflict:
        detail = translate("Sync", "One of the team deleted this while another changed it.")
    else:
        detail = translate("Sync", "Changed by more than one of the team: {field}").format(
            field=field_label(conflict.entity, conflict.field))
    return title, detail


def is_free_text(conflict: Conflict) -> bool:
    return (not conflict.is_delete_conflict and conflict.field not in _NOT_FREE_TEXT
            and all(isinstance(v.value, str) for v in conflict.values))


def _plain(entity: str, name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return translate("Sync", "(left empty)")
    if entity == "finding" and name == "status":
        try:
            return label(FindingStatus(value))
        except ValueError:
            pass
    if name == "kind":
        for enum in (FindingKind, EvidenceKind):
            try:
                return label(enum(value))
            except ValueError:
                pass
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def value_text(conflict: Conflict, value: ConflictValue) -> str:
    """A competing value as text: the value itself, or for a delete conflict what that person did."""
    if conflict.is_delete_conflict:
        if value.value is True:
            return translate("Sync", "Deleted it.")
        if value.value is False:
            return translate("Sync", "Brought it back.")
        return translate("Sync", "Changed it to: {value}").format(value=_plain(conflict.entity, "", value.value))
    return _plain(conflict.entity, conflict.field, value.value)


def marked_difference(text: str, other: str) -> str:
    """`text` as HTML with the words `other` does not have in bold, so two near-identical versions can
    be told apart at a glance."""
    words = re.findall(r"\S+|\s+", text)
    theirs = re.findall(r"\S+|\s+", other)
    codes = difflib.SequenceMatcher(None, words, theirs, autojunk=False).get_opcodes()
    out: list[str] = []
    for n, (tag, i1, i2, _j1, _j2) in enumerate(codes):
        chunk = "".join(words[i1:i2])
        # One common word between two changes ("It is taught IN the same order") reads as changed.
        lone = tag == "equal" and len(chunk.split()) == 1 and 0 < n < len(codes) - 1
        same = tag == "equal" and not lone
        out.append(html.escape(chunk) if same or not chunk.strip() else f"<b>{html.escape(chunk)}</b>")
    joined = re.sub(r"</b>(\s*)<b>", r"\1", "".join(out))  # one bold run across the spaces between words
    return joined.replace("\n", "<br>")
