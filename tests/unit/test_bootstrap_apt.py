"""scripts/bootstrap.sh waits while another installation holds the package manager's lock, and fails at
once on any other error. Exercised with a stand-in for apt-get that reports the lock twice."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOCKED = "E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)"


def _run(tmp_path: Path, failures: int, message: str) -> subprocess.CompletedProcess[str]:
    fake = tmp_path / "fake-apt-get"
    count = tmp_path / "count"
    fake.write_text(f"""#!/usr/bin/env bash
n=$(cat {count} 2>/dev/null || echo 0); echo $((n + 1)) > {count}
if [ "$n" -lt {failures} ]; then echo "{message}" >&2; exit 100; fi
echo "installed"
""")
    fake.chmod(0o755)
    script = f'. {ROOT / "scripts/lib/apt_wait.sh"}; apt_wait {fake} install -y thing'
    return subprocess.run(["bash", "-c", script], capture_output=True, text=True, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "SPP_APT_LOCK_PAUSE": "0", "SPP_APT_LOCK_TRIES": "5"})


def test_waits_for_the_lock_then_installs(tmp_path: Path):
    result = _run(tmp_path, failures=2, message=LOCKED)
    assert result.returncode == 0 and result.stdout.strip() == "installed"
    assert "waiting for it to finish" in result.stderr
    assert (tmp_path / "count").read_text().strip() == "3"


def test_other_errors_fail_at_once(tmp_path: Path):
    result = _run(tmp_path, failures=5, message="E: Unable to locate package thing")
    assert result.returncode == 1 and "Unable to locate package" in result.stderr
    assert (tmp_path / "count").read_text().strip() == "1"


def test_gives_up_after_its_tries(tmp_path: Path):
    result = _run(tmp_path, failures=99, message=LOCKED)
    assert result.returncode == 1 and "Could not get lock" in result.stderr
    assert (tmp_path / "count").read_text().strip() == "5"
