"""The append-only audit log: who did what to which object, when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from indicators.text import clean
from store.bulk import insert_rows
from store.db import session
from store.models import AuditRow, utcnow
from store.permissions import User, require

ACTIONS = ("login_success", "login_failure", "logout", "upload", "replace", "publish", "unpublish", "remove",
           "restore", "purge", "user_add", "user_remove", "role_change", "password_reset", "migrate",
           "plan_create", "plan_update", "plan_delete", "plan_import", "plan_fields")


@dataclass(frozen=True)
class AuditEntry:
    """One entry, as shown in the app and by ``cli.py audit``."""

    time: dt.datetime
    user: str
    action: str
    object: str
    details: dict

    def to_json_dict(self) -> dict:
        return {"time": self.time.isoformat(timespec="seconds"), "user": self.user, "action": self.action,
                "object": self.object, "details": self.details}


def record(s: Session, user: User | str, action: str, obj: str = "", details: dict | None = None) -> None:
    """Append an entry inside the caller's transaction (so it is written exactly when the change is)."""
    name = user if isinstance(user, str) else user.name
    s.add(AuditRow(time=utcnow(), user_name=clean(name)[:64], action=action, object=clean(obj)[:200],
                   details=dict(details or {})))


def record_many(s: Session, user: User | str, items: list[tuple[str, str, dict]]) -> None:
    """Append one entry per ``(action, object, details)`` in bulk (:func:`store.bulk.insert_rows`; imports)."""
    if not items:
        return
    name = clean(user if isinstance(user, str) else user.name)[:64]
    now = utcnow()
    insert_rows(s, AuditRow.__table__, [{"time": now, "user_name": name, "action": action,
                                         "object": clean(obj)[:200], "details": dict(details or {})}
                                        for action, obj, details in items])


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def entries(engine: Engine, actor: User, *, since: dt.datetime | dt.date | None = None,
            action: str | None = None, user: str | None = None, limit: int | None = None) -> list[AuditEntry]:
    """Entries, oldest first, filtered by start time, action and user name (admins only)."""
    require(actor, "read_audit")
    q = select(AuditRow).order_by(AuditRow.time, AuditRow.id)
    if since is not None:
        if not isinstance(since, dt.datetime):
            since = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
        q = q.where(AuditRow.time >= _aware(since))
    if action:
        q = q.where(AuditRow.action == action)
    if user:
        q = q.where(AuditRow.user_name == user)
    with session(engine) as s:
        rows = s.scalars(q).all()
        out = [AuditEntry(_aware(r.time), r.user_name, r.action, r.object, dict(r.details or {})) for r in rows]
    return out[-limit:] if limit else out
