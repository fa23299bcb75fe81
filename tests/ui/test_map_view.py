"""ui.map_view.show_map: the areas travel as a feature group, the base map stays (SYNTHETIC areas)."""

from __future__ import annotations

import geopandas as gpd
import shapely
import streamlit_folium

from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify
from ui import map_view


def _areas(values: list[float]) -> gpd.GeoDataFrame:
    """SYNTHETIC: a row of 2 km squares near Lübeck (EPSG:25832), made-up values."""
    boxes = [shapely.box(605_000 + 2000 * i, 5_965_000, 607_000 + 2000 * i, 5_967_000) for i in range(len(values))]
    return gpd.GeoDataFrame(
        {
            "code": [f"A{i}" for i in range(len(values))],
            "name": [f"Gebiet {i}" for i in range(len(values))],
            "value": values,
        },
        geometry=boxes,
        crs="EPSG:25832",
    )


def _shown(monkeypatch, values: list[float], label: str) -> dict:
    seen: dict = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: seen.update(kw))
    monkeypatch.setattr(map_view, "st_folium", streamlit_folium.st_folium)
    areas = _areas(values)
    map_view.show_map(
        build_map(MapLayer(areas, classify(areas["value"], k=3), MapLabels(indicator_label=label))),
        key="map-x",
        height=500,
    )
    return seen


def test_another_indicator_keeps_the_component_and_swaps_the_group(monkeypatch):
    a = _shown(monkeypatch, [1.0, 2.0, 3.0, 4.0], "Quote A")
    b = _shown(monkeypatch, [9.0, 1.0, 5.0, 2.0], "Quote B")
    # the component's identity is the base script: the same, so the browser keeps the frame
    assert a["key"] == b["key"] and a["script"] == b["script"]
    assert "smChoropleth" not in a["script"]
    # the areas, legend and overlays come as the feature group, evaluated in that frame
    assert a["feature_group"] != b["feature_group"]
    assert "smChoropleth(map_div," in a["feature_group"] and "Quote B" in b["feature_group"]
    # the group smChoropleth fills is the one st_folium adds to the map and removes on the next change
    assert "var feature_group_feature_group_0 = L.featureGroup" in a["feature_group"]
    assert "feature_group_feature_group_0" in a["feature_group"].split("smChoropleth(map_div,")[1]
    assert "window.feature_group.push(feature_group_feature_group_0)" in a["feature_group"]


def test_another_geography_gets_its_own_component(monkeypatch):
    a = _shown(monkeypatch, [1.0, 2.0, 3.0, 4.0], "Quote")
    b = _shown(monkeypatch, [1.0, 2.0, 3.0], "Quote")  # other areas: other centre, other base map
    assert a["key"] != b["key"]
