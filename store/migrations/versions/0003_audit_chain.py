"""Hash-chain the audit log: each entry stores the previous entry's hash and the hash of that plus its own
content (store.audit.entry_hash); existing entries are chained here, in the order of their ids.

Revision ID: 0003_audit_chain
Revises: 0002_auth_sessions
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_audit_chain"
down_revision = "0002_auth_sessions"
branch_labels = None
depends_on = None

_TRIGGERS_SQLITE = {
    verb: (
        f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log ist nur fortschreibbar'); END"
    )
    for verb in ("UPDATE", "DELETE")
}


def _triggers(on: bool) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb, sql in _TRIGGERS_SQLITE.items():
            op.execute(sql if on else f"DROP TRIGGER IF EXISTS audit_log_no_{verb.lower()}")
    elif dialect == "postgresql":
        op.execute(f"ALTER TABLE audit_log {'ENABLE' if on else 'DISABLE'} TRIGGER audit_log_append_only")


def upgrade() -> None:
    from store.audit import entry_hash  # the one definition of the hash, also for the entries chained here

    op.add_column("audit_log", sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""))
    op.add_column("audit_log", sa.Column("entry_hash", sa.String(64), nullable=False, server_default=""))
    table = sa.table(
        "audit_log",
        sa.column("id", sa.Integer),
        sa.column("time", sa.DateTime(timezone=True)),
        sa.column("user_name", sa.String),
        sa.column("action", sa.String),
        sa.column("object", sa.String),
        sa.column("details", sa.JSON),
        sa.column("prev_hash", sa.String),
        sa.column("entry_hash", sa.String),
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            table.c.id, table.c.time, table.c.user_name, table.c.action, table.c.object, table.c.details
        ).order_by(table.c.id)
    ).all()
    if not rows:
        return
    _triggers(on=False)
    prev = ""
    for r in rows:
        digest = entry_hash(prev, r.time, r.user_name, r.action, r.object, r.details)
        bind.execute(sa.update(table).where(table.c.id == r.id).values(prev_hash=prev, entry_hash=digest))
        prev = digest
    _triggers(on=True)


def downgrade() -> None:
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("entry_hash")
        batch.drop_column("prev_hash")
