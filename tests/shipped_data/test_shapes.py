"""The shipped geography in shapes/ (checks of issue 2)."""

from itertools import combinations

import geopandas as gpd
import pandas as pd
import shapely
from testkit import ROOT

GPKG = ROOT / "shapes" / "luebeck.gpkg"


def test_stadtteile_layer_is_a_clean_coverage():
    st = gpd.read_file(GPKG, layer="stadtteile")
    assert len(st) == 10
    assert st.crs.to_epsg() == 25832
    assert list(st["code"]) == [f"{i:02d}" for i in range(1, 11)]
    assert st.geometry.is_valid.all()
    worst = max(a.intersection(b).area for a, b in combinations(st.geometry, 2))
    assert worst <= 1.0
    union = shapely.union_all(st.geometry.values)
    assert abs(union.area / 1e6 - 214.19) / 214.19 <= 0.005
    holes = [r for p in shapely.get_parts(union) for r in p.interiors]
    assert holes == []


def test_city_outline_layer_matches_union():
    st = gpd.read_file(GPKG, layer="stadtteile")
    city = gpd.read_file(GPKG, layer="stadt")
    assert len(city) == 1
    assert abs(city.geometry.area.iloc[0] - st.geometry.area.sum()) < 1.0


def test_stadtbezirke_table_leaves_unknown_names_unassigned():
    sb = pd.read_csv(ROOT / "shapes" / "stadtbezirke.csv", dtype=str, keep_default_na=False)
    assert len(sb) == 35
    assert sb["code"].is_unique
    assert set(sb["stadtteil_code"]) == {f"{i:02d}" for i in range(1, 11)}
    travemuende = sb[sb["code"].isin([str(c) for c in range(31, 36)])]
    assert (travemuende["name"] == "").all()
    assert (travemuende["stadtteil_code"] == "10").all()


def test_clean_coverage_removes_source_overlaps_and_gaps(raw_dir):
    import sys

    sys.path.insert(0, str(ROOT / "shapes"))
    from build import clean_coverage

    src = gpd.read_file(raw_dir / "luebeck-stadtteile-hl-quarto-db" / "stadtteile_luebeck.geojson").to_crs(25832)
    before = sum(a.intersection(b).area for a, b in combinations(src.geometry, 2))
    assert before > 1000  # the source really has ~1,185 m² of overlaps
    cleaned = clean_coverage(src)
    after = sum(a.intersection(b).area for a, b in combinations(cleaned.geometry, 2))
    assert after < 1.0
    assert shapely.coverage_is_valid(cleaned.geometry.values)
