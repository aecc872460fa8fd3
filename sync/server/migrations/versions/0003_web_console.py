"""The web console: people's roles (server administrator, headteacher), school clusters, browser
sessions, and what the lead released of each review's outcome.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = 36


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("headteacher", sa.Boolean, nullable=False, server_default=sa.false()))
    with op.batch_alter_table("schools") as batch:
        batch.add_column(sa.Column("cluster", sa.Text, nullable=True))
    op.create_table(
        "web_sessions",
        sa.Column("id", sa.String(ID), primary_key=True),
        sa.Column("user_id", sa.String(ID), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("browser", sa.Text, nullable=False),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
        sa.Column("expires_ms", sa.BigInteger, nullable=False),
        sa.Column("revoked_ms", sa.BigInteger, nullable=True),
        sa.Column("last_seen_ms", sa.BigInteger, nullable=True),
    )
    op.create_index("ix_web_sessions_user_id", "web_sessions", ["user_id"])
    op.create_table(
        "review_releases",
        sa.Column("review_id", sa.String(ID), sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("findings", sa.Boolean, nullable=False),
        sa.Column("priority", sa.Boolean, nullable=False),
        sa.Column("actions", sa.Boolean, nullable=False),
        sa.Column("checkin", sa.Boolean, nullable=False),
        sa.Column("head_consent", sa.Boolean, nullable=False),
        sa.Column("consent_date", sa.String(10), nullable=False),
        sa.Column("released_by", sa.String(ID), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("released_ms", sa.BigInteger, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("review_releases")
    op.drop_table("web_sessions")
    with op.batch_alter_table("schools") as batch:
        batch.drop_column("cluster")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("headteacher")
        batch.drop_column("is_admin")
