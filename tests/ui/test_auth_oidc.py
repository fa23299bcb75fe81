"""The OIDC login button (``ui/auth.py``): missing ``[auth]`` secrets are a message from the wording table,
anything else st.login raises is not dressed up as that message. No browser: a stand-in for the sidebar."""

from __future__ import annotations

import logging

import pytest
import streamlit as st
from streamlit.errors import StreamlitAuthError

from indicators.wording import t
from ui import auth


class _Where:
    """What ``_login_form`` draws into: the button is clicked, errors are collected."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def button(self, *_a: object, **_k: object) -> bool:
        return True

    def error(self, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def oidc(monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "oidc")


def test_missing_auth_secrets_are_logged_and_shown_from_the_wording_table(oidc, monkeypatch, caplog):
    def not_configured() -> None:
        raise StreamlitAuthError("Authentication credentials in `.streamlit/secrets.toml` are missing.")

    monkeypatch.setattr(st, "login", not_configured)
    where = _Where()
    with caplog.at_level(logging.WARNING, logger="ui.auth"):
        auth._login_form(where)
    assert where.errors == [t("login_oidc_not_configured", "de")]
    assert "secrets.toml" in caplog.text


def test_a_bug_behind_the_login_button_propagates(oidc, monkeypatch):
    def bug() -> None:
        raise TypeError("login() got an unexpected keyword argument")

    monkeypatch.setattr(st, "login", bug)
    where = _Where()
    with pytest.raises(TypeError, match="unexpected keyword"):
        auth._login_form(where)
    assert where.errors == []
