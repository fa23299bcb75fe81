"""The command line as documented (issue 16, item 10): German usage errors, formats, k, geography."""

import subprocess
import sys

import pytest
from testkit import ROOT


def run(*args):
    return subprocess.run([sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args, words",
    [
        (("map", "--year", "2022"), "diese Angaben fehlen: --indicator, --out"),
        (("map", "--indicator", "births", "--year", "abc", "--out", "x.png"), "--year: abc ist keine ganze Zahl"),
        (("nix",), "Befehl: ungültige Auswahl nix"),
        (("indicators", "--bunt"), "unbekannte Argumente: --bunt"),
    ],
)
def test_usage_errors_are_german_with_exit_1(args, words):
    res = run(*args)
    assert res.returncode == 1  # argparse's own exit code was 2
    assert res.stderr.startswith(f"Fehler: {words}") and "error:" not in res.stderr


def test_k_range_equals_the_apps_slider(tmp_path):
    from geo.printmap.spec import K_RANGE

    assert (K_RANGE[0], K_RANGE[-1]) == (2, 9)
    res = run("map", "--indicator", "births", "--year", "2022", "--k", "1", "--out", str(tmp_path / "x.png"))
    assert res.returncode == 1 and "--k: ungültige Auswahl 1 (erlaubt: 2, 3" in res.stderr


def test_map_format_follows_the_suffix_or_refuses_a_mismatch(tmp_path):
    out = tmp_path / "karte.pdf"
    res = run("map", "--indicator", "share_65plus", "--year", "2022", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert out.read_bytes()[:5] == b"%PDF-"  # was a PNG named .pdf
    res = run("map", "--indicator", "share_65plus", "--year", "2022", "--format", "png", "--out", str(out))
    assert res.returncode == 1 and "Format png passt nicht zur Endung .pdf" in res.stderr


def test_indicators_of_another_geography():
    res = run("indicators", "--geography", "berlin-mss")
    assert res.returncode == 0, res.stderr
    assert "s1_percentage_unemployed\tArbeitslosigkeit (Status 1)" in res.stdout


def test_csv_where_geometry_is_expected_gets_a_german_message():
    for args in (
        ("locate", "Breite Straße 62", "--bezirke", "data/luebeck_stadtteile.csv"),
        ("estimate", "--polygon", "data/luebeck_stadtteile.csv"),
    ):
        res = run(*args)
        assert res.returncode == 1
        assert "Tabelle ohne Geometrie" in res.stderr and "Traceback" not in res.stderr


def test_gdal_messages_are_german_without_paths(tmp_path):
    from geo.boundaries import gdal_message

    bad = tmp_path / "kaputt.gpkg"
    bad.write_text("kein GeoPackage")
    res = run("validate", "--boundaries", str(bad))
    assert res.returncode == 1
    assert "keine GeoPackage-Datei" in res.stdout and "not recognized" not in res.stdout  # checked before GDAL
    assert str(tmp_path) not in res.stdout + res.stderr
    assert str(gdal_message("/srv/sozmon/var/up/x.shp: odd ring")) == "GDAL meldet: x.shp: odd ring"
    assert gdal_message("/srv/sozmon/var/up/x.shp: odd ring").text("en") == "GDAL reports: x.shp: odd ring"
