"""Saved datasets live in the database: areas (with geometry), tidy values and documents of each version.

On PostgreSQL the geometry column is PostGIS ``geometry(MultiPolygon, 25832)`` when the extension is
installed (or can be: ``CREATE EXTENSION`` is tried in a savepoint); elsewhere WKB in a binary column.
Versions saved as folders before this revision are moved in by :func:`geo.dataset_files.migrate_files`
(it needs geometry libraries, which the store does not import), once, at the next start.

Revision ID: 0004_dataset_contents
Revises: 0003_audit_chain
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.exc import DBAPIError

revision = "0004_dataset_contents"
down_revision = "0003_audit_chain"
branch_labels = None
depends_on = None


def _dataset() -> sa.ForeignKey:
    return sa.ForeignKey("datasets.id", ondelete="CASCADE")


def _postgis() -> bool:
    """PostgreSQL with PostGIS installed in this database (tried once if only available)."""
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    if bind.scalar(sa.text("SELECT count(*) FROM pg_extension WHERE extname = 'postgis'")):
        return True
    if not bind.scalar(sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")):
        return False
    try:
        with bind.begin_nested():  # the service user may lack the right: then WKB in bytea
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    except DBAPIError:
        return False
    return True


def upgrade() -> None:
    op.create_table(
        "dataset_areas",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dataset_id", sa.Integer, _dataset(), nullable=False, index=True),
        sa.Column("code", sa.String(255), nullable=False),
        sa.Column("name", sa.Text, nullable=False, server_default=""),
        sa.Column("geom", sa.LargeBinary, nullable=False),
        sa.Column("props", sa.JSON, nullable=False),
    )
    if _postgis():
        op.execute(
            "ALTER TABLE dataset_areas ALTER COLUMN geom TYPE geometry(MultiPolygon, 25832) "
            "USING ST_Multi(ST_SetSRID(ST_GeomFromWKB(geom), 25832))"
        )
        op.execute("CREATE INDEX ix_dataset_areas_geom ON dataset_areas USING GIST (geom)")
    op.create_table(
        "dataset_values",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("dataset_id", sa.Integer, _dataset(), nullable=False, index=True),
        sa.Column("area_code", sa.String(255), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("variable", sa.String(255), nullable=False),
        sa.Column("value", sa.Float),
    )
    op.create_table(
        "dataset_documents",
        sa.Column("dataset_id", sa.Integer, _dataset(), primary_key=True),
        sa.Column("catalogue", sa.Text, nullable=False),
        sa.Column("meta", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("dataset_documents")
    op.drop_table("dataset_values")
    op.drop_table("dataset_areas")
