"""Which indicators may be flagged, and in which direction (indicators/compute/flags.py)."""

from __future__ import annotations

import pandas as pd
import pytest
from testkit import ROOT

from indicators.catalogue import load_catalogue
from indicators.compute.flags import default_threshold, flag_direction, flag_rule, threshold_flags


@pytest.fixture(scope="module")
def berlin():
    return load_catalogue(ROOT / "data" / "indicators_berlin.yaml")


@pytest.fixture(scope="module")
def luebeck():
    return load_catalogue()


def test_counts_and_context_indicators_are_never_flagged(berlin, luebeck):
    # Berlin: "inhabitants" flagged the 61 biggest Planungsräume in the atlas
    assert flag_direction(berlin["inhabitants"]) is None
    assert flag_direction(berlin["s1_percentage_unemployed"]) == "up"  # a share with direction
    assert flag_direction(luebeck["population_total"]) is None
    assert flag_direction(luebeck["natural_balance_per_1000"]) is None  # neutral balance
    assert flag_direction(luebeck["share_65plus"]) == "up"


def test_neutral_direction_flags_nothing():
    values = pd.Series([1.0, 2.0, 3.0, 10.0])
    assert not threshold_flags(values, 2.0, "neutral").any()
    assert not threshold_flags(values, 2.0, None).any()
    assert threshold_flags(values, 3.0, "up").tolist() == [False, False, True, True]
    assert threshold_flags(values, 2.0, "down").tolist() == [True, True, False, False]


def test_flag_rule_knows_whether_the_threshold_is_the_planners(luebeck):
    values = pd.Series([10.0, 20.0, 30.0])
    rule = flag_rule(values, luebeck["share_65plus"], 22.0)
    assert rule.custom and rule.threshold == 22.0 and rule.direction == "up"
    default = flag_rule(values, luebeck["share_65plus"])
    assert not default.custom and default.threshold == pytest.approx(default_threshold(values, "up"))
    assert flag_rule(values, luebeck["population_total"], 22.0).direction is None
