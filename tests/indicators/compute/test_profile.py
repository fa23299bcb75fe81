"""The area profile (:mod:`indicators.compute.profile`) on the shipped Lübeck data, and the table people
read on SYNTHETIC data (tests/synth_exports.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from synth_exports import SUPPRESSED_CODE, synthetic_dataset

from indicators.compute.profile import area_profile, profile_table
from indicators.wording.voice import GERMAN, Voice

ENGLISH = Voice.of("en")

YEAR = 2022


@pytest.fixture(scope="module")
def values(luebeck):
    return luebeck.values


def _areas(luebeck, values, indicator: str):
    ref = luebeck.geography.reference_code
    cur = values[(values["indicator"] == indicator) & (values["year"] == YEAR)]
    return cur[cur["area_code"] != ref].set_index("area_code")["value"], cur[cur["area_code"] == ref]["value"]


def test_rank_one_is_the_highest_value_and_the_city_is_not_ranked(luebeck, values) -> None:
    areas, _ = _areas(luebeck, values, "population_total")
    top = str(areas.idxmax())
    bottom = str(areas.idxmin())
    prof_top = area_profile(luebeck, top, YEAR).set_index("indicator")
    prof_bottom = area_profile(luebeck, bottom, YEAR).set_index("indicator")
    assert prof_top.loc["population_total", "rank"] == 1
    assert prof_bottom.loc["population_total", "rank"] == len(areas)
    assert prof_top.loc["population_total", "n"] == len(areas)  # the city row is not one of the areas


def test_every_row_agrees_with_the_table(luebeck, values) -> None:
    code = str(luebeck.areas["code"].iloc[0])
    prof = area_profile(luebeck, code, YEAR)
    assert not prof.empty
    for row in prof.itertuples():
        areas, city = _areas(luebeck, values, row.indicator)
        assert row.value == pytest.approx(areas.loc[code], nan_ok=True)
        if len(city):
            assert row.city == pytest.approx(float(city.iloc[0]), nan_ok=True)
        if np.isfinite(row.value):
            assert row.rank == 1 + int((areas > row.value).sum())
        hist = values[(values["indicator"] == row.indicator) & (values["area_code"] == code)].dropna(subset=["value"])
        assert row.first_year == int(hist["year"].min())
        assert row.trend == pytest.approx(row.value - row.first_value, nan_ok=True)


def test_population_trend_since_the_first_year(luebeck, values) -> None:
    code = str(luebeck.areas["code"].iloc[0])
    row = area_profile(luebeck, code, YEAR).set_index("indicator").loc["population_total"]
    pop = values[(values["indicator"] == "population_total") & (values["area_code"] == code)].set_index("year")["value"]
    assert row["first_year"] == 2010
    assert row["trend"] == pytest.approx(pop.loc[YEAR] - pop.loc[2010])


def test_the_reference_area_has_no_profile(luebeck) -> None:
    assert area_profile(luebeck, luebeck.geography.reference_code, YEAR).empty


def test_labels_in_the_language_asked(luebeck) -> None:
    code = str(luebeck.areas["code"].iloc[0])
    de = area_profile(luebeck, code, YEAR, voice=GERMAN).set_index("indicator")["label"]
    en = area_profile(luebeck, code, YEAR, voice=ENGLISH).set_index("indicator")["label"]
    assert de.loc["population_total"] == luebeck.catalogue["population_total"].label(voice=GERMAN)
    assert en.loc["population_total"] == luebeck.catalogue["population_total"].label(voice=Voice.of("en"))
    assert de.loc["population_total"] != en.loc["population_total"]


def test_profile_table_says_suppressed_instead_of_a_number_and_ranks_of_n():
    ds = synthetic_dataset()  # SYNTHETIC data (tests/synth_exports.py)
    prof = area_profile(ds, SUPPRESSED_CODE, 2022, voice=ENGLISH)
    shown = profile_table(prof, voice=ENGLISH).set_index("indicator")
    assert list(shown.columns) == ["value", "city", "rank", "trend"]
    rate = prof.set_index("indicator").loc["case_rate"]
    assert bool(rate["suppressed"]) and shown.loc[rate["label"], "value"] == "suppressed"
    n = int(prof["n"].max())
    assert all(r == "–" or r.endswith(f"{n}") for r in shown["rank"])
    assert shown.loc[rate["label"], "city"] != "–"


def test_profile_table_of_no_rows_is_empty_with_its_columns():
    assert list(profile_table(pd.DataFrame(), voice=GERMAN).columns) == ["indicator", "value", "city", "rank", "trend"]
