"""One decision per concept, on the numbers side: class breaks, decimals, flags, MSS classes."""

import pandas as pd
import pytest

from indicators.catalogue import parse_indicator
from indicators.compute.classify import MAX_K, parse_breaks
from indicators.compute.flags import default_threshold, flag_areas
from indicators.errors import InputError, SozialmonitorError
from indicators.formatting import value_decimals


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", None),
        ("  ", None),
        ("10; 20,5;30", (10.0, 20.5, 30.0)),
        ("-1;0;1", (-1.0, 0.0, 1.0)),
        ("10;5", (10.0, 5.0)),
    ],
)  # as typed: classify sorts (issue 16)
def test_parse_breaks(text, expected):
    assert parse_breaks(text) == expected


@pytest.mark.parametrize(
    "text, words",
    [
        ("abc;;5", "('abc') ist keine Zahl"),
        ("10;5;10", "doppelt"),
        ("5;;7", "Klassengrenze 2"),
        ("nan;1", "keine Zahl"),
        (";".join(str(i) for i in range(MAX_K + 1)), "höchstens"),
    ],
)
def test_bad_breaks_raise_a_german_error(text, words):
    with pytest.raises(InputError) as info:
        parse_breaks(text)
    assert words in str(info.value) and isinstance(info.value, SozialmonitorError)


def test_one_decimals_rule():
    density = parse_indicator(
        {
            "id": "d",
            "label_de": "Dichte",
            "kind": "rate",
            "unit": "EW je km²",
            "numerator": ["p"],
            "denominator": ["a"],
            "source": "s",
        }
    )
    values = pd.Series([1200.0, 3400.5, 870.2])  # synthetic
    assert density.decimals_for(values) == value_decimals("rate", values) == 0
    assert density.decimals_for(pd.Series([12.5, 20.1])) == 1
    count = parse_indicator({"id": "n", "label_de": "Anzahl", "kind": "count", "source": "s"})
    assert count.decimals_for(pd.Series([1.5])) == 0
    fixed = parse_indicator({"id": "f", "label_de": "F", "kind": "value", "source": "s", "decimals": 2})
    assert fixed.decimals_for(values) == 2


def test_flag_rule_neutral_flags_nothing_and_default_is_mean_plus_sd():
    v = pd.Series([1.0, 2.0, 3.0, 10.0])  # synthetic
    assert not flag_areas(v, "neutral").any()
    assert list(flag_areas(v, "up")) == list(v >= default_threshold(v, "up"))
    assert list(flag_areas(v, "down", threshold=2.0)) == [True, True, False, False]


def test_mss_class_names_decided_once():
    from indicators.needs import assessment, mss_classes

    assert not hasattr(assessment, "MSS_CLASSES")  # one name for the class names: mss_classes.STATUS_CLASSES
    assert [mss_classes.status_class(x) for x in (-2, 0, 1.2, 3)] == list(mss_classes.STATUS_CLASSES)
    assert [mss_classes.dynamic_class(x) for x in (-2, 0, 2)] == list(mss_classes.DYNAMIC_CLASSES)
