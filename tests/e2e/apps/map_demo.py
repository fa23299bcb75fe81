"""Demo page for the web-map browser tests. ALL VALUES ARE SYNTHETIC.

Loads the real Stadtteil boundaries, gives every area a made-up value, renames
Moisling to a hostile HTML string, and renders the offline map through st_folium.
Query parameters: ``lang=en``, ``labels=1``, ``scheme=fisher_jenks``,
``palette=RdBu_r``, ``selected=<code>``, ``draw=1``.

Streamlit serves ``static/`` next to the main script, so this folder holds a
``static`` symlink to the repository's ``static/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[2]), str(HERE)]

import streamlit as st  # noqa: E402
from demo_data import CITY_VALUE, load_areas  # noqa: E402
from streamlit_folium import st_folium  # noqa: E402

from geo.webmap.folium_map import build_map  # noqa: E402
from geo.webmap.layer import MapLabels, MapLayer  # noqa: E402
from indicators.compute.classify import classify  # noqa: E402
from indicators.wording.voice import Voice  # noqa: E402

st.set_page_config(page_title="Kartentest", layout="wide")
q = st.query_params
lang = q.get("lang", "de")
gdf = load_areas()
classes = classify(
    gdf["value"].where(~gdf["suppressed"]),
    q.get("scheme", "quantiles"),
    5,
    palette=q.get("palette", "YlOrRd"),
    reference=CITY_VALUE,
    voice=Voice.of(lang),
)
labels = MapLabels(
    indicator_label="Arbeitslosenquote (synthetisch)" if lang == "de" else "Unemployment rate (synthetic)",
    unit="%",
    city_value=CITY_VALUE,
    voice=Voice.of(lang),
)
m = build_map(
    MapLayer(gdf, classes, labels),
    show_labels=q.get("labels") == "1",
    selected=q.get("selected"),
    draw=q.get("draw") == "1",
    attribution="Geometrie: Hansestadt Lübeck (CC BY 4.0), Werte synthetisch",
)
st.subheader("Kartentest (synthetische Werte)")
out = st_folium(m, key="map", height=620, use_container_width=True, returned_objects=["last_object_clicked"])
clicked = (out or {}).get("last_object_clicked")
st.caption(f"last_object_clicked: {clicked}")
