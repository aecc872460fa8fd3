"""Signed operations: the server's signing key and the device keys it vouches for (docs/sync.md).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_identity",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("private_key", sa.Text, nullable=False),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_table(
        "device_keys",
        sa.Column("device_id", sa.String(100), primary_key=True),
        sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("public_key", sa.String(64), nullable=False),
        sa.Column("created_ms", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_device_keys_user", "device_keys", ["user_id"])


def downgrade() -> None:
    op.drop_index("ix_device_keys_user", "device_keys")
    op.drop_table("device_keys")
    op.drop_table("server_identity")
