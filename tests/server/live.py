"""Start the real server process for tests (also used by the laptop's sync tests).

with start_live_server(tmp_path) as server:
    server.url, server.accounts, server.review_id, server.database_url
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class LiveServer:
    url: str
    accounts: list[dict[str, Any]]  # from `spp-server demo`: username, password, role, user_id
    review_id: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    key_file: str = ""  # the server's data key (SPP_SERVER_KEY_FILE in its environment)

    def account(self, role: str) -> dict[str, Any]:
        """The first account with this role: lead_reviewer, reviewer or not_on_team."""
        return next(a for a in self.accounts if a["role"] == role)

    def login(self, role: str = "reviewer", device_name: str = "Test laptop") -> str:
        account = self.account(role)
        r = requests.post(
            f"{self.url}/auth/login",
            timeout=30,
            json={
                "username": account["username"],
                "password": account["password"],
                "device_name": device_name,
            },
        )
        r.raise_for_status()
        return r.json()["token"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(key_file: str | Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("SPP_SERVER_DATABASE", None)
    if key_file:
        env["SPP_SERVER_KEY_FILE"] = str(key_file)
    return env


def make_key_file(folder: Path) -> Path:
    """A data key for a test server in `folder` (made once, then reused)."""
    from sync.server.data_key import create_key_file

    path = folder / "server.key"
    if not path.exists():
        create_key_file(path)
    return path


@contextmanager
def start_live_server(
    tmp_path: Path, database_url: str | None = None, timeout: float = 30.0, log_level: str = "warning"
) -> Iterator[LiveServer]:
    """Create the demo data, start `python -m sync.server.cli serve` on a free port, wait for /health."""
    database_url = database_url or f"sqlite:///{tmp_path}/live-server.sqlite3"
    key_file = make_key_file(tmp_path)
    env = _env(key_file)
    demo = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "demo", "--database", database_url],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if demo.returncode != 0:
        raise RuntimeError(f"spp-server demo failed: {demo.stderr[-2000:]}")
    data = json.loads(demo.stdout)
    port = free_port()
    log_path = tmp_path / f"live-server-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sync.server.cli",
                "serve",
                "--database",
                database_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                log_level,
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited: {log_path.read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the server did not answer /health in time")
            time.sleep(0.1)
        yield LiveServer(
            url, data["accounts"], data["server_review_id"], database_url, process, log_path, str(key_file)
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
