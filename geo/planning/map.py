"""Measures on the map: the chosen indicator as choropleth, areas with measures outlined,
point locations as markers and polygon locations drawn (reuses :mod:`geo.webmap`)."""
from __future__ import annotations

import folium

from geo.join import indicator_layer
from geo.webmap.folium_map import build_map
from geo.webmap.html import element_text
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
                 tiles: dict | None = None, flag_label: str = "Gebiet mit Maßnahme") -> folium.Map:
    """The folium map of the Planung page and of the report's web view."""
    layer, city = indicator_layer(ds, indicator, year)
    where = measure_areas(measures, ds.geography.id)
    layer["flagged"] = layer["code"].isin(list(where))
    layer["note"] = [t("plan_map_measures", lang, names="; ".join(where[c])) if c in where else ""
                     for c in layer["code"]]
    ind = ds.catalogue[indicator]
    dec = ind.decimals_for(layer["value"])
    classes = layer_classification(layer, city, lang=lang, decimals=dec)
    m = build_map(layer, classes, indicator_label=f"{ind.label(lang)} {year}", unit=ind.unit_for(lang), decimals=dec,
                  city_value=city, city_name=ds.geography.reference_label(lang), lang=lang,
                  flag_label=flag_label, **(tiles or {}))
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
