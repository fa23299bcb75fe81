"""``geo.publish.changing``: a failed change is logged as such and its exception goes on unchanged."""

from __future__ import annotations

import logging

import pytest

import geo.publish as publish


def test_a_failed_change_is_logged_with_status_error_and_reraised(monkeypatch, tmp_path, caplog):
    refreshed: list[str] = []
    monkeypatch.setattr(publish, "after_change", lambda **k: refreshed.append(k["name"]))
    with (
        caplog.at_level(logging.INFO, logger="sozialmonitor.actions"),
        pytest.raises(KeyError, match="weg"),
        publish.changing(root=tmp_path, user="paula", action="remove", name="bezirke"),
    ):
        raise KeyError("weg")
    assert [r.status for r in caplog.records] == ["error"]
    assert refreshed == []


def test_a_change_that_succeeds_is_refreshed_and_not_logged_as_error(monkeypatch, tmp_path, caplog):
    refreshed: list[str] = []
    monkeypatch.setattr(publish, "after_change", lambda **k: refreshed.append(k["name"]))
    with (
        caplog.at_level(logging.INFO, logger="sozialmonitor.actions"),
        publish.changing(root=tmp_path, user="paula", action="publish", name="bezirke"),
    ):
        pass
    assert refreshed == ["bezirke"]
    assert not [r for r in caplog.records if getattr(r, "status", "") == "error"]
