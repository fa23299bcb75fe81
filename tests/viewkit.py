"""Helpers of the view-state tests: a page harness like app.py and the browser's stale labels.

The browser keeps a choice widget's value as the label it showed ("Stand") and sends that label
back with the next click, also after a language switch; AppTest would send the new label.
:func:`click_with_stale_labels` sends what the browser sends.
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ElementTree
from testkit import ROOT

HARNESS = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import importlib
import streamlit as st
from ui import common
common.language_switch()
page = st.session_state.get("page", "atlas")
importlib.import_module(f"ui.pages.{{page}}").render()
"""


def qp(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def labels_of(at: AppTest) -> dict[str, str]:
    """The shown label of every keyed choice widget (what the browser keeps as its value)."""
    out: dict[str, str] = {}
    for kind in ("radio", "selectbox"):
        for w in getattr(at, kind):
            if w.key and w.key != "lang" and w.index is not None:
                out[w.id] = w.options[w.index]
    return out


@contextmanager
def stale_labels(labels: dict[str, str | list[str]]):
    """While active, every run sends ``labels`` (widget id → label) instead of the current labels."""
    orig = ElementTree.get_widget_states

    def patched(self):
        ws = orig(self)
        sent = {w.id for w in ws.widgets}
        for w in ws.widgets:
            value = labels.get(w.id)
            if isinstance(value, list):
                w.string_array_value.data[:] = value
            elif value is not None:
                w.string_value = value
        for wid, value in labels.items():  # a widget AppTest would not send (e.g. never touched)
            if wid not in sent and isinstance(value, str):
                ws.widgets.add(id=wid, string_value=value)
        return ws

    ElementTree.get_widget_states = patched
    try:
        yield
    finally:
        ElementTree.get_widget_states = orig


def switch_language(at: AppTest, lang: str) -> AppTest:
    """The language radio clicked in the browser: the other widgets still send their old labels."""
    shown = labels_of(at)
    with stale_labels(shown):
        at.radio(key="lang").set_value(lang).run()
    return at


_ENV: dict[str, str] = {}


def synthetic_environment() -> dict[str, str]:
    """Environment of a data store with one uploaded SYNTHETIC geography ("Synthetisch", 4 areas, one
    rate over two years), an empty planning database and no login; made once per test process.

    Returned, not set: callers set it for their test only (``monkeypatch.setenv`` or save/restore).
    """
    if _ENV:
        return dict(_ENV)
    import tempfile

    import geopandas as gpd
    import pandas as pd
    from shapely.geometry import box

    from geo.uploads.datastore import DataStore, SaveRequest
    from indicators.catalogue import Indicator, Source

    root = tempfile.mkdtemp(prefix="walk-")
    env = {
        "SOZIALMONITOR_DATA_DIR": os.path.join(root, "var"),  # the database is a SQLite file in there
        "SOZIALMONITOR_AUTH": "none",
    }
    x0, y0 = 610_000, 5_970_000
    areas = gpd.GeoDataFrame(
        {"code": ["01", "02", "03", "04"], "name": [f"Synthetisch {i}" for i in range(1, 5)]},
        geometry=[box(x0 + i * 500, y0, x0 + i * 500 + 500, y0 + 500) for i in range(4)],
        crs=25832,
    )
    table = pd.DataFrame(
        {
            "area_code": ["01", "02", "03", "04"] * 2,
            "year": [2021] * 4 + [2022] * 4,
            "variable": "quote",
            "value": [3.5, 7.0, 1.25, 4.0, 3.0, 6.5, 2.0, 5.0],
        }
    )
    cat = {"quote": Indicator("quote", "Synthetische Quote", "Synthetic rate", "value", "%", source="synthetic")}
    DataStore(env["SOZIALMONITOR_DATA_DIR"]).save(
        SaveRequest(
            name="synthetisch",
            label_de="Synthetisch",
            areas=areas,
            table=table,
            catalogue=cat,
            sources={"synthetic": Source("synthetic", "Synthetische Testdaten")},
            reference_code=None,
        )
    )
    _ENV.update(env)
    return dict(env)
