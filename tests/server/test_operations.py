"""What a partnership's IT person relies on: settings from the environment with plain errors, migrations
only when asked and never two at once, liveness and readiness, JSON logs with request ids and no user
text, a bounded connection pool, and a backup + restore drill (database AND key file) as docs/operations.md
tells it. Real `spp-server` processes on 127.0.0.1 and real databases."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests
from fastapi.testclient import TestClient

from sync.server.app import create_app
from sync.server.db import make_engine, migration_lock, schema_status, upgrade
from sync.server.settings import Settings

from .helpers import postgres_schema_url
from .live import ROOT, _env, free_port, make_key_file, start_live_server


def spp_server(*args: str, env: dict[str, str], **kw) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "sync.server.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False, **kw)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_database(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/ops.sqlite3"
    else:
        with postgres_schema_url() as url:
            yield url


def test_version(tmp_path: Path) -> None:
    result = spp_server("--version", env=_env())
    assert result.returncode == 0 and result.stdout.startswith("spp-server 0.")


@pytest.mark.parametrize("variable, value, words", [
    ("SPP_SERVER_MAX_BODY_BYTES", "abc", "SPP_SERVER_MAX_BODY_BYTES must be a whole number"),
    ("SPP_SERVER_DB_POOL_SIZE", "0", "SPP_SERVER_DB_POOL_SIZE must be a whole number of at least 1"),
    ("SPP_SERVER_PORT", "eighty", "SPP_SERVER_PORT must be a whole number"),
    ("SPP_SERVER_LOG_FORMAT", "xml", "SPP_SERVER_LOG_FORMAT must be one of json, text"),
    ("SPP_SERVER_MIGRATE", "perhaps", "SPP_SERVER_MIGRATE must be 1 or 0"),
])
def test_a_bad_setting_is_one_plain_sentence(tmp_path: Path, variable: str, value: str, words: str) -> None:
    env = dict(_env(make_key_file(tmp_path)), **{variable: value})
    result = spp_server("serve", "--database", f"sqlite:///{tmp_path}/x.sqlite3", env=env)
    assert result.returncode == 3, result.stderr
    assert words in result.stderr and repr(value) in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_settings_come_from_the_environment_and_the_command_line_wins(monkeypatch) -> None:
    monkeypatch.setenv("SPP_SERVER_DB_POOL_SIZE", "4")
    monkeypatch.setenv("SPP_SERVER_DB_MAX_OVERFLOW", "0")
    monkeypatch.setenv("SPP_SERVER_TOKEN_TTL_DAYS", "7")
    settings = Settings.from_env(token_ttl_days=9)
    assert (settings.db_pool_size, settings.db_max_overflow, settings.token_ttl_days) == (4, 0, 9)
    # The pool is what the settings say; the default keeps 3 processes under PostgreSQL's 100.
    engine = make_engine("postgresql://u:p@127.0.0.1:1/x", settings.db_pool_size, settings.db_max_overflow)
    assert (engine.pool.size(), engine.pool._max_overflow) == (4, 0)  # type: ignore[attr-defined]
    default = Settings()
    assert 3 * (default.db_pool_size + default.db_max_overflow) < 100


def test_serve_refuses_an_old_schema_until_upgraded(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path}/fresh.sqlite3"
    env = _env(make_key_file(tmp_path))
    refused = spp_server("serve", "--database", db, "--port", str(free_port()), env=env)
    assert refused.returncode == 4 and "spp-server db upgrade" in refused.stderr
    assert schema_status(make_engine(db)).current is None  # serve touched nothing
    assert spp_server("db", "status", "--database", db, env=env).returncode == 4
    upgraded = spp_server("db", "upgrade", "--database", db, env=env)
    assert upgraded.returncode == 0 and "up to date" in upgraded.stdout
    assert spp_server("db", "status", "--database", db, env=env).returncode == 0


def test_a_second_migration_waits_for_the_first(any_database: str, tmp_path: Path) -> None:
    engine = make_engine(any_database)
    env = _env(make_key_file(tmp_path))
    with migration_lock(engine):  # as if another process were migrating right now
        process = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "db", "upgrade", "--database",
                                    any_database], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        try:
            first_line = process.stderr.readline()  # type: ignore[union-attr]
            assert "Waiting for another process to finish migrating" in first_line
            assert process.poll() is None
            assert schema_status(engine).current is None  # it has not started
        except BaseException:
            process.kill()
            raise
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert schema_status(engine).up_to_date
    engine.dispose()


def test_health_ready_request_ids_and_json_logs_without_user_text(tmp_path: Path) -> None:
    with start_live_server(tmp_path, log_level="info") as server:
        health = requests.get(f"{server.url}/health", timeout=10)
        ready = requests.get(f"{server.url}/ready", timeout=10)
        assert health.json()["status"] == "ok" and ready.json()["status"] == "ready"
        assert len(health.headers["X-Request-ID"]) == 32
        mine = requests.get(f"{server.url}/ready", headers={"X-Request-ID": "drill-42"}, timeout=10)
        assert mine.headers["X-Request-ID"] == "drill-42"
        odd = requests.get(f"{server.url}/ready", headers={"X-Request-ID": "no spaces allowed"}, timeout=10)
        assert odd.headers["X-Request-ID"] != "no spaces allowed"
        lead = server.account("lead_reviewer")
        bad = requests.post(f"{server.url}/auth/login", timeout=10, json={
            "username": lead["username"], "password": "Wrong-ZZSECRETZZ", "device_name": "ZZDEVICEZZ"})
        assert bad.status_code == 401
        requests.get(f"{server.url}/reviews/{server.review_id}/ops?after=0", timeout=10,
                     headers={"Authorization": f"Bearer {server.login('lead_reviewer')}"})
        server.process.terminate()
        server.process.wait(timeout=15)
        text = server.log_path.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]  # every line is JSON
    requests_logged = [entry for entry in lines if entry["message"] == "request"]
    assert {"request_id": "drill-42", "route": "/ready", "status": 200}.items() <= \
        next(e for e in requests_logged if e["request_id"] == "drill-42").items()
    assert {"route": "/auth/login", "status": 401}.items() <= \
        next(e for e in requests_logged if e["route"] == "/auth/login").items()
    assert any(e["route"] == "/reviews/{review_id}/ops" for e in requests_logged)
    for secret in ("ZZSECRETZZ", "ZZDEVICEZZ", lead["username"], server.review_id, "after=0"):
        assert secret not in text


def test_ready_says_503_when_the_database_is_unreachable(tmp_path: Path) -> None:
    settings = Settings(database_url=f"postgresql://spp:x@127.0.0.1:{free_port()}/spp", run_migrations=False,
                        key_file=str(make_key_file(tmp_path)))
    with TestClient(create_app(settings)) as client:
        assert client.get("/health").status_code == 200  # alive ...
        ready = client.get("/ready")  # ... but not ready
        assert ready.status_code == 503 and ready.json()["error"]["code"] == "database_unavailable"


def _export(database: str, review_id: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return spp_server("admin", "export-review", review_id, "--database", database, env=env)


def _content(export: subprocess.CompletedProcess[str]) -> dict:
    package = json.loads(export.stdout)
    package.pop("issued_at", None)  # when the export ran, not what it holds
    return package


def test_backup_and_restore_drill_sqlite(tmp_path: Path) -> None:
    """docs/operations.md, 'Restore drill': back up the database and the key file, lose both, restore."""
    live = tmp_path / "live"
    live.mkdir()
    with start_live_server(live) as server:
        env = _env(server.key_file)
        before = _export(server.database_url, server.review_id, env)
        assert before.returncode == 0
        backups = tmp_path / "backups"
        backups.mkdir()
        # While it serves: the online backup, and a copy of the key file kept apart.
        done = spp_server("db", "backup", "--database", server.database_url, "--to",
                          str(backups / "spp.sqlite3"), env=env)
        assert done.returncode == 0, done.stderr
        shutil.copy2(server.key_file, backups / "server.key")
    shutil.rmtree(live)  # the machine is lost

    restored = tmp_path / "restored"
    restored.mkdir()
    shutil.copy2(backups / "spp.sqlite3", restored / "spp.sqlite3")
    database = f"sqlite:///{restored}/spp.sqlite3"
    (tmp_path / "other").mkdir()
    without_key = _export(database, server.review_id, _env(make_key_file(tmp_path / "other")))
    assert without_key.returncode != 0 and "Traceback" not in without_key.stderr  # another key opens nothing
    shutil.copy2(backups / "server.key", restored / "server.key")
    env = _env(restored / "server.key")
    assert spp_server("db", "status", "--database", database, env=env).returncode == 0
    after = _export(database, server.review_id, env)
    assert after.returncode == 0 and _content(after) == _content(before)


@pytest.mark.postgres
def test_backup_and_restore_drill_postgresql(tmp_path: Path) -> None:
    """pg_dump -Fc while it serves, then pg_restore into an emptied database, with the key file."""
    url = os.environ.get("SPP_TEST_POSTGRES_URL")
    bindir = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not url or not bindir:
        pytest.skip("PostgreSQL not available: set SPP_TEST_POSTGRES_URL")
    from sqlalchemy.engine import make_url
    with postgres_schema_url() as schema_url:
        parsed = make_url(schema_url)
        schema = dict(parsed.query).get("options", "").split("search_path=")[-1] or "public"
        pg_env = dict(os.environ, PGPASSWORD=parsed.password or "")
        conn = ["-h", parsed.host or "127.0.0.1", "-p", str(parsed.port), "-U", parsed.username or "",
                "-d", parsed.database or ""]
        with start_live_server(tmp_path, database_url=schema_url) as server:
            env = _env(server.key_file)
            before = _export(schema_url, server.review_id, env)
            assert before.returncode == 0, before.stderr
            dump = tmp_path / "spp.dump"
            subprocess.run([str(bindir[-1] / "pg_dump"), *conn, "-Fc", "-n", schema, "-f", str(dump)],
                           env=pg_env, check=True, timeout=120)
        key_copy = tmp_path / "server.key.backup"
        shutil.copy2(server.key_file, key_copy)
        engine = make_engine(schema_url)
        with engine.begin() as c:  # the disaster: every table gone
            from sqlalchemy import text
            c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
        subprocess.run([str(bindir[-1] / "pg_restore"), *conn, "--no-owner", str(dump)],
                       env=pg_env, check=True, timeout=120)
        after = _export(schema_url, server.review_id, _env(key_copy))
        assert after.returncode == 0, after.stderr
        assert _content(after) == _content(before)


def test_upgrade_is_a_no_op_when_up_to_date(any_database: str) -> None:
    engine = make_engine(any_database)
    upgrade(engine)
    upgrade(engine)
    assert schema_status(engine).up_to_date
    engine.dispose()
