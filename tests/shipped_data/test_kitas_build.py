"""The shipped Kita layer (data/build_kitas.py) against its raw source and the Stadtteil polygons."""

import importlib.util

import pandas as pd
import pytest
from testkit import ROOT

from geo.geographies import get_geography, load_areas
from geo.spatial.addresses import points_area_codes
from geo.spatial.facility_kinds import KINDS, load_kind, source_line


def _shipped(name: str) -> pd.DataFrame:
    return pd.read_csv(
        ROOT / "data" / name, dtype={"area_code": str, "stadtteil": str, "id": str}, keep_default_na=False
    )


@pytest.fixture(scope="module")
def build_mod(raw_dir):
    spec = importlib.util.spec_from_file_location("build_kitas", ROOT / "data" / "build_kitas.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.RAW = raw_dir / "kitas-sh"
    return mod


def test_kita_layer_equals_a_rebuild_from_the_raw_directory(build_mod):
    points, table, tpp, missing = build_mod.build()
    shipped = _shipped("kitas_luebeck.csv")
    assert list(shipped["id"]) == list(points["id"])
    assert len(points) == 128 and sorted(missing["id"]) == ["324", "405", "7090"]
    pd.testing.assert_frame_equal(
        _shipped("luebeck_stadtteile_kitas.csv").drop(columns="area_code"),
        table.drop(columns="area_code"),
        check_dtype=False,
    )
    assert list(_shipped("luebeck_stadtteile_kitas.csv")["area_code"]) == list(table["area_code"])
    assert tpp["records"].sum() == 129  # SOURCE.md: 129 Kindertagespflege records


def test_every_disagreement_with_the_source_district_is_listed_in_source_md(build_mod):
    points, *_ = build_mod.build()
    text = (ROOT / "data" / "SOURCE.md").read_text(encoding="utf-8")
    differ = build_mod.disagreements(points)
    if differ.empty:
        assert "Disagreements with the\nsource's own `district`: none" in text
    for r in differ.itertuples():
        assert f"{r.id} {r.name}" in text


def test_shipped_stadtteil_is_the_polygon_that_contains_the_point():
    areas = load_areas(get_geography("stadtteile"))
    pts = load_kind("kitas")
    shipped = _shipped("kitas_luebeck.csv")
    assert list(points_area_codes(pts.geometry, areas)) == list(shipped["stadtteil"])


def test_stadtteil_counts_add_up_and_match_the_points():
    table = _shipped("luebeck_stadtteile_kitas.csv")
    points = _shipped("kitas_luebeck.csv")
    city = table[table["area_code"] == "00"].set_index("variable")["value"]
    parts = table[table["area_code"] != "00"].groupby("variable")["value"].sum()
    assert (parts == city.reindex(parts.index)).all()
    assert city["kitas"] == len(points)
    assert city["kitas_integrative"] == (points["integrational"].astype(str) == "True").sum()
    assert city["kitas_barrierfree"] == (points["barrierfree"].astype(str) == "True").sum()


def test_childminders_are_a_table_of_counts_never_points():
    tpp = _shipped("kindertagespflege_luebeck.csv")
    assert list(tpp.columns) == ["district_source", "area_code", "records"]
    assert not {"lat", "lon", "latitude", "longitude", "name", "street"} & set(tpp.columns)


def test_catalogue_rates_of_the_kita_layer(luebeck):
    v = luebeck.values.set_index(["area_code", "year", "indicator"])
    under18 = v.loc[("00", 2022, "pop_under18"), "value"]
    assert v.loc[("00", 2022, "kitas_per_1000_under18"), "value"] == pytest.approx(128 / under18 * 1000)
    assert v.loc[("00", 2022, "kitas_integrative_share"), "value"] == pytest.approx(38 / 128 * 100)
    assert v.loc[("00", 2022, "kitas_barrierfree_share"), "value"] == pytest.approx(66 / 128 * 100)
    assert not v.loc[(slice(None), 2022, "kitas"), "suppressed"].any()  # facilities: no suppression
    for i in ("kitas", "kitas_per_1000_under18", "kitas_integrative_share", "kitas_barrierfree_share"):
        assert luebeck.catalogue[i].source == "kitas-sh" and luebeck.catalogue[i].reference_date == "27.11.2023"


def test_every_registered_kind_loads_with_source_and_date():
    for kind in KINDS:
        pts = load_kind(kind)
        assert len(pts) > 0 and str(pts.crs) == "EPSG:25832" and {"id", "name"} <= set(pts.columns)
        assert "Stand" in source_line(kind)


def test_kita_indicators_stay_out_of_the_default_need_assessment(luebeck):
    # supply is shown beside the need classes (Bedarfslagen), not mixed into them
    from indicators.needs.assessment import default_setup

    setup = default_setup(luebeck, 2022)
    assert not [i for i in setup.indicators if i.startswith("kitas")]
