"""Changes between two years and time series (indicators/compute/timeseries.py)."""

import math

import pandas as pd

from indicators.compute.timeseries import change_between


def _values(rows):
    return pd.DataFrame(rows, columns=["indicator", "area_code", "year", "value", "suppressed"])


def test_change_is_end_minus_start_and_relative_in_percent():
    v = _values(
        [
            ("x", "01", 2010, 50.0, False),
            ("x", "01", 2022, 60.0, False),
            ("x", "02", 2010, 0.0, False),
            ("x", "02", 2022, 5.0, False),
            ("y", "01", 2010, 1.0, False),
        ]
    )
    absolute = change_between(v, "x", 2010, 2022, False).set_index("area_code")
    assert absolute.loc["01", "value"] == 10.0
    assert (absolute.loc["01", "start_value"], absolute.loc["01", "end_value"]) == (50.0, 60.0)
    relative = change_between(v, "x", 2010, 2022, True).set_index("area_code")
    assert relative.loc["01", "value"] == 20.0
    assert math.isnan(relative.loc["02", "value"])  # no percentage of a zero start


def test_suppressed_in_either_year_stays_suppressed_and_hides_both_values():
    v = _values(
        [("x", "01", 2010, 50.0, False), ("x", "01", 2022, 3.0, True), ("x", "02", 2010, 40.0, False)]
    )  # 02 has no end year
    out = change_between(v, "x", 2010, 2022, False).set_index("area_code")
    assert bool(out.loc["01", "suppressed"]) and math.isnan(out.loc["01", "start_value"])
    assert not bool(out.loc["02", "suppressed"]) and math.isnan(out.loc["02", "value"])


def test_a_change_needs_a_start_year_before_the_end_year():
    import pytest

    v = _values([("x", "01", 2010, 50.0, False), ("x", "01", 2022, 60.0, False)])
    # the atlas showed "2010–2010" with all changes 0
    with pytest.raises(ValueError, match="vor dem Jahr 2010"):
        change_between(v, "x", 2010, 2010)


def test_relative_change_only_for_positive_non_balance_indicators():
    from indicators.catalogue import load_catalogue
    from indicators.compute.timeseries import relative_change_problem

    cat = load_catalogue()
    positive = pd.Series([10.0, 20.0])
    assert relative_change_problem(cat["natural_balance_per_1000"], positive) == "balance"
    assert relative_change_problem(cat["net_migration_per_1000"], positive) == "balance"
    assert relative_change_problem(cat["share_65plus"], pd.Series([-1.0, 3.0])) == "not_positive"
    assert relative_change_problem(cat["share_65plus"], pd.Series([0.0, 3.0])) == "not_positive"
    assert relative_change_problem(cat["share_65plus"], positive) is None


def test_start_problem_reads_the_areas_of_the_start_year_not_the_city():
    from indicators.catalogue import parse_indicator
    from indicators.compute.timeseries import start_problem

    ind = parse_indicator(dict(id="x", label_de="x", kind="value", unit="", direction="up"))
    v = _values(
        [
            ("x", "01", 2010, 5.0, False),
            ("x", "02", 2010, 3.0, False),
            ("x", "00", 2010, -1.0, False),
            ("x", "01", 2012, 0.0, False),
            ("y", "01", 2010, -4.0, False),
        ]
    )
    assert start_problem(v, ind, 2010, "00") is None  # the city's -1 and y's -4 do not count
    assert start_problem(v, ind, 2012, "00") == "not_positive"
    change = parse_indicator(dict(id="x", label_de="x", kind="change", unit="", numerator=["v"]))
    assert start_problem(v, change, 2010, "00") == "balance"


def test_area_series_has_the_area_and_the_city_over_the_years():
    from indicators.catalogue import parse_indicator
    from indicators.compute.timeseries import area_series

    ind = parse_indicator(dict(id="x", label_de="x", kind="value", unit=""))
    v = _values(
        [
            ("x", "01", 2010, 5.25, False),
            ("x", "01", 2011, 6.0, False),
            ("x", "00", 2010, 4.0, False),
            ("x", "02", 2010, 9.0, False),
        ]
    )
    ts, decimals = area_series(v, ind, "01", "00")
    assert list(ts.columns) == ["01", "00"] and list(ts.index) == [2010, 2011]
    assert ts.loc[2011, "01"] == 6.0 and math.isnan(ts.loc[2011, "00"])
    assert decimals == ind.decimals_for(v["value"])
    only, _ = area_series(v, ind, "01", None)
    assert list(only.columns) == ["01"]
