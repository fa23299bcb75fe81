"""SVI percentile ranks, theme sums and flags: hand-computed cases (synthetic data)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.needs.svi_cdc import to_cdc_csv_frame
from indicators.needs.svi_rank import SviVariable, compute_svi, percentile_rank


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
    df = pd.DataFrame(
        {
            "FIPS": ["a", "b", "c", "d"],
            "EP_X": [1.0, -999, 3.0, 2.0],
            "EP_Y": [4.0, 3.0, 2.0, 1.0],
        }
    )
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
