"""Abfragen: the planners' ad-hoc spatial questions, one tool at a time."""
from __future__ import annotations

import streamlit as st

from ui import common
from ui.pages.query_area import render_area_tool
from ui.pages.query_tools import render_facilities_tool, render_filter_tool, render_raster_tool

TOOLS = {
    "area": ({"de": "Adresse und Umkreis", "en": "Address and radius"}, render_area_tool),
    "filter": ({"de": "Gebiete filtern", "en": "Filter areas"}, render_filter_tool),
    "facilities": ({"de": "Einrichtungen", "en": "Facilities"}, render_facilities_tool),
    "raster": ({"de": "Rasterdaten", "en": "Raster data"}, render_raster_tool),
}


def render() -> None:
    lang = common.lang()
    common.init_state("tool", "area", str, set(TOOLS))
    tool = st.radio("Werkzeug" if lang == "de" else "Tool", list(TOOLS), key="tool", horizontal=True,
                    format_func=lambda k: TOOLS[k][0][lang])
    common.sync_url(tool=None if tool == "area" else tool)
    TOOLS[tool][1]()
