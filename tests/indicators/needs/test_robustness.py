"""Robustness of flags across methods, weights and thresholds (synthetic data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.needs.robustness import Scenarios, robustness, shifted_threshold


def synthetic() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 40
    df = pd.DataFrame({"id": [f"A{i:02d}" for i in range(n)], "a": rng.normal(10, 2, n), "b": rng.normal(20, 4, n)})
    df.loc[0, ["a", "b"]] = [30.0, 60.0]  # clearly high need on both
    return df


def test_clear_case_is_robust_and_shares_are_valid():
    r = robustness(synthetic(), ["a", "b"], base_method="z", weights={"a": 2, "b": 1})
    assert r["n_scenarios"].iloc[0] == 3 * 2 * 3
    assert r.loc[0, "flag"] and r.loc[0, "robustness"] == "robust"
    assert r.loc[0, "rank_min"] == 1 and r.loc[0, "rank_max"] == 1
    assert r["share"].between(0, 1).all()
    assert set(r["robustness"]) <= {"robust", "knapp"}
    assert (r["rank_min"] <= r["rank_max"]).all()


def test_threshold_shift():
    assert shifted_threshold("z", 1.0, 0.25) == 1.25
    assert round(shifted_threshold("svi", 0.75, 0.25), 3) == 0.822
    assert round(shifted_threshold("svi", 0.75, -0.25), 3) == 0.664


def test_borderline_area_is_knapp():
    df = synthetic()
    base = robustness(df, ["a", "b"], base_method="z")
    # an area whose flag changes in some scenarios must be "knapp"
    assert (base.loc[base["share"] < 0.8, "robustness"] == "knapp").all()
    assert (base["share"] < 1).any()


def test_the_scenarios_value_sets_methods_shifts_and_the_robust_share():
    df = synthetic()
    one = robustness(df, ["a", "b"], base_method="z", scenarios=Scenarios(methods=["z"], shifts=(0.0,)))
    assert (one["n_scenarios"] == 1).all() and (one["share"].dropna() == 1.0).all()  # the baseline itself
    strict = robustness(df, ["a", "b"], base_method="z", scenarios=Scenarios(robust_share=1.01))
    assert (strict.loc[strict["share"].notna(), "robustness"] == "knapp").all()  # no share reaches 101 %
