"""Encryption at rest: the sealed team key is longer than 64 characters, so reviews.team_key is TEXT.

Existing plain values stay readable; `spp-server key rotate` seals them (see sync/server/data_key.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("team_key", type_=sa.Text, existing_type=sa.String(64), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("team_key", type_=sa.String(64), existing_type=sa.Text, existing_nullable=False)
