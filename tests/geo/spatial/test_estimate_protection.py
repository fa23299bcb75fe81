"""Custom-area estimates resist differencing (SYNTHETIC areas, addresses and counts made here).

Property: for random small tables and random pairs of overlapping circles, every
published count is suppressed or at least the minimum, and the difference of
any two published outputs is a multiple of the rounding base, so no count of
1 or 2 can be derived by subtraction.
"""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from geo.spatial.estimate import Estimator
from geo.spatial.protection import DEFAULT_MIN_POPULATION, DEFAULT_ROUND_BASE
from indicators.catalogue import load_catalogue
from indicators.dataset import Dataset
from indicators.ingest.report import Report

CAT = load_catalogue()
N = 3  # 3 × 3 areas of 200 m
AREAS = gpd.GeoDataFrame(
    {"code": [f"{i:02d}" for i in range(N * N)], "name": [f"G{i}" for i in range(N * N)]},
    geometry=[box(x * 200, y * 200, x * 200 + 200, y * 200 + 200) for y in range(N) for x in range(N)],
    crs=25832,
)
_rng = np.random.default_rng(13)
ADDRESSES = gpd.GeoDataFrame(
    geometry=gpd.points_from_xy(_rng.uniform(0, 200 * N, 400), _rng.uniform(0, 200 * N, 400)), crs=25832
)
VARS = ("population_total", "pop_under18", "pop_65plus")


def _estimator(pop: list[int], under18: list[int], old: list[int]) -> Estimator:
    rows = [(c, 2022, v, float(x)) for v, xs in zip(VARS, (pop, under18, old)) for c, x in zip(AREAS["code"], xs)]
    table = pd.DataFrame(rows, columns=["area_code", "year", "variable", "value"])
    return Estimator(Dataset(None, AREAS, table, CAT, {}, pd.DataFrame(), Report("synthetisch")), ADDRESSES)


def _published(est: Estimator, geom) -> dict[tuple[str, str], float]:
    t = est.estimate(geom).table
    t = t[(t["kind"] == "count") & ~t["suppressed"]]
    return {(v, m): x for v, m, x in zip(t["variable"], t["method"], t["value"])}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pop=st.lists(st.integers(150, 900), min_size=N * N, max_size=N * N),
    small=st.lists(st.integers(0, 6), min_size=N * N, max_size=N * N),
    centre=st.tuples(st.floats(100, 500), st.floats(100, 500)),
    r1=st.floats(150, 400),
    dr=st.floats(0.5, 60),
    shift=st.floats(0, 80),
)
def test_no_small_count_by_subtracting_two_estimates(pop, small, centre, r1, dr, shift):
    est = _estimator(pop, small, [p // 4 for p in pop])
    a = shapely.Point(centre).buffer(r1)
    b = shapely.Point(centre[0] + shift, centre[1]).buffer(r1 + dr)
    outs = [_published(est, g) for g in (a, b, a.union(b), a.intersection(b))]
    for out in outs:
        for value in out.values():
            assert value >= 3 and value % DEFAULT_ROUND_BASE == 0
    for x, y in itertools.combinations(outs, 2):
        for key in x.keys() & y.keys():
            assert abs(x[key] - y[key]) % DEFAULT_ROUND_BASE == 0 and abs(x[key] - y[key]) not in (1, 2)


def test_small_area_gets_no_estimate():
    est = _estimator([400] * (N * N), [30] * (N * N), [80] * (N * N))
    res = est.estimate(box(0, 0, 60, 60))  # a corner with ~ 1/11 of an area: < 300 residents
    assert res.table["suppressed"].all() and res.table["value"].isna().all()
    assert any(f"Weniger als {DEFAULT_MIN_POPULATION}" in str(n) for n in res.notes)


def test_rates_are_recomputed_from_rounded_counts():
    est = _estimator([437] * (N * N), [61] * (N * N), [97] * (N * N))
    t = est.estimate(box(0, 0, 400, 400)).table.set_index(["variable", "method"])["value"]
    for m in ("areal", "dasymetric"):
        assert t[("population_total", m)] % 5 == 0
        assert t[("share_under18", m)] == pytest.approx(100 * t[("pop_under18", m)] / t[("population_total", m)])


def test_configurable(monkeypatch):
    monkeypatch.setenv("SOZIALMONITOR_ESTIMATE_ROUND_BASE", "10")
    monkeypatch.setenv("SOZIALMONITOR_ESTIMATE_MIN_POPULATION", "5000")
    est = _estimator([437] * (N * N), [61] * (N * N), [97] * (N * N))
    assert est.estimate(box(0, 0, 600, 600)).table["suppressed"].all()  # 3933 < 5000
    monkeypatch.setenv("SOZIALMONITOR_ESTIMATE_MIN_POPULATION", "300")
    t = est.estimate(box(0, 0, 600, 600)).table
    assert (t.loc[t["kind"] == "count", "value"] % 10 == 0).all()
