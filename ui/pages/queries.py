"""Abfragen: the planners' ad-hoc spatial questions, one tool at a time."""

from __future__ import annotations

import streamlit as st

from indicators.wording import t
from ui import common
from ui.pages.query_area import render_area_tool
from ui.pages.query_tools import render_facilities_tool, render_filter_tool, render_raster_tool

TOOLS = {
    "area": render_area_tool,
    "filter": render_filter_tool,
    "facilities": render_facilities_tool,
    "raster": render_raster_tool,
}


def render() -> None:
    lang = common.lang()
    names = {k: t(f"q_tool_{k}", lang) for k in TOOLS}
    common.choice("tool", names, "area")
    tool = st.radio(t("q_tool", lang), list(names), key="tool", horizontal=True, format_func=names.__getitem__)
    # the shared view stays in the URL even when the tool has no geography choice (address search)
    common.sync_url(
        tool=None if tool == "area" else tool, geo=common.remembered("geo"), indicator=common.remembered("indicator")
    )
    TOOLS[tool]()
