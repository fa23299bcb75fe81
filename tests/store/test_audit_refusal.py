"""Auditing a refusal (``store/audit.py::_refused``, beside test_audit.py): a failing database is logged, a bug is not swallowed."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy.exc import OperationalError

from store import audit, db
from store.permissions import User

PAULA = User(name="paula", role="viewer")


@pytest.fixture
def some_engine(monkeypatch):
    monkeypatch.setattr(db, "current_engine", lambda: object())  # never used: session() is patched


def test_a_failing_database_is_logged_and_the_refusal_goes_on(some_engine, monkeypatch, caplog):
    def locked(_engine):
        raise OperationalError("INSERT INTO audit", {}, Exception("database is locked"))

    monkeypatch.setattr(audit, "session", locked)
    with caplog.at_level(logging.WARNING, logger=audit._LOG.name):
        audit._refused(PAULA, "upload", "bezirke")
    assert "upload" in caplog.text and "paula" in caplog.text


def test_a_bug_while_auditing_propagates(some_engine, monkeypatch):
    def bug(_engine):
        raise TypeError("record() missing an argument")

    monkeypatch.setattr(audit, "session", bug)
    with pytest.raises(TypeError, match="missing an argument"):
        audit._refused(PAULA, "upload", "bezirke")
