"""Measures on the map: the chosen indicator as choropleth, areas with measures outlined,
point locations as markers and polygon locations drawn (reuses :mod:`geo.webmap`)."""
from __future__ import annotations

import folium

from geo.join import indicator_layer
from geo.webmap.folium_map import build_map, make_offline
from geo.webmap.html import element_text
from geo.webmap.layer import MapLabels, MapLayer, TileSource
from indicators.compute.classify import layer_classification
from indicators.dataset import Dataset
from indicators.wording import t


def measure_areas(measures: list[dict], geography: str) -> dict[str, list[str]]:
    """Area code → titles of the measures there (for outline and tooltip)."""
    out: dict[str, list[str]] = {}
    for m in measures:
        if m["geography"] == geography:
            for c in m["areas"]:
                out.setdefault(c, []).append(m["title"])
    return out


def measures_map(ds: Dataset, indicator: str, year: int, measures: list[dict], *, lang: str = "de",
                 tiles: TileSource | None = None, flag_label: str = "Gebiet mit Maßnahme") -> folium.Map:
    """The folium map of the Planung page and of the report's web view."""
    layer, city = indicator_layer(ds, indicator, year)
    where = measure_areas(measures, ds.geography.id)
    layer["flagged"] = layer["code"].isin(list(where))
    layer["note"] = [t("plan_map_measures", lang, names="; ".join(where[c])) if c in where else ""
                     for c in layer["code"]]
    ind = ds.catalogue[indicator]
    dec = ind.decimals_for(layer["value"])
    classes = layer_classification(layer, city, lang=lang, decimals=dec)
    map_labels = MapLabels(indicator_label=f"{ind.label(lang)} {year}", unit=ind.unit_for(lang), decimals=dec,
                       city_value=city, city_name=ds.geography.reference_label(lang), lang=lang,
                       flag_label=flag_label)
    m = build_map(MapLayer(layer, classes, map_labels), tiles=tiles)
    for rec in measures:
        loc = rec.get("location")
        if not loc or rec["geography"] != ds.geography.id:
            continue
        tip = element_text(rec["title"])
        if loc["type"] == "Point":
            lon, lat = loc["coordinates"][:2]
            folium.Marker([lat, lon], tooltip=tip, icon=folium.Icon(color="darkblue", icon="flag")).add_to(m)
        else:
            folium.GeoJson(loc, tooltip=tip, style_function=lambda _f: {"color": "#08306b", "weight": 2,
                                                                        "fillOpacity": 0.1}).add_to(m)
    return m


def pick_map(ds: Dataset, point: dict | None, *, lang: str = "de", tiles: TileSource | None = None) -> folium.Map:
    """A map to pick a measure's location by a click: the areas outlined (names as tooltips) and the
    chosen point, if any, as a marker. ``point`` is a GeoJSON Point in WGS 84."""
    areas = ds.areas.to_crs(4326)
    west, south, east, north = areas.total_bounds
    m = folium.Map(location=[(south + north) / 2, (west + east) / 2], zoom_start=11, tiles=None,
                   control_scale=True, width="100%", height="100%")
    make_offline(m)  # Leaflet from the app's own static files, as every map of the app
    if tiles:
        folium.TileLayer(tiles=tiles.url, attr=tiles.attribution, name="tiles").add_to(m)
    m.fit_bounds([[south, west], [north, east]])
    folium.GeoJson(areas[["code", "name", areas.geometry.name]].to_json(), name=t("plan_filter_area", lang),
                   style_function=lambda _f: {"color": "#4d4d4d", "weight": 1, "fillColor": "#deebf7",
                                              "fillOpacity": 0.35},
                   tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False)).add_to(m)
    if point and point.get("type") == "Point":
        lon, lat = point["coordinates"][:2]
        folium.Marker([lat, lon], icon=folium.Icon(color="darkblue", icon="flag")).add_to(m)
    return m
