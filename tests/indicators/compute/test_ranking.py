"""The ranking table beside the map (:mod:`indicators.compute.ranking`) on the shipped Lübeck data
(and one two-row SYNTHETIC layer for the smoothing column)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from geo.join import indicator_layer
from indicators.compute.ranking import ranking_table
from indicators.wording import t
from indicators.wording.voice import GERMAN, Voice

YEAR = 2022


def _number(text: str) -> float:
    """A formatted German or English number back as a float (sign, thousands, decimal mark)."""
    s = text.replace("\u2212", "-").replace("+", "")
    s = s.replace(".", "").replace(",", ".") if "," in s else s.replace(",", "")
    return float(s)


@pytest.fixture(scope="module")
def share65(luebeck):
    return indicator_layer(luebeck, "share_65plus", YEAR)


def test_rows_are_the_areas_in_rank_order(share65) -> None:
    layer, city = share65
    table = ranking_table(layer, city, 1, voice=GERMAN)
    assert sorted(table["code"]) == sorted(layer["code"].astype(str))
    ranks = table["rank"].dropna().tolist()
    assert ranks == sorted(ranks)
    assert table["value_num"].iloc[0] == max(table["value_num"])  # rank 1 is the highest share


@pytest.mark.parametrize("lang", ["de", "en"])
def test_values_and_difference_to_the_city_read_back(share65, lang: str) -> None:
    layer, city = share65
    assert city is not None
    table = ranking_table(layer, city, 1, voice=Voice.of(lang))
    for row in table.itertuples():
        assert abs(_number(row.value) - row.value_num) <= 0.05 + 1e-9
        assert abs(_number(row.vs_city) - (row.value_num - city)) <= 0.05 + 1e-9
        above = row.value_num - city > 0.05
        assert row.vs_city.startswith("+") == above
    mark = "," if lang == "de" else "."
    assert all(mark in v for v in table["value"])


def test_suppressed_area_shows_the_word_not_the_number(share65) -> None:
    """One area marked suppressed (a modified copy of the real layer)."""
    layer, city = share65
    layer = layer.copy()
    layer["suppressed"] = False
    code = str(layer["code"].iloc[3])
    layer.loc[layer.index[3], "suppressed"] = True
    table = ranking_table(layer, city, 1, voice=GERMAN).set_index("code")
    assert table.loc[code, "value"] == t("suppressed", "de")
    assert (table.drop(index=code)["value"] != t("suppressed", "de")).all()


def test_flags_follow_their_area_through_the_sort(share65) -> None:
    layer, city = share65
    layer = layer.copy()
    flagged_code = str(layer.sort_values("value")["code"].iloc[0])  # the lowest share: last after sorting
    layer["flagged"] = layer["code"].astype(str) == flagged_code
    table = ranking_table(layer, city, 1, voice=GERMAN)
    assert table.loc[table["flagged"], "code"].tolist() == [flagged_code]


def test_without_city_value_no_difference(share65) -> None:
    layer, _ = share65
    table = ranking_table(layer, None, 1, voice=GERMAN)
    assert set(table["vs_city"]) == {"–"}
    assert not any(math.isnan(v) for v in table["value_num"])


def _layer(**extra):
    """Two SYNTHETIC areas."""
    return pd.DataFrame(
        {
            "code": ["01", "02"],
            "name": ["a", "b"],
            "value": [12.5, 20.0],
            "rank": [2, 1],
            "suppressed": [False, False],
            **extra,
        }
    )


def test_raw_values_appear_after_the_smoothed_ones_only_when_smoothing_is_on():
    assert "raw" not in ranking_table(_layer(), 15.0, 1, voice=GERMAN)
    table = ranking_table(_layer(raw=[10.0, 25.26]), 15.0, 1, voice=GERMAN)
    assert list(table.columns) == ["rank", "code", "name", "value", "raw", "vs_city", "flagged", "value_num"]
    assert table.set_index("code")["raw"].to_dict() == {"01": "10,0", "02": "25,3"}  # each on its own row
