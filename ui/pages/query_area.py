"""Abfragen, first tool: address lookup and custom-area estimates (radius or drawn shape)."""
from __future__ import annotations

import folium
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo.join import indicator_layer
from geo.spatial.addresses import default_index, locate
from geo.spatial.estimate import circle, default_estimator, geometry_from_geojson
from geo.webmap.folium_map import build_map
from indicators.compute.classify import classify
from indicators.formatting import fmt_number
from indicators.text import md
from ui import common


@st.cache_resource(show_spinner=False)
def _addresses():
    return default_index()


@st.cache_resource(show_spinner=False)
def _estimator():
    return default_estimator()


def _estimate_table(result, lang: str) -> pd.DataFrame:
    w = result.wide(lang)
    dec = [0 if k == "count" else 1 for k in w["kind"]]
    return pd.DataFrame({
        "Merkmal" if lang == "de" else "Variable": w["label"],
        "Flächengewichtung" if lang == "de" else "Areal weighting":
            [fmt_number(v, d, lang) for v, d in zip(w["areal"], dec)],
        "Adressgewichtung" if lang == "de" else "Dasymetric (addresses)":
            [fmt_number(v, d, lang) for v, d in zip(w["dasymetric"], dec)],
        "Spanne" if lang == "de" else "Range":
            [f"{fmt_number(a, d, lang)} – {fmt_number(b, d, lang)}" for a, b, d in zip(w["low"], w["high"], dec)],
    })


def render_area_tool() -> None:
    lang = common.lang()
    de = lang == "de"
    ds = common.dataset("stadtteile")
    st.markdown("#### " + ("Adresse suchen" if de else "Find an address"))
    text = st.text_input("Straße und Hausnummer" if de else "Street and number", key="q_address",
                         placeholder="Breite Straße 62")
    point = None
    if text:
        res = locate(text, index=_addresses())
        if res.found:
            hit = res.matches[0]
            point = (hit.lon, hit.lat)
            st.success(md(f"{hit.address}: Stadtteil {hit.stadtteil_code} {hit.stadtteil_name} "
                          f"({fmt_number(hit.lat, 5, lang)}, {fmt_number(hit.lon, 5, lang)})"))
            st.markdown(f"[{'Gebietsprofil öffnen' if de else 'Open area profile'}](./?area={hit.stadtteil_code})")
        else:
            common.show_error(res.message or ("Adresse nicht gefunden." if de else "Address not found."), "warning")
            if res.suggestions:
                st.text(("Meinten Sie: " if de else "Did you mean: ") + "; ".join(res.suggestions[:5]))

    st.markdown("#### " + ("Wer wohnt im Umkreis oder in einer gezeichneten Fläche?" if de
                           else "Who lives within a radius or a drawn area?"))
    year = st.selectbox("Jahr" if de else "Year", ds.years[::-1], key="q_year")
    radius = st.slider("Radius (m)", 100, 3000, 500, 50, key="q_radius")
    layer, city = indicator_layer(ds, "population_density", year)
    m = build_map(layer, classify(layer["value"], palette="Greys"), indicator_label="Einwohnerdichte",
                  unit="EW/km²", lang=lang, decimals=0, draw=True, **common.tiles())
    if point:
        folium.Circle([point[1], point[0]], radius=radius, color="#0b4f9c", fill=False).add_to(m)
    st.caption("Zeichnen Sie ein Rechteck oder Polygon in die Karte, oder suchen Sie oben eine Adresse."
               if de else "Draw a rectangle or polygon on the map, or search an address above.")
    out = st_folium(m, key="q_map", height=520, use_container_width=True, returned_objects=["all_drawings"])
    drawings = (out or {}).get("all_drawings") or []
    geom = None
    if drawings:
        try:
            geom = geometry_from_geojson(drawings[-1])
            what = "gezeichnete Fläche" if de else "drawn area"
        except ValueError as exc:
            common.show_error(exc)
    elif point:
        geom = circle(point[0], point[1], radius)
        what = f"{radius} m um {text}" if de else f"{radius} m around {text}"
    if geom is None:
        return
    try:
        result = _estimator().estimate(geom, year, None, lang)
    except ValueError as exc:  # EstimateError: e.g. an empty or degenerate drawing
        common.show_error(exc)
        return
    st.markdown(f"**{md(what)}: {fmt_number(result.area_km2, 2, lang)} km²**")
    st.dataframe(_estimate_table(result, lang), hide_index=True, width="stretch")
    for note in result.notes:
        st.caption(md(note))
    st.caption("Schätzung: Flächengewichtung verteilt die Zahlen eines Stadtteils gleichmäßig auf seine Fläche, "
               "Adressgewichtung auf seine amtlichen Adresspunkte (© GeoBasis-DE/LVermGeo SH, CC BY 4.0). "
               "Die Spanne zwischen beiden Verfahren zeigt die Unsicherheit. Quoten werden aus geschätzten Zahlen "
               "berechnet. Werte unter 3 werden nicht angezeigt." if de else
               "Areal weighting spreads a Stadtteil's counts evenly over its area, dasymetric weighting over its "
               "official address points (© GeoBasis-DE/LVermGeo SH, CC BY 4.0). The range between both shows the "
               "uncertainty. Rates are computed from estimated counts. Values below 3 are not shown.")
    common.source_footer(ds)
