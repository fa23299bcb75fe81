"""geo.boundary_clean: features of a read layer become areas (synthetic geometries)."""

import json

import geopandas as gpd
import shapely
from shapely.geometry import Point, Polygon, box

from geo.boundaries import read_vector
from geo.boundary_clean import MAX_NAME, clean_polygons, pick_columns
from indicators.ingest.report import Report

SQUARE = [[600000, 5970000], [601000, 5970000], [601000, 5971000], [600000, 5971000], [600000, 5970000]]


def write_geojson(path, features):
    doc = {
        "type": "FeatureCollection",
        "features": features,
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
    }
    path.write_text(json.dumps(doc))
    return path


def feat(code, coords):
    return {
        "type": "Feature",
        "properties": {"code": code, "name": f"Gebiet {code}"},
        "geometry": {"type": "Polygon", "coordinates": [coords]},
    }


def test_pick_columns_drops_missing_and_duplicate_codes(tmp_path):
    path = write_geojson(tmp_path / "d.geojson", [feat("01", SQUARE), feat("01", SQUARE), feat(None, SQUARE)])
    gdf, report = read_vector(path)
    out = pick_columns(gdf, "code", "name", report)
    assert list(out["code"]) == ["01"]
    assert report.dropped_rows == {2, 3}


def test_unknown_code_column_names_alternatives(tmp_path):
    path = write_geojson(tmp_path / "c.geojson", [feat("01", SQUARE)])
    gdf, report = read_vector(path)
    pick_columns(gdf, "Schluessel", None, report)
    assert not report.ok and "vorhanden: code, name" in report.summary()


def test_clean_polygons_repairs_drops_and_flattens_and_lists_each_change():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
    gdf = gpd.GeoDataFrame(
        {"code": ["a", "b", "c", "d"]}, geometry=[box(0, 0, 1, 1), bowtie, Point(5, 5), shapely.Polygon()], crs=25832
    )
    gdf3 = gdf.set_geometry(shapely.force_3d(gdf.geometry.values, 7.0))
    report = Report("flaechen.geojson")
    out = clean_polygons(gdf3, report)
    assert list(out["code"]) == ["a", "b"]  # the point and the empty feature are dropped
    assert not shapely.has_z(out.geometry.values).any() and out.geometry.is_valid.all()
    assert report.dropped_rows == {3, 4}
    assert out.crs == gdf.crs


def test_names_are_cut_and_overlong_keys_dropped_at_the_limit():
    gdf = gpd.GeoDataFrame(
        {"k": ["1", "2" * (MAX_NAME + 1)], "n": ["x" * (MAX_NAME + 5), "kurz"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs=25832,
    )
    report = Report("f.gpkg")
    out = pick_columns(gdf, "k", "n", report)
    assert list(out["code"]) == ["1"] and report.dropped_rows == {2}
    assert len(out["name"].iloc[0]) == MAX_NAME and out["name"].iloc[0].endswith("…")
