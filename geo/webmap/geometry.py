"""Geometry prepared for the web map: clean, simplified, WGS84, rounded.

Shared borders must stay shared after simplification, otherwise slivers and gaps
appear between Stadtteile. Simplifying each polygon on its own (``simplify``) moves
the two copies of a border differently, so the whole coverage is cleaned
(``coverage_clean``: shared edges made vertex-identical) and then simplified as one
(``coverage_simplify``), which moves every shared edge once for both neighbours.
Rounding the WGS84 coordinates afterwards keeps identical vertices identical.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from shapely.ops import polylabel

WEB_CRS = "EPSG:4326"
METRIC_CRS = "EPSG:25832"
DEFAULT_TOLERANCE_M = 10.0
# 5 decimals of a degree: 1.1 m north-south, 0.65 m east-west at Lübeck's latitude
DEFAULT_DECIMALS = 5

_CACHE: OrderedDict[str, np.ndarray] = OrderedDict()
_CACHE_SIZE = 16
_ENCODED: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()


def _metric(gdf: gpd.GeoDataFrame) -> gpd.GeoSeries:
    if gdf.crs is None:
        problem = "geometry has no CRS; expected EPSG:25832"
        raise ValueError(problem)
    geom = gdf.geometry
    if not CRS.from_user_input(gdf.crs).is_projected:
        geom = geom.to_crs(METRIC_CRS)
    return geom


def simplify_coverage(geoms: np.ndarray, tolerance_m: float = DEFAULT_TOLERANCE_M) -> np.ndarray:
    """Clean and simplify a polygon coverage in a metric CRS, keeping shared edges.

    Parameters
    ----------
    geoms : numpy.ndarray of shapely geometries
        Polygons that tile an area (Stadtteile, statistical districts).
    tolerance_m : float
        Roughly the square root of the area of removed triangles, in metres.

    Returns
    -------
    numpy.ndarray
        Valid coverage, every shared edge identical in both neighbours.
    """
    geoms = shapely.make_valid(np.asarray(geoms, dtype=object))
    if not shapely.coverage_is_valid(geoms):
        # slivers narrower than 1 m between neighbours are digitising noise
        geoms = shapely.coverage_clean(geoms, gap_width=1.0)
    if tolerance_m > 0:
        geoms = shapely.coverage_simplify(geoms, tolerance_m)
    return geoms


def _round(geoms: np.ndarray, decimals: int) -> np.ndarray:
    rounded = shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    # rounding can merge neighbouring vertices; drop the repeats (identically in
    # both neighbours, because their vertices were identical before)
    out: np.ndarray = shapely.remove_repeated_points(rounded)
    return out


def web_geometry(
    gdf: gpd.GeoDataFrame,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    decimals: int = DEFAULT_DECIMALS,
) -> gpd.GeoSeries:
    """Simplified, reprojected and rounded geometry for the browser.

    A pure function of the geometry and the parameters; results are memoised by
    a hash of the geometry's WKB, so Streamlit reruns with another indicator do
    not simplify again.

    Parameters
    ----------
    gdf : geopandas.GeoDataFrame
        Areas in EPSG:25832 (a geographic CRS is reprojected to it first).
    tolerance_m : float
        Simplification tolerance in metres (0 = no simplification).
    decimals : int
        Decimals kept of the WGS84 degrees.

    Returns
    -------
    geopandas.GeoSeries
        Same index as ``gdf``, CRS EPSG:4326.
    """
    metric = _metric(gdf)
    digest = hashlib.sha1(usedforsecurity=False)
    for wkb in shapely.to_wkb(metric.values, hex=False):
        digest.update(wkb)
    key = f"{digest.hexdigest()}|{metric.crs.to_string()}|{tolerance_m}|{decimals}"
    if key in _CACHE:
        _CACHE.move_to_end(key)
        geoms = _CACHE[key]
    else:
        simplified = gpd.GeoSeries(simplify_coverage(metric.values, tolerance_m), crs=metric.crs).to_crs(WEB_CRS)
        geoms = _round(simplified.values, decimals)
        _CACHE[key] = geoms
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return gpd.GeoSeries(geoms.copy(), index=gdf.index, crs=WEB_CRS)


def outline(web_geoms: gpd.GeoSeries) -> shapely.Geometry:
    """Outer boundary of the whole coverage (the city outline)."""
    return shapely.coverage_union_all(web_geoms.values).boundary


def label_points(gdf: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """A point well inside each area (pole of inaccessibility of its largest part).

    Computed in metres, returned in EPSG:4326.
    """
    metric = _metric(gdf)

    def one(geom: shapely.Geometry) -> shapely.Geometry:
        parts = shapely.get_parts(geom)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        return polylabel(largest, tolerance=10.0)

    points = [one(g) for g in metric.values]
    return gpd.GeoSeries(points, index=gdf.index, crs=metric.crs).to_crs(WEB_CRS)


def area_at(gdf: gpd.GeoDataFrame, lat: float, lng: float) -> object | None:
    """Index label of the area containing a clicked point (WGS84), or ``None``.

    Use with st_folium's ``last_object_clicked`` (``{"lat": .., "lng": ..}``).
    """
    point = gpd.GeoSeries([shapely.Point(lng, lat)], crs=WEB_CRS).to_crs(gdf.crs)
    hits = gdf.index[gdf.geometry.covers(point.iloc[0])]
    return hits[0] if len(hits) else None


def _delta_ring(coords, scale: float) -> list[int]:
    q = np.round(np.asarray(coords)[:, :2] * scale).astype(np.int64)
    return np.vstack([q[:1], np.diff(q, axis=0)]).ravel().tolist()


def encode_geometry(geom: shapely.Geometry, decimals: int = DEFAULT_DECIMALS) -> dict[str, Any]:
    """Compact GeoJSON-like geometry for the browser: integer deltas at ``10**decimals``.

    ``{"type": "Polygon", "q": [ring, ...]}`` where each ring is a flat list
    ``[x0, y0, dx1, dy1, ...]`` of integers; ``static/map/choropleth.js`` turns
    it back into coordinates. The coordinates are already rounded to
    ``decimals``, so this is lossless and shared vertices stay identical, at
    about half the bytes of decimal text.
    """
    scale = 10.0**decimals

    def poly(p: shapely.Polygon) -> list[list[int]]:
        return [_delta_ring(p.exterior.coords, scale)] + [_delta_ring(r.coords, scale) for r in p.interiors]

    if geom.geom_type == "Polygon":
        return {"type": "Polygon", "q": poly(geom)}
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    return {"type": "MultiPolygon", "q": [poly(p) for p in parts]}


def encode_geometries(web: gpd.GeoSeries, decimals: int = DEFAULT_DECIMALS) -> list[dict[str, Any]]:
    """:func:`encode_geometry` of every geometry, memoised by their WKB (a grid's cells are
    encoded once, not on every rerun). The dicts are shared: serialise them, do not change them."""
    digest = hashlib.sha1(usedforsecurity=False)
    for wkb in shapely.to_wkb(np.asarray(web.values), hex=False):
        digest.update(wkb)
    key = f"{digest.hexdigest()}|{decimals}"
    if key in _ENCODED:
        _ENCODED.move_to_end(key)
    else:
        _ENCODED[key] = [encode_geometry(g, decimals) for g in web.values]
        if len(_ENCODED) > _CACHE_SIZE:
            _ENCODED.popitem(last=False)
    return list(_ENCODED[key])
