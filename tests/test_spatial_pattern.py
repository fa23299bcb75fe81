"""Moran's I and LISA on a synthetic grid."""
from __future__ import annotations

import geopandas as gpd
import numpy as np
from shapely.geometry import box

from geo.spatial_pattern import spatial_pattern


def grid(values: np.ndarray) -> gpd.GeoDataFrame:
    n = values.shape[0]
    cells = [box(i, j, i + 1, j + 1) for j in range(n) for i in range(n)]
    return gpd.GeoDataFrame({"code": [f"c{k}" for k in range(n * n)], "v": values.ravel()},
                            geometry=cells, crs="EPSG:25832")


def test_clustered_grid_gives_positive_moran_and_hh_ll():
    rng = np.random.default_rng(0)  # synthetic
    v = rng.normal(0, 0.1, (6, 6))
    v[:3, :3] += 5
    res = spatial_pattern(grid(v), "v")
    assert res.moran_i > 0.3 and res.p_sim < 0.05
    assert set(res.local["cluster"]) <= {"HH", "LL", "HL", "LH", "ns"}
    assert "HH" in set(res.local["cluster"])
    assert "36 Gebiete" in res.note
    small = spatial_pattern(grid(v[:4, :4]), "v")
    assert "Teststärke gering" in small.note  # 16 areas: low power
    again = spatial_pattern(grid(v), "v")
    assert np.array_equal(res.local["p_sim"], again.local["p_sim"]) and res.p_sim == again.p_sim


def test_fdr_is_not_more_liberal_and_missing_values_dropped():
    v = np.arange(36, dtype=float).reshape(6, 6)
    g = grid(v)
    g.loc[0, "v"] = np.nan
    a = spatial_pattern(g, "v")
    b = spatial_pattern(g, "v", fdr=True)
    assert len(a.local) == 35
    assert (b.local["cluster"] != "ns").sum() <= (a.local["cluster"] != "ns").sum()
