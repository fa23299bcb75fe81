"""Charts carry a Vega locale: German axes read "21,0" and months "April, Juli"; English stays English."""

from __future__ import annotations

import pandas as pd

from indicators.wording.locale import vega_locale


def test_german_and_english_locales():
    de, en = vega_locale("de"), vega_locale("en")
    assert de["number"]["decimal"] == "," and de["number"]["thousands"] == "."
    assert "Juli" in de["time"]["months"] and "Mär" in de["time"]["shortMonths"]
    assert en["number"]["decimal"] == "." and "July" in en["time"]["months"]
    assert vega_locale(None) == de  # German by default
    for loc in (de, en):
        assert len(loc["time"]["months"]) == len(loc["time"]["shortMonths"]) == 12 and len(loc["time"]["days"]) == 7


def test_the_atlas_series_chart_is_configured_with_the_locale():
    from ui.pages.atlas_profile import series_chart

    ts = pd.DataFrame({"Innenstadt": [21.0, 21.5]}, index=[2021, 2022])  # synthetic
    spec = series_chart(ts, "%", 1, "de").to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert "labelExpr" not in str(spec)  # no separator swapping on top of the locale
    assert series_chart(ts, "%", 1, "en").to_dict()["config"]["locale"]["number"]["decimal"] == "."
