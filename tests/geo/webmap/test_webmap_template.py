"""Text from the data is never evaluated as a jinja template when the map is rendered (SYNTHETIC cells)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify

JINJA = "{{ 7*7 }}"


def synthetic_cells(n_side: int) -> gpd.GeoDataFrame:
    """SYNTHETIC: n_side² squares of 100 m near Lübeck (EPSG:25832), made-up values."""
    x0, y0 = 610_000, 5_970_000
    boxes = [
        shapely.box(x0 + 100 * i, y0 + 100 * j, x0 + 100 * (i + 1), y0 + 100 * (j + 1))
        for i in range(n_side)
        for j in range(n_side)
    ]
    gdf = gpd.GeoDataFrame({"code": [f"C{i}" for i in range(len(boxes))]}, geometry=boxes, crs="EPSG:25832")
    gdf["name"] = gdf["code"]
    gdf["value"] = np.arange(len(gdf), dtype=float) % 97
    gdf["suppressed"] = False
    return gdf


@pytest.mark.parametrize("n_side", [5, 30])  # per-area tooltips and the compact columns of a grid
def test_braces_in_names_labels_and_sources_stay_text(n_side):
    cells = synthetic_cells(n_side)
    cells.loc[1, "name"] = JINJA + "Name"
    m = build_map(
        MapLayer(
            cells, classify(cells["value"], "quantiles", k=3), MapLabels(indicator_label=JINJA + "Label", unit="%")
        ),
        attribution=JINJA + "Quelle",
    )
    html = m.get_root().render()
    assert "49" + "Quelle" not in html and JINJA + "Quelle" in html
    assert "49Name" not in html and "49Label" not in html
    assert html.count("= smChoropleth(") == 1  # the map script is still there, once


def test_element_text_for_folium_tooltips_is_escaped_and_inert():
    import folium

    from geo.webmap.html import element_text

    m = folium.Map(tiles=None)
    folium.Marker([53.87, 10.68], tooltip=element_text("Breite Straße {{ 6*7 }} <b>")).add_to(m)
    html = m.get_root().render()
    assert "Breite Straße &#123;&#123; 6*7 &#125;&#125; &lt;b&gt;" in html
    assert "42" not in html.split("Breite Straße")[1][:40]
