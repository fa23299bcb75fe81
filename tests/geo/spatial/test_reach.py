"""Reach by 2SFCA (geo/spatial/reach.py) against an independent, straightforward 2SFCA.

All facilities, demand points and street networks here are synthetic, made in this file.
"""

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString

from geo.spatial.network import NetworkError, StreetNetwork
from geo.spatial.reach import STRAIGHT, compute_reach
from geo.spatial.reach_points import Points, ReachError
from indicators.wording.voice import Voice

X0, Y0 = 610_000.0, 5_970_000.0  # inside Lübeck, EPSG:25832


def independent_2sfca(demand_xy, demand, supply_xy, supply, max_distance, decay="none"):
    """Textbook 2SFCA (Luo & Wang 2003; Gaussian weights as in E2SFCA), loops over a full matrix."""
    d = np.sqrt(((demand_xy[:, None, :] - supply_xy[None, :, :]) ** 2).sum(axis=2))
    sigma = max_distance / 2

    def f(x):
        return 1.0 if decay == "none" else float(np.exp(-x * x / (2 * sigma**2)))

    ratio = np.zeros(len(supply))
    for j in range(len(supply)):
        reached = sum(demand[i] * f(d[i, j]) for i in range(len(demand)) if d[i, j] <= max_distance)
        ratio[j] = supply[j] / reached if reached > 0 else 0.0
    out = np.zeros(len(demand))
    for i in range(len(demand)):
        out[i] = sum(ratio[j] * f(d[i, j]) for j in range(len(supply)) if d[i, j] <= max_distance)
    covered = (d <= max_distance).any(axis=1)
    return out, covered


def _points(xy, value, codes=None):
    n = len(xy)
    return Points(
        np.array([f"p{k}" for k in range(n)]),
        np.asarray(xy, dtype=float),
        np.asarray(value, dtype=float),
        np.array(codes if codes is not None else [""] * n, dtype=object),
        "synthetisch",
    )


coords = st.tuples(st.floats(0, 3000, allow_nan=False), st.floats(0, 3000, allow_nan=False))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    demand=st.lists(st.tuples(coords, st.floats(0, 500, allow_nan=False)), min_size=1, max_size=25),
    supply=st.lists(st.tuples(coords, st.floats(0.5, 20, allow_nan=False)), min_size=1, max_size=8),
    max_distance=st.floats(50, 2500),
    decay=st.sampled_from(["none", "gaussian"]),
)
def test_reach_equals_an_independent_2sfca_for_every_point(demand, supply, max_distance, decay):
    dxy = np.array([(X0 + x, Y0 + y) for (x, y), _ in demand])
    dw = np.array([w for _, w in demand])
    sxy = np.array([(X0 + x, Y0 + y) for (x, y), _ in supply])
    sc = np.array([c for _, c in supply])
    result = compute_reach(demand=_points(dxy, dw), supply=_points(sxy, sc), max_distance=max_distance, decay=decay)
    expected, covered = independent_2sfca(dxy, dw, sxy, sc, max_distance, decay)
    np.testing.assert_allclose(result.access, expected, rtol=1e-9, atol=1e-12)
    assert (result.covered == covered).all()
    assert result.method == STRAIGHT


def test_a_facility_without_demand_in_reach_gives_no_infinite_access():
    # the lone point at the far facility has weight 0: access must stay finite (0), not inf
    dxy = np.array([[X0, Y0], [X0 + 5000, Y0]])
    result = compute_reach(demand=_points(dxy, [10, 0]), supply=_points(dxy, [1, 1]), max_distance=100)
    assert result.access.tolist() == [0.1, 0.0]


def test_area_frame_is_the_demand_weighted_mean_and_the_gap_share():
    dxy = np.array([[X0, Y0], [X0 + 100, Y0], [X0 + 2000, Y0], [X0 + 5000, Y0]])
    demand = _points(dxy, [20, 20, 60, 40], ["01", "01", "01", "02"])
    result = compute_reach(demand=demand, supply=_points([[X0 + 50, Y0]], [2]), max_distance=500)
    areas = pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]})
    af = result.area_frame(areas).set_index("code")
    assert af.loc["01", "access"] == pytest.approx((20 * 0.05 + 20 * 0.05) / 100)
    assert af.loc["01", "uncovered_share"] == pytest.approx(0.6)
    assert af.loc["02", "uncovered_share"] == 1.0 and af.loc["02", "access"] == 0
    assert result.uncovered_share == pytest.approx(100 / 140)


def test_withheld_areas_show_nothing():
    dxy = np.array([[X0, Y0], [X0 + 100, Y0]])
    demand = _points(dxy, [20, 0], ["01", "02"])
    demand.withheld = ["02"]
    result = compute_reach(demand=demand, supply=_points([[X0, Y0]], [1]), max_distance=500)
    af = result.area_frame(pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]})).set_index("code")
    assert af.loc["02", "withheld"] and np.isnan(af.loc["02", "access"]) and np.isnan(af.loc["02", "uncovered_share"])
    assert not af.loc["01", "withheld"]
    assert [
        a["withheld"]
        for a in result.to_json(pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]}), points=False)["areas"]
    ] == [False, True]


def test_network_distance_goes_around_and_is_named():
    # a street along three sides of a 400 m square: the straight line is 400 m, the street 1,200 m
    lines = np.array([LineString([(X0, Y0), (X0, Y0 + 400), (X0 + 400, Y0 + 400), (X0 + 400, Y0)])])
    net = StreetNetwork(lines, "strassen.gpkg")
    demand = _points([[X0, Y0]], [10])
    supply = _points([[X0 + 400, Y0]], [1])
    straight = compute_reach(demand=demand, supply=supply, max_distance=500)
    along = compute_reach(demand=demand, supply=supply, max_distance=500, network=net)
    assert straight.covered.tolist() == [True] and along.covered.tolist() == [False]
    far = compute_reach(demand=demand, supply=supply, max_distance=1300, network=net)
    assert far.covered.tolist() == [True] and far.access.tolist() == [0.1]
    assert "Straßennetz (strassen.gpkg" in along.method
    en = Voice.of("en")
    assert along.method_in(voice=en) == "street network (strassen.gpkg, snapped to nodes)"
    assert straight.method_in(voice=en) == "straight line (EPSG:25832)" and straight.method == "Luftlinie (EPSG:25832)"
    doc = along.to_json(pd.DataFrame({"code": ["01"], "name": ["A"]}), points=False, voice=en)
    assert doc["method"] == "street network (strassen.gpkg, snapped to nodes)"
    i, j, d = net.pairs(origins=np.array([[X0 + 3, Y0 + 4]]), dests=supply.xy, max_distance=2000)
    assert d.tolist() == pytest.approx([5 + 1200])  # snap distance + path


def test_network_file_without_lines_is_refused(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    path = tmp_path / "punkte.gpkg"
    gpd.GeoDataFrame({"a": [1]}, geometry=[Point(X0, Y0)], crs="EPSG:25832").to_file(path)
    with pytest.raises(NetworkError, match="keine Linien"):
        StreetNetwork.from_file(path)


def test_distance_and_decay_are_checked():
    d = _points([[X0, Y0]], [1])
    with pytest.raises(ReachError, match="Maximale Entfernung"):
        compute_reach(demand=d, supply=d, max_distance=0)
    with pytest.raises(ReachError, match="Abnahme"):
        compute_reach(demand=d, supply=d, max_distance=100, decay="linear")


def test_grid_cells_have_the_demand_weighted_mean_and_leave_out_tiny_cells():
    # two points in one 250 m cell (one covered), one lone point with demand 1 in another cell
    dxy = np.array([[X0 + 10, Y0 + 10], [X0 + 200, Y0 + 10], [X0 + 1010, Y0 + 10]])
    result = compute_reach(demand=_points(dxy, [30, 10, 1]), supply=_points([[X0, Y0]], [4]), max_distance=100)
    cells = result.grid_frame(cell=250, min_demand=3)
    assert len(cells) == 1
    assert cells["demand"].iloc[0] == 40 and cells["uncovered_share"].iloc[0] == pytest.approx(0.25)
    assert cells["access"].iloc[0] == pytest.approx(30 * (4 / 30) / 40)
    assert cells.geometry.iloc[0].bounds == (X0, Y0, X0 + 250, Y0 + 250)


def test_uncovered_demand_per_area_is_rounded_and_the_share_recomputed_from_it():
    # 7 of 20 uncovered: published as 5 (base 5), share 5 / 20, not 7 / 20 (protection against differencing)
    dxy = np.array([[X0, Y0], [X0 + 5000, Y0]])
    result = compute_reach(
        demand=_points(dxy, [13, 7], ["01", "01"]), supply=_points([[X0, Y0]], [1]), max_distance=100
    )
    af = result.area_frame(pd.DataFrame({"code": ["01"], "name": ["A"]})).set_index("code")
    assert af.loc["01", "uncovered_demand"] == 5 and af.loc["01", "uncovered_share"] == pytest.approx(0.25)
