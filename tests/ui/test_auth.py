"""Login in the app (AppTest, no browser): login required, wrong password audited; the session holds ids
only and the database decides at every run: idle expiry, role change, removal, logout; a database that
cannot be used is a German message at the login."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from store import audit, db, users
from store.db import session
from store.models import AuthSessionRow, utcnow
from store.permissions import User

PASSWORD = "richtig-lang-1"


@pytest.fixture
def local_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    monkeypatch.delenv("SOZIALMONITOR_ANONYMOUS", raising=False)
    monkeypatch.delenv("SOZIALMONITOR_DB_URL", raising=False)
    monkeypatch.setenv("SOZIALMONITOR_SESSION_MINUTES", "5")
    engine = db.engine_for()
    users.add_user(engine, users.system_user(), "paula", "admin", PASSWORD)
    return engine


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="login_name").input("paula")
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def _logged_in(at: AppTest) -> str:
    return " ".join(c.value for c in at.sidebar.caption)


def _login_shown(at: AppTest) -> bool:
    return "Bitte melden Sie sich an" in " ".join(i.value for i in at.info)


def test_without_login_only_the_login_form(local_mode):
    at = _app()
    assert not at.exception
    assert _login_shown(at)
    assert [s.label for s in at.selectbox] == []  # no atlas, no geographies
    at = _login(at, "falsch-falsch")
    assert "falsch" in " ".join(e.value for e in at.error)
    assert [e.action for e in audit.entries(local_mode, users.system_user())][-1] == "login_failure"


def test_the_session_holds_ids_only(local_mode):
    at = _login(_app(), PASSWORD)
    assert not at.exception and "paula" in _logged_in(at) and "Verwaltung" in _logged_in(at)
    state = {k: at.session_state[k] for k in at.session_state}
    assert not any(isinstance(v, User) for v in state.values())
    assert isinstance(state["auth_uid"], int) and isinstance(state["auth_sid"], int)


def test_the_session_expires_when_idle_by_the_database_record(local_mode):
    at = _login(_app(), PASSWORD)
    with session(local_mode) as s:
        s.execute(update(AuthSessionRow).values(last_seen=utcnow() - dt.timedelta(minutes=6)))
    at.run()
    assert "abgelaufen" in " ".join(e.value for e in at.error)
    assert _login_shown(at)


@pytest.mark.parametrize("change", ["role", "remove", "password"])
def test_demote_remove_or_reset_ends_the_session_at_the_next_click(local_mode, change):
    at = _login(_app(), PASSWORD)
    assert "Verwaltung" in _logged_in(at)
    admin = users.system_user()
    if change == "role":
        users.set_role(local_mode, admin, "paula", "viewer")
    elif change == "remove":
        users.remove_user(local_mode, admin, "paula")
    else:
        users.reset_password(local_mode, admin, "paula", "ganz-neu-123")
    at.run()
    assert not at.exception
    assert _login_shown(at) and "beendet" in " ".join(e.value for e in at.error)
    if change == "role":  # logging in again gives the new role
        at = _login(at, PASSWORD)
        assert "Lesen" in _logged_in(at) and "Verwaltung" not in _logged_in(at)


def test_logout_ends_the_server_side_session(local_mode):
    at = _login(_app(), PASSWORD)
    sid = at.session_state["auth_sid"]
    at.sidebar.button(key="logout").click().run()
    assert _login_shown(at)
    with session(local_mode) as s:
        assert s.get(AuthSessionRow, sid).revoked_at is not None
    assert "logout" in [e.action for e in audit.entries(local_mode, users.system_user())]


@pytest.mark.parametrize("url", ["nonsense://x", "postgresql+pg8000://a@localhost/x"])
def test_an_unusable_database_is_a_german_message_at_the_login(local_mode, monkeypatch, url):
    monkeypatch.setenv("SOZIALMONITOR_DB_URL", url)
    at = _app()
    assert not at.exception
    assert "Die Anmeldung ist gerade nicht möglich" in " ".join(e.value for e in at.error)
