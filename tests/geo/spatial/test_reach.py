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
from geo.spatial.reach import (
    STRAIGHT,
    Points,
    ReachError,
    compute_reach,
    demand_from_points,
    demand_from_variable,
    load_supply,
)

X0, Y0 = 610_000.0, 5_970_000.0  # inside Lübeck, EPSG:25832


def independent_2sfca(demand_xy, demand, supply_xy, supply, max_distance, decay="none"):
    """Textbook 2SFCA (Luo & Wang 2003; Gaussian weights as in E2SFCA), loops over a full matrix."""
    d = np.sqrt(((demand_xy[:, None, :] - supply_xy[None, :, :]) ** 2).sum(axis=2))
    sigma = max_distance / 2

    def f(x):
        return 1.0 if decay == "none" else float(np.exp(-x * x / (2 * sigma ** 2)))

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
    return Points(np.array([f"p{k}" for k in range(n)]), np.asarray(xy, dtype=float), np.asarray(value, dtype=float),
                  np.array(codes if codes is not None else [""] * n, dtype=object), "synthetisch")


coords = st.tuples(st.floats(0, 3000, allow_nan=False), st.floats(0, 3000, allow_nan=False))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(demand=st.lists(st.tuples(coords, st.floats(0, 500, allow_nan=False)), min_size=1, max_size=25),
       supply=st.lists(st.tuples(coords, st.floats(0.5, 20, allow_nan=False)), min_size=1, max_size=8),
       max_distance=st.floats(50, 2500), decay=st.sampled_from(["none", "gaussian"]))
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
    assert [a["withheld"] for a in result.to_json(pd.DataFrame({"code": ["01", "02"], "name": ["A", "B"]}),
                                                  points=False)["areas"]] == [False, True]


def test_demand_from_a_variable_uses_the_protected_counts(luebeck):
    ds = luebeck
    values = ds.values.copy()
    hit = (values["indicator"] == "pop_under18") & (values["year"] == 2022) & (values["area_code"] == "08")
    values.loc[hit, ["value", "numerator"]] = np.nan
    values.loc[hit, "suppressed"] = True
    protected = type(ds)(ds.geography, ds.areas, ds.table, ds.catalogue, ds.sources, values, ds.report)
    demand = demand_from_variable(ds=protected, variable="pop_under18", year=2022)
    per_area = pd.Series(demand.value).groupby(demand.codes).sum()
    counts = ds.values[(ds.values["indicator"] == "pop_under18") & (ds.values["year"] == 2022)]
    expected = counts.set_index("area_code")["value"]
    for code in ["01", "02", "07", "10"]:
        assert per_area[code] == pytest.approx(expected[code])
    assert per_area["08"] == 0 and demand.withheld == ["08"]
    with pytest.raises(ReachError, match="keine Zählvariable"):
        demand_from_variable(ds=ds, variable="kitas_per_1000_under18")


def test_uploaded_demand_points_and_facilities_go_through_the_upload_gate(tmp_path, luebeck):
    dem = tmp_path / "bedarf.csv"
    dem.write_text("id;x;y;Kinder\na;610000;5970000;10\nb;610400;5970000;5,5\n", encoding="utf-8")
    fac = tmp_path / "kitas.csv"
    fac.write_text("name,x,y,plaetze\nK1,610100,5970000,40\n", encoding="utf-8")
    demand = demand_from_points(path=dem, weight="kinder", areas=luebeck.areas)
    supply = load_supply(facilities=fac, capacity="Plaetze", areas=luebeck.areas)
    assert demand.value.tolist() == [10, 5.5] and supply.value.tolist() == [40]
    result = compute_reach(demand=demand, supply=supply, max_distance=250)
    assert result.access.tolist() == pytest.approx([4.0, 0.0]) and result.covered.tolist() == [True, False]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,x,y,w\na,610000,5970000,-1\n", encoding="utf-8")
    with pytest.raises(ReachError, match="Zeile 2, Spalte 'w'"):
        demand_from_points(path=bad, weight="w", areas=luebeck.areas)
    with pytest.raises(ReachError, match="Spalte 'gewicht'"):
        demand_from_points(path=dem, weight="gewicht", areas=luebeck.areas)
    with pytest.raises(ReachError, match="weder"):
        load_supply(facilities="nirgends.csv")


def test_the_shipped_kitas_are_a_facility_layer_with_source_and_date():
    supply = load_supply(facilities="kitas")
    assert len(supply) == 128 and (supply.value == 1).all()
    assert "Kita-Datenbank" in supply.label and "27.11.2023" in supply.label


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
