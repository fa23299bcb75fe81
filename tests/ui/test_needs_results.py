"""Bedarfslagen results a planner can read (AppTest on the shipped Lübeck data)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from testkit import ROOT

PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import needs
needs.render()
"""


def _page(**params) -> AppTest:
    at = AppTest.from_string(PAGE, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def test_an_empty_flag_list_says_why_and_names_the_highest_score():
    at = _page()  # z sum on the 10 Stadtteile, threshold 1: no Stadtteil reaches it
    assert not at.exception
    assert any(m.value.endswith(": 0**") for m in at.markdown)
    info = " ".join(i.value for i in at.info)
    assert "Kein Gebiet erreicht die Schwelle 1,00" in info
    assert "Moisling (0,76)" in info  # the highest composite of the shipped data
    assert "Standardabweichung 0," in info  # the composite's own spread, German decimals


def test_no_explanation_when_areas_are_flagged():
    at = _page(needs_threshold="0.5")  # Moisling 0,76 and Buntekuh 0,56 reach it
    assert not at.exception
    assert any(m.value.endswith(": 2**") for m in at.markdown)
    assert not [i for i in at.info if "Kein Gebiet" in i.value]


def test_the_explanation_in_english():
    at = AppTest.from_string(PAGE, default_timeout=120)
    at.session_state["lang"] = "en"  # what the app's language switch sets
    at.run()
    assert not at.exception
    info = " ".join(i.value for i in at.info)
    assert "No area reaches the threshold 1.00" in info and "Moisling's (0.76)" in info


def test_agreement_column_is_named_for_what_it_counts():
    """`share` is the variants agreeing with the result, flagged or not (it was labelled 'with a flag')."""
    from geo.geographies import get_geography
    from geo.loading import load_dataset
    from indicators.needs.assessment import default_setup, run_needs

    ds = load_dataset(get_geography("stadtteile"))
    result, _, rob = run_needs(ds, 2022, default_setup(ds, 2022))
    moisling = rob.set_index("id").loc["03"]
    assert not moisling["flag"] and moisling["share"] < 0.5  # not flagged, yet most variants flag it
    at = _page()
    table = at.dataframe[0].value
    assert "Übereinstimmung der Varianten" in table.columns
    assert "Anteil der Varianten mit Markierung" not in table.columns
    row = table[table["Gebiet"] == "Moisling"].iloc[0]
    assert (
        row["Übereinstimmung der Varianten"] == f"{round(moisling['share'] * 100)}\u00a0%"
    )  # German: no-break space before %
