"""Revocable server-side login sessions: what a Streamlit session, a reload and an opened link rely on.

A login opens a row in ``auth_sessions``; the browser keeps a random token (256 bits) whose
SHA-256 alone is stored, bound to a hash of the browser's user agent. Every script run checks
the row and its user with one indexed read (:func:`check`): role and existence come from the
database, never from the Streamlit session. A session ends at logout (everywhere its token is
used), after ``SOZIALMONITOR_SESSION_MINUTES`` idle, after ``SOZIALMONITOR_SESSION_HOURS``
(default 10) in all, and when an administrator changes its user's role or password or removes
the user (:func:`end_all`). Resuming from the token (:func:`resume`) rotates it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, or_, select, update
from sqlalchemy.orm import Session

from store import audit, config
from store.db import reading, session
from store.errors import DatabaseError
from store.models import AuthSessionRow, UserRow, aware, utcnow
from store.permissions import User

TOUCH_EVERY_S = 60  # last_seen is written at most once a minute (the idle timeout's resolution)
ROTATION_GRACE_S = 60  # the previous token still resumes this long after a rotation (two tabs opened at once)


@dataclass(frozen=True)
class Opened:
    """A session to carry on: its id, its user, and a new token for the browser (None: keep the old one)."""

    sid: int
    user: User
    token: str | None


@dataclass(frozen=True)
class Checked:
    """The result of :func:`check`: the acting user, or None with the reason (``ended`` or ``expired``)."""

    user: User | None
    reason: str | None = None


def digest(text: str) -> str:
    """SHA-256 (hex) of a token or a client description."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _expired(expires: dt.datetime, last_seen: dt.datetime, now: dt.datetime) -> bool:
    idle = dt.timedelta(minutes=config.session_minutes())
    return now >= aware(expires) or now - aware(last_seen) > idle


def open_session(engine: Engine, user: User, *, client: str = "", now: dt.datetime | None = None) -> Opened:
    """Open a session for a user who just logged in; returns its id and the token for the browser."""
    if user.id is None:
        problem = "only users stored in the database have sessions"
        raise ValueError(problem)
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    with session(engine) as s:
        row = AuthSessionRow(
            user_id=user.id,
            token_hash=digest(token),
            client_hash=digest(client),
            created=now,
            last_seen=now,
            expires=now + dt.timedelta(hours=config.session_hours()),
        )
        s.add(row)
        s.flush()
        return Opened(row.id, user, token)


def check(engine: Engine, *, sid: int, uid: int, now: dt.datetime | None = None) -> Checked:
    """The user of session ``sid`` as the database has them now (one indexed read), or why there is none.

    An expired session is ended here; an active one has its ``last_seen`` written at most once
    every ``TOUCH_EVERY_S`` seconds.
    """
    now = now or utcnow()
    with reading(engine) as s:
        found = s.execute(
            select(
                AuthSessionRow.revoked_at, AuthSessionRow.expires, AuthSessionRow.last_seen, UserRow.name, UserRow.role
            )
            .join(UserRow, UserRow.id == AuthSessionRow.user_id)
            .where(AuthSessionRow.id == sid, AuthSessionRow.user_id == uid)
        ).first()
    if found is None or found.revoked_at is not None:
        return Checked(None, "ended")
    if _expired(found.expires, found.last_seen, now):
        _revoke(engine, sid, now)
        return Checked(None, "expired")
    if (now - aware(found.last_seen)).total_seconds() >= TOUCH_EVERY_S:
        try:
            with session(engine) as s:
                s.execute(update(AuthSessionRow).where(AuthSessionRow.id == sid).values(last_seen=now))
        except DatabaseError:  # a writer holds the lock for long (an import): touch at the next run instead
            pass
    return Checked(User(found.name, found.role, uid))


def resume(engine: Engine, token: str, *, client: str = "", now: dt.datetime | None = None) -> Opened | None:
    """The session whose token the browser sent (reload, opened link), with a rotated token; None if the
    token is unknown, ended, expired or comes from another client."""
    if not token or len(token) > 200:
        return None
    now = now or utcnow()
    hashed = digest(token)
    with session(engine) as s:
        row = s.scalar(
            select(AuthSessionRow).where(
                or_(AuthSessionRow.token_hash == hashed, AuthSessionRow.previous_hash == hashed)
            )
        )
        if (
            row is None
            or row.revoked_at is not None
            or row.client_hash != digest(client)
            or _expired(row.expires, row.last_seen, now)
        ):
            return None
        user = s.get(UserRow, row.user_id)
        if user is None:
            return None
        fresh: str | None = None
        if row.token_hash == hashed:
            fresh = secrets.token_urlsafe(32)
            row.previous_hash, row.token_hash, row.rotated_at = hashed, digest(fresh), now
        elif row.rotated_at is None or (now - aware(row.rotated_at)).total_seconds() > ROTATION_GRACE_S:
            return None  # an old token, replaced more than a minute ago
        row.last_seen = now
        return Opened(row.id, User(user.name, user.role, user.id), fresh)


def _revoke(engine: Engine, sid: int, now: dt.datetime) -> None:
    with session(engine) as s:
        s.execute(
            update(AuthSessionRow)
            .where(AuthSessionRow.id == sid, AuthSessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )


def end(engine: Engine, *, sid: int, user: User) -> None:
    """Logout: end the session everywhere its token is used; audited."""
    now = utcnow()
    with session(engine) as s:
        s.execute(
            update(AuthSessionRow)
            .where(AuthSessionRow.id == sid, AuthSessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        audit.record(s, user, "logout", user.name)


def end_all(s: Session, user_id: int) -> int:
    """End every session of a user inside the caller's transaction (role or password changed, user removed);
    returns how many were open."""
    result = s.execute(
        update(AuthSessionRow)
        .where(AuthSessionRow.user_id == user_id, AuthSessionRow.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
