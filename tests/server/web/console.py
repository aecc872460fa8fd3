"""A console world for the web tests: the demo partnership (every role), another partnership with its
own lead, a throwaway person whose session administrators may revoke; and browsers signed in as each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from sync.server import admin
from sync.server.app import create_app
from sync.server.auth import hash_token
from sync.server.settings import Settings
from sync.server.storage import now_ms
from sync.server.web.demo import extend_demo

from ..helpers import shared_key_file

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


@dataclass
class Console:
    app: Any
    data: dict[str, Any]
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # role -> account
    clients: dict[str, TestClient] = field(default_factory=dict)

    @property
    def storage(self):  # type: ignore[no-untyped-def]
        return self.app.state.storage

    @property
    def web(self):  # type: ignore[no-untyped-def]
        return self.app.state.web

    def client(self, role: str) -> TestClient:
        if role not in self.clients:
            self.clients[role] = self.browser(role)
        return self.clients[role]

    def browser(self, role: str | None = None, **client_options: Any) -> TestClient:
        """A fresh browser; signed in as the role's account unless role is None or 'anonymous'."""
        client = TestClient(self.app, follow_redirects=False, **client_options)
        page = client.get("/web/sign-in")
        assert page.status_code == 200
        if role == "expired":
            account = self.users["reviewer"]
            token = "expired-session-token"
            self.web.create_session(account["user_id"], hash_token(token), "test", now_ms() - 1)
            client.cookies.set("spp_session", token)
        elif role not in (None, "anonymous"):
            account = self.users[role]
            r = client.post("/web/sign-in", data={"username": account["username"],
                                                   "password": account["password"], "csrf": csrf_of(page.text),
                                                   "next": "/web/"})
            assert r.status_code == 303 and r.headers["location"] == "/web/", (role, r.status_code)
        return client

    def csrf(self, client: TestClient) -> str:
        return client.cookies.get("spp_csrf") or csrf_of(client.get("/web/sign-in").text)


def build_console(tmp_path: Path, database_url: str | None = None) -> Console:
    url = database_url or f"sqlite:///{tmp_path}/console.sqlite3"
    app = create_app(Settings(database_url=url, key_file=shared_key_file()))
    storage = app.state.storage
    data = extend_demo(storage, app.state.web, admin.demo(storage))
    console = Console(app, data)
    by_role = {a["role"]: a for a in data["accounts"]}
    for role in ("partnership_lead", "headteacher", "improvement_champion", "server_admin", "reviewer"):
        console.users[role] = by_role[role]
    console.users["lead_reviewer"] = next(a for a in data["accounts"] if a["username"].startswith("demo-lead-2"))
    console.users["first_lead_reviewer"] = next(a for a in data["accounts"] if a["username"] == "demo-lead")
    console.users["outsider"] = by_role["not_on_team"]
    # Another partnership: its lead and its head must see nothing of the demo partnership.
    admin.create_partnership(storage, "Other Partnership")
    admin.add_school(storage, "Other Partnership", "Far Away Primary")
    for username, lead, head in (("other-lead", True, False), ("other-head", False, True)):
        uid = admin.add_user(storage, username, username, PASSWORD, partnership="Other Partnership",
                             school="Far Away Primary", partnership_lead=lead)
        app.state.web.set_roles(uid, headteacher=head)
        console.users[username.replace("-", "_")] = {"username": username, "password": PASSWORD,
                                                       "user_id": uid}
    # A head of a demo school that hosts none of the released reviews.
    uid = admin.add_user(storage, "st-marys-head", "St Mary's head", PASSWORD,
                         partnership=data["partnership"], school="St Mary's C of E Primary")
    app.state.web.set_roles(uid, headteacher=True)
    console.users["other_school_head"] = {"username": "st-marys-head", "password": PASSWORD, "user_id": uid}
    uid = admin.add_user(storage, "victim", "Victim", PASSWORD, partnership=data["partnership"])
    console.users["victim"] = {"username": "victim", "password": PASSWORD, "user_id": uid}
    return console
