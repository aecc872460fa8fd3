"""The authorisation matrix: every page and form of the console for every kind of person, anonymous and
an expired session included. Each cell must be exactly what access.py promises: 0 unexpected successes
(and no unexpected refusals)."""

from __future__ import annotations

import secrets
from typing import Any

import pytest

from .console import Console

PEOPLE = ("anonymous", "expired", "server_admin", "partnership_lead", "other_lead", "headteacher",
          "other_school_head", "other_head", "improvement_champion", "lead_reviewer", "first_lead_reviewer",
          "reviewer", "outsider")
ADMINS = {"server_admin", "partnership_lead"}
SIGNED_IN = set(PEOPLE) - {"anonymous", "expired"}
ON_RELEASED = {"partnership_lead", "headteacher", "improvement_champion", "lead_reviewer"}


def routes(c: Console) -> list[tuple[str, str, dict[str, Any], set[str]]]:
    """(method, path, form, who may) for every page and form. Forms get a valid CSRF token."""
    released, first = c.data["released_review_id"], c.data["server_review_id"]
    school = c.web.schools_of(c.storage.partnership_by_name(c.data["partnership"]))[0]["id"]
    victim = c.users["victim"]["user_id"]
    victim_session = c.web.create_session(victim, secrets.token_hex(32), "test browser", 10**13)
    victim_device = c.storage.create_device(victim, "Victim laptop", secrets.token_hex(32), 10**13)
    pid = c.storage.partnership_by_name(c.data["partnership"])
    return [
        ("GET", "/web/", {}, SIGNED_IN),
        ("GET", "/web/sessions", {}, SIGNED_IN),
        ("GET", "/web/year", {}, {"partnership_lead", "other_lead"}),
        ("GET", "/web/year.csv", {}, {"partnership_lead", "other_lead"}),
        ("GET", "/web/year/import", {}, {"partnership_lead", "other_lead"}),
        ("POST", "/web/year/import", {"csv_text": "host_school,start_date,end_date,focus\n"
                                                  "Oakfield Primary School,2027-01-10,2027-01-10,Writing\n"},
         {"partnership_lead", "other_lead"}),
        ("GET", "/web/themes", {}, {"partnership_lead", "other_lead"}),
        ("GET", f"/web/reviews/{released}", {}, ON_RELEASED),
        ("GET", f"/web/reviews/{first}", {}, {"partnership_lead", "first_lead_reviewer", "reviewer"}),
        ("GET", f"/web/reviews/{released}/summary.pdf", {}, {"headteacher", "lead_reviewer"}),
        ("POST", f"/web/reviews/{released}/release",
         {"findings": "yes", "priority": "yes", "head_consent": "yes", "consent_date": "2026-12-01"},
         {"lead_reviewer"}),
        ("POST", f"/web/reviews/{released}/checkin",
         {"checkin_date": "2027-01-20", "pupil_changes": "More pupils explain", "next_steps": ""},
         {"headteacher", "improvement_champion", "lead_reviewer"}),
        ("POST", f"/web/reviews/{first}/checkin", {"checkin_date": "2027-01-20", "pupil_changes": "x"},
         {"first_lead_reviewer"}),
        ("GET", "/web/admin/reviews", {}, ADMINS | {"other_lead"}),
        ("GET", "/web/admin/schools", {}, ADMINS | {"other_lead"}),
        ("GET", "/web/admin/users", {}, ADMINS | {"other_lead"}),
        ("GET", "/web/admin/devices", {}, ADMINS | {"other_lead"}),
        ("GET", f"/web/admin/reviews/{first}", {}, ADMINS),
        ("POST", f"/web/admin/reviews/{first}",
         {"start_date": "2026-03-10", "end_date": "2026-03-11", "focus_title": "Reading for pleasure in KS2",
          "focus_description": ""}, ADMINS),
        ("POST", f"/web/admin/reviews/{released}/team", {"username": "victim", "role": "reviewer"}, ADMINS),
        ("POST", f"/web/admin/schools/{school}", {"cluster": "East",
                                                 "partnership": c.storage.partnership_by_name(c.data["partnership"])},
         ADMINS),
        ("POST", f"/web/admin/users/{victim}", {"school": ""}, ADMINS),
        ("POST", f"/web/admin/users/{c.users['server_admin']['user_id']}", {"password": "taken over at last"},
         {"server_admin"}),  # a partnership lead cannot take over a server administrator's account
        ("POST", "/web/admin/reviews",
         {"partnership": c.storage.partnership_by_name(c.data["partnership"]), "host_school":
          "Oakfield Primary School", "start_date": "2027-02-01", "end_date": "2027-02-01", "focus": "Maths"},
         {"server_admin", "partnership_lead"}),
        ("POST", "/web/admin/users", {"partnership": pid, "username": "new-{n}", "display_name": "New {n}"},
         {"server_admin", "partnership_lead"}),
        ("POST", f"/web/sessions/{victim_session}/revoke", {}, ADMINS),
        ("POST", f"/web/devices/{victim_device}/revoke", {}, ADMINS),
        ("POST", "/web/admin/schools",
         {"partnership": c.storage.partnership_by_name(c.data["partnership"]), "name": "New School {n}"},
         {"server_admin", "partnership_lead"}),
    ]


def _succeeded(method: str, response: Any) -> bool:
    if method == "GET":
        return response.status_code == 200
    if response.status_code == 303:
        return "/web/sign-in" not in response.headers["location"]
    return response.status_code == 200  # a form that answers with a page (the import preview)


def test_every_page_and_form_for_every_person(console: Console) -> None:
    table = routes(console)
    unexpected_success, unexpected_refusal, cells = [], [], 0
    for n, person in enumerate(PEOPLE):
        client = console.browser(person)
        token = console.csrf(client)
        for method, path, form, allowed in table:
            data = {k: v.replace("{n}", str(n)) for k, v in form.items()}
            if method == "GET":
                r = client.get(path)
            else:
                r = client.post(path, data={**data, "csrf": token})
            cells += 1
            ok = _succeeded(method, r)
            if ok and person not in allowed:
                unexpected_success.append((person, method, path, r.status_code))
            if not ok and person in allowed:
                unexpected_refusal.append((person, method, path, r.status_code, r.text[:200]))
            if not ok:
                expected = (303,) if person in ("anonymous", "expired") else (403, 404)
                assert r.status_code in expected, (person, method, path, r.status_code)
                if r.status_code == 303:
                    assert r.headers["location"].startswith("/web/sign-in")
    assert cells == len(PEOPLE) * len(table)
    assert unexpected_success == []
    assert unexpected_refusal == []


@pytest.mark.parametrize("token", ["", "not-the-cookie"])
def test_every_form_refuses_a_missing_or_wrong_csrf_token(console: Console, token: str) -> None:
    for person in ("partnership_lead", "server_admin", "lead_reviewer"):
        client = console.browser(person)
        for method, path, form, allowed in routes(console):
            if method == "POST" and person in allowed:
                r = client.post(path, data={**form, "csrf": token})
                assert r.status_code == 400, (person, path)
                assert "out of date" in r.text


def test_other_partnership_sees_none_of_its_reviews(console: Console) -> None:
    client = console.browser("other_lead")
    year = client.get("/web/year").text
    assert "Hillcrest" not in year and "Oakfield" not in year
    assert "Hillcrest" not in client.get("/web/themes").text
    assert "Hillcrest" not in client.get("/web/year.csv").text
