"""A measure's area drawn on the map (issue 24, Deliver 2): what the draw tool reports becomes the
stored GeoJSON, the pick map offers the tool offline, and the Sachstand map page draws the places.

Every geometry here is SYNTHETIC (rectangles and triangles near Lübeck, made up for the test).
"""

from __future__ import annotations

import io

import geopandas as gpd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from shapely.geometry import shape

from geo.planning.evaluate import Datasets
from geo.planning.locations import LOCATION_COLOR, area_km2, areas_covered, drawn_location, location_shapes
from geo.planning.map import pick_map
from geo.planning.report import build_report
from indicators.errors import InputError
from indicators.wording.voice import GERMAN, Voice
from store import db
from store.permissions import User
from store.planning import repository as repo
from store.planning.records import clean

PLANNER, VIEWER = User("anna", "planner"), User("vera", "viewer")


def _rect(west: float, south: float, east: float, north: float) -> dict:
    """A rectangle as leaflet-draw reports it (a Feature with a Polygon, WGS 84)."""
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


SYNTHETIC = _rect(10.68, 53.86, 10.70, 53.87)


def test_a_drawn_rectangle_becomes_the_stored_polygon():
    loc = drawn_location([SYNTHETIC])
    assert loc["type"] == "Polygon"
    assert shape(loc).equals(shape(SYNTHETIC["geometry"]))
    assert 1.0 < area_km2(loc) < 1.6  # 0.02° × 0.01° at 54° N ≈ 1.3 km²
    assert (
        clean(
            "measure",
            {"title": "Synthetisch", "field": "Wohnen", "geography": "stadtteile", "location": loc},
            ["Wohnen"],
        )["location"]
        == loc
    )  # the store takes it as it is


def test_two_drawings_are_one_multipolygon_and_lines_or_markers_are_no_area():
    far = _rect(10.60, 53.80, 10.61, 53.81)
    line = {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[10.6, 53.8], [10.7, 53.9]]}}
    loc = drawn_location([SYNTHETIC, line, far])
    assert loc["type"] == "MultiPolygon" and len(loc["coordinates"]) == 2
    assert drawn_location([line]) is None and drawn_location([]) is None and drawn_location(None) is None


@pytest.mark.parametrize(
    "bad",
    [
        {"type": "Polygon", "coordinates": [[[10.6, 53.8], [10.7, 53.8], [10.6, 53.8]]]},  # two corners
        {"type": "Polygon", "coordinates": [[[10.6, 53.8], [10.7, 53.8], [10.8, 53.8], [10.6, 53.8]]]},  # a line
        {"type": "Polygon", "coordinates": [[[200, 53.8], [201, 53.8], [201, 54], [200, 53.8]]]},  # not WGS 84
    ],
)
def test_a_drawing_without_an_area_is_refused_with_a_message_in_both_languages(bad):
    with pytest.raises(InputError) as exc:
        drawn_location([{"type": "Feature", "geometry": bad}])
    assert "Gezeichnete Fläche" in str(exc.value) and "Drawn area" in exc.value.localized("en")


COORD = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(x0=COORD, y0=COORD, w=st.floats(1e-4, 0.2), h=st.floats(1e-4, 0.2), n=st.integers(1, 3))
def test_any_drawn_rectangles_round_trip_through_the_store(x0, y0, w, h, n):
    """Property: rectangles drawn anywhere near Lübeck give a valid area of six decimals, as large as
    drawn (to rounding), which the store keeps unchanged."""
    rects = [
        _rect(10.5 + x0 * 0.3 + i * 0.5, 53.8 + y0 * 0.1, 10.5 + x0 * 0.3 + i * 0.5 + w, 53.8 + y0 * 0.1 + h)
        for i in range(n)
    ]
    loc = drawn_location(rects)
    geom = shape(loc)
    assert geom.is_valid and geom.area > 0
    drawn = shapely.union_all([shape(r["geometry"]) for r in rects])
    assert abs(geom.area - drawn.area) <= 1e-5 * max(drawn.length, 1e-9)  # six decimals: ~0.1 m
    flat = shapely.get_coordinates(geom).ravel()
    assert all(abs(v * 1e6 - round(v * 1e6)) < 1e-6 for v in flat)
    assert (
        clean(
            "measure",
            {"title": "Synthetisch", "field": "Wohnen", "geography": "stadtteile", "location": loc},
            ["Wohnen"],
        )["location"]
        == loc
    )


def test_pick_map_offers_polygon_and_rectangle_from_the_apps_own_files(luebeck):
    html = pick_map(luebeck, drawn_location([SYNTHETIC]), voice=GERMAN, draw=True, chosen=["01"]).get_root().render()
    assert "/app/static/leaflet-draw/leaflet.draw.js" in html
    assert "cdn" not in html.lower() and "unpkg" not in html.lower()
    assert '"circle": false' in html and '"marker": false' in html  # areas only
    assert "Rechteck" in html  # the toolbar speaks German (DrawLocal)
    assert "10.68" in html  # the stored area is shown
    plain = pick_map(luebeck, None, voice=Voice.of("en")).get_root().render()
    assert "leaflet.draw.js" not in plain  # the point mode has no toolbar


def test_location_shapes_are_metric_and_keep_only_this_geography():
    measures = [
        {"id": 1, "title": "Synthetisch A", "geography": "stadtteile", "location": SYNTHETIC["geometry"]},
        {
            "id": 2,
            "title": "Synthetisch B",
            "geography": "stadtteile",
            "location": {"type": "Point", "coordinates": [10.69, 53.865]},
        },
        {"id": 3, "title": "Synthetisch C", "geography": "berlin-mss", "location": SYNTHETIC["geometry"]},
        {"id": 4, "title": "Synthetisch D", "geography": "stadtteile", "location": None},
    ]
    shapes = location_shapes(measures, "stadtteile")
    assert shapes["id"].tolist() == [1, 2] and shapes.crs.to_epsg() == 25832
    assert 1.0 < shapes.geometry.iloc[0].area / 1e6 < 1.6


@pytest.fixture
def engine(tmp_path):
    eng = db.make_engine(f"sqlite:///{tmp_path / 'plan.db'}")
    db.upgrade(eng)
    yield eng
    eng.dispose()


def test_the_sachstand_map_draws_a_measures_drawn_area(engine, luebeck, monkeypatch):
    """A measure with only a drawn area (no areas of the geography) is on the Sachstand map page."""
    import geo.planning.report as report

    repo.create(
        engine,
        PLANNER,
        "measure",
        {
            "title": "Synthetisch: Fläche",
            "field": "Wohnen",
            "geography": "stadtteile",
            "areas": [],
            "location": drawn_location([SYNTHETIC]),
            "start": "2020-01-01",
        },
    )
    figures = []
    build = report.build_print_map
    monkeypatch.setattr(report, "build_print_map", lambda *a, **k: figures.append(build(*a, **k)) or figures[-1])
    pdf = build_report(engine, VIEWER, year=2024, data=Datasets(lambda g: luebeck))
    ax = figures[0].map_ax
    blue = [
        c
        for c in ax.collections
        if len(c.get_edgecolor())
        and tuple(round(v, 3) for v in c.get_edgecolor()[0][:3])
        == tuple(round(int(LOCATION_COLOR[i : i + 2], 16) / 255, 3) for i in (1, 3, 5))
    ]
    assert blue  # the drawn area's outline
    x0, y0, x1, y1 = location_shapes(repo.list_records(engine, VIEWER, "measure"), "stadtteile").total_bounds
    (ax0, ax1), (ay0, ay1) = ax.get_xlim(), ax.get_ylim()
    assert ax0 <= x0 and x1 <= ax1 and ay0 <= y0 and y1 <= ay1  # inside the map, the map's extent kept
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Blau: Ort oder Fläche einer Maßnahme (1)" in text


def test_a_drawn_area_names_the_areas_it_lies_in_not_those_it_only_touches(luebeck):
    metric = luebeck.areas.to_crs(25832)
    inner = metric.geometry.iloc[0].representative_point().buffer(200)  # a synthetic disc inside area 1
    loc = {
        "type": "Polygon",
        "coordinates": [[list(c) for c in gpd.GeoSeries([inner], crs=25832).to_crs(4326).iloc[0].exterior.coords]],
    }
    assert areas_covered(luebeck.areas, loc) == [str(metric["code"].iloc[0])]
    both = shapely.union_all(
        [
            metric.geometry.iloc[0].representative_point().buffer(300),
            metric.geometry.iloc[1].representative_point().buffer(300),
        ]
    ).convex_hull
    wide = gpd.GeoSeries([both], crs=25832).to_crs(4326).iloc[0]
    codes = areas_covered(luebeck.areas, {"type": "Polygon", "coordinates": [[list(c) for c in wide.exterior.coords]]})
    assert {str(metric["code"].iloc[0]), str(metric["code"].iloc[1])} <= set(codes)
    assert areas_covered(luebeck.areas, {"type": "Point", "coordinates": [10.69, 53.86]}) == []


def test_a_drawn_area_lies_over_the_areas_on_the_planning_map(luebeck):
    """In the areas' group, after the choropleth: drawn in the base map it lay hidden under the areas."""
    import folium

    from geo.planning.map import measures_map
    from geo.webmap.elements import Choropleth, detach_areas

    measure = {
        "id": 1,
        "title": "Synthetisch: Fläche",
        "geography": "stadtteile",
        "areas": [],
        "status": "laufend",
        "location": drawn_location([SYNTHETIC]),
    }
    m = measures_map(luebeck, "share_65plus", 2022, [measure], voice=Voice.of("en"))
    assert "Synthetisch: Fläche (running)" in m.get_root().render()  # the status as a word in the tooltip
    group = detach_areas(measures_map(luebeck, "share_65plus", 2022, [measure], voice=Voice.of("en")))
    kinds = [type(c) for c in group._children.values()]
    assert Choropleth in kinds and folium.GeoJson in kinds
    assert kinds.index(folium.GeoJson) > kinds.index(Choropleth)


def test_point_markers_need_nothing_from_the_internet(luebeck):
    """folium.Icon needs Leaflet.awesome-markers (a CDN): offline its script failed in the browser
    ("Cannot read properties of undefined (reading 'icon')"). Leaflet's own marker comes with Leaflet."""
    from geo.planning.map import measures_map

    point = {"type": "Point", "coordinates": [10.69, 53.865]}
    measure = {
        "id": 1,
        "title": "Synthetisch: Punkt",
        "geography": "stadtteile",
        "areas": ["01"],
        "status": "geplant",
        "location": point,
    }
    for m in (pick_map(luebeck, point), measures_map(luebeck, "share_65plus", 2022, [measure])):
        html = m.get_root().render()
        assert "L.marker(" in html and "AwesomeMarkers" not in html and "awesome-markers" not in html
