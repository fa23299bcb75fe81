"""Create, edit, delete and read records of the planning register, by role, with history and audit.

Every function takes the acting :class:`~store.permissions.User`: viewers read, planners
create and edit, admins also delete. Every change is one row of ``plan_history`` (who,
when, version, old → new, the record after) and one entry of the audit log, written in
the same transaction. Saves carry the version they were based on; a stale one raises
:class:`StaleEdit` whose message shows the other change.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from typing import Any, Literal, cast, overload

from sqlalchemy import CursorResult, Engine, func, select, update
from sqlalchemy.orm import Session

from indicators.errors import msg
from indicators.planning.record_types import GoalRecord, MeasureRecord, PartnerRecord, PlanRecord
from indicators.wording.message import Pair
from indicators.wording.voice import Voice
from store import audit
from store.bulk import insert_rows
from store.db import session
from store.models import utcnow
from store.permissions import User, require
from store.planning import rows
from store.planning.errors import PlanError, StaleEdit, record_label
from store.planning.models import FieldRow, HistoryRow, PartnerRow
from store.planning.records import Known, clean, describe, diff

Changes = dict[str, list[Any]]  # field → [old, new] (:func:`store.planning.records.diff`)


def _snapshot(rec: PlanRecord) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in {"created", "updated"}}


def _log(s: Session, user: User, entity: str, rec: PlanRecord, action: str, changes: Changes) -> None:
    s.add(
        HistoryRow(
            entity=entity,
            entity_id=rec["id"],
            version=rec["version"],
            time=utcnow(),
            user_name=user.name[:64],
            action=action,
            changes=changes,
            snapshot=None if action == "delete" else _snapshot(rec),
        )
    )
    audit.record(
        s, user, f"plan_{action}", f"{entity}:{rec['id']}", {"version": rec["version"], "fields": sorted(changes)}
    )


def create_in(
    s: Session,
    user: User,
    entity: str,
    data: dict[str, Any],
    known: Known | None = None,
    *,
    defer: list[PlanRecord] | None = None,
) -> PlanRecord:
    """Create inside the caller's transaction (used by the import); returns the stored record.

    With ``defer`` (goals and measures only), the cleaned record is appended to that list
    and returned without an id: the caller stores the list with :func:`create_many_in`.
    """
    require(user, "plan_edit", what=msg(f"plan_entity_{entity}"))
    rec = clean(entity, data, rows.field_names(s), known)
    if defer is not None and entity != "partner":
        defer.append(rec)
        return rec
    row = rows.TABLES[entity](version=1, created=utcnow(), updated=utcnow(), created_by=user.name[:64])
    if entity == "partner":
        name = cast(PartnerRecord, rec)["organisation"]
        if s.scalar(select(PartnerRow).where(PartnerRow.organisation == name)) is not None:
            raise PlanError(msg("err_plan_partner_exists", name=name))
    rows.write(s, entity, row, rec, user.name)
    own = {} if entity == "partner" else {"kennung": getattr(row, "kennung", "") or ""}
    # what rows.read gives back (checked by the round-trip tests and test_record_types)
    stored = cast(PlanRecord, {**rows.meta(row), **own, **rec})
    _log(s, user, entity, stored, "create", diff(None, _snapshot(stored)))
    return stored


def create_many_in(s: Session, user: User, entity: str, recs: list[PlanRecord]) -> list[PlanRecord]:
    """Create goals or measures from records already cleaned (:func:`~store.planning.records.clean`), in bulk.

    The same rows as :func:`create_in` for each record (one history row and one audit entry per
    record), written with one executemany statement per table inside the caller's transaction.
    """
    require(user, "plan_edit", what=msg(f"plan_entity_{entity}"))
    now, name = utcnow(), user.name[:64]
    stored = rows.insert_many(s, entity, recs, name, now)
    history: list[dict[str, Any]] = []
    entries: list[tuple[str, str, dict[str, Any]]] = []
    for rec in stored:
        snap = _snapshot(rec)
        changes = diff(None, snap)
        history.append(
            {
                "entity": entity,
                "entity_id": rec["id"],
                "version": 1,
                "time": now,
                "user_name": name,
                "action": "create",
                "changes": changes,
                "snapshot": snap,
            }
        )
        entries.append(("plan_create", f"{entity}:{rec['id']}", {"version": 1, "fields": sorted(changes)}))
    if stored:
        insert_rows(s, HistoryRow.__table__, history)
        audit.record_many(s, user, entries)
    return stored


def _stale(s: Session, entity: str, rid: int, based_on: int) -> StaleEdit:
    label = record_label(entity, rid)
    later = list(
        s.scalars(
            select(HistoryRow)
            .where(HistoryRow.entity == entity, HistoryRow.entity_id == rid, HistoryRow.version > based_on)
            .order_by(HistoryRow.id)
        )
    )
    if not later:
        return StaleEdit(msg("err_plan_stale_gone", record=label))
    if later[-1].action == "delete":
        return StaleEdit(msg("err_plan_stale_deleted", record=label, user=later[-1].user_name))
    changes: Changes = {}
    for h in later:
        for k, (old, new) in (h.changes or {}).items():
            changes[k] = [changes[k][0] if k in changes else old, new]
    last = later[-1]
    when = last.time if last.time.tzinfo else last.time.replace(tzinfo=dt.UTC)
    return StaleEdit(
        msg(
            "err_plan_stale_changed",
            record=label,
            user=last.user_name,
            when=Pair(f"{when:%d.%m.%Y um %H:%M}", f"{when:%Y-%m-%d at %H:%M}"),
            based_on=based_on,
            version=last.version,
            changes=Pair(describe(changes), describe(changes, voice=Voice.of("en"))),
        )
    )


def update_in(
    s: Session, user: User, entity: str, rid: int, data: dict[str, Any], *, version: int, known: Known | None = None
) -> PlanRecord:
    """Save ``data`` over record ``rid`` if it is still at ``version`` (inside the caller's transaction)."""
    require(user, "plan_edit", what=record_label(entity, rid))
    table = rows.TABLES[entity]
    rec = clean(entity, data, rows.field_names(s), known)
    bumped = cast(
        "CursorResult[Any]",
        s.execute(
            update(table)
            .where(table.id == rid, table.version == version)
            .values(version=version + 1, updated=utcnow())
            .execution_options(synchronize_session=False)
        ),
    )  # DML gives a CursorResult
    if bumped.rowcount != 1:
        raise _stale(s, entity, rid, version)
    old = _snapshot(_previous(s, entity, rid, version))
    row = s.get(table, rid, populate_existing=True)
    rows.write(s, entity, row, rec, user.name)
    stored = rows.read_one(s, entity, rid)
    changes = diff(old, _snapshot(stored))
    _log(s, user, entity, stored, "update", changes)
    return stored


def _previous(s: Session, entity: str, rid: int, version: int) -> PlanRecord:
    h = s.scalar(
        select(HistoryRow)
        .where(HistoryRow.entity == entity, HistoryRow.entity_id == rid, HistoryRow.version == version)
        .order_by(HistoryRow.id.desc())
        .limit(1)
    )
    return cast(PlanRecord, dict(h.snapshot)) if h is not None and h.snapshot else rows.read_one(s, entity, rid)


def create(engine: Engine, user: User, entity: str, data: dict[str, Any], known: Known | None = None) -> PlanRecord:
    """Create a measure, goal or partner; returns the stored record (with ``id`` and ``version`` 1)."""
    with session(engine) as s:
        return create_in(s, user, entity, data, known)


def save(
    engine: Engine,
    user: User,
    entity: str,
    rid: int,
    data: dict[str, Any],
    *,
    version: int,
    known: Known | None = None,
) -> PlanRecord:
    """Save an edit based on ``version``.

    Raises
    ------
    StaleEdit
        If someone else saved the record since ``version`` was read (message shows their change).
    """
    with session(engine) as s:
        return update_in(s, user, entity, rid, data, version=version, known=known)


def delete(engine: Engine, user: User, entity: str, rid: int, *, version: int | None = None) -> None:
    """Delete a record (admins only); with ``version``, only if it is still at that version."""
    require(user, "plan_delete", what=record_label(entity, rid))
    with session(engine) as s:
        remove_in(s, user, entity, rid, version=version)


def remove_in(s: Session, user: User, entity: str, rid: int, *, version: int | None = None) -> None:
    """Delete inside the caller's transaction (the caller checked the right); the record stays in
    the history, so it can be restored from the trash (:mod:`store.planning.trash`)."""
    table = rows.TABLES[entity]
    row = cast("rows.PlanRow | None", s.get(table, rid))
    if row is None:
        raise PlanError(msg("err_plan_not_found", record=record_label(entity, rid)))
    if version is not None and row.version != version:
        raise _stale(s, entity, rid, version)
    rows.check_unlinked(s, entity, rid)  # a goal or partner that measures still name stays
    old = rows.read_one(s, entity, rid)
    s.delete(row)
    s.flush()
    _log(s, user, entity, old | {"version": old.get("version", 0) + 1}, "delete", diff(_snapshot(old), None))


@overload
def get(engine: Engine, user: User, entity: Literal["measure"], rid: int) -> MeasureRecord: ...
@overload
def get(engine: Engine, user: User, entity: Literal["goal"], rid: int) -> GoalRecord: ...
@overload
def get(engine: Engine, user: User, entity: Literal["partner"], rid: int) -> PartnerRecord: ...
@overload
def get(engine: Engine, user: User, entity: str, rid: int) -> PlanRecord: ...
def get(engine: Engine, user: User, entity: str, rid: int) -> PlanRecord:
    """One record as it is now."""
    require(user, "plan_read")
    with session(engine) as s:
        return rows.read_one(s, entity, rid)


_LISTS = ("areas", "partners", "goals", "indicators", "milestones", "fields")
_READ: weakref.WeakKeyDictionary[Engine, dict[str, tuple[tuple[Any, ...], list[PlanRecord]]]] = (
    weakref.WeakKeyDictionary()
)


def _stamp(s: Session) -> tuple[Any, ...]:
    """Changes so far: every change of a record writes a history row (append-only), so this moves with each."""
    return tuple(s.execute(select(func.count(HistoryRow.id), func.max(HistoryRow.id))).one())


@overload
def list_records(engine: Engine, user: User, entity: Literal["measure"]) -> list[MeasureRecord]: ...
@overload
def list_records(engine: Engine, user: User, entity: Literal["goal"]) -> list[GoalRecord]: ...
@overload
def list_records(engine: Engine, user: User, entity: Literal["partner"]) -> list[PartnerRecord]: ...
@overload
def list_records(engine: Engine, user: User, entity: str) -> list[PlanRecord]: ...
def list_records(engine: Engine, user: User, entity: str) -> Sequence[PlanRecord]:
    """All records of ``entity``, ordered by id (filter with :func:`store.planning.query.filter_measures`).

    The records read last are kept per engine and given again (as copies) while the history has
    no new row, so the Planung page lists 10,000 measures without rebuilding them on every rerun.
    """
    require(user, "plan_read")
    with session(engine) as s:
        stamp = _stamp(s)
        kept = _READ.setdefault(engine, {}).get(entity)
        if kept is None or kept[0] != stamp:
            kept = (stamp, rows.read(s, entity))
            _READ[engine][entity] = kept
    lists = [k for k in _LISTS if kept[1] and k in kept[1][0]]
    return [cast(PlanRecord, r | {k: cast(dict[str, list[Any]], r)[k].copy() for k in lists}) for r in kept[1]]


def history(engine: Engine, user: User, entity: str, rid: int) -> list[dict[str, Any]]:
    """Every change of a record, oldest first: ``time``, ``user``, ``action``, ``version``, ``changes``."""
    require(user, "plan_read")
    with session(engine) as s:
        found = s.scalars(
            select(HistoryRow).where(HistoryRow.entity == entity, HistoryRow.entity_id == rid).order_by(HistoryRow.id)
        )
        return [
            {
                "time": rows._iso(h.time),
                "user": h.user_name,
                "action": h.action,
                "version": h.version,
                "changes": dict(h.changes or {}),
            }
            for h in found
        ]


def as_of(engine: Engine, user: User, entity: str, rid: int, when: dt.date | dt.datetime) -> PlanRecord | None:
    """The record as it was at ``when`` (a date means its end, 24:00 UTC); None if it did not exist then."""
    require(user, "plan_read")
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when + dt.timedelta(days=1), dt.time(), tzinfo=dt.UTC)
    elif when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    with session(engine) as s:
        h = s.scalar(
            select(HistoryRow)
            .where(HistoryRow.entity == entity, HistoryRow.entity_id == rid, HistoryRow.time < when)
            .order_by(HistoryRow.id.desc())
            .limit(1)
        )
        return cast(PlanRecord, dict(h.snapshot)) if h is not None and h.snapshot else None


def fields(engine: Engine) -> list[str]:
    """The list of Handlungsfelder, in order."""
    with session(engine) as s:
        return rows.field_names(s)


def add_field(engine: Engine, user: User, name: str) -> None:
    """Add a Handlungsfeld at the end of the list (admins)."""
    require(user, "plan_fields")
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise PlanError(msg("err_plan_field_name"))
    with session(engine) as s:
        if name in rows.field_names(s):
            raise PlanError(msg("err_plan_field_exists", name=name))
        pos = (s.scalar(select(func.max(FieldRow.position))) or 0) + 1
        s.add(FieldRow(name=name, position=pos))
        audit.record(s, user, "plan_fields", name, {"add": name})
