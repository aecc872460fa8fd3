"""Page tests of the web console with FastAPI's test client: what each page shows and what each form does."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient
from pypdf import PdfReader

from sync.server.web.edits import set_release

from .console import Console, csrf_of


def _post(console: Console, client: TestClient, path: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf": console.csrf(client)})


def test_sign_in_sets_a_safe_cookie_and_sign_out_ends_the_session(console: Console) -> None:
    account = console.users["headteacher"]
    client = TestClient(console.app, base_url="https://testserver", follow_redirects=False)
    page = client.get("/web/sign-in")
    assert 'lang="en"' in page.text and '<main id="content"' in page.text
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    r = client.post("/web/sign-in", data={"username": account["username"], "password": account["password"],
                                          "csrf": csrf_of(page.text), "next": "https://evil.example/"})
    assert r.status_code == 303 and r.headers["location"] == "/web/"  # never an open redirect
    cookie = r.headers["set-cookie"].lower()
    assert "spp_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie and "secure" in cookie
    token = client.cookies.get("spp_session")
    assert client.get("/web/").status_code == 200
    r = _post(console, client, "/web/sign-out")
    assert r.status_code == 303
    client.cookies.set("spp_session", token)  # a copy of the old cookie no longer signs in
    assert client.get("/web/").headers["location"].startswith("/web/sign-in?next=/web/&expired=1")


def test_plain_http_cookie_is_not_secure(console: Console) -> None:
    client = TestClient(console.app, follow_redirects=False)
    page = client.get("/web/sign-in")
    account = console.users["reviewer"]
    r = client.post("/web/sign-in", data={"username": account["username"], "password": account["password"],
                                          "csrf": csrf_of(page.text)})
    assert "secure" not in r.headers["set-cookie"].lower()


def test_wrong_password_and_the_shared_throttle(console: Console) -> None:
    client = console.browser()
    account = console.users["reviewer"]
    for _ in range(5):
        r = _post(console, client, "/web/sign-in", username=account["username"], password="wrong wrong")
        assert r.status_code == 401 and "not right" in r.text
    r = _post(console, client, "/web/sign-in", username=account["username"], password=account["password"])
    assert r.status_code == 429 and "Too many" in r.text and int(r.headers["retry-after"]) > 0
    api = TestClient(console.app).post("/auth/login", json={"username": account["username"],
                                                             "password": account["password"], "device_name": "x"})
    assert api.status_code == 429  # the laptops' sign-in counts the same failures


def test_sessions_and_devices_are_listed_and_revocable(console: Console) -> None:
    account = console.users["reviewer"]
    login = TestClient(console.app).post("/auth/login", json={"username": account["username"],
                                                               "password": account["password"],
                                                               "device_name": "Sam's laptop"})
    device_id, device_token = login.json()["device_id"], login.json()["token"]
    client = console.browser("reviewer")
    page = client.get("/web/sessions")
    assert "Sam&#39;s laptop" in page.text and "(this one)" in page.text
    assert _post(console, client, f"/web/devices/{device_id}/revoke").status_code == 303
    r = TestClient(console.app).get("/reviews", headers={"Authorization": f"Bearer {device_token}"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "token_revoked"
    # The partnership lead signs a person's browser session out from the administration page.
    victim = console.browser("reviewer")
    session_id = console.web.sessions_of(account["user_id"])[-1]["id"]
    lead = console.browser("partnership_lead")
    assert "Web session" in lead.get("/web/admin/devices").text
    assert _post(console, lead, f"/web/sessions/{session_id}/revoke").status_code == 303
    assert victim.get("/web/").status_code == 303


def test_the_year_shows_stages_overdue_and_filters_and_exports(console: Console) -> None:
    client = console.client("partnership_lead")
    page = client.get("/web/year").text
    for school in ("Oakfield Primary School", "Hillcrest Junior School", "St Mary&#39;s C of E Primary"):
        assert school in page
    assert "Check-in" in page and "Pre-review" in page and "Feedback" in page
    assert "No plan a week before the day" in page  # St Mary's: in 5 days, no plan
    assert "3 of 3 reviews" in page
    only_late = client.get("/web/year?overdue=1").text
    assert "1 of 3 reviews" in only_late and "St Mary" in only_late
    assert "1 of 3 reviews" in client.get("/web/year?stage=checkin").text
    south = client.get("/web/year?cluster=South").text
    table = south[south.index('<table id="year">'):]
    assert "1 of 3 reviews" in table and "Hillcrest" not in table and "St Mary" in table
    r = client.get("/web/year.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 3 and {row["stage"] for row in rows} == {"feedback", "checkin", "pre_review"}
    assert next(row for row in rows if row["stage"] == "pre_review")["overdue"] == "plan"


def test_schedule_upload_previews_then_imports(console: Console) -> None:
    client = console.client("partnership_lead")
    text = ("host_school,start_date,end_date,focus,questions,lead,reviewers\n"
            "Oakfield Primary School,2027-01-12,2027-01-13,Writing in Year 6,How is editing taught?,demo-lead,\n"
            "Brand New Primary,2027-02-02,2027-02-02,Early reading,,,\n")
    files = {"schedule": ("year.csv", text.encode(), "text/csv")}
    before = len(console.web.review_rows(None))
    r = client.post("/web/year/import", data={"csrf": console.csrf(client)}, files=files)
    assert r.status_code == 200 and "2 reviews to create" in r.text and "new school" in r.text
    assert len(console.web.review_rows(None)) == before  # a preview writes nothing
    confirm = csrf_of(r.text)
    r = client.post("/web/year/import", data={"csrf": confirm, "csv_text": text, "confirm": "1"})
    assert r.status_code == 303
    assert len(console.web.review_rows(None)) == before + 2
    bad = text.replace("demo-lead", "nobody-here").replace("2027-02-02,2027-02-02", "2027-02-02,2027-01-02")
    r = client.post("/web/year/import", data={"csrf": confirm, "csv_text": bad, "confirm": "1"})
    assert "There is no user nobody-here." in r.text and "ends before it starts" in r.text
    assert len(console.web.review_rows(None)) == before + 2  # nothing imported from a file with problems


def test_assign_refuses_a_conflict_of_interest_and_edits_are_ops(console: Console) -> None:
    client = console.client("partnership_lead")
    first = console.data["server_review_id"]  # hosted by Oakfield
    r = _post(console, client, f"/web/admin/reviews/{first}/team", username="demo-champion",
              role="improvement_champion")  # demo-champion works at Oakfield
    assert r.status_code == 400 and "conflict of interest" in r.text
    r = _post(console, client, f"/web/admin/reviews/{first}/team", username="demo-head", role="reviewer")
    assert r.status_code == 303
    team = client.get(f"/web/admin/reviews/{first}").text
    assert "Dev Evans (Reviewer)" in team[team.index('id="team"'):]
    r = _post(console, client, f"/web/admin/reviews/{first}", start_date="2026-03-17", end_date="2026-03-18",
              focus_title="Reading fluency", focus_description="")
    assert r.status_code == 303
    state = console.app.state.states.state(first)
    review = state.get("review", first)
    assert review.value("focus_title") == "Reading fluency" and review.value("start_date") == "2026-03-17"
    assert not review.in_conflict  # the edit names what it replaces
    bad = _post(console, client, f"/web/admin/reviews/{first}", start_date="2026-03-19", end_date="2026-03-18",
                focus_title="x", focus_description="")
    assert bad.status_code == 400 and "ends before it starts" in bad.text


def test_administration_adds_schools_and_people(console: Console) -> None:
    client = console.client("server_admin")
    pid = console.storage.partnership_by_name(console.data["partnership"])
    assert _post(console, client, "/web/admin/schools", partnership=pid, name="Willow Primary",
                 cluster="East").status_code == 303
    willow = next(s for s in console.web.schools_of(pid) if s["name"] == "Willow Primary")
    assert willow["cluster"] == "East"
    r = _post(console, client, "/web/admin/users", partnership=pid, username="newhead", display_name="New Head",
              school=willow["id"], headteacher="yes")
    assert r.status_code == 200 and 'id="new-password"' in r.text
    person = console.storage.user_by_username("newhead")
    assert console.web.person(person["id"])["headteacher"]
    r = _post(console, client, f"/web/admin/users/{person['id']}", school=willow["id"], password="short")
    assert r.status_code == 400


def _released_part(page: str) -> str:
    """The 'Released outcome' section of a review page (the team's workshop section comes after it)."""
    start = page.index('id="outcome-title"')
    end = page.find('id="school-title"')
    return page[start:end if end > 0 else None]


def test_released_outcome_shows_only_released_items(console: Console) -> None:
    released = console.data["released_review_id"]
    lead_page = console.client("partnership_lead").get(f"/web/reviews/{released}").text
    assert 'id="school-title"' not in lead_page  # the partnership sees only what is released
    page = _released_part(lead_page)
    assert "Pupils explain their methods" in page and "Plan reasoning in every year group" in page
    assert "Map reasoning tasks" in page
    for secret in ("Reviewer-only", "A draft the team did not agree", "Number talk at the start"):
        assert secret not in lead_page  # reviewer notes, draft findings, evidence
    lead = console.client("lead_reviewer")
    r = _post(console, lead, f"/web/reviews/{released}/release", findings="yes", head_consent="yes",
              consent_date="2026-12-01")
    assert r.status_code == 303
    page = _released_part(console.client("partnership_lead").get(f"/web/reviews/{released}").text)
    assert "Pupils explain their methods" in page and "Plan reasoning" not in page and "Map reasoning" not in page
    assert _post(console, lead, f"/web/reviews/{released}/release", findings="yes",
                 consent_date="2026-12-01").status_code == 400  # no consent recorded, nothing changes
    assert _post(console, lead, f"/web/reviews/{released}/release", withdraw="1").status_code == 303
    assert "has been released to the partnership yet" in \
        console.client("partnership_lead").get(f"/web/reviews/{released}").text


def test_the_school_records_check_in_progress_on_the_web(console: Console) -> None:
    released = console.data["released_review_id"]
    head = console.client("headteacher")
    page = head.get(f"/web/reviews/{released}").text
    assert "Improvement workshop and check-in" in page and "headteacher, subject leader" in page
    r = _post(console, head, f"/web/reviews/{released}/checkin", checkin_date="2027-01-20",
              pupil_changes="More pupils explain their reasoning in Years 3 and 4.", next_steps="Extend to Year 6.")
    assert r.status_code == 303
    checkin = console.app.state.states.state(released).get("checkin", released)
    assert checkin.value("pupil_changes").startswith("More pupils") and not checkin.in_conflict
    # The partnership sees it because the check-in is released; the year shows the review closed.
    lead_page = console.client("partnership_lead").get(f"/web/reviews/{released}").text
    assert "More pupils explain their reasoning" in _released_part(lead_page)
    assert "1 of 3 reviews" in console.client("partnership_lead").get("/web/year?stage=closed").text
    champion = console.client("improvement_champion")
    r = _post(console, champion, f"/web/reviews/{released}/checkin", checkin_date="2027-01-20",
              pupil_changes="More pupils explain their reasoning in Years 3 to 5.", next_steps="Extend to Year 6.")
    assert r.status_code == 303
    assert _post(console, champion, f"/web/reviews/{released}/checkin", checkin_date="soon",
                 pupil_changes="", next_steps="").status_code == 400


def test_the_heads_page_and_the_feedback_summary_pdf(console: Console) -> None:
    head = console.client("headteacher")
    home = head.get("/web/").text
    released = console.data["released_review_id"]
    assert f"/web/reviews/{released}" in home and "Oakfield" not in home
    assert 'id="download-summary"' in head.get(f"/web/reviews/{released}").text
    r = head.get(f"/web/reviews/{released}/summary.pdf")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(r.content)).pages)
    assert "Hillcrest Junior School" in text and "Pupils explain their methods" in text
    assert "Reviewer-only" not in text
    head.cookies.set("spp_lang", "cy")
    cy = head.get(f"/web/reviews/{released}/summary.pdf")
    welsh = "".join(p.extract_text() for p in PdfReader(io.BytesIO(cy.content)).pages)
    assert "Hillcrest" in welsh and "Crynodeb adborth" in welsh and "Feedback summary" not in welsh  # the .ts's words
    first = console.data["server_review_id"]
    lead = console.client("first_lead_reviewer")
    assert lead.get(f"/web/reviews/{first}/summary.pdf").status_code == 404  # no findings yet


def test_common_themes_count_only_released_reviews(console: Console) -> None:
    client = console.client("partnership_lead")
    page = client.get("/web/themes").text
    assert "Maths fluency and reasoning" in page and "1 released reviews" in page
    assert "Areas to develop (2)" in page and "Improvement priorities (1)" in page
    assert "Reading for pleasure" not in page  # not released
    set_release(console.storage, console.app.state.states, console.data["released_review_id"], {}, None)
    assert "No review has been released yet." in client.get("/web/themes").text


def test_welsh_pages(console: Console) -> None:
    client = console.browser("partnership_lead")
    r = client.get("/web/language/cy?next=/web/year")
    assert r.status_code == 303 and r.headers["location"] == "/web/year"
    page = client.get("/web/year").text
    assert 'lang="cy"' in page and "Y flwyddyn" in page and "Gwiriad cynnydd" in page
    assert client.get("/web/language/cy?next=https://evil.example/").headers["location"] == "/web/"
    anon = TestClient(console.app, headers={"accept-language": "cy-GB,cy;q=0.9"})
    assert "Mewngofnodi" in anon.get("/web/sign-in").text


def test_expired_sessions_are_refused(console: Console) -> None:
    client = console.browser("expired")
    r = client.get("/web/year")
    assert r.status_code == 303 and "expired=1" in r.headers["location"]
    assert "Your session has ended" in client.get(r.headers["location"]).text


def test_a_server_without_the_report_fonts_says_so(console: Console, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import spp_reports

    def no_fonts(*_args: object) -> bytes:
        raise spp_reports.FontsMissing("no fonts")

    monkeypatch.setattr(spp_reports, "summary_pdf_from_state", no_fonts)
    r = console.client("headteacher").get(f"/web/reviews/{console.data['released_review_id']}/summary.pdf")
    assert r.status_code == 503 and "cannot make the feedback summary PDF" in r.text


def test_a_release_from_the_lead_reviewers_laptop_is_the_same_record(console: Console) -> None:
    """The laptop writes `release` like any op; a reviewer's release is refused by the rule table."""
    from tests.server.helpers import make_op

    first = console.data["server_review_id"]
    api = TestClient(console.app)
    for role, expected in (("reviewer", "rejected"), ("first_lead_reviewer", "accepted")):
        who = console.users[role]
        token = api.post("/auth/login", json={"username": who["username"], "password": who["password"],
                                               "device_name": "Laptop"}).json()["token"]
        op = make_op(first, who["user_id"], entity="release", entity_id=first, device=f"laptop-{role}",
                     fields={"findings": True, "head_consent": True, "consent_date": "2026-03-12"})
        from sync.protocol.signing import b64
        from tests.signing_helpers import device_public
        key = {"device_id": f"laptop-{role}", "public_key": b64(device_public(f"laptop-{role}"))}
        api.post("/devices/key", json=key, headers={"Authorization": f"Bearer {token}"})  # as the laptop does
        r = api.post(f"/reviews/{first}/ops", json={"ops": [op]}, headers={"Authorization": f"Bearer {token}"})
        assert r.json()["results"][0]["status"] == expected, r.json()
    page = console.client("partnership_lead").get(f"/web/reviews/{first}").text
    assert "Released with the headteacher&#39;s consent of 2026-03-12." in page
