"""The one gate for uploaded files (issue 23, Deliver 4): hostile files are refused at every door.

Every attack file here is SYNTHETIC (tests/hostile.py). A TCP listener on 127.0.0.1
counts every connection (HTTP, proxy CONNECT or anything else): none may arrive.
The fenced child is tested in test_isolation.py, test_sandbox.py (limits), test_slots.py
and test_workdir.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hostile import feature_collection, hostile_geojson, write_hostile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from testkit import ROOT

from geo.safe_open import UnsafeFileError, check_geojson
from geo.spatial.facilities import read_facilities
from geo.uploads.boundary import check_boundaries

pytestmark = [
    pytest.mark.filterwarnings("ignore:Use `@` matmul:PendingDeprecationWarning"),
    pytest.mark.usefixtures("data_dir"),
]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "cli.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )


# --- content: GeoJSON crs only by name ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(hostile_geojson("http://127.0.0.1:1")))
def test_hostile_geojson_is_refused_before_gdal_sees_it(name, tmp_path, listener):
    path = tmp_path / name
    path.write_text(hostile_geojson(listener.url)[name])
    with pytest.raises(UnsafeFileError, match=name) as err:
        from geo.safe_open import vector_source

        vector_source(path)
    assert "Koordinatenbezug" in str(err.value) or "kein GeoJSON" in str(err.value)
    assert listener.hits == 0


def test_refusal_names_the_place(tmp_path):
    path = tmp_path / "ort.geojson"
    path.write_text(json.dumps(feature_collection(geometry_crs={"type": "link", "properties": {"href": "x.wkt"}})))
    with pytest.raises(UnsafeFileError, match=r"ort\.geojson: Koordinatenbezug \('crs'\) in Objekt 1 \(geometry\)"):
        check_geojson(path)


@pytest.mark.parametrize(
    "crs",
    [
        None,
        {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
        {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
        {"type": "name", "properties": {"name": "EPSG:4326"}},
        {"type": "EPSG", "properties": {"code": 4326}},
    ],
)
def test_named_crs_and_urls_in_attributes_pass(crs, tmp_path):
    doc = feature_collection(crs)
    doc["features"][0]["properties"]["web"] = "https://www.luebeck.de/kita"  # an attribute, never fetched
    doc["features"][0]["properties"]["crs"] = {"type": "link"}  # an attribute named crs: GDAL ignores it
    path = tmp_path / "gut.geojson"
    path.write_text(json.dumps(doc))
    check_geojson(path)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    kind=st.sampled_from(["link", "url", "name", "EPSG", "ogc", "proj4"]) | _TEXT,
    key=st.sampled_from(["href", "url", "name", "code", "link"]),
    target=st.sampled_from(
        [
            "http://127.0.0.1:1/a",
            "https://x.invalid/b.wkt",
            "file:///etc/passwd",
            "/etc/passwd",
            "../a.prj",
            "/vsicurl/http://x/y",
            "ftp://x/z",
            r"C:\a.prj",
        ]
    ),
    where=st.sampled_from(["top", "geometry"]),
)
def test_any_crs_naming_an_address_or_file_is_refused(kind, key, target, where, tmp_path):
    crs = {"type": kind, "properties": {key: target}}
    doc = feature_collection(crs) if where == "top" else feature_collection(geometry_crs=crs)
    path = tmp_path / "h.geojson"
    path.write_text(json.dumps(doc))
    with pytest.raises(UnsafeFileError, match="h.geojson: Koordinatenbezug"):
        check_geojson(path)


# --- every door: CLI validate, boundary upload, facility upload, raster zonal -------------------


def test_cli_validate_refuses_every_attack_file_without_a_request(tmp_path, listener):
    files = write_hostile(tmp_path / "angriff", listener.url)
    for path in files:
        res = cli("validate", "--boundaries", str(path), env={"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")})
        out = res.stdout + res.stderr
        assert res.returncode == 1, (path.name, out)
        assert "Traceback" not in out and "Interner Fehler" not in out, (path.name, out)
        assert "nicht verwendbar" in out, (path.name, out)
    assert listener.hits == 0


@pytest.mark.parametrize("name", ["crs_link.geojson", "srs_url.gpkg", "prj_url.zip"])
def test_cli_data_add_and_locate_refuse_attack_boundaries(name, tmp_path, listener):
    path = next(p for p in write_hostile(tmp_path / "angriff", listener.url) if p.name == name)
    table = tmp_path / "werte.csv"
    table.write_text("code;jahr;einwohner\n01;2020;100\n")  # SYNTHETIC
    env = {"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")}
    added = cli(
        "data",
        "add",
        "--boundaries",
        str(path),
        "--table",
        str(table),
        "--geography",
        "probe",
        "--label",
        "Probe",
        env=env,
    )
    located = cli("locate", "Breite Straße 1", "--bezirke", str(path), env=env)
    for res in (added, located):
        out = res.stdout + res.stderr
        assert res.returncode == 1 and "Traceback" not in out and "Interner Fehler" not in out, out
        assert "nicht verwendbar" in out or "Fehler" in out, out
    assert listener.hits == 0


def test_boundary_and_facility_uploads_refuse_every_attack_file(tmp_path, listener):
    for path in write_hostile(tmp_path / "angriff", listener.url):
        check = check_boundaries(path.read_bytes(), path.name)
        assert not check.ok and check.report.file_error, path.name
        points, report = read_facilities(path, path.name)
        assert points is None and not report.ok, path.name
    assert listener.hits == 0


def test_cli_zonal_refuses_a_raster_that_points_elsewhere(tmp_path, listener):
    vrt = tmp_path / "hitze.tif"
    vrt.write_text(
        f'<VRTDataset rasterXSize="1" rasterYSize="1"><VRTRasterBand dataType="Byte" band="1">'
        f"<SimpleSource><SourceFilename>{listener.url}/r.tif</SourceFilename></SimpleSource>"
        f"</VRTRasterBand></VRTDataset>"
    )
    res = cli("zonal", "--raster", str(vrt), env={"SOZIALMONITOR_DATA_DIR": str(tmp_path / "var")})
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "keine GeoTIFF-Datei" in res.stderr
    assert listener.hits == 0
