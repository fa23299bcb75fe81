"""Sozialmonitor Lübeck – Streamlit front door.

Run with ``make run``. This file only sets up the page, the language and the
navigation; every view lives in ``ui/pages/`` and every computation in ``geo/`` and
``indicators/``.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui import warmup

warmup.wait()  # under `cli.py serve`: the heavy imports below are done (or being done) already

from indicators.wording import t  # noqa: E402
from ui import auth, common  # noqa: E402

PAGES = [  # (module in ui/, title key, URL path)
    ("atlas", "page_atlas", "atlas"),
    ("needs", "page_needs", "bedarfslagen"),
    ("compare", "page_compare", "vergleich"),
    ("queries", "page_queries", "abfragen"),
    ("upload", "page_upload", "daten"),
    ("planning", "page_planning", "planung"),
    ("supply", "page_supply", "versorgung"),
    ("strategy", "page_strategy", "strategie"),
    ("methods", "page_methods", "methoden"),
    ("about", "page_about", "about"),
]


def _view(module: str):
    """The page function; its module is imported on first use, so starting the
    app does not load the libraries of pages nobody opened (esda, rasterio, ...)."""

    def render() -> None:
        importlib.import_module(f"ui.pages.{module}").render()

    render.__name__ = f"render_{module}"
    return render


st.set_page_config(page_title="Sozialmonitor Lübeck", page_icon="🗺️", layout="wide")
lang = common.language_switch()
user = auth.gate()  # the database is upgraded here; without the right to enter, only a login form
st.sidebar.title(t("app_title", lang))
if user.role == "admin":
    PAGES = [*PAGES, ("admin", "page_admin", "verwaltung")]
pages = [
    st.Page(_view(module), title=t(key, lang), url_path=path, default=(module == "atlas"))
    for module, key, path in PAGES
]
st.navigation(pages).run()
