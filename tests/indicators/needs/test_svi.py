"""CDC SVI: hand-computed cases (synthetic data) and checks on the real CDC inputs."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from assess_support import raw_file

from indicators.needs.svi import (
    EDITIONS,
    SviVariable,
    compute_svi,
    percentile_rank,
    read_cdc_inputs,
    svi_cdc,
    to_cdc_csv_frame,
)


def test_percentile_rank_ties_take_lowest_rank():
    # synthetic: 5 values with a tie -> ranks 1,2,2,4,5 -> (r-1)/4
    s = pd.Series([10.0, 20.0, 20.0, 30.0, 40.0])
    assert percentile_rank(s).tolist() == [0.0, 0.25, 0.25, 0.75, 1.0]


def test_percentile_rank_rounds_half_up_to_4_decimals():
    # synthetic: N-1 = 32, so the 2nd value is 1/32 = 0.03125 exactly
    s = pd.Series(np.arange(33, dtype=float))
    pr = percentile_rank(s)
    assert pr[1] == 0.0313  # half-up; banker's rounding would give 0.0312
    assert pr[3] == 0.0938  # 3/32 = 0.09375
    # 1/3 style values are rounded, not truncated: 2/3 -> 0.6667
    assert percentile_rank(pd.Series([1.0, 2.0, 3.0, 4.0]))[2] == 0.6667


def test_missing_values_drop_out_of_that_ranking_only():
    df = pd.DataFrame({
        "FIPS": ["a", "b", "c", "d"],
        "EP_X": [1.0, -999, 3.0, 2.0],
        "EP_Y": [4.0, 3.0, 2.0, 1.0],
    })
    v = [SviVariable("X", "EP_X", 1), SviVariable("Y", "EP_Y", 2)]
    r = compute_svi(df, v, id_col="FIPS")
    assert r["EPL_X"].tolist()[:1] == [0.0] and np.isnan(r["EPL_X"][1])
    assert r.loc[[0, 2, 3], "EPL_X"].tolist() == [0.0, 1.0, 0.5]  # N = 3
    assert r["EPL_Y"].tolist() == [1.0, 0.6667, 0.3333, 0.0]  # N = 4, unaffected
    assert np.isnan(r["SPL_THEMES"][1]) and np.isnan(r["RPL_THEMES"][1])
    assert pd.isna(r["F_X"][1]) and pd.isna(r["F_TOTAL"][1])
    assert r["F_THEME2"][1] == 0  # theme 2 is complete for b
    out = to_cdc_csv_frame(r)
    assert out.loc[1, "EPL_X"] == "-999" and out.loc[1, "F_TOTAL"] == -999


def test_reversed_variable_and_flags():
    df = pd.DataFrame({"FIPS": list("abcdefghijk"), "EP_PCI": np.arange(11.0)})
    r = compute_svi(df, [SviVariable("PCI", "EP_PCI", 1, reverse=True)], id_col="FIPS")
    assert r["EPL_PCI"].tolist()[:2] == [1.0, 0.9]
    assert r["F_PCI"].tolist()[:3] == [1, 1, 0]  # >= 0.90 flags
    assert r["F_TOTAL"].tolist()[:3] == [1, 1, 0]


def test_theme_sums_are_exact_so_ties_stay_ties():
    # synthetic: percentiles 0.1+0.2 vs 0.3 are a tie only in exact arithmetic
    n = 11  # N-1 = 10 -> percentiles in steps of 0.1
    a = np.arange(n, dtype=float)
    df = pd.DataFrame({"FIPS": [str(i) for i in range(n)], "EP_A": a, "EP_B": a[::-1].copy()})
    df.loc[0, ["EP_A", "EP_B"]] = [1.0, 2.0 - 0.5]  # 0.1 + ...
    r = compute_svi(df, [SviVariable("A", "EP_A", 1), SviVariable("B", "EP_B", 1)], id_col="FIPS")
    sums = r["SPL_THEME1"]
    # equal exact sums must get identical ranks
    for s in sums.unique():
        assert r.loc[sums == s, "RPL_THEME1"].nunique() == 1
    assert (sums * 10000 == (sums * 10000).round()).all()


def test_editions_theme_membership():
    e18 = {v.name: v.theme for v in EDITIONS["2018"]}
    e20 = {v.name: v.theme for v in EDITIONS["2020"]}
    assert len(e18) == 15 and len(e20) == 16
    assert e18["LIMENG"] == 3 and e20["LIMENG"] == 2
    assert [v.name for v in EDITIONS["2018"] if v.reverse] == ["PCI"]
    assert not any(v.reverse for v in EDITIONS["2020"])
    cols20 = {v.name: v.column for v in EDITIONS["2020"]}
    assert cols20["HBURD"] == "E_HBURD"  # as in the released file, see module docstring
    assert {v.name: v.column for v in EDITIONS["2020-corrected"]}["HBURD"] == "EP_HBURD"


# Published CDC values (public US government data) for a few counties, from the CDC
# county CSVs SVI2018_US_COUNTY.csv / SVI2020_US_COUNTY.csv (see cdc-svi-inputs/SOURCE.md).
CDC_2018 = {
    "35039": {"EPL_POV": -999, "EPL_NOHSDP": 0.5922, "RPL_THEME1": -999, "RPL_THEME2": 0.8758,
              "RPL_THEME3": 0.9268, "RPL_THEMES": -999, "F_THEME1": -999, "F_THEME3": 1,
              "F_TOTAL": -999},
    "01001": {"EPL_POV": 0.5401, "EPL_PCI": 0.2860, "EPL_NOHSDP": 0.4397, "RPL_THEME1": 0.3631,
              "RPL_THEMES": 0.4354, "F_TOTAL": 0},
    "01089": {"EPL_PCI": 0.0822, "RPL_THEME2": 0.1219, "RPL_THEMES": 0.3076},
}
CDC_2020 = {
    "01001": {"EPL_HBURD": 0.7078, "RPL_THEME1": 0.4045, "RPL_THEME2": 0.7362,
              "RPL_THEMES": 0.5325, "F_TOTAL": 0},
    "01005": {"EPL_POV150": 0.9586, "EPL_LIMENG": 0.746, "RPL_THEME4": 0.9949,
              "RPL_THEMES": 0.9927, "F_THEME4": 3, "F_TOTAL": 6},
    "01037": {"RPL_THEME1": 0.3062, "RPL_THEMES": 0.4322, "F_TOTAL": 2},
}


@pytest.mark.parametrize("edition,fname,expected", [
    ("2018", "SVI2018_US_COUNTY_inputs.csv", CDC_2018),
    ("2020", "SVI2020_US_COUNTY_inputs.csv", CDC_2020),
])
def test_real_inputs_reproduce_published_cdc_values(edition, fname, expected):
    df = read_cdc_inputs(raw_file(f"cdc-svi-inputs/{fname}"))
    out = to_cdc_csv_frame(svi_cdc(df, edition)).set_index("FIPS")
    assert len(out) == len(df)
    for fips, values in expected.items():
        for col, val in values.items():
            assert float(out.loc[fips, col]) == pytest.approx(val, abs=1e-12), (fips, col)


def test_real_2018_missing_county_is_left_out_of_its_rankings_only():
    df = read_cdc_inputs(raw_file("cdc-svi-inputs/SVI2018_US_COUNTY_inputs.csv"))
    r = svi_cdc(df, "2018")
    assert r["EPL_POV"].notna().sum() == len(df) - 1
    assert r["EPL_AGE65"].notna().sum() == len(df)
    assert r["EPL_POV"].max() == 1.0 and r["EPL_POV"].min() == 0.0
