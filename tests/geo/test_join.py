"""Joining values to areas."""
import geopandas as gpd
import pandas as pd
from shapely.geometry import box

from geo.join import indicator_layer, join_values


def test_missing_area_keeps_nan_and_rank_ignores_it():
    areas = gpd.GeoDataFrame({"code": ["01", "02", "03"], "name": list("abc")},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1)], crs=25832)
    rows = pd.DataFrame({"area_code": ["01", "03"], "value": [5.0, 7.0], "numerator": [1, 1],
                         "denominator": [1, 1], "suppressed": [False, False]})
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
