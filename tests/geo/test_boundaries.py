"""Reading boundary files: CRS, repairs, zips (synthetic geometries)."""

import json
import zipfile

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo.boundaries import read_vector
from geo.geographies import get_geography, load_areas


def write_geojson(path, features, crs=True):
    doc = {"type": "FeatureCollection", "features": features}
    if crs:
        doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}
    path.write_text(json.dumps(doc))
    return path


def feat(code, coords):
    return {
        "type": "Feature",
        "properties": {"code": code, "name": f"Gebiet {code}"},
        "geometry": {"type": "Polygon", "coordinates": [coords]},
    }


SQUARE = [[600000, 5970000], [601000, 5970000], [601000, 5971000], [600000, 5971000], [600000, 5970000]]
BOWTIE = [[600000, 5970000], [601000, 5971000], [601000, 5970000], [600000, 5971000], [600000, 5970000]]


def test_file_without_crs_is_rejected_naming_the_file(tmp_path):
    gdf = gpd.GeoDataFrame({"code": ["01"]}, geometry=[box(0, 0, 1, 1)])  # no CRS
    path = tmp_path / "ohne_crs.shp"
    gdf.to_file(path)
    (tmp_path / "ohne_crs.prj").unlink(missing_ok=True)
    out, report = read_vector(path)
    assert out is None
    assert "ohne_crs.shp" in report.summary()
    assert "Koordinatenbezugssystem" in report.summary()


def test_invalid_polygon_is_repaired_and_listed(tmp_path):
    path = write_geojson(tmp_path / "b.geojson", [feat("01", SQUARE), feat("02", BOWTIE)])
    out, report = read_vector(path)
    assert len(out) == 2 and out.geometry.is_valid.all()
    assert out.crs.to_epsg() == 25832
    repaired = [f for f in report.findings if f.action == "repariert und verwendet"]
    assert len(repaired) == 1 and repaired[0].row == 2 and "Self-intersection" in repaired[0].problem


def test_zipped_shapefile_and_reprojection(tmp_path):
    gdf = gpd.GeoDataFrame({"code": ["01"]}, geometry=[box(10.6, 53.8, 10.7, 53.9)], crs=4326)
    gdf.to_file(tmp_path / "s.shp")
    z = tmp_path / "s.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for ext in ("shp", "shx", "dbf", "prj"):
            zf.write(tmp_path / f"s.{ext}", f"s.{ext}")
    out, report = read_vector(z)
    assert report.ok and out.crs.to_epsg() == 25832
    assert 600_000 < out.geometry.iloc[0].centroid.x < 620_000


def test_zip_path_traversal_is_rejected(tmp_path):
    z = tmp_path / "evil.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("../../etc/x.shp", b"x")
    out, report = read_vector(z)
    assert out is None and "unsicherer Pfad" in report.summary()


def test_shipped_geography_loads():
    areas = load_areas(get_geography("stadtteile"))
    assert len(areas) == 10 and areas.crs.to_epsg() == 25832


# ------------------------------------------------ narrowed excepts (issue #25 item 6)
# The readers are called in this process (``_read_vector_here``: no sandbox, no cache), so a
# patched library call is what they meet.


def _square_file(tmp_path):
    return write_geojson(tmp_path / "flaechen.geojson", [feat("01", SQUARE)])


def test_a_gdal_error_becomes_the_friendly_message_and_is_logged(tmp_path, monkeypatch, caplog):
    import logging

    import pyogrio
    from pyogrio.errors import DataSourceError

    from geo.boundaries import _read_vector_here

    def broken(*_a, **_k):
        raise DataSourceError("'/srv/x/flaechen.geojson' not recognized as being in a supported file format")

    monkeypatch.setattr(pyogrio, "read_dataframe", broken)
    with caplog.at_level(logging.INFO, logger="geo.boundaries"):
        gdf, report = _read_vector_here(_square_file(tmp_path), None, None, None)
    assert gdf is None and "Dateiformat nicht erkannt" in report.to_text()
    assert "/srv/x" not in report.to_text()
    assert any(r.exc_info and isinstance(r.exc_info[1], DataSourceError) for r in caplog.records)


def test_a_bug_around_the_gdal_call_propagates_instead_of_file_damaged(tmp_path, monkeypatch):
    import pyogrio

    from geo.boundaries import _read_vector_here

    def bug(*_a, **_k):
        raise TypeError("read_dataframe() got an unexpected keyword argument")

    monkeypatch.setattr(pyogrio, "read_dataframe", bug)
    with pytest.raises(TypeError, match="unexpected keyword"):
        _read_vector_here(_square_file(tmp_path), None, None, None)


def test_a_proj_error_becomes_the_crs_message(tmp_path, monkeypatch):
    from pyproj.exceptions import ProjError

    from geo import boundaries

    def exotic(*_a, **_k):
        raise ProjError("no transformation found")

    monkeypatch.setattr(boundaries, "to_metric", exotic)
    gdf, report = boundaries._read_vector_here(_square_file(tmp_path), None, None, None)
    assert gdf is None and "Umrechnung nach EPSG:25832 nicht möglich" in report.to_text()


def test_a_bug_in_the_crs_step_propagates(tmp_path, monkeypatch):
    from geo import boundaries

    def bug(*_a, **_k):
        raise AttributeError("'NoneType' object has no attribute 'to_epsg'")

    monkeypatch.setattr(boundaries, "to_metric", bug)
    with pytest.raises(AttributeError, match="to_epsg"):
        boundaries._read_vector_here(_square_file(tmp_path), None, None, None)
