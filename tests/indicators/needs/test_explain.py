"""German explanations of flags (synthetic data)."""

from __future__ import annotations

import pandas as pd

from indicators.needs.explain import explain, fmt_de, summary
from indicators.needs.wide import assess


def test_german_number_format():
    assert fmt_de(1.8) == "1,8"
    assert fmt_de(-0.04) == "0,0"
    assert fmt_de(0.925, 2) == "0,93" or fmt_de(0.925, 2) == "0,92"


def synthetic() -> pd.DataFrame:
    return pd.DataFrame({"id": list("abcdef"), "u18": [10.0, 11, 12, 13, 14, 30], "alone": [5.0, 5, 6, 6, 7, 6]})


def test_z_explanation_names_driver_with_value():
    res = assess(synthetic(), "z", ["u18", "alone"])
    ex = explain(res, {"u18": "Anteil unter 18", "alone": "Alleinlebende"})
    assert set(ex["id"]) == {"f"}
    top = ex.iloc[0]
    assert top["indicator"] == "u18"
    z = res.loc[5, "z__u18"]
    assert top["sentence"] == f"überdurchschnittlich: Anteil unter 18 (z = {fmt_de(z)})"
    assert "," in top["sentence"]
    assert summary(ex)["f"].startswith("überdurchschnittlich: Anteil unter 18")


def test_mss_and_svi_explanations():
    df = synthetic()
    mss = assess(df, "mss", ["u18", "alone"], exclude=())
    ex = explain(mss, {"u18": "Anteil unter 18"})
    assert "Anteil unter 18" in ex.loc[ex["id"] == "f", "sentence"].iloc[0]
    svi = assess(df, "svi", ["u18", "alone"], min_population=0)
    ex = explain(svi, {"u18": "Anteil unter 18"})
    f = ex[ex["id"] == "f"].iloc[0]
    assert f["kind"] == "Perzentil"
    assert f["sentence"] == "hoher Rang: Anteil unter 18 (Perzentil 1,00)"


def test_unlabelled_indicator_falls_back_to_id():
    ex = explain(assess(synthetic(), "z", ["u18"]), {})
    assert "u18" in ex.loc[0, "sentence"]
