"""Server settings: one frozen object built by the CLI (or a test) and handed to create_app."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DATABASE = "sqlite:///spp-server.sqlite3"
VERSION = "0.1.0"


def megabytes(size: int) -> str:
    """A size for a message: '25 MB', '0.2 MB' (MB = 1024 * 1024 bytes)."""
    mb = size / (1024 * 1024)
    return f"{mb:.0f} MB" if mb >= 10 or mb == int(mb) else f"{mb:.1f} MB"


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE
    key_file: str | None = None  # the data key (data_key.py); the server refuses to start without one
    token_ttl_days: int = 30
    max_body_bytes: int = 64 * 1024 * 1024  # a push request (JSON); 413 payload_too_large above it
    max_attachment_bytes: int = 25 * 1024 * 1024
    login_max_failures: int = 5  # per username and per client address, within the window
    login_window_seconds: int = 15 * 60
    run_migrations: bool = True  # create_app runs `alembic upgrade head` on start

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        if os.environ.get("SPP_SERVER_DATABASE"):
            values["database_url"] = os.environ["SPP_SERVER_DATABASE"]
        if os.environ.get("SPP_SERVER_KEY_FILE"):
            values["key_file"] = os.environ["SPP_SERVER_KEY_FILE"]
        for name, env in (
            ("token_ttl_days", "SPP_SERVER_TOKEN_TTL_DAYS"),
            ("max_body_bytes", "SPP_SERVER_MAX_BODY_BYTES"),
            ("max_attachment_bytes", "SPP_SERVER_MAX_ATTACHMENT_BYTES"),
        ):
            if os.environ.get(env):
                values[name] = int(os.environ[env])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]
