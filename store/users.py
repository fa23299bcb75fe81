"""Accounts: argon2 password hashes, lock-out, the local user of mode ``none``, OIDC users."""

from __future__ import annotations

import datetime as dt
import getpass
import re
import threading
import unicodedata
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from indicators.errors import msg
from indicators.text import clean, has_hidden
from store import audit, config, sessions
from store.db import reading, session
from store.errors import AuthError, StoreError
from store.models import ROLES, UserRow, aware, utcnow
from store.permissions import User, require

_HASHER = PasswordHasher()
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8


@dataclass(frozen=True)
class Account:
    """An account as listed by :func:`list_users` (no hash)."""

    name: str
    role: str
    source: str
    created: dt.datetime
    last_login: dt.datetime | None
    locked_until: dt.datetime | None


def system_user() -> User:
    """Whoever runs ``cli.py users``/``audit`` on the server's shell: acts as admin, logged by OS name."""
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "?"
    return User(f"system:{who}", "admin")


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise StoreError(msg("err_unknown_role", role=repr(role), allowed=list(ROLES)))
    return role


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise StoreError(msg("err_bad_user_name", name=repr(name)))
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise StoreError(msg("err_password_short", n=MIN_PASSWORD))
    return password


def _by_name(s: Session, name: str) -> UserRow | None:
    return s.scalar(select(UserRow).where(UserRow.name == name))


def _row(s: Session, name: str) -> UserRow:
    row = s.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise StoreError(msg("err_user_not_found", name=name))
    return row


def _user(row: UserRow) -> User:
    return User(row.name, row.role, row.id)


def add_user(engine: Engine, actor: User, name: str, role: str, password: str) -> User:
    """Create a local account (admins only)."""
    require(actor, "manage_users")
    _check_name(name), _check_role(role), _check_password(password)
    with session(engine) as s:
        if s.scalar(select(UserRow).where(UserRow.name == name)) is not None:
            raise StoreError(msg("err_user_exists", name=name))
        row = UserRow(name=name, role=role, password_hash=_HASHER.hash(password), source="local", created=utcnow())
        s.add(row)
        s.flush()
        audit.record(s, actor, "user_add", name, {"role": role})
        return _user(row)


def list_users(engine: Engine, actor: User) -> list[Account]:
    """All accounts, by name (admins only)."""
    require(actor, "manage_users")
    with session(engine) as s:
        return [
            Account(r.name, r.role, r.source, aware(r.created), aware(r.last_login), aware(r.locked_until))
            for r in s.scalars(select(UserRow).order_by(UserRow.name))
        ]


def remove_user(engine: Engine, actor: User, name: str) -> None:
    """Delete an account; its datasets stay (owner empty: only admins may change them)."""
    require(actor, "manage_users")
    with session(engine) as s:
        row = _row(s, name)
        ended = sessions.end_all(s, row.id)
        s.delete(row)
        audit.record(s, actor, "user_remove", name, {"sessions_ended": ended} if ended else None)


def set_role(engine: Engine, actor: User, name: str, role: str) -> None:
    """Change an account's role (admins only)."""
    require(actor, "manage_users")
    _check_role(role)
    with session(engine) as s:
        row = _row(s, name)
        old, row.role = row.role, role
        ended = sessions.end_all(s, row.id)  # the user's open tabs show the login at their next click
        audit.record(s, actor, "role_change", name, {"from": old, "to": role, "sessions_ended": ended})


def reset_password(engine: Engine, actor: User, name: str, password: str) -> None:
    """Set a new password and lift a lock-out (admins only)."""
    require(actor, "manage_users")
    _check_password(password)
    with session(engine) as s:
        row = _row(s, name)
        row.password_hash, row.failed_logins, row.locked_until = _HASHER.hash(password), 0, None
        ended = sessions.end_all(s, row.id)
        audit.record(s, actor, "password_reset", name, {"sessions_ended": ended} if ended else None)


REFUSED = msg("err_login_refused")


class ClientThrottle:
    """Failed logins per client address in this server process: after ``limit`` within ``minutes`` that
    address is refused (like a locked account) until the oldest failure is older than ``minutes``."""

    def __init__(self, limit: int | None = None, minutes: int = config.LOCKOUT_MINUTES) -> None:
        self._limit, self.window = limit, dt.timedelta(minutes=minutes)
        self._failures: dict[str, deque[dt.datetime]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: dt.datetime) -> deque[dt.datetime]:
        times = self._failures.setdefault(client, deque())
        while times and now - times[0] > self.window:
            times.popleft()
        if not times:
            self._failures.pop(client, None)
        return times

    @property
    def limit(self) -> int:
        """The configured number of failures (``SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS``), 0: no throttle."""
        return config.login_failures_per_address() if self._limit is None else self._limit

    def blocked(self, client: str, now: dt.datetime) -> bool:
        """Whether ``client`` has used up its failed attempts."""
        if not client or not self.limit:
            return False
        with self._lock:
            return len(self._recent(client, now)) >= self.limit

    def failed(self, client: str, now: dt.datetime) -> None:
        """Count a failed attempt of ``client``."""
        if client:
            with self._lock:
                self._recent(client, now)
                self._failures.setdefault(client, deque()).append(now)


CLIENTS = ClientThrottle()


def authenticate(engine: Engine, name: str, password: str, *, client: str = "", now: dt.datetime | None = None) -> User:
    """The user for a correct name and password; else :class:`AuthError` (German, one message for all).

    An unknown name, a wrong password, a locked account and a client address with too many
    failures get the same message and the same work (one password hash verified, against a
    dummy hash when there is no account), so neither text nor timing tells which it was.
    After ``MAX_FAILED_LOGINS`` failures in a row the account is locked for ``LOCKOUT_MINUTES``;
    after ``SOZIALMONITOR_LOGIN_FAILURES_PER_ADDRESS`` failures from one address (``client``) that address is.
    Names with control, bidi-override or zero-width characters are refused. Success and failure
    are audited (with the reason, which only administrators see).
    """
    now = now or utcnow()
    name = str(name or "")
    hidden = has_hidden(name) or len(name) > 64
    with reading(engine) as s:
        row = None if hidden else _by_name(s, name)
        stored = row.password_hash if row is not None else None
    correct = _verify(stored or _dummy_hash(), password)
    with session(engine) as s:  # failures are committed too: raise only after the block
        user, _reason = _settle(s, name, password if correct and stored is not None else None, client, now)
    if user is None:
        CLIENTS.failed(client, now)
        raise AuthError(REFUSED)
    return user


def _settle(s: Session, name: str, correct: str | None, client: str, now: dt.datetime) -> tuple[User | None, str]:
    """Record the attempt (``correct``: the password if it verified): counters, lock-out, audit entry.
    Returns the user, or None and the reason."""
    shown = clean(name)[:64] or "?"
    extra = {"client": clean(client)[:64]} if client else {}
    row = None if has_hidden(name) else _by_name(s, name)
    if row is None or not row.password_hash:
        reason = "Name mit unsichtbaren Zeichen" if has_hidden(name) else "unbekannt"
        audit.record(s, shown, "login_failure", shown, {"reason": reason, **extra})
        return None, reason
    locked = aware(row.locked_until)
    if CLIENTS.blocked(client, now):
        audit.record(s, row.name, "login_failure", row.name, {"reason": "zu viele Versuche dieser Adresse", **extra})
        return None, "adresse"
    if locked is not None and locked > now:
        audit.record(s, row.name, "login_failure", row.name, {"reason": "gesperrt", **extra})
        return None, "gesperrt"
    if correct is None:
        row.failed_logins += 1
        details = {"reason": "passwort", "failed": row.failed_logins, **extra}
        if row.failed_logins >= config.MAX_FAILED_LOGINS:
            row.locked_until, row.failed_logins = now + dt.timedelta(minutes=config.LOCKOUT_MINUTES), 0
            details["locked_until"] = row.locked_until.isoformat(timespec="seconds")
        audit.record(s, row.name, "login_failure", row.name, details)
        return None, "passwort"
    row.failed_logins, row.locked_until, row.last_login = 0, None, now
    if _HASHER.check_needs_rehash(row.password_hash):
        row.password_hash = _HASHER.hash(correct)
    audit.record(s, row.name, "login_success", row.name, {"source": "local", **extra})
    return _user(row), ""


_DUMMIES: dict[int, str] = {}


def _dummy_hash() -> str:
    """A hash made with the current hasher's parameters, verified when there is no account."""
    key = id(_HASHER)
    if key not in _DUMMIES:
        _DUMMIES[key] = _HASHER.hash("kein-benutzer")
    return _DUMMIES[key]


def _verify(hashed: str, password: str) -> bool:
    try:
        return _HASHER.verify(hashed, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def local_user(engine: Engine) -> User:
    """The one local planner of mode ``none`` (created on first use).

    Idempotent under concurrency: when another process creates the row at the same moment, the
    unique name refuses our insert and we read theirs.
    """
    for _ in range(3):
        try:
            with session(engine) as s:
                row = _by_name(s, config.LOCAL_USER)
                if row is None:
                    row = UserRow(name=config.LOCAL_USER, role="planner", source="none", created=utcnow())
                    s.add(row)
                    s.flush()
                return _user(row)
        except IntegrityError:  # created by another process between our read and our insert: read again
            continue
    raise StoreError(msg("err_user_local_race", name=config.LOCAL_USER))


def role_from_claims(claims: Mapping[str, Any]) -> str | None:
    """The highest role the configured claim/group mapping gives, None if none."""
    value = claims.get(config.oidc_role_claim())
    groups = [value] if isinstance(value, str) else list(value or [])
    mapping = config.oidc_role_map()
    roles = [mapping[g] for g in groups if isinstance(g, str) and mapping.get(g) in ROLES]
    return max(roles, key=ROLES.index) if roles else None


def oidc_user(engine: Engine, claims: Mapping[str, Any]) -> User:
    """The account of an OIDC login (created or updated, role from the claims); audited.

    Raises
    ------
    AuthError
        If the token has no usable name or the mapping gives no role.
    """
    raw = str(claims.get("preferred_username") or claims.get("email") or claims.get("sub") or "")
    name = unicodedata.normalize("NFC", raw)[:64]
    if has_hidden(raw):
        shown = clean(raw)[:64] or "?"
        with session(engine) as s:
            audit.record(
                s, shown, "login_failure", shown, {"source": "oidc", "reason": "Name mit unsichtbaren Zeichen"}
            )
        raise AuthError(msg("err_login_hidden_chars", name=shown))
    role = role_from_claims(claims)
    if not name or role is None:
        with session(engine) as s:
            audit.record(s, name or "?", "login_failure", name, {"source": "oidc", "reason": "keine Rolle"})
        raise AuthError(msg("err_login_no_role", name=name or "?", claim=config.oidc_role_claim()))
    for _ in range(3):
        try:
            return _oidc_login(engine, name, role)
        except IntegrityError:  # the same new user logging in twice at once: the other created the row
            continue
    raise StoreError(msg("err_user_login_race", name=name))


def _oidc_login(engine: Engine, name: str, role: str) -> User:
    with session(engine) as s:
        row = _by_name(s, name)
        if row is None:
            row = UserRow(name=name, role=role, source="oidc", created=utcnow())
            s.add(row)
        elif row.role != role:
            audit.record(s, "oidc", "role_change", name, {"from": row.role, "to": role})
            row.role = role
        row.last_login = utcnow()
        s.flush()
        audit.record(s, name, "login_success", name, {"source": "oidc", "role": role})
        return _user(row)
