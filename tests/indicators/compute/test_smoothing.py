"""Global Empirical-Bayes smoothing (Marshall 1991), hand case and esda cross-check."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.compute.smoothing import eb_rates


def test_hand_computed_eb():
    # synthetic: y = [1, 10, 30], n = [10, 100, 100]
    y = pd.Series([1.0, 10.0, 30.0])
    n = pd.Series([10.0, 100.0, 100.0])
    r = eb_rates(y, n)
    m = 41 / 210
    raw = np.array([0.1, 0.1, 0.3])
    s2 = (n.to_numpy() * (raw - m) ** 2).sum() / 210
    a = s2 - m / (210 / 3)
    c = a / (a + m / n.to_numpy())
    assert r["raw"].tolist() == pytest.approx(raw.tolist())
    assert r["smoothed"].tolist() == pytest.approx((m + c * (raw - m)).tolist())
    # the small area is pulled harder towards the mean
    assert r.loc[0, "weight"] < r.loc[1, "weight"]


def test_matches_esda_when_areas_really_differ():
    # esda does not clamp a negative between-area variance to 0 (Marshall does),
    # so compare on synthetic data with a real spread of true rates
    from esda.smoothing import Empirical_Bayes

    rng = np.random.default_rng(1)
    n = rng.integers(50, 5000, 40).astype(float)
    y = rng.binomial(n.astype(int), rng.uniform(0.02, 0.2, 40)).astype(float)
    mine = eb_rates(pd.Series(y), pd.Series(n))["smoothed"].to_numpy()
    ref = Empirical_Bayes(y.reshape(-1, 1), n.reshape(-1, 1)).r.ravel()
    assert mine == pytest.approx(ref)


def test_no_between_variance_gives_overall_rate_and_missing_stays_missing():
    r = eb_rates(pd.Series([5.0, 5.0, np.nan]), pd.Series([100.0, 100.0, 100.0]), factor=100)
    assert r["smoothed"].tolist()[:2] == pytest.approx([5.0, 5.0])
    assert np.isnan(r.loc[2, "smoothed"])


def _rate(**kw):
    from indicators.catalogue import parse_indicator

    spec = dict(
        id="r",
        label_de="Rate",
        kind="rate",
        numerator=["cases"],
        denominator=["population_total"],
        factor=100,
        unit="%",
        direction="up",
        source="s",
    )
    return parse_indicator({**spec, **kw})


@pytest.mark.parametrize(
    "kw,ok",
    [
        ({}, True),
        ({"kind": "value"}, False),
        ({"numerator": ["births", "-deaths"]}, False),  # a balance crosses zero
        ({"denominator": ["area_km2"]}, False),  # a density is no rate of people
        ({"numerator": ["a", "b"]}, False),
    ],
)
def test_smoothable_is_a_rate_of_one_count_over_one_population(kw, ok):
    from indicators.compute.smoothing import smoothable

    assert smoothable(_rate(**kw)) is ok


def test_smoothed_layer_keeps_the_raw_values_and_leaves_its_input_alone():
    from indicators.compute.smoothing import smoothed_layer
    from indicators.errors import InputError

    layer = pd.DataFrame({"numerator": [1.0, 10.0, 30.0], "denominator": [10.0, 100.0, 100.0]})
    layer["value"] = layer["numerator"] / layer["denominator"] * 100
    out = smoothed_layer(layer, _rate())
    assert out["raw"].tolist() == layer["value"].tolist() and "raw" not in layer
    assert out["value"].tolist() == pytest.approx(
        eb_rates(layer["numerator"], layer["denominator"], 100)["smoothed"].tolist()
    )
    with pytest.raises(InputError) as err:
        smoothed_layer(layer, _rate(kind="value"))
    assert err.value.say.key == "err_not_smoothable"
