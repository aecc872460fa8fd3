"""Who may see and do what on the web console. Every page asks here; tests/server/web/test_matrix.py
checks every page and form for every kind of person.

- server administrator: administration of every partnership (schools, people, reviews, devices); no
  review outcomes unless they hold another role too.
- partnership lead: the year, common themes, administration and released outcomes of their partnership.
- Improvement Champion / lead reviewer / reviewer: the reviews whose team they are on (released outcome);
  the lead reviewer also marks what is released, with the head's consent.
- headteacher: their school's reviews (released outcome, the feedback summary PDF, the workshop plan and
  the check-in, whose progress they may record as the Champion and the lead reviewer may).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Viewer:
    user_id: str
    username: str
    display_name: str
    partnership_id: str | None
    school_id: str | None
    is_admin: bool = False
    is_lead: bool = False  # partnership lead
    is_head: bool = False  # headteacher of school_id
    team_roles: dict[str, str] = field(default_factory=dict)  # review id -> role on its team
    session_id: str = ""

    @classmethod
    def from_person(cls, person: dict[str, Any], team_roles: dict[str, str], session_id: str) -> Viewer:
        return cls(
            user_id=person["id"], username=person["username"], display_name=person["display_name"],
            partnership_id=person["partnership_id"], school_id=person["school_id"],
            is_admin=bool(person["is_admin"]), is_lead=bool(person["partnership_lead"]),
            is_head=bool(person["headteacher"]) and bool(person["school_id"]),
            team_roles=team_roles, session_id=session_id,
        )

    @property
    def role_names(self) -> list[str]:
        names = []
        if self.is_admin:
            names.append("server_admin")
        if self.is_lead:
            names.append("partnership_lead")
        if self.is_head:
            names.append("headteacher")
        names.extend(sorted(set(self.team_roles.values())))
        return names


def sees_year(v: Viewer) -> bool:
    return v.is_lead and v.partnership_id is not None


def administers(v: Viewer, partnership_id: str | None) -> bool:
    """Administration of a partnership: the server administrator, or that partnership's lead."""
    if v.is_admin:
        return True
    return v.is_lead and partnership_id is not None and partnership_id == v.partnership_id


def administers_any(v: Viewer) -> bool:
    return v.is_admin or sees_year(v)


def is_host_head(v: Viewer, review: dict[str, Any]) -> bool:
    return v.is_head and v.school_id == review["host_school_id"]


def sees_outcome(v: Viewer, review: dict[str, Any]) -> bool:
    """The review's page (its released outcome)."""
    if v.is_lead and v.partnership_id == review["partnership_id"]:
        return True
    return review["id"] in v.team_roles or is_host_head(v, review)


def releases(v: Viewer, review: dict[str, Any]) -> bool:
    """Marks what of the outcome is released: the review's lead reviewer."""
    return v.team_roles.get(review["id"]) == "lead_reviewer"


def downloads_summary(v: Viewer, review: dict[str, Any]) -> bool:
    """The feedback summary PDF: the host school's headteacher and the review's lead reviewer."""
    return is_host_head(v, review) or releases(v, review)


def sees_school_view(v: Viewer, review: dict[str, Any]) -> bool:
    """The workshop plan and the check-in: the host school's headteacher and the review's team."""
    return is_host_head(v, review) or review["id"] in v.team_roles


def records_checkin(v: Viewer, review: dict[str, Any]) -> bool:
    """Check-in progress on the web: the Improvement Champion, the lead reviewer, the host headteacher."""
    return is_host_head(v, review) or v.team_roles.get(review["id"]) in ("improvement_champion", "lead_reviewer")
