"""Polygons as one matplotlib collection, built from shapely's coordinate arrays.

``GeoDataFrame.plot`` makes one ``PathPatch`` per polygon (property setters,
colour parsing, a compound path per polygon) before it bundles them into a
``PatchCollection``: for the 4,350 cells of the 100 m census grid that is most
of a print map's time. Here the vertices of all rings come out of shapely in
one call, the ring codes are set with numpy, and one ``Path`` per geometry goes
into one ``PathCollection`` — the same picture, one artist.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.path import Path

from geo.printmap.page import Panel

MANY_AREAS = 500  # above this many areas (census grids) edges are drawn as hairlines


def polygon_paths(geoms: Sequence[shapely.Geometry] | np.ndarray) -> list[Path]:
    """One compound path per (Multi)Polygon: every ring closed, holes oriented against the shell.

    Empty or non-areal geometries give an empty path, so the list stays
    aligned with ``geoms`` (and with per-area colours).
    """
    geoms = np.asarray(geoms, dtype=object)
    if not len(geoms):
        return []
    areal = np.isin(shapely.get_type_id(geoms), (3, 6))  # Polygon, MultiPolygon
    geoms = geoms.copy()
    geoms[~areal] = None
    geoms = shapely.orient_polygons(geoms)  # shell counter-clockwise, holes clockwise: non-zero fill
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    if len(coords):
        starts = np.flatnonzero(np.r_[True, np.diff(ring_of) != 0])
        codes[starts] = Path.MOVETO
        codes[np.r_[starts[1:] - 1, len(coords) - 1]] = Path.CLOSEPOLY
    geom_of = owner[ring_part[ring_of]]
    bounds = np.searchsorted(geom_of, np.arange(len(geoms) + 1))
    return [Path(coords[a:b], codes[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]


def add_polygons(ax: Axes | Panel, geoms: Sequence[shapely.Geometry] | np.ndarray, **style) -> PathCollection:
    """Add the polygons as one ``PathCollection`` in data coordinates (style as for collections)."""
    coll = PathCollection(polygon_paths(geoms), **style)
    coll.set_transform(ax.transData)
    ax.add_collection(coll, autolim=False)
    return coll


def add_lines(ax: Axes | Panel, geoms: Sequence[shapely.Geometry] | np.ndarray, **style) -> LineCollection:
    """Add (multi)line geometries as one ``LineCollection`` (one segment list per part)."""
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    coords, idx = shapely.get_coordinates(parts, return_index=True)
    bounds = np.searchsorted(idx, np.arange(len(parts) + 1))
    coll = LineCollection([coords[a:b] for a, b in zip(bounds[:-1], bounds[1:])], **style)
    ax.add_collection(coll, autolim=False)
    return coll


_OUTLINES: dict[tuple[int, ...], tuple[np.ndarray, shapely.Geometry]] = {}


def outline_of(geoms: Sequence[shapely.Geometry] | np.ndarray) -> shapely.Geometry:
    """The union of the areas: a coverage union when they form a valid coverage (grids do), else a full one.

    Remembered for the last few sets of geometry objects: a report draws the same areas on
    many pages (the key is the objects' identity, and the entry keeps them alive).
    """
    geoms = np.asarray(geoms, dtype=object)
    key = tuple(map(id, geoms))
    hit = _OUTLINES.get(key)
    if hit is not None and all(a is b for a, b in zip(hit[0], geoms)):
        return hit[1]
    if len(geoms) > MANY_AREAS and shapely.coverage_is_valid(geoms):
        out = shapely.coverage_union_all(geoms)
    else:
        out = shapely.union_all(geoms)
    if len(_OUTLINES) >= 8:
        _OUTLINES.pop(next(iter(_OUTLINES)))
    _OUTLINES[key] = (geoms.copy(), out)
    return out
