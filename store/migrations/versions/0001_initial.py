"""Users, the registry of saved datasets and the append-only audit log.

Revision ID: 0001_initial
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = ("store",)
depends_on = None

_TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(255)),
        sa.Column("source", sa.String(16), nullable=False, server_default="local"),
        sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
        sa.Column("locked_until", _TS),
        sa.Column("created", _TS, nullable=False),
        sa.Column("last_login", _TS),
        sa.CheckConstraint("role IN ('viewer', 'planner', 'admin')", name="ck_users_role"),
    )
    op.create_table(
        "datasets",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(48), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("label_de", sa.String(200), nullable=False),
        sa.Column("label_en", sa.String(200), nullable=False, server_default=""),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("visibility", sa.String(16), nullable=False, server_default="intern"),
        sa.Column("folder", sa.String(255), nullable=False),
        sa.Column("layer", sa.String(64), nullable=False, server_default="areas"),
        sa.Column("reference_code", sa.String(32)),
        sa.Column("attribution", sa.String(1000), nullable=False, server_default=""),
        sa.Column("created", _TS, nullable=False),
        sa.Column("replaced_at", _TS),
        sa.Column("removed_at", _TS),
        sa.Column("removed_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.UniqueConstraint("name", "version", name="uq_datasets_name_version"),
        sa.CheckConstraint("visibility IN ('intern', 'öffentlich')", name="ck_datasets_visibility"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("time", _TS, nullable=False, index=True),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(32), nullable=False, index=True),
        sa.Column("object", sa.String(200), nullable=False, server_default=""),
        sa.Column("details", sa.JSON, nullable=False),
    )
    _append_only()


def _append_only() -> None:
    """Refuse UPDATE and DELETE on audit_log in the database itself."""
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log ist nur fortschreibbar'); END"
            )
    elif op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit_log ist nur fortschreibbar'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table("audit_log")
    op.drop_table("datasets")
    op.drop_table("users")
