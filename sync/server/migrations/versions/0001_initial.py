"""The first schema: partnerships, schools, users, reviews and teams, devices, the op log, attachments.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = 36


def upgrade() -> None:
    op.create_table(
        "partnerships",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("name", sa.Text, nullable=False, unique=True),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "schools",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("partnership_id", sa.String(ID), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_schools_partnership_id", "schools", ["partnership_id"])
    op.create_table(
        "users",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("username", sa.String(200), nullable=False, unique=True),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("partnership_id", sa.String(ID), sa.ForeignKey("partnerships.id"), nullable=True),
        sa.Column("school_id", sa.String(ID), sa.ForeignKey("schools.id"), nullable=True),
        sa.Column("partnership_lead", sa.Boolean, nullable=False),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_users_partnership_id", "users", ["partnership_id"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("partnership_id", sa.String(ID), sa.ForeignKey("partnerships.id"), nullable=False),
        sa.Column("host_school_id", sa.String(ID), sa.ForeignKey("schools.id"), nullable=False),
        sa.Column("start_date", sa.String(10), nullable=False),
        sa.Column("end_date", sa.String(10), nullable=False),
        sa.Column("package", sa.Text, nullable=False),
        sa.Column("team_key", sa.String(64), nullable=False),
        sa.Column("last_seq", sa.BigInteger, nullable=False),
        sa.Column("last_activity_ms", sa.BigInteger, nullable=True),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_reviews_partnership_id", "reviews", ["partnership_id"])
    op.create_table(
        "review_team",
        sa.Column("review_id", sa.String(ID), sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("user_id", sa.String(ID), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("role", sa.String(32), nullable=False),
    )
    op.create_index("ix_review_team_user", "review_team", ["user_id"])
    op.create_table(
        "devices",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("user_id", sa.String(ID), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
        sa.Column("expires_ms", sa.BigInteger, nullable=False),
        sa.Column("revoked_ms", sa.BigInteger, nullable=True),
        sa.Column("last_seen_ms", sa.BigInteger, nullable=True),
    )
    op.create_index("ix_devices_user_id", "devices", ["user_id"])
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("at_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_login_failures_key", "login_failures", ["key_hash", "at_ms"])
    op.create_table(
        "ops",
        sa.Column("review_id", sa.String(ID), sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("op_id", sa.String(ID), primary_key=True),
        sa.Column("seq", sa.BigInteger, nullable=False),
        sa.Column("device_id", sa.String(100), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("received_ms", sa.BigInteger, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.create_index("ux_ops_review_seq", "ops", ["review_id", "seq"], unique=True)
    op.create_table(
        "attachments",
        sa.Column("review_id", sa.String(ID), sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("length", sa.BigInteger, nullable=False),
        sa.Column("stored", sa.BigInteger, nullable=False),
        sa.Column("complete", sa.Boolean, nullable=False),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "attachment_chunks",
        sa.Column("review_id", sa.String(ID), primary_key=True),
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("offset", sa.BigInteger, primary_key=True),
        sa.Column("data", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for name in (
        "attachment_chunks",
        "attachments",
        "ops",
        "login_failures",
        "devices",
        "review_team",
        "reviews",
        "users",
        "schools",
        "partnerships",
    ):
        op.drop_table(name)
