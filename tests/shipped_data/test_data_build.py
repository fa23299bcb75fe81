"""The shipped indicator table in data/ against its source's own arithmetic."""

import pandas as pd
import pytest
from testkit import ROOT

TABLE = ROOT / "data" / "luebeck_stadtteile.csv"

# Years where the source's Stadtteile do not add up to its city total, as
# documented in ../shared/data/raw/luebeck-statistik/SOURCE.md and data/SOURCE.md.
KNOWN_DIFFERENCES = {
    "population_total": {2015: -3},
    "pop_under18": {2015: -1},
    "pop_18_64": {2015: -2},
    "pop_65plus": {},
    "deaths": {2010: -1, 2020: 2},
}


@pytest.fixture(scope="module")
def table():
    return pd.read_csv(TABLE, dtype={"area_code": str})


@pytest.mark.parametrize("variable", sorted(KNOWN_DIFFERENCES))
def test_stadtteile_sum_to_city(table, variable):
    t = table[table["variable"] == variable]
    parts = t[t["area_code"] != "00"].groupby("year")["value"].sum()
    city = t[t["area_code"] == "00"].set_index("year")["value"]
    diff = (parts - city).astype(int)
    expected = pd.Series({y: KNOWN_DIFFERENCES[variable].get(y, 0) for y in diff.index})
    pd.testing.assert_series_equal(diff, expected, check_names=False, check_index_type=False)


def test_table_is_complete_and_sourced(table):
    assert set(table["year"]) == set(range(2010, 2023))
    assert set(table["area_code"]) == {f"{i:02d}" for i in range(0, 11)}
    assert table.groupby(["area_code", "year", "variable"]).size().max() == 1
    assert table["source"].notna().all()
    assert len(table) == 13 * 11 * 10


def test_build_reproduces_the_shipped_table(raw_dir, tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("data_build", ROOT / "data" / "build.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "RAW", raw_dir)
    monkeypatch.setattr(mod, "QUARTO", raw_dir / "luebeck-stadtteile-hl-quarto-db" / "data.csv")
    monkeypatch.setattr(mod, "LONG", raw_dir / "luebeck-statistik" / "indicators_long.csv")
    monkeypatch.setattr(mod, "OUT", tmp_path / "out.csv")
    mod.main()
    assert (tmp_path / "out.csv").read_bytes() == TABLE.read_bytes()
