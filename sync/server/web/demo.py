"""More of the demo for the web console: a partnership lead, a headteacher, an Improvement Champion and a
server administrator, a finished review whose outcome is released, and a review coming up with no plan.

The finished review's findings, priority, actions and release are ops as a lead reviewer's laptop would
push them."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from typing import Any

from sync.protocol import HLC, Operation, OpKind, uuid7
from sync.protocol.signing import new_private_key, public_key_of, sign_op

from .. import admin
from ..storage import PendingOp, Storage, canonical_json, now_ms
from .storage import WebStorage


class _Laptop:
    """Ops from one demo laptop: its own device id, seq 1, 2, 3 ... and a rising clock."""

    def __init__(self, review_id: str, author: str):
        self.review_id, self.author, self.device = review_id, author, "demo-" + uuid7()[:8]
        self.seq = 0
        self.ops: list[PendingOp] = []
        self.key = new_private_key()  # signed like a real laptop's ops; the key is bound in _flush

    def set(self, entity: str, fields: dict[str, Any], entity_id: str | None = None) -> str:
        self.seq += 1
        entity_id = entity_id or uuid7()
        op = Operation(uuid7(), self.review_id, self.device, self.seq, self.author,
                       HLC(now_ms() + self.seq, 0, self.device), entity, entity_id, OpKind.SET, fields, {})
        op = sign_op(op, self.key)
        self.ops.append(PendingOp(op.op_id, op.device_id, op.author, canonical_json(op.to_wire())))
        return entity_id


def _outcome(storage: Storage, review_id: str, lead_id: str, checkin: date) -> None:
    review = storage.review(review_id)
    if review is None:
        raise LookupError(f"No review {review_id} to give an outcome.")
    pkg = review["package"]
    q = [item["id"] for item in pkg["enquiry_questions"]]
    laptop = _Laptop(review_id, lead_id)
    obs = laptop.set("evidence", {"kind": "learning_walk", "author": lead_id, "question_ids": q[:1],
                                  "notes": "Number talk at the start of most lessons; pupils explain methods.",
                                  "class_name": "Years 3 to 6"})
    for kind, text, qi, status in (
        ("strength", "Pupils explain their methods with confidence, using the shared vocabulary.", 0, "agreed"),
        ("area_to_develop", "Reasoning tasks are not yet planned in every year group.", 0, "agreed"),
        ("area_to_develop", "Pupils who fall behind in times tables are not always picked up quickly.", 1,
         "agreed"),
        ("question_to_explore", "How could parents support fluency at home?", 1, "agreed"),
        ("strength", "A draft the team did not agree: never shown on the web.", 1, "draft"),
    ):
        finding = laptop.set("finding", {"question_id": q[qi], "kind": kind, "text": text, "status": status,
                                         "author": lead_id, "reviewer_notes": "Reviewer-only: not for the web."})
        if qi == 0:
            laptop.set("evidence_link", {"finding_id": finding, "evidence_id": obs})
    laptop.set("summary", {"improvement_priority": "Plan reasoning in every year group, with times tables "
                                                   "catch-up for pupils who fall behind.",
                           "checkin_date": checkin.isoformat()}, entity_id=review_id)
    for i, (text, owner, due) in enumerate((
        ("Map reasoning tasks across the maths scheme", "Maths lead", checkin - timedelta(days=30)),
        ("Daily times-tables catch-up group in Years 4 and 5", "Year 4 teacher", checkin - timedelta(days=60)),
    )):
        laptop.set("action", {"text": text, "owner": owner, "due": due.isoformat(), "position": i,
                              "progress": ("under_way", "not_started")[i]})
    laptop.set("workshop", {"date": (date.today() - timedelta(days=30)).isoformat(),
                            "participants": ["headteacher", "subject_leader", "improvement_champion"],
                            "improvement_priority": "Plan reasoning in every year group, with times tables "
                                                    "catch-up for pupils who fall behind."}, entity_id=review_id)
    laptop.set("release", {"findings": True, "priority": True, "actions": True, "checkin": True,
                           "head_consent": True, "consent_date": date.today().isoformat()}, entity_id=review_id)
    storage.bind_device_key(laptop.device, laptop.author, public_key_of(laptop.key))
    storage.append_ops(review_id, laptop.ops)


def extend_demo(storage: Storage, web: WebStorage, result: dict[str, Any]) -> dict[str, Any]:
    name = result["partnership"]
    today = date.today()
    finished = admin.create_review(
        storage, name, "Hillcrest Junior School", (today - timedelta(days=40)).isoformat(),
        (today - timedelta(days=40)).isoformat(), "Maths fluency and reasoning",
        ["How well do pupils explain their reasoning?", "How quickly are gaps in number facts closed?"],
        headteacher="Mr D. Evans")
    coming = admin.create_review(
        storage, name, "St Mary's C of E Primary", (today + timedelta(days=5)).isoformat(),
        (today + timedelta(days=6)).isoformat(), "Meeting the needs of pupils with SEND",
        ["How are needs identified early?"])
    people = [
        ("demo-partnership-lead", "Morgan Price", None, "partnership_lead"),
        ("demo-head", "Dev Evans", "Hillcrest Junior School", "headteacher"),
        ("demo-champion", "Rhian Lloyd", "Oakfield Primary School", "improvement_champion"),
        ("demo-lead-2", "Chris Boyd", "Oakfield Primary School", "lead_reviewer"),
        ("demo-admin", "Pat Server", None, "server_admin"),
    ]
    accounts: dict[str, dict[str, Any]] = {}
    for username, display, school, role in people:
        username = admin._unique(storage, username)
        password = secrets.token_urlsafe(12)
        user_id = admin.add_user(storage, username, display, password, partnership=name, school=school,
                                 partnership_lead=role == "partnership_lead")
        web.set_roles(user_id, headteacher=role == "headteacher", is_admin=role == "server_admin")
        accounts[role] = {"username": username, "password": password, "role": role, "user_id": user_id}
    admin.assign(storage, finished, accounts["lead_reviewer"]["username"], "lead_reviewer")
    admin.assign(storage, finished, accounts["improvement_champion"]["username"], "improvement_champion")
    admin.assign(storage, coming, accounts["lead_reviewer"]["username"], "lead_reviewer")
    _outcome(storage, finished, accounts["lead_reviewer"]["user_id"], today + timedelta(days=50))
    for cluster_school in web.schools_of(storage.partnership_by_name(name) or ""):
        web.set_cluster(cluster_school["id"],
                        "North" if cluster_school["name"] != "St Mary's C of E Primary" else "South")
    result["accounts"].extend(accounts.values())
    result["released_review_id"] = finished
    result["web_console"] = "/web/"
    return result
