"""Planning register: ``kennung``, the planner's own numbering of measures and goals ("M-12", "T1").

An import keeps a text in the ``id`` column as ``kennung`` instead of refusing the row;
a later import with the same ``kennung`` edits that record.

Revision ID: p0003_kennung
Revises: p0002_list_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "p0003_kennung"
down_revision = "p0002_list_indexes"
branch_labels = None
depends_on = None

TABLES = ("plan_measures", "plan_goals")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("kennung", sa.String(64), nullable=False, server_default=""))
        op.create_index(f"ix_{table}_kennung", table, ["kennung"])


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(f"ix_{table}_kennung", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("kennung")
