"""The custom area of an estimate: a circle, a drawn shape (GeoJSON) or a polygon file, in EPSG:25832."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import shape

from geo.read_errors import GEOJSON_ERRORS
from indicators.errors import InputError, msg, rendered
from indicators.ingest.report import Report

MAX_RADIUS_M = 20_000
MAX_NESTING = 4  # GeometryCollections inside GeometryCollections: deeper is refused
_log = logging.getLogger(__name__)
_TO_METRIC = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)


class EstimateError(InputError):
    """The custom area cannot be used (message in German, says why)."""


def _check_lonlat(lon: float, lat: float) -> None:
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise EstimateError(msg("err_est_bad_lonlat", lon=lon, lat=lat))


def circle(lon: float, lat: float, radius_m: float) -> shapely.Polygon:
    """Circle of ``radius_m`` metres around a WGS84 point, in EPSG:25832."""
    _check_lonlat(lon, lat)
    if not 0 < radius_m <= MAX_RADIUS_M:
        raise EstimateError(msg("err_est_bad_radius", radius=radius_m, max=MAX_RADIUS_M))
    x, y = _TO_METRIC.transform(lon, lat)
    return shapely.Point(x, y).buffer(radius_m, quad_segs=32)


def _typed(geom: object, depth: int = 0) -> bool:
    """Whether ``geom`` is a mapping with a ``type`` string, and so is every member of a GeometryCollection.

    shapely's ``shape`` reads the members of a collection without checking them (``None`` among
    them is an ``AttributeError``); nesting deeper than a few levels is refused, not recursed into.
    """
    if not isinstance(geom, dict) or not isinstance(geom.get("type"), str):
        return False
    if geom["type"] != "GeometryCollection":
        return True
    members = geom.get("geometries", [])
    return depth < MAX_NESTING and isinstance(members, list) and all(_typed(m, depth + 1) for m in members)


def geometry_from_geojson(obj: dict[str, Any] | list[Any] | str) -> shapely.Geometry:
    """Polygon (EPSG:25832) from GeoJSON in EPSG:4326, e.g. folium Draw's ``all_drawings``.

    Accepts a geometry, a Feature, a FeatureCollection or a list of Features;
    several polygons are united. A Point with a ``radius`` property (a drawn
    circle) becomes that circle.
    """
    if isinstance(obj, str):
        try:
            obj = json.loads(obj)
        except json.JSONDecodeError as exc:
            raise EstimateError(msg("err_geojson_syntax", pos=exc.pos, detail=exc.msg)) from None
    if isinstance(obj, dict) and obj.get("type") == "FeatureCollection":
        obj = obj.get("features") or []
    features = obj if isinstance(obj, list) else [obj]
    parts = []
    for i, feat in enumerate(features, start=1):
        if not isinstance(feat, dict):
            raise EstimateError(msg("err_geojson_not_object", i=i))
        geom = feat.get("geometry", feat) if feat.get("type") == "Feature" else feat
        props = feat.get("properties") or {}
        if not _typed(geom):
            raise EstimateError(msg("err_geojson_no_type", i=i))
        try:
            g = shape(geom)
        except GEOJSON_ERRORS as exc:  # shapely on a malformed mapping (geo.read_errors)
            _log.info("GeoJSON object %d not readable", i, exc_info=exc)
            raise EstimateError(msg("err_geojson_geometry", i=i, detail=exc)) from None
        if g.geom_type == "Point" and props.get("radius"):
            parts.append(circle(g.x, g.y, float(props["radius"])))
            continue
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            raise EstimateError(msg("err_geojson_not_area", i=i, kind=g.geom_type))
        bounds = g.bounds
        if not (bounds[0] >= -180 and bounds[2] <= 180 and bounds[1] >= -90 and bounds[3] <= 90):
            raise EstimateError(msg("err_geojson_not_wgs84", i=i))
        parts.append(
            shapely.make_valid(shapely.transform(g, lambda c: np.column_stack(_TO_METRIC.transform(c[:, 0], c[:, 1]))))
        )
    if not parts:
        raise EstimateError(msg("err_geojson_no_area"))
    return shapely.union_all(parts)


def geometry_from_file(path: str | Path, name: str | None = None) -> tuple[shapely.Geometry | None, Report]:
    """Union of all polygons of a vector file (EPSG:25832), with the reading report."""
    from geo.boundaries import read_vector

    gdf, report = read_vector(path, name=name)
    if gdf is None:
        return None, report
    return shapely.union_all(gdf.geometry.values), report


def geometry_from_options(
    lon: float | None = None, lat: float | None = None, radius: float | None = None, polygon: str | None = None
) -> shapely.Geometry:
    """The area of ``cli.py estimate``: a circle (lon, lat, radius) or a polygon file.

    Raises :class:`EstimateError` for a wrong combination or an unusable file.
    """
    circle_args = (lon, lat, radius)
    if polygon and any(v is not None for v in circle_args):
        raise EstimateError(msg("err_est_polygon_or_circle"))
    if polygon:
        geom, report = geometry_from_file(polygon)
        if geom is None:
            raise EstimateError(rendered(report.to_text))
        return geom
    if lon is None or lat is None or radius is None:
        raise EstimateError(msg("err_est_circle_args"))
    return circle(lon, lat, radius)
