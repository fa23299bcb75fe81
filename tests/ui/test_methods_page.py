"""The Methoden page (ui/pages/methods.py) in AppTest: every method explained in both languages,
and the query tool's indicator ids of the chosen geography listed."""

import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from indicators.wording import t
from ui.pages.methods import SECTIONS

SCRIPT = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import streamlit as st
from ui.pages import methods
methods.render()
"""


def run(lang: str, geography: str = "stadtteile") -> AppTest:
    at = AppTest.from_string(SCRIPT, default_timeout=90)
    at.session_state["lang"] = lang
    at.query_params["geography"] = geography
    return at.run()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_method_has_its_section(lang):
    at = run(lang)
    assert not at.exception
    heads = [s.value for s in at.subheader]
    for name in SECTIONS:
        assert t(f"methods_{name}_title", lang) in heads
    text = " ".join(m.value for m in at.markdown)
    assert ("niedrig" if lang == "de" else "low") in text
    for word in ("HH", "LL", "HL", "LH", "ns", "300", "robust"):
        assert word in text


def test_query_ids_of_the_geography_are_listed():
    at = run("de")
    table = at.dataframe[0].value
    assert list(table.columns) == ["Kennung", "Bezeichnung", "Einheit"]
    assert "share_65plus" in set(table["Kennung"])
    row = table[table["Kennung"] == "share_65plus"].iloc[0]
    assert row["Bezeichnung"].startswith("Anteil 65")


def test_query_ids_follow_the_geography():
    at = run("de", "berlin-mss")
    assert not at.exception
    ids = set(at.dataframe[0].value["Kennung"])
    assert "share_65plus" not in ids and ids
