"""Server settings: one frozen object built by the CLI (or a test) and handed to create_app.

Every field can come from the environment as SPP_SERVER_<FIELD> (SPP_SERVER_DATABASE for the URL),
checked by sync.server.env: a bad value is one plain sentence naming the variable. docs/operations.md
lists them all (a test keeps that list complete).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sync.protocol.schema import MAX_ATTACHMENT_BYTES

from .env import from_environment

DEFAULT_DATABASE = "sqlite:///spp-server.sqlite3"
VERSION = "0.1.0"


def megabytes(size: int) -> str:
    """A size for a message: '25 MB', '0.2 MB' (MB = 1024 * 1024 bytes)."""
    mb = size / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 10 or mb == int(mb) else f"{mb:.1f} MB"


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default=DEFAULT_DATABASE, metadata={"env": "SPP_SERVER_DATABASE"})
    key_file: str | None = None  # the data key (data_key.py); the server refuses to start without one
    token_ttl_days: int = 30
    # How long a review's evidence is kept: months after its check-in (or after its last day when it has
    # none); `spp-server admin purge-expired` removes it after that, keeping only the outcome.
    retention_months: int = 12
    # Request bodies are read whole, so these bound the server's memory: three pushes of 8 MB at once
    # stay under 200 MB (benchmarks/bench_server_memory.py). Laptops send at most 4 MB a push.
    max_body_bytes: int = 8 * 1024 * 1024  # a push request (JSON); 413 payload_too_large above it
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES
    max_chunk_bytes: int = 4 * 1024 * 1024  # one attachment PATCH (laptops send 1 MB chunks)
    login_max_failures: int = 5  # per username and per client address, within the window
    login_window_seconds: int = 15 * 60
    # PostgreSQL connections per server process: at most pool + overflow (20), so three processes stay
    # well inside PostgreSQL's default max_connections of 100 (docs/operations.md: sizing).
    db_pool_size: int = 10
    db_max_overflow: int = field(default=10, metadata={"min": 0})
    # create_app runs `alembic upgrade head` on start (tests, embedding). `spp-server serve` sets it
    # False and checks the schema itself: migrations are `spp-server db upgrade`, or serve --migrate.
    run_migrations: bool = field(default=True, metadata={"env": False})

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then SPP_SERVER_* variables, then the non-None overrides. Raises SettingsError."""
        return from_environment(cls, None, **overrides)
