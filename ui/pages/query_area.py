"""Abfragen, first tool: address lookup and custom-area estimates (radius or drawn shape)."""

from __future__ import annotations

import math

import folium
import pandas as pd
import shapely
import streamlit as st

from geo.join import indicator_layer
from geo.spatial.addresses import default_index, locate
from geo.spatial.estimate import circle, default_estimator, geometry_from_geojson
from geo.webmap.elements import map_spec
from geo.webmap.folium_map import build_map
from geo.webmap.html import element_text
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify
from indicators.formatting import fmt_number, fmt_range
from indicators.text import md
from indicators.wording import display_columns, t
from ui import common, downloads
from ui.map_view import show_map


@st.cache_resource(show_spinner=False)
def _addresses():
    return default_index()


@st.cache_resource(show_spinner=False)
def _estimator():
    return default_estimator()


def _estimate_table(result, lang: str) -> pd.DataFrame:
    w = result.wide(voice=common.voice())
    dec = result.decimals(w)
    return pd.DataFrame(
        {
            "variable": w["label"],
            "areal": [fmt_number(v, d, lang) for v, d in zip(w["areal"], dec)],
            "dasymetric": [fmt_number(v, d, lang) for v, d in zip(w["dasymetric"], dec)],
            "range": [
                fmt_range(a, b, d, lang) if pd.notna(a) and pd.notna(b) else "–"  # not "– – –"
                for a, b, d in zip(w["low"], w["high"], dec)
            ],
        }
    )


def _suggestions(suggestions: list[str], lang: str) -> None:
    """Suggestions as buttons (shown once): a click searches that address."""
    if not suggestions:
        return
    st.caption(t("did_you_mean", lang))
    cols = st.columns(len(suggestions))
    for i, (col, text) in enumerate(zip(cols, suggestions)):
        if col.button(text, key=f"q_sugg_{i}"):
            st.session_state["q_address_pick"] = text
            st.rerun()


def zoom_to(m: folium.Map, point: tuple[float, float], radius: float) -> None:
    """Fit the map to the circle around the address instead of the whole city."""
    lon, lat = point
    dlat = radius / 111_320 * 1.3
    dlon = dlat / max(math.cos(math.radians(lat)), 0.1)
    spec = map_spec(m)
    spec["fit"] = {**spec["fit"], "bounds": [[lat - dlat, lon - dlon], [lat + dlat, lon + dlon]]}


def _address_search(lang: str) -> tuple[str, tuple[float, float] | None]:
    """The address field and its answer: the typed text and the found point (lon, lat), if any."""
    st.markdown("#### " + t("q_find_an_address", lang))
    if "q_address_pick" in st.session_state:  # a clicked suggestion becomes the search text
        st.session_state["q_address"] = st.session_state.pop("q_address_pick")
    text = st.text_input(t("q_street_and_number", lang), key="q_address", placeholder="Breite Straße 62")
    if not text:
        return text, None
    res = locate(text, index=_addresses())
    if not res.found:
        common.show_error(
            res.notice_text(voice=common.voice()) or res.text(voice=common.voice()) or t("q_address_not_found", lang),
            "warning",
        )
        _suggestions(res.suggestions[:5], lang)
        return text, None
    hit = res.matches[0]
    if res.status == "street":  # no number given: the street's first address, and say so
        st.info(md(res.notice_text(voice=common.voice())))
    st.success(
        md(
            t(
                "q_address_hit",
                lang,
                address=hit.address,
                code=hit.stadtteil_code,
                name=hit.stadtteil_name,
                lat=fmt_number(hit.lat, 5, lang),
                lon=fmt_number(hit.lon, 5, lang),
            )
        )
    )
    st.markdown(f"[{t('q_open_area_profile', lang)}](./?area={hit.stadtteil_code})")
    return text, (hit.lon, hit.lat)


def _chosen_area(
    drawings: list, point: tuple[float, float] | None, radius: int, text: str, lang: str
) -> tuple[shapely.Geometry, str] | None:
    """The area to estimate: the last drawing, else the circle around the address; with its description."""
    if drawings:
        try:
            return geometry_from_geojson(drawings[-1]), t("q_drawn_area", lang)
        except ValueError as exc:
            common.show_error(exc)
            return None
    if point:
        return circle(point[0], point[1], radius), t("q_radius_around", lang, radius=radius, text=text)
    return None


def render_area_tool() -> None:
    lang = common.lang()
    ds = common.dataset("stadtteile")
    text, point = _address_search(lang)

    st.markdown("#### " + t("q_who_lives", lang))
    year = st.selectbox(t("year", lang), ds.years[::-1], key="q_year")
    radius = st.slider(t("q_radius", lang), 100, 3000, 500, 50, key="q_radius", help=t("help_radius", lang))
    layer, city = indicator_layer(ds, "population_density", year)
    density = ds.catalogue["population_density"]
    map_labels = MapLabels(
        indicator_label=density.label(voice=common.voice()),
        unit=density.unit_for(voice=common.voice()),
        voice=common.voice(),
        decimals=0,
    )
    m = build_map(
        MapLayer(layer, classify(layer["value"], palette="Greys"), map_labels), draw=True, tiles=common.tiles()
    )
    if point:
        folium.Circle([point[1], point[0]], radius=radius, color="#0b4f9c", fill=False).add_to(m)
        folium.Marker([point[1], point[0]], tooltip=element_text(text)).add_to(m)  # typed by the user
        zoom_to(m, point, radius)
    st.caption(t("q_draw_hint", lang))
    out = show_map(m, key="q_map", height=520, returned_objects=["all_drawings"])
    chosen = _chosen_area((out or {}).get("all_drawings") or [], point, radius, text, lang)
    if chosen is None:
        return
    geom, what = chosen
    try:
        result = _estimator().estimate(geom, year)
    except ValueError as exc:  # EstimateError: e.g. an empty or degenerate drawing
        common.show_error(exc)
        return
    st.markdown(f"**{md(what)}: {fmt_number(result.area_km2, 2, lang)} km²**")
    st.dataframe(
        display_columns(_estimate_table(result, lang), lang),
        hide_index=True,
        width="stretch",
        column_config={t("col_range", lang): st.column_config.TextColumn(help=t("help_estimate_range", lang))},
    )

    def make():
        from geo.exports.results import estimate_export

        return estimate_export(result, what, ds.attribution(), voice=common.voice())

    downloads.table_downloads(make, f"schaetzung_{year}", lang, t("dl_result", lang))
    for note in result.notes:
        st.caption(md(common.voice().text(note)))
    st.caption(t("q_estimate_note", lang))
    common.source_footer(ds)
