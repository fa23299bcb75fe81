"""The map's labels travel as one value: tooltip and legend read the same words and numbers
(synthetic values)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.webmap.html import legend_html, tooltip_html
from geo.webmap.layer import MapLabels, MapLayer
from indicators.compute.classify import classify
from indicators.formatting import fmt_value
from indicators.wording.voice import Voice


def test_labels_are_frozen():
    labels = MapLabels(indicator_label="Quote")
    with pytest.raises(dataclasses.FrozenInstanceError):
        labels.unit = "%"  # type: ignore[misc]
    with pytest.raises(TypeError):
        MapLabels("Quote")  # type: ignore[misc]  # keyword-only: no label mix-up by position


@settings(max_examples=40, deadline=None)
@given(
    city=st.floats(0, 1e6, allow_nan=False),
    decimals=st.integers(0, 3),
    lang=st.sampled_from(["de", "en"]),
    unit=st.sampled_from(["", "%", "Personen"]),
)
def test_tooltip_and_legend_show_the_city_value_alike(city, decimals, lang, unit):
    labels = MapLabels(
        indicator_label="Quote",
        unit=unit,
        city_name="Lübeck gesamt",
        city_value=city,
        decimals=decimals,
        voice=Voice.of(lang),
    )
    shown = fmt_value(city, unit, decimals, lang)
    c = classify(pd.Series([1.0, 2.0, 3.0, 4.0]), "quantiles", 2)
    assert f"Lübeck gesamt: {shown}" in legend_html(c, labels=labels).replace("&amp;", "&")
    assert f"<th>Lübeck gesamt</th><td>{shown}</td>" in tooltip_html("A", 1.0, labels=labels).replace("&amp;", "&")


def test_a_layer_carries_its_labels():
    areas = pd.DataFrame({"value": [1.0]})
    layer = MapLayer(areas, classify(areas["value"], k=1), MapLabels(indicator_label="Wert", voice=Voice.of("en")))
    assert layer.labels.voice == Voice.of("en") and "areas" not in repr(layer)
