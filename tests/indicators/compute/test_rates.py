"""Rates are computed from counts, never averaged (synthetic numbers)."""

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import CatalogueError, load_catalogue, parse_indicator
from indicators.compute.rates import compute_indicators


def tidy(rows):
    return pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])


SYNTH = tidy(
    [
        ("00", 2021, "population_total", 1100),
        ("00", 2021, "pop_under18", 110),
        ("01", 2021, "population_total", 100),
        ("01", 2021, "pop_under18", 50),
        ("02", 2021, "population_total", 1000),
        ("02", 2021, "pop_under18", 60),
        ("00", 2020, "population_total", 1000),
        ("01", 2020, "population_total", 80),
        ("00", 2021, "births", 10),
        ("00", 2021, "deaths", 21),
    ]
)


def value(out, area, ind, year=2021):
    sel = out[(out.area_code == area) & (out.indicator == ind) & (out.year == year)]["value"]
    return float(sel.iloc[0]) if len(sel) else None


def test_city_share_comes_from_city_counts_not_the_mean_of_areas():
    out = compute_indicators(SYNTH, load_catalogue(), ["share_under18"])
    assert value(out, "01", "share_under18") == pytest.approx(50.0)
    assert value(out, "02", "share_under18") == pytest.approx(6.0)
    assert value(out, "00", "share_under18") == pytest.approx(10.0)  # mean of areas would be 28


def test_signed_numerator_and_change():
    out = compute_indicators(SYNTH, load_catalogue(), ["natural_balance_per_1000", "population_change_pct"])
    assert value(out, "00", "natural_balance_per_1000") == pytest.approx(-10.0)
    assert value(out, "00", "population_change_pct") == pytest.approx(10.0)
    assert value(out, "01", "population_change_pct") == pytest.approx(25.0)
    assert value(out, "02", "population_change_pct") is None  # no previous year
    assert value(out, "01", "natural_balance_per_1000") is None  # missing births


def test_zero_denominator_gives_no_value():
    t = tidy([("01", 2021, "population_total", 0), ("01", 2021, "pop_under18", 0)])
    out = compute_indicators(t, load_catalogue(), ["share_under18"])
    assert out.empty


def test_every_catalogue_indicator_computes_on_shipped_data(luebeck):
    for ind in luebeck.catalogue.values():
        year = int(ind.extra.get("reference_year") or 2022)  # Zensus 2011 indicators exist for 2011 only
        v = luebeck.values[(luebeck.values.indicator == ind.id) & (luebeck.values.year == year)]
        assert len(v) == 11, ind.id
        assert np.isfinite(v["value"]).all(), ind.id


def test_shipped_city_share_65plus_2022(luebeck):
    v = luebeck.values
    city = v[(v.area_code == "00") & (v.indicator == "share_65plus") & (v.year == 2022)]["value"].iloc[0]
    assert city == pytest.approx(51182 / 222077 * 100)


def test_catalogue_rejects_rate_without_denominator():
    with pytest.raises(CatalogueError, match="Zähler und Nenner"):
        parse_indicator({"id": "x", "label_de": "X", "kind": "rate", "unit": "%", "numerator": ["a"]})


def test_catalogue_entries_are_complete():
    for ind in load_catalogue().values():
        assert ind.label_de and ind.label_en and ind.source and ind.licence, ind.id
        assert ind.definition_de and ind.definition_en, ind.id
