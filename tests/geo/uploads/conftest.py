"""Fixtures of the upload gate tests: a listener that counts connections, a data directory per test."""

from __future__ import annotations

import pytest
from hostile import Listener


@pytest.fixture(scope="module")
def listener():
    """A :class:`hostile.Listener` for the module; every test asserts it got no connection."""
    ear = Listener()
    yield ear
    ear.sock.close()


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """``SOZIALMONITOR_DATA_DIR`` in the test's own folder (the checks' temp folders live under it)."""
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path / "var"))
    return tmp_path / "var"
