"""Method z: composite and single-indicator flags (synthetic data)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.needs.zscore import ZParams, signed_zscores, z_assess


def synthetic() -> pd.DataFrame:
    return pd.DataFrame(
        {"id": list("abcd"), "pop": [1000, 1000, 1000, 100], "x": [1.0, 2.0, 3.0, 99.0], "y": [30.0, 20.0, 10.0, 99.0]}
    )


def test_signed_z_and_directions():
    z = signed_zscores(synthetic().iloc[:3], ["x", "y"], {"y": -1})
    sd = (2 / 3) ** 0.5
    assert z["x"].tolist() == pytest.approx([-1 / sd, 0.0, 1 / sd])
    assert z["y"].tolist() == pytest.approx([-1 / sd, 0.0, 1 / sd])  # reversed


def test_composite_weights_threshold_and_small_area():
    r = z_assess(
        synthetic(),
        ["x", "y"],
        directions={"y": -1},
        weights={"x": 3, "y": 1},
        params=ZParams(threshold=1.0),
        population_col="pop",
    )
    sd = (2 / 3) ** 0.5
    assert r["composite"].tolist()[:3] == pytest.approx([-1 / sd, 0.0, 1 / sd])
    assert r["flag"].tolist() == [False, False, True, False]
    assert r.loc[3, "status"] == "nicht bewertet"
    assert r.loc[2, "contrib__x"] == pytest.approx(0.75 / sd)


def test_single_indicator_flag_and_city_frame():
    df = synthetic().iloc[:3]
    r = z_assess(df, ["x", "y"], params=ZParams(threshold=5, single_indicators=["x"], single_threshold=1.2))
    assert r["flag"].tolist() == [False, False, True]
    assert "x" in r.loc[2, "flag_reason"]
    city = z_assess(df, ["x"], params=ZParams(reference="city", city_values={"x": 1.0}, threshold=99))
    sd = (2 / 3) ** 0.5
    assert city["z__x"].tolist() == pytest.approx([0.0, 1 / sd, 2 / sd])
    with pytest.raises(ValueError):
        z_assess(df, ["x"], params=ZParams(reference="city"))


def test_the_parameter_defaults_are_the_z_preset():
    from indicators.needs.zscore import METHOD

    p, preset = ZParams(), METHOD.preset
    assert (p.threshold, tuple(p.single_indicators), p.single_threshold, p.reference, p.min_population) == (
        preset["flag_threshold"],
        tuple(preset["single_indicators"]),
        preset["single_threshold"],
        preset["reference"],
        preset["min_population"],
    )
