"""Sozialmonitor Lübeck – Streamlit front door.

Run with ``make run``. This file only sets up the page, the language and the
navigation; every view lives in ``ui/`` and every computation in ``geo/`` and
``indicators/``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui import about, atlas, common, needs, queries, upload  # noqa: E402
from ui.i18n import t  # noqa: E402

st.set_page_config(page_title="Sozialmonitor Lübeck", page_icon="🗺️", layout="wide")
lang = common.language_switch()
st.sidebar.title(t("app_title", lang))

pages = [
    st.Page(atlas.render, title=t("page_atlas", lang), url_path="atlas", default=True),
    st.Page(needs.render, title=t("page_needs", lang), url_path="bedarfslagen"),
    st.Page(queries.render, title=t("page_queries", lang), url_path="abfragen"),
    st.Page(upload.render, title=t("page_upload", lang), url_path="daten"),
    st.Page(about.render, title=t("page_about", lang), url_path="about"),
]
st.navigation(pages).run()
