"""Baseline page for P1/P2: bare Streamlit + st_folium with the same Stadtteile.

The naive build a newcomer would write: read the boundaries and the table on every
run, ``folium.GeoJson`` of the full-resolution geometry, fill colours from
quintiles of the chosen variable, no caching. The only change to plain folium is
the Leaflet source: the vendored copy under ``/app/static`` (offline; Streamlit
serves ``static/`` next to the main script, hence the ``bench/static`` symlink),
the same as the app loads. Values are the shipped, sourced table.

With ``BARE_CLASSES=mapclassify`` in the environment the class edges come from
``mapclassify.Quantiles`` instead, as ``GeoDataFrame.explore(scheme=...)`` would do
it: a diagnostic baseline for P1 that pays the classifier's imports (scipy,
scikit-learn, matplotlib) like the app does.
"""

from __future__ import annotations

import os
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

ROOT = Path(__file__).resolve().parents[1]
COLORS = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"]

st.set_page_config(page_title="Bare map", layout="wide")
areas = gpd.read_file(ROOT / "shapes" / "luebeck.gpkg", layer="stadtteile").to_crs(4326)
table = pd.read_csv(ROOT / "data" / "luebeck_stadtteile.csv", dtype={"area_code": str})
variables = sorted(table["variable"].unique())
var = st.sidebar.selectbox("Variable", variables, index=variables.index("population_total"))
rows = table[(table["variable"] == var) & (table["year"] == table["year"].max())]
values = dict(zip(rows["area_code"], rows["value"]))
if os.environ.get("BARE_CLASSES") == "mapclassify":
    import mapclassify

    edges = mapclassify.Quantiles(np.array(list(values.values()), float), k=5).bins[:-1]
else:
    edges = np.nanquantile(list(values.values()), [0.2, 0.4, 0.6, 0.8])
areas["value"] = areas["code"].map(values)


def style(feature: dict) -> dict:
    v = feature["properties"]["value"]
    fill = "#d4d4d4" if v is None else COLORS[int(np.searchsorted(edges, v))]
    return {"fillColor": fill, "color": "#ffffff", "weight": 0.8, "fillOpacity": 0.9}


m = folium.Map(location=[53.87, 10.69], zoom_start=11, tiles=None)
m.default_js = [("leaflet", "/app/static/leaflet/leaflet.js")]
m.default_css = [("leaflet_css", "/app/static/leaflet/leaflet.css")]
folium.GeoJson(areas[["code", "name", "value", "geometry"]].to_json(), style_function=style).add_to(m)
st_folium(m, key="map", height=620, use_container_width=True, returned_objects=["last_object_clicked"])
