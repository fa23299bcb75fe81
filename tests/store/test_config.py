"""Settings of the store from the environment (:mod:`store.config`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from indicators.errors import SozialmonitorError
from store import config

VARS = (
    "SOZIALMONITOR_DATA_DIR",
    "SOZIALMONITOR_DB_URL",
    "SOZIALMONITOR_AUTH",
    "SOZIALMONITOR_ANONYMOUS",
    "SOZIALMONITOR_SESSION_MINUTES",
    "SOZIALMONITOR_SESSION_HOURS",
    "SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS",
    "SOZIALMONITOR_OIDC_ROLE_CLAIM",
    "SOZIALMONITOR_OIDC_ROLES",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in VARS:
        monkeypatch.delenv(name, raising=False)


def test_database_defaults_to_sqlite_in_the_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert config.data_dir() == config.ROOT / "var"
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    assert config.data_dir() == tmp_path
    assert config.db_url() == f"sqlite:///{tmp_path / config.DB_FILE}"
    assert config.db_url(tmp_path / "other") == f"sqlite:///{tmp_path / 'other' / config.DB_FILE}"


def test_a_database_url_wins_over_the_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SOZIALMONITOR_DB_URL", "  postgresql+psycopg://sm@db/sm  ")
    assert config.db_url() == "postgresql+psycopg://sm@db/sm"
    assert config.db_url(tmp_path) == "postgresql+psycopg://sm@db/sm"


@pytest.mark.parametrize(("raw", "mode"), [(None, "none"), ("", "none"), (" Local ", "local"), ("OIDC", "oidc")])
def test_auth_mode(monkeypatch: pytest.MonkeyPatch, raw: str | None, mode: str) -> None:
    if raw is not None:
        monkeypatch.setenv("SOZIALMONITOR_AUTH", raw)
    assert config.auth_mode() == mode


def test_an_unknown_auth_mode_is_an_error_not_a_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "ldap")
    with pytest.raises(SozialmonitorError):
        config.auth_mode()


@pytest.mark.parametrize(
    ("raw", "allowed"), [(None, False), ("1", True), ("Ja", True), ("true", True), ("0", False), ("nein", False)]
)
def test_anonymous_reading_only_when_switched_on(
    monkeypatch: pytest.MonkeyPatch, raw: str | None, allowed: bool
) -> None:
    if raw is not None:
        monkeypatch.setenv("SOZIALMONITOR_ANONYMOUS", raw)
    assert config.anonymous_allowed() is allowed


def test_login_lifetimes_have_defaults_and_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    assert (config.session_minutes(), config.session_hours(), config.login_failures_per_address()) == (60, 10.0, 20)
    monkeypatch.setenv("SOZIALMONITOR_SESSION_MINUTES", "0")
    monkeypatch.setenv("SOZIALMONITOR_SESSION_HOURS", "0")
    monkeypatch.setenv("SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", "-3")
    assert config.session_minutes() == 1
    assert config.session_hours() == pytest.approx(0.05)
    assert config.login_failures_per_address() == 0


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("SOZIALMONITOR_SESSION_MINUTES", config.session_minutes),
        ("SOZIALMONITOR_SESSION_HOURS", config.session_hours),
        ("SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", config.login_failures_per_address),
    ],
)
def test_a_setting_that_is_no_number_is_an_error(monkeypatch: pytest.MonkeyPatch, name: str, read) -> None:
    monkeypatch.setenv(name, "zehn")
    with pytest.raises(SozialmonitorError):
        read()


def test_oidc_role_mapping(monkeypatch: pytest.MonkeyPatch) -> None:
    assert config.oidc_role_claim() == "groups"
    assert config.oidc_role_map() == {}
    monkeypatch.setenv("SOZIALMONITOR_OIDC_ROLE_CLAIM", "  ")
    monkeypatch.setenv("SOZIALMONITOR_OIDC_ROLES", " sm-admin = admin ,sm-plan=planner,broken, x=a=b")
    assert config.oidc_role_claim() == "groups"
    assert config.oidc_role_map() == {"sm-admin": "admin", "sm-plan": "planner", "x": "a=b"}
