"""The contents of saved dataset versions in the database: areas (geometry as WKB), tidy values, documents.

Written in the transaction that registers a version (:func:`store.datasets.register`), so a version is
either complete or absent (as the folder-then-commit scheme before it); read back by :func:`read`.
The store has no geometry library: geometries pass as WKB (EPSG:25832, MultiPolygon). On PostgreSQL
with PostGIS the column is ``geometry(MultiPolygon, 25832)`` (migration 0004) and PostGIS converts
(hex EWKB in, ``ST_AsBinary`` out); elsewhere the WKB is stored as is. A version has contents once its
:class:`~store.models.DatasetDocumentRow` exists; versions saved as folders by an older release get
theirs from :func:`attach` (the one-time move of :mod:`geo.dataset_files`).
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from store import audit
from store.bulk import insert_rows
from store.db import MIGRATION_LOCK, reading, session
from store.models import DatasetAreaRow, DatasetDocumentRow, DatasetRow, DatasetValueRow

SRID = 25832
_POSTGIS: dict[str, bool] = {}
_POSTGIS_LOCK = threading.Lock()


@dataclass(frozen=True, kw_only=True)
class Area:
    """One area: code, name, geometry (WKB, EPSG:25832) and further text columns."""

    code: str
    name: str
    wkb: bytes
    props: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Contents:
    """What a dataset version holds besides its registry row."""

    areas: tuple[Area, ...]
    values: tuple[tuple[str, int, str, float | None], ...]  # tidy: area_code, year, variable, value
    catalogue: str  # YAML text (indicators/catalogue.py format)
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Pending:
    """A registered version without contents in the database (saved as a folder by an older release)."""

    dataset_id: int
    name: str
    version: int
    folder: str


def postgis(s: Session) -> bool:
    """Whether ``dataset_areas.geom`` is a PostGIS geometry here (asked once per database)."""
    bind = s.get_bind()
    if bind.dialect.name != "postgresql":
        return False
    key = bind.engine.url.render_as_string(hide_password=True)
    with _POSTGIS_LOCK:
        if key not in _POSTGIS:
            udt = s.scalar(
                text(
                    "SELECT udt_name FROM information_schema.columns "
                    "WHERE table_name = 'dataset_areas' AND column_name = 'geom'"
                )
            )
            _POSTGIS[key] = udt == "geometry"
        return _POSTGIS[key]


def _geom_value(wkb: bytes, as_postgis: bool) -> bytes | str:
    return f"SRID={SRID};{wkb.hex()}" if as_postgis else wkb  # PostGIS reads hex EWKB text


def _number(v: float | None) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def write(s: Session, dataset_id: int, contents: Contents) -> None:
    """Insert ``contents`` as the contents of version ``dataset_id``, inside the caller's transaction."""
    as_postgis = postgis(s)
    insert_rows(
        s,
        DatasetAreaRow.__table__,
        [
            {
                "dataset_id": dataset_id,
                "code": a.code,
                "name": a.name,
                "geom": _geom_value(a.wkb, as_postgis),
                "props": dict(a.props),
            }
            for a in contents.areas
        ],
    )
    insert_rows(
        s,
        DatasetValueRow.__table__,
        [
            {"dataset_id": dataset_id, "area_code": str(c), "year": int(y), "variable": str(v), "value": _number(x)}
            for c, y, v, x in contents.values
        ],
    )
    s.add(DatasetDocumentRow(dataset_id=dataset_id, catalogue=contents.catalogue, meta=dict(contents.meta)))
    s.flush()


def read(engine: Engine, dataset_id: int) -> Contents | None:
    """The contents of version ``dataset_id``; None if it has none (not migrated, or gone)."""
    with reading(engine) as s:
        doc = s.get(DatasetDocumentRow, dataset_id)
        if doc is None:
            return None
        geom = func.ST_AsBinary(DatasetAreaRow.geom) if postgis(s) else DatasetAreaRow.geom
        areas = s.execute(
            select(DatasetAreaRow.code, DatasetAreaRow.name, geom, DatasetAreaRow.props)
            .where(DatasetAreaRow.dataset_id == dataset_id)
            .order_by(DatasetAreaRow.id)
        ).all()
        values = s.execute(
            select(DatasetValueRow.area_code, DatasetValueRow.year, DatasetValueRow.variable, DatasetValueRow.value)
            .where(DatasetValueRow.dataset_id == dataset_id)
            .order_by(DatasetValueRow.id)
        ).all()
        return Contents(
            areas=tuple(Area(code=c, name=n, wkb=bytes(g), props=p or {}) for c, n, g, p in areas),
            values=tuple((c, int(y), v, x) for c, y, v, x in values),
            catalogue=doc.catalogue,
            meta=dict(doc.meta or {}),
        )


def metas(engine: Engine, dataset_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The metadata documents of these versions (those without contents are left out)."""
    if not dataset_ids:
        return {}
    with reading(engine) as s:
        rows = s.execute(
            select(DatasetDocumentRow.dataset_id, DatasetDocumentRow.meta).where(
                DatasetDocumentRow.dataset_id.in_(dataset_ids)
            )
        ).all()
        return {i: dict(m or {}) for i, m in rows}


def pending(engine: Engine) -> list[Pending]:
    """Every version (current, previous or trashed) without contents in the database, oldest first."""
    with reading(engine) as s:
        have = select(DatasetDocumentRow.dataset_id)
        rows = s.execute(
            select(DatasetRow.id, DatasetRow.name, DatasetRow.version, DatasetRow.folder)
            .where(DatasetRow.id.not_in(have))
            .order_by(DatasetRow.id)
        ).all()
        return [Pending(*r) for r in rows]


def attach(engine: Engine, item: Pending, contents: Contents) -> bool:
    """Give the folder-saved version ``item`` its ``contents`` under the migration lock; audited as
    ``migrate``. False (nothing written) if another process did so meanwhile or the version is gone."""
    with session(engine) as s:
        if s.get_bind().dialect.name == "postgresql":  # the lock of schema upgrades (SQLite: BEGIN IMMEDIATE)
            s.execute(text(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
        if s.get(DatasetRow, item.dataset_id) is None or s.get(DatasetDocumentRow, item.dataset_id) is not None:
            return False
        write(s, item.dataset_id, contents)
        audit.record(
            s,
            "system",
            "migrate",
            item.name,
            {
                "version": item.version,
                "folder": item.folder,
                "areas": len(contents.areas),
                "values": len(contents.values),
            },
        )
    return True
