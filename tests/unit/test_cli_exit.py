"""Each kind of failure has its own exit status, and README.md documents every one of them."""

from __future__ import annotations

import re
from pathlib import Path

from spp_desktop import cli_exit
from spp_desktop.cli_exit import sync_exit_status
from spp_desktop.services.sync_service import BadServerAddress, NotSignedIn
from sync.client.errors import (
    MalformedReply,
    NotOnTeam,
    ServerBusy,
    ServerNotTrusted,
    ServerRefused,
    ServerUnreachable,
    SignInExpired,
    SignInFailed,
)

ROOT = Path(__file__).resolve().parents[2]


def test_sync_errors_map_to_distinct_statuses() -> None:
    assert {sync_exit_status(e) for e in (ServerUnreachable(), ServerBusy(), ServerNotTrusted())} == {6}
    assert {sync_exit_status(e) for e in (NotSignedIn(), SignInExpired(), SignInFailed("no"),
                                          SignInExpired("revoked", "token_revoked"))} == {7}
    assert {sync_exit_status(e) for e in (NotOnTeam(), ServerRefused("offset_mismatch", "No"))} == {8}
    assert {sync_exit_status(e) for e in (MalformedReply(), BadServerAddress("x"))} == {1}


def test_statuses_are_distinct_and_documented_in_readme() -> None:
    statuses = {name: value for name, value in vars(cli_exit).items() if name.startswith("EXIT_")}
    assert len(set(statuses.values())) == len(statuses) == 9
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("| exit status |"):]
    documented = {int(n) for n in re.findall(r"^\| (\d) \|", table, re.M)}
    assert documented == set(statuses.values())
