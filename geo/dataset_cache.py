"""Saved datasets between frames and the database, and their rebuildable cache in the data directory.

The database holds each saved version (:mod:`store.contents`); readers of a geography (loading,
joins, grids, exports) take files, so each version is written once per host into
``<data dir>/cache/datasets/<key>/`` (``boundaries.gpkg`` layer ``areas``, ``table.csv``,
``catalogue.yaml``), keyed by the version's key, which never changes once registered. The cache is
written to a temporary folder and renamed into place (two processes may race: one wins, both read the
same); deleting it loses nothing (:meth:`geo.uploads.datastore.DataStore.cleanup` removes what no version
names, a deleted folder is written again on the next read).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from sqlalchemy import Engine

from geo.crs import METRIC_CRS, to_metric
from store.contents import Area, Contents, read

LAYER = "areas"
CACHE = Path("cache") / "datasets"
FILES = ("boundaries.gpkg", "table.csv", "catalogue.yaml")  # catalogue.yaml last: its presence marks a whole cache
TIDY = ["area_code", "year", "variable", "value"]
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*(--[A-Za-z0-9_-]+)?$")  # <name>--<stamp>: no dot, no separator


def cache_folder(root: Path, key: str) -> Path:
    """Where the cache of the version ``key`` is (not created here); a key that could leave the cache
    folder (a registry row edited by hand) is refused with ``ValueError``, a bug rather than a user's mistake."""
    if not _KEY.fullmatch(key):
        problem = f"invalid version key {key!r}"  # a programming error
        raise ValueError(problem)
    return Path(root) / CACHE / key


def _multi(geom: BaseGeometry | None) -> MultiPolygon:
    """Every area as a MultiPolygon (the PostGIS column's type); non-polygonal parts are dropped."""
    if geom is None or geom.is_empty:
        return MultiPolygon()
    if isinstance(geom, MultiPolygon):
        return geom
    if isinstance(geom, Polygon):
        return MultiPolygon([geom])
    parts = [p for g in getattr(geom, "geoms", []) for p in _multi(g).geoms]
    return MultiPolygon(parts)


def _single(geom: BaseGeometry) -> BaseGeometry:
    """A MultiPolygon of one part back as the Polygon it was saved from."""
    return geom.geoms[0] if isinstance(geom, MultiPolygon) and len(geom.geoms) == 1 else geom


def contents_from_frames(
    *, areas: gpd.GeoDataFrame, table: pd.DataFrame, catalogue: str, meta: Mapping[str, Any] | None = None
) -> Contents:
    """The database contents of a dataset: ``areas`` (``code``, ``name``, geometry, further text columns
    kept), the tidy ``table`` (``area_code, year, variable, value``), the catalogue's YAML text."""
    gdf = to_metric(areas, "Gebiete") if areas.crs is not None else areas.set_crs(METRIC_CRS)
    extra = [c for c in gdf.columns if c not in ("code", "name", gdf.geometry.name)]
    wkb = shapely.to_wkb([_multi(g) for g in gdf.geometry])
    rows = tuple(
        Area(
            code=str(code),
            name=str(name),
            wkb=bytes(w),
            props={c: "" if pd.isna(v) else str(v) for c, v in zip(extra, vals, strict=True)},
        )
        for code, name, w, *vals in zip(gdf["code"], gdf["name"], wkb, *(gdf[c] for c in extra), strict=True)
    )
    tidy = table[TIDY]
    values = pd.to_numeric(tidy["value"], errors="coerce")
    cells = tuple(
        (str(c), int(y), str(v), None if pd.isna(x) else float(x))
        for c, y, v, x in zip(tidy["area_code"], tidy["year"], tidy["variable"], values, strict=True)
    )
    plain = json.loads(json.dumps(dict(meta or {}), default=str))  # a JSON column: dates of an old meta.yaml as text
    return Contents(areas=rows, values=cells, catalogue=catalogue, meta=plain)


def frames_from_contents(contents: Contents) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Areas (``code``, ``name``, further columns, geometry in EPSG:25832) and the tidy table of ``contents``."""
    geoms = [_single(g) for g in shapely.from_wkb([a.wkb for a in contents.areas])]
    props = pd.DataFrame([dict(a.props) for a in contents.areas], index=range(len(contents.areas)))
    frame = pd.DataFrame({"code": [a.code for a in contents.areas], "name": [a.name for a in contents.areas]})
    areas = gpd.GeoDataFrame(pd.concat([frame, props], axis=1), geometry=geoms, crs=METRIC_CRS)
    tidy = pd.DataFrame(list(contents.values), columns=TIDY)
    tidy["year"] = tidy["year"].astype(int)
    tidy["value"] = tidy["value"].astype(float)
    return areas, tidy


def write_cache(folder: Path, contents: Contents) -> None:
    """Write the files of ``contents`` into ``folder`` (created; it must not exist yet)."""
    areas, tidy = frames_from_contents(contents)
    folder.mkdir(parents=True)
    areas.to_file(folder / FILES[0], layer=LAYER, driver="GPKG")
    tidy.to_csv(folder / FILES[1], index=False)
    (folder / FILES[2]).write_text(contents.catalogue, encoding="utf-8")


def ensure_cache(engine: Engine, root: Path, *, dataset_id: int, key: str) -> Path:
    """The cache folder of the version ``dataset_id`` (key ``key``), written from the database if absent.

    A version without contents in the database (an old folder not moved yet) gets no cache: its
    files are missing and reading them fails as a missing file would.
    """
    final = cache_folder(root, key)
    if (final / FILES[-1]).exists():
        return final
    contents = read(engine, dataset_id)
    if contents is None:
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}.", suffix=".tmp", dir=final.parent))
    try:
        write_cache(tmp / "v", contents)
        with contextlib.suppress(OSError):  # another process was faster: its copy is the same
            if final.exists() and not (final / FILES[-1]).exists():  # incomplete (e.g. emptied by hand)
                shutil.rmtree(final, ignore_errors=True)
            os.rename(tmp / "v", final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final
