"""Location-allocation (geo/spatial/siting.py) against brute force on small synthetic cases.

Demand points, facilities and candidate sites are synthetic, made in this file.
"""

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.spatial.reach_points import Points, ReachError
from geo.spatial.siting import choose_sites

X0, Y0 = 610_000.0, 5_970_000.0


def _points(xy, value=None, codes=None, prefix="p"):
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    return Points(
        np.array([f"{prefix}{k}" for k in range(n)]),
        xy,
        np.ones(n) if value is None else np.asarray(value, dtype=float),
        np.array(codes if codes is not None else ["01"] * n, dtype=object),
        "synthetisch",
    )


def _dist(a, b):
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(axis=2))


def brute_force_coverage(demand, existing, cand, k, r):
    base = (_dist(demand.xy, existing.xy) <= r).any(axis=1) if len(existing) else np.zeros(len(demand), bool)
    near = _dist(demand.xy, cand.xy) <= r
    best = max(
        demand.value[base | near[:, list(c)].any(axis=1)].sum() for c in itertools.combinations(range(len(cand)), k)
    )
    return demand.value[base].sum(), best


def brute_force_pmedian(demand, existing, cand, k):
    nearest = _dist(demand.xy, existing.xy).min(axis=1)
    d = _dist(demand.xy, cand.xy)
    return min(
        (demand.value * np.minimum(nearest, d[:, list(c)].min(axis=1))).sum()
        for c in itertools.combinations(range(len(cand)), k)
    )


xy = st.tuples(st.integers(0, 40), st.integers(0, 40)).map(lambda p: (X0 + 50 * p[0], Y0 + 50 * p[1]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    demand=st.lists(st.tuples(xy, st.integers(1, 50)), min_size=1, max_size=20),
    existing=st.lists(xy, min_size=0, max_size=2),
    cand=st.lists(xy, min_size=2, max_size=7, unique=True),
    k=st.integers(1, 3),
    r=st.sampled_from([150.0, 300.0, 600.0]),
)
def test_coverage_finds_the_brute_force_optimum(demand, existing, cand, k, r):
    d = _points([p for p, _ in demand], [w for _, w in demand])
    e, c = _points(existing), _points(cand, prefix="c")
    k = min(k, len(cand))
    result = choose_sites(demand=d, existing=e, candidates=c, k=k, max_distance=r)
    before, best = brute_force_coverage(d, e, c, k, r)
    assert result.covered_before == pytest.approx(before)
    assert result.covered_after == pytest.approx(best)
    assert len(result.chosen) <= k and len(set(result.chosen)) == len(result.chosen)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    demand=st.lists(st.tuples(xy, st.integers(1, 50)), min_size=1, max_size=15),
    existing=st.lists(xy, min_size=1, max_size=2),
    cand=st.lists(xy, min_size=2, max_size=6, unique=True),
    k=st.integers(1, 2),
)
def test_pmedian_finds_the_brute_force_optimum(demand, existing, cand, k):
    d = _points([p for p, _ in demand], [w for _, w in demand])
    e, c = _points(existing), _points(cand, prefix="c")
    result = choose_sites(demand=d, existing=e, candidates=c, k=k, max_distance=500, objective="pmedian")
    total = result.mean_distance_after * d.value.sum()
    assert total == pytest.approx(brute_force_pmedian(d, e, c, k), rel=1e-9, abs=1e-6)
    assert len(result.chosen) <= k  # fewer when no further site shortens any distance


def test_a_clear_case_and_the_tables():
    # two clusters far from the one existing Kita; candidate 1 sits in the big cluster
    demand = _points(
        [[X0, Y0], [X0 + 2000, Y0], [X0 + 2010, Y0], [X0 + 4000, Y0]], [5, 30, 30, 10], ["01", "02", "02", "02"]
    )
    cand = _points([[X0 + 4000, Y0 + 100], [X0 + 2005, Y0 + 50], [X0 + 9000, Y0]], prefix="c")
    result = choose_sites(demand=demand, existing=_points([[X0, Y0]]), candidates=cand, k=1, max_distance=300)
    assert result.to_json()["chosen"] == ["c1"]
    assert (result.covered_before, result.covered_after) == (5, 65)
    assert result.chosen_frame()["newly_covered"].tolist() == [60]
    af = result.area_frame(pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]})).set_index("code")
    assert af.loc["02", "covered_before"] == 0 and af.loc["02", "covered_after"] == 60
    two = choose_sites(demand=demand, existing=_points([[X0, Y0]]), candidates=cand, k=2, max_distance=300)
    assert two.to_json()["chosen"] == ["c0", "c1"] and two.covered_after == 75
    assert result.covered_shares() == pytest.approx((100 * 5 / 75, 100 * 65 / 75))  # the page's metrics
    gap = result.gap_after(pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]})).set_index("code")
    assert gap.loc["01", "value"] == 0 and gap.loc["02", "value"] == pytest.approx(100 * (1 - 60 / 70))
    assert gap["withheld"].tolist() == af["withheld"].tolist()


def test_a_pooled_pmedian_says_so_in_the_readers_language(monkeypatch):
    from geo.spatial import siting_models
    from indicators.wording.voice import Voice

    demand = _points([[X0, Y0], [X0 + 10, Y0], [X0 + 2000, Y0]], [5, 5, 10])
    cand = _points([[X0 + 5, Y0], [X0 + 2000, Y0 + 10]], prefix="c")
    exact = choose_sites(
        demand=demand, existing=_points([]), candidates=cand, k=1, max_distance=300, objective="pmedian"
    )
    assert exact.note is None and exact.to_json()["note"] == ""
    monkeypatch.setattr(siting_models, "PMEDIAN_MAX_CELLS", 1)  # any case is "too big": pooled in grid cells
    pooled = choose_sites(
        demand=demand, existing=_points([]), candidates=cand, k=1, max_distance=300, objective="pmedian"
    )
    en = Voice.of("en")
    assert pooled.note_in() == "Bedarf für p-Median in 250-m-Zellen zusammengefasst (Näherung)"
    assert pooled.note_in(voice=en) == "demand for the p-median pooled in 250 m cells (approximation)"
    assert pooled.to_json(voice=en)["note"] == pooled.note_in(voice=en)
    assert pooled.to_json(voice=en)["method"] == "straight line (EPSG:25832)"


def test_options_are_checked():
    d = _points([[X0, Y0]])
    with pytest.raises(ReachError, match="k = 0"):
        choose_sites(demand=d, existing=d, candidates=d, k=0, max_distance=100)
    with pytest.raises(ReachError, match="Ziel"):
        choose_sites(demand=d, existing=d, candidates=d, k=1, max_distance=100, objective="best")
