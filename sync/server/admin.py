"""Running a partnership: the operations behind `spp-server admin ...` and `spp-server demo`."""

from __future__ import annotations

import base64
import os
import secrets
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from sync.protocol import uuid7
from sync.protocol.package import FORMAT, FORMAT_VERSION, package_problem, state_to_package

from .auth import iso, normalise_username
from .passwords import hash_password, password_problem
from .state import ReviewStates
from .storage import Storage, now_ms

ROLES = ("lead_reviewer", "reviewer", "improvement_champion")
HOST_SCHOOL_REFUSAL = "This person works at the host school: a conflict of interest for its review."


class AdminError(Exception):
    """A problem to tell the administrator in one sentence."""


def create_partnership(storage: Storage, name: str) -> str:
    if storage.partnership_by_name(name):
        raise AdminError("A partnership with this name exists already.")
    return storage.create_partnership(name)


def _partnership(storage: Storage, name: str) -> str:
    pid = storage.partnership_by_name(name)
    if pid is None:
        raise AdminError("There is no partnership with this name; create it first.")
    return pid


def add_school(storage: Storage, partnership: str, name: str) -> str:
    pid = _partnership(storage, partnership)
    if storage.school_by_name(pid, name):
        raise AdminError("This school is in the partnership already.")
    return storage.add_school(pid, name)


def add_user(
    storage: Storage,
    username: str,
    display_name: str,
    password: str,
    *,
    partnership: str | None = None,
    school: str | None = None,
    partnership_lead: bool = False,
) -> str:
    username = normalise_username(username)
    if not username:
        raise AdminError("A username is required.")
    problem = password_problem(password)
    if problem:
        raise AdminError(problem)
    pid = _partnership(storage, partnership) if partnership else None
    sid = None
    if school:
        if pid is None:
            raise AdminError("Give the partnership of the school too.")
        sid = storage.school_by_name(pid, school)
        if sid is None:
            raise AdminError("There is no school with this name in the partnership.")
    try:
        return storage.add_user(
            username,
            display_name or username,
            hash_password(password),
            partnership_id=pid,
            school_id=sid,
            partnership_lead=partnership_lead,
        )
    except IntegrityError:
        raise AdminError("This username is taken.") from None


def build_package(
    review_id: str,
    *,
    partnership: str,
    host_school: str,
    start_date: str,
    end_date: str,
    focus: str,
    questions: list[str],
    focus_description: str = "",
    headteacher: str = "",
) -> dict[str, Any]:
    review: dict[str, Any] = {
        "id": review_id,
        "host_school": host_school,
        "partnership": partnership,
        "start_date": start_date,
        "end_date": end_date,
        "focus": {"title": focus, "description": focus_description},
    }
    if headteacher:
        review["headteacher"] = headteacher
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "issued_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "review": review,
        "enquiry_questions": [{"id": uuid7(), "text": q, "position": i} for i, q in enumerate(questions)],
        "team": [],
        "schedule": [],
    }


def create_review(
    storage: Storage,
    partnership: str,
    host_school: str,
    start_date: str,
    end_date: str,
    focus: str,
    questions: list[str],
    *,
    focus_description: str = "",
    headteacher: str = "",
) -> str:
    pid = _partnership(storage, partnership)
    sid = storage.school_by_name(pid, host_school)
    if sid is None:
        raise AdminError("The host school is not in the partnership; add it first.")
    package = build_package(
        uuid7(),
        partnership=partnership,
        host_school=host_school,
        start_date=start_date,
        end_date=end_date,
        focus=focus,
        questions=[q for q in questions if q.strip()],
        focus_description=focus_description,
        headteacher=headteacher,
    )
    problem = package_problem(package)
    if problem:
        raise AdminError(f"The review is not valid: {problem}.")
    team_key = base64.b64encode(os.urandom(32)).decode("ascii")
    return storage.create_review(pid, sid, package, team_key)


def assign(
    storage: Storage, review_id: str, username: str, role: str, *, allow_host_school: bool = False
) -> None:
    """Put a user on a review's team as lead_reviewer, reviewer or improvement_champion (one lead per
    review). Someone from the host school reviews their own school only with allow_host_school, which
    is recorded in the review's audit list."""
    if role not in ROLES:
        raise AdminError("The role is lead_reviewer, reviewer or improvement_champion.")
    review = storage.review(review_id)
    if review is None:
        raise AdminError("There is no such review.")
    user = storage.user_by_username(normalise_username(username))
    if user is None:
        raise AdminError("There is no user with this username.")
    team = storage.team(review_id)
    if role == "lead_reviewer" and any(m["role"] == role and m["user_id"] != user["id"] for m in team):
        raise AdminError("The review has a lead reviewer already.")
    package = review["package"]
    from_host = bool(user["school_id"]) and user["school_id"] == review["host_school_id"]
    if from_host and not allow_host_school:
        raise AdminError(HOST_SCHOOL_REFUSAL)
    if from_host:
        package.setdefault("audit", []).append(
            {"at": iso(now_ms()), "event": "host_school_member_assigned", "user_id": user["id"], "role": role}
        )
    school = storage.school(user["school_id"]) if user["school_id"] else None
    member = {"id": user["id"], "name": user["display_name"], "role": role}
    if school:
        member["school"] = school["name"]
    package["team"] = [m for m in package.get("team", []) if m["id"] != user["id"]] + [member]
    storage.set_team_member(review_id, user["id"], role, package)


def list_reviews(
    storage: Storage, partnership: str | None = None, retention_months: int = 12
) -> list[dict[str, Any]]:
    pid = _partnership(storage, partnership) if partnership else None
    from .web.outcome import facts, focus_of  # the web console's stage rules, one place for both
    from .web.stages import retention_date, stage_of

    rows = storage.review_summaries(pid)
    own = storage.retention_months_by_partnership()
    states = ReviewStates(storage)
    today = datetime.now(UTC).date()
    for row in rows:
        ms = row.pop("last_activity_ms")
        row["last_activity"] = iso(ms) if ms else None
        state = states.state(row["id"])
        row["focus"] = focus_of(state) or row["focus"]  # edit-review changes it by op
        known = facts(state, row["start_date"], row["end_date"])
        row["stage"] = stage_of(known, today)
        row["retention_months"] = own.get(row.pop("partnership_id"), retention_months)
        row["keep_until"] = retention_date(known, row["retention_months"]).isoformat()
    return rows


MAX_RETENTION_MONTHS = 120


def set_retention(storage: Storage, partnership: str, months: int | None) -> None:
    """The partnership's own retention period in months after the check-in; None: the server's default."""
    if months is not None and not 1 <= months <= MAX_RETENTION_MONTHS:
        raise AdminError(f"The retention period is a number of months from 1 to {MAX_RETENTION_MONTHS}.")
    storage.set_retention_months(_partnership(storage, partnership), months)


def revoke_device(storage: Storage, device_id: str) -> None:
    if not storage.revoke_device(device_id):
        raise AdminError("There is no such active device.")


def export_review(storage: Storage, review_id: str) -> dict[str, Any]:
    if storage.review(review_id) is None:
        raise AdminError("There is no such review.")
    return state_to_package(ReviewStates(storage).state(review_id))


def _unique(storage: Storage, username: str) -> str:
    name, n = username, 1
    while storage.user_by_username(name):
        n += 1
        name = f"{username}-{n}"
    return name


def demo(storage: Storage) -> dict[str, Any]:
    """A demo partnership with one primary-school review and three accounts (the third not on its team)."""
    name, n = "Riverside Learning Partnership (demo)", 1
    while storage.partnership_by_name(name):
        n += 1
        name = f"Riverside Learning Partnership (demo {n})"
    create_partnership(storage, name)
    for school in ("Oakfield Primary School", "St Mary's C of E Primary", "Hillcrest Junior School"):
        add_school(storage, name, school)
    review_id = create_review(
        storage,
        name,
        "Oakfield Primary School",
        "2026-03-10",
        "2026-03-11",
        "Reading for pleasure in Key Stage 2",
        [
            "How well does the reading curriculum build pupils' fluency from Year 3 to Year 6?",
            "How do adults help pupils who are not yet fluent readers to catch up?",
            "What do pupils say about reading for pleasure, and how does the school know?",
        ],
        focus_description="The school wants to know whether its new reading spine is making pupils keen readers.",
        headteacher="Mrs A. Patel",
    )
    people = [
        ("demo-lead", "Jo Harris", "St Mary's C of E Primary", "lead_reviewer"),
        ("demo-reviewer", "Sam Okafor", "Hillcrest Junior School", "reviewer"),
        ("demo-outsider", "Lee Morgan", "Hillcrest Junior School", None),
    ]
    accounts = []
    for username, display, school, role in people:
        username = _unique(storage, username)
        password = secrets.token_urlsafe(12)
        user_id = add_user(storage, username, display, password, partnership=name, school=school)
        if role:
            assign(storage, review_id, username, role)
        accounts.append(
            {"username": username, "password": password, "role": role or "not_on_team", "user_id": user_id}
        )
    return {"server_review_id": review_id, "partnership": name, "accounts": accounts}
