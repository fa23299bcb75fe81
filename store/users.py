"""Accounts: argon2 password hashes, lock-out, the local user of mode ``none``, OIDC users."""
from __future__ import annotations

import datetime as dt
import getpass
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store import audit, config, sessions
from store.db import session
from store.errors import AuthError, StoreError
from store.models import ROLES, UserRow, utcnow
from store.permissions import User, require

_HASHER = PasswordHasher()
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
MIN_PASSWORD = 8
# verified against when the name is unknown, so a wrong name costs as long as a wrong password
_DUMMY_HASH = _HASHER.hash("kein-benutzer")


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
        raise StoreError(f"unbekannte Rolle {role!r}: erlaubt sind {', '.join(ROLES)}")
    return role


def _check_name(name: str) -> str:
    if not _NAME.fullmatch(name or ""):
        raise StoreError(f"ungültiger Benutzername {name!r}: Buchstaben, Ziffern, . _ @ - (höchstens 64 Zeichen)")
    return name


def _check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise StoreError(f"Passwort zu kurz: mindestens {MIN_PASSWORD} Zeichen")
    return password


def _by_name(s: Session, name: str) -> UserRow | None:
    return s.scalar(select(UserRow).where(UserRow.name == name))


def _row(s: Session, name: str) -> UserRow:
    row = s.scalar(select(UserRow).where(UserRow.name == name))
    if row is None:
        raise StoreError(f"Benutzer '{name}' gibt es nicht")
    return row


def _user(row: UserRow) -> User:
    return User(row.name, row.role, row.id)


def _aware(t: dt.datetime | None) -> dt.datetime | None:
    return t.replace(tzinfo=dt.UTC) if t is not None and t.tzinfo is None else t


def add_user(engine: Engine, actor: User, name: str, role: str, password: str) -> User:
    """Create a local account (admins only)."""
    require(actor, "manage_users")
    _check_name(name), _check_role(role), _check_password(password)
    with session(engine) as s:
        if s.scalar(select(UserRow).where(UserRow.name == name)) is not None:
            raise StoreError(f"Benutzer '{name}' gibt es schon")
        row = UserRow(name=name, role=role, password_hash=_HASHER.hash(password), source="local", created=utcnow())
        s.add(row)
        s.flush()
        audit.record(s, actor, "user_add", name, {"role": role})
        return _user(row)


def list_users(engine: Engine, actor: User) -> list[Account]:
    """All accounts, by name (admins only)."""
    require(actor, "manage_users")
    with session(engine) as s:
        return [Account(r.name, r.role, r.source, _aware(r.created), _aware(r.last_login), _aware(r.locked_until))
                for r in s.scalars(select(UserRow).order_by(UserRow.name))]


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


def authenticate(engine: Engine, name: str, password: str, *, now: dt.datetime | None = None) -> User:
    """The user for a correct name and password; else :class:`AuthError` (German, no hint which was wrong).

    After ``MAX_FAILED_LOGINS`` failures in a row the account is locked for ``LOCKOUT_MINUTES``;
    during the lock even the right password is refused. Success and failure are audited.
    """
    now = now or utcnow()
    with session(engine) as s:  # failures are committed too: raise only after the block
        user, error = _attempt(s, name, password, now)
    if error is not None:
        raise error
    return user


def _attempt(s: Session, name: str, password: str, now: dt.datetime) -> tuple[User | None, AuthError | None]:
    refused = AuthError("Anmeldung fehlgeschlagen: Benutzername oder Passwort falsch")
    row = s.scalar(select(UserRow).where(UserRow.name == name))
    if row is None or not row.password_hash:
        _verify(_DUMMY_HASH, password)
        audit.record(s, str(name)[:64] or "?", "login_failure", str(name)[:64], {"reason": "unbekannt"})
        return None, refused
    locked = _aware(row.locked_until)
    if locked is not None and locked > now:
        audit.record(s, row.name, "login_failure", row.name, {"reason": "gesperrt"})
        minutes = max(1, int((locked - now).total_seconds() // 60) + 1)
        return None, AuthError(f"Konto '{row.name}' ist nach {config.MAX_FAILED_LOGINS} Fehlversuchen gesperrt; "
                               f"bitte in {minutes} Minuten erneut versuchen")
    if not _verify(row.password_hash, password):
        row.failed_logins += 1
        details = {"reason": "passwort", "failed": row.failed_logins}
        if row.failed_logins >= config.MAX_FAILED_LOGINS:
            row.locked_until, row.failed_logins = now + dt.timedelta(minutes=config.LOCKOUT_MINUTES), 0
            details["locked_until"] = row.locked_until.isoformat(timespec="seconds")
        audit.record(s, row.name, "login_failure", row.name, details)
        return None, refused
    row.failed_logins, row.locked_until, row.last_login = 0, None, now
    if _HASHER.check_needs_rehash(row.password_hash):
        row.password_hash = _HASHER.hash(password)
    audit.record(s, row.name, "login_success", row.name, {"source": "local"})
    return _user(row), None


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
    raise StoreError(f"Benutzer '{config.LOCAL_USER}' kann nicht angelegt werden (gleichzeitige Zugriffe)")


def role_from_claims(claims: dict) -> str | None:
    """The highest role the configured claim/group mapping gives, None if none."""
    value = claims.get(config.oidc_role_claim())
    groups = [value] if isinstance(value, str) else list(value or [])
    mapping = config.oidc_role_map()
    roles = [mapping[g] for g in groups if isinstance(g, str) and mapping.get(g) in ROLES]
    return max(roles, key=ROLES.index) if roles else None


def oidc_user(engine: Engine, claims: dict) -> User:
    """The account of an OIDC login (created or updated, role from the claims); audited.

    Raises
    ------
    AuthError
        If the token has no usable name or the mapping gives no role.
    """
    name = str(claims.get("preferred_username") or claims.get("email") or claims.get("sub") or "")[:64]
    role = role_from_claims(claims)
    if not name or role is None:
        with session(engine) as s:
            audit.record(s, name or "?", "login_failure", name, {"source": "oidc", "reason": "keine Rolle"})
        raise AuthError(f"Anmeldung von '{name or '?'}' abgelehnt: keine Rolle für den Anspruch "
                        f"'{config.oidc_role_claim()}' zugeordnet (SOZIALMONITOR_OIDC_ROLES)")
    with session(engine) as s:
        row = s.scalar(select(UserRow).where(UserRow.name == name))
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
