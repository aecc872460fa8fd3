"""Engines and migrations: SQLite (a file, the default) or PostgreSQL (psycopg 3) by URL.

Migrations run only when asked (`spp-server db upgrade`, or `serve --migrate`), under a lock so two
processes never migrate at once: PostgreSQL's advisory lock, or a lock file beside the SQLite file.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")
# Handlers run in anyio's worker threads (40 by default): a pool as large never makes a thread wait for a
# connection, nor opens and closes overflow connections under load (each SQLite connect runs 4 PRAGMAs).
WORKER_THREADS = 40
POOL_SIZE, MAX_OVERFLOW = 10, 10  # PostgreSQL, per process (Settings.db_pool_size / db_max_overflow)
_LOCK_KEY = 0x5350_5053_594E  # pg_advisory_lock key: "SPPSYN"


def normalise_url(url: str) -> str:
    """Accept postgres:// and postgresql:// and use psycopg 3 for them."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def make_engine(url: str, pool_size: int = POOL_SIZE, max_overflow: int = MAX_OVERFLOW) -> Engine:
    """An engine for the URL. PostgreSQL keeps at most pool_size + max_overflow connections open; a
    request thread beyond that waits for one (pool_timeout) rather than opening more."""
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
    # PostgreSQL connections cost the database server more (and max_connections is shared by every
    # process): a bounded pool; pre-ping replaces connections the server closed (restart, idle timeout).
    return create_engine(url, pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True)


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


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None  # the revision the database is at (None: no tables yet)
    head: str  # the revision this version of the server needs

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def newer(self) -> bool:
        """The database was migrated by a newer server than this one."""
        return self.current is not None and self.current not in _known_revisions()


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def schema_status(engine: Engine) -> SchemaStatus:
    """Where the database's schema is, against what this server needs (read only)."""
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    return SchemaStatus(current, head or "")


@contextlib.contextmanager
def migration_lock(engine: Engine, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Held while migrating: a second process waits here (after calling on_wait once) until the first
    is done, then finds nothing left to do."""
    if is_sqlite(engine):
        database = engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with _file_lock(Path(database + ".migrate-lock"), on_wait):
            yield
        return
    with engine.connect() as conn:
        got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _LOCK_KEY}).scalar()
        if not got:
            if on_wait:
                on_wait()
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
            conn.commit()


@contextlib.contextmanager
def _file_lock(path: Path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    if sys.platform == "win32":  # pragma: no cover - the server is deployed on Linux
        yield
        return
    import fcntl

    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade(engine: Engine, on_wait: Callable[[], None] | None = None) -> None:
    """`alembic upgrade head` on this engine's database, under the migration lock."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with migration_lock(engine, on_wait), engine.connect() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()


def backup_sqlite(engine: Engine, target: Path) -> None:
    """A consistent copy of a live SQLite database (SQLite's online backup: the server may keep running).
    PostgreSQL is backed up with pg_dump (docs/operations.md)."""
    if not is_sqlite(engine):
        raise ValueError("only a SQLite database is backed up this way; for PostgreSQL use pg_dump")
    import sqlite3

    source = sqlite3.connect(engine.url.database or "", timeout=30)
    try:
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()


def ping(engine: Engine) -> None:
    """One round trip to the database (for /ready); raises if it cannot answer."""
    with engine.connect() as conn:
        conn.execute(text("SELECT 1")).scalar()
