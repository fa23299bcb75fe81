"""Measures on the map: the chosen indicator as choropleth, areas with measures outlined,
point locations as markers and polygon locations drawn (reuses :mod:`geo.webmap`)."""

from __future__ import annotations

from collections.abc import Iterable

import folium
import folium.plugins

from geo.join import indicator_layer
from geo.webmap.elements import AreasGroup, DrawLocal, FitAreas, draw_texts
from geo.webmap.folium_map import build_map, make_offline
from geo.webmap.html import element_text
from geo.webmap.layer import MapLabels, MapLayer, TileSource
from indicators.compute.classify import layer_classification
from indicators.dataset import Dataset
from indicators.planning.display import status_word
from indicators.planning.record_types import Location, MeasureRecord
from indicators.wording.voice import GERMAN, Voice


def measure_areas(measures: list[MeasureRecord], geography: str) -> dict[str, list[str]]:
    """Area code → titles of the measures there (for outline and tooltip)."""
    out: dict[str, list[str]] = {}
    for m in measures:
        if m["geography"] == geography:
            for c in m["areas"]:
                out.setdefault(c, []).append(m["title"])
    return out


def measures_map(
    ds: Dataset,
    indicator: str,
    year: int,
    measures: list[MeasureRecord],
    *,
    voice: Voice = GERMAN,
    tiles: TileSource | None = None,
    flag_label: str = "Gebiet mit Maßnahme",
) -> folium.Map:
    """The folium map of the Planung page and of the report's web view."""
    layer, city = indicator_layer(ds, indicator, year)
    where = measure_areas(measures, ds.geography.id)
    layer["flagged"] = layer["code"].isin(list(where))
    layer["note"] = [
        voice.t("plan_map_measures", names="; ".join(where[c])) if c in where else "" for c in layer["code"]
    ]
    ind = ds.catalogue[indicator]
    dec = ind.decimals_for(layer["value"])
    classes = layer_classification(layer, city, decimals=dec, voice=voice)
    map_labels = MapLabels(
        indicator_label=f"{ind.label(voice=voice)} {year}",
        unit=ind.unit_for(voice=voice),
        decimals=dec,
        city_value=city,
        city_name=ds.geography.reference_label(voice=voice),
        voice=voice,
        flag_label=flag_label,
    )
    m = build_map(MapLayer(layer, classes, map_labels), tiles=tiles)
    # drawn areas go with the choropleth's group, after it: over the areas, not hidden under them
    over = next((c for c in m._children.values() if isinstance(c, AreasGroup)), m)
    for rec in measures:
        loc = rec.get("location")
        if not loc or rec["geography"] != ds.geography.id:
            continue
        status = rec.get("status")  # the status in the reader's language beside the title
        tip = element_text(f"{rec['title']} ({status_word(status, voice=voice)})" if status else rec["title"])
        if loc["type"] == "Point":
            lon, lat = loc["coordinates"][:2]
            folium.Marker([lat, lon], tooltip=tip).add_to(m)  # Leaflet's own marker (folium.Icon needs a CDN)
        else:
            folium.GeoJson(
                loc, tooltip=tip, style_function=lambda _f: {"color": "#08306b", "weight": 2, "fillOpacity": 0.1}
            ).add_to(over)
    return m


def pick_map(
    ds: Dataset,
    location: Location | None,
    *,
    voice: Voice = GERMAN,
    tiles: TileSource | None = None,
    draw: bool = False,
    chosen: Iterable[str] = (),
) -> folium.Map:
    """A map to pick a measure's place: the areas outlined (names as tooltips), the place chosen so
    far (a GeoJSON Point as a marker, a Polygon or MultiPolygon drawn, WGS 84) and the ``chosen``
    area codes filled. With ``draw`` the drawing tool (polygon and rectangle, from the app's own
    static files) is on the map."""
    areas = ds.areas.to_crs(4326)
    west, south, east, north = areas.total_bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=11,
        tiles=None,
        control_scale=False,  # the metric scale bar comes with FitAreas (folium's adds miles)
        zoom_snap=0.25,  # the city fills the frame, not half of it at the next whole zoom level
        width="100%",
        height="100%",
    )
    make_offline(m)  # Leaflet from the app's own static files, as every map of the app
    if tiles:
        folium.TileLayer(tiles=tiles.url, attr=tiles.attribution, name="tiles").add_to(m)
    FitAreas([[south, west], [north, east]]).add_to(m)
    picked = {str(c) for c in chosen}
    frame = areas[["code", "name", areas.geometry.name]].assign(chosen=areas["code"].astype(str).isin(picked))
    folium.GeoJson(
        frame.to_json(),
        name=voice.t("plan_filter_area"),
        style_function=lambda f: {
            "color": "#4d4d4d",
            "weight": 1,
            "fillColor": "#2171b5" if f["properties"]["chosen"] else "#deebf7",
            "fillOpacity": 0.55 if f["properties"]["chosen"] else 0.35,
        },
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(m)
    if location is not None and location["type"] == "Point":
        lon, lat = location["coordinates"][:2]
        folium.Marker([lat, lon]).add_to(m)  # Leaflet's own marker, from the app's static files
    elif location is not None:  # a Polygon or MultiPolygon
        folium.GeoJson(
            location, style_function=lambda _f: {"color": "#08306b", "weight": 2.5, "fillOpacity": 0.15}
        ).add_to(m)
    if draw:
        DrawLocal(draw_texts(voice=voice)).add_to(m)  # before the toolbar: it reads the texts when made
        d = folium.plugins.Draw(  # type: ignore[no-untyped-call]  # folium is untyped
            export=False,
            position="topleft",
            draw_options={"polyline": False, "circle": False, "circlemarker": False, "marker": False},
        )  # areas only: polygon and rectangle
        make_offline(d)
        d.add_to(m)
    return m
