"""Threshold flags per area and indicator (the default flag source)."""

from __future__ import annotations

from synth_exports import SUPPRESSED_CODE, synthetic_dataset

from indicators.compute.flag_table import flagged_areas, indicator_flags, need_indicators, threshold_flag_table


def test_only_need_indicators_and_never_suppressed():
    ds = synthetic_dataset()
    table = threshold_flag_table(ds, 2022)
    # counts get no flags: only the rate with a need direction
    assert list(table.columns) == need_indicators(ds) == ["case_rate"]
    assert not table.loc[SUPPRESSED_CODE].any()
    # visible case rates 11, 11, 12, 7 (03 suppressed, 05 hidden by secondary suppression):
    # mean 10.25 + sd 1.92 = 12.17 -> nothing flagged; the biggest count (04, 180 cases)
    # is not a need: counts are never flagged
    assert indicator_flags(ds, "case_rate", 2022) == frozenset()
    assert indicator_flags(ds, "cases", 2022) == frozenset()
    assert indicator_flags(ds, "mean_age", 2022) == frozenset()
    assert flagged_areas(table).to_dict() == {}


def test_shipped_data_flags(luebeck):
    flags = indicator_flags(luebeck, "share_65plus", 2022)
    assert "10" in flags  # Travemünde has by far the highest share of 65+
