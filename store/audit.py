"""The append-only audit log: who did what to which object, when.

Append-only twice over: triggers refuse UPDATE and DELETE, and the entries form a hash chain
(each stores the hash of the previous entry and the SHA-256 of that hash plus its own content),
so an entry changed, removed or inserted by someone who dropped the triggers is found by
:func:`verify` (``cli.py audit --verify``). Writers take turns: SQLite's write transactions
begin IMMEDIATE, on PostgreSQL :func:`record` takes a transaction-scoped advisory lock.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from indicators.text import clean
from indicators.wording.message import Message, msg
from store import db
from store.bulk import insert_rows
from store.db import reading, session
from store.errors import DatabaseError
from store.models import AuditRow, aware, utcnow
from store.permissions import REFUSAL_HOOKS, User, require

ACTIONS = (
    "login_success",
    "login_failure",
    "logout",
    "upload",
    "replace",
    "publish",
    "unpublish",
    "remove",
    "preview",
    "restore",
    "purge",
    "user_add",
    "user_remove",
    "role_change",
    "password_reset",
    "migrate",
    "plan_create",
    "plan_update",
    "plan_delete",
    "plan_import",
    "plan_fields",
    "refused",
)


@dataclass(frozen=True)
class AuditEntry:
    """One entry, as shown in the app and by ``cli.py audit``."""

    time: dt.datetime
    user: str
    action: str
    object: str
    details: dict[str, Any]

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "time": self.time.isoformat(timespec="seconds"),
            "user": self.user,
            "action": self.action,
            "object": self.object,
            "details": self.details,
        }


_LOG = logging.getLogger("sozialmonitor.audit")
CHAIN_LOCK = 0x536D_4155  # PostgreSQL advisory lock: one writer of the chain at a time


def _utc(t: dt.datetime) -> dt.datetime:
    return (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).astimezone(dt.UTC)


def entry_hash(
    prev: str, time: dt.datetime, user: str, action: str, obj: str, details: Mapping[str, Any] | None
) -> str:
    """SHA-256 (hex) of the previous entry's hash and this entry's content, in a canonical form."""
    content = [prev or "", _utc(time).strftime("%Y-%m-%dT%H:%M:%S.%f"), user, action, obj, details or {}]
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _last_hash(s: Session) -> str:
    """The newest entry's hash, after taking the chain's lock (PostgreSQL) and flushing pending entries."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text(f"SELECT pg_advisory_xact_lock({CHAIN_LOCK})"))
    s.flush()
    return s.scalar(select(AuditRow.entry_hash).order_by(AuditRow.id.desc()).limit(1)) or ""


def _row(
    prev: str, time: dt.datetime, name: str, action: str, obj: object, details: Mapping[str, Any] | None
) -> dict[str, Any]:
    fields = {
        "time": time,
        "user_name": clean(name)[:64],
        "action": action,
        "object": clean(obj)[:200],
        "details": json.loads(json.dumps(dict(details or {}), ensure_ascii=False, default=str)),
    }
    digest = entry_hash(prev, time, fields["user_name"], action, fields["object"], fields["details"])
    return {**fields, "prev_hash": prev, "entry_hash": digest}


def record(s: Session, user: User | str, action: str, obj: str = "", details: Mapping[str, Any] | None = None) -> None:
    """Append an entry inside the caller's transaction (so it is written exactly when the change is)."""
    name = user if isinstance(user, str) else user.name
    s.add(AuditRow(**_row(_last_hash(s), utcnow(), name, action, obj, details)))
    s.flush()  # so the next entry of this transaction chains to this one


def record_many(s: Session, user: User | str, items: Sequence[tuple[str, str, Mapping[str, Any]]]) -> None:
    """Append one entry per ``(action, object, details)`` in bulk (:func:`store.bulk.insert_rows`; imports)."""
    if not items:
        return
    name = user if isinstance(user, str) else user.name
    now, prev, rows = utcnow(), _last_hash(s), []
    for action, obj, details in items:
        rows.append(_row(prev, now, name, action, obj, details))
        prev = rows[-1]["entry_hash"]
    insert_rows(s, AuditRow.__table__, rows)


@dataclass(frozen=True)
class Verified:
    """The result of :func:`verify`: how many entries were checked, the id of the first broken one and why
    (a :class:`~indicators.wording.message.Message`, rendered by whoever shows it)."""

    count: int
    first_broken: int | None = None
    why: Message | None = None


def verify(engine: Engine, actor: User) -> Verified:
    """Recompute the chain, oldest first; the first entry whose link or content does not match is named
    (admins only). Entries written before the chain existed were chained by migration 0003."""
    require(actor, "read_audit")
    cols = (
        AuditRow.id,
        AuditRow.time,
        AuditRow.user_name,
        AuditRow.action,
        AuditRow.object,
        AuditRow.details,
        AuditRow.prev_hash,
        AuditRow.entry_hash,
    )
    prev, n = "", 0
    with reading(engine) as s:
        for r in s.execute(select(*cols).order_by(AuditRow.id).execution_options(yield_per=2000)):
            n += 1
            if r.prev_hash != prev:
                return Verified(n, r.id, msg("audit_broken_link"))
            if entry_hash(prev, r.time, r.user_name, r.action, r.object, r.details) != r.entry_hash:
                return Verified(n, r.id, msg("audit_broken_content"))
            prev = r.entry_hash
    return Verified(n)


def entries(
    engine: Engine,
    actor: User,
    *,
    since: dt.datetime | dt.date | None = None,
    action: str | None = None,
    user: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """Entries, oldest first, filtered by start time, action and user name (admins only)."""
    require(actor, "read_audit")
    q = select(AuditRow).order_by(AuditRow.time, AuditRow.id)
    if since is not None:
        if not isinstance(since, dt.datetime):
            since = dt.datetime.combine(since, dt.time(), tzinfo=dt.UTC)
        q = q.where(AuditRow.time >= aware(since))
    if action:
        q = q.where(AuditRow.action == action)
    if user:
        q = q.where(AuditRow.user_name == user)
    with session(engine) as s:
        rows = s.scalars(q).all()
        out = [AuditEntry(aware(r.time), r.user_name, r.action, r.object, dict(r.details or {})) for r in rows]
    return out[-limit:] if limit else out


def _refused(user: User, action: str, what: str) -> None:
    """Audit a refused action ("refused", the action in the details) in a transaction of its own, after the
    one that is open (which the refusal rolls back) has ended. A failing database is logged, not raised: the
    refusal must go on (a bug still propagates)."""
    engine = db.current_engine()
    if engine is None:
        return

    def write() -> None:
        try:
            with session(engine) as s:
                record(s, user, "refused", what or action, {"action": action, "role": user.role or "anonym"})
        except (
            SQLAlchemyError,
            DatabaseError,
        ):  # the database is failing too: the refusal itself still reaches the user
            _LOG.warning("refused action %s of %s not audited", action, user.name, exc_info=True)

    db.after_transactions(write)


REFUSAL_HOOKS.append(_refused)
