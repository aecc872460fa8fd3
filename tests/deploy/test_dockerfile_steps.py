"""deploy/Dockerfile's steps, run for real without a container runtime: its COPY lines fill a build
folder, its RUN lines run there (the image's venv path pointed at a fresh virtualenv), then the installed
`spp-server` runs with the image's environment: key create, db upgrade, serve; /health, /ready and the
image's own HEALTHCHECK command answer, and the log is JSON. The `useradd` step is skipped (it changes
the machine's users); the image's user and base are checked in test_deploy_files.py.

It installs from the package index (about a minute), so it runs only with SPP_CHECK_DEPLOY=1 (.ci/run sets it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.server.live import free_port

ROOT = Path(__file__).resolve().parents[2]
IMAGE_VENV = "/opt/spp-server/venv"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("SPP_CHECK_DEPLOY") != "1", reason="set SPP_CHECK_DEPLOY=1 (installs packages)"),
]


def _instructions(text: str) -> list[tuple[str, str]]:
    joined = re.sub(r"\\\n\s*", " ", text)
    return [(m.group(1), m.group(2).strip()) for m in re.finditer(r"^(FROM|RUN|COPY|ENV|WORKDIR|USER|HEALTHCHECK|"
                                                                  r"ENTRYPOINT|CMD|EXPOSE) (.*)$", joined, re.M)]


def test_the_image_steps_install_a_server_that_serves(tmp_path: Path) -> None:
    steps = _instructions((ROOT / "deploy" / "Dockerfile").read_text())
    build, venv = tmp_path / "build", tmp_path / "venv"
    build.mkdir()
    env: dict[str, str] = {}
    healthcheck = ""
    for kind, arg in steps:
        if kind == "COPY":
            *sources, dest = arg.split()
            for source in sources:
                target = build / dest
                if (ROOT / source).is_dir():
                    shutil.copytree(ROOT / source, target, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    target = target / Path(source).name if dest.endswith("/") else target
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(ROOT / source, target)
        elif kind == "RUN" and not arg.startswith("useradd"):
            command = arg.replace(IMAGE_VENV, str(venv))
            command = re.sub(r"^python ", f"{sys.executable} ", command)
            done = subprocess.run(command, shell=True, cwd=build, capture_output=True, text=True, timeout=900)
            assert done.returncode == 0, f"RUN {arg}\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        elif kind == "ENV":
            env.update(dict(re.findall(r"(\w+)=(\S+)", arg)))
        elif kind == "HEALTHCHECK":
            healthcheck = arg.split(" CMD ", 1)[1]
    assert not list((venv / "lib").glob("python*/site-packages/PySide6")), "the server image has no Qt"
    assert not list((venv / "lib").glob("python*/site-packages/sqlcipher3")), "nor SQLCipher"
    # the web console's head's page renders the feedback summary with the image's fonts (in Welsh: DejaVu)
    # and the image's Welsh catalogue (the .ts, read without Qt)
    resources = env["SPP_RESOURCES_DIR"].replace("/opt/spp-server", str(build))
    pdf_check = ("from spp_desktop.reports.fonts import register_fonts; import spp_reports; "
                 "from spp_desktop.reports.labels import Labels; "
                 "from spp_desktop.reports.improvement_labels import ImprovementWords; "
                 "print(register_fonts(), Labels('cy')['title'], Labels('cy').domain('Lesson observation'), "
                 "ImprovementWords('cy').role('governor'), sep='|')")
    done = subprocess.run([str(venv / "bin" / "python"), "-c", pdf_check], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "SPP_RESOURCES_DIR": resources})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "DejaVuSans|Crynodeb adborth|Arsylwi gwers|Llywodraethwr", done.stdout

    port = free_port()
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    run_env.update({k: v for k, v in env.items() if k.startswith("SPP_SERVER_")})
    run_env.update(PATH=f"{venv}/bin:{os.environ['PATH']}", SPP_SERVER_HOST="127.0.0.1",  # loopback only here
                   SPP_SERVER_PORT=str(port), SPP_SERVER_KEY_FILE=str(tmp_path / "server.key"),
                   SPP_SERVER_DATABASE=f"sqlite:///{tmp_path}/spp.sqlite3")
    data = tmp_path / "data"
    data.mkdir()
    spp = str(venv / "bin" / "spp-server")
    for argv in (["--version"], ["key", "create"], ["db", "upgrade"]):
        done = subprocess.run([spp, *argv], env=run_env, cwd=data, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen([spp, "serve"], env=run_env, cwd=data, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            if server.poll() is not None:
                raise AssertionError((tmp_path / "server.log").read_text())
            try:
                if requests.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        assert requests.get(f"{url}/ready", timeout=5).json()["status"] == "ready"
        probe = healthcheck.replace("127.0.0.1:8000", f"127.0.0.1:{port}").replace("python ", f"{venv}/bin/python ", 1)
        assert subprocess.run(probe, shell=True, timeout=30).returncode == 0, probe
    finally:
        server.terminate()
        server.wait(timeout=15)
        log.close()
    lines = [json.loads(line) for line in (tmp_path / "server.log").read_text().splitlines() if line.strip()]
    assert any(entry.get("route") == "/ready" and entry.get("status") == 200 for entry in lines)
