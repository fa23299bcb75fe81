"""Reach beside the need classes (Bedarfslagen) and in the Atlas area profile (AppTest, shipped Lübeck data)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from testkit import ROOT

from indicators.wording import t

NEEDS = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import needs
needs.render()
"""


def test_needs_page_shows_each_facility_layer_beside_the_need_classes():
    at = AppTest.from_string(NEEDS, default_timeout=180)
    at.query_params["needs_threshold"] = "0.5"  # Moisling and Buntekuh flagged
    at.run()
    assert not at.exception, at.exception
    assert t("sup_needs_title", "de") in [e.label for e in at.expander]
    table = next(d.value for d in at.dataframe if t("sup_col_need", "de") in d.value.columns)
    assert len(table) == 10
    assert {"Kitas: Erreichbarkeit (je 1.000)", "Schulen: Anteil weiter als 1000 m (%)"} <= set(table.columns)
    low = next(m.value for m in at.markdown if t("sup_need_low_reach", "de") in m.value)
    assert "Moisling" in low  # flagged, and 39 % of its under-18s live > 500 m from a Kita (city 25 %)
    assert "Stand 27.11.2023" in " ".join(c.value for c in at.caption)


def test_area_profile_names_the_reach_of_each_layer():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["area"] = "03"
    at.query_params["year"] = "2022"
    at.run()
    assert not at.exception, at.exception
    text = next((m.value for m in at.markdown if t("sup_profile_title", "de") in m.value), "")
    assert "Kitas: Erreichbarkeit" in text and "weiter als 500 m" in text
    assert "Schulen: Erreichbarkeit" in text and "weiter als 1000 m" in text
