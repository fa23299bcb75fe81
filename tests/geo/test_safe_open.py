"""Hostile geodata (all SYNTHETIC, made here): VRT in every accepted extension, remote references.

A local HTTP server started by the test counts requests: none may arrive.
"""

from __future__ import annotations

import http.server
import io
import json
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from rasterio.transform import from_origin
from shapely.geometry import box
from testkit import ROOT

from geo.boundaries import read_vector
from geo.safe_open import UnsafeFileError, check_geopackage, vector_source
from geo.spatial.facilities import read_facilities
from geo.spatial.zonal import ZonalError, zonal_stats
from geo.uploads.boundary import check_boundaries

pytestmark = pytest.mark.filterwarnings("ignore:Use `@` matmul:PendingDeprecationWarning")
X0, Y0 = 610_000, 5_970_000


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        _Counter.hits.append(self.path)
        body = json.dumps({"type": "FeatureCollection", "features": []}).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def ogr_vrt(source: str) -> str:
    return (
        f'<OGRVRTDataSource><OGRVRTLayer name="x"><SrcDataSource>{source}</SrcDataSource>'
        "<GeometryType>wkbNone</GeometryType></OGRVRTLayer></OGRVRTDataSource>"
    )


def raster_vrt(source: str) -> str:
    return (
        '<VRTDataset rasterXSize="10" rasterYSize="10"><SRS>EPSG:25832</SRS>'
        '<GeoTransform>610000,10,0,5970100,0,-10</GeoTransform><VRTRasterBand dataType="Byte" band="1">'
        f"<SimpleSource><SourceFilename>{source}</SourceFilename><SourceBand>1</SourceBand></SimpleSource>"
        "</VRTRasterBand></VRTDataset>"
    )


def _zip(name: str, data: str | bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, data)
    return buf.getvalue()


def _sources(url: str) -> list[str]:
    return ["CSV:/etc/passwd", "/etc/passwd", f"/vsicurl/{url}/x.geojson", f"{url}/y.geojson"]


def _no_leak(text: str) -> None:
    assert "root:" not in text and "/bin/" not in text and "Traceback" not in text


@pytest.mark.parametrize("suffix", [".geojson", ".json", ".gpkg", ".shp"])
@pytest.mark.parametrize("which", range(4))
def test_vrt_in_every_vector_extension_is_refused(tmp_path, server, suffix, which):
    _Counter.hits.clear()
    doc = ogr_vrt(_sources(server)[which])
    path = tmp_path / f"grenzen{suffix}"
    path.write_text(doc)
    gdf, report = read_vector(path)
    assert gdf is None and report.file_error
    _no_leak(report.to_text())
    check = check_boundaries(doc.encode(), f"upload{suffix if suffix != '.shp' else '.geojson'}")
    assert not check.ok
    _no_leak(check.report.to_text())
    assert _Counter.hits == []


@pytest.mark.parametrize("member", ["a.geojson", "a.json", "a.gpkg", "a.shp"])
def test_vrt_inside_a_zip_is_refused(server, member):
    _Counter.hits.clear()
    data = {"a.shp": [("a.shx", b"x"), ("a.dbf", b"x"), ("a.prj", b"x")]}.get(member, [])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(member, ogr_vrt(f"/vsicurl/{server}/z.geojson"))
        for n, b in data:
            zf.writestr(n, b)
    check = check_boundaries(buf.getvalue(), "grenzen.zip")
    assert not check.ok
    _no_leak(check.report.to_text())
    assert _Counter.hits == []


@pytest.mark.parametrize("suffix", [".tif", ".tiff"])
@pytest.mark.parametrize("which", range(3))
def test_vrt_as_raster_is_refused(tmp_path, server, suffix, which):
    _Counter.hits.clear()
    src = ["/etc/passwd", f"/vsicurl/{server}/r.tif", "CSV:/etc/passwd"][which]
    path = tmp_path / f"hitze{suffix}"
    path.write_text(raster_vrt(src))
    areas = gpd.GeoDataFrame({"code": ["1"], "name": ["A"]}, geometry=[box(X0, Y0, X0 + 50, Y0 + 50)], crs=25832)
    with pytest.raises(ZonalError, match="GeoTIFF"):
        zonal_stats(path, areas)
    assert _Counter.hits == []


def test_vrt_facilities_are_refused(tmp_path, server):
    _Counter.hits.clear()
    path = tmp_path / "kitas.geojson"
    path.write_text(ogr_vrt(f"/vsicurl/{server}/k.geojson"))
    pts, report = read_facilities(path)
    assert pts is None and report.file_error
    assert _Counter.hits == []


def _gpkg(tmp_path: Path) -> Path:
    path = tmp_path / "ok.gpkg"
    gpd.GeoDataFrame({"code": ["1"], "name": ["A"]}, geometry=[box(X0, Y0, X0 + 500, Y0 + 500)], crs=25832).to_file(
        path, engine="pyogrio"
    )
    return path


def test_valid_geopackage_geojson_and_tiff_still_open(tmp_path):
    gpkg = _gpkg(tmp_path)
    assert vector_source(gpkg).startswith("GPKG:")
    gdf, report = read_vector(gpkg)
    assert gdf is not None and report.ok, report.to_text()
    gj = tmp_path / "ok.geojson"
    gj.write_bytes(b"\xef\xbb\xbf \n" + gpd.read_file(gpkg).to_json().encode())
    gdf, report = read_vector(gj)
    assert gdf is not None, report.to_text()
    tif = tmp_path / "ok.tif"
    with rasterio.open(
        tif,
        "w",
        driver="GTiff",
        height=5,
        width=5,
        count=1,
        dtype="float32",
        crs="EPSG:25832",
        transform=from_origin(X0, Y0 + 50, 10, 10),
    ) as dst:
        dst.write(np.ones((5, 5), dtype="float32"), 1)
    res = zonal_stats(
        tif, gpd.GeoDataFrame({"code": ["1"], "name": ["A"]}, geometry=[box(X0, Y0, X0 + 50, Y0 + 50)], crs=25832)
    )
    assert res.stats["count"].iloc[0] == 25


def _tamper(path: Path, *sql: str, writable_schema: bool = False) -> Path:
    con = sqlite3.connect(path)
    if writable_schema:
        con.execute("PRAGMA writable_schema=ON")
    for s in sql:
        con.execute(s)
    con.commit()
    con.close()
    return path


@pytest.mark.parametrize("attack", ["view", "virtual_ogr", "tiles", "no_app_id", "vsi_in_schema"])
def test_geopackage_content_is_checked(tmp_path, attack):
    path = _gpkg(tmp_path)
    if attack == "view":
        _tamper(
            path,
            "CREATE VIEW v AS SELECT * FROM ok",
            "INSERT INTO gpkg_contents(table_name, data_type, identifier) VALUES ('v', 'features', 'v')",
        )
    elif attack == "virtual_ogr":
        _tamper(
            path,
            "INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql) VALUES ('table', 'pw', 'pw', 0, "
            "'CREATE VIRTUAL TABLE pw USING VirtualOGR(''CSV:/etc/passwd'')')",
            writable_schema=True,
        )
    elif attack == "tiles":
        _tamper(path, "INSERT INTO gpkg_contents(table_name, data_type, identifier) VALUES ('t', 'tiles', 't')")
    elif attack == "no_app_id":
        _tamper(path, "PRAGMA application_id = 0")
    else:
        _tamper(path, "CREATE TABLE x (a TEXT DEFAULT '/vsicurl/http://127.0.0.1:9/')")
    with pytest.raises(UnsafeFileError):
        check_geopackage(path)
    gdf, report = read_vector(path)
    assert gdf is None and report.file_error
    _no_leak(report.to_text())


def test_content_must_match_extension(tmp_path):
    gpkg = _gpkg(tmp_path)
    as_json = tmp_path / "x.geojson"
    as_json.write_bytes(gpkg.read_bytes())
    with pytest.raises(UnsafeFileError, match="GeoJSON"):
        vector_source(as_json)
    shp = tmp_path / "x.shp"
    shp.write_bytes(b"{}")
    with pytest.raises(UnsafeFileError, match="9994"):
        vector_source(shp)
    fgb = tmp_path / "x.fgb"
    fgb.write_bytes(b"fgb\x03\x00")
    with pytest.raises(UnsafeFileError, match="nicht unterstützt"):
        vector_source(fgb)


def test_vrt_drivers_are_not_registered_once_geo_is_imported(tmp_path):
    """Defence in depth: even a direct pyogrio/rasterio call cannot open a VRT after ``import geo``."""
    vec, ras = tmp_path / "a.vrt", tmp_path / "b.vrt"
    vec.write_text(ogr_vrt("CSV:/etc/passwd"))
    ras.write_text(raster_vrt("/etc/passwd"))
    code = (
        "import geo, pyogrio, rasterio, sys\n"
        "ok = []\n"
        f"for f in (lambda: pyogrio.read_dataframe({str(vec)!r}), lambda: rasterio.open({str(ras)!r})):\n"
        "    try:\n        f(); ok.append(1)\n    except Exception:\n        pass\n"
        "print(len(ok))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == "0", res.stdout + res.stderr
