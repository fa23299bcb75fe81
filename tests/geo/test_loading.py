"""The one loading path (:mod:`geo.loading`): read → validate → compute → protect, on the shipped Lübeck data."""

from __future__ import annotations

import numpy as np
import pytest

from geo.geographies import get_geography
from geo.loading import load_dataset
from indicators.errors import SozialmonitorError


def test_the_shipped_data_load_clean_with_every_indicator(luebeck) -> None:
    assert luebeck.report.ok and luebeck.report.findings == []
    assert all(r.ok for r in luebeck.extra["extra_reports"])  # Zensus 2011, schools, Kitas
    assert set(luebeck.values["indicator"]) == set(luebeck.catalogue)
    codes = set(luebeck.areas["code"]) | {luebeck.geography.reference_code}
    assert set(luebeck.values["area_code"]) == codes


def test_extra_tables_join_the_main_one(luebeck) -> None:
    years = luebeck.years_for("zensus_population")
    assert years == [2011]
    assert luebeck.years_for("population_total")[0] == 2010


def test_rates_are_computed_from_their_counts(luebeck) -> None:
    share = luebeck.values[luebeck.values["indicator"] == "share_65plus"]
    np.testing.assert_allclose(share["value"], share["numerator"] / share["denominator"] * 100)
    pop = luebeck.values[luebeck.values["indicator"] == "population_total"].set_index(["area_code", "year"])
    np.testing.assert_allclose(share["denominator"], pop.loc[list(zip(share["area_code"], share["year"])), "value"])


def test_by_id_or_by_geography_the_same_numbers(luebeck) -> None:
    again = load_dataset(get_geography("stadtteile"))
    assert again.values.equals(luebeck.values)


def test_a_higher_minimum_count_withholds_small_counts_and_what_derives_from_them(luebeck) -> None:
    """Disclosure is applied on loading: no caller gets unprotected values by another path."""
    assert not luebeck.values["suppressed"].any()  # the shipped counts are all large enough
    strict = load_dataset("stadtteile", min_count=1000)
    hidden = strict.values[strict.values["suppressed"]]
    assert {"births", "deaths"} <= set(hidden["indicator"])
    assert hidden["value"].isna().all()
    births = strict.values[
        (strict.values["indicator"] == "births") & (strict.values["area_code"] != strict.geography.reference_code)
    ]
    small = (
        luebeck.values.set_index(["indicator", "area_code", "year"])
        .loc[list(zip(births["indicator"], births["area_code"], births["year"])), "value"]
        .to_numpy()
        < 1000
    )
    assert (births["suppressed"].to_numpy() >= small).all()  # every count under the minimum is withheld


def test_an_unknown_geography_is_refused() -> None:
    with pytest.raises(SozialmonitorError):
        load_dataset("no-such-geography")
