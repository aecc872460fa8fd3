"""The rule table as a matrix (issue 10, item 2): entity x field x role x kind (x whose record), with the
expected outcome written out from the issue's words, independently of sync.protocol.rules.

Used by tests/server/test_rule_table_server.py (pushes to the real app) and
tests/unit/test_rule_table_laptop.py (team bundle ops applied to a real store).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sync.protocol.schema import BOOL, DATE, ENTITIES, INT, STR, STR_LIST, TIME

ROLES = ("lead", "reviewer", "champion")  # champion: the Improvement Champion
KINDS = ("set", "delete", "resolve")
LEAD_ONLY_ENTITIES = ("review", "question", "schedule_slot", "summary", "meeting", "release")
IMPROVEMENT_ENTITIES = ("action", "workshop", "root_cause", "checkin")  # the lead or the Champion
REVIEW_DAY_ENTITIES = ("evidence", "attachment", "finding", "evidence_link", "concern_notice")  # never the Champion
OWNED = ("evidence", "attachment", "concern_notice")

_VALUES = {STR: "Words", INT: 1, BOOL: True, DATE: "2026-03-10", TIME: "09:00", STR_LIST: ["a"]}
_CHOICE_VALUES = {("evidence", "kind"): "observation", ("finding", "kind"): "strength",
                  ("finding", "status"): "agreed", ("team_member", "role"): "lead_reviewer",
                  ("action", "progress"): "under_way", ("question", "planned_sources"): ["observation"],
                  ("concern_notice", "to_role"): "dsl", ("closure", "reason"): "closed"}


@dataclass(frozen=True)
class Case:
    entity: str
    field: str  # "-" for a delete
    role: str  # the author's role: lead | reviewer
    kind: str  # set | delete | resolve
    target: str  # whose / which record: own | other (evidence, photos), draft | agreed (findings), - else

    @property
    def id(self) -> str:
        return f"{self.entity}.{self.field}-{self.role}-{self.kind}-{self.target}"


def value_for(entity: str, field: str, author: str) -> Any:
    if field == "author":
        return author  # the author's own claim (giving a record to someone else is a case of its own)
    return _CHOICE_VALUES.get((entity, field), _VALUES[ENTITIES[entity][field]])


def targets(entity: str, role: str = "lead") -> tuple[str, ...]:
    if entity in OWNED:
        return ("other",) if role == "champion" else ("own", "other")  # a Champion owns no evidence
    if entity == "finding":
        return ("draft", "agreed")
    return ("-",)


def cases() -> list[Case]:
    found = []
    for entity in sorted(ENTITIES):
        for role in ROLES:
            for target in targets(entity, role):
                found.append(Case(entity, "-", role, "delete", target))
                for field in sorted(ENTITIES[entity]):
                    for kind in ("set", "resolve"):
                        found.append(Case(entity, field, role, kind, target))
    return found


def allowed(case: Case) -> bool:
    """The issue's table, in its own words."""
    lead = case.role == "lead"
    if case.entity in ("team_member", "closure"):
        return False  # team members and roles, and closing the review: the server's own ops only
    if case.kind == "resolve" and not lead:
        return False  # only the lead's resolve settles a conflict
    if case.entity in LEAD_ONLY_ENTITIES:
        return lead  # review, focus, questions, schedule, meeting and outcome: the lead
    if case.entity in IMPROVEMENT_ENTITIES:
        return case.role in ("lead", "champion")  # workshop, actions and check-in
    if case.role == "champion" and case.entity in REVIEW_DAY_ENTITIES:
        return False  # the Champion does not touch review-day evidence or findings
    if case.entity in OWNED:
        return case.target == "own"  # evidence and its photos: only their author
    if case.entity == "finding" and not lead:
        if case.target == "agreed":
            return False  # any change or delete of an agreed finding: the lead
        if case.field == "status" and case.kind == "set":
            return False  # agreed / amended: the lead
    return True  # findings and links: any team member drafts


def summary(results: dict[str, bool]) -> str:
    return f"{len(results)} cases, {sum(results.values())} allowed, {len(results) - sum(results.values())} refused"
