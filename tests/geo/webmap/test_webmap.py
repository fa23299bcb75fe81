"""Offline folium map: asset links, escaping, geometry, legend. Values are SYNTHETIC."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import folium.plugins
import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon

from geo.webmap import html as maphtml
from geo.webmap.elements import map_spec
from geo.webmap.folium_map import asset_links, build_map, make_offline
from geo.webmap.geometry import label_points, simplify_coverage, web_geometry
from geo.webmap.layer import MapLabels, MapLayer, TileSource
from indicators.compute.classify import classify
from indicators.wording.voice import Voice

HOSTILE = "<img src=x onerror=alert(1)>"
STADTTEILE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/data/raw/luebeck-stadtteile-hl-quarto-db/stadtteile_luebeck.geojson"
)


def _jagged_grid(n: int = 3, size: float = 1000.0) -> gpd.GeoDataFrame:
    """n×n squares in EPSG:25832 whose shared edges zig-zag every 10 m."""
    rng = np.random.default_rng(1)
    x0, y0 = 610_000.0, 5_970_000.0
    xs = [x0 + i * size for i in range(n + 1)]
    ys = [y0 + j * size for j in range(n + 1)]

    # one random zig-zag per inner grid line, shared by both neighbours; corners fixed
    def jitter(k: int, t: float) -> float:
        return rng.normal(0, 3) if 0 < k < n and t % size else 0.0

    ts = np.arange(0, n * size + 1, 10.0)
    vert = {i: [(xs[i] + jitter(i, t), y0 + t) for t in ts] for i in range(n + 1)}
    horiz = {j: [(x0 + t, ys[j] + jitter(j, t)) for t in ts] for j in range(n + 1)}
    step = int(size / 10)
    polys = []
    for i in range(n):
        for j in range(n):
            bottom = horiz[j][i * step : (i + 1) * step + 1]
            right = vert[i + 1][j * step : (j + 1) * step + 1]
            top = horiz[j + 1][i * step : (i + 1) * step + 1][::-1]
            left = vert[i][j * step : (j + 1) * step + 1][::-1]
            polys.append(Polygon(bottom + right[1:] + top[1:] + left[1:]))
    gdf = gpd.GeoDataFrame({"code": [f"{k:02d}" for k in range(n * n)]}, geometry=polys, crs=25832)
    gdf["name"] = [f"Gebiet {k}" for k in range(n * n)]
    gdf["value"] = np.linspace(1, 20, n * n)
    return gdf


@pytest.fixture
def areas() -> gpd.GeoDataFrame:
    gdf = _jagged_grid()
    gdf.loc[4, "name"] = HOSTILE
    gdf.loc[1, "value"] = np.nan
    gdf["suppressed"] = False
    gdf.loc[2, "suppressed"] = True
    gdf["flagged"] = gdf["value"] > 15
    return gdf


def _map(areas, labels: dict | None = None, **kw) -> folium.Map:
    hidden = areas["suppressed"] if "suppressed" in areas else areas["value"].isna()
    c = classify(areas["value"].where(~hidden), "quantiles", 4)
    said = MapLabels(**{"indicator_label": "Quote", "unit": "%", "city_value": 9.5, **(labels or {})})
    return build_map(MapLayer(areas, c, said), **kw)


def _links(html: str) -> list[str]:
    return re.findall(r'<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"', html)


@pytest.mark.parametrize("kw", [{}, {"draw": True, "show_labels": True, "selected": "03"}])
def test_every_js_css_link_is_app_static(areas, kw):
    m = _map(areas, **kw)
    html = m.get_root().render()
    links = _links(html)
    assert links and all(u.startswith("/app/static/") for u in links), links
    assert all(u.startswith("/app/static/") for u in asset_links(m))
    for name in ("jquery", "bootstrap", "font-awesome", "fontawesome", "d3", "cdn"):
        assert name not in " ".join(links).lower()


def test_st_folium_gets_only_app_static_links(areas, monkeypatch):
    """Call the real st_folium with its component function captured."""
    import streamlit_folium

    seen = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: seen.update(kw))
    streamlit_folium.st_folium(_map(areas, draw=True), returned_objects=["last_object_clicked"])
    links = seen["js_links"] + seen["css_links"]
    assert seen["js_links"][0] == "/app/static/leaflet/leaflet.js"
    assert all(u.startswith("/app/static/") for u in links), links
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", seen["header"])
    assert "smChoropleth(map_div" in seen["script"]


def test_draw_toolbar_offers_areas_only(areas):
    """A line or a point has no inhabitants: the toolbar offers polygon, rectangle and circle."""
    draw = next(c for c in _map(areas, draw=True)._children.values() if isinstance(c, folium.plugins.Draw))
    offered = {
        k
        for k in ("polyline", "polygon", "rectangle", "circle", "marker", "circlemarker")
        if draw.draw_options.get(k, True) is not False
    }
    assert offered == {"polygon", "rectangle", "circle"}


def test_vendored_files_exist():
    root = Path(__file__).resolve().parents[3]
    for url in asset_links(_map(_jagged_grid(), draw=True)):
        assert (root / url.removeprefix("/app/")).is_file(), url


def test_make_offline_refuses_cdn_plugins():
    with pytest.raises(ValueError, match="internet"):
        make_offline(folium.plugins.MiniMap())


def test_no_tiles_unless_asked(areas):
    assert "tileLayer" not in _map(areas).get_root().render()
    html = _map(areas, tiles=TileSource(url="/tiles/{z}/{x}/{y}.png", attribution="Stadt")).get_root().render()
    assert "/tiles/{z}/{x}/{y}.png" in html


def test_data_strings_are_escaped(areas):
    areas.loc[0, "code"] = "</script><script>alert(2)</script>"
    html = (
        _map(
            areas,
            {"indicator_label": "<b>Quote</b>", "unit": "<i>%</i>"},
            show_labels=True,
            attribution="<script>x</script>",
        )
        .get_root()
        .render()
    )
    assert "<img" not in html
    assert "<b>Quote" not in html and "<i>%" not in html
    assert "alert(2)</script>" not in html and "<script>x" not in html
    assert html.count("</script>") == html.count("<script")  # nothing ends a script early


def test_tooltip_html_escapes_and_formats():
    tip = maphtml.tooltip_html(
        HOSTILE, 1234.5, labels=MapLabels(indicator_label="Quote", unit="%", city_value=10.0), rank=3, n_ranked=10
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip and "<img" not in tip
    assert "1.234,5\u00a0%" in tip and "3. von 10" in tip and "10,0\u00a0%" in tip
    en = maphtml.tooltip_html(
        "A", 1234.5, labels=MapLabels(indicator_label="Rate", voice=Voice.of("en")), rank=3, n_ranked=10
    )
    assert "1,234.5" in en and "3 of 10" in en
    sup = maphtml.tooltip_html("A", 5.0, labels=MapLabels(indicator_label="Q"), suppressed=True)
    assert "gesperrt" in sup and "5,0" not in sup


def test_legend_counts_exclude_no_data_and_suppressed(areas):
    m = _map(areas)
    spec = map_spec(m)
    legend = spec["legend"]["html"]
    counts = [int(n) for n in re.findall(r'<tr class="sm-class">.*?class="sm-n">(\d+)<', legend)]
    assert sum(counts) == len(areas) - 2
    assert "keine Daten" in legend and "gesperrt" in legend and "erhöhter Bedarf" in legend
    styles = {f["properties"]["code"]: f["properties"]["style"] for f in spec["areas"]["features"]}
    assert styles["02"]["fillColor"] == "url(#sm-hatch)"
    assert styles["01"]["fillColor"] == "#d4d4d4"
    assert len(spec["flagged"]["features"]) == int(areas["flagged"].sum())
    assert set(spec["areas"]["features"][0]["properties"]) == {"code", "tip", "style"}


def _shared_lengths(geoms) -> dict[tuple[int, int], float]:
    out = {}
    for i in range(len(geoms)):
        for j in range(i + 1, len(geoms)):
            inter = shapely.intersection(geoms[i].boundary, geoms[j].boundary)
            if inter.length > 0:
                out[(i, j)] = inter.length
    return out


def test_simplified_shared_borders_stay_shared():
    grid = _jagged_grid()
    simplified = simplify_coverage(grid.geometry.values, 25.0)
    assert shapely.get_num_coordinates(simplified).sum() < shapely.get_num_coordinates(grid.geometry.values).sum() / 3
    assert shapely.coverage_is_valid(simplified)
    assert _shared_lengths(simplified).keys() == _shared_lengths(grid.geometry.values).keys()
    web = web_geometry(grid, tolerance_m=25.0)
    assert web.crs.to_epsg() == 4326
    assert shapely.coverage_is_valid(web.values)
    assert _shared_lengths(web.values).keys() == _shared_lengths(grid.geometry.values).keys()
    coords = shapely.get_coordinates(web.values)
    assert np.allclose(coords, np.round(coords, 5), atol=0, rtol=0)


@pytest.mark.skipif(not STADTTEILE.exists(), reason="Lübeck boundaries not available")
def test_real_stadtteile_stay_a_coverage():
    gdf = gpd.read_file(STADTTEILE).to_crs(25832)
    web = web_geometry(gdf)
    assert shapely.coverage_is_valid(web.values)
    ref = simplify_coverage(gdf.geometry.values, 0)  # cleaned, unsimplified
    assert _shared_lengths(web.values).keys() == _shared_lengths(ref).keys()
    assert all(p.within(a) for p, a in zip(label_points(gdf).to_crs(25832), gdf.geometry))


def test_web_geometry_is_memoised_and_pure():
    grid = _jagged_grid()
    a, b = web_geometry(grid), web_geometry(grid.copy())
    assert a.geom_equals_exact(b, tolerance=0).all()
    assert grid.crs.to_epsg() == 25832  # input untouched


def test_missing_columns_raise(areas):
    c = classify(areas["value"])
    with pytest.raises(ValueError, match="value"):
        build_map(MapLayer(areas.drop(columns="value"), c, MapLabels(indicator_label="Quote")))


def test_tooltip_note_line_is_escaped():
    from geo.webmap.html import tooltip_html

    html = tooltip_html("A", 1.0, labels=MapLabels(indicator_label="x"), extra="<b>knapp</b> (60 %)")
    assert "&lt;b&gt;knapp&lt;/b&gt; (60 %)" in html and "<b>knapp" not in html
