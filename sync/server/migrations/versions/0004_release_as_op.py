"""What a lead released of a review's outcome is a `release` op (written on the laptop or by the web
console), kept in the op log like every other record: the table 0003 made for it goes.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_table("review_releases")


def downgrade() -> None:
    op.create_table(
        "review_releases",
        sa.Column("review_id", sa.String(36), sa.ForeignKey("reviews.id"), primary_key=True),
        sa.Column("findings", sa.Boolean, nullable=False),
        sa.Column("priority", sa.Boolean, nullable=False),
        sa.Column("actions", sa.Boolean, nullable=False),
        sa.Column("checkin", sa.Boolean, nullable=False),
        sa.Column("head_consent", sa.Boolean, nullable=False),
        sa.Column("consent_date", sa.String(10), nullable=False),
        sa.Column("released_by", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("released_ms", sa.BigInteger, nullable=False),
    )
