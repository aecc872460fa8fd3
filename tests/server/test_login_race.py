"""Sign-in throttling under a race: 50 wrong passwords at once for one account, against a real uvicorn
server on 127.0.0.1, are checked at most 5 times (SQLite and PostgreSQL); meanwhile a laptop that is
signed in already keeps pulling and pushing with its device token."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest
import requests
import uvicorn

from sync.server import passwords
from sync.server.app import create_app
from sync.server.settings import Settings

from .helpers import PASSWORD, World, build_world, make_ops, shared_key_file
from .live import free_port

GUESSES = 50


@dataclass
class Served:
    url: str
    world: World


@pytest.fixture
def served(database_url: str) -> Iterator[Served]:
    app = create_app(Settings(database_url=database_url, key_file=shared_key_file()))
    world = build_world(app.state.storage)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    try:
        yield Served(f"http://127.0.0.1:{port}", world)
    finally:
        server.should_exit = True
        thread.join(30)


def test_fifty_parallel_wrong_passwords_are_checked_at_most_five_times(
    served: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[int] = []
    real = passwords.verify_password

    def counting(password: str, phc: str) -> bool:  # the real check, counted
        checked.append(1)
        return real(password, phc)

    signed_in = requests.post(f"{served.url}/auth/login", timeout=30, json={
        "username": "reviewer", "password": PASSWORD, "device_name": "Laptop"}).json()["token"]
    monkeypatch.setattr(passwords, "verify_password", counting)
    auth = {"Authorization": f"Bearer {signed_in}"}
    rid = served.world.review_id
    barrier = threading.Barrier(GUESSES)

    def guess(i: int) -> int:
        with requests.Session() as session:
            barrier.wait()
            return session.post(f"{served.url}/auth/login", timeout=60, json={
                "username": "reviewer", "password": f"wrong guess {i}", "device_name": "Hammer"}).status_code

    def keep_syncing() -> list[int]:
        statuses = []
        for n in range(5):
            statuses.append(requests.get(f"{served.url}/reviews/{rid}/ops", headers=auth, timeout=60).status_code)
            batch = make_ops(rid, served.world.users["reviewer"], 1, device="laptop-1", start_seq=n + 1)
            statuses.append(requests.post(f"{served.url}/reviews/{rid}/ops", headers=auth, timeout=60,
                                          json={"ops": batch}).status_code)
        return statuses

    with ThreadPoolExecutor(GUESSES + 1) as pool:
        laptop = pool.submit(keep_syncing)
        answers = list(pool.map(guess, range(GUESSES)))
        synced = laptop.result()
    print(f"\n{GUESSES} parallel wrong passwords: the password was checked {len(checked)} times")
    assert len(checked) <= 5
    assert answers.count(401) == len(checked) and answers.count(429) == GUESSES - len(checked)
    assert synced == [200] * 10  # the signed-in laptop was never throttled
    # the right password is throttled too for now (no new device), but the device token still works
    right = requests.post(f"{served.url}/auth/login", timeout=30, json={
        "username": "reviewer", "password": PASSWORD, "device_name": "Laptop 2"})
    assert right.status_code == 429 and int(right.headers["Retry-After"]) > 0
    assert len(checked) <= 5
    assert requests.get(f"{served.url}/reviews/{rid}/ops", headers=auth, timeout=30).status_code == 200
