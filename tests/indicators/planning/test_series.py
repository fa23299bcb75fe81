"""Indicator values as an area × year table (:mod:`indicators.planning.series`) on the shipped Lübeck data."""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.planning.series import wide


def test_one_row_per_area_one_column_per_year(luebeck) -> None:
    v = luebeck.values
    table = wide(v, "population_total")
    pop = v[v["indicator"] == "population_total"]
    assert sorted(table.index) == sorted(pop["area_code"].astype(str).unique())
    assert table.columns.tolist() == sorted(int(y) for y in pop["year"].unique())
    assert all(isinstance(c, int) for c in table.columns)
    for row in pop.sample(20, random_state=1).itertuples():
        assert table.loc[str(row.area_code), int(row.year)] == row.value


def test_suppressed_values_are_missing_not_numbers(luebeck) -> None:
    """Two values marked suppressed in a copy of the real table (the shipped data has none)."""
    v = luebeck.values.copy()
    pick = v.index[(v["indicator"] == "births") & (v["year"].isin([2020, 2021]))][:2]
    v.loc[pick, "suppressed"] = True
    table = wide(v, "births")
    for i in pick:
        assert np.isnan(table.loc[str(v.at[i, "area_code"]), int(v.at[i, "year"])])
    assert table.notna().sum().sum() == int(((v["indicator"] == "births") & ~v["suppressed"]).sum())


def test_a_wide_table_is_returned_as_is(luebeck) -> None:
    table = wide(luebeck.values, "share_65plus")
    assert wide(table, "share_65plus") is table


def test_an_indicator_without_values_gives_an_empty_table(luebeck) -> None:
    out = wide(luebeck.values, "no_such_indicator")
    assert isinstance(out, pd.DataFrame) and out.empty
