"""Planning store fixtures: the store's ``db_url``/``engine`` (tests/store/conftest.py), so every
``plan_engine`` test runs on SQLite and on the real PostgreSQL server started there."""

from __future__ import annotations

import pytest


@pytest.fixture
def plan_db_url(db_url: str) -> str:
    """URL of an empty database (SQLite file or a new PostgreSQL database)."""
    return db_url


@pytest.fixture
def plan_engine(engine):
    """An upgraded engine (store and planning migrations) on an empty database."""
    return engine
