"""Server-side sessions: role and existence from the database at every check, revocation by role change,
password reset, removal and logout, idle timeout and absolute lifetime from the record, resume by token
(only its hash stored, bound to the client, rotated)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from store import sessions, users
from store.db import session
from store.models import AuthSessionRow

ADMIN = users.system_user()
UA = "Mozilla/5.0 (X11; Linux x86_64) Chromium/140"


@pytest.fixture
def anna(engine):
    users.add_user(engine, ADMIN, "anna", "admin", "richtig-123")
    return users.authenticate(engine, "anna", "richtig-123")


def test_only_the_hash_of_the_token_is_stored(engine, anna):
    opened = sessions.open_session(engine, anna, client=UA)
    with session(engine) as s:
        row = s.scalar(select(AuthSessionRow))
        stored = [str(v) for v in (row.token_hash, row.previous_hash, row.client_hash)]
    assert opened.token and len(opened.token) >= 40 and not any(opened.token in v for v in stored)
    assert row.token_hash == sessions.digest(opened.token)


@pytest.mark.parametrize("change", ["role", "password", "remove"])
def test_role_change_password_reset_and_removal_end_the_users_sessions(engine, anna, change):
    opened = sessions.open_session(engine, anna, client=UA)
    assert sessions.check(engine, sid=opened.sid, uid=anna.id).user.role == "admin"
    if change == "role":
        users.set_role(engine, ADMIN, "anna", "viewer")
    elif change == "password":
        users.reset_password(engine, ADMIN, "anna", "ganz-neu-123")
    else:
        users.remove_user(engine, ADMIN, "anna")
    assert sessions.check(engine, sid=opened.sid, uid=anna.id) == sessions.Checked(None, "ended")
    assert sessions.resume(engine, opened.token, client=UA) is None


def test_the_role_is_read_from_the_database_at_every_check(engine, anna):
    opened = sessions.open_session(engine, anna, client=UA)
    with session(engine) as s:  # changed behind the tool's back (no end_all): still the current role
        s.get(users.UserRow, anna.id).role = "viewer"
    assert sessions.check(engine, sid=opened.sid, uid=anna.id).user.role == "viewer"


def test_another_users_id_does_not_match_the_session(engine, anna):
    opened = sessions.open_session(engine, anna, client=UA)
    other = users.add_user(engine, ADMIN, "bert", "viewer", "richtig-123")
    assert sessions.check(engine, sid=opened.sid, uid=other.id).user is None


def test_idle_timeout_and_absolute_lifetime_come_from_the_record(engine, anna, monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_SESSION_MINUTES", "30")
    monkeypatch.setenv("SOZIALMONITOR_SESSION_HOURS", "10")
    t0 = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)
    idle = sessions.open_session(engine, anna, client=UA, now=t0)
    assert sessions.check(engine, sid=idle.sid, uid=anna.id, now=t0 + dt.timedelta(minutes=29)).user
    assert sessions.check(engine, sid=idle.sid, uid=anna.id, now=t0 + dt.timedelta(minutes=60)) == sessions.Checked(
        None, "expired"
    )
    busy = sessions.open_session(engine, anna, client=UA, now=t0)
    t = t0
    while t < t0 + dt.timedelta(hours=10) - dt.timedelta(minutes=20):  # a click every 20 minutes
        t += dt.timedelta(minutes=20)
        assert sessions.check(engine, sid=busy.sid, uid=anna.id, now=t).user is not None, t
    late = t0 + dt.timedelta(hours=10, minutes=1)
    assert sessions.check(engine, sid=busy.sid, uid=anna.id, now=late).reason == "expired"
    assert sessions.check(engine, sid=busy.sid, uid=anna.id, now=t).reason == "ended"  # stays ended


def test_resume_rotates_the_token_and_is_bound_to_the_client(engine, anna):
    opened = sessions.open_session(engine, anna, client=UA)
    assert sessions.resume(engine, opened.token, client="curl/8.0") is None
    again = sessions.resume(engine, opened.token, client=UA)
    assert again.sid == opened.sid and again.user == anna and again.token not in (None, opened.token)
    third = sessions.resume(engine, again.token, client=UA)
    assert third.token not in (None, again.token)
    assert sessions.resume(engine, opened.token, client=UA) is None  # two rotations ago: no longer valid
    assert sessions.resume(engine, "erfunden", client=UA) is None


def test_logout_ends_the_session_for_every_tab_and_token(engine, anna):
    opened = sessions.open_session(engine, anna, client=UA)
    tab2 = sessions.resume(engine, opened.token, client=UA)
    sessions.end(engine, sid=opened.sid, user=anna)
    assert sessions.check(engine, sid=tab2.sid, uid=anna.id).user is None
    assert sessions.resume(engine, tab2.token, client=UA) is None


def test_a_click_is_checked_while_another_process_holds_the_write_lock(sqlite_template, tmp_path, monkeypatch):
    import shutil
    import sqlite3

    from store import db

    target = tmp_path / "sozialmonitor.db"
    shutil.copy(sqlite_template, target)
    monkeypatch.setattr(db, "BUSY_TIMEOUT_S", 0.2)
    eng = db.make_engine(f"sqlite:///{target}")
    users.add_user(eng, ADMIN, "anna", "admin", "richtig-123")
    anna = users.authenticate(eng, "anna", "richtig-123")
    t0 = dt.datetime.now(dt.UTC)
    opened = sessions.open_session(eng, anna, client=UA, now=t0)
    holder = sqlite3.connect(target, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long import writing
    try:  # the read takes no write lock; the due touch of last_seen waits for the next run
        later = t0 + dt.timedelta(minutes=2)
        assert sessions.check(eng, sid=opened.sid, uid=anna.id, now=later).user.role == "admin"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        eng.dispose()
