"""A measure's place: a point or an area drawn on the map, kept as a GeoJSON geometry in WGS 84.

:func:`drawn_location` turns what the map's drawing tool reports (streamlit-folium's
``all_drawings``: polygons and rectangles) into the geometry stored with the measure
(``location`` of :mod:`store.planning.records`); :func:`location_shapes` and
:func:`draw_locations` put the stored places on the Sachstand print map (EPSG:25832).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import geopandas as gpd
import shapely
from matplotlib.axes import Axes
from shapely.geometry import mapping, shape

from geo.crs import METRIC_CRS, WEB_CRS
from indicators.errors import InputError, msg
from indicators.planning.record_types import Location, MeasureRecord

DECIMALS = 6  # about 0.1 m in WGS 84: as the point picked by a click
LOCATION_COLOR = "#08306b"  # the measures' own places, as on the web map (geo.planning.map)


def _round(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.set_precision(geom, 10**-DECIMALS)


def drawn_location(drawings: Iterable[dict[str, Any]] | None) -> Location | None:
    """The area drawn for a measure: one Polygon or, for several drawings, a MultiPolygon (WGS 84).

    Parameters
    ----------
    drawings : iterable of dict or None
        GeoJSON Features (or bare geometries) as the draw tool reports them; lines, points and
        circles are not areas and are left out.

    Returns
    -------
    dict or None
        A GeoJSON geometry (``type``, ``coordinates``, six decimals), None if nothing was drawn.

    Raises
    ------
    InputError
        If the drawn shapes give no area (fewer than three distinct corners, a line, outside WGS 84).
    """
    parts = []
    for feat in drawings or []:
        if not isinstance(feat, dict):
            continue
        geom = feat.get("geometry") if feat.get("type") == "Feature" else feat
        if not isinstance(geom, dict) or geom.get("type") not in {"Polygon", "MultiPolygon"}:
            continue
        try:
            parts.append(shapely.make_valid(shape(geom)))
        except (ValueError, TypeError, AttributeError, IndexError, shapely.errors.GEOSException):
            raise InputError(msg("plan_err_drawn_area")) from None
    if not parts:
        return None
    area = _round(shapely.union_all(parts))
    polygons = [g for g in getattr(area, "geoms", [area]) if g.geom_type in {"Polygon", "MultiPolygon"}]
    area = _round(shapely.union_all(polygons)) if polygons else shapely.Polygon()
    x0, y0, x1, y1 = area.bounds if not area.is_empty else (0, 0, 0, 0)
    if area.is_empty or area.area <= 0 or not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
        raise InputError(msg("plan_err_drawn_area"))
    out = mapping(area)
    return {"type": out["type"], "coordinates": _lists(out["coordinates"])}


def _lists(value: Any) -> Any:
    """GeoJSON coordinates as nested lists (shapely gives tuples; the store keeps JSON)."""
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
        return [round(float(v), DECIMALS) for v in value]
    return [_lists(v) for v in value]


def area_km2(location: Location) -> float:
    """The size of a stored area (GeoJSON in WGS 84) in km², measured in EPSG:25832."""
    metric = gpd.GeoSeries([shape(location)], crs=WEB_CRS).to_crs(METRIC_CRS)
    return float(metric.area.iloc[0]) / 1e6


def location_shapes(measures: Iterable[MeasureRecord], geography: str) -> gpd.GeoDataFrame:
    """The places (points and areas) of the measures of ``geography``, in EPSG:25832.

    Columns ``id``, ``title`` and the geometry; measures without a place are left out.
    """
    rows = [
        (m["id"], m["title"], shape(m["location"]))
        for m in measures
        if m.get("location") and m.get("geography") == geography
    ]
    frame = gpd.GeoDataFrame(
        {"id": [r[0] for r in rows], "title": [r[1] for r in rows]}, geometry=[r[2] for r in rows], crs=WEB_CRS
    )
    return frame.to_crs(METRIC_CRS)


def draw_locations(ax: Axes, shapes: gpd.GeoDataFrame, *, line_scale: float = 1.0) -> int:
    """Draw the measures' areas (outlined, lightly filled) and points (markers) on a print map.

    Returns the number of places drawn (for the map's note).
    """
    if shapes.empty:
        return 0
    areas = shapes[shapes.geom_type.isin(["Polygon", "MultiPolygon"])]
    points = shapes[shapes.geom_type == "Point"]
    if not areas.empty:
        areas.plot(ax=ax, facecolor=LOCATION_COLOR, alpha=0.15, edgecolor="none", zorder=4, aspect=None)
        areas.boundary.plot(
            ax=ax, color=LOCATION_COLOR, linewidth=1.6 * line_scale, zorder=4.1, aspect=None
        )  # the page fixed the map's scale
    if not points.empty:
        ax.scatter(
            points.geometry.x,
            points.geometry.y,
            s=28 * line_scale,
            marker="o",
            color=LOCATION_COLOR,
            edgecolor="white",
            linewidth=0.8,
            zorder=4.2,
        )
    return len(areas) + len(points)


def areas_covered(areas: gpd.GeoDataFrame, location: Location, *, share: float = 0.01) -> list[str]:
    """Codes of the areas a drawn area lies in: those holding more than ``share`` of it (not a sliver
    along a border a hand-drawn line crossed), in the order of ``areas``; none for a point."""
    if location.get("type") not in {"Polygon", "MultiPolygon"}:
        return []
    drawn = gpd.GeoSeries([shape(location)], crs=WEB_CRS).to_crs(METRIC_CRS).iloc[0]
    metric = areas.to_crs(METRIC_CRS)
    overlap = metric.geometry.intersection(drawn).area
    return [str(c) for c, a in zip(metric["code"], overlap) if a > share * drawn.area]
