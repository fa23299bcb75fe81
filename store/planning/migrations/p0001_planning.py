"""Planning register: fields of action (default list), partners, goals, measures, links, history.

Revision ID: p0001_planning
Depends on: 0001_initial (users, audit_log)
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "p0001_planning"
down_revision = None
branch_labels = ("planning",)
depends_on = "0001_initial"

_TS = sa.DateTime(timezone=True)
DEFAULT_FIELDS = (
    "Armut und Grundsicherung",
    "Kinder Jugend Familie",
    "Alter und Pflege",
    "Wohnen",
    "Arbeit",
    "Integration",
    "Teilhabe und Behinderung",
    "Gesundheit",
)


def _versioned() -> list[sa.Column[Any]]:
    return [
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("created", _TS, nullable=False),
        sa.Column("updated", _TS, nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False, server_default=""),
    ]


def _link(name: str, col: str, col_type: Any, target: str | None = None) -> None:
    second = (
        sa.Column(col, col_type, sa.ForeignKey(target, ondelete="CASCADE"), primary_key=True)
        if target
        else sa.Column(col, col_type, primary_key=True)
    )
    op.create_table(
        name,
        sa.Column("measure_id", sa.Integer, sa.ForeignKey("plan_measures.id", ondelete="CASCADE"), primary_key=True),
        second,
    )


def upgrade() -> None:
    fields = op.create_table(
        "plan_fields",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("position", sa.Integer, nullable=False, server_default="0"),
    )
    op.bulk_insert(fields, [{"name": n, "position": i} for i, n in enumerate(DEFAULT_FIELDS)])
    op.create_table(
        "plan_partners",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("organisation", sa.String(200), nullable=False, unique=True),
        sa.Column("kind", sa.String(80), nullable=False, server_default=""),
        sa.Column("contact", sa.String(300), nullable=False, server_default=""),
        sa.Column("fields", sa.JSON, nullable=False),
        sa.Column("areas", sa.JSON, nullable=False),
        *_versioned(),
    )
    op.create_table(
        "plan_goals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("field_id", sa.Integer, sa.ForeignKey("plan_fields.id"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("indicator", sa.String(64), nullable=False),
        sa.Column("geography", sa.String(48), nullable=False),
        sa.Column("baseline_year", sa.Integer, nullable=False),
        sa.Column("target_value", sa.Float, nullable=False),
        sa.Column("target_year", sa.Integer, nullable=False),
        *_versioned(),
    )
    op.create_table(
        "plan_goal_areas",
        sa.Column("goal_id", sa.Integer, sa.ForeignKey("plan_goals.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("area_code", sa.String(32), primary_key=True),
    )
    op.create_table(
        "plan_measures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("description", sa.Text, nullable=False, server_default=""),
        sa.Column("field_id", sa.Integer, sa.ForeignKey("plan_fields.id"), nullable=False),
        sa.Column("geography", sa.String(48), nullable=False),
        sa.Column("location", sa.JSON),
        sa.Column("responsible", sa.String(200), nullable=False, server_default=""),
        sa.Column("start_date", sa.Date),
        sa.Column("end_date", sa.Date),
        sa.Column("budget_planned", sa.Float),
        sa.Column("budget_spent", sa.Float),
        sa.Column("status", sa.String(16), nullable=False, server_default="geplant"),
        *_versioned(),
        sa.CheckConstraint(
            "status IN ('geplant', 'laufend', 'abgeschlossen', 'abgebrochen')", name="ck_plan_measures_status"
        ),
    )
    _link("plan_measure_areas", "area_code", sa.String(32))
    _link("plan_measure_partners", "partner_id", sa.Integer, "plan_partners.id")
    _link("plan_measure_goals", "goal_id", sa.Integer, "plan_goals.id")
    _link("plan_measure_indicators", "indicator", sa.String(64))
    op.create_table(
        "plan_milestones",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "measure_id", sa.Integer, sa.ForeignKey("plan_measures.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("due", sa.Date),
        sa.Column("done", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "plan_history",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("entity", sa.String(16), nullable=False, index=True),
        sa.Column("entity_id", sa.Integer, nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("time", _TS, nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("changes", sa.JSON, nullable=False),
        sa.Column("snapshot", sa.JSON),
    )


def downgrade() -> None:
    for name in (
        "plan_history",
        "plan_milestones",
        "plan_measure_indicators",
        "plan_measure_goals",
        "plan_measure_partners",
        "plan_measure_areas",
        "plan_measures",
        "plan_goal_areas",
        "plan_goals",
        "plan_partners",
        "plan_fields",
    ):
        op.drop_table(name)
