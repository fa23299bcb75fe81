"""Bedarfslagen settings in the URL (issue 16, item 2): method, indicators, threshold and year are
written to the link and restored from it, like the atlas settings."""

from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import needs
needs.render()
"""


def qp(at: AppTest, key: str):
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


def test_changed_settings_are_written_to_the_url():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert not at.exception
    assert qp(at, "method") is None and qp(at, "needs_threshold") is None
    at.selectbox(key="needs_method").set_value("svi").run()
    assert not at.exception
    assert qp(at, "method") == "svi"
    assert at.text_input(key="needs_threshold").value == ""  # empty: the method's preset applies
    at.text_input(key="needs_threshold").set_value("0,5").run()
    assert qp(at, "needs_threshold") == "0.5"
    first = at.multiselect(key="needs_indicators").value[0]
    at.multiselect(key="needs_indicators").unselect(first).run()
    assert first not in qp(at, "needs").split(",")


def test_a_link_restores_the_settings():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update(
        {
            "geo": "stadtteile",
            "method": "svi",
            "needs": "share_65plus,share_under18",
            "needs_threshold": "0,6",
            "year": "2022",
            "nonsense": "1",
        }
    )
    at.run()
    assert not at.exception
    assert at.selectbox(key="needs_method").value == "svi"
    assert at.multiselect(key="needs_indicators").value == ["share_65plus", "share_under18"]
    assert at.text_input(key="needs_threshold").value == "0,6"
    assert at.selectbox(key="needs_year").value == 2022
    assert qp(at, "needs") == "share_65plus,share_under18" and qp(at, "method") == "svi"


def test_unknown_values_in_a_link_fall_back_to_the_defaults():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"method": "bogus", "needs": "nope,<script>", "needs_threshold": "abc"})
    at.run()
    assert not at.exception
    assert at.selectbox(key="needs_method").value in ("z", "mss")
    assert at.multiselect(key="needs_indicators").value  # the default indicators
    assert qp(at, "needs") is None and qp(at, "method") is None


def test_spatial_pattern_shows_the_areas_per_cluster_not_only_counts():
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert not at.exception
    text = "\n".join(m.value for m in at.markdown)
    assert "Gebiete je Cluster" in text
    for cluster in ("HH: hoch, Nachbarn hoch", "LL: niedrig", "ns: nicht signifikant"):
        assert cluster in text
    assert "St. Lorenz Süd" in text or "Innenstadt" in text  # area names, not only counts


def test_svi_with_a_low_threshold_from_a_link_works():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.query_params.update({"method": "svi", "needs_threshold": "0.5"})
    at.run()
    assert not at.exception
    assert at.text_input(key="needs_threshold").value == "0.5"
    assert qp(at, "needs_threshold") == "0.5"
