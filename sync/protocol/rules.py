"""Who may change what: the ONE rule table of the protocol (docs/sync.md, "The rule table").

The server checks every pushed op with `rule_problem`, every laptop checks every op it applies from a pull
or a team bundle with it, and the laptop's own edits (and the UI's "may I?") ask it before anything is
written. An op is judged by its *author's* role on the review's team (not by whoever passed it on):

    entity          set / delete                                  notes
    evidence        its author only                               the `author` field names the author
    attachment      the author of the photo and of its evidence
    finding         any team member                               status agreed/amended, resolve, and any
                                                                  change or delete of an agreed finding:
                                                                  the lead only
    evidence_link   any team member
    review          the lead (and the server)                     school, dates, focus
    question        the lead (and the server)
    schedule_slot   the lead (and the server)
    summary         the lead (and the server)                     the outcome of the review
    meeting         the lead (and the server)                     the pre-review meeting record
    action          the lead or the Improvement Champion          the actions, planned at the workshop
    workshop        the lead or the Improvement Champion          the improvement workshop
    root_cause      the lead or the Improvement Champion
    checkin         the lead or the Improvement Champion          the 90-day check-in
    concern_notice  its author only                               that a concern was passed on (no words)
    release         the lead (and the server)                     what of the outcome the partnership sees
    team_member     the server only                               team and roles
    closure         the server only                               the review closed (laptops remove it)

The Improvement Champion changes no review-day record (evidence, photos, findings, links) and nothing of
the plan; a reviewer changes nothing of the workshop or the check-in.

Every entity: `resolve` is the lead's (it settles a conflict); a plain `set` may name at most one parent
per field, so a plain edit never settles a conflict (SYNC.md: only the lead's resolve does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .hlc import HLC
from .merge import DELETED, EntityState, ReviewState
from .ops import Operation, OpKind

LEAD = "lead_reviewer"
CHAMPION = "improvement_champion"
SERVER = "server"  # the role of the server's own ops (review package, admin commands)
PACKAGE_AUTHOR = "package"  # the author (and device) of ops derived from the review package
SERVER_AUTHOR = "server"  # the author (and device) of the server's admin ops (edit-review, import-plan)
REVIEW_DAY = ("evidence", "attachment", "finding", "evidence_link", "concern_notice")
LEAD_STATUSES = ("agreed", "amended")

# entity -> who may set or delete it: "owner" | "member" | "lead" | "improver" (lead or Champion) | "server"
WRITERS: dict[str, str] = {
    "evidence": "owner",
    "attachment": "owner",
    "finding": "member",
    "evidence_link": "member",
    "review": "lead",
    "question": "lead",
    "schedule_slot": "lead",
    "summary": "lead",
    "meeting": "lead",
    "action": "improver",
    "workshop": "improver",
    "root_cause": "improver",
    "checkin": "improver",
    "release": "lead",
    "concern_notice": "owner",
    "team_member": "server",
    "closure": "server",
}
KINDS = tuple(k.value for k in OpKind)
_PROBE_HLC = HLC(0, 0, "probe")


@dataclass(frozen=True)
class Refusal:
    code: str  # stable: not_on_team | server_only | lead_only | lead_or_champion | not_for_champion | not_owner
    #            | conflict_needs_resolve
    reason: str  # plain words



def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks a refusal's sentence for the laptop's translation catalogue (ui/i18n.error_text shows it in
    the interface language); the protocol imports no Qt, so this returns `text` unchanged."""
    return text

def is_server_op(op: Operation) -> bool:
    """Made by the server itself: derived from the review package, or an admin command's op."""
    return op.author == op.device_id and op.author in (PACKAGE_AUTHOR, SERVER_AUTHOR)


def author_role(op: Operation, state: ReviewState) -> str | None:
    """The op author's role as the review's state knows it (team_member records come from the server)."""
    if is_server_op(op):
        return SERVER
    return member_role(state, op.author)


def member_role(state: ReviewState, member_id: str) -> str | None:
    member = state.get("team_member", member_id)
    if member is None or not member.exists or member.deleted:
        return None
    role = member.value("role")
    return role if isinstance(role, str) else None


def owner_of(entity: EntityState | None) -> set[str]:
    """Who owns a record: its `author` field when it has one, else the authors of its values."""
    if entity is None or not entity.exists:
        return set()
    author = entity.value("author")
    if isinstance(author, str) and author:
        return {author}
    return entity.authors() - {PACKAGE_AUTHOR}


def is_agreed(entity: EntityState | None) -> bool:
    return entity is not None and any(v.value in LEAD_STATUSES for v in entity.live("status"))


def static_problem(op: Operation) -> Refusal | None:
    """The part of the table that needs no state: what no author but the server may ever do, and the
    plain edit that would settle a conflict. Laptops apply it to every op, even one the server relays."""
    if is_server_op(op):
        return None
    if WRITERS.get(op.entity, "server") == "server":
        return Refusal("server_only", QT_TRANSLATE_NOOP(
            "StoreError", "Only the partnership's server may change the team and its roles, or close the review."))
    if op.kind is OpKind.SET and any(len(ids) > 1 for name, ids in op.parents.items()
                                     if name in op.fields and name != DELETED):
        return Refusal("conflict_needs_resolve", QT_TRANSLATE_NOOP(
            "StoreError", "A plain edit may not settle a conflict; the lead reviewer resolves it."))
    return None


def rule_problem(op: Operation, role: str | None, state: ReviewState) -> Refusal | None:
    """Why `op` (by an author with `role`, None = not on the team) may not change `state`, or None."""
    if role == SERVER:
        return None
    static = static_problem(op)
    if static:
        return static
    if role is None:
        return Refusal("not_on_team", QT_TRANSLATE_NOOP(
            "StoreError", "The author of this change is not on the review's team."))
    lead = role == LEAD
    if op.kind is OpKind.RESOLVE and not lead:
        return Refusal("lead_only", QT_TRANSLATE_NOOP(
            "StoreError", "Only the lead reviewer may settle conflicts."))
    writers = WRITERS.get(op.entity, "server")
    current = state.get(op.entity, op.entity_id)
    if writers == "lead" and not lead:
        return Refusal("lead_only", QT_TRANSLATE_NOOP(
            "StoreError", "Only the lead reviewer may change the review, its plan and its outcome."))
    if writers == "improver" and role not in (LEAD, CHAMPION):
        return Refusal("lead_or_champion", QT_TRANSLATE_NOOP(
            "StoreError", "Only the lead reviewer or the Improvement Champion may change the improvement workshop, its "
                          "actions and the check-in."))
    if role == CHAMPION and op.entity in REVIEW_DAY:
        return Refusal("not_for_champion", QT_TRANSLATE_NOOP(
            "StoreError", "The Improvement Champion does not change review-day evidence or findings."))
    if writers == "owner":
        return _owner_problem(op, current, state)
    if op.entity == "finding" and not lead:
        if op.fields.get("status") in LEAD_STATUSES:
            return Refusal("lead_only", QT_TRANSLATE_NOOP(
                "StoreError", "Only the lead reviewer may mark findings agreed."))
        if is_agreed(current):
            return Refusal("lead_only", QT_TRANSLATE_NOOP(
                "StoreError", "Only the lead reviewer may change or delete an agreed finding."))
    return None


def _owner_problem(op: Operation, current: EntityState | None, state: ReviewState) -> Refusal | None:
    named = op.fields.get("author")
    if named is not None and named != op.author:
        return Refusal("not_owner", QT_TRANSLATE_NOOP(
            "StoreError", "A record's author cannot be changed or given to someone else."))
    owners = owner_of(current)
    if owners and op.author not in owners:
        return Refusal("not_owner", QT_TRANSLATE_NOOP(
            "StoreError", "Only the author of this evidence may change or delete it."))
    if op.entity == "attachment":
        evidence_id = op.fields.get("evidence_id") or (current.value("evidence_id") if current else None)
        if isinstance(evidence_id, str):
            evidence_owners = owner_of(state.get("evidence", evidence_id))
            if evidence_owners and op.author not in evidence_owners:
                return Refusal("not_owner", QT_TRANSLATE_NOOP(
                    "StoreError", "Only the author of this evidence may add or remove its photos."))
    return None


def may_change(role: str | None, state: ReviewState, entity: str, entity_id: str, *, author: str,
               kind: OpKind = OpKind.SET, fields: dict[str, Any] | None = None) -> bool:
    """The UI's question "may I?": would this change by `author` (with `role`) be accepted?"""
    probe = Operation("probe", state.review_id, "probe", 1, author, _PROBE_HLC, entity, entity_id, kind,
                      dict(fields or {}), {})
    return rule_problem(probe, role, state) is None

