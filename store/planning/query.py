"""Filter measures by field of action, area, status, partner and period (the list of the Planung page).

:func:`find_measures` filters in SQL (indexes of migration ``p0002_list_indexes``) and reads
only the listed columns of the listed page; :func:`filter_measures` is the same rule on
records already in memory (both give the same measures, checked by the store tests).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Engine, exists, func, select

from indicators.planning.record_types import MeasureRecord, MeasureSummary
from store.db import session
from store.permissions import User, require
from store.planning.models import FieldRow, MeasureAreaRow, MeasurePartnerRow, MeasureRow, PartnerRow

LIST_KEYS = ("id", "kennung", "title", "field", "status", "areas", "start", "end", "partners", "version")


@dataclass(frozen=True)
class MeasureFilter:
    """What the list shows: every given filter must hold (None or empty = any)."""

    field: str | None = None
    area: str | None = None
    status: str | None = None
    partner: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    geography: str | None = None


def _overlaps(rec: MeasureRecord | MeasureSummary, start: dt.date | None, end: dt.date | None) -> bool:
    begun, ended = rec.get("start"), rec.get("end")
    a = dt.date.fromisoformat(begun) if begun else dt.date.min
    b = dt.date.fromisoformat(ended) if ended else dt.date.max
    return (start is None or b >= start) and (end is None or a <= end)


def filter_measures(
    records: Iterable[MeasureRecord],
    *,
    field: str | None = None,
    area: str | None = None,
    status: str | None = None,
    partner: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    geography: str | None = None,
) -> list[MeasureRecord]:
    """Measures matching every given filter; a period keeps measures running at some time in it."""
    out: list[MeasureRecord] = []
    for r in records:
        if (
            (field and r["field"] != field)
            or (status and r["status"] != status)
            or (geography and r["geography"] != geography)
            or (area and area not in r["areas"])
            or (partner and partner not in r["partners"])
            or not _overlaps(r, start, end)
        ):
            continue
        out.append(r)
    return out


def _where(f: MeasureFilter) -> list[ColumnElement[bool]]:
    m = MeasureRow.__table__.c
    cond: list[ColumnElement[bool]] = []
    if f.geography:
        cond.append(m.geography == f.geography)
    if f.field:
        cond.append(m.field_id == select(FieldRow.id).where(FieldRow.name == f.field).scalar_subquery())
    if f.status:
        cond.append(m.status == f.status)
    if f.area:
        cond.append(exists().where(MeasureAreaRow.measure_id == m.id, MeasureAreaRow.area_code == f.area))
    if f.partner:
        cond.append(
            exists().where(
                MeasurePartnerRow.measure_id == m.id,
                MeasurePartnerRow.partner_id == PartnerRow.id,
                PartnerRow.organisation == f.partner,
            )
        )
    if f.start is not None:
        cond.append(m.end_date.is_(None) | (m.end_date >= f.start))
    if f.end is not None:
        cond.append(m.start_date.is_(None) | (m.start_date <= f.end))
    return cond


def find_measures(
    engine: Engine, user: User, filters: MeasureFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> tuple[list[MeasureSummary], int]:
    """The listed measures (keys :data:`LIST_KEYS`, ordered by id) of one page, and how many match in all.

    Filtering, counting and paging happen in the database; areas and partners are read for the
    page's measures only.
    """
    require(user, "plan_read")
    cond = _where(filters or MeasureFilter())
    m, fl = MeasureRow.__table__.c, FieldRow.__table__.c
    page = select(m.id).where(*cond).order_by(m.id).offset(offset or None).limit(limit).subquery()
    with session(engine) as s:
        total = s.scalar(select(func.count()).select_from(MeasureRow.__table__).where(*cond)) or 0
        rows = list(
            s.execute(
                select(m.id, m.kennung, m.title, fl.name, m.status, m.start_date, m.end_date, m.version)
                .join(page, page.c.id == m.id)
                .join(FieldRow.__table__, fl.id == m.field_id)
                .order_by(m.id)
            )
        )
        if not rows:
            return [], total
        areas: dict[int, list[str]] = defaultdict(list)
        for mid, code in s.execute(
            select(MeasureAreaRow.measure_id, MeasureAreaRow.area_code).join(
                page, page.c.id == MeasureAreaRow.measure_id
            )
        ):
            areas[mid].append(code)
        partners: dict[int, list[str]] = defaultdict(list)
        for mid, name in s.execute(
            select(MeasurePartnerRow.measure_id, PartnerRow.organisation)
            .join(page, page.c.id == MeasurePartnerRow.measure_id)
            .join(PartnerRow, PartnerRow.id == MeasurePartnerRow.partner_id)
        ):
            partners[mid].append(name)
    return [
        MeasureSummary(
            {
                "id": r.id,
                "kennung": r.kennung,
                "title": r.title,
                "field": r.name,
                "status": r.status,
                "areas": sorted(areas.get(r.id, [])),
                "start": r.start_date.isoformat() if r.start_date else None,
                "end": r.end_date.isoformat() if r.end_date else None,
                "partners": sorted(partners.get(r.id, [])),
                "version": r.version,
            }
        )
        for r in rows
    ], total


def start_year(rec: MeasureRecord | MeasureSummary) -> int | None:
    """The year a measure started (None without a start date)."""
    start = rec.get("start")
    return int(start[:4]) if start else None
