"""Segregation indices (issue 27, item 4) against hand formulas to 1e-9, on the shipped Lübeck data and
on synthetic counts; suppressed counts are left out and named; the permutation p-value is seeded."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.loading import load_dataset
from geo.spatial.segregation import NotACount, indices, segregation


def by_hand(g, t):
    g, t = np.asarray(g, float), np.asarray(t, float)
    G, T = g.sum(), t.sum()
    d = 0.5 * np.abs(g / G - (t - g) / (T - G)).sum()
    iso = ((g / G) * (g / t)).sum()

    def ent(p):
        with np.errstate(divide="ignore", invalid="ignore"):
            e = -(p * np.log(p) + (1 - p) * np.log(1 - p))
        return np.nan_to_num(e)

    E = ent(G / T)
    h = (t * (E - ent(g / t))).sum() / (E * T)
    return d, iso, h


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5000), st.floats(0, 1)), min_size=2, max_size=30))
def test_indices_equal_the_hand_formulas(rows):
    t = np.array([r[0] for r in rows], float)
    g = np.floor(t * np.array([r[1] for r in rows]))
    if g.sum() == 0 or g.sum() == t.sum():
        return
    d, iso, h, _ = indices(g, t, permutations=0)
    hd, hi, hh = by_hand(g, t)
    assert d == pytest.approx(hd, abs=1e-9) and iso == pytest.approx(hi, abs=1e-9)
    assert h == pytest.approx(hh, abs=1e-9)


def test_p_value_is_seeded_and_separates_even_from_segregated():
    t = np.array([1000, 1000, 1000, 1000, 1000])
    even = np.array([100, 101, 99, 100, 100])
    apart = np.array([400, 50, 20, 20, 10])
    assert indices(even, t, permutations=199)[3] == indices(even, t, permutations=199)[3]
    assert indices(even, t, permutations=199)[3] > 0.5
    assert indices(apart, t, permutations=199)[3] == pytest.approx(1 / 200)


@pytest.fixture(scope="module")
def stadtteile():
    return load_dataset("stadtteile")


def test_shipped_stadtteile_every_year_by_hand(stadtteile):
    ds = stadtteile
    res = segregation(ds, group="pop_65plus", total="population_total", permutations=19)
    assert [y.year for y in res.years] == ds.years_for("pop_65plus")
    v = ds.values
    for y in res.years:
        g = v[(v["indicator"] == "pop_65plus") & (v["year"] == y.year) & (v["area_code"] != "00")]
        t = v[(v["indicator"] == "population_total") & (v["year"] == y.year) & (v["area_code"] != "00")]
        g = g.set_index("area_code")["value"]
        t = t.set_index("area_code")["value"].reindex(g.index)
        hd, hi, hh = by_hand(g.to_numpy(), t.to_numpy())
        assert y.dissimilarity == pytest.approx(hd, abs=1e-9)
        assert y.isolation == pytest.approx(hi, abs=1e-9)
        assert y.entropy == pytest.approx(hh, abs=1e-9)
        assert y.n_areas == 10 and y.left_out == ()


def test_suppressed_counts_are_left_out_and_named(stadtteile):
    ds = stadtteile
    values = ds.values.copy()
    hit = (values["indicator"] == "pop_65plus") & (values["area_code"] == "03") & (values["year"] == 2020)
    values.loc[hit, ["value", "suppressed"]] = [np.nan, True]  # synthetic: one withheld count
    res = segregation(
        dataclasses.replace(ds, values=values),
        group="pop_65plus",
        total="population_total",
        years=[2020],
        permutations=0,
    )
    (y,) = res.years
    assert y.left_out == ("03",) and y.n_areas == 9
    v = ds.values[(ds.values["year"] == 2020) & ~ds.values["area_code"].isin(["00", "03"])]
    g = v[v["indicator"] == "pop_65plus"].set_index("area_code")["value"].sort_index()
    t = v[v["indicator"] == "population_total"].set_index("area_code")["value"].reindex(g.index)
    assert y.dissimilarity == pytest.approx(by_hand(g, t)[0], abs=1e-9)


def test_a_rate_is_not_a_count(stadtteile):
    with pytest.raises(NotACount, match="share_65plus"):
        segregation(stadtteile, group="share_65plus", total="population_total")
