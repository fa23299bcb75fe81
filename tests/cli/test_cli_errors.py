"""How the CLI ends: expected errors as ``Fehler: …`` (exit 1), bugs as a logged traceback (exit 2).

Saved datasets here are synthetic (two boxes near Lübeck, made-up counts).
"""

import logging
import subprocess
import sys

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from testkit import ROOT

import cli
from indicators.catalogue import Source, parse_indicator
from indicators.errors import InputError, SozialmonitorError, UnknownGeography


def run(*args, env=None):
    import os

    return subprocess.run(
        [sys.executable, "cli.py", *args], cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_expected_error_is_one_german_line_exit_1(capsys):
    assert cli.main(["query", "Anteil 65+ >", "--geography", "gibtsnicht"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Fehler: Unbekannte Geografie 'gibtsnicht'") and "Traceback" not in err
    assert "'Fehler" not in err  # KeyError subclasses are not shown quoted


def test_bug_is_logged_with_traceback_and_exit_2(monkeypatch, capsys, caplog):
    def broken(*_args, **_kw):
        raise ValueError("a programming error, not the user's")  # a bug, even though it is a ValueError

    monkeypatch.setattr("indicators.catalogue.load_catalogue", broken)
    with caplog.at_level(logging.ERROR, logger="sozialmonitor.cli"):
        assert cli.main(["indicators"]) == 2
    err = capsys.readouterr().err
    assert "Interner Fehler" in err and "Fehler: a programming error" not in err
    record = caplog.records[-1]
    assert record.exc_info and record.exc_info[0] is ValueError  # the traceback is kept in the log


def test_every_error_class_derives_from_the_base():
    from geo.crs import CRSError
    from geo.spatial.estimate import EstimateError
    from geo.spatial.zonal import ZonalError
    from geo.uploads.table import UploadError
    from indicators.catalogue import CatalogueError
    from indicators.ingest.new_indicators import FormError
    from indicators.ingest.zip_safety import ZipRejected
    from indicators.query.syntax import QueryError
    from store.errors import StoreError

    for cls in (
        CRSError,
        EstimateError,
        ZonalError,
        StoreError,
        UploadError,
        CatalogueError,
        FormError,
        ZipRejected,
        QueryError,
        cli.UserError,
    ):
        assert issubclass(cls, SozialmonitorError), cls
    assert issubclass(UnknownGeography, KeyError) and issubclass(InputError, ValueError)
    exc = InputError("Wert fehlt", file="t.csv", row=3, column="Jahr")
    assert str(exc) == "Datei t.csv, Zeile 3, Spalte Jahr: Wert fehlt"


@pytest.fixture
def saved(tmp_path):
    from geo.uploads.datastore import DataStore, SaveRequest

    areas = gpd.GeoDataFrame(
        {"code": ["01", "02"], "name": ["Nord", "Süd"]},
        geometry=[box(610000, 5970000, 611000, 5971000), box(611000, 5970000, 612000, 5971000)],
        crs=25832,
    )
    cat = {
        "n": parse_indicator(
            {"id": "n", "label_de": "Anzahl", "kind": "count", "unit": "Personen", "source": "synthetic"}
        )
    }
    table = pd.DataFrame(
        {"area_code": ["01", "02"], "year": [2022, 2022], "variable": ["n", "n"], "value": [40.0, 80.0]}
    )
    DataStore(tmp_path).save(
        SaveRequest(
            name="Testbezirke",
            label_de="Testbezirke",
            areas=areas,
            table=table,
            catalogue=cat,
            sources={"synthetic": Source("synthetic", "Synthetische Testdaten", "CC0")},
        )
    )
    return tmp_path


def test_map_of_a_saved_geography(saved, tmp_path):
    """The app lists saved datasets; the CLI finds them too (one registry)."""
    out = tmp_path / "karte.png"
    res = run(
        "map",
        "--geography",
        "testbezirke",
        "--indicator",
        "n",
        "--year",
        "2022",
        "--k",
        "2",
        "--out",
        str(out),
        env={"SOZIALMONITOR_DATA_DIR": str(saved)},
    )
    assert res.returncode == 0, res.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_one_registry_for_app_cli_and_validation(saved, monkeypatch):
    from geo.geographies import get_geography, list_geographies
    from geo.uploads.datastore import DataStore
    from geo.uploads.table import resolve_geography

    monkeypatch.setenv("SOZIALMONITOR_DATA_DIR", str(saved))
    assert "testbezirke" in list_geographies() and "stadtteile" in list_geographies()
    assert get_geography("testbezirke") == resolve_geography("testbezirke") == DataStore().geographies()["testbezirke"]
    with pytest.raises(UnknownGeography):
        resolve_geography("gibtsnicht")
