"""Engines and migrations: SQLite (a file, the default) or PostgreSQL (psycopg 3) by URL."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")
# Handlers run in anyio's worker threads (40 by default): a pool as large never makes a thread wait for a
# connection, nor opens and closes overflow connections under load (each SQLite connect runs 4 PRAGMAs).
WORKER_THREADS = 40


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use psycopg 3 for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            pool_size=WORKER_THREADS,
            max_overflow=8,
        )
        _sqlite_pragmas(engine)
        return engine
    # PostgreSQL connections cost the database server more: keep 20, allow a worker thread each at peaks.
    return create_engine(
        url, pool_size=WORKER_THREADS // 2, max_overflow=WORKER_THREADS // 2, pool_pre_ping=True
    )


def _sqlite_pragmas(engine: Engine) -> None:
    """WAL so readers never wait for the writer; writes take the lock up front (BEGIN IMMEDIATE) so two
    concurrent write transactions queue on busy_timeout instead of failing with 'database is locked'."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def upgrade(engine: Engine) -> None:
    """`alembic upgrade head` on this engine's database."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()
