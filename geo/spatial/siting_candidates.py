"""Candidate sites for new facilities (:func:`geo.spatial.siting.choose_sites`): the address
points (thinned to one per cell when there are too many), the centres of grid cells with
addresses, or an uploaded point file read through the upload gate.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np

from geo.spatial.addresses import load_addresses, points_area_codes
from geo.spatial.reach_points import Points, ReachError, load_supply
from indicators.errors import msg

CANDIDATE_SOURCES = ("addresses", "grid")
MAX_CANDIDATES = 5_000
GRID_CELL_M = 250.0
ADDRESS_CELL_M = 150.0  # address candidates are thinned to one per cell of this size when too many


def candidates_from(
    *,
    source: str | Path,
    areas: gpd.GeoDataFrame,
    addresses: gpd.GeoDataFrame | None = None,
    cell: float = GRID_CELL_M,
    name: str | None = None,
) -> Points:
    """Candidate sites: the address points, the centres of grid cells with addresses, or a file.

    Parameters
    ----------
    source
        ``addresses``, ``grid`` or a point file (read through the upload gate).
    areas
        Areas of the geography (candidates outside every area are dropped).
    cell
        Grid cell size in metres for ``grid``.
    """
    if str(source) not in CANDIDATE_SOURCES:
        cand = load_supply(facilities=source, areas=areas, name=name)
        cand.name(msg("site_cand_from", label=cand.words or cand.label))
    else:
        pts = load_addresses() if addresses is None else addresses
        codes = points_area_codes(pts.geometry, areas)
        keep = codes != ""
        xy = np.column_stack([pts.geometry.x.to_numpy(), pts.geometry.y.to_numpy()])[keep]
        if str(source) == "addresses":
            ids, codes = pts["id"].astype(str).to_numpy()[keep], codes[keep]
            label = msg("site_cand_addresses")
            if len(xy) > MAX_CANDIDATES:  # one address per cell: the one nearest the mean of the cell's addresses
                pick = _one_per_cell(xy, ADDRESS_CELL_M)
                xy, ids, codes = xy[pick], ids[pick], codes[pick]
                label = msg("site_cand_addresses_thinned", cell=f"{ADDRESS_CELL_M:g}")
            cand = Points(ids, xy, np.ones(len(xy)), codes, str(label), words=label)
        else:
            cells = np.unique(np.floor(xy / cell), axis=0)
            centres = (cells + 0.5) * cell
            ids = np.array([f"{int(cx)}_{int(cy)}" for cx, cy in centres])
            ccodes = points_area_codes(gpd.GeoSeries.from_xy(centres[:, 0], centres[:, 1]), areas)
            inside = ccodes != ""  # a centre outside every area (water, the city limit) is no site
            centres, ids, ccodes = centres[inside], ids[inside], ccodes[inside]
            label = msg("site_cand_grid", cell=f"{cell:g}")
            cand = Points(ids, centres, np.ones(len(ids)), ccodes, str(label), words=label)
    if len(cand) > MAX_CANDIDATES:
        raise ReachError(msg("err_site_too_many", n=len(cand), max=MAX_CANDIDATES))
    return cand


def _one_per_cell(xy: np.ndarray, cell: float) -> np.ndarray:
    """Indices of one point per square cell: the point nearest the mean of the cell's points."""
    _, inv = np.unique(np.floor(xy / cell).astype(np.int64), axis=0, return_inverse=True)
    inv = inv.ravel()
    n = np.bincount(inv)
    cx, cy = np.bincount(inv, weights=xy[:, 0]) / n, np.bincount(inv, weights=xy[:, 1]) / n
    d = (xy[:, 0] - cx[inv]) ** 2 + (xy[:, 1] - cy[inv]) ** 2
    order = np.lexsort((d, inv))
    first = np.r_[True, inv[order][1:] != inv[order][:-1]]
    return np.sort(order[first])
