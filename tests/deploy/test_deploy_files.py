"""The deployment files say only what the server understands: every command in them parses, every
variable they set is a real setting, the server's requirements equal pyproject's floors, and
docs/operations.md documents every setting. (No container runtime here: the image's build steps run in
test_dockerfile_steps.py.)"""

from __future__ import annotations

import configparser
import re
import shlex
import tomllib
from pathlib import Path

import yaml

from sync.server.cli import build_parser
from sync.server.env import documented
from sync.server.serve import ServeOptions
from sync.server.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
KNOWN = {variable for variable, _, _ in documented(Settings) + documented(ServeOptions)}


def _env_file(path: Path) -> dict[str, str]:
    pairs = [line.split("=", 1) for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]
    return {k: v for k, v in pairs}


def _parses(argv: list[str]) -> None:
    build_parser().parse_args(argv)  # argparse exits (SystemExit) on anything it does not know


def test_operations_md_documents_every_setting() -> None:
    text = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    missing = sorted(v for v in KNOWN if f"`{v}`" not in text)
    assert not missing, f"docs/operations.md does not document {missing}"


def test_server_requirements_are_pyprojects_floors() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {re.split(r"[<>=;\[ ]", r, maxsplit=1)[0].lower(): r.split(";")[0].strip()
                for r in project["dependencies"] + project["optional-dependencies"]["server"]}
    lines = [line.strip() for line in (DEPLOY / "requirements-server.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    assert lines, "no requirements"
    for line in lines:
        name = re.split(r"[<>=\[ ]", line, maxsplit=1)[0].lower()
        assert declared.get(name) == line, f"{line} differs from pyproject.toml's {declared.get(name)}"
    assert {"fastapi", "uvicorn", "sqlalchemy", "alembic", "cryptography", "psycopg"} <= {
        re.split(r"[<>=\[ ]", line, maxsplit=1)[0].lower() for line in lines}
    assert not any("pyside" in line.lower() or "sqlcipher" in line.lower() for line in lines)
    missing = [r for r in project["optional-dependencies"]["server"] if r not in lines]
    assert not missing, f"the server image would lack {missing}"


def test_env_example_sets_only_known_settings() -> None:
    env = _env_file(DEPLOY / "spp-server.env.example")
    assert set(env) <= KNOWN, set(env) - KNOWN
    assert int(env["SPP_SERVER_DB_POOL_SIZE"]) + int(env["SPP_SERVER_DB_MAX_OVERFLOW"]) <= 30


def test_compose_runs_postgres_migrations_then_the_server_behind_caddy() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["migrate"]["command"] == ["db", "upgrade"]
    assert services["server"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("migrate", "server"):
        _parses(services[name]["command"])
        assert (DEPLOY / services[name]["env_file"]).with_suffix(".env.example").exists()
        assert "spp-server.key" in services[name]["secrets"]
    assert "ports" not in services["server"], "only Caddy is reachable from outside"
    assert services["caddy"]["image"].startswith("caddy:")
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    assert "reverse_proxy server:8000" in caddyfile and "health_uri /ready" in caddyfile
    build = services["migrate"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == (DEPLOY / "Dockerfile").resolve()


def test_systemd_unit_upgrades_then_serves() -> None:
    unit = configparser.ConfigParser(strict=False, interpolation=None)
    unit.optionxform = str  # type: ignore[assignment,method-assign]
    unit.read_string((DEPLOY / "spp-server.service").read_text())
    service = unit["Service"]
    pre, start = shlex.split(service["ExecStartPre"]), shlex.split(service["ExecStart"])
    assert pre[0].endswith("/bin/spp-server") and pre[1:] == ["db", "upgrade"]
    assert start[0].endswith("/bin/spp-server") and start[1:] == ["serve"]
    _parses(pre[1:])
    _parses(start[1:])
    assert set(service["RestartPreventExitStatus"].split()) == {"3", "4"}  # cli.EXIT_SETTINGS, EXIT_DATABASE
    assert service["User"] == "spp" and service["NoNewPrivileges"] == "yes"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_dockerfile_runs_the_server_unprivileged_configured_by_environment() -> None:
    text = (DEPLOY / "Dockerfile").read_text()
    assert re.search(r"^USER spp$", text, re.M)
    env = dict(re.findall(r"(SPP_SERVER_\w+)=(\S+)", text))
    assert set(env) <= KNOWN and env["SPP_SERVER_HOST"] == "0.0.0.0"
    assert '["spp-server"]' in text and 'CMD ["serve"]' in text
    assert "/ready" in text  # the health check asks for readiness
    for source in re.findall(r"^COPY (\S+) ", text, re.M):
        assert (ROOT / source).exists(), source
