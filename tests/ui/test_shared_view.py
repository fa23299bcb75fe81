"""Context that stays (issue 16, item 2): the geography and the map settings are part of the shared
view — written to the URL (``?geo=…``), kept when the planner switches pages, restored from a link."""

from streamlit.testing.v1 import AppTest
from testkit import ROOT

APP = str(ROOT / "app.py")
PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from ui import common
from ui.pages import atlas, needs
{{"atlas": atlas, "needs": needs}}[st.session_state.get("page", "atlas")].render()
"""


def geo_box(at: AppTest):
    return next(s for s in at.selectbox if s.label == "Gebietsgliederung")


def qp(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_link_restores_geography_indicator_palette_labels_threshold():
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in {
        "geo": "stadtteile",
        "indicator": "share_under18",
        "palette": "Greens",
        "labels": "1",
        "threshold": "15,5",
    }.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception
    assert geo_box(at).value == "stadtteile"
    assert at.selectbox(key="indicator").value == "share_under18"
    assert at.selectbox(key="palette").value == "Greens"
    assert at.checkbox(key="labels").value is True
    assert at.text_input(key="threshold-share_under18-level").value == "15,5"
    assert qp(at, "threshold") == "15,5" and qp(at, "palette") == "Greens" and qp(at, "geo") == "stadtteile"


def test_old_geography_parameter_is_read_and_written_as_geo():
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["geography"] = "berlin-mss"
    at.run()
    assert not at.exception
    assert geo_box(at).value == "berlin-mss"
    assert qp(at, "geo") == "berlin-mss" and qp(at, "geography") is None


def test_geography_chosen_in_atlas_is_kept_on_the_needs_page_and_in_its_url():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert not at.exception
    geo_box(at).set_value("berlin-mss").run()
    assert qp(at, "geo") == "berlin-mss"
    indicator = qp(at, "indicator")
    # a page switch: Streamlit empties the query string
    at.query_params.clear()
    at.session_state["page"] = "needs"
    at.run()
    assert not at.exception
    assert geo_box(at).value == "berlin-mss"
    assert qp(at, "geo") == "berlin-mss" and qp(at, "indicator") == indicator


def test_threshold_of_another_indicator_is_not_carried_over():
    at = AppTest.from_file(APP, default_timeout=120)
    for k, v in {"indicator": "share_under18", "threshold": "15,5"}.items():
        at.query_params[k] = v
    at.run()
    at.selectbox(key="indicator").set_value("share_65plus").run()
    assert not at.exception
    assert at.text_input(key="threshold-share_65plus-level").value == ""
    assert qp(at, "threshold") is None
