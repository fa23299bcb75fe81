"""CLI subcommands of the ad-hoc spatial queries: locate, estimate, query, zonal."""

import json
import subprocess
import sys

import numpy as np
import pytest
from testkit import ROOT


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)


def test_locate_town_hall():
    res = run("locate", "Breite Straße 62")
    assert res.returncode == 0, res.stderr
    assert "Breite Straße 62, 23552 Lübeck" in res.stdout and "01 Innenstadt" in res.stdout
    assert "GeoBasis-DE/LVermGeo SH" in res.stdout


def test_locate_json_spelling_variant():
    res = run("locate", "breitestr. 62", "--json")
    doc = json.loads(res.stdout)
    assert res.returncode == 0 and doc["status"] == "exact"
    m = doc["matches"][0]
    assert (m["stadtteil_code"], m["stadtteil_name"]) == ("01", "Innenstadt")
    assert 53.86 < m["lat"] < 53.87 and 610_000 < m["x"] < 612_000


def test_locate_unknown_street_is_a_message_not_a_traceback():
    res = run("locate", "Briete Strase 62")
    assert res.returncode == 1
    assert res.stderr.startswith("Fehler: ") and "Breite Straße" in res.stderr
    assert "Traceback" not in res.stderr


def test_estimate_radius_json_shape():
    res = run("estimate", "--lon", "10.686", "--lat", "53.8677", "--radius", "500", "--year", "2022", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert set(doc) == {"area_km2", "estimates"}
    assert doc["area_km2"] == pytest.approx(np.pi * 0.25, rel=0.01)
    pop = {e["method"]: e["value"] for e in doc["estimates"] if e["variable"] == "population_total"}
    assert set(pop) == {"areal", "dasymetric"}
    assert 0 < pop["areal"] <= 14228 and 0 < pop["dasymetric"] <= 14228  # Innenstadt 2022: 14,228


def test_estimate_polygon_file_equal_to_stadtteil(tmp_path, luebeck):
    luebeck.areas[luebeck.areas["code"] == "08"].to_file(tmp_path / "schlutup.gpkg")
    res = run("estimate", "--polygon", str(tmp_path / "schlutup.gpkg"), "--year", "2022", "--json")
    doc = json.loads(res.stdout)
    pop = {e["method"]: e["value"] for e in doc["estimates"] if e["variable"] == "population_total"}
    assert pop["areal"] == pytest.approx(5782, rel=0.01) and pop["dasymetric"] == pytest.approx(5782, rel=0.01)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--lon", "10.686", "--lat", "53.8677"], "--radius"),
        (["--lon", "10.686", "--lat", "53.8677", "--radius", "-3"], "Radius"),
        (["--polygon", "fehlt.gpkg"], "fehlt.gpkg"),
        (["--lon", "10.686", "--lat", "53.8677", "--radius", "100", "--year", "1990"], "1990"),
    ],
)
def test_estimate_bad_input(args, words):
    res = run("estimate", *args)
    assert res.returncode == 1 and words in res.stderr and "Traceback" not in res.stderr


def test_estimate_text_output_names_both_methods():
    res = run("estimate", "--lon", "10.686", "--lat", "53.8677", "--radius", "300")
    assert res.returncode == 0
    assert "Flächenanteil" in res.stdout and "Adresspunkte" in res.stdout and "Werte unter 3" in res.stdout


def test_query_json():
    res = run("query", "Anteil 65+ > 25 % und Bevölkerungsentwicklung < 0", "--year", "2020", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["selected"] == ["07", "08"] and doc["year"] == 2020
    assert len(doc["areas"]) == 10


def test_query_text_and_error_position():
    ok = run("query", "share_65plus > 25 and population_change_pct < 0", "--year", "2020")
    assert ok.returncode == 0 and ok.stdout.startswith("2 von 10 Gebieten erfüllen (2020)")
    bad = run("query", "share_65plus >> 25", "--year", "2020")
    assert bad.returncode == 1 and "Position 15" in bad.stderr and "Traceback" not in bad.stderr


def test_query_speaks_the_readers_language_and_counts_have_no_decimals():
    """``cli.py query`` printed German labels and numbers whatever SOZIALMONITOR_LANG said, and counts as 14.228,0."""
    import os

    english = subprocess.run(
        [sys.executable, "cli.py", "query", "share_65plus > 25.5 and population_total > 12000", "--year", "2022"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SOZIALMONITOR_LANG": "en"},
    )
    assert english.returncode == 0, english.stderr
    assert english.stdout.startswith(
        "1 of 10 areas match (2022): Share aged 65 and over > 25.5% and Residents > 12,000"
    )
    assert "Residents: 14,228\n" in english.stdout and "Anteil" not in english.stdout
    german = run("query", "share_65plus > 25.5 and population_total > 12000", "--year", "2022")
    assert "Anteil 65-Jährige und Ältere > 25,5\u00a0% und Einwohnerinnen und Einwohner > 12.000" in german.stdout
    assert "Einwohnerinnen und Einwohner: 14.228\n" in german.stdout


def test_zonal_json_on_synthetic_raster(tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "konstant.tif"  # synthetic: constant 2.5 over Lübeck
    with rasterio.open(
        path,
        "w",
        driver="GTiff",
        height=40,
        width=50,
        count=1,
        dtype="float32",
        crs="EPSG:4326",
        transform=from_origin(10.45, 54.0, 0.01, 0.01),
    ) as dst:
        dst.write(np.full((40, 50), 2.5, "float32"), 1)
    res = run("zonal", "--raster", str(path), "--above", "2", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert len(doc["areas"]) == 10
    assert all(a["mean"] == 2.5 and a["share_above"] == 100 for a in doc["areas"])


def test_zonal_bad_raster(tmp_path):
    bad = tmp_path / "x.tif"
    bad.write_text("kein Raster")
    res = run("zonal", "--raster", str(bad))
    assert res.returncode == 1 and "x.tif" in res.stderr and "Traceback" not in res.stderr
