"""Disclosure control (synthetic small counts)."""

import numpy as np
import pandas as pd

from indicators.catalogue import load_catalogue
from indicators.compute.disclosure import apply_disclosure
from indicators.compute.rates import compute_indicators


def test_small_counts_and_rates_built_on_them_are_suppressed():
    t = pd.DataFrame(
        [
            ("01", 2021, "population_total", 500),
            ("01", 2021, "pop_under18", 2),
            ("02", 2021, "population_total", 800),
            ("02", 2021, "pop_under18", 40),
            ("03", 2021, "population_total", 700),
            ("03", 2021, "pop_under18", 0),
        ],
        columns=["area_code", "year", "variable", "value"],
    )
    cat = load_catalogue()
    values = compute_indicators(t, cat, ["pop_under18", "share_under18", "population_total"])
    v = apply_disclosure(values, cat, secondary=False)
    sup = v[v.suppressed]
    assert set(zip(sup.area_code, sup.indicator)) == {
        ("01", "pop_under18"),
        ("01", "share_under18"),
        ("03", "pop_under18"),
        ("03", "share_under18"),
    }
    # With secondary suppression (the default) 02 is hidden too: with the city total known,
    # the two hidden cells would otherwise reveal that 01 and 03 together have 2 children.
    v = apply_disclosure(values, cat)
    sup = v[v.suppressed]
    assert set(zip(sup.area_code, sup.indicator)) == {
        (a, i) for a in ("01", "02", "03") for i in ("pop_under18", "share_under18")
    }
    assert sup[["value", "numerator", "denominator"]].isna().all().all()
    assert not v[~v.suppressed]["value"].isna().any()


def test_min_population_suppresses_whole_area():
    t = pd.DataFrame(
        [("01", 2021, "population_total", 40), ("01", 2021, "pop_65plus", 20)],
        columns=["area_code", "year", "variable", "value"],
    )
    cat = load_catalogue()
    pop = t[t.variable == "population_total"].set_index(["area_code", "year"])["value"]
    v = apply_disclosure(
        compute_indicators(t, cat, ["pop_65plus", "share_65plus"]), cat, min_population=100, population=pop
    )
    assert v["suppressed"].all() and np.isnan(v["value"]).all()
