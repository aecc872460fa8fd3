"""The server's tables (SQLAlchemy Core). The schema itself is created by the Alembic migrations.

Times are integer milliseconds since the Unix epoch (portable across SQLite and PostgreSQL).
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

ID = 36  # a UUID as text

partnerships = Table(
    "partnerships",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("created_ms", BigInteger, nullable=False),
    Column("retention_months", Integer, nullable=True),  # NULL: the server's SPP_SERVER_RETENTION_MONTHS
)

schools = Table(
    "schools",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("partnership_id", String(ID), ForeignKey("partnerships.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("cluster", Text, nullable=True),  # the web console's filter (0003)
)

users = Table(
    "users",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("username", String(200), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),  # sealed (data_key.py)
    Column("password_hash", Text, nullable=False),
    Column("partnership_id", String(ID), ForeignKey("partnerships.id"), nullable=True, index=True),
    Column("school_id", String(ID), ForeignKey("schools.id"), nullable=True),
    Column("partnership_lead", Boolean, nullable=False, default=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("is_admin", Boolean, nullable=False, default=False, server_default=false()),  # 0003
    Column("headteacher", Boolean, nullable=False, default=False, server_default=false()),  # of school_id
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("partnership_id", String(ID), ForeignKey("partnerships.id"), nullable=False, index=True),
    Column("host_school_id", String(ID), ForeignKey("schools.id"), nullable=False),
    Column("start_date", String(10), nullable=False),
    Column("end_date", String(10), nullable=False),
    # Sealed under the server's data key (data_key.py): the package document (JSON) and the team key
    Column("package", Text, nullable=False),
    Column("team_key", Text, nullable=False),
    Column("last_seq", BigInteger, nullable=False, default=0),  # the review's op cursor
    Column("last_activity_ms", BigInteger, nullable=True),
    Column("created_ms", BigInteger, nullable=False),
)

team = Table(
    "review_team",
    metadata,
    Column("review_id", String(ID), ForeignKey("reviews.id"), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("role", String(32), nullable=False),  # lead_reviewer | reviewer
    Index("ix_review_team_user", "user_id"),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # SHA-256 hex of the bearer token
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=False),
    Column("revoked_ms", BigInteger, nullable=True),
    Column("last_seen_ms", BigInteger, nullable=True),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key_hash", String(64), nullable=False),  # SHA-256 of "user:<name>" or "client:<address>"
    Column("at_ms", BigInteger, nullable=False),
    Index("ix_login_failures_key", "key_hash", "at_ms"),
)

ops = Table(
    "ops",
    metadata,
    Column("review_id", String(ID), ForeignKey("reviews.id"), primary_key=True),
    Column("op_id", String(ID), primary_key=True),
    Column("seq", BigInteger, nullable=False),  # server receipt order within the review: the cursor
    Column("device_id", String(100), nullable=False),
    Column("author", String(100), nullable=False),
    Column("received_ms", BigInteger, nullable=False),
    Column("body", Text, nullable=False),  # canonical wire JSON, sealed (data_key.py)
    Index("ux_ops_review_seq", "review_id", "seq", unique=True),
)

attachments = Table(
    "attachments",
    metadata,
    Column("review_id", String(ID), ForeignKey("reviews.id"), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("length", BigInteger, nullable=False),
    Column("stored", BigInteger, nullable=False, default=0),  # bytes received so far (the offset)
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_ms", BigInteger, nullable=False),
)

attachment_chunks = Table(
    "attachment_chunks",
    metadata,
    Column("review_id", String(ID), primary_key=True),
    Column("sha256", String(64), primary_key=True),
    Column("offset", BigInteger, primary_key=True),
    Column("data", LargeBinary, nullable=False),  # sealed (data_key.py)
)

# --- the web console (0003) --------------------------------------------------------------------------
web_sessions = Table(
    "web_sessions",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), nullable=False, index=True),
    Column("token_hash", String(64), nullable=False, unique=True),  # SHA-256 hex of the cookie's token
    Column("browser", Text, nullable=False),
    Column("created_ms", BigInteger, nullable=False),
    Column("expires_ms", BigInteger, nullable=False),
    Column("revoked_ms", BigInteger, nullable=True),
    Column("last_seen_ms", BigInteger, nullable=True),
)

server_identity = Table(
    "server_identity",
    metadata,
    Column("id", Integer, primary_key=True),  # always 1
    Column("private_key", Text, nullable=False),  # the server's Ed25519 signing key, sealed (data_key.py)
    Column("public_key", String(64), nullable=False),  # base64: laptops pin it at first sign-in
    Column("created_ms", BigInteger, nullable=False),
)

device_keys = Table(
    "device_keys",
    metadata,
    # A laptop's op device id (its store's id, as in every op it signs) bound to a user and a public key.
    Column("device_id", String(100), primary_key=True),
    Column("user_id", String(ID), ForeignKey("users.id"), primary_key=True),
    Column("public_key", String(64), nullable=False),  # base64 of the 32-byte Ed25519 key
    Column("created_ms", BigInteger, nullable=False),
    Index("ix_device_keys_user", "user_id"),
)
