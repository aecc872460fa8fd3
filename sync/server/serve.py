"""`spp-server serve`: check the settings and the schema, set up JSON logs, run uvicorn.

Every option has an environment variable (SPP_SERVER_HOST, SPP_SERVER_PORT ...; the command line wins),
so a container or a systemd unit is configured by environment alone. The server refuses to start on a
database whose schema is behind this version (run `spp-server db upgrade`, or serve with --migrate /
SPP_SERVER_MIGRATE=1) or ahead of it (a newer server migrated it).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from .db import make_engine, schema_status, upgrade
from .env import from_environment
from .settings import Settings

EXIT_SETTINGS, EXIT_DATABASE = 3, 4


class NotReady(Exception):
    """The database cannot be served as it is (schema behind or ahead, or unreachable)."""


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    ssl_certfile: str = ""
    ssl_keyfile: str = ""
    # Trust X-Forwarded-For/Proto from these proxy addresses (comma-separated), behind a reverse proxy.
    forwarded_allow_ips: str = ""
    log_level: str = field(default="info", metadata={"choices": ("debug", "info", "warning", "error")})
    log_format: str = field(default="json", metadata={"choices": ("json", "text")})
    migrate: bool = False  # run pending migrations (under the lock) before serving


def add_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", help="address to listen on (SPP_SERVER_HOST; default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (SPP_SERVER_PORT; default 8000)")
    serve.add_argument("--ssl-certfile", help="TLS certificate (SPP_SERVER_SSL_CERTFILE)")
    serve.add_argument("--ssl-keyfile", help="TLS private key (SPP_SERVER_SSL_KEYFILE)")
    serve.add_argument("--forwarded-allow-ips",
                       help="trust X-Forwarded-For/Proto from these proxy addresses (SPP_SERVER_FORWARDED_ALLOW_IPS)")
    serve.add_argument("--token-ttl-days", type=int, default=None)
    serve.add_argument("--max-attachment-bytes", type=int, default=None)
    serve.add_argument("--log-level", choices=("debug", "info", "warning", "error"),
                       help="SPP_SERVER_LOG_LEVEL (default info)")
    serve.add_argument("--log-format", choices=("json", "text"), help="SPP_SERVER_LOG_FORMAT (default json)")
    serve.add_argument("--migrate", action="store_true", default=None,
                       help="apply pending database migrations first (SPP_SERVER_MIGRATE=1)")


def check_schema(engine, migrate: bool) -> None:  # type: ignore[no-untyped-def]
    try:
        status = schema_status(engine)
    except Exception as exc:
        raise NotReady(f"The database cannot be reached ({type(exc).__name__}). Check SPP_SERVER_DATABASE "
                       "and that the database server is running.") from None
    if status.newer:
        raise NotReady(f"The database was migrated by a newer spp-server (revision {status.current}); this "
                       f"one needs {status.head}. Run the newer version.")
    if status.up_to_date:
        return
    if not migrate:
        where = "has no tables yet" if status.current is None else f"is at revision {status.current}"
        raise NotReady(f"The database {where}; this version needs {status.head}. Run 'spp-server db upgrade' "
                       "first (or serve with --migrate).")
    upgrade(engine, on_wait=lambda: print("Waiting for another process to finish migrating...", file=sys.stderr))


def cmd_serve(args: argparse.Namespace, database_url: str | None, key_file: str | None) -> int:
    import uvicorn

    from . import logs
    from .app import create_app

    options = from_environment(ServeOptions, host=args.host, port=args.port, ssl_certfile=args.ssl_certfile,
                               ssl_keyfile=args.ssl_keyfile, forwarded_allow_ips=args.forwarded_allow_ips,
                               log_level=args.log_level, log_format=args.log_format, migrate=args.migrate)
    settings = Settings.from_env(database_url=database_url, key_file=key_file, token_ttl_days=args.token_ttl_days,
                                 max_attachment_bytes=args.max_attachment_bytes, run_migrations=False)
    log_config = logs.configure(options.log_format, options.log_level)
    engine = make_engine(settings.database_url, 2, 0)  # the migration lock holds one connection
    try:
        check_schema(engine, options.migrate)
    finally:
        engine.dispose()
    uvicorn.run(
        create_app(settings),
        host=options.host,
        port=options.port,
        ssl_certfile=options.ssl_certfile or None,
        ssl_keyfile=options.ssl_keyfile or None,
        proxy_headers=bool(options.forwarded_allow_ips),
        forwarded_allow_ips=options.forwarded_allow_ips or None,
        log_level=options.log_level,
        log_config=log_config,
        access_log=False,  # logs.RequestLog writes one line per request, with its id
        server_header=False,
    )
    return 0
