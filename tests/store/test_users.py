"""Accounts: argon2 hashes, lock-out after 5 failures for 15 minutes, audit of logins, OIDC roles."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from store import audit, users
from store.db import session
from store.errors import AuthError, StoreError
from store.models import UserRow

ADMIN = users.system_user()


def test_passwords_are_stored_as_argon2_hashes_only(engine):
    users.add_user(engine, ADMIN, "anna", "planner", "geheim-genug")
    with session(engine) as s:
        row = s.scalar(select(UserRow).where(UserRow.name == "anna"))
        assert row.password_hash.startswith("$argon2id$") and "geheim-genug" not in row.password_hash
    assert users.authenticate(engine, "anna", "geheim-genug").role == "planner"


@pytest.mark.parametrize(
    "name,role,password,message",
    [
        ("anna", "chef", "geheim-genug", "unbekannte Rolle"),
        ("../x", "viewer", "geheim-genug", "ungültiger Benutzername"),
        ("anna", "viewer", "kurz", "zu kurz"),
    ],
)
def test_bad_accounts_are_refused_in_german(engine, name, role, password, message):
    with pytest.raises(StoreError, match=message):
        users.add_user(engine, ADMIN, name, role, password)


def test_lock_out_after_five_failures_for_fifteen_minutes(engine):
    users.add_user(engine, ADMIN, "bert", "viewer", "richtig-123")
    t0 = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    for i in range(5):
        with pytest.raises(AuthError, match="falsch"):
            users.authenticate(engine, "bert", f"falsch-{i}", now=t0)
    with pytest.raises(AuthError, match="falsch"):  # even the right password, while locked; the same message
        users.authenticate(engine, "bert", "richtig-123", now=t0 + dt.timedelta(minutes=14))
    assert users.authenticate(engine, "bert", "richtig-123", now=t0 + dt.timedelta(minutes=16)).name == "bert"
    log = audit.entries(engine, ADMIN, action="login_failure")
    assert len(log) == 6 and log[4].details.get("locked_until") and log[5].details["reason"] == "gesperrt"
    assert [e.action for e in audit.entries(engine, ADMIN, action="login_success")] == ["login_success"]


def test_unknown_user_and_wrong_password_get_the_same_message(engine):
    users.add_user(engine, ADMIN, "carla", "viewer", "richtig-123")
    with pytest.raises(AuthError) as a:
        users.authenticate(engine, "niemand", "x")
    with pytest.raises(AuthError) as b:
        users.authenticate(engine, "carla", "x")
    assert str(a.value) == str(b.value)


def test_reset_password_lifts_the_lock_and_role_changes_are_audited(engine):
    users.add_user(engine, ADMIN, "dora", "viewer", "richtig-123")
    for _ in range(5):
        with pytest.raises(AuthError):
            users.authenticate(engine, "dora", "falsch")
    users.reset_password(engine, ADMIN, "dora", "neu-und-lang")
    users.set_role(engine, ADMIN, "dora", "admin")
    assert users.authenticate(engine, "dora", "neu-und-lang").role == "admin"
    users.remove_user(engine, ADMIN, "dora")
    assert [a.name for a in users.list_users(engine, ADMIN)] == []
    actions = [e.action for e in audit.entries(engine, ADMIN)]
    assert {"user_add", "password_reset", "role_change", "user_remove"} <= set(actions)


def test_local_user_of_mode_none_is_one_planner(engine):
    a, b = users.local_user(engine), users.local_user(engine)
    assert a == b and a.role == "planner" and a.name == "lokal"


def test_oidc_roles_from_the_configured_claim(engine, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_OIDC_ROLE_CLAIM", "groups")
    monkeypatch.setenv("SOZIALMONITOR_OIDC_ROLES", "sm-lesen=viewer,sm-planung=planner,sm-statistik=admin")
    u = users.oidc_user(engine, {"sub": "1", "preferred_username": "eva", "groups": ["x", "sm-planung"]})
    assert (u.name, u.role) == ("eva", "planner")
    u = users.oidc_user(engine, {"sub": "1", "preferred_username": "eva", "groups": ["sm-lesen", "sm-statistik"]})
    assert u.role == "admin"  # the highest mapped role wins; the change is audited
    with pytest.raises(AuthError, match="keine Rolle"):
        users.oidc_user(engine, {"sub": "2", "preferred_username": "fritz", "groups": ["andere"]})
    assert [e.action for e in audit.entries(engine, ADMIN, user="fritz")] == ["login_failure"]


# --- no user enumeration: one message and one hash verification for every refusal
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@pytest.fixture
def counted(engine, monkeypatch):
    """Accounts in every state, and a counter of password-hash verifications."""
    users.add_user(engine, ADMIN, "offen", "viewer", "richtig-123")
    users.add_user(engine, ADMIN, "zu", "viewer", "richtig-123")
    for i in range(5):
        with pytest.raises(AuthError):
            users.authenticate(engine, "zu", f"falsch-{i}")
    calls = []
    real = users._verify

    def verify(hashed, password):
        calls.append(hashed)
        return real(hashed, password)

    monkeypatch.setattr(users, "_verify", verify)
    return calls


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(case=st.sampled_from(["unknown", "wrong", "locked", "locked_right", "hidden"]), password=st.text(max_size=20))
def test_unknown_wrong_and_locked_get_one_message_and_the_same_work(engine, counted, case, password):
    name = {"unknown": "niemand", "wrong": "offen", "locked": "zu", "locked_right": "zu", "hidden": "offen\u200b"}[case]
    if case == "locked_right":
        password = "richtig-123"
    elif password == "richtig-123":
        password += "x"
    before = len(counted)
    with pytest.raises(AuthError) as refused:
        users.authenticate(engine, name, password, client="10.0.0.9")
    assert str(refused.value) == str(users.REFUSED)
    assert len(counted) - before == 1  # one argon2 verification, whatever the case


def test_throttling_per_client_address_across_names(engine, monkeypatch):
    monkeypatch.setattr(users, "CLIENTS", users.ClientThrottle(limit=3, minutes=15))
    users.add_user(engine, ADMIN, "gerda", "viewer", "richtig-123")
    t0 = dt.datetime(2026, 3, 1, 10, 0, tzinfo=dt.UTC)
    for name in ("a1", "a2", "a3"):  # spraying other names from one address
        with pytest.raises(AuthError):
            users.authenticate(engine, name, "x", client="192.0.2.7", now=t0)
    with pytest.raises(AuthError, match="falsch"):  # the right password, but from the blocked address
        users.authenticate(engine, "gerda", "richtig-123", client="192.0.2.7", now=t0)
    assert users.authenticate(engine, "gerda", "richtig-123", client="192.0.2.8", now=t0).name == "gerda"
    later = t0 + dt.timedelta(minutes=16)
    assert users.authenticate(engine, "gerda", "richtig-123", client="192.0.2.7", now=later).name == "gerda"
    reasons = [e.details["reason"] for e in audit.entries(engine, ADMIN, action="login_failure")]
    assert reasons[-1] == "zu viele Versuche dieser Adresse"


@pytest.mark.parametrize("name", ["anna\u202e", "an\u200bna", "anna\nFAKE\tadmin\tlogin_success", "\u2066anna"])
def test_names_with_hidden_characters_are_refused_and_audited_cleanly(engine, name):
    users.add_user(engine, ADMIN, "anna", "viewer", "richtig-123")
    with pytest.raises(StoreError):
        users.add_user(engine, ADMIN, name, "viewer", "richtig-123")
    with pytest.raises(AuthError, match="falsch"):
        users.authenticate(engine, name, "richtig-123")
    with pytest.raises(AuthError, match="unsichtbare Zeichen"):
        users.oidc_user(engine, {"preferred_username": name, "groups": ["x"]})
    logged = [(e.user, e.object) for e in audit.entries(engine, ADMIN, action="login_failure")]
    assert all("\n" not in u + o and not any(c in u + o for c in "\u202e\u200b\u2066") for u, o in logged)


def test_the_address_throttle_is_configurable_and_can_be_off(engine, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", "0")  # behind a proxy: one address for all
    users.add_user(engine, ADMIN, "hans", "viewer", "richtig-123")
    for i in range(30):
        with pytest.raises(AuthError):
            users.authenticate(engine, f"x{i}", "x", client="10.1.1.1")
    assert users.authenticate(engine, "hans", "richtig-123", client="10.1.1.1").name == "hans"
    monkeypatch.setenv("SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS", "2")
    assert users.CLIENTS.blocked("10.1.1.1", users.utcnow())  # the failures were counted all along
