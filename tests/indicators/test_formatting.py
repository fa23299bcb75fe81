"""German/English number formatting."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from indicators.formatting import (
    MINUS,
    fmt_change,
    fmt_number,
    fmt_percent,
    fmt_range,
    fmt_rank,
    fmt_value,
)


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (1234.5, 1, "de", "1.234,5"),
        (1234.5, 1, "en", "1,234.5"),
        (1234567.891, 2, "de", "1.234.567,89"),
        (0.05, 1, "de", "0,1"),
        (12, 0, "de", "12"),
        (-3.25, 1, "de", f"{MINUS}3,2"),  # banker's rounding of the float 3.25
        (-0.04, 1, "de", "0,0"),
        (None, 1, "de", "–"),
        (math.nan, 1, "de", "–"),
    ],
)
def test_fmt_number(value, decimals, lang, expected):
    assert fmt_number(value, decimals=decimals, lang=lang) == expected


def test_pandas_missing_values_are_dashes():
    pd = pytest.importorskip("pandas")
    assert fmt_number(pd.NA) == "–"


def test_percent_and_units():
    assert fmt_percent(12.34) == "12,3\u00a0%"
    assert fmt_percent(12.34, lang="en") == "12.3%"
    assert fmt_value(4.56, "je 1.000 EW") == "4,6\u00a0je 1.000 EW"
    assert fmt_value(None, "%") == "–"


def test_signed_change():
    assert fmt_change(1.23) == "+1,2"
    assert fmt_change(-0.5, unit="%") == f"{MINUS}0,5\u00a0%"
    assert fmt_change(0.01) == "±0,0"
    assert fmt_change(2.5, lang="en", unit="%") == "+2.5%"


def test_rank_and_range():
    assert fmt_rank(3, 10) == "3. von 10"
    assert fmt_rank(3, 10, lang="en") == "3 of 10"
    assert fmt_rank(None, 10) == "–"
    assert fmt_range(12.3, 15) == "12,3 – 15,0"
    assert fmt_range(7, 7) == "7,0"


# --- counts never with decimals (issue 24, item 7) ---------------------------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from indicators.formatting import value_decimals  # noqa: E402


@settings(max_examples=80, deadline=None)
@given(
    xs=st.lists(st.integers(min_value=-50, max_value=99), min_size=1, max_size=30),
    kind=st.sampled_from(["value", "change", "count"]),
)
def test_whole_numbers_of_a_value_or_change_get_no_decimals(xs, kind):
    # schools per area (kind "value"), a difference of counts: "2 Schulen", "−19", never "2,0"
    assert value_decimals(kind, pd.Series(xs, dtype="float64")) == 0


def test_a_rate_keeps_its_decimal_and_a_fraction_keeps_it_too():
    assert value_decimals("rate", pd.Series([10.0, 20.0, 30.0])) == 1
    assert value_decimals("value", pd.Series([2.0, 2.5, 3.0])) == 1
    assert value_decimals("value", pd.Series([6235.0, 9903.4])) == 0  # a density: median ≥ 100
