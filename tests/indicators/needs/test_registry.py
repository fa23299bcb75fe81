"""The need-method registry (issue 25, item 2): adding a method is one module and one registry entry.

A tiny test method ("maxz": an area is flagged when its largest signed z-value reaches the
threshold) is registered at run time and must then appear everywhere a method is chosen or
compared: ``assess``, the robustness check, the consensus, the ``cli.py needs --method``
choices, the Bedarfslagen page's options and the Methoden page. The data are synthetic.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from testkit import ROOT

from indicators import wording
from indicators.needs.consensus import consensus
from indicators.needs.method import NeedMethod, finish
from indicators.needs.registry import (
    NEED_METHODS,
    UnknownNeedMethod,
    geography_method,
    method_names,
    need_method,
    register,
    unregister,
)
from indicators.needs.robustness import robustness
from indicators.needs.wide import assess
from indicators.needs.zscore import signed_zscores

TEXTS = {
    "needs_method_maxz": ("Größter z-Wert (Test)", "Largest z (test)"),
    "needs_score_maxz": ("größter z", "largest z"),
    "needs_note_maxz": ("Testverfahren", "Test method"),
    "methods_maxz_title": ("Testverfahren maxz", "Test method maxz"),
    "methods_maxz_body": ("Markiert beim größten z-Wert.", "Flags at the largest z."),
}


def _run_maxz(df, indicators, *, id_col, population_col, directions, weights, params):
    mask = pd.Series(True, index=df.index)
    z = signed_zscores(df, indicators, directions, mask, "areas", None)
    out = pd.DataFrame({"id": df[id_col].astype(str), "assessed": z.notna().all(axis=1), "reason": ""})
    out["score"] = z.max(axis=1)
    out["flag"] = out["score"] >= params["flag_threshold"]
    out["label"] = np.where(out["flag"], "auffällig", "unauffällig")
    return finish(out)


MAXZ = NeedMethod(name="maxz", runner=_run_maxz, preset={"flag_threshold": 2.5, "min_population": 0})


@pytest.fixture
def maxz(monkeypatch):
    for key, pair in TEXTS.items():
        monkeypatch.setitem(wording.TEXTS, key, pair)
    register(MAXZ)
    yield MAXZ
    unregister("maxz")
    # the pages cache robustness and consensus per dataset and year, not per set of registered methods
    # (fixed while the app runs): results computed with the test method must not reach later tests
    import streamlit as st

    st.cache_data.clear()


def synthetic() -> pd.DataFrame:
    """Ten synthetic areas, two indicators; area 9 is extreme in one of them."""
    rng = np.random.default_rng(3)
    a = rng.normal(size=10)
    a[9] = 6.0
    return pd.DataFrame({"id": [f"{i:02d}" for i in range(10)], "population": 1000, "a": a, "b": rng.normal(size=10)})


def test_the_built_in_methods_are_registered_in_order():
    assert method_names()[:3] == ("mss", "svi", "z")
    assert need_method("svi").threshold == 0.75
    with pytest.raises(UnknownNeedMethod, match="Bekannt: mss, svi, z"):
        need_method("bogus")


def test_default_method_comes_from_the_geographys_metadata_not_its_name():
    class Geo:
        id = "berlin-anything"
        need_method = ""

    assert geography_method(Geo()) == "z"  # the name alone decides nothing
    Geo.need_method = "mss"
    Geo.id = "somewhere"
    assert geography_method(Geo()) == "mss"
    from geo.geographies import get_geography

    assert get_geography("berlin-mss").need_method == "mss"
    assert geography_method(get_geography("stadtteile")) == "z"


def test_a_registered_method_is_assessed(maxz):
    df = synthetic()
    out = assess(df, "maxz", ["a", "b"], population_col="population")
    assert out.loc[out["flag"], "id"].tolist() == ["09"]
    assert out["rank"].iloc[9] == 1


def test_a_registered_method_takes_part_in_robustness_and_consensus(maxz):
    df = synthetic()
    rob = robustness(df, ["a", "b"], base_method="maxz", population_col="population")
    # 4 methods x 1 weight set x 3 thresholds: the test method is one of the alternatives
    assert rob["n_scenarios"].iloc[0] == 3 * len(NEED_METHODS) == 12
    c = consensus(df, ["a", "b"])
    assert "maxz" in c.methods and "flag__maxz" in c.areas
    assert "maxz" in c.areas.set_index("id").at["09", "flagged_by"]


def test_a_registered_method_is_a_cli_choice(maxz, capsys):
    from cli import build_parser

    args = build_parser().parse_args(["needs", "--method", "maxz"])
    assert args.method == "maxz"
    unregister("maxz")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["needs", "--method", "maxz"])
    assert "maxz" in capsys.readouterr().err


PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import needs
needs.render()
"""

METHODS_PAGE = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from ui.pages import methods
methods.render()
"""


def test_a_registered_method_is_an_option_of_the_needs_page_and_explained(maxz):
    at = AppTest.from_string(PAGE, default_timeout=120).run()
    assert not at.exception
    box = at.selectbox(key="needs_method")
    assert "maxz" in box.options or "Größter z-Wert (Test)" in box.options
    box.set_value("maxz").run()
    assert not at.exception
    assert any("Testverfahren" in c.value for c in at.caption)
    at = AppTest.from_string(METHODS_PAGE, default_timeout=90).run()
    assert "Testverfahren maxz" in [s.value for s in at.subheader]
