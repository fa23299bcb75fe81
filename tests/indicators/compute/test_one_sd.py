"""One standard deviation per rule: the flag 'Mittelwert + 1 Standardabweichung' and the
class scheme of the same name use the same SD (the areas' population SD, ddof=0)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.compute.classify import classify
from indicators.compute.flags import SD_DDOF, area_sd, default_threshold
from indicators.wording import t

# synthetic values: shares of areas in per cent
shares = st.lists(st.floats(min_value=0, max_value=100, allow_nan=False, width=32), min_size=6, max_size=40).filter(
    lambda xs: len(set(xs)) >= 4
)


@settings(max_examples=60, deadline=None)
@given(xs=shares)
def test_std_mean_classes_hold_the_flag_threshold_as_a_bound(xs):
    values = pd.Series(xs, index=[f"{i:02d}" for i in range(len(xs))], dtype="float64")
    c = classify(values, "std_mean", k=4)  # 4 classes: bounds at mean − 1 SD, mean, mean + 1 SD
    threshold = default_threshold(values, "up")
    mean = float(values.mean())
    inner = [e for e in c.edges[1:-1]]
    if threshold is not None and threshold < values.max():
        assert any(np.isclose(e, threshold) for e in inner), (inner, threshold)
    # and the SD is the population SD, not the sample SD
    assert np.isclose(threshold - mean, float(np.std(values.to_numpy(), ddof=0)))


def test_the_sd_is_the_population_sd_and_its_name_says_of_the_areas():
    values = pd.Series([10.0, 20.0, 30.0, 40.0])  # synthetic
    assert SD_DDOF == 0
    assert np.isclose(area_sd(values), np.std([10, 20, 30, 40]))
    assert "der Gebiete" in t("scheme_std_mean", "de")
    assert "of the areas" in t("scheme_std_mean", "en")
    assert "n − 1" in t("methods_flags_body", "de")
