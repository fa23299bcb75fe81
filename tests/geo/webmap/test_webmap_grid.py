"""Web map of thousands of cells: columns instead of per-area HTML (SYNTHETIC grid)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo.webmap.elements import map_spec
from geo.webmap.folium_map import COMPACT_MIN_AREAS, build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify

HOSTILE = "<img src=x onerror=alert(1)>"


def synthetic_cells(n_side: int = 40) -> gpd.GeoDataFrame:
    """SYNTHETIC: n_side² squares of 100 m near Lübeck (EPSG:25832), made-up values."""
    x0, y0 = 610_000, 5_970_000
    boxes = [
        shapely.box(x0 + 100 * i, y0 + 100 * j, x0 + 100 * (i + 1), y0 + 100 * (j + 1))
        for i in range(n_side)
        for j in range(n_side)
    ]
    gdf = gpd.GeoDataFrame({"code": [f"C{i}" for i in range(len(boxes))]}, geometry=boxes, crs="EPSG:25832")
    gdf["name"] = gdf["code"]
    gdf.loc[0, "code"] = HOSTILE
    gdf["value"] = np.arange(len(gdf), dtype=float) % 97
    gdf.loc[5, "value"] = np.nan
    gdf["suppressed"] = False
    gdf.loc[7, "suppressed"] = True
    return gdf


def _spec(m) -> dict:
    return map_spec(m)


def test_many_cells_are_sent_as_columns_not_html():
    cells = synthetic_cells()
    assert len(cells) > COMPACT_MIN_AREAS
    m = build_map(
        MapLayer(cells, classify(cells["value"], "quantiles", k=5), MapLabels(indicator_label="Wert", unit="%"))
    )
    spec = _spec(m)
    cp = spec["compact"]
    assert spec["areas"]["features"] == []
    assert len(cp["g"]) == len(cp["c"]) == len(cp["k"]) == len(cp["v"]) == len(cells)
    assert cp["k"][7] == -2 and cp["v"][7] is None  # suppressed: hatched, no value
    assert cp["k"][5] == -1 and cp["v"][5] is None  # no data
    assert cp["v"][1].replace("\xa0", " ") == "1,0 %"  # German number format, formatted on the server
    assert HOSTILE not in cp["c"] and "&lt;img" in cp["c"][0]  # escaped on the server
    html = m.get_root().render()
    assert "sm-tip" not in html.split("smChoropleth(")[1][:2000]  # no tooltip HTML per cell
    assert len(html.encode()) / len(cells) < 200  # bytes per cell


def test_few_areas_keep_server_tooltips():
    cells = synthetic_cells(5)
    m = build_map(MapLayer(cells, classify(cells["value"], "quantiles", k=3), MapLabels(indicator_label="Wert")))
    spec = _spec(m)
    assert spec["compact"] is None and len(spec["areas"]["features"]) == len(cells)
    assert all("tip" in f["properties"] for f in spec["areas"]["features"])
