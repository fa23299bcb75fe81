"""Schema: migrations from empty, extra migration directories, append-only audit log, SQLite settings."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from store import audit, db
from store.db import session
from store.permissions import User


def test_upgrade_from_empty_creates_the_tables_and_is_idempotent(db_url):
    eng = db.make_engine(db_url)
    assert db.current_revisions(eng) == set()
    db.upgrade(eng)
    db.upgrade(eng)  # a second start changes nothing
    # the planning register's migration is always upgraded; it depends on 0001_initial, so it is the head
    assert "p0003_kennung" in db.current_revisions(eng) and "0001_initial" not in db.current_revisions(eng)
    assert {"users", "datasets", "audit_log", "alembic_version"} <= set(inspect(eng).get_table_names())
    eng.dispose()


def test_audit_log_refuses_update_and_delete(engine):
    with session(engine) as s:
        audit.record(s, User("anna", "admin"), "upload", "x", {"n": 1})
    for sql in ("UPDATE audit_log SET action = 'forged'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="nur fortschreibbar"), engine.begin() as conn:
            conn.execute(text(sql))
    assert [e.action for e in audit.entries(engine, User("a", "admin"))] == ["upload"]


def test_another_package_adds_its_table_by_its_own_migration(db_url, tmp_path, monkeypatch):
    versions = tmp_path / "planning_versions"
    versions.mkdir()
    (versions / "p0001_measures.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        'revision = "p0001"\ndown_revision = None\nbranch_labels = ("planning",)\ndepends_on = "0001_initial"\n'
        'def upgrade():\n    op.create_table("measures", sa.Column("id", sa.Integer, primary_key=True),\n'
        '        sa.Column("owner_id", sa.Integer, sa.ForeignKey("users.id")))\n'
        'def downgrade():\n    op.drop_table("measures")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(db, "_EXTRA_LOCATIONS", [])
    db.register_migrations(versions)
    eng = db.make_engine(db_url)
    db.upgrade(eng)
    assert "p0001" in db.current_revisions(eng)  # 0001_initial is below it (depends_on)
    assert "measures" in inspect(eng).get_table_names()
    eng.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path):
    eng = db.make_engine(f"sqlite:///{tmp_path / 'x' / 'sm.db'}")  # the folder is created
    db.upgrade(eng)
    with eng.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    eng.dispose()


def test_unreachable_database_is_a_german_message():
    eng = db.make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
    with pytest.raises(db.DatabaseError, match="kann nicht aktualisiert werden"):
        db.upgrade(eng)
