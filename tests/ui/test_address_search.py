"""Address search on the Abfragen page (issue 16, item 8): AppTest without a browser."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import query_area
query_area.render_area_tool()
"""


def _page() -> AppTest:
    return AppTest.from_string(PAGE, default_timeout=120).run()


def test_missing_number_offers_the_nearest_numbers_once_as_buttons():
    at = _page()
    at.text_input(key="q_address").set_value("Travemünder Allee 1").run()
    assert not at.exception
    texts = " ".join(w.value for w in at.warning) + " ".join(m.value for m in at.markdown)
    assert "gibt es nicht" in texts and texts.count("1d") == 0  # the list is not repeated in the text
    labels = [b.label for b in at.button]
    assert labels[:3] == ["Travemünder Allee 1d", "Travemünder Allee 2", "Travemünder Allee 3"]
    at.button(key="q_sugg_0").click().run()
    assert not at.exception
    assert at.text_input(key="q_address").value == "Travemünder Allee 1d"
    assert any(s.value.startswith("Travemünder Allee 1d") for s in at.success)


def test_a_street_without_number_gets_a_notice():
    at = _page()
    at.text_input(key="q_address").set_value("Travemünder Allee").run()
    assert not at.exception
    assert any("keine Hausnummer angegeben" in i.value for i in at.info)


def test_the_map_zooms_to_the_address():
    import geopandas as gpd
    import shapely

    from geo.webmap.elements import map_spec
    from geo.webmap.folium_map import build_map
    from geo.webmap.layer import MapLabels, MapLayer
    from indicators.compute.classify import classify
    from ui.pages.query_area import zoom_to

    # SYNTHETIC: one 10 km square around Lübeck's centre (EPSG:25832)
    areas = gpd.GeoDataFrame(
        {"code": ["A"], "name": ["A"], "value": [1.0]},
        geometry=[shapely.box(605_000, 5_965_000, 615_000, 5_975_000)],
        crs="EPSG:25832",
    )
    m = build_map(MapLayer(areas, classify(areas["value"], k=1), MapLabels(indicator_label="Wert")))
    zoom_to(m, (10.6927, 53.8765), 500)
    (s, w), (n, e) = map_spec(m)["fit"]["bounds"]
    assert s < 53.8765 < n and w < 10.6927 < e and n - s < 0.02  # a few hundred metres, not the city
