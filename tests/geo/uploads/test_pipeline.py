"""Upload path: check → map columns → accept → persist → reload (synthetic data)."""

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.loading import load_dataset
from geo.uploads.datastore import DataStore
from geo.uploads.pipeline import (
    UploadContent,
    UploadError,
    accept_upload,
    boundary_areas,
    check_boundaries,
    check_table,
    recheck_table,
    stadtteile_from_stadtbezirke,
)
from indicators.ingest.new_indicators import FormError, default_fields, indicator_from_form, source_from_form

CODES = [str(i) for i in range(1, 36)]  # no leading zeros, as GIS exports often have them


def bezirke_geojson(names=None) -> bytes:
    """35 synthetic squares near Lübeck with Stadtbezirk codes 1..35 (SYNTHETIC geometry)."""
    table = pd.read_csv("shapes/stadtbezirke.csv", dtype=str, keep_default_na=False)
    names = names or [n or f"Travemünde {c}" for c, n in zip(table["code"], table["name"])]
    gdf = gpd.GeoDataFrame(
        {"STBZ": CODES, "Bezeichnung": names},
        geometry=[box(610000 + i * 500, 5970000, 610500 + i * 500, 5970500) for i in range(35)],
        crs=25832,
    )
    return gdf.to_json(drop_id=True).encode()


@pytest.fixture
def store(tmp_path):
    return DataStore(tmp_path / "var")


@pytest.fixture(autouse=True)
def _cwd(monkeypatch):
    from testkit import ROOT

    monkeypatch.chdir(ROOT)


def test_stadtbezirk_boundaries_are_recognised_and_codes_padded():
    check = check_boundaries(bezirke_geojson(), "bezirke.geojson")
    assert check.ok and check.key_column == "STBZ" and check.name_column == "Bezeichnung"
    res = boundary_areas(check)
    assert res.ok and res.is_stadtbezirke
    assert res.areas["code"].iloc[0] == "01"
    assert dict(zip(res.areas["code"], res.areas["stadtteil_code"]))["19"] == "03"


def test_stadtteile_are_not_mistaken_for_stadtbezirke():
    check = check_boundaries("shapes/luebeck.gpkg")
    res = boundary_areas(check, "code", "name")
    assert res.ok and not res.is_stadtbezirke
    assert "nicht als Stadtbezirke behandelt" in res.report.to_text()


def test_picking_other_columns_does_not_accumulate_findings():
    check = check_boundaries(bezirke_geojson(), "bezirke.geojson")
    n = len(check.report.findings)
    boundary_areas(check, "Bezeichnung")
    boundary_areas(check, "STBZ")
    assert len(check.report.findings) == n


def test_upload_over_size_cap_is_rejected_before_reading():
    check = check_boundaries(b"x" * 2000, "big.geojson", max_bytes=1000)
    assert not check.ok and "größer als" in check.report.summary()
    t = check_table(b"a,b\n" * 1000, "big.csv", max_bytes=1000)
    assert not t.ok and "größer als" in t.report.summary()


def test_table_mapping_and_recheck():
    data = "Gebiet;Zeitraum;Anzahl SGB II\nInnenstadt;2022;1200\n02;2022;2\n3;2022;500\n99;2022;4\n"
    t = check_table(data.encode("cp1252"), "sgb.csv")
    assert not t.ok and "Jahr" in t.report.summary()  # no recognisable year column
    t2 = recheck_table(t, {"year": "Zeitraum"})
    assert t2.ok and t2.layout == "wide"
    assert list(t2.tidy["area_code"]) == ["01", "02", "03"]
    r = t2.report
    assert r.rows_used + len(r.dropped_rows) == r.rows_in == 4
    assert t2.new_variables == ["Anzahl SGB II"]


def test_new_indicator_form_lists_all_problems():
    with pytest.raises(FormError) as err:
        indicator_from_form({"id": "1bad", "label_de": "", "kind": "rate", "direction": "sideways"}, ["x"])
    assert len(err.value.problems) >= 4


def test_accept_new_geography_survives_restart_and_aggregates(store):
    res = boundary_areas(check_boundaries(bezirke_geojson(), "bezirke.geojson"))
    rows = ["Stadtbezirk;Jahr;population_total;SGB II Personen"] + [
        f"{c};2022;{1000 + int(c)};{50 + int(c)}" for c in CODES
    ]
    t = check_table("\n".join(rows).encode(), "sgb.csv", areas=res.areas)
    assert t.ok and t.new_variables == ["SGB II Personen"]
    src = source_from_form("Synthetische Testdaten", "CC0")
    count = indicator_from_form(
        default_fields("SGB II Personen") | {"id": "sgb2", "source": src.id}, t.tidy["variable"].unique()
    )
    share = indicator_from_form(
        {
            "id": "sgb2_share",
            "label_de": "SGB-II-Quote",
            "kind": "rate",
            "unit": "%",
            "factor": 100,
            "numerator": "SGB II Personen",
            "denominator": "population_total",
            "direction": "up",
            "source": src.id,
        },
        t.tidy["variable"].unique(),
    )
    geo = accept_upload(
        store,
        "Stadtbezirke 2022",
        "Stadtbezirke 2022",
        UploadContent(
            areas=res.areas, tidy=t.tidy, indicators=[count, share], sources=[src], reports=[res.report, t.report]
        ),
    )
    # "restart": a fresh store object reads only what is on disk
    again = DataStore(store.root).geographies()[geo.id]
    ds = load_dataset(again)
    v = ds.values.set_index(["area_code", "indicator"])["value"]
    assert v[("19", "sgb2")] == 69 and v[("19", "sgb2_share")] == pytest.approx(69 / 1019 * 100)
    assert "population_total" in ds.catalogue  # shipped indicator kept: its input is present
    st = stadtteile_from_stadtbezirke(ds.table.unprotected(), ds.catalogue)
    three = st[(st.area_code == "03") & (st.variable == "sgb2")]["value"].item()
    assert three == 69 + 70 + 71  # Stadtbezirke 19, 20, 21 make up Moisling
    assert [d.name for d in store.list()] == ["stadtbezirke_2022"]


def test_accept_table_for_shipped_geography_keeps_shipped_data(store):
    # 03 is there so that secondary suppression can hide it with 02 (areas without a value give no protection)
    t = check_table(b"Stadtteil,Jahr,sgb2\nInnenstadt,2022,1200\n02,2022,2\n03,2022,40\n", "s.csv")
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("sgb2") | {"source": src.id}, ["sgb2"])
    geo = accept_upload(
        store,
        "stadtteile_sgb2",
        "Stadtteile + SGB II",
        UploadContent(tidy=t.tidy, base_geography="stadtteile", indicators=[ind], sources=[src], reports=[t.report]),
    )
    ds = load_dataset(geo)
    assert {"population_total", "sgb2"} <= set(ds.values["indicator"])
    sgb = ds.values[ds.values.indicator == "sgb2"].set_index("area_code")
    assert sgb.loc["01", "value"] == 1200 and sgb.loc["02", "suppressed"] and sgb.loc["03", "suppressed"]


def test_rejected_report_blocks_accept(store):
    t = check_table(b"\x00\x01binary", "x.csv")
    with pytest.raises(UploadError):
        accept_upload(store, "x", "x", UploadContent(tidy=t.tidy, base_geography="stadtteile", reports=[t.report]))
    assert store.list() == []


def test_upload_content_is_a_frozen_keyword_only_value():
    import dataclasses

    content = UploadContent(tidy=pd.DataFrame(), base_geography="stadtteile")
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.base_geography = "stadtbezirke"  # type: ignore[misc]
    with pytest.raises(TypeError):
        UploadContent(None, pd.DataFrame())  # type: ignore[misc]


def test_one_content_saved_twice_keeps_its_indicators_even_when_given_as_generators(store):
    """SYNTHETIC squares and values: a generator of indicators must not be used up by the first save."""
    areas = gpd.GeoDataFrame(
        {"code": ["A", "B"], "name": ["Nord", "Süd"]},
        geometry=[box(610000 + i * 1000, 5970000, 611000 + i * 1000, 5971000) for i in range(2)],
        crs=25832,
    )
    t = check_table(b"Gebiet,Jahr,kinder\nA,2022,120\nB,2022,80\n", "kinder.csv", areas=areas)
    src = source_from_form("Synthetische Testdaten")
    ind = indicator_from_form(default_fields("kinder") | {"source": src.id}, ["kinder"])
    content = UploadContent(
        areas=areas,
        tidy=t.tidy,
        indicators=(i for i in [ind]),
        sources=(s for s in [src]),
        reports=(r for r in [t.report]),
    )
    first = accept_upload(store, "Zweimal", "Zweimal", content)
    again = accept_upload(store, "Zweimal", "Zweimal", content, overwrite=True)
    assert first.id == again.id
    assert ind.id in load_dataset(again).catalogue
    assert src.id in load_dataset(again).sources
