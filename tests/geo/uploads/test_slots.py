"""The waiting notice of the check slots (``geo/uploads/slots.py``): a front end's notice is called as is."""
from __future__ import annotations

import logging

import pytest

from geo.uploads import slots


def test_a_bug_in_a_notice_is_not_swallowed(monkeypatch):
    def broken(_text: str) -> None:
        raise TypeError("notice takes no text")

    monkeypatch.setattr(slots, "NOTICES", [broken])
    with pytest.raises(TypeError, match="notice takes no text"):
        slots._default_notice("Prüfungen ausgelastet")


def test_the_apps_notice_logs_streamlits_own_errors_and_goes_on(monkeypatch, caplog):
    import streamlit as st
    from streamlit.errors import NoSessionContext

    from ui import common

    def no_session(*_a: object, **_k: object) -> None:
        raise NoSessionContext()

    monkeypatch.setattr(st, "info", no_session)
    monkeypatch.setattr(slots, "NOTICES", [common._busy_notice])
    with caplog.at_level(logging.DEBUG, logger="ui.common"):
        slots._default_notice("Prüfungen ausgelastet")
    assert any(isinstance(r.exc_info[1], NoSessionContext) for r in caplog.records if r.exc_info)
