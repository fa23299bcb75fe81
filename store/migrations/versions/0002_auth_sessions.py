"""Revocable server-side login sessions (only the SHA-256 of each token is stored).

Revision ID: 0002_auth_sessions
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_auth_sessions"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "auth_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("previous_hash", sa.String(64), index=True),
        sa.Column("rotated_at", _TS),
        sa.Column("client_hash", sa.String(64), nullable=False, server_default=""),
        sa.Column("created", _TS, nullable=False),
        sa.Column("last_seen", _TS, nullable=False),
        sa.Column("expires", _TS, nullable=False),
        sa.Column("revoked_at", _TS),
    )


def downgrade() -> None:
    op.drop_table("auth_sessions")
