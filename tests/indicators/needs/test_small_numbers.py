"""The small-number rule of the need assessment (:mod:`indicators.needs.small_numbers`)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.errors import SozialmonitorError
from indicators.needs.small_numbers import DEFAULT_MIN_POPULATION, population_mask

YEAR = 2022


@pytest.fixture(scope="module")
def population(luebeck) -> pd.DataFrame:
    v = luebeck.values
    cur = v[
        (v["indicator"] == "population_total")
        & (v["year"] == YEAR)
        & (v["area_code"] != luebeck.geography.reference_code)
    ]
    return cur[["area_code", "value"]].rename(columns={"value": "pop"}).reset_index(drop=True)


def test_every_luebeck_stadtteil_is_large_enough_by_default(population) -> None:
    mask = population_mask(population, "pop")
    assert (population["pop"] >= DEFAULT_MIN_POPULATION).all()
    assert mask["assessed"].all()
    assert (mask["reason"] == "").all()


def test_a_threshold_between_the_areas_splits_them(population) -> None:
    """With the median as minimum exactly the areas at or above it are assessed, the rest say why."""
    median = float(population["pop"].median())
    mask = population_mask(population, "pop", min_population=median)
    assert mask["assessed"].tolist() == (population["pop"] >= median).tolist()
    assert 0 < int((~mask["assessed"]).sum()) < len(population)
    assert (mask.loc[~mask["assessed"], "reason"] != "").all()
    assert (mask.loc[mask["assessed"], "reason"] == "").all()
    assert mask.index.equals(population.index)


def test_without_a_population_column_every_area_is_assessed(population) -> None:
    mask = population_mask(population, None, min_population=10**9)
    assert mask["assessed"].all()


def test_an_unknown_population_column_is_refused(population) -> None:
    with pytest.raises((KeyError, SozialmonitorError)):
        population_mask(population, "einwohner")


@given(
    pops=st.lists(st.one_of(st.none(), st.floats(0, 1e6, allow_nan=False)), min_size=1, max_size=30),
    minimum=st.floats(0, 1e6, allow_nan=False),
)
def test_assessed_exactly_when_known_and_at_least_the_minimum(pops: list[float | None], minimum: float) -> None:
    """Property (synthetic numbers): a missing population is never assessed, the minimum itself is."""
    df = pd.DataFrame({"pop": pops})
    mask = population_mask(df, "pop", min_population=minimum)
    expected = [p is not None and p >= minimum for p in pops]
    assert mask["assessed"].tolist() == expected
    assert ((mask["reason"] == "") == mask["assessed"]).all()
