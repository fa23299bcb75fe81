"""Data that grows (issue 16, item 7): a table for a saved dataset extends it, with a report of what changed;
the shipped Stadtteile uploaded as boundaries are not Stadtbezirke; the name column is a text column.
All values are SYNTHETIC."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box
from sqlalchemy import func, select

from geo.loading import load_dataset
from geo.uploads.boundary import boundary_areas, check_boundaries, suggest_columns
from geo.uploads.datastore import DataStore
from geo.uploads.growth import extend_dataset, extendable, preview_growth
from geo.uploads.pipeline import UploadContent, accept_upload, check_table
from indicators.ingest.growth import describe_growth, growth_lines
from indicators.ingest.new_indicators import default_fields, indicator_from_form, source_from_form
from indicators.wording.voice import GERMAN, Voice
from store.db import session
from store.models import DatasetRow


@pytest.fixture(autouse=True)
def _cwd(monkeypatch):
    from testkit import ROOT

    monkeypatch.chdir(ROOT)


@pytest.fixture
def store(tmp_path):
    return DataStore(tmp_path / "var")


def three_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": ["A", "B", "C"], "name": ["Nordviertel", "Mitte", "Südfeld"]},
        geometry=[box(610000 + i * 1000, 5970000, 611000 + i * 1000, 5971000) for i in range(3)],
        crs=25832,
    )


def saved_dataset(store):
    t = check_table(b"Gebiet,Jahr,kinder\nA,2022,120\nB,2022,80\nC,2022,60\n", "kinder_2022.csv", areas=three_areas())
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("kinder") | {"source": src.id}, ["kinder"])
    return accept_upload(
        store,
        "Testviertel",
        "Testviertel",
        UploadContent(areas=three_areas(), tidy=t.tidy, indicators=[ind], sources=[src], reports=[t.report]),
    )


def test_a_new_year_extends_the_dataset_and_keeps_the_previous_version(store):
    geo = saved_dataset(store)
    assert extendable(store, geo)
    t = check_table(
        b"Gebiet,Jahr,kinder\nA,2023,125\nB,2023,82\nC,2023,61\nB,2022,81\n", "kinder_2023.csv", geo, store=store
    )
    assert t.ok and t.new_variables == []  # the dataset knows "kinder" already
    growth = preview_growth(geo, t.tidy)
    assert growth.new_years == (2023,) and growth.added == 3 and growth.replaced == 1 and growth.changed == 1
    saved, g2 = extend_dataset(store, geo, t.tidy, reports=[t.report])
    assert g2 == growth
    assert saved.id == geo.id and saved.label_de == "Testviertel"
    assert [g for g in store.geographies() if g == geo.id] == [geo.id] and len(store.list()) == 1
    ds = load_dataset(DataStore(store.root).geographies()[geo.id])
    assert ds.years == [2022, 2023]
    v = ds.values.set_index(["area_code", "year", "indicator"])["value"]
    assert v[("B", 2022, "kinder")] == 81 and v[("A", 2023, "kinder")] == 125
    with session(store.engine) as s:  # the previous version is kept
        assert s.scalar(select(func.count()).select_from(DatasetRow).where(DatasetRow.name == geo.id)) == 2


def test_a_new_indicator_extends_the_dataset(store):
    geo = saved_dataset(store)
    t = check_table(b"Gebiet,Jahr,senioren\nA,2022,30\nB,2022,40\nC,2022,50\n", "senioren.csv", geo, store=store)
    assert t.new_variables == ["senioren"]
    src = source_from_form("Synthetische Testdaten 2")
    ind = indicator_from_form(
        default_fields("senioren") | {"label_de": "Seniorinnen und Senioren", "source": src.id}, ["senioren"]
    )
    saved, growth = extend_dataset(store, geo, t.tidy, indicators=[ind], sources=[src], reports=[t.report])
    assert growth.new_indicators == ("senioren",) and growth.new_years == () and growth.replaced == 0
    lines = growth_lines(growth, {"senioren": "Seniorinnen und Senioren"}, voice=GERMAN)
    assert lines == ["Neue Indikatoren (1): Seniorinnen und Senioren", "3 neue Werte"]
    ds = load_dataset(saved)
    assert {"kinder", "senioren"} <= set(ds.catalogue) and len(store.list()) == 1


def test_shipped_geographies_are_never_extended(store):
    assert not extendable(store, store.geographies()["stadtteile"])


def test_growth_lines_when_nothing_changes():
    base = pd.DataFrame({"area_code": ["A"], "year": [2022], "variable": ["x"], "value": [1.0]})
    g = describe_growth(base, base)
    assert g.empty and g.replaced == 1 and g.changed == 0
    assert growth_lines(g, voice=Voice.of("en")) == ["The table changes nothing in the dataset."]


def stadtteile_file(tmp_path, name_is_key: bool):
    g = gpd.read_file("shapes/luebeck.gpkg", layer="stadtteile")
    if name_is_key:
        g = g.assign(name=g["code"])
    path = tmp_path / "stadtteile.geojson"
    g.to_file(path, driver="GeoJSON")
    return path


@pytest.mark.parametrize("name_is_key", [False, True])
def test_the_ten_stadtteile_are_not_reported_as_missing_stadtbezirke(tmp_path, name_is_key):
    check = check_boundaries(stadtteile_file(tmp_path, name_is_key))
    res = boundary_areas(check, "code", "code" if name_is_key else "name")
    text = res.report.to_text()
    assert res.ok and not res.is_stadtbezirke
    assert "Stadtbezirke fehlen" not in text and "Lübecks Stadtteile" in text
    assert res.areas["code"].tolist()[:2] == ["01", "02"]


def test_name_column_defaults_to_a_text_column_not_the_key():
    frame = gpd.GeoDataFrame(
        {"TEIL_NR": ["01", "02"], "FLAECHE": [1.5, 2.5], "TEIL_TXT": ["Nordviertel", "Mitte"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)],
        crs=25832,
    )
    key, name = suggest_columns(frame)
    assert key == "TEIL_NR" and name == "TEIL_TXT"
