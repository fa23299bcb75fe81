"""Joining values to areas."""

import geopandas as gpd
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from shapely.geometry import box

from geo.join import indicator_layer, join_values


def test_missing_area_keeps_nan_and_rank_ignores_it():
    areas = gpd.GeoDataFrame(
        {"code": ["01", "02", "03"], "name": list("abc")},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)],
        crs=25832,
    )
    rows = pd.DataFrame(
        {
            "area_code": ["01", "03"],
            "value": [5.0, 7.0],
            "numerator": [1, 1],
            "denominator": [1, 1],
            "suppressed": [False, False],
        }
    )
    out = join_values(areas, rows)
    assert out["value"].isna().tolist() == [False, True, False]
    assert out["rank"].tolist()[0] == 2 and out["rank"].tolist()[2] == 1
    assert out.attrs["ranked"] == 2


def test_indicator_layer_on_shipped_data(luebeck):
    gdf, city = indicator_layer(luebeck, "share_65plus", 2022)
    assert len(gdf) == 10 and gdf["value"].notna().all()
    travemuende = gdf.set_index("code").loc["10"]
    assert travemuende["rank"] == 1
    assert 20 < city < 26


def test_view_layer_level_is_the_indicator_layer_and_change_is_end_minus_start(luebeck):
    from geo.join import view_layer
    from indicators.compute.timeseries import change_between

    level, city = view_layer(luebeck, "share_65plus", 2022)
    expected, expected_city = indicator_layer(luebeck, "share_65plus", 2022)
    assert level["value"].tolist() == expected["value"].tolist() and city == expected_city
    change, city = view_layer(luebeck, "share_65plus", 2022, start=2015)
    rows = change_between(luebeck.values, "share_65plus", 2015, 2022).set_index("area_code")["value"]
    assert change.set_index("code")["value"].to_dict() == rows.drop("00").to_dict()
    assert city == rows["00"] and len(change) == 10
    rel, _ = view_layer(luebeck, "share_65plus", 2022, start=2015, relative=True)
    assert rel["value"].tolist() != change["value"].tolist()


@given(st.permutations(["01", "02", "03"]))
def test_score_layer_puts_scores_and_flags_on_their_areas_in_any_row_order(order):
    from types import SimpleNamespace

    from geo.join import score_layer

    areas = gpd.GeoDataFrame(
        {"code": ["01", "02", "03"], "name": list("abc")},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)],
        crs=25832,
    )
    score = {"01": 0.5, "02": 2.0, "03": float("nan")}
    flag = {"01": False, "02": True, "03": None}
    result = pd.DataFrame({"id": order, "score": [score[c] for c in order], "flag": [flag[c] for c in order]})
    layer = score_layer(SimpleNamespace(areas=areas), result["id"], result["score"], result["flag"])
    assert layer["code"].tolist() == ["01", "02", "03"]
    assert layer["value"].tolist()[:2] == [0.5, 2.0] and pd.isna(layer["value"].iloc[2])
    assert layer["flagged"].tolist() == [False, True, False]


def test_rows_layer_takes_the_city_from_the_reference_row_and_keeps_suppression():
    from types import SimpleNamespace

    from geo.join import rows_layer

    areas = gpd.GeoDataFrame(
        {"code": ["01", "02"], "name": list("ab")}, geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs=25832
    )
    ds = SimpleNamespace(areas=areas, geography=SimpleNamespace(reference_code="00"))
    rows = pd.DataFrame({"area_code": ["01", "02", "00"], "value": [1.0, 3.0, 2.0]})
    layer, city = rows_layer(ds, rows)  # a tool's rows: no numerator, no suppression column
    assert city == 2.0 and layer["value"].tolist() == [1.0, 3.0] and not layer["suppressed"].any()
    layer, city = rows_layer(ds, rows.assign(suppressed=[True, False, False]).iloc[:2])
    assert city is None and layer["suppressed"].tolist() == [True, False]
