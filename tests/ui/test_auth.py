"""Login in the app (AppTest, no browser): login required, session expiry, wrong password audited."""
from __future__ import annotations

import time

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from store import audit, db, users

PASSWORD = "richtig-lang-1"


@pytest.fixture
def local_mode(tmp_path, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("SOZIALMONITOR_AUTH", "local")
    monkeypatch.delenv("SOZIALMONITOR_ANONYMOUS", raising=False)
    monkeypatch.setenv("SOZIALMONITOR_SESSION_MINUTES", "5")
    engine = db.engine_for()
    users.add_user(engine, users.system_user(), "paula", "planner", PASSWORD)
    return engine


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="login_name").input("paula")
    at.text_input(key="login_password").input(password)
    return at.button[0].click().run()


def test_without_login_only_the_login_form(local_mode):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run()
    assert not at.exception
    assert "Bitte melden Sie sich an" in " ".join(i.value for i in at.info)
    assert [s.label for s in at.selectbox] == []  # no atlas, no geographies
    at = _login(at, "falsch-falsch")
    assert "falsch" in " ".join(e.value for e in at.error)
    assert [e.action for e in audit.entries(local_mode, users.system_user())][-1] == "login_failure"


def test_login_then_the_session_expires_when_idle(local_mode):
    at = _login(AppTest.from_file(str(ROOT / "app.py"), default_timeout=90).run(), PASSWORD)
    assert not at.exception
    assert "paula" in " ".join(c.value for c in at.sidebar.caption)
    at.session_state["auth_seen"] = time.time() - 6 * 60
    at.run()
    assert "abgelaufen" in " ".join(e.value for e in at.error)
    assert "Bitte melden Sie sich an" in " ".join(i.value for i in at.info)
