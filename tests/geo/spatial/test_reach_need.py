"""Need and supply together (geo/spatial/reach_need.py): synthetic need classes and reach, made here."""

import numpy as np
import pandas as pd
import pytest

from geo.spatial.reach import compute_reach
from geo.spatial.reach_need import kind_reach, need_and_reach
from geo.spatial.reach_points import Points

X0, Y0 = 610_000.0, 5_970_000.0


def test_elevated_need_and_a_gap_above_the_city_is_marked_low_reach():
    # area 01: one covered point; area 02: one uncovered point; area 03: covered
    xy = np.array([[X0, Y0], [X0 + 5000, Y0], [X0 + 100, Y0]])
    demand = Points(
        np.array(["a", "b", "c"]), xy, np.array([10.0, 10.0, 10.0]), np.array(["01", "02", "03"], dtype=object), "synth"
    )
    supply = Points(np.array(["k"]), np.array([[X0, Y0]]), np.array([1.0]), np.array(["01"], dtype=object), "synth")
    result = compute_reach(demand=demand, supply=supply, max_distance=500)
    needs = pd.DataFrame(
        {"id": ["01", "02", "03"], "name": ["A", "B", "C"], "label": ["hoch"] * 3, "flag": [True, True, False]}
    )
    areas = pd.DataFrame({"code": ["01", "02", "03"], "name": ["A", "B", "C"]})
    out = need_and_reach(needs=needs, reach={"kitas": result}, areas=areas).set_index("id")
    assert out["kitas_gap"].tolist() == [0.0, 100.0, 0.0]
    assert out["kitas_access"].tolist() == pytest.approx([50.0, 0.0, 50.0])
    assert out["kitas_low"].tolist() == [False, True, False]
    assert out["low_any"].tolist() == [False, True, False]


def test_every_shipped_kind_has_reach_on_the_stadtteile_and_none_without_the_demand(luebeck):
    kitas = kind_reach(ds=luebeck, kind="kitas", year=2022)
    schools = kind_reach(ds=luebeck, kind="schools", year=2022)
    assert kitas.distance == 500 and schools.distance == 1000
    assert 0 < kitas.uncovered_share < 1 and 0 < schools.uncovered_share < 1
    stripped = type(luebeck)(
        luebeck.geography,
        luebeck.areas,
        luebeck.table,
        {k: v for k, v in luebeck.catalogue.items() if k != "pop_under18"},
        luebeck.sources,
        luebeck.values,
        luebeck.report,
    )
    assert kind_reach(ds=stripped, kind="kitas") is None
