"""Trash, restore and undo of the planning register, kept in the history (no table of its own).

Every change writes a row of ``plan_history`` with the record after it; a delete keeps the
record's last snapshot there. The trash lists the records whose last history row is a delete;
:func:`restore` writes that snapshot back under the same id and the next version (admins, who
may delete). :func:`undo` takes back the acting user's last change: a create is deleted (to the
trash), an update is saved back to the version before, a delete is restored, a restore deleted
again – each only while nobody changed the record since.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from indicators.errors import msg
from indicators.planning.record_types import PartnerRecord, PlanRecord
from store.db import session
from store.models import utcnow
from store.permissions import User, allowed, require
from store.planning import rows
from store.planning.errors import PlanError, record_label
from store.planning.models import HistoryRow, PartnerRow
from store.planning.records import clean, diff
from store.planning.repository import _log, _snapshot, _stale, remove_in, update_in

_NAMES = {"measure": "title", "goal": "text", "partner": "organisation"}


def _last(s: Session, entity: str, rid: int) -> HistoryRow | None:
    return s.scalar(
        select(HistoryRow)
        .where(HistoryRow.entity == entity, HistoryRow.entity_id == rid)
        .order_by(HistoryRow.id.desc())
        .limit(1)
    )


def _snapshot_before(s: Session, entity: str, rid: int, before: int) -> dict[str, Any] | None:
    """The record as the last history row before row ``before`` left it (None if none)."""
    h = s.scalar(
        select(HistoryRow)
        .where(
            HistoryRow.entity == entity,
            HistoryRow.entity_id == rid,
            HistoryRow.id < before,
            HistoryRow.snapshot.is_not(None),
        )
        .order_by(HistoryRow.id.desc())
        .limit(1)
    )
    return dict(h.snapshot) if h is not None and h.snapshot else None


def trash(engine: Engine, user: User) -> list[dict[str, Any]]:
    """The deleted records, newest first: ``entity``, ``id``, ``name``, ``deleted_by``, ``deleted`` (ISO UTC).

    Parameters
    ----------
    engine : Engine
        The store's database.
    user : User
        The acting user; only those who may delete (admins) see the trash.

    Returns
    -------
    list of dict
        One entry per record whose last change was its deletion.
    """
    require(user, "plan_delete", what=msg("err_plan_trash_what"))
    out: list[dict[str, Any]] = []
    with session(engine) as s:
        seen: set[tuple[str, int]] = set()
        for h in s.scalars(select(HistoryRow).where(HistoryRow.action == "delete").order_by(HistoryRow.id.desc())):
            key = (h.entity, h.entity_id)
            if key in seen:
                continue
            seen.add(key)
            last = _last(s, *key)
            if last is None or last.id != h.id:  # restored since
                continue
            snap = _snapshot_before(s, h.entity, h.entity_id, h.id) or {}
            out.append(
                {
                    "entity": h.entity,
                    "id": h.entity_id,
                    "name": str(snap.get(_NAMES[h.entity], "")),
                    "deleted_by": h.user_name,
                    "deleted": rows._iso(h.time),
                }
            )
    return out


def restore_in(s: Session, user: User, entity: str, rid: int) -> PlanRecord:
    """Write a deleted record back from its last snapshot, inside the caller's transaction."""
    label = record_label(entity, rid)
    require(user, "plan_delete", what=label)
    table = rows.TABLES[entity]
    last = _last(s, entity, rid)
    if last is None or last.action != "delete" or s.get(table, rid) is not None:
        raise PlanError(msg("err_plan_not_in_trash", record=label))
    snap = _snapshot_before(s, entity, rid, last.id)
    if snap is None:
        raise PlanError(msg("err_plan_no_snapshot", record=label))
    rec = clean(entity, snap, rows.field_names(s))
    if entity == "partner":
        name = cast(PartnerRecord, rec)["organisation"]
        if s.scalar(select(PartnerRow).where(PartnerRow.organisation == name)) is not None:
            raise PlanError(msg("err_plan_partner_blocks_restore", name=name, record=label))
    now = utcnow()
    row = table(
        id=rid,
        version=last.version + 1,
        created=now,
        updated=now,
        created_by=str(snap.get("created_by") or user.name)[:64],
    )
    rows.write(s, entity, row, rec, user.name)
    stored = rows.read_one(s, entity, rid)
    _log(s, user, entity, stored, "restore", diff(None, _snapshot(stored)))
    return stored


def restore(engine: Engine, user: User, entity: str, rid: int) -> PlanRecord:
    """Restore a record from the trash (admins); returns it as stored, at the next version.

    Raises
    ------
    PlanError
        If the record is not in the trash (never deleted, or restored already).
    """
    with session(engine) as s:
        return restore_in(s, user, entity, rid)


def last_change(engine: Engine, user: User) -> dict[str, Any] | None:
    """The acting user's last change: ``entity``, ``id``, ``action``, ``version`` (None if none)."""
    require(user, "plan_edit")
    with session(engine) as s:
        h = _own_last(s, user)
        return None if h is None else {"entity": h.entity, "id": h.entity_id, "action": h.action, "version": h.version}


def _own_last(s: Session, user: User) -> HistoryRow | None:
    return s.scalar(
        select(HistoryRow).where(HistoryRow.user_name == user.name[:64]).order_by(HistoryRow.id.desc()).limit(1)
    )


def undo(engine: Engine, user: User) -> dict[str, Any]:
    """Take back the acting user's last change; returns ``entity``, ``id`` and the ``action`` undone.

    Raises
    ------
    PlanError
        If there is nothing to undo.
    StaleEdit
        If someone changed the record since (their change is kept; the message names it).
    """
    require(user, "plan_edit")
    with session(engine) as s:
        h = _own_last(s, user)
        if h is None:
            raise PlanError(msg("err_plan_nothing_to_undo"))
        entity, rid = h.entity, h.entity_id
        last = _last(s, entity, rid)
        if last is not None and last.id != h.id:
            raise _stale(s, entity, rid, h.version)
        if h.action == "create":
            remove_in(s, user, entity, rid, version=h.version)
        elif h.action == "update":
            before = _snapshot_before(s, entity, rid, h.id)
            if before is None:
                raise PlanError(msg("err_plan_no_earlier", record=record_label(entity, rid)))
            update_in(s, user, entity, rid, before, version=h.version)
        elif h.action == "delete":
            restore_in(s, user, entity, rid)
        else:  # a restore: back to the trash (only those who may delete restored it)
            if not allowed(user, "plan_delete"):
                require(user, "plan_delete", what=record_label(entity, rid))
            remove_in(s, user, entity, rid, version=h.version)
        return {"entity": entity, "id": rid, "action": h.action}
