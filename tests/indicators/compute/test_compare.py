"""Comparing two to four areas over all indicators (SYNTHETIC data from tests/synth_exports.py)."""

from __future__ import annotations

import math

import pytest
from synth_exports import SUPPRESSED_CODE, SUPPRESSED_RATE, synthetic_dataset

from indicators.compute.compare import check_codes, compare_cells, compare_series, compare_table
from indicators.errors import InputError
from indicators.wording.voice import GERMAN, Voice


def test_values_ranks_and_city_of_every_indicator():
    ds = synthetic_dataset()
    table = compare_table(ds, ["01", "04"], 2022)
    assert set(table["indicator"]) == {"population_total", "cases", "case_rate", "mean_age"}
    pop = table.set_index("indicator").loc["population_total"]
    assert pop["value:04"] == 1500 and pop["rank:04"] == 1  # the largest area
    assert pop["value:01"] == 1200 and pop["rank:01"] == 2
    assert pop["city"] == 1200 + 900 + 4 + 1500 + 800 + 1100
    age = table.set_index("indicator").loc["mean_age"]
    assert age["n"] == 5  # area 06 has no mean age
    cells = compare_cells(table, ["01", "04"], voice=GERMAN)
    i = list(table["indicator"]).index("population_total")
    assert cells["value:04"][i] == "1.500\u00a0Personen" and cells["rank:04"][i] == "1. von 6"


def test_withheld_values_read_gesperrt_and_get_no_rank():
    ds = synthetic_dataset()
    table = compare_table(ds, ["01", SUPPRESSED_CODE], 2022).set_index("indicator")
    rate = table.loc["case_rate"]
    assert rate[f"suppressed:{SUPPRESSED_CODE}"] and math.isnan(rate[f"value:{SUPPRESSED_CODE}"])
    assert math.isnan(rate[f"rank:{SUPPRESSED_CODE}"])
    cells = compare_cells(table.reset_index(), ["01", SUPPRESSED_CODE], voice=GERMAN)
    i = list(table.index).index("case_rate")
    assert cells[f"value:{SUPPRESSED_CODE}"][i] == "gesperrt" and cells[f"rank:{SUPPRESSED_CODE}"][i] == "–"
    assert (
        compare_cells(table.reset_index(), ["01", SUPPRESSED_CODE], voice=Voice.of("en"))[f"value:{SUPPRESSED_CODE}"][i]
        == "suppressed"
    )
    # the rank of the others is computed without the withheld value
    assert rate["n"] < 6
    series = compare_series(ds, "case_rate", ["01", SUPPRESSED_CODE])
    assert series[SUPPRESSED_CODE].isna().all()
    assert SUPPRESSED_RATE not in series.to_numpy()


def test_series_has_the_city_and_integer_years():
    ds = synthetic_dataset()
    s = compare_series(ds, "population_total", ["02", "01"])
    assert list(s.columns) == ["02", "01", "00"] and list(s.index) == [2021, 2022]
    assert s.at[2022, "02"] == 900


@pytest.mark.parametrize("codes", [["01"], ["01", "02", "03", "04", "05"], ["01", "99"], ["01", "01"]])
def test_too_few_too_many_or_unknown_areas_are_refused_in_german(codes):
    ds = synthetic_dataset()
    with pytest.raises(InputError, match="Gebiete"):
        check_codes(ds, codes)
