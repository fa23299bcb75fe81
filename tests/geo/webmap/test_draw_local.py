"""The drawing tool speaks the user's language: L.drawLocal is set from the wording table before the toolbar."""

from __future__ import annotations

import geopandas as gpd
from shapely.geometry import box

from geo.webmap.folium_map import build_map
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify
from indicators.wording.voice import Voice


def _html(lang: str) -> str:
    areas = gpd.GeoDataFrame(
        {"code": ["01", "02"], "name": ["A", "B"], "value": [1.0, 2.0]},  # synthetic
        geometry=[box(10.6, 53.8, 10.7, 53.9), box(10.7, 53.8, 10.8, 53.9)],
        crs=4326,
    )
    m = build_map(
        MapLayer(areas, classify(areas["value"], "quantiles", 2), MapLabels(indicator_label="x", voice=Voice.of(lang))),
        draw=True,
    )
    return m.get_root().render()


def test_the_draw_tool_texts_are_german_and_set_before_the_toolbar():
    html = _html("de")
    assert "Rechteck zeichnen" in html and "Zeichnen abbrechen" in html and "Abbrechen" in html
    assert html.index("L.drawLocal") < html.index("L.Control.Draw")  # the toolbar reads them when made


def test_english_keeps_english_texts():
    html = _html("en")
    assert "Draw a rectangle" in html and "Rechteck" not in html
