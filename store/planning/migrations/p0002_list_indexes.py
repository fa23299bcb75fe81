"""Planning register: indexes for the filtered list of measures (field, area, status, partner, period).

Revision ID: p0002_list_indexes
Revises: p0001_planning
"""

from __future__ import annotations

from alembic import op

revision = "p0002_list_indexes"
down_revision = "p0001_planning"
branch_labels = None
depends_on = None

# (name, table, columns): the same as the models' ``__table_args__`` (store/planning/models.py)
INDEXES = (
    ("ix_plan_measures_geo_field_status", "plan_measures", ["geography", "field_id", "status"]),
    ("ix_plan_measures_geo_status", "plan_measures", ["geography", "status"]),
    ("ix_plan_measures_period", "plan_measures", ["start_date", "end_date"]),
    ("ix_plan_measure_areas_code", "plan_measure_areas", ["area_code", "measure_id"]),
    ("ix_plan_measure_partners_partner", "plan_measure_partners", ["partner_id", "measure_id"]),
)


def upgrade() -> None:
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)


def downgrade() -> None:
    for name, table, _cols in INDEXES:
        op.drop_index(name, table_name=table)
