"""Between table rows and records (:mod:`indicators.planning.record_types`) of the planning register, inside one session.

Reading loads the link tables in bulk (one query per table, not per record), so listing
10,000 measures stays fast.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from indicators.errors import msg
from indicators.planning.record_types import GoalRecord, MeasureRecord, Milestone, PartnerRecord, PlanRecord, StoredKeys
from store.bulk import insert_rows
from store.planning.errors import PlanError, record_label
from store.planning.models import (
    FieldRow,
    GoalAreaRow,
    GoalRow,
    MeasureAreaRow,
    MeasureGoalRow,
    MeasureIndicatorRow,
    MeasurePartnerRow,
    MeasureRow,
    MilestoneRow,
    PartnerRow,
)

_GOAL_COLUMNS = ("text", "indicator", "geography", "baseline_year", "target_value", "target_year")
_MEASURE_COLUMNS = (
    "title",
    "description",
    "geography",
    "location",
    "responsible",
    "budget_planned",
    "budget_spent",
    "status",
)
PlanRow = MeasureRow | GoalRow | PartnerRow  # a row of one of the three planning tables
TABLES: dict[str, type[MeasureRow] | type[GoalRow] | type[PartnerRow]] = {
    "measure": MeasureRow,
    "goal": GoalRow,
    "partner": PartnerRow,
}


def check_unlinked(s: Session, entity: str, rid: int) -> None:
    """Refuse to delete a goal or partner that measures still name.

    The link rows would go with it (``ON DELETE CASCADE``) without a change in the measures'
    history, and a restore from the trash would not bring them back; so the planner removes
    the goal or partner from those measures first (each of those saves is in the history).

    Raises
    ------
    PlanError
        Naming the measures (ids) that still name the record.
    """
    link = {
        "goal": (MeasureGoalRow.measure_id, MeasureGoalRow.goal_id),
        "partner": (MeasurePartnerRow.measure_id, MeasurePartnerRow.partner_id),
    }.get(entity)
    if link is None:
        return
    ids = sorted(s.scalars(select(link[0]).where(link[1] == rid)))
    if ids:
        raise PlanError(
            msg("plan_err_in_use", entity=msg(f"plan_entity_{entity}"), id=rid, measures=", ".join(str(i) for i in ids))
        )


def field_names(s: Session) -> list[str]:
    """The Handlungsfelder in order (read once per session: an import checks thousands of rows)."""
    if "plan_fields" not in s.info:
        s.info["plan_fields"] = list(s.scalars(select(FieldRow.name).order_by(FieldRow.position, FieldRow.id)))
    return cast(list[str], s.info["plan_fields"])


def _field_ids(s: Session) -> dict[str, int]:
    if "plan_field_ids" not in s.info:
        s.info["plan_field_ids"] = {r.name: r.id for r in s.scalars(select(FieldRow))}
    return cast(dict[str, int], s.info["plan_field_ids"])


def _partners(s: Session) -> dict[str, int]:
    """Organisation → id, once per session (kept up to date by :func:`_partner_ids`)."""
    if "plan_partners" not in s.info:
        s.info["plan_partners"] = dict(s.execute(select(PartnerRow.organisation, PartnerRow.id)).all())
    return cast(dict[str, int], s.info["plan_partners"])


def _iso(t: dt.datetime | None) -> str | None:
    if t is None:
        return None
    return (t if t.tzinfo else t.replace(tzinfo=dt.UTC)).isoformat(timespec="seconds")


def meta(row: Any) -> StoredKeys:
    """The keys the store adds to a record: id, version, timestamps (ISO), who created it."""
    return {
        "id": row.id,
        "version": row.version,
        "created": _iso(row.created),
        "updated": _iso(row.updated),
        "created_by": row.created_by,
    }


def _grouped(s: Session, col_key: Any, col_val: Any, keys: list[int] | None) -> dict[int, list[Any]]:
    q = select(col_key, col_val)
    if keys is not None:
        q = q.where(col_key.in_(keys))
    out: dict[int, list[Any]] = defaultdict(list)
    for k, v in s.execute(q):
        out[k].append(v)
    return out


def read(s: Session, entity: str, ids: list[int] | None = None) -> list[PlanRecord]:
    """Records of ``entity`` (all, or those with ``ids``), ordered by id."""
    table = TABLES[entity].__table__
    q = select(*table.c).order_by(table.c.id)  # plain rows, no ORM objects (10,000 measures)
    if ids is not None:
        q = q.where(table.c.id.in_(ids))
    rows = list(s.execute(q))
    if entity == "partner":
        return [
            PartnerRecord(
                {
                    **meta(r),
                    "organisation": r.organisation,
                    "kind": r.kind,
                    "contact": r.contact,
                    "fields": list(r.fields or []),
                    "areas": list(r.areas or []),
                }
            )
            for r in rows
        ]
    names = {v: k for k, v in _field_ids(s).items()}
    keys = ids if ids is not None and len(ids) < 500 else None
    if entity == "goal":
        areas = _grouped(s, GoalAreaRow.goal_id, GoalAreaRow.area_code, keys)
        return [
            GoalRecord(
                {
                    **meta(r),
                    "kennung": r.kennung,
                    "field": names[r.field_id],
                    "text": r.text,
                    "indicator": r.indicator,
                    "geography": r.geography,
                    "areas": sorted(areas.get(r.id, [])),
                    "baseline_year": r.baseline_year,
                    "target_value": r.target_value,
                    "target_year": r.target_year,
                }
            )
            for r in rows
        ]
    areas = _grouped(s, MeasureAreaRow.measure_id, MeasureAreaRow.area_code, keys)
    partner_names = {v: k for k, v in _partners(s).items()}
    partners = _grouped(s, MeasurePartnerRow.measure_id, MeasurePartnerRow.partner_id, keys)
    goals = _grouped(s, MeasureGoalRow.measure_id, MeasureGoalRow.goal_id, keys)
    indicators = _grouped(s, MeasureIndicatorRow.measure_id, MeasureIndicatorRow.indicator, keys)
    miles: dict[int, list[Milestone]] = defaultdict(list)
    mt = MilestoneRow.__table__
    mq = select(*mt.c).order_by(mt.c.id)
    for m in s.execute(mq if keys is None else mq.where(mt.c.measure_id.in_(keys))):
        miles[m.measure_id].append({"title": m.title, "due": m.due.isoformat() if m.due else None, "done": m.done})
    return [
        MeasureRecord(
            {
                **meta(r),
                "kennung": r.kennung,
                "title": r.title,
                "description": r.description,
                "field": names[r.field_id],
                "geography": r.geography,
                "areas": sorted(areas.get(r.id, [])),
                "location": r.location,
                "responsible": r.responsible,
                "start": r.start_date.isoformat() if r.start_date else None,
                "end": r.end_date.isoformat() if r.end_date else None,
                "budget_planned": r.budget_planned,
                "budget_spent": r.budget_spent,
                "status": r.status,
                "partners": sorted(partner_names[p] for p in partners.get(r.id, [])),
                "goals": sorted(goals.get(r.id, [])),
                "indicators": sorted(indicators.get(r.id, [])),
                "milestones": miles.get(r.id, []),
            }
        )
        for r in rows
    ]


def read_one(s: Session, entity: str, rid: int) -> PlanRecord:
    """The record ``rid`` of ``entity``; raises :class:`PlanError` if there is none."""
    found = read(s, entity, [rid])
    if not found:
        raise PlanError(msg("err_plan_not_found", record=record_label(entity, rid)))
    return found[0]


def _date(v: str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if v else None


def _partner_ids(s: Session, names: list[str], user_name: str) -> list[int]:
    """Ids of the partners named; partners not yet in the directory are added (organisation only)."""
    known = _partners(s)
    out: list[int] = []
    for n in names:
        if n not in known:
            row = PartnerRow(organisation=n, kind="", contact="", fields=[], areas=[], created_by=user_name)
            s.add(row)
            s.flush()
            known[n] = row.id
        out.append(known[n])
    return out


def _values(rec: Mapping[str, object], keys: tuple[str, ...]) -> dict[str, Any]:
    """The values of ``keys`` in ``rec`` (a record read by names the caller lists)."""
    return {k: rec[k] for k in keys}


def write(s: Session, entity: str, row: Any, rec: PlanRecord, user_name: str) -> None:
    """Put the values of the cleaned record ``rec`` into ``row`` and its link tables (row flushed)."""
    if entity == "partner":
        for k, v in _values(rec, ("organisation", "kind", "contact", "fields", "areas")).items():
            setattr(row, k, v)
        s.add(row)
        s.flush()
        s.info.pop("plan_partners", None)
        return
    planned = cast(MeasureRecord | GoalRecord, rec)  # the entity says which: a measure or a goal
    measure = cast(MeasureRecord, rec)
    with s.no_autoflush:
        partner_ids = _partner_ids(s, measure["partners"], user_name) if entity == "measure" else []
        missing = [g for g in measure["goals"] if s.get(GoalRow, g) is None] if entity == "measure" else []
        field_id = _field_ids(s)[planned["field"]]
    if missing:
        raise PlanError(msg("err_plan_goals_missing", ids=missing))
    row.field_id = field_id
    if "kennung" in planned:
        row.kennung = planned["kennung"]
    if entity == "goal":
        s.add(row)
        for k, v in _values(rec, _GOAL_COLUMNS).items():
            setattr(row, k, v)
        s.flush()
        s.execute(delete(GoalAreaRow).where(GoalAreaRow.goal_id == row.id))
        s.add_all(GoalAreaRow(goal_id=row.id, area_code=c) for c in planned["areas"])
        return
    for k, v in _values(rec, _MEASURE_COLUMNS).items():
        setattr(row, k, v)
    row.start_date, row.end_date = _date(measure["start"]), _date(measure["end"])
    s.add(row)
    s.flush()
    for link in (MeasureAreaRow, MeasurePartnerRow, MeasureGoalRow, MeasureIndicatorRow, MilestoneRow):
        s.execute(delete(link).where(link.measure_id == row.id))
    s.add_all(MeasureAreaRow(measure_id=row.id, area_code=c) for c in measure["areas"])
    s.add_all(MeasurePartnerRow(measure_id=row.id, partner_id=p) for p in partner_ids)
    s.add_all(MeasureGoalRow(measure_id=row.id, goal_id=g) for g in measure["goals"])
    s.add_all(MeasureIndicatorRow(measure_id=row.id, indicator=i) for i in measure["indicators"])
    s.add_all(
        MilestoneRow(measure_id=row.id, title=m["title"], due=_date(m["due"]), done=m["done"])
        for m in measure["milestones"]
    )
    s.flush()


def _insert_ids(s: Session, table: Any, params: list[dict[str, Any]]) -> list[int]:
    """Insert ``params`` in bulk (:func:`store.bulk.insert_rows`); the new ids in the order of ``params``."""
    return insert_rows(s, table.__table__, params, ids=True)


def _bulk(s: Session, link: Any, params: list[dict[str, Any]]) -> None:
    insert_rows(s, link.__table__, params)


def insert_many(s: Session, entity: str, recs: list[PlanRecord], user_name: str, now: dt.datetime) -> list[PlanRecord]:
    """Create goals or measures from cleaned records in bulk (one statement per table); the stored records.

    The same rows as :func:`write` for each record, written with executemany instead of one flush
    per record (an import of 10,000 measures).
    """
    if not recs:
        return []
    ids = _field_ids(s)
    base = {"version": 1, "created": now, "updated": now, "created_by": user_name}
    planned = cast(list[MeasureRecord | GoalRecord], recs)  # the entity says which
    if entity == "goal":
        new = _insert_ids(
            s,
            GoalRow,
            [
                {**base, "field_id": ids[r["field"]], "kennung": r.get("kennung", ""), **_values(r, _GOAL_COLUMNS)}
                for r in planned
            ],
        )
        _bulk(
            s,
            GoalAreaRow,
            [{"goal_id": i, "area_code": c} for i, r in zip(new, planned, strict=True) for c in r["areas"]],
        )
    else:
        measures = cast(list[MeasureRecord], recs)
        goals = sorted({g for r in measures for g in r["goals"]})
        found = set(s.scalars(select(GoalRow.id).where(GoalRow.id.in_(goals)))) if goals else set()
        if missing := [g for g in goals if g not in found]:
            raise PlanError(msg("err_plan_goals_missing", ids=missing))
        partners = _partners(s)
        names = list(dict.fromkeys(p for r in measures for p in r["partners"] if p not in partners))
        added = _insert_ids(
            s,
            PartnerRow,
            [{**base, "organisation": n, "kind": "", "contact": "", "fields": [], "areas": []} for n in names],
        )
        partners.update(zip(names, added, strict=True))
        new = _insert_ids(
            s,
            MeasureRow,
            [
                {
                    **base,
                    "field_id": ids[r["field"]],
                    "kennung": r.get("kennung", ""),
                    **_values(r, _MEASURE_COLUMNS),
                    "start_date": _date(r["start"]),
                    "end_date": _date(r["end"]),
                }
                for r in measures
            ],
        )
        pairs = list(zip(new, measures, strict=True))
        _bulk(s, MeasureAreaRow, [{"measure_id": i, "area_code": c} for i, r in pairs for c in r["areas"]])
        _bulk(
            s,
            MeasurePartnerRow,
            [{"measure_id": i, "partner_id": partners[p]} for i, r in pairs for p in r["partners"]],
        )
        _bulk(s, MeasureGoalRow, [{"measure_id": i, "goal_id": g} for i, r in pairs for g in r["goals"]])
        _bulk(s, MeasureIndicatorRow, [{"measure_id": i, "indicator": x} for i, r in pairs for x in r["indicators"]])
        _bulk(
            s,
            MilestoneRow,
            [
                {"measure_id": i, "title": m["title"], "due": _date(m["due"]), "done": m["done"]}
                for i, r in pairs
                for m in r["milestones"]
            ],
        )
    stamp = _iso(now)
    stored: StoredKeys = {"id": 0, "version": 1, "created": stamp, "updated": stamp, "created_by": user_name}
    return [cast(PlanRecord, {**stored, "id": i, "kennung": "", **r}) for i, r in zip(new, recs, strict=True)]
