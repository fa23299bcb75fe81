"""The web legend marks the city's class only when the city value lies inside the classes: a count's
city total exceeds every area, so no "◂ Lübeck gesamt" beside the top class (the line below says it)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.webmap.html import legend_html
from geo.webmap.layer import MapLabels
from indicators.compute.classify import classify

# synthetic counts per area
counts = st.lists(st.integers(min_value=0, max_value=5000), min_size=5, max_size=25).filter(
    lambda xs: len(set(xs)) >= 3
)


@settings(max_examples=40, deadline=None)
@given(xs=counts)
def test_the_city_total_of_a_count_is_never_marked_beside_a_class(xs):
    values = pd.Series(xs, dtype="float64")
    c = classify(values, "quantiles", 4, decimals=0)
    html = legend_html(
        c,
        labels=MapLabels(
            indicator_label="Einwohner",
            unit="Personen",
            city_name="Lübeck gesamt",
            city_value=float(values.sum()) + 1,
            decimals=0,
        ),
    )
    assert "◂" not in html and "Lübeck gesamt: " in html


def test_a_rate_inside_the_classes_is_still_marked():
    values = pd.Series([5.0, 8.0, 10.0, 12.0, 20.0, 25.0])  # synthetic shares
    c = classify(values, "quantiles", 3)
    assert "◂ Lübeck gesamt" in legend_html(
        c, labels=MapLabels(indicator_label="Quote", unit="%", city_name="Lübeck gesamt", city_value=11.0)
    )
