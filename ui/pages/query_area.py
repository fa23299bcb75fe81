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
from indicators.wording import display_columns, t
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
        "variable": w["label"],
        "areal": [fmt_number(v, d, lang) for v, d in zip(w["areal"], dec)],
        "dasymetric": [fmt_number(v, d, lang) for v, d in zip(w["dasymetric"], dec)],
        "range": [f"{fmt_number(a, d, lang)} – {fmt_number(b, d, lang)}" for a, b, d in zip(w["low"], w["high"], dec)],
    })


def render_area_tool() -> None:
    lang = common.lang()
    ds = common.dataset("stadtteile")
    st.markdown("#### " + t("q_find_an_address", lang))
    text = st.text_input(t("q_street_and_number", lang), key="q_address",
                         placeholder="Breite Straße 62")
    point = None
    if text:
        res = locate(text, index=_addresses())
        if res.found:
            hit = res.matches[0]
            point = (hit.lon, hit.lat)
            st.success(t("q_address_hit", lang, address=hit.address, code=hit.stadtteil_code,
                         name=hit.stadtteil_name, lat=fmt_number(hit.lat, 5, lang), lon=fmt_number(hit.lon, 5, lang)))
            st.markdown(f"[{t('q_open_area_profile', lang)}](./?area={hit.stadtteil_code})")
        else:
            st.warning(res.message or t("q_address_not_found", lang))
            if res.suggestions:
                st.write((t("q_did_you_mean", lang)) + "; ".join(res.suggestions[:5]))

    st.markdown("#### " + t("q_who_lives", lang))
    year = st.selectbox(t("year", lang), ds.years[::-1], key="q_year")
    radius = st.slider(t("q_radius", lang), 100, 3000, 500, 50, key="q_radius")
    layer, city = indicator_layer(ds, "population_density", year)
    density = ds.catalogue["population_density"]
    m = build_map(layer, classify(layer["value"], palette="Greys"), indicator_label=density.label(lang),
                  unit=density.unit_for(lang), lang=lang, decimals=0, draw=True, **common.tiles())
    if point:
        folium.Circle([point[1], point[0]], radius=radius, color="#0b4f9c", fill=False).add_to(m)
    st.caption(t("q_draw_hint", lang))
    out = st_folium(m, key="q_map", height=520, use_container_width=True, returned_objects=["all_drawings"])
    drawings = (out or {}).get("all_drawings") or []
    geom = None
    if drawings:
        try:
            geom = geometry_from_geojson(drawings[-1])
            what = t("q_drawn_area", lang)
        except ValueError as exc:
            st.error(str(exc))
    elif point:
        geom = circle(point[0], point[1], radius)
        what = t("q_radius_around", lang, radius=radius, text=text)
    if geom is None:
        return
    try:
        result = _estimator().estimate(geom, year, None, lang)
    except ValueError as exc:  # EstimateError: e.g. an empty or degenerate drawing
        st.error(str(exc))
        return
    st.markdown(f"**{what}: {fmt_number(result.area_km2, 2, lang)} km²**")
    st.dataframe(display_columns(_estimate_table(result, lang), lang), hide_index=True, width="stretch")
    for note in result.notes:
        st.caption(note)
    st.caption(t("q_estimate_note", lang))
    common.source_footer(ds)
