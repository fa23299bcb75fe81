"""Address lookup on the shipped official address points."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from pyproj import Transformer
from shapely.geometry import box

from geo.spatial.addresses import (
    AddressIndex,
    house_label,
    load_addresses,
    locate,
    parse_query,
    points_area_codes,
    street_key,
)


@pytest.mark.parametrize(
    "text",
    [
        "Breite Straße 62",
        "breite straße 62",
        "BREITE STRASSE 62",
        "Breite Str. 62",
        "Breite Str 62",
        "breitestr. 62",
        "Breite  Strasse  62",
        "Breite Straße 62, 23552 Lübeck",
        "Breite Straße 62, Lübeck",
    ],
)
def test_town_hall_in_innenstadt_with_spelling_variants(text):
    res = locate(text)
    assert res.status == "exact"
    assert len(res.matches) == 1
    m = res.matches[0]
    assert (m.strasse, m.nummer, m.zusatz, m.plz) == ("Breite Straße", "62", "", "23552")
    assert (m.stadtteil_code, m.stadtteil_name) == ("01", "Innenstadt")
    assert m.profile_area == ("stadtteile", "01")
    assert 53.86 < m.lat < 53.87 and 10.68 < m.lon < 10.69
    assert 610_000 < m.x < 612_000 and 5_969_000 < m.y < 5_971_000


@pytest.mark.parametrize(
    "text, street, number, suffix, plz",
    [
        ("Breite Straße 62a", "breite strasse", "62", "a", None),
        ("Breite Straße 62 A", "breite strasse", "62", "a", None),
        ("Auf der Wallhalbinsel 53 b, 23554 Lübeck", "auf der wallhalbinsel", "53", "b", "23554"),
        ("Hartengrube 9/1", "hartengrube 9/", "1", "", None),
        ("Breite Straße", "breite strasse", None, "", None),
    ],
)
def test_parse_query(text, street, number, suffix, plz):
    q = parse_query(text)
    assert (q.street, q.number, q.suffix, q.plz) == (street, number, suffix, plz)


def test_street_key_folds_umlauts_sharp_s_and_street_word():
    assert street_key("Hüxstraße") == street_key("Huexstrasse") == street_key("hüxstr.") == "huexstr"
    assert street_key("Strecknitzer Weg") == "strecknitzerweg"  # "Str" inside a word stays


def test_suffix_variants_and_uppercase():
    for text in ("Auf der Wallhalbinsel 53a", "auf der wallhalbinsel 53 A"):
        res = locate(text)
        assert res.status == "exact"
        assert res.matches[0].zusatz == "a"


def test_umlaut_typed_without_e_still_found():
    res = locate("Huxstraße 1")
    assert res.status == "exact"
    assert res.matches[0].strasse == "Hüxstraße"


def test_gang_addresses_read_as_number_slash_number():
    res = locate("Hartengrube 9 / 2")
    assert res.status == "exact"
    assert res.matches[0].address.startswith("Hartengrube 9/2,")


def test_misspelt_street_gets_suggestions():
    res = locate("Briete Strase 62")
    assert res.status == "not_found"
    assert not res.found
    assert res.suggestions[0] == "Breite Straße 62"
    assert "Breite Straße" in res.message and "Briete Strase" in res.message


def test_missing_house_number_suggests_nearest_existing():
    res = locate("Breite Straße 999")
    assert res.status == "number_missing"
    assert res.suggestions and all(s.startswith("Breite Straße ") for s in res.suggestions)
    assert "999" in res.message


def test_missing_suffix_lists_existing_variants():
    res = locate("Breite Straße 62x")
    assert res.status == "number_missing"
    assert res.suggestions[0] == "Breite Straße 62"  # the same number first, then the nearest ones


def test_street_without_number_returns_all_its_addresses():
    res = locate("Breite Straße")
    assert res.status == "street" and res.found
    assert len(res.matches) == (load_addresses()["strasse"] == "Breite Straße").sum()
    assert {m.stadtteil_code for m in res.matches} == {"01"}


def test_empty_query_has_message():
    res = locate("   ")
    assert res.status == "not_found" and "Straße" in res.message


def test_stadtbezirk_named_when_polygons_given():
    town_hall = locate("Breite Straße 62").matches[0]
    # synthetic Stadtbezirk layer: one 200 m square around the town hall
    bezirke = gpd.GeoDataFrame(
        {"code": ["99"], "name": ["Testbezirk (synthetisch)"]},
        geometry=[box(town_hall.x - 100, town_hall.y - 100, town_hall.x + 100, town_hall.y + 100)],
        crs="EPSG:25832",
    )
    m = locate("Breite Straße 62", bezirke=bezirke).matches[0]
    assert (m.stadtbezirk_code, m.stadtbezirk_name) == ("99", "Testbezirk (synthetisch)")
    far = locate("Travemünder Landstraße 270", bezirke=bezirke).matches[0]
    assert far.stadtbezirk_code == ""


def test_shipped_file_counts_and_stadtteile():
    pts = load_addresses()
    assert len(pts) == 51_569
    assert pts.crs.to_epsg() == 25832
    counts = pts["stadtteil"].value_counts()
    assert counts[""] == 4  # documented: 4 points outside all Stadtteile
    assert counts["01"] == 4354 and counts["02"] == 10223
    assert not pts.duplicated(["key", "nummer", "zusatz", "plz"]).any()


def test_geometry_is_exact_projection_of_source_lon_lat():
    pts = load_addresses()
    x, y = Transformer.from_crs(4326, 25832, always_xy=True).transform(pts["lon"].to_numpy(), pts["lat"].to_numpy())
    assert np.allclose(pts.geometry.x, x, atol=1e-6) and np.allclose(pts.geometry.y, y, atol=1e-6)


def test_stadtteil_column_matches_point_in_polygon(luebeck):
    pts = load_addresses().iloc[::97]
    assert (points_area_codes(pts.geometry, luebeck.areas) == pts["stadtteil"].to_numpy()).all()


def test_index_on_synthetic_points():
    pts = gpd.GeoDataFrame(  # synthetic addresses
        {
            "strasse": ["Teststraße", "Teststraße", "Am Weg 5/"],
            "nummer": ["1", "1", "2"],
            "zusatz": ["", "a", ""],
            "plz": ["23552"] * 3,
            "stadt": ["X"] * 3,
            "stadtteil": ["01", "01", ""],
            "lon": [10.0] * 3,
            "lat": [53.0] * 3,
        },
        geometry=gpd.points_from_xy([1, 2, 3], [1, 2, 3]),
        crs="EPSG:25832",
    )
    pts["key"] = pts["strasse"].map(street_key)
    areas = pd.DataFrame({"code": ["01"], "name": ["Innenstadt"]})
    idx = AddressIndex(pts, areas)
    assert [m.zusatz for m in idx.locate("teststr 1 a").matches] == ["a"]
    assert idx.locate("Am Weg 5/2").matches[0].stadtteil_code == ""
    assert house_label("Am Weg 5/", "2", "") == "Am Weg 5/2"


def test_build_script_reproduces_shipped_file(raw_dir, tmp_path):
    import importlib.util

    from testkit import ROOT

    spec = importlib.util.spec_from_file_location("build_addresses", ROOT / "shapes" / "build_addresses.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    built = mod.build(raw_dir / "sh-addresses-luebeck", tmp_path / "a.parquet")
    shipped = load_addresses()
    assert len(built) == len(shipped)
    assert (built["key"].astype(str).to_numpy() == shipped["key"].to_numpy()).all()
    assert (built["stadtteil"].astype(str).to_numpy() == shipped["stadtteil"].to_numpy()).all()


def test_a_number_that_does_not_exist_suggests_the_nearest_house_numbers():
    res = locate("Travemünder Allee 1")  # only 1d exists
    assert res.status == "number_missing"
    assert res.suggestions[:3] == ["Travemünder Allee 1d", "Travemünder Allee 2", "Travemünder Allee 3"]
    assert "Nächste Hausnummern" in res.message and "1d" not in res.notice  # the app shows them as buttons


def test_a_street_without_number_says_so():
    res = locate("Travemünder Allee")
    assert res.status == "street" and "keine Hausnummer angegeben" in res.notice


def test_the_result_speaks_in_the_voice_given():
    from indicators.wording.voice import Voice

    english, german = Voice.of("en"), Voice.of("de")
    missing = locate("Breite Straße 999")
    assert missing.text(voice=german) == missing.message and "999" in missing.text(voice=english)
    assert missing.text(voice=english) != missing.message  # the key rendered in English, not the German text
    assert missing.notice_text(voice=english) != missing.notice_text(voice=german)
    assert missing.to_text(voice=english).splitlines()[0] == missing.text(voice=english)
    exact = locate("Breite Straße 62")
    assert exact.to_text(voice=german) == exact.to_text()  # German is the default
    assert exact.to_text(voice=english).splitlines()[0].startswith("Breite Straße 62")
